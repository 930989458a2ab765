"""Source-language text left in the translation: whole sentences, and single words."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.transliteration import accepted_pattern
from tqcheck.checks.words import (CYRILLIC, Word, data_signature, is_source_name, latin, lemma_zipf, overlaps, quoted,
                                  words)
from tqcheck.lang import is_language, name
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
                          and is_language(view.target, ctx.source_lang)):
                yield Finding(
                    "untranslated", "critical", "untranslated-sentence", "accuracy/untranslated",
                    f"this sentence is in {name(ctx.source_lang)}, not English", "translate it", view.segment.id,
                    target_span=view.target_span(0, len(view.target)),
                    source_span=view.source_span(0, len(view.source)),
                )


# A romanised word is "not English" below NOT_ENGLISH (Zipf). wordfreq's English list carries some foreign text,
# so a common Latin-script source word reaches 2-2.5 there (iglesia 2.1, libro 2.4, memoria 2.3): below
# LATIN_NOT_ENGLISH and at least LATIN_GAP under its frequency in the source language, where it must be common
# (SOURCE_COMMON).
NOT_ENGLISH = 1.5
# Romanised Russian and Ukrainian text is in wordfreq's English list too (krasnaya 2.1, kapitan 1.9, vetra 1.6):
# up to ROMANISED_NOT_ENGLISH a romanisation counts when its source word is LATIN_GAP more common in its language.
ROMANISED_NOT_ENGLISH = 2.2
LATIN_NOT_ENGLISH = 2.6
LATIN_GAP = 2.0
SOURCE_COMMON = 3.0
CYRILLIC_USED = 1.0
_CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.I)
MIN_LETTERS = 4
# German capitalises nouns, so a noun left in the English is capitalised too; names are as well, so only long
# words of the German dictionary (compounds: Kindergeld, Mietpreisbremse) that English text never has count, or
# shorter ones common in German (Entscheidung, Samstag, Tasche) that few names are.
GERMAN_NOUN_LETTERS = 9
GERMAN_NOT_ENGLISH = 1.0
GERMAN_SHORT_NOUN_LETTERS = 6
GERMAN_SHORT_NOT_ENGLISH = 1.5
GERMAN_SHORT_COMMON = 4.0


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


def _known_german(word: str) -> bool:
    """In simplemma's German dictionary: a noun (Kindergeld), not a name (Kretschmann)."""
    return morph.is_known(word, "de")


def _inside_name(text: str, tokens: list[Word], i: int) -> bool:
    """The word is part of a name, spelt as the name spells it: a capitalised word before another (the Würzburger
    Kickers, Hertha BSC), or a lower-case particle between two capitalised ones (Kirchheim unter Teck)."""
    w = tokens[i]
    if w.capitalised:
        return _NAME_NEXT.match(text, w.end) is not None
    return (0 < i < len(tokens) - 1 and tokens[i - 1].capitalised and not tokens[i - 1].initial
            and tokens[i + 1].capitalised)


class UntranslatedWordCheck:
    """One source word left in the English: romanised (ru, uk: *dogovor*, *vybory*) or as written (es, fr, de,
    it, pt), when it is common in the source language, not an English word and not an established loan."""

    name = "untranslated-word"

    def signature(self, lang: str) -> dict:
        return {"files": list(data_signature("established-loans.tsv", "romanisation-variants.tsv",
                                             "cyrillic-abbreviations.tsv", "subdivisions.tsv")),
                "loans": len(established_loans(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        loans = established_loans(lang)
        for view in ctx.aligned:
            yield from self._words(view, lang, loans)
            if lang in NAME_WORD_LANGS:
                yield from _words_in_names(view, lang)
            if lang in CYRILLIC:
                yield from _romanised_abbreviations(view, lang)

    def _words(self, view: SegmentView, lang: str, loans: frozenset[str]) -> Iterable[Finding]:
        ceiling = ROMANISED_NOT_ENGLISH if lang in CYRILLIC else LATIN_NOT_ENGLISH
        tokens = words(view.target)
        foreign = [w for i, w in enumerate(tokens) if self._candidate(w, loans, lang)
                   and lemma_zipf(w.text, "en") < ceiling and not _inside_name(view.target, tokens, i)]
        if foreign and (cited := quoted(view.target)):
            foreign = [w for w in foreign if not overlaps((w.start, w.end), cited)]
        foreign = [w for w in foreign if not mentioned(view.target, w.start, w.end)]
        if not foreign:
            return
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
        english = lemma_zipf(w.text, "en")
        long_noun = len(w.text) >= GERMAN_NOUN_LETTERS and english < GERMAN_NOT_ENGLISH
        common_noun = (len(w.text) >= GERMAN_SHORT_NOUN_LETTERS and english < GERMAN_SHORT_NOT_ENGLISH
                       and lemma_zipf(w.text, "de") >= GERMAN_SHORT_COMMON)
        return (long_noun or common_noun) and _known_german(w.text)

    @staticmethod
    def _same(t: Word, s: Word, lang: str) -> bool:
        if t.capitalised and s.capitalised and lang != "de":     # both capitalised: a name
            return False
        if lang in CYRILLIC:
            # the form's own frequency: a lemma may be another word's (ханами read as хан, "khan")
            english = lemma_zipf(t.text, "en")
            if english >= NOT_ENGLISH and morph.zipf(s.text.lower(), lang) - english < LATIN_GAP:
                return False
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


# An abbreviation: two or more capitals, in Cyrillic on the source side; on the English side capitals with at most
# lower-case letters inside a digraph's romanisation (MChS, ZhKKh).
_CYRILLIC_ABBREVIATION = re.compile(r"(?<![\w-])[А-ЯЁІЇЄҐ]{2,}(?![\w-])")
_LATIN_ABBREVIATION = re.compile(r"(?<![\w-])[A-Z](?:[a-z]?[A-Z])+[a-z]?(?![\w-])")
# An abbreviation the data file does not list is reported only when its romanisation shows a digraph (MChS, TsNAP,
# ZhKKh): all in capitals, it often is the English abbreviation of the same words (РПЛ, RPL: Russian Premier
# League; ЛНА, LNA) and nothing tells the two apart; one this common in English is used in English anyway.
ABBREVIATION_ENGLISH = 2.5


@dataclass(frozen=True)
class Abbreviation:
    english: str        # the English form to suggest, "" where English writes the romanisation itself
    severity: str       # major, minor, or keep (English press writes it romanised: FSB, SBU)
    note: str


@lru_cache(maxsize=None)
def cyrillic_abbreviations(lang: str) -> dict[str, Abbreviation]:
    """``resources/cyrillic-abbreviations.tsv``: Russian/Ukrainian abbreviations and their English forms."""
    return {r["cyrillic"]: Abbreviation(r["english"], r["severity"], r["note"])
            for r in read_table("cyrillic-abbreviations.tsv") if r["lang"] in (lang, "any")}


def _romanises(latin_token: str, cyrillic: str, lang: str) -> bool:
    """The Latin token spells the Cyrillic abbreviation letter for letter in some accepted system."""
    token = latin_token.lower()
    return token in romanisations(cyrillic, lang) or accepted_pattern(cyrillic.lower(), lang).fullmatch(token) is not None


def _romanised_abbreviations(view: SegmentView, lang: str) -> Iterable[Finding]:
    """A Cyrillic abbreviation of the source romanised in the English (МЧС as MChS, ДТП as DTP) rather than
    translated or given its English abbreviation, unless English writes it so (FSB, NATO)."""
    sources = [m for m in _CYRILLIC_ABBREVIATION.finditer(view.source)]
    if not sources:
        return
    known = cyrillic_abbreviations(lang)
    for t in _LATIN_ABBREVIATION.finditer(view.target):
        s = next((s for s in sources if _romanises(t.group(), s.group(), lang)), None)
        if s is None:
            continue
        entry = known.get(s.group())
        if entry is None and (t.group().isupper() or morph.zipf(t.group().lower(), "en") >= ABBREVIATION_ENGLISH
                              or morph.proper_abbreviation(s.group(), lang)):
            continue        # a proper name's romanisation (VDNKh, MGIMO) is how English writes it
        if entry is not None and (entry.severity == "keep" or entry.english.lower() == t.group().lower()):
            continue
        yield _abbreviation_finding(view, t, s, lang, entry)


def _abbreviation_finding(view: SegmentView, t: re.Match, s: re.Match, lang: str,
                          entry: Abbreviation | None) -> Finding:
    if entry is None:
        severity, advice, why = "minor", f"translate the abbreviation “{s.group()}” (or expand it on first " \
            "mention)", "English readers cannot expand it"
    else:
        severity, advice, why = entry.severity, f"write “{entry.english}”", entry.note
    return Finding(
        "untranslated", severity, "untranslated-abbreviation", "accuracy/untranslated",
        f"“{t.group()}” romanises the {name(lang)} abbreviation “{s.group()}” instead of translating it ({why})",
        advice, view.segment.id,
        target_span=view.target_span(t.start(), t.end()), source_span=view.source_span(s.start(), s.end()))


# A common noun of the source inside a name the English keeps as written (el Ayuntamiento de Madrid, la Guardia
# Civil): a hint, since English keeps some such names. German is left out (every noun is capitalised there, see
# UntranslatedWordCheck._candidate), and so are Cyrillic sources (a capitalised romanisation is a name).
NAME_WORD_LANGS = frozenset({"es", "fr", "it", "pt"})
NAME_WORD_LETTERS = 6
NAME_WORD_COMMON = 4.0       # Zipf of the lower-case word in the source language
# English pages carry these names too (ayuntamiento 1.6, mairie 1.6): a word English keeps in names is far less
# rare there (guardia 2.7, ciudad 2.8, corriere 2.3), so a gap to the source frequency decides.
NAME_WORD_NOT_ENGLISH = 2.0
NAME_WORD_GAP = 2.5


@lru_cache(maxsize=None)
def subdivisions(lang: str) -> frozenset[str]:
    """``resources/subdivisions.tsv``: regions, departments, provinces of the countries that write ``lang``."""
    return frozenset(r["name"] for r in read_table("subdivisions.tsv") if r["lang"] == lang)


@lru_cache(maxsize=100_000)
def _common_noun(word: str, lang: str) -> bool:
    lower = word.lower()
    source, english = morph.zipf(lower, lang), lemma_zipf(lower, "en")
    return (len(word) >= NAME_WORD_LETTERS and source >= NAME_WORD_COMMON and english < NAME_WORD_NOT_ENGLISH
            and source - english >= NAME_WORD_GAP and morph.is_known(lower, lang))


def _words_in_names(view: SegmentView, lang: str) -> Iterable[Finding]:
    """A capitalised source word copied letter for letter into the English after "the" (the head of an institution's
    name, which a person's surname never is), where it is a common word of the source language that English does
    not use (the Ayuntamiento, the Comune, the Mairie, the Prefeitura)."""
    cited = quoted(view.target)
    tokens = words(view.target)
    candidates = [w for i, w in enumerate(tokens) if i and tokens[i - 1].lower == "the" and w.capitalised
                  and not w.text.isupper() and _common_noun(w.text, lang) and not overlaps((w.start, w.end), cited)
                  and w.text not in subdivisions(lang)]      # the Manche, the Var: a place English keeps as it is
    if not candidates:
        return
    source = {w.text: w for w in words(view.source) if w.capitalised}
    for t in candidates:
        s = source.get(t.text)
        if s is not None:
            yield Finding(
                "untranslated", "minor", "untranslated-name-word", "accuracy/untranslated",
                f"“{t.text}” is a common {name(lang)} word (Zipf {morph.zipf(t.text.lower(), lang):.1f}; "
                f"{lemma_zipf(t.text.lower(), 'en'):.1f} in English) kept inside a name: English readers may not "
                "know what it names", "translate the name, or gloss it on first mention", view.segment.id,
                target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
