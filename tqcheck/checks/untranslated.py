"""Source-language text left in the translation: whole sentences, and single words."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.words import (CYRILLIC, Word, data_signature, is_source_name, latin, lemma_zipf, overlaps, quoted,
                                  words)
from tqcheck.lang import detect, name
from tqcheck.model import Finding
from tqcheck.resources import read_table

# Lower-case words only: bylines and name lists are capitalised and fool language identification.
_WORD = re.compile(r"\b[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][^\W\d_]+")


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    text = (resources.files("tqcheck.resources") / "english-function-words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def _plainly_english(text: str) -> bool:
    """Three or more English function words: no need to ask lingua (saves most of this check's time)."""
    words = _english_function_words()
    return sum(1 for w in re.findall(r"[a-z]+", text.lower()) if w in words) >= 3


_CYRILLIC_SCRIPT = re.compile(r"[\u0400-\u052f]")


def _may_be_source(text: str, lang: str) -> bool:
    """Could lingua call ``text`` ``lang``? Not a Cyrillic-script language without a Cyrillic letter (lingua keeps
    only the languages of the text's alphabet): such targets skip lingua and its models (about 175 MB)."""
    return lang not in CYRILLIC or _CYRILLIC_SCRIPT.search(text) is not None


class UntranslatedCheck:
    name = "untranslated"

    def __init__(self, min_words: int = 5):
        self.min_words = min_words   # language identification is unreliable on shorter text

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.aligned:
            if len(_WORD.findall(view.target)) < self.min_words:
                continue
            copied = view.target.strip() == view.source.strip()
            if copied or (not _plainly_english(view.target) and _may_be_source(view.target, ctx.source_lang)
                          and detect(view.target) == ctx.source_lang):
                yield Finding(
                    "untranslated", "critical", "untranslated-sentence", "accuracy/untranslated",
                    f"this sentence is in {name(ctx.source_lang)}, not English", "translate it", view.segment.id,
                    target_span=view.target_span(0, len(view.target)),
                    source_span=view.source_span(0, len(view.source)),
                )


# A romanised word is "not English" below NOT_ENGLISH (Zipf). wordfreq's English list carries some foreign text,
# so a Latin-script source word reaches 1-2 there: below LATIN_NOT_ENGLISH and at least LATIN_GAP under its
# frequency in the source language, where it must be common (SOURCE_COMMON).
NOT_ENGLISH = 1.5
LATIN_NOT_ENGLISH = 2.0
LATIN_GAP = 2.0
SOURCE_COMMON = 3.0
CYRILLIC_USED = 1.0
_CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.I)
MIN_LETTERS = 4
# German capitalises nouns, so a noun left in the English is capitalised too; names are as well, so only long
# words of the German dictionary (compounds: Kindergeld, Mietpreisbremse) that English text never has count.
GERMAN_NOUN_LETTERS = 9
GERMAN_NOT_ENGLISH = 1.0


# A capitalised word before another inside a name (the Würzburger Kickers, Hertha BSC): the name's own spelling.
_NAME_NEXT = re.compile(r"[ -][A-ZÀ-ÖØ-Þ]")


@lru_cache(maxsize=1)
def _mention_cues() -> tuple[re.Pattern, re.Pattern]:
    """``resources/mention-cues.tsv`` as one pattern for cues after a word and one for cues before it."""
    rows = read_table("mention-cues.tsv")
    after = "|".join(r["cue"] for r in rows if r["where"] == "after") or "(?!)"
    before = "|".join(r["cue"] for r in rows if r["where"] == "before") or "(?!)"
    listed = r"(?:[^\W\d_][\w-]*,?\s+(?:or\s+|and\s+)?){0,3}"
    return re.compile(rf"(?:{after})"), re.compile(rf"(?:{before}){listed}$", re.I)


def mentioned(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is cited for its form (carro means chariot, the Latin civis): no translation slip."""
    after, before = _mention_cues()
    return bool(after.match(text, end) or before.search(text[max(0, start - 80):start]))


@lru_cache(maxsize=None)
def established_loans(lang: str) -> frozenset[str]:
    """Source words English keeps (``resources/established-loans.tsv``): oblast, rada, duma, dacha, junta..."""
    return frozenset(r["word"].lower() for r in read_table("established-loans.tsv") if r["lang"] in (lang, "*"))


def _romanisation_of(english: str, romanised: str) -> bool:
    """The same word allowing either side an ending of up to two letters (case endings, an English plural)."""
    short, long_ = sorted((english, romanised), key=len)
    return len(short) >= MIN_LETTERS and long_.startswith(short) and len(long_) - len(short) <= 2


@lru_cache(maxsize=None)
def _variants() -> tuple[tuple[str, str], ...]:
    return tuple((r["latin"], r["variant"]) for r in read_table("romanisation-variants.tsv"))


@lru_cache(maxsize=100_000)
def romanisations(word: str, lang: str) -> frozenset[str]:
    """A Cyrillic word's Latin spellings: the press system of ``lang``, anyascii's, and their common variants
    (``resources/romanisation-variants.tsv``)."""
    spellings = {latin(word, lang), re.sub(r"[^a-z]", "", anyascii(word).lower())}
    for spelling in list(spellings):
        for letters, variant in _variants():
            spellings.add(spelling.replace(letters, variant))
    return frozenset(spellings)


@lru_cache(maxsize=100_000)
def _known_german(word: str) -> bool:
    """In simplemma's German dictionary: a noun (Kindergeld), not a name (Kretschmann)."""
    import simplemma

    return simplemma.is_known(word, lang="de")


class UntranslatedWordCheck:
    """One source word left in the English: romanised (ru, uk: *dogovor*, *vybory*) or as written (es, fr, de,
    it, pt), when it is common in the source language, not an English word and not an established loan."""

    name = "untranslated-word"

    def signature(self, lang: str) -> dict:
        return {"files": list(data_signature("established-loans.tsv", "romanisation-variants.tsv")),
                "loans": len(established_loans(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        loans = established_loans(lang)
        for view in ctx.aligned:
            ceiling = NOT_ENGLISH if lang in CYRILLIC else LATIN_NOT_ENGLISH
            foreign = [w for w in words(view.target) if self._candidate(w, loans, lang)
                       and lemma_zipf(w.text, "en") < ceiling]
            if foreign and (cited := quoted(view.target)):
                foreign = [w for w in foreign if not overlaps((w.start, w.end), cited)]
            foreign = [w for w in foreign if not mentioned(view.target, w.start, w.end)
                       and not (w.capitalised and _NAME_NEXT.match(view.target, w.end))]
            if not foreign:
                continue
            source = [w for w in words(view.source) if not is_source_name(w, lang) and self._source_word(w, lang)]
            for t in foreign:
                s = next((s for s in source if self._same(t, s, lang)), None)
                if s is not None:
                    yield self._finding(view, t, s, lang)

    @staticmethod
    def _source_word(w: Word, lang: str) -> bool:
        """A word of the source language: in Cyrillic and in its dictionary or used (a romanisation is evidence
        enough), or common (a Latin-script word left as is)."""
        if lang in CYRILLIC:
            return bool(_CYRILLIC_LETTER.search(w.text)) and (morph.is_known(w.text, lang)
                                                              or lemma_zipf(w.text, lang) >= CYRILLIC_USED)
        return lemma_zipf(w.text, lang) >= SOURCE_COMMON

    @staticmethod
    def _candidate(w: Word, loans: frozenset[str], lang: str) -> bool:
        """Long enough, not an acronym, not a compound joined by a hyphen, not an established loan, not capitalised
        (romanised) or not inside a sentence (as is); in German, capitalised only if it is a long noun of the
        German dictionary (Kindergeld) that is no English word."""
        if len(w.text) < MIN_LETTERS or w.text.isupper() or "-" in w.text or w.lower in loans:
            return False
        if not w.capitalised:
            return True
        if lang in CYRILLIC:
            return False         # a capitalised romanisation is a name, even where the source has it in lower case
        if lang != "de":
            return w.initial     # capitalised inside a sentence: a name
        return (len(w.text) >= GERMAN_NOUN_LETTERS and lemma_zipf(w.text, "en") < GERMAN_NOT_ENGLISH
                and _known_german(w.text))

    @staticmethod
    def _same(t: Word, s: Word, lang: str) -> bool:
        if t.capitalised and s.capitalised and lang != "de":     # both capitalised: a name
            return False
        if lang in CYRILLIC:
            english = latin(t.text, "en")
            return any(_romanisation_of(english, spelling) for form in (s.text, morph.lemma(s.text, lang))
                       for spelling in romanisations(form, lang))
        return t.lower == s.lower and lemma_zipf(s.text, lang) - lemma_zipf(t.text, "en") >= LATIN_GAP

    @staticmethod
    def _finding(view: SegmentView, t: Word, s: Word, lang: str) -> Finding:
        romanised = lang in CYRILLIC
        what = f"a romanisation of {name(lang)} “{s.text}”" if romanised else f"{name(lang)} “{s.text}” left as is"
        return Finding(
            "untranslated", "major", "untranslated-romanised" if romanised else "untranslated-word",
            "accuracy/untranslated",
            f"“{t.text}” is not an English word (Zipf {lemma_zipf(t.text, 'en'):.1f}): {what} (Zipf "
            f"{lemma_zipf(s.text, lang):.1f} in {name(lang)}), a word English translates",
            f"translate “{s.text}” (or gloss it if the term must stay)", view.segment.id,
            target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
