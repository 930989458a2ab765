"""Any HF sequence-classification checkpoint in a folder."""
import json

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from neural_models import ITEMS, _private_cache, models, qe_items  # noqa: E402,F401

from tqcheck.scoring.neural import load_scorer  # noqa: E402


def _direct(folder, first, second):
    model = transformers.AutoModelForSequenceClassification.from_pretrained(str(folder)).eval()
    tok = transformers.AutoTokenizer.from_pretrained(str(folder))
    with torch.no_grad():
        enc = tok(first, second, truncation=True, max_length=512, return_tensors="pt")
        return model(**enc).logits[0]


def test_regression_head():
    scorer = load_scorer(str(models()["hf"]), device="cpu", batch_size=3)
    assert scorer.backend == "hf-sequence-classification"
    preds = scorer.predict(qe_items())
    for (src, mt), pred in zip(ITEMS, preds):
        assert abs(pred.raw - _direct(models()["hf"], src, mt)[0].item()) < 1e-5
        assert pred.qe == min(1.0, max(0.0, pred.raw))


def test_classifier_with_settings(tmp_path):
    import shutil

    folder = tmp_path / "hf3"
    shutil.copytree(models()["hf3"], folder)
    (folder / "tqcheck.json").write_text(json.dumps(
        {"input_order": "target-source", "label": 0, "score_range": [0.2, 0.6], "higher_is_better": False}))
    scorer = load_scorer(str(folder), device="cpu")
    for (src, mt), pred in zip(ITEMS[:4], scorer.predict(qe_items()[:4])):
        p0 = torch.softmax(_direct(folder, mt, src), -1)[0].item()
        assert abs(pred.raw - p0) < 1e-5
        assert abs(pred.qe - (1 - min(1, max(0, (pred.raw - 0.2) / 0.4)))) < 1e-9
