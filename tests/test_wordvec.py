"""Word vectors: a word sits near its translation, not near its look-alike."""
import numpy as np
import pytest

from tqcheck import wordvec


@pytest.mark.parametrize("source, translation, look_alike", [
    ("éxito", "success", "exit"),
    ("embarazada", "pregnant", "embarrassed"),
    ("actualmente", "currently", "actually"),
])
def test_translation_is_nearer_than_false_friend(source, translation, look_alike):
    assert wordvec.similarity(source, translation) > wordvec.similarity(source, look_alike) + 0.3


def test_true_cognates_are_near():
    assert wordvec.similarity("presidente", "president") > 0.9


def test_matrix_shape_and_order():
    matrix = wordvec.similarity_matrix(["ciudad", "éxito"], ["success", "city", "exit"])
    assert matrix.shape == (2, 3)
    assert matrix[0].argmax() == 1 and matrix[1].argmax() == 0


def test_coverage():
    assert wordvec.available("es") and wordvec.available("ru")
    assert not wordvec.available("uk")


def test_phrases_are_words_and_runs_in_order():
    assert wordvec.phrases("He applied for part-time work.", longest=2) == [
        "He", "applied", "for", "part-time", "work", "He applied", "applied for", "for part-time", "part-time work"]
    assert wordvec.phrases("") == []


def test_clear_does_not_load_the_encoder(monkeypatch):
    """A rules-only batch clears the word cache between chunks without ever needing word vectors."""
    loaded = wordvec._encoder.cache_info().currsize
    wordvec._encoder.cache_clear()
    monkeypatch.setattr(wordvec, "load_encoder", lambda name: pytest.fail("loaded the word encoder"))
    wordvec.clear()
    assert wordvec._encoder.cache_info().currsize == 0
    monkeypatch.undo()
    if loaded:
        wordvec._encoder()                                  # as other tests found it


def test_vectors_not_kept_are_the_same_and_stay_out_of_the_encoders_memory(monkeypatch):
    from tqcheck.encoders.base import CachedEncoder

    class Inner:
        name, version, languages = "fake", "1", frozenset({"es", "en"})

        def encode(self, texts):
            return np.array([[len(t), 1.0, 0.0] for t in texts])

    cached = CachedEncoder(Inner())
    monkeypatch.setattr(wordvec, "_encoder", lambda: cached)
    kept = wordvec.vectors(["uno"])
    once = wordvec.similarity_matrix(["uno", "tres"], ["three"], keep=False)
    assert list(cached._cache) == ["uno"]                               # the phrases asked with keep=False: none kept
    assert np.allclose(once, wordvec.similarity_matrix(["uno", "tres"], ["three"]))
    assert np.allclose(wordvec.vectors(["uno"], keep=False), kept) and set(cached._cache) == {"uno", "tres", "three"}
