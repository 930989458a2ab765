"""MetricX-24 through tqcheck against the metricx24 reference forward (full lm_head, logit 250089)."""
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from neural_models import ITEMS, _private_cache, models, qe_items  # noqa: E402,F401
from neural_reference import metricx_input_length, metricx_reference  # noqa: E402

from tqcheck.scoring.base import QEItem  # noqa: E402
from tqcheck.scoring.neural import load_scorer  # noqa: E402

TOL = 1e-5


@pytest.mark.parametrize("batch_size", [1, 4, 16])
def test_scores_match_reference(batch_size):
    scorer = load_scorer(str(models()["metricx"]), device="cpu", batch_size=batch_size)
    assert scorer.backend == "metricx-24"
    preds = scorer.predict(qe_items())
    for (src, mt), pred in zip(ITEMS, preds):
        ref = metricx_reference(models()["metricx"], src, mt)
        assert abs(pred.raw - ref) < TOL
        assert 0.0 <= pred.raw <= 25.0
        assert abs(pred.qe - (1 - pred.raw / 25)) < 1e-9
    raws = [p.raw for p in preds]
    assert any(0 < r < 25 for r in raws)


def test_input_format_truncation_and_eos():
    scorer = load_scorer(str(models()["metricx"]), device="cpu")
    very_long = QEItem("Президент сказал. " * 400, "The president said. " * 400)
    short = QEItem("Hola.", "Hello.")
    enc = scorer._encode_all([very_long, short])
    assert enc[0].length == 1535                                   # 1536 with the EOS, which is removed
    assert enc[1].ids == scorer.tokenizer("source: Hola. candidate: Hello.")["input_ids"][:-1]
    assert enc[1].length == metricx_input_length(models()["metricx"], "Hola.", "Hello.")
    assert enc[1].ids[-1] != scorer.tokenizer.eos_token_id


def test_info():
    info = load_scorer(str(models()["metricx"]), device="cpu").info()
    assert info["backend"] == "metricx-24" and info["prediction_index"] == 250089
    assert info["max_tokens"] == 1536 and info["dtype"] == "fp32"
    assert info["checkpoint"].endswith("model.safetensors") and len(info["sha256"]) == 64
    assert info["calibration"].startswith("qe = 1 - clamp((raw - 0) / 25, 0, 1)")


def test_bf16_checkpoint_runs_in_bf16(tmp_path):
    from tqcheck.scoring.neural import fixtures as fx

    folder = fx.build_metricx(tmp_path / "mx-bf16", dtype=torch.bfloat16, with_tokenizer=False)
    for name in ("spiece.model", "tokenizer.json", "tokenizer_config.json"):
        (folder / name).write_bytes((models()["metricx"] / name).read_bytes())
    scorer = load_scorer(str(folder), device="cpu")
    assert scorer.dtype == torch.bfloat16 and scorer.info()["dtype"] == "bf16"
    assert next(scorer.encoder.parameters()).dtype == torch.bfloat16
    assert all(0.0 <= q <= 1.0 for q in scorer.score(qe_items()[:3]))
    assert load_scorer(str(folder), device="cpu", dtype="fp32").dtype == torch.float32


def test_tokenizer_from_elsewhere(tmp_path):
    """A published MetricX folder has no tokenizer: it comes from the tokenizer option (or the HF cache)."""
    import shutil

    from tqcheck.errors import InputError

    folder = tmp_path / "mx"
    shutil.copytree(models()["metricx"], folder)
    for name in ("spiece.model", "tokenizer.json", "tokenizer_config.json"):
        (folder / name).unlink()
    with pytest.raises(InputError, match="mT5 tokenizer"):
        load_scorer(str(folder), device="cpu")
    scorer = load_scorer(str(folder), device="cpu", tokenizer=str(models()["metricx"]))
    assert scorer.info()["tokenizer"] == str(models()["metricx"])
