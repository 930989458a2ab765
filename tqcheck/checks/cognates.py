"""Cognate false friends without a list entry per word.

Two signals on each aligned segment:

* ``cognate-rare``: an English word that is rare in English but spelled like a common word of the source
  segment (Zipf frequencies from wordfreq; Cyrillic romanised first): es *convocatoria* -> "convocatory".
* ``false-friend-<src>``: a (source lemma, English look-alike) pair of LanguageTool's false-friend list
  (``resources/false-friends/languagetool.tsv``, LGPL) in the source and the target of one segment.

Both are hints (``minor``): the look-alike may translate another word of the segment. Where a bundled list rule
(``rules/<src>-en``) already flags the span, these stay quiet; a false-friend pair that a list rule covers is left
to that rule, whose sense conditions may keep it quiet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from tqcheck import morph, wordvec
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.titles import offices
from tqcheck.checks.untranslated import (document_mentions, document_terms, english_derivation, established_loans,
                                         is_loan, term_key)
from tqcheck.checks.words import (CYRILLIC, Word, data_signature, is_source_name, latin, lemma_zipf, lexicon_flags,
                                  lexicon_owned, overlaps, quoted, words)
from tqcheck.lang import name
from tqcheck.model import Finding
from tqcheck.resources import read_table

# Thresholds (Zipf): an English word below EN_RARE is rare enough to be a carried-over cognate when the
# source word it mirrors is at or above SRC_COMMON in its own language.
EN_RARE = 2.0
EN_VERY_RARE = 1.5   # ... below this a close spelling is enough; above it the cognate keys must agree but for one
                     # letter (cathedra 2.0 / кафедра), since close spellings there are mostly English derivatives
                     # of the source word's stem (colonisers 1.9 / it coloniale, parasitize 1.6 / parassiti)
SRC_COMMON = 3.0
# Session 16: an English word English knows but seldom uses (EN_RARE up to EN_UNCOMMON: seances 2.35) was judged
# by neither signal (cognate-sense's look-alikes start at its EN_KNOWN, 2.5, and it is opt-in). It counts here
# where its cognate key is the source word's exactly (not one letter apart: close spellings at this frequency are
# mostly English words of the source word's stem) and the source word is BAND_GAP (10 times) more common in its
# language: at 0.5, FLORES's true cognates solemnity 2.5 / solemnidad 3.1 and egocentric 2.5 / égocentriques 3.0
# fired; up to 2.7, littoral 2.7 / pt litoral 4.2 (consistory 2.3 / consistorio 3.1, attestation 2.6 / атестація
# 3.2, false friends both, are not told from true cognates by frequency).
EN_UNCOMMON = 2.5
BAND_GAP = 1.0
SRC_KNOWN = 1.0      # an English word wordfreq has never seen (Zipf 0: majoration, cynologists) that mirrors a word
                     # of the source's own list at this Zipf or more (pt majoração 1.5) is a cognate carried over
GAP = 2.0            # ... and 100 times as frequent in its language as the English word in English: a rare English
                     # word nearly as frequent as the source's (pipistrelle 1.5, it pipistrelli 3.2) is a term of
                     # its own, not a carried-over cognate (capacitation 1.2, es capacitación 4.2)
MIN_LETTERS = 6
SIMILARITY = 0.75
LOOSE_SIMILARITY = 0.8   # difflib ratio of the keys of a word English has never seen and a source word
TITLE_WORDS = 4      # a quoted source phrase this short is a name or title ("Актуальная камера", a TV programme):
                     # its words may be kept in their own language's spelling (Aktuaalne kaamera)


@dataclass(frozen=True)
class FalseFriend:
    group: str
    english: frozenset[str]
    meanings: tuple[str, ...]
    origin: str = ""     # a carried row's seed ("Spanish “idioma”"): the pair is a sister language's false friend


def _origin(row: dict) -> str:
    return f" carried from {name(row['from_lang'])} “{row['from_source']}”" if row.get("from_lang") else ""


@lru_cache(maxsize=None)
def false_friends(lang: str) -> dict[str, tuple[FalseFriend, ...]]:
    """Source lemma -> LanguageTool false-friend entries and those carried to a sister Romance language's cognate
    (``carried.tsv``, made by ``bench/carry_false_friends.py``), minus those ``languagetool-off.tsv`` turns off."""
    off = {(r["lang"], r["source"]) for r in read_table("false-friends/languagetool-off.tsv")}
    table: dict[str, list[FalseFriend]] = {}
    for row in read_table("false-friends/languagetool.tsv") + read_table("false-friends/carried.tsv"):
        if row["lang"] != lang or (lang, row["source"]) in off:
            continue
        entry = FalseFriend(row["group"], frozenset(row["english"].split("|")), tuple(row["meanings"].split("|")),
                            _origin(row))
        for source in row["source"].split("|"):
            table.setdefault(source, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=None)
def _derivations(lang: str) -> tuple[tuple[str, str], ...]:
    """(adverb ending, adjective ending) pairs of ``derivation.tsv``."""
    return tuple((r["adverb"], r["adjective"]) for r in read_table("derivation.tsv") if r["lang"] == lang)


def derived(words: frozenset[str], lang: str) -> frozenset[str]:
    """The adjectives of adverbs among ``words`` and the adverbs of adjectives (actualmente <-> actual)."""
    out = set()
    for word in words:
        for adverb, adjective in _derivations(lang):
            if word.endswith(adverb) and len(word) > len(adverb) + 2:
                out.add(word[:len(word) - len(adverb)] + adjective)
            if word.endswith(adjective) and len(word) > len(adjective) + 2:
                out.add(word[:len(word) - len(adjective) or None] + adverb)
    return frozenset(out)


@lru_cache(maxsize=200_000)
def english_lemmas(word: str) -> frozenset[str]:
    """The word, its lemma, and the adjective or adverb derived from them (actually -> actual, definite ->
    definitely): a false friend listed as one part of speech shows up as the other too."""
    forms = frozenset({word.lower(), morph.lemma(word, "en")})
    return forms | derived(forms, "en")


@lru_cache(maxsize=200_000)
def source_keys(word: str, lang: str) -> frozenset[str]:
    """The lemmas of a source word, and of the adjective or adverb derived from it (es actualmente -> actual).
    Callers iterate it sorted: a set's order changes with each process's hash seed, and so would the message."""
    forms = morph.lemmas(word, lang)
    related = derived(forms, lang)
    return forms | related | {morph.lemma(w, lang) for w in related}


Spelling = tuple[tuple[str, str], ...]


@lru_cache(maxsize=None)
def _spelling(lang: str) -> tuple[Spelling, Spelling, Spelling]:
    """(source ending -> English ending, longest first; the source language's own letter correspondences, regular
    expressions; letter correspondences of all languages) from ``cognate-spelling.tsv``."""
    rows = read_table("cognate-spelling.tsv")
    endings = sorted(((r["source"], r["english"]) for r in rows if r["lang"] == lang and r["kind"] == "ending"),
                     key=lambda e: -len(e[0]))
    own = tuple((r["source"], r["english"]) for r in rows if r["lang"] == lang and r["kind"] == "letters")
    letters = tuple((r["source"], r["english"]) for r in rows if r["lang"] == "*" and r["kind"] == "letters")
    return tuple(endings), own, letters


@lru_cache(maxsize=200_000)
def cognate_key(word: str, lang: str, own_letters: bool = True) -> str:
    """A Latin spelling with the regular source/English differences removed: Kontrahenten and contrahents,
    дотации and dotations, кінологи and cynologists share one key. ``own_letters=False`` leaves out the source
    language's own letter correspondences, which hold for many words but not all (uk г is g in біологія, h in
    гуманітарний)."""
    endings, own, letters = _spelling(lang)
    for pattern, english in own if own_letters else ():     # before the endings: кінолог's г is g before -ologist
        word = re.sub(pattern, english, word)
    for ending, english in endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            word = word[:-len(ending)] + english
            break
    for letter, english in letters:
        word = word.replace(letter, english)
    return re.sub(r"(.)\1+", r"\1", word)


def cognate(english: str, source: str, lang: str, strict: bool = False, loose: bool = False) -> bool:
    """Spelled alike (Latin spellings): the same key, one letter apart (кафедра / cathedra: Greek theta came into
    Russian as f), or (unless ``strict``) a shared start of five letters and a close key; not the same word (maybe
    inflected), which is an untranslated word, and no longer than the source but for a suffix the keys account
    for. ``loose`` (for a word English has never seen) lets a close key share its first letter only: a vowel
    respelt near the start (mousquetons / musketoons, ажиотаж / agiotage)."""
    short, long_ = sorted((english, source), key=len)
    if long_.startswith(short) and len(long_) - len(short) <= 2:
        return False
    key_en = cognate_key(english, "en")
    keys = dict.fromkeys((cognate_key(source, lang), cognate_key(source, lang, own_letters=False)))
    if key_en in keys:
        return True
    return len(english) <= len(source) + 2 and any(_close(key_en, key, strict, loose) for key in keys)


def _same_key(english: set[str], forms: set[str], lang: str) -> bool:
    """An English form and a source form (word or lemma) share one cognate key (сеанс / seance, consistorio /
    consistory), not being the same word."""
    keys = {cognate_key(f, lang, own) for f in forms for own in (True, False)}
    return any(cognate_key(e, "en") in keys and not _inflected(e, forms)
               for e in english)


def _inflected(english: str, forms: set[str]) -> bool:
    """The English word is a source form with a short ending or less of one (an untranslated word)."""
    return any(_stem_of(english, f) or _stem_of(f, english) for f in forms)


def _close(key_en: str, key_src: str, strict: bool, loose: bool = False) -> bool:
    """One letter apart, or (unless ``strict``) a shared start of five letters (``loose``: one) and alike."""
    if len(key_en) == len(key_src) >= MIN_LETTERS and sum(a != b for a, b in zip(key_en, key_src)) == 1:
        return True
    if strict:
        return False
    ratio = SequenceMatcher(None, key_en, key_src).ratio()
    return (key_en[:5] == key_src[:5] and ratio >= SIMILARITY) or (loose and key_en[:1] == key_src[:1]
                                                                   and ratio >= LOOSE_SIMILARITY)


class CognateCheck:
    name = "cognate"

    def signature(self, lang: str) -> dict:
        files = data_signature("false-friends/languagetool.tsv", "false-friends/languagetool-off.tsv",
                               "false-friends/carried.tsv",
                               "cognate-spelling.tsv", "derivation.tsv", "established-loans.tsv",
                               "english-prefixes.tsv", "english-suffixes.tsv", f"offices/{lang}.toml")
        return {"files": list(files), "false_friends": len(false_friends(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        friends = false_friends(lang)
        terms = document_terms(ctx.aligned) | document_mentions(ctx.aligned)
        for view in ctx.aligned:
            source = [w for w in words(view.source) if not is_source_name(w, lang)]
            target = [w for w in words(view.target) if not w.capitalised or w.initial]
            first: dict = {}     # one finding a word, from the first source word that fits
            owned = None
            for finding in self._false_friends(view, lang, friends, source, target):
                owned = lexicon_owned(view, lang, "idiom") if owned is None else owned
                if not overlaps(_local(view, finding), owned):
                    first.setdefault(finding.target_span, finding)
            found, flagged = list(first.values()), list(first)
            # Rare words only in lower case and outside quotes: capitals and quotes hold names (ships, brands).
            cited = quoted(view.target)
            lower = [w for w in target if w.text.islower() and not overlaps((w.start, w.end), cited)]
            found += [f for f in self._rare_cognates(view, lang, source, lower, terms) if f.target_span not in flagged]
            if found:
                listed = lexicon_flags(view, lang, "idiom")
                yield from (f for f in found if not overlaps(_local(view, f), listed))

    def _false_friends(self, view: SegmentView, lang: str, friends, source: list[Word], target: list[Word]):
        if not friends:
            return
        for s in source:
            for entry in (e for lem in sorted(source_keys(s.text, lang)) for e in friends.get(lem, ())):
                for t in target:
                    if english_lemmas(t.text) & entry.english and not _rendered_elsewhere(entry, t, target, lang):
                        yield Finding(
                            "idiom", "minor", f"false-friend-{lang}", "accuracy/mistranslation",
                            f"“{t.text}” looks like {name(lang)} “{s.text}”, which means "
                            f"“{' / '.join(entry.meanings)}” (false friend {entry.group}{entry.origin})",
                            f"if it translates “{s.text}”: {' / '.join(entry.meanings)}", view.segment.id,
                            target_span=view.target_span(t.start, t.end),
                            source_span=view.source_span(s.start, s.end))

    def _rare_cognates(self, view: SegmentView, lang: str, source: list[Word], target: list[Word],
                       terms: frozenset[str] = frozenset()):
        loans = established_loans(lang)     # hryvnias, oblasts: the source word kept, as English does
        # nor the article's subject, kept on purpose (pysanka: ``document_terms``)
        rare = [t for t in target if len(t.text) >= MIN_LETTERS and lemma_zipf(t.text, "en") < EN_UNCOMMON
                and not _english_formation(t.text) and not is_loan(t.text, loans) and term_key(t.text) not in terms
                and not _office_calque(t.text, lang)]
        if not rare:
            return
        titles = [span for span in quoted(view.source) if len(view.source[span[0]:span[1]].split()) <= TITLE_WORDS]
        known = [s for s in source if len(s.text) >= MIN_LETTERS - 1 and lemma_zipf(s.text, lang) >= SRC_KNOWN
                 and not overlaps((s.start, s.end), titles)]
        for t in rare:
            zipf = lemma_zipf(t.text, "en")
            unseen, strict, uncommon = zipf == 0, zipf >= EN_VERY_RARE, zipf >= EN_RARE
            if unseen and lang not in CYRILLIC and morph.zipf(t.text.lower(), lang) > 0:
                continue     # a word of the source language itself (manjerico): untranslated, not a cognate
            common = [s for s in known if unseen or lemma_zipf(s.text, lang) >= SRC_COMMON]
            english = {latin(t.text, "en"), latin(morph.lemma(t.text, "en"), "en")}
            for s in common:
                forms = {latin(s.text, lang), latin(morph.lemma(s.text, lang), lang)}
                if english & forms or (unseen and _romanised(english, forms, lang)) or not (
                        _same_key(english, forms, lang) if uncommon else
                        any(cognate(e, f, lang, strict, loose=unseen) for e in english for f in forms)):
                    continue
                meant = None if uncommon else _misspelt(t.text, forms, lang)
                if not meant and not unseen and lemma_zipf(s.text, lang) - zipf < (BAND_GAP if uncommon else GAP):
                    continue
                if meant:
                    yield Finding(
                        "idiom", "minor", "cognate-rare", "fluency/spelling",
                        f"“{t.text}” is not an English word (Zipf {lemma_zipf(t.text, 'en'):.1f}): a misspelling of "
                        f"“{meant}”, the English cognate of {name(lang)} “{s.text}”", f"write “{meant}”",
                        view.segment.id,
                        target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
                    break
                meanings = [m for lem in sorted(source_keys(s.text, lang)) for e in false_friends(lang).get(lem, ())
                            for m in e.meanings]
                yield Finding(
                    "idiom", "minor", "cognate-rare", "style/unidiomatic",
                    f"“{t.text}” is rare in English (Zipf {lemma_zipf(t.text, 'en'):.1f}) but mirrors the common "
                    f"{name(lang)} word “{s.text}” (Zipf {lemma_zipf(s.text, lang):.1f}): a cognate carried over "
                    "rather than translated",
                    f"use {' / '.join(meanings)}" if meanings else f"use the usual English word for “{s.text}”",
                    view.segment.id,
                    target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
                break


RENDERED = 0.85          # word-vector cosine of an English word with a meaning of the source word: a rendering of it


def _rendered_elsewhere(entry: FalseFriend, lookalike: Word, target: list[Word], lang: str) -> bool:
    """Another English word of the segment says what the source word means (eventuell: "perhaps eventually"
    renders it as perhaps, 0.92 from "possibly"): the look-alike translates something else."""
    meanings = [m for m in entry.meanings if re.fullmatch(r"[a-z]+", m)]
    others = sorted({t.text.lower() for t in target if t is not lookalike and t.text.isalpha()})
    if not meanings or not others or not wordvec.available(lang):
        return False
    return bool((wordvec.similarity_matrix(meanings, others) >= RENDERED).any())


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
COMPOUND_PART = 3.5      # both halves of an English compound are at least this common (wagon|ways, not temper|ment)
COMMON_EN = 3.0          # a word one letter away from a rare one and this frequent is what the writer meant


def _misspelt(word: str, forms: set[str], lang: str) -> str | None:
    """The common English word one letter away from ``word`` (temperment: temperament) that is itself a cognate of
    the source word, or None: then the rare word is a slip of spelling, not a cognate carried over."""
    w = word.lower()
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    edits = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} \
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS} | {a + c + b for a, b in splits for c in _LETTERS}
    found = [e for e in edits if e != w and morph.zipf(e) >= COMMON_EN
             and any(cognate(latin(e, "en"), f, lang) or _stem_of(latin(e, "en"), f) for f in forms)]
    return max(found, key=morph.zipf) if found else None


def _stem_of(english: str, source: str) -> bool:
    """The English word is the source word less a short ending (temperament: temperamento)."""
    return source.startswith(english) and len(source) - len(english) <= 2


ROMANISED = 0.9          # difflib ratio of an unseen English word and a Cyrillic word's romanisation after a shared
ROMANISED_START = 6      # start of this many letters: the source word kept in another romanisation (pochtalyony /
                         # pochtalony), the untranslated check's to report; not kaamera / kamera, respelt from the start


def _romanised(english: set[str], forms: set[str], lang: str) -> bool:
    """The English word is a Cyrillic source word in another romanisation."""
    return lang in CYRILLIC and any(e[:ROMANISED_START] == f[:ROMANISED_START]
                                    and SequenceMatcher(None, e, f).ratio() >= ROMANISED
                                    for e in english for f in forms)


def _office_calque(word: str, lang: str) -> bool:
    """A literal rendering of an office that the titles check reports (bastonary: pt-office-bastonario)."""
    return any(o.literal is not None and o.literal.fullmatch(word) for o in offices(lang))


PREFIXED_COMMON = 3.0    # Zipf of the word after a productive English prefix (reprofiling: profiling 3.3)


@lru_cache(maxsize=None)
def _english_prefixes() -> tuple[str, ...]:
    return tuple(r["prefix"] for r in read_table("english-prefixes.tsv"))


def _english_formation(word: str) -> bool:
    """English word formation, however rare: two common English words written as one (wagonways: wagon + ways),
    or, in a word English has never seen, a productive English prefix before a common English word (reprofiling,
    gigacalories) or a common English word with an English derivational suffix (progressors). A word English has
    seen at all is not taken apart that way: temperment is a misspelling, not temper + -ment."""
    w = word.lower()
    if any(morph.zipf(w[:i]) >= COMPOUND_PART and morph.zipf(w[i:]) >= COMPOUND_PART for i in range(3, len(w) - 2)):
        return True
    return lemma_zipf(w, "en") == 0 and (english_derivation(w) or any(
        w.startswith(p) and lemma_zipf(w[len(p):], "en") >= PREFIXED_COMMON for p in _english_prefixes()))


def _local(view: SegmentView, finding: Finding) -> tuple[int, int]:
    return finding.target_span.start - view.target_start, finding.target_span.end - view.target_start
