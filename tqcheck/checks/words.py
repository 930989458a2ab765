"""Words of a segment with offsets, lemmas, frequencies and a Latin spelling, for the word-level checks.

A small local layer on ``tqcheck.morph`` and ``wordfreq``, cached per word; replaceable by a shared token layer.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.lexicon import load_rules

# Hyphens join words (вице-премьер, état-major); an apostrophe only inside a Ukrainian word (прем'єр), so that
# Romance elisions split off (l'assessore -> assessore).
_WORD = re.compile(r"[^\W\d_]+(?:(?:-|(?<=[а-яіїєґ])['’](?=[а-яіїєґ]))[^\W\d_]+)*", re.I)
_SENTENCE_OPENERS = frozenset(".!?:;\"'«»“”„‘’([—–-")
NAME_TAGS = morph.NAME_TAGS | {"Abbr"}      # an abbreviation (МВД) is not a word to translate either
CYRILLIC = morph.MORPHOLOGY


class Word(NamedTuple):
    """A word of a text (a named tuple: the checks build some 150 a segment, four times faster than a frozen
    dataclass)."""

    text: str
    start: int
    end: int
    initial: bool          # first word of a sentence (or after a quote, colon, dash): capitals say nothing there

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


_QUOTED = re.compile(r"[\"“«„‘]([^\"”»“‘’\n]{1,60})[\"”»“’]|(?<!\w)'([^'\n]{1,60})'(?!\w)")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks: a source word quoted on purpose (a term cited, not translated)."""
    return [m.span() for m in _QUOTED.finditer(text)]


_new_tuple = tuple.__new__


def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with offsets; cached, since every word-level check asks again for the same segment."""
    return _cached_words(text) if len(text) <= CACHED_TEXT else _words(text)


def word_texts(text: str) -> list[str]:
    """The words of ``text`` as :func:`words` finds them, text only (a whole document: no offsets, nothing kept)."""
    return _WORD.findall(text)


CACHED_TEXT = 2_000     # a segment; a whole document (the initials of a TMX chunk) is read once, not kept


@lru_cache(maxsize=8_192)
def _cached_words(text: str) -> tuple[Word, ...]:
    return _words(text)


def _words(text: str) -> tuple[Word, ...]:
    out = []
    for m in _WORD.finditer(text):
        k = m.start()       # the last non-space character before the word is text[k - 1] (none when k is 0)
        while k and text[k - 1].isspace():
            k -= 1
        elided = k > 1 and text[k - 1] in ("'", "’") and text[k - 2].isalpha()     # l'assessore, dell'Istruzione
        # tuple.__new__ directly: a named tuple's own __new__ is a Python function, and this runs for every word
        out.append(_new_tuple(Word, (m.group(), m.start(), m.end(),
                                     not k or (text[k - 1] in _SENTENCE_OPENERS and not elided))))
    return tuple(out)


@lru_cache(maxsize=200_000)
def lemma_zipf(word: str, lang: str) -> float:
    """The higher Zipf of the word and of its lemma: an inflected form of a common word is common."""
    return max(morph.zipf(word.lower(), lang), morph.zipf(morph.lemma(word, lang), lang))


@lru_cache(maxsize=200_000)
def latin(word: str, lang: str) -> str:
    """Lower-case ASCII spelling: the English press romanisation for ru/uk, diacritics dropped elsewhere."""
    if lang in CYRILLIC:
        from tqcheck.checks.transliteration import romanise

        return re.sub(r"[^a-z]", "", romanise(word, lang).lower())
    return re.sub(r"[^a-z]", "", anyascii(word).lower())


def is_source_name(word: Word, lang: str) -> bool:
    """A proper name on the source side: capitalised inside a sentence, or tagged as a name by pymorphy3."""
    if word.capitalised and not word.initial and lang != "de":   # German capitalises every noun
        return True
    return _name_tagged(word.text, lang)


@lru_cache(maxsize=200_000)
def _name_tagged(text: str, lang: str) -> bool:
    found = morph.parses(text, lang)
    return bool(found) and bool(NAME_TAGS & set(found[0].tag.grammemes))


@lru_cache(maxsize=None)
def _lexicon_rules(lang: str, category: str) -> tuple:
    return tuple(r for r in load_rules(lang) if r.category == category)


def lexicon_flags(view, lang: str, category: str) -> list[tuple[int, int]]:
    """Target spans (in the segment's text) that the bundled list rules of ``category`` already flag: the signal
    checks stay quiet there rather than report one error twice."""
    spans = []
    for rule in _lexicon_rules(lang, category):
        hit = rule.find(view)
        if hit is not None:
            spans.append(hit.target)
    return spans


def lexicon_owned(view, lang: str, category: str) -> list[tuple[int, int]]:
    """Target spans where a bundled list rule of ``category`` has its source and English words, whether or not its
    sense conditions let it fire: a signal check leaves that pair to the rule (it-libreria is quiet on "librerie
    musicali" -> "music library", and so must LanguageTool's generic LIBRARY entry be)."""
    return [span for rule in _lexicon_rules(lang, category) for span in rule.considers(view)]


def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def outermost(findings: list) -> list:
    """Findings whose target span lies inside another's are one problem, best told by the longest span (a word of a
    name kept whole: dei ministri in the Consiglio dei ministri; "Municipal Chamber" inside "president of the
    Municipal Chamber"); of two equal spans the earlier finding stays."""
    def inside(k: int, m: int) -> bool:
        a, b = findings[k].target_span, findings[m].target_span
        return k != m and b.start <= a.start and a.end <= b.end and (b.end - b.start > a.end - a.start or m < k)
    return [f for k, f in enumerate(findings) if not any(inside(k, m) for m in range(len(findings)))]


@lru_cache(maxsize=None)
def data_signature(*paths: str) -> tuple[str, ...]:
    """``path@vN`` for each bundled data file (its ``# version:`` header line), for the report's rule signature."""
    out = []
    for path in paths:
        file = resources.files("tqcheck.resources").joinpath(*path.split("/"))
        if file.is_file():
            found = re.search(r"^# version: *(\S+)", file.read_text(encoding="utf-8"), re.M)
            out.append(f"{path}@v{found.group(1) if found else '0'}")
    return tuple(out)
