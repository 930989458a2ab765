"""Lemmas and morphology for the eight languages, loaded once per process and cached per word.

pymorphy3 (with its OpenCorpora / VESUM dictionaries) for Russian and Ukrainian, simplemma for the others:
checks match words by lemma through here rather than each loading its own lemmatiser.
"""
from __future__ import annotations

from functools import lru_cache

MORPHOLOGY = frozenset({"ru", "uk"})


@lru_cache(maxsize=None)
def analyzer(lang: str):
    """The pymorphy3 analyser for ``ru`` or ``uk`` (about 0.3 s to load each)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


# What is derived from parses (lemma, lemmas, is_known, name tags) is cached on its own: a tenth of the other caches'
# bound serves them (pymorphy3's parse objects take about 700 bytes a word; 26 MiB for a 4,009-pair memory).
@lru_cache(maxsize=20_000)
def parses(word: str, lang: str) -> tuple:
    """pymorphy3's parses of a Russian or Ukrainian word, most likely first; ``()`` for other languages."""
    if lang not in MORPHOLOGY:
        return ()
    return tuple(analyzer(lang).parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The most likely lemma of ``word``, lower-cased; the word itself when nothing knows it."""
    if lang in MORPHOLOGY:
        found = parses(word, lang)
        return found[0].normal_form if found else word.lower()
    return written_lemma(word, lang).lower()


def written_lemma(word: str, lang: str) -> str:
    """simplemma's lemma as its dictionary writes it (lower-case: a common word; capitalised: a name), for the
    languages without MORPHOLOGY. Not cached: ``lemma`` keeps its answers, and no other caller asks often."""
    import simplemma

    # low_memory: simplemma's front-coded dictionary read in place (German: 16 instead of 102 MiB), same entries
    return simplemma.lemmatize(word, lang=lang, low_memory=True)


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every lemma ``word`` may have (all parses for ru/uk), with the lower-cased word itself."""
    found = {word.lower(), lemma(word, lang)}
    found.update(p.normal_form for p in parses(word, lang))
    return frozenset(found)


NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@lru_cache(maxsize=200_000)
def nominatives(word: str, lang: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(nominative, grammemes) of each noun or adjective reading of a Russian or Ukrainian word, most likely first.

    The nominative keeps the reading's gender and number (Щербакову -> щербаков and щербакова, Навальной ->
    навальная), where pymorphy3's ``normal_form`` would give the masculine for both."""
    out: dict[str, frozenset[str]] = {}
    for p in parses(word, lang):
        if not ({"NOUN", "ADJF"} & p.tag.grammemes) or "plur" in p.tag.grammemes:
            continue
        form = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
        nominative = form.word if form is not None else p.normal_form
        out.setdefault(nominative, frozenset(p.tag.grammemes))
    return tuple(out.items())


@lru_cache(maxsize=200_000)
def proper_abbreviation(word: str, lang: str) -> bool:
    """An abbreviation the dictionary knows as one organisation's or place's name (ВДНХ, МГИМО, ЦСКА: pymorphy3's
    Orgn/Geox), not a common noun (ЖКХ, ДТП, ЗАГС). Only the Russian dictionary carries these tags."""
    return any("Abbr" in p.tag.grammemes and p.tag.grammemes & {"Orgn", "Geox"} for p in parses(word, lang))


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """In the language's dictionary (pymorphy3's for ru/uk, simplemma's otherwise), rather than guessed."""
    if lang in MORPHOLOGY:
        return analyzer(lang).word_is_known(word.lower())
    import simplemma

    return simplemma.is_known(word, lang=lang, low_memory=True)


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of a word or phrase (0 = unseen, 3 = once per million words, 6 = very common), from
    a memory-mapped copy of its list (``tqcheck.wordfreq_table``: the same answers, a tenth of the memory)."""
    from tqcheck.wordfreq_table import zipf_frequency

    return zipf_frequency(word, lang)
