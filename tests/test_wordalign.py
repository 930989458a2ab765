"""The contextual word aligner links each source word to its English rendering, in every source language."""
import numpy as np
import pytest

from tqcheck import wordalign

# (lang, source, English, source word -> the English word it must be linked to)
CASES = [
    ("es", "Miles de personas asistieron a la manifestación en Madrid.",
     "Thousands of people attended the demonstration in Madrid.",
     {"personas": "people", "asistieron": "attended", "manifestación": "demonstration", "Madrid": "Madrid"}),
    ("fr", "Le gouvernement a annoncé de nouvelles mesures hier soir.",
     "The government announced new measures last night.",
     {"gouvernement": "government", "annoncé": "announced", "nouvelles": "new", "mesures": "measures"}),
    ("de", "Die Regierung hat gestern neue Maßnahmen beschlossen.",
     "The government adopted new measures yesterday.",
     {"Regierung": "government", "gestern": "yesterday", "neue": "new", "Maßnahmen": "measures"}),
    ("it", "Il sindaco ha inaugurato il nuovo ponte sul fiume.",
     "The mayor opened the new bridge over the river.",
     {"sindaco": "mayor", "nuovo": "new", "ponte": "bridge", "fiume": "river"}),
    ("pt", "O presidente visitou a escola na segunda-feira.",
     "The president visited the school on Monday.",
     {"presidente": "president", "visitou": "visited", "escola": "school"}),
    ("ru", "Президент подписал новый закон о налогах.",
     "The president signed a new law on taxes.",
     {"Президент": "president", "подписал": "signed", "закон": "law", "налогах": "taxes"}),
    ("uk", "Уряд ухвалив новий закон про податки.",
     "The government passed a new law on taxes.",
     {"Уряд": "government", "новий": "new", "закон": "law", "податки": "taxes"}),
]


@pytest.mark.parametrize("lang, source, target, expected", CASES, ids=[c[0] for c in CASES])
def test_content_words_link_to_their_translation(lang, source, target, expected):
    alignment = wordalign.align(source, target, lang)
    linked = {(alignment.source_words[l.source].text, alignment.target_words[l.target].text)
              for l in alignment.links}
    for word, english in expected.items():
        assert (word, english) in linked, (word, sorted(linked))


def test_links_carry_character_spans_and_similarity():
    source, target = "El acuerdo actual expira mañana.", "The current agreement expires tomorrow."
    alignment = wordalign.align(source, target, "es")
    link = next(l for l in alignment.links if source[slice(*l.source_span)] == "actual")
    assert target[slice(*link.target_span)] == "current"
    assert 0.5 < link.similarity <= 1.0
    assert alignment.similarity.shape == (5, 5)


def test_argmax_keeps_mutual_best_and_itermax_adds_leftovers():
    similarity = np.array([[0.9, 0.8, 0.1],
                           [0.85, 0.3, 0.2],
                           [0.1, 0.2, 0.7]])
    assert wordalign.links_from(similarity, "argmax") == [(0, 0), (2, 2)]
    # second round: row 1 and column 1 are free; a pair with one free side keeps 0.9 of its similarity, so
    # row 0 now prefers column 1 (0.72) and row 1 column 0 (0.765), each mutually: both are added (one-to-many)
    assert wordalign.links_from(similarity, "itermax") == [(0, 0), (0, 1), (1, 0), (2, 2)]


def test_empty_side_and_unknown_method():
    assert wordalign.links_from(np.zeros((0, 3)), "itermax") == []
    with pytest.raises(ValueError, match="argmax, itermax"):
        wordalign.links_from(np.ones((2, 2)), "greedy")
