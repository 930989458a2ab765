"""Evidence that an unaligned sentence was translated inside its neighbour's link (tqcheck.fold_support)."""
import numpy as np
import pytest

from tqcheck import fold_support
from tqcheck.align import Link
from tqcheck.fold_support import CONTRAST_WEIGHT, PIECE_OFFSET, VECTOR_WEIGHT, FoldSupport, _vector_support, _word_support, pieces

OLYMPICS_RU = "Токио станет единственным городом Азии, который дважды принимал летние Олимпийские игры."
FIRST_RU = "Впервые они прошли здесь в 1964 году."
OLYMPICS_EN = "Tokyo will be the only Asian city to have hosted the summer Olympics twice, having hosted the games in 1964."


def test_a_number_of_the_lone_sentence_in_the_neighbours_translation_is_evidence():
    assert _word_support(FIRST_RU, OLYMPICS_RU, OLYMPICS_EN, "ru", "en") == 1.0


def test_a_number_the_neighbours_own_source_states_is_no_evidence():
    own = OLYMPICS_RU[:-1] + " (впервые в 1964 году)."
    assert _word_support(FIRST_RU, own, OLYMPICS_EN, "ru", "en") == 0.0


def test_names_found_beyond_what_the_neighbours_source_explains():
    lone = "Вторжение получило название «Операция Драгун»."
    own = "15 августа союзники высадились на юге Франции."
    other = "On 15 August the Allies landed in southern France, in what was called Operation Dragoon."
    assert _word_support(lone, own, other, "ru", "en") == 1.0   # Драгун/Dragoon (Операция/Operation: 0.6 < 0.7)
    assert _word_support(lone, own, "On 15 August the Allies landed in southern France.", "ru", "en") == 0.0


def test_pieces_cut_at_clauses_and_words_next_to_the_lone_sentence():
    text = "The police arrested a man, who was 20, at a news conference on Friday."
    at_end = pieces(text, True, 0.3)
    assert ("at a news conference on Friday.", "The police arrested a man, who was 20,") in at_end
    assert ("news conference on Friday.", "The police arrested a man, who was 20, at a") in at_end
    assert ("man, who was 20, at a news conference on Friday.", "The police arrested a") not in at_end  # over half
    assert all(text.endswith(piece) for piece, _ in at_end)
    assert all(text.startswith(piece) for piece, _ in pieces(text, False, 0.3))


def _fake_encode(vectors):
    return lambda texts: np.array([vectors[t] for t in texts])


def _support(rest_vector, monkeypatch):
    """Support for "Все они кричали." (source 1) beside the link source 0 -> target 0, with fake embeddings: the
    cut "..., | and they were all screaming." gives a piece equal to the lone sentence and ``rest_vector`` for the
    rest; every other cut mixes both meanings."""
    lone, own = "Все они кричали.", "Там стояли дети."
    other = "There were children there, and they were all screaming."
    piece, rest = "and they were all screaming.", "There were children there,"
    e = np.eye(3)
    mixed = (e[0] + e[1]) / np.sqrt(2)
    vectors = {p: mixed for cut in pieces(other, True, 0.5) for p in cut}
    vectors.update({lone: e[0], own: e[1], other: mixed, piece: e[0], rest: rest_vector})
    monkeypatch.setattr(fold_support, "_vector_support", lambda *args: 0.0)   # the clause evidence alone
    support = FoldSupport([own, lone], [other], "ru", "en", _fake_encode(vectors), midpoint=0.9, scale=0.01)
    return support(Link((1,), (), None), Link((0,), (0,), 1.0))


def test_a_piece_that_translates_the_lone_sentence_is_evidence(monkeypatch):
    # piece: cosine 1 -> (1 - 0.9) / 0.01 = 10 log-odds; the rest matches its source better than the whole does
    assert _support(np.eye(3)[1], monkeypatch) == pytest.approx(10 + PIECE_OFFSET)


def test_a_piece_cut_out_of_the_neighbours_own_translation_is_no_evidence(monkeypatch):
    # the rest no longer translates its source (cosine 0: -90 against the whole's -19.3), so that cut fails; the
    # best other cut scores -19.3, far under the offset (5)
    assert _support(np.eye(3)[2], monkeypatch) == 0.0


def _contrast_support(piece_cosine, monkeypatch):
    """Clause support for "Das wird sich zeigen." beside "Aber ich informiere die Presse gern." -> "But we'll see and I
    always like to keep the press updated.", fake embeddings: the lone sentence is at cosine 0.7 from the whole
    translation (-20 log-odds) and ``piece_cosine`` from the piece "But we'll see"; every cut keeps the rest as near
    its source as the whole is."""
    lone, own = "Das wird sich zeigen.", "Aber ich informiere die Presse gern."
    other = "But we'll see and I always like to keep the press updated."
    cuts = pieces(other, False, len(lone) / (len(lone) + len(own)))
    piece = "But we'll see"
    assert piece in [p for p, _ in cuts]
    e = np.eye(3)
    at = lambda cos: cos * e[0] + np.sqrt(1 - cos ** 2) * e[2]          # noqa: E731 (cosine ``cos`` with the lone)
    vectors = {p: at(0.45) for cut in cuts for p in cut}
    vectors.update({p: e[1] for _, p in cuts})
    vectors.update({lone: e[0], own: e[1], other: (at(0.7) + e[1]) / np.linalg.norm(at(0.7) + e[1]),
                    piece: at(piece_cosine)})
    monkeypatch.setattr(fold_support, "_vector_support", lambda *args: 0.0)
    support = FoldSupport([lone, own], [other], "de", "en", _fake_encode(vectors), midpoint=0.9, scale=0.01,
                          contrast_offset=6.0)
    return support(Link((0,), (), None), Link((1,), (0,), 1.0))


def test_a_piece_far_nearer_the_lone_sentence_than_the_whole_is_evidence(monkeypatch):
    # the whole: cosine 0.7 / sqrt(2) = 0.495 -> -40.5 log-odds; the piece at 0.8 -> -10: far under the offset, but
    # 30.5 above the whole
    whole = (0.7 / np.sqrt(2) - 0.9) / 0.01
    expected = CONTRAST_WEIGHT * ((0.8 - 0.9) / 0.01 - whole - 6.0)
    assert _contrast_support(0.8, monkeypatch) == pytest.approx(expected)


def test_a_best_piece_hardly_above_the_whole_is_no_evidence(monkeypatch):
    # a deleted sentence: the best piece (0.54 -> -36) rises 4.5 above the whole (-40.5), under the offset (6)
    assert _contrast_support(0.54, monkeypatch) == 0.0


TOLL_DE = "Die Zahl der Toten dürfte noch ansteigen."
STORM_DE = "Der Sturm zog am Sonntag über die Küste und beschädigte Hunderte Häuser."


def test_word_vectors_find_the_lone_sentences_words_where_its_translation_would_be():
    merged = "The storm swept over the coast on Sunday and damaged hundreds of homes, with the death toll expected to rise."
    # rise translates ansteigen (0.75) and nothing in the storm sentence does: 1 of 4 content words (Toten is only
    # 0.46 from death: rarer words have weaker vectors)
    assert _vector_support(TOLL_DE, STORM_DE, merged, "de", "en", True) == pytest.approx(VECTOR_WEIGHT / 4)


def test_word_vectors_give_nothing_for_a_deleted_sentence_or_at_the_wrong_end():
    alone = "The storm swept over the coast on Sunday and damaged hundreds of homes."
    assert _vector_support(TOLL_DE, STORM_DE, alone, "de", "en", True) == 0.0
    before = "With the death toll expected to rise, the storm swept over the coast on Sunday and damaged hundreds of homes."
    assert _vector_support(TOLL_DE, STORM_DE, before, "de", "en", True) == 0.0   # the lone sentence came after


def test_word_vectors_need_a_covered_language():
    assert _vector_support("Кількість загиблих зросте.", "Буря пройшла узбережжям.", "The storm hit, toll rising.",
                           "uk", "en", True) == 0.0


RUN_ON = " ".join(f"word{k} and more{k}" for k in range(40))          # 120 words, 699 characters, no clause


def test_a_long_text_is_cut_at_most_max_cuts_places_evenly_with_the_one_next_to_the_lone_sentence():
    assert len(RUN_ON) > fold_support.LONG_TEXT
    share = 0.37
    cuts = pieces(RUN_ON, False, share)
    # 16 cuts instead of one per word of the first half (60); the first leaves a piece under MIN_PIECE, dropped
    assert len(cuts) == fold_support.MAX_CUTS - 1
    heads = [len(piece) for piece, _ in cuts]
    assert heads[0] < 30 and heads[-1] > 0.45 * len(RUN_ON)              # spread from the first cut to the last
    nearest = min((m.end() for m in fold_support._SPACE.finditer(RUN_ON)), key=lambda w: abs(w - share * len(RUN_ON)))
    assert RUN_ON[:nearest].strip() in {piece for piece, _ in cuts}


def test_a_text_under_long_text_keeps_every_cut():
    text = " ".join(f"w{k}" for k in range(60))                           # 229 characters, 59 word boundaries
    assert len(text) <= fold_support.LONG_TEXT
    assert len(pieces(text, False, 0.2)) > fold_support.MAX_CUTS


def test_pieces_of_a_long_text_are_embedded_without_being_kept(monkeypatch):
    monkeypatch.setattr(fold_support, "_vector_support", lambda *args: 0.0)
    calls = {"encode": 0, "once": 0}

    def encode(key):
        def embed(texts):
            calls[key] += 1
            return np.ones((len(texts), 3)) / np.sqrt(3)
        return embed

    lone, own = "Все они кричали.", "Там стояли дети."
    for other, used in (("There were children there, and they were all screaming.", "encode"), (RUN_ON, "once")):
        support = FoldSupport([own, lone], [other], "ru", "en", encode("encode"), 0.9, 0.01, encode_once=encode("once"))
        before = dict(calls)
        support(Link((1,), (), None), Link((0,), (0,), 1.0))
        assert calls[used] == before[used] + 1 and sum(calls.values()) == sum(before.values()) + 1


def test_encode_once_gives_the_same_vectors_and_keeps_none():
    from tqcheck.encoders.base import CachedEncoder

    class Inner:
        name, version, languages = "fake", "1", frozenset({"en"})

        def encode(self, texts):
            return np.array([[len(t), 1.0, 0.0] for t in texts])

    cached = CachedEncoder(Inner())
    kept = cached.encode(["one", "three"])
    once = cached.encode_once(["three", "eleven", "one"])
    assert np.allclose(once[0], kept[1]) and np.allclose(once[2], kept[0])
    assert np.allclose(once[1], cached.encode(["eleven"])[0])
    assert set(cached._cache) == {"one", "three", "eleven"}              # "eleven" only from the plain encode
    cached.clear()
    cached.encode_once(["x"])
    assert cached._cache == {}


def test_the_encoder_cache_keeps_max_kept_texts_dropping_the_oldest_half():
    from tqcheck.encoders.base import CachedEncoder

    class Inner:
        name, version, languages = "fake", "1", frozenset({"en"})
        embedded = []

        def encode(self, texts):
            self.embedded.extend(texts)
            return np.array([[len(t), 1.0, 0.0] for t in texts])

    cached = CachedEncoder(Inner(), max_kept=4)
    first = cached.encode(["a", "bb", "ccc", "dddd"])
    assert len(cached._cache) == 4
    cached.encode(["eeeee"])                        # 5 > 4: the newest 2 kept (a batch is embedded longest first)
    assert list(cached._cache) == ["a", "eeeee"]
    again = cached.encode(["dddd"])                                      # dropped: embedded again, same vector
    assert np.allclose(again[0], first[3]) and Inner.embedded.count("dddd") == 2
