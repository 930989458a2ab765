"""``tqcheck check SRC TGT --model PATH`` end to end with each backend on tiny local checkpoints."""
import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from typer.testing import CliRunner  # noqa: E402

from neural_models import _private_cache, models  # noqa: E402,F401
from tqcheck.cli import app  # noqa: E402

SOURCE = ("El presidente del Gobierno dijo ayer que la economía crece más de lo previsto.\n\n"
          "La oposición pidió precisar las cifras antes del debate en el Congreso.")
TARGET = ("The Prime Minister said yesterday that the economy is growing faster than expected.\n\n"
          "The opposition asked for the figures to be clarified before the debate in Congress.")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pair")
    (folder / "a.es.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "a.en.txt").write_text(TARGET, encoding="utf-8")
    return folder / "a.es.txt", folder / "a.en.txt"


def _check(pair, *extra):
    return CliRunner().invoke(app, ["check", str(pair[0]), str(pair[1]), "--source-lang", "es", "--format", "json",
                                    "--fail-on", "never", *map(str, extra)])


@pytest.mark.parametrize("name, backend", [("kiwi", "comet-unified_metric"), ("xcomet", "comet-xcomet_metric"),
                                           ("metricx", "metricx-24"), ("hf", "hf-sequence-classification")])
def test_check_with_model(pair, name, backend):
    result = _check(pair, "--model", models()[name], "--device", "cpu")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["scorer"]["backend"] == backend
    assert report["scorer"]["device"] == "cpu" and len(report["scorer"]["sha256"]) == 64
    scored = [s for s in report["segments"] if s["kind"] == "1-1"]
    assert len(scored) == 2 and all(0.0 <= s["qe"] <= 1.0 for s in scored)


def test_model_errors_are_one_line(pair, tmp_path):
    for extra, fragment in ((["--model", tmp_path / "missing"], "no such model folder"),
                            (["--model", models()["kiwi"], "--device", "quantum"], "device")):
        result = _check(pair, *extra)
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("tqcheck: error:") and fragment in lines[0], result.output
