"""CometKiwi and xCOMET through tqcheck against the independent reference forward in neural_reference.py."""
import hashlib

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from neural_models import ITEMS, _private_cache, models, qe_items  # noqa: E402,F401
from neural_reference import comet_reference, sparsemax_reference  # noqa: E402

from tqcheck.scoring.neural import load_scorer  # noqa: E402
from tqcheck.scoring.neural.comet import sparsemax  # noqa: E402

TOL = 1e-5


@pytest.fixture(scope="module")
def kiwi():
    return load_scorer(str(models()["kiwi"]), device="cpu", batch_size=3)


@pytest.fixture(scope="module")
def xcomet():
    return load_scorer(str(models()["xcomet"]), device="cpu", batch_size=4)


@pytest.mark.parametrize("name", ["kiwi", "kiwi-sparsemax", "xcomet"])
@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_scores_match_reference(name, batch_size):
    scorer = load_scorer(str(models()[name]), device="cpu", batch_size=batch_size)
    preds = scorer.predict(qe_items())
    for (src, mt), pred in zip(ITEMS, preds):
        score, regression, spans = comet_reference(models()[name], src, mt)
        assert abs(pred.raw - score) < TOL, (name, src[:30], mt[:30])
        assert abs(pred.details["regression"] - regression) < TOL
        assert [s[:3] for s in pred.spans] == spans
        assert pred.qe == min(1.0, max(0.0, pred.raw))


def test_raw_scores_and_qe_are_kept(kiwi):
    qe = kiwi.score(qe_items(), "es")
    assert len(qe) == len(ITEMS) and all(0.0 <= q <= 1.0 for q in qe)
    assert len(kiwi.last_raw) == len(ITEMS)
    assert qe == [min(1.0, max(0.0, r)) for r in kiwi.last_raw]
    assert len(set(round(r, 6) for r in kiwi.last_raw)) > 3      # the inputs are told apart
    assert kiwi.error_spans() == [[] for _ in ITEMS]              # CometKiwi has no word-level head


def test_order_does_not_depend_on_batching(kiwi):
    items = qe_items()
    together = kiwi.score(items)
    alone = [kiwi.score([item])[0] for item in items]
    assert max(abs(a - b) for a, b in zip(together, alone)) < TOL


def test_xcomet_spans_are_character_offsets_in_the_mt(xcomet):
    items = qe_items()
    spans = xcomet.error_spans(items)
    assert len(spans) == len(items)
    found = [s for per_item in spans for s in per_item]
    assert found, "the tiny tagger should flag something"
    for item, per_item in zip(items, spans):
        for span in per_item:
            assert 0 <= span.start <= span.end <= len(item.target)
            assert span.text == item.target[span.start:span.end]
            assert span.severity in ("minor", "major", "critical")
            assert 0.0 < span.confidence <= 1.0
            assert span[:3] == (span.start, span.end, span.severity)


def test_xcomet_score_mixes_regression_and_spans(xcomet):
    points = {"minor": 1, "major": 5, "critical": 10}
    for pred in xcomet.predict(qe_items()):
        mqm = min(25, sum(points[s.severity] for s in pred.spans))
        expected = min(pred.details["regression"], 1.0) * 0.78 + (25 - mqm) / 25 * 0.22
        assert abs(pred.raw - expected) < 1e-6


def test_layer_mix_rule():
    """hparams.yaml 'sparsemax_patch' forces softmax (published CometKiwi/xCOMET); 'sparsemax' in both is sparsemax."""
    assert load_scorer(str(models()["kiwi"]), device="cpu").transform == "softmax"
    assert load_scorer(str(models()["kiwi-sparsemax"]), device="cpu").transform == "sparsemax"


def test_sparsemax():
    assert torch.allclose(sparsemax(torch.tensor([1.0, 0.5, -1.0])), torch.tensor([0.75, 0.25, 0.0]))
    z = torch.randn(25)
    assert torch.allclose(sparsemax(z), sparsemax_reference(z), atol=1e-5)
    assert abs(sparsemax(z).sum().item() - 1) < 1e-6


def test_info_records_what_reproduces_the_scores(kiwi):
    info = kiwi.info()
    ckpt = models()["kiwi"] / "checkpoints" / "model.ckpt"
    assert info["backend"] == "comet-unified_metric"
    assert info["checkpoint"] == str(ckpt)
    assert info["sha256"] == hashlib.sha256(ckpt.read_bytes()).hexdigest()
    assert set(info["versions"]) >= {"torch", "transformers", "tokenizers"}
    assert info["device"] == "cpu" and info["dtype"] == "fp32"
    assert info["layer_mix"] == "softmax" and info["max_tokens"] == 512
    assert info["calibration"].startswith("qe = clamp(raw, 0, 1)")
    assert {"name", "encoder", "calibration"} <= set(info)       # the keys report-v1 readers expect


def test_truncation_as_reference(kiwi):
    enc = kiwi._encode_all(qe_items())
    mt_only = kiwi.tokenizer(ITEMS[6][1], truncation=True, max_length=510)["input_ids"]
    assert len(mt_only) == 510                                  # each side is cut to max_positions - 2 first
    # then <s> MT </s></s> SRC </s> is cut to max_positions: the MT stays whole, the source is what is lost
    assert enc[6].length == 512 and enc[6].ids[:509] == mt_only[:509] and enc[6].ids[509:511] == [2, 2]
    assert enc[5].length == enc[7].length == 512
    assert enc[0].ids[0] == kiwi.cls_id and enc[0].ids[-1] == kiwi.sep_id and enc[0].length < 64


def test_oom_halves_the_batch_and_retries(monkeypatch):
    scorer = load_scorer(str(models()["kiwi"]), device="cpu", batch_size=8)
    expected = scorer.score(qe_items())
    real = scorer._forward
    seen = []

    def flaky(batch):
        seen.append(len(batch))
        if len(batch) > 2:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real(batch)

    monkeypatch.setattr(scorer, "_forward", flaky)
    assert scorer.score(qe_items()) == pytest.approx(expected, abs=TOL)
    assert seen[:3] == [8, 4, 2] and max(seen[3:]) <= 2
    assert scorer.batch_size == 2
    assert any("batch size lowered to 2" in w for w in scorer.info()["warnings"])


def test_oom_at_batch_size_one_is_an_input_error(monkeypatch):
    from tqcheck.errors import InputError

    scorer = load_scorer(str(models()["kiwi"]), device="cpu", batch_size=2)

    def always(batch):
        raise RuntimeError("MPS backend out of memory")

    monkeypatch.setattr(scorer, "_forward", always)
    with pytest.raises(InputError, match="out of memory .* batch size 1"):
        scorer.score(qe_items())


def test_other_errors_are_not_swallowed(monkeypatch):
    scorer = load_scorer(str(models()["kiwi"]), device="cpu")
    monkeypatch.setattr(scorer, "_forward", lambda batch: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        scorer.score(qe_items())


@pytest.mark.parametrize("name", ["kiwi", "xcomet", "metricx", "hf"])
def test_gpu_style_padding_changes_nothing(name):
    """On a GPU the padded width is rounded up to a multiple of 32; the scores and spans must not move."""
    plain = load_scorer(str(models()[name]), device="cpu", batch_size=4)
    bucketed = load_scorer(str(models()[name]), device="cpu", batch_size=4)
    bucketed.pad_multiple = 32
    a, b = plain.predict(qe_items()), bucketed.predict(qe_items())
    assert max(abs(x.raw - y.raw) for x, y in zip(a, b)) < TOL
    assert [[s[:3] for s in x.spans] for x in a] == [[s[:3] for s in y.spans] for y in b]


def test_empty_list(kiwi):
    assert kiwi.score([]) == []
