"""Every name needs a faithful counterpart: a source name the target drops (name-missing) or respells
(name-changed), or replaces by a name no source word accounts for (name-replaced).

Source names: capitalised words inside a sentence. A Latin-script one is expected unchanged in the target (case
and possessive aside) when it is a name English keeps — about as frequent in English as in the source language,
or unknown to both (wordfreq) — or in its English form when it is a listed place (gazetteer); a Cyrillic one in
one of its accepted romanisations (``transliteration``). Target names: capitalised words inside a sentence that are
rare in English (Zipf < 4) or listed places; one that no source word accounts for is reported only together with a
missing source name (alone, it is too often a name translated descriptively: Malouines/Falklands), and not when that
source name is a common word of its language (Valle dei Re, Union: translated, not replaced), nor when it renders
that name after all (another of its names: Cheops/Khufu; an acronym of the source phrase ending with it; an English
name the Cyrillic transcribes by sound: Бин/Bean) or is a title-cased phrase of common words that translates other
source words (Judiciary Committee).
Removal is only judged when the target is otherwise a full translation (length ratio).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice, product
from typing import Iterable, Iterator

import numpy as np
from anyascii import anyascii

from tqcheck import morph, wordvec
from tqcheck.checks import transliteration as tr
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.gazetteer import countries, english_places, forms_of, places
from tqcheck.checks.names import definite_articles
from tqcheck.checks.relayed_names import reads_as_surname, renders_relayed
from tqcheck.checks.respelled_names import spellings
from tqcheck.model import Finding, Span
from tqcheck.morph import zipf
from tqcheck.resources import read_table

# a capitalised target word, hyphenated parts joined (Fernández-Prato, as the source's are), no possessive
_TARGET_NAME = re.compile(r"(?<![\w@/.-])[A-ZÀ-ÖØ-ÞŠŽČŁ][\w’'-]*?\w(?=(?:['’]s)?(?![\w’'-]))")
_LATIN_SOURCE_WORD = re.compile(r"(?<![\w@/.-])[A-ZÀ-ÖØ-ÞŠŽČŁ][\w’'-]*\w|(?<![\w@/.-])[A-Z]{2,}\b")
_START = re.compile(r"(?:^|[.!?…:;«\"“„(—–•·|]\s*|\n\s*)$")
_CYRILLIC = re.compile(r"[А-яЁёІіЇїЄєҐґ]")
_LATIN_IN_CYRILLIC = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9&.’'-]*[A-Za-z0-9]")
_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s?$")          # 600 Mbps, 7,1 Mw: a unit, not a name
_ROMAN = re.compile(r"[IVXLC]+(?:e|er|ème|es|o|a|º|ª)?")      # centuries: XVe siècle, siglo XV
COMMON_EN = 4.0          # an English word at least this frequent is not taken for a name when capitalised
COMMON_SOURCE = 4.8      # a source word this frequent is a common word first (re: king, Union), a name second
CLOSE = 0.8              # similarity of a respelled name to its source
NEAR = 0.5               # word-vector cosine from which a target word or phrase renders a source name
NEAR_CYRILLIC = 0.4      # the same for a Cyrillic name, which needs no spelling alike (Фолкендских: Falkland 0.41)
# A source spelling no corpus attests (Katjia, Zipf 0 in German and English) beside an English spelling English
# attests (Katja 2.5, Childers 2.6, Gazette 3.6) is the source's typo, which the translation rightly corrects.
TYPO_UNSEEN = 1.0
TYPO_UNSEEN_EN = 1.8
TYPO_ENGLISH = 2.0
# English Zipf from which English writes a source spelling as it is (Esteban, Mathieu; not the source's adaptations
# Misuri, Kyriat, Kongolesischen, whose English forms differ)
KEPT_NAME = 1.0
LETTERS = 0.7            # letter similarity a target name needs besides to render a source name by vectors


def _fold(text: str) -> str:
    return anyascii(text).casefold()


_W = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    # an ASCII word is its own anyascii: case-folded inline, without two calls a word; a document's words repeat,
    # so each distinct one is folded once
    return {w.casefold() if w.isascii() else _fold(w) for w in set(_W.findall(text))}


def _full_translation(view: SegmentView) -> bool:
    """The target is a whole translation of the source, not a summary (only then is a missing name an error)."""
    ratio = len(view.target) / max(len(view.source), 1)
    return 0.6 <= ratio <= 1.8


def _mid_sentence(text: str, start: int) -> bool:
    # _START can only match from the last non-space character before ``start``: search there, not the whole prefix
    k = start
    while k and text[k - 1].isspace():
        k -= 1
    return not _START.search(text, max(k - 1, 0), start)


@lru_cache(maxsize=100_000)
def kept_in_english(word: str, lang: str, in_run: bool = False) -> bool:
    """A Latin-script source word that English writes as it is: a name, not a common word of the source language
    (Ministerio, Stürme), judged by word frequencies in both languages. ``in_run``: one of several adjacent
    capitalised words, which even in German are mostly a name (Eroll Flynn, Warner Brothers)."""
    if word.isupper() or _ROMAN.fullmatch(word):
        return False                        # acronyms are translated as often as kept (ONU/UN, VIH/HIV); XVe
    if "-" in word:                         # US-Dollar, Meteor-2: every part a kept word
        return all(kept_in_english(part, lang, in_run) for part in word.split("-") if part.isalpha())
    low = word.lower()
    src, en = zipf(low, lang), zipf(low)
    if lang == "de":    # every German noun is capitalised: only in a run of capitalised words (Eroll Flynn), and
        return in_run and 1.5 <= en < 5.0 and en >= src - 0.5     # known to English as well as to German
    if src < 1.5 and en < 1.5:
        return len(word) >= 4               # unknown to both: a rare name (Eroll)
    # as frequent in English, or rare in the source language but known to English (Troyes, Humala); a word
    # English does not know at all is the source language's own form (Laponia, Baviera, Malouines, Mahoma)
    return en >= src - 0.5 or (src < 3.5 and en >= 1.0)


@lru_cache(maxsize=100_000)
def _german_name(word: str) -> bool:
    """A single capitalised German word that reads as a name rather than a noun (judged only with word vectors,
    which drop a noun the English renders): short and uninflected, not common in German, and known to English nearly
    as well (Werth, Bush, Flick, Cuomo; not Tote, Leben, Basis, Dollar) or unknown to both and no compound of two
    German words (Lantagne, Veguilla; not Hunderudel, Anbauart)."""
    low = word.lower()
    src, en = zipf(low, "de"), zipf(low)
    if len(word) > 10 or src >= 4.0 or "-" in word or word.isupper() or morph.lemma(word, "de") != low:
        return False
    if src < 1.5 and en < 1.5:
        return len(word) >= 4 and not any(zipf(low[:i], "de") >= 3.0 and zipf(low[i:], "de") >= 2.5
                                          or _dictionary_parts(low[:i], low[i:]) for i in range(3, len(low) - 2))
    return 1.5 <= en < 5.0 and en >= src - 1.0


DICTIONARY_PART = 4     # letters of each part of a German compound read from the dictionary (Mahd, Sense)


def _dictionary_parts(head: str, tail: str) -> bool:
    """Two German dictionary words of four letters or more, the first maybe with a linking -n or -s (Sensen|mahd:
    mowing by scythe; Wolfs|berater): a compound noun however rare its parts, no name."""
    return len(tail) >= DICTIONARY_PART and morph.is_known(tail, "de") and any(
        len(h) >= DICTIONARY_PART and morph.is_known(h, "de") for h in (head, head[:-1] if head[-1:] in "ns" else head))


@lru_cache(maxsize=None)
def _determiners(lang: str) -> frozenset[str]:
    return frozenset(w for r in read_table("names/determiners.tsv") if r["lang"] == lang for w in r["words"].split("|"))


def after_determiner(text: str, start: int, lang: str) -> bool:
    """An article or determiner stands before the word, perhaps with one lower-case word (an adjective) between:
    a common noun (der Bub, von den Blauhelmen), not a name (per Twitter, hatte Werth)."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 40):start])[-2:]
    return bool(before) and (before[-1].lower() in _determiners(lang) or (
        len(before) == 2 and before[-1].islower() and before[0].lower() in _determiners(lang)))


def _present(expected: str, target_words: set[str], target_fold: str, loose: bool = False) -> bool:
    """``expected`` is in the target (case, possessive, a German genitive -s aside; ``loose``: or a word related to
    it, for places whose English form varies: Türkiye/Turkey)."""
    key = _fold(expected)
    if not key.isalnum():                       # Financial Times, KP.ru, US-Dollar
        return key in target_fold
    if key in target_words or _spaced(key, target_fold):
        return True
    for w in target_words:
        if w in (key + "s", key + "es") or (key.endswith("s") and w == key[:-1]) \
                or (key[-1] in "aeiou" and w in (key + "n", key + "an")):
            return True                     # Trumps/Trump, Asia/Asian, Europe/European
        if len(key) >= 3 and w.startswith(key) and len(w) - len(key) >= 3:
            return True                     # the first part of an English compound: Web/website
        if len(w) >= 5 and key.startswith(w) and len(key) - len(w) <= 2:
            return True                     # a Romance ending dropped: Petersburgo/Petersburg, Amazone/Amazon
        if loose and _related(key, w):
            return True
    return False


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _full_name(text: str) -> bool:
    """Two or more words (a given name and a surname): a person, never a capitalised noun (Білий of Білий дім,
    Цельсія) or a translated name, which are single words."""
    return len(text.split()) >= 2


def _absent(words: list[str], source: str, target: str, lang: str) -> bool | None:
    """Word vectors confirm that no target word or run of up to three words renders ``words`` (each, or all of
    them together): True when none is NEAR (a removed name), False when one is (Spanien: Spain, Twitter: tweeted,
    Stürme: storms, Трамп: Trump), None where the vectors do not cover ``lang`` (uk).

    A target phrase that another source word is nearer to renders that word, not the name: context-free vectors
    place a name near what it is known for (Trump: President 0.64), which the source's *presidente* claims. For a
    Latin-script source name, a phrase with a target name in it renders it only if it is also spelled alike
    (``LETTERS``): vectors place names of one kind near each other (Melbourne: London, Spanien: Paraguay 0.57), and
    the same name would be spelled alike or be the gazetteer's English form. A Cyrillic name's English form is
    often spelled unlike its romanisation (Гавайях: Hawaii), and other names stay far (Катаром: U.S. 0.25)."""
    if not words or not wordvec.available(lang):
        return None
    items = list(dict.fromkeys(words + [" ".join(words)]))
    source_words = wordvec.phrases(source, longest=1)
    parts = [p for w in source_words if "-" in w for p in w.split("-") if len(p) > 2]    # US-Präsident: Präsident
    others = [w for w in dict.fromkeys(source_words + parts)      # another form of the name (Хеопаса) is no rival
              if w not in items and max(tr.similarity(w, i) for i in items) < 0.6]
    candidates = wordvec.phrases(target)
    if not candidates:
        return True
    matrix = wordvec.similarity_matrix(items + others, candidates, keep=False)    # a segment's phrases: one-off
    own = matrix[:len(items)].max(axis=0)
    rival = matrix[len(items):].max(axis=0) if others else np.zeros_like(own)
    cyrillic = bool(_CYRILLIC.search(" ".join(words)))     # Гавайях: Hawaii 0.71, spelled unlike; Катаром: U.S. 0.25
    spelled = np.array([cyrillic or not _names_in(c) or max(tr.similarity(i, c) for i in items) >= LETTERS
                        for c in candidates])
    return not bool(((own >= (NEAR_CYRILLIC if cyrillic else NEAR)) & (own >= rival) & spelled).any())


# an acronym (PNG, GMT, F1, D.C.) or a dotted abbreviation of one word (La., Calif.)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z][A-Z0-9]{1,4}|(?:[A-Z]\.){2,4}|[A-Z][a-z]{1,4}\.)(?![\w])")


def _abbreviated(words: list[str], english: str, source: str, target: str) -> bool:
    """The target writes the name as an abbreviation that the source does not: an acronym with the name's initial
    (Papua Neuguinea: PNG, по Гринвичу: GMT, Formula 1: F1, Eastern Time: ET) or a word cut short with a period
    whose letters the name spells in order (Louisiana: La.); the English form of a listed place counts too."""
    names = [" ".join(words), *re.findall(r"[^\W\d_]+", english)[:1],
             *(e for w in words for e in places().get(w, ()))]
    source_fold = _fold(source)
    for m in _ABBREVIATION.finditer(target):
        token = m.group()
        letters = _fold(token.replace(".", ""))
        if not letters[:1].isalpha() or token.isupper() and re.search(rf"\b{re.escape(letters)}\b", source_fold):
            continue        # an acronym the source writes too renders some other source word
        for name in names:
            key = _fold(name)
            if token.endswith(".") and not token.isupper():
                if key.startswith(letters[0]) and _subsequence(letters, key):
                    return True
            elif key[:1] == letters[0]:
                return True
    return False


def _subsequence(short: str, long_: str) -> bool:
    rest = iter(long_)
    return all(c in rest for c in short)


# a Cyrillic word the dictionary knows and reads first as a participle (Соединенного), an organisation (Госдепа,
# Роскомнадзор: translated by description, State Department) or an abbreviation (КНДР, translated as often as kept);
# not a guessed reading (Глечершпитц), nor an adjective (Галапагосские: Galapagos, a name as often as not)
_RENDERED_BY_SENSE = ("PRTF", "Orgn", "Abbr")
GERMAN_NOUN = 3.0        # a German word English also knows lower-case is its noun when German uses it this much


def _common_noun(words: list[str], lang: str) -> bool:
    """Every word of a Cyrillic name is one the dictionary reads first as a participle, organisation or
    abbreviation (``_RENDERED_BY_SENSE``), or the name is a single capitalised Latin-script word that is a common
    noun of the source language, which a translation renders by its sense rather than keeps (Camera: House, Marine:
    Navy, Fell: hair): English's dictionary knows it as a lower-case word (not Bush, Werth), it is no listed place
    (Rom), and the source language's dictionary knows
    it: as a lower-case word, outside German (where every noun is capitalised), or, in German, as a word German uses
    at least ``GERMAN_NOUN`` (not the English words of a name kept in English: Shore, Sentinel); or a German
    word the gazetteer lists as a place that the German dictionary reads as another word's inflected form (Tors:
    Tor, Elche: Elch; a genitive of a place, Singapurs, is no listed place itself)."""
    if words and all(_CYRILLIC.search(w) for w in words) and lang in ("ru", "uk"):
        return all(_read_as_sense(w, lang) for w in words)
    if len(words) != 1 or _CYRILLIC.search(words[0]) or "-" in words[0] or words[0].isupper():
        return False
    word = words[0]
    low = word.lower()
    if morph.is_known(low, "en") and _common_english(word) and not places().get(word) and morph.is_known(word, lang) \
            and (zipf(low, lang) >= GERMAN_NOUN if lang == "de" else morph.lemma(word, lang) == low
                 and morph.written_lemma(word, lang)[:1].islower()):
        return True
    if lang != "de" or not (places().get(word) or _fold(word) in english_places()):
        return False
    return morph.lemma(word, lang) != low and morph.is_known(word, lang)


def _institution(span: Span, view: SegmentView, lang: str) -> bool:
    """Every word of a Cyrillic name is one the dictionary does not know (Росрыболовства) or reads as an
    organisation: no person or place it knows (Трамп, Айова). A Latin-script name must be one word after a definite
    article that the dictionary does not know and no listed place: a body named by its seat (o Itamaraty, el
    Kremlin), where a person's surname, also unknown to the dictionary, takes no article."""
    words = span.text.split()
    if not _CYRILLIC.search(span.text):
        before = view.source[:span.start - view.source_start].split()
        return len(words) == 1 and bool(before) and before[-1].lower() in definite_articles(lang) \
            and not places().get(words[0]) and not morph.is_known(words[0], lang)
    return all(not morph.is_known(w, lang) or "Orgn" in str(morph.parses(w, lang)[0].tag) for w in words)


def _read_as_sense(word: str, lang: str) -> bool:
    found = morph.parses(word, lang) if morph.is_known(word, lang) else ()
    return bool(found) and not set(_RENDERED_BY_SENSE).isdisjoint(re.split(r"[ ,]", str(found[0].tag)))


def _names_in(phrase: str) -> bool:
    """The phrase holds a name: a capitalised word rare in English or a listed place (London, Takagi)."""
    return any(w[:1].isupper() and _name_like(w) for w in phrase.split())


class NameCounterpartCheck:
    """Which ``name-missing`` findings are reported (``name-replaced`` always is):

    - ``report_missing=False`` (``[options] missing_names = false``): only a full East Slavic personal name (given
      name and surname) in a Cyrillic source. A reviewer judged 17 of 18 other such findings on professional
      translations false (a capitalised common noun, a name translated), single words (Білий of Білий дім, Цельсія)
      among them;
    - ``"vectors"`` (the pipeline's default since session 14): also those that word vectors confirm (no target word
      or phrase near the source name: ``_absent``; es, fr, de, it, pt, ru) and no name rendered by its sense or by
      an abbreviation (``_common_noun``, ``_abbreviated``), and any Cyrillic name so confirmed;
    - ``True`` (``missing_names = true``): all, also those the vectors cannot judge (uk).
    With either of the last two, wherever vectors cover the language, a name they find rendered is neither reported
    nor taken as replaced (Twitter: tweeted). ``False`` uses no vectors, except to tell whether a title-cased phrase
    of common words that would be reported as a name's replacement translates other source words (``_descriptive``)."""

    name = "name-counterpart"

    def __init__(self, report_missing: bool | str = True):
        self.report_missing = report_missing

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        self._document = _words(ctx.target.text)      # a name moved to a neighbouring sentence is not missing
        self._vectors = self.report_missing is not False and wordvec.available(lang)
        self._lang = lang
        self._target_text, self._document_names = ctx.target.text, None
        self._source_words = _words(ctx.source.text)   # a target name the source writes anywhere is its own name
        self._established = DocumentNames(established_names(ctx.source.text, self._document), self._source_words)
        for view in ctx.aligned:
            self._confirmed, self._slavic = [], []     # name-missing findings word vectors confirm; full Slavic names
            cyrillic = bool(_CYRILLIC.search(view.source)) and lang in ("ru", "uk")
            persons = list(self._missing_persons(view, lang)) if cyrillic else []
            found = list(self._cyrillic(view, lang) if cyrillic else self._latin(view, lang)) + persons
            described = self._described(view, lang) if self._vectors and found else set()
            # an institution named by its English description (Росрыболовства: Federal Fisheries Agency; Itamaraty:
            # Brazil's Foreign Ministry)
            if described:
                kept = [f for f in found if not any(f is g for g in self._confirmed)
                        or any(f is g for g in self._slavic) or not _institution(f.source_span, view, lang)]
                found, self._confirmed = kept, [f for f in self._confirmed if any(f is g for g in kept)]
            missing = [f for f in found if f.rule == "name-missing" and not _common_word(f.source_span.text, lang)]
            added = [run for run in (self._added(view, lang, cyrillic) if missing else [])
                     if (run[0].start(), run[-1].end()) not in described
                     and not _explained(view.target[run[0].start():run[-1].end()], view.source, missing, lang)]
            if missing and any(missing[0] is f for f in self._slavic):
                # a person's full name is not replaced by a place (downtown Moscow for в центре столицы)
                added = [run for run in added if not _place_run(view.target[run[0].start():run[-1].end()])]
            if added:          # a source name gone and a target name from nowhere: the name was replaced
                first, run = missing[0], added[0]
                start, end = run[0].start(), run[-1].end()
                found[found.index(first)] = Finding(
                    "name", "major", "name-replaced", "accuracy/mistranslation",
                    f"the source name “{first.source_span.text}” is rendered as “{view.target[start:end]}”, "
                    "which no source word accounts for", f"translate “{first.source_span.text}”", view.segment.id,
                    target_span=view.target_span(start, end), source_span=first.source_span)
            if not cyrillic:
                taken = {(f.target_span.start, f.target_span.end) for f in found if f.target_span}
                for f in [*respelled(view, lang, self._source_words), *swapped(view, lang, self._source_words),
                          *part_accents(view), *established_respelled(view, self._established, lang)]:
                    if (f.target_span.start, f.target_span.end) not in taken:
                        taken.add((f.target_span.start, f.target_span.end))
                        found.append(f)
            yield from (f for f in found if f.rule != "name-missing" or self._reported(f))

    def _reported(self, finding: Finding) -> bool:
        if self.report_missing is True or any(finding is f for f in self._slavic):
            return True
        return self.report_missing == "vectors" and any(finding is f for f in self._confirmed)

    def _missing(self, view: SegmentView, lang: str, start: int, end: int, words: list[str],
                 english: str = "") -> Finding | None:
        """A name-missing finding for source[start:end], unless word vectors find it rendered (``words``)."""
        absent = _absent(words, view.source, view.target, lang) if self._vectors else None
        if absent and (_abbreviated(words, english, view.source, view.target) or any(
                _acronym(m.group(), view.source, start, end, lang) for m in _TARGET_NAME.finditer(view.target))
                or _alias(" ".join(words), " ".join(_W.findall(view.target)), lang)
                or any(_place_present(e, _words(view.target), _fold(view.target))
                       for w in words for e in places().get(w, ()))):
            return None         # La., Ukip, Cheops: Khufu; Cracovia: Krakow, a listed place however rare in English
        if absent and _common_noun(words, lang):
            absent = None       # not confirmed: reported only with missing_names = true
        if absent is False:
            return None
        name = view.source[start:end]
        finding = Finding("name", "major", "name-missing", "accuracy/omission",
                          f"the source name “{name}”{english} has no counterpart in the translation",
                          f"translate “{name}”", view.segment.id, source_span=view.source_span(start, end))
        if absent:
            self._confirmed.append(finding)
        return finding

    # --- source names that the target drops or respells -----------------------------------------------------

    def _latin(self, view: SegmentView, lang: str) -> Iterator[Finding]:
        target_words, target_fold = _words(view.target), _fold(view.target)
        targets = [m for m in tr.LATIN_WORD.finditer(view.target) if len(m.group()) >= 3]
        for run in _source_runs(view.source, lang):
            if _AFTER_NUMBER.search(view.source, 0, run[0].start()):
                continue
            whole = places().get(view.source[run[0].start():run[-1].end()])
            if len(run) > 1 and whole and len(whole) == 1:      # Estados Unidos, Países Bajos
                expected = [(run[0], (whole[0],))]
                if not _place_present(whole[0], target_words, target_fold):
                    yield from self._missing_or_changed(view, lang, run, expected, targets, whole=True)
                continue
            expected, kept_place = [], False
            for m in run:
                word = m.group()
                english = places().get(word) or (self._vectors and lang == "de" and word.endswith("s")
                                                 and places().get(word[:-1]))          # Singapurs, Bischkeks
                # a common word first (Löwen: lions, Leuven), unless vectors tell a place dropped from a noun rendered
                common = zipf(word.lower(), lang) >= 4.0 and not (self._vectors and len(run) == 1)
                if english and len(english) == 1 and (lang in countries().get(word, ()) or (
                        zipf(english[0].lower()) >= 3.5 and not common)):
                    if _place_present(english[0], target_words, target_fold):
                        expected.append((m, (word,)))
                        kept_place = True
                    else:
                        expected.append((m, (english[0], word)))
                elif kept_in_english(word, lang, len(run) > 1) or (_fold(word) in english_places() and zipf(word.lower(), lang) < 4) \
                        or (self._vectors and lang == "de" and len(run) == 1 and _german_name(word)
                            and not after_determiner(view.source, m.start(), lang)):
                    expected.append((m, (word,)))
            kept = [any(_present(e, target_words, target_fold, loose=len(forms) > 1) for e in forms)
                    for _, forms in expected]
            if not expected or kept_place or (len(expected) < len(run) and lang != "de"):
                continue        # a descriptive name with a word English translates: Edad Media, Vía Láctea
            if not any(kept):
                yield from self._missing_or_changed(view, lang, run, expected, targets)
                continue
            for (m, forms), ok in zip(expected, kept):   # Goldmann Sachs: one word of a kept name respelled
                if not ok and len(forms) == 1:
                    yield from self._changed(view, m, targets)

    def _changed(self, view: SegmentView, m: re.Match, targets) -> Iterator[Finding]:
        own = _words(view.source)       # a target word that is another source word (Flora / Florida) respells none
        targets = [t for t in targets if _fold(t.group()) not in own]
        best = max(targets, key=lambda t: tr.similarity(t.group(), m.group()), default=None)
        if best is not None and len(m.group()) >= 4 and tr.similarity(best.group(), m.group()) >= CLOSE \
                and not _spelling_variant(best.group(), m.group()) \
                and not source_typo(best.group(), m.group(), self._lang):
            yield Finding("name", "major", "name-changed", "fluency/spelling",
                          f"“{best.group()}” respells the source name “{m.group()}”",
                          f"write “{m.group()}”", view.segment.id,
                          target_span=view.target_span(best.start(), best.end()),
                          source_span=view.source_span(m.start(), m.end()))

    _document: set[str] = frozenset()
    _lang = ""
    _vectors = False
    _target_text, _document_names = "", None

    def _missing_or_changed(self, view, lang, run, expected, targets, respell_single=False,
                            whole=False) -> Iterator[Finding]:
        first, last = expected[0][0], expected[-1][0]
        best = max(((tr.similarity(t.group(), m.group()), t, m) for t in targets for m, _ in expected),
                   key=lambda x: x[0], default=None)
        if best and best[0] >= CLOSE:
            # a single Latin-source word: too often a translated name, unless the change is a typo
            if len(expected) > 1 or respell_single or _typo(best[1].group(), best[2].group(), lang):
                yield from self._changed(view, best[2], targets)
            return
        if best and best[0] >= 0.6 or not _full_translation(view) \
                or any(_fold(f) in self._document for _, forms in expected for f in forms):
            return
        words = [m.group() for m in run] if whole else [m.group() for m, _ in expected]   # Estados Unidos
        finding = self._missing(view, lang, first.start(), last.end(), words)
        if finding is not None:
            yield finding

    def _cyrillic(self, view: SegmentView, lang: str) -> Iterator[Finding]:
        target_words, target_fold = _words(view.target), _fold(view.target)
        targets = [m for m in tr.LATIN_WORD.finditer(view.target) if len(m.group()) >= 2]
        # Latin-script names in a Cyrillic source (компания Google, газета Financial Times): copied unchanged.
        for m in _LATIN_IN_CYRILLIC.finditer(view.source):
            word = m.group()
            if word.islower() or _ROMAN.fullmatch(word) or _CYRILLIC.match(view.source, m.end()) \
                    or _AFTER_NUMBER.search(view.source, 0, m.start()) \
                    or _present(word, target_words, target_fold):
                continue                    # not a name, a century (XV век), or a typo inside a word (Meжду)
            yield from self._missing_or_changed(view, lang, [m], [(m, (word,))], targets, respell_single=True)
        # Countries (CLDR): Германии -> Germany, or its initials (США: US).
        for n in tr.source_names(view.source, lang):
            english = next((places()[x][0] for x in n.lemmas if lang in countries().get(x, ()) and len(places()[x]) == 1),
                           None)
            also = [f for x in n.lemmas for f in tr.established().get((lang, x.lower()), ())]     # Britain, UK
            if english and not _place_present(english, target_words, target_fold) and _full_translation(view) \
                    and not any(_place_present(f, target_words, target_fold) for f in also) \
                    and _mid_sentence(view.source, n.start) and _fold(english) not in self._document \
                    and not any(tr.judge(m.group(), [n], lang) is not None for m in targets):
                # (a target word that romanises the country, Gruzia for Грузії, Lytva for Литві, renders it: the
                # transliteration check's finding, not a country gone and another name come in its place)
                finding = self._missing(view, lang, n.start, n.start + len(n.text), [n.text], f" ({english})")
                if finding is not None:
                    yield finding

    def _missing_persons(self, view: SegmentView, lang: str) -> Iterator[Finding]:
        """Cyrillic names with no rendering in the target: East Slavic personal names, and, where word vectors
        confirm the absence, any other name (Трамп, Норвич, Гидрометцентр), whose English spelling is not
        predictable from romanisation alone (Лі: Lee, Джеймс). Countries are ``_cyrillic``'s."""
        targets = [m for m in tr.LATIN_WORD.finditer(view.target) if len(m.group()) >= 2]
        vectors = self._vectors
        names = [n for n in tr.source_names(view.source, lang)
                 if (n.person and n.slavic or vectors) and not n.common and len(n.text) > 3
                 and not any(lang in countries().get(x, ()) for x in n.lemmas)]
        for entity in _entities(names, view.source):
            surnames = [n for n in entity if not n.given] if vectors else []   # Владимира Путина: Vladimir Zelensky
            if any(self._rendered(n, targets, lang) for n in surnames or entity):
                continue
            if vectors and any(self._rendered(n, self._names_in_document(), lang) for n in surnames or entity):
                continue        # named in another sentence: "he said" for считает Адамс
            if len(entity) == 1 and (not (_mid_sentence(view.source, entity[0].start) or vectors and entity[0].tagged)
                                     or entity[0].given or len(entity[0].lemmas[0]) < 4
                                     or view.source[entity[0].start - 1:entity[0].start] == "-"):
                continue        # Немає, Вона: a capitalised first word the dictionary reads as no name; Джей; Ын;
                # the second part of a hyphenated name, which English may write as one word (Улан-Батора: Ulaanbaatar)
            if not _full_translation(view):
                continue
            start, end = entity[0].start, entity[-1].start + len(entity[-1].text)
            slavic = all(n.person and n.slavic for n in entity)
            finding = self._missing(view, lang, start, end, [n.text for n in entity])
            if finding is None or not (slavic or any(finding is f for f in self._confirmed)):
                continue
            if slavic and _full_name(finding.source_span.text):
                self._slavic.append(finding)
            yield finding

    def _names_in_document(self) -> list[re.Match]:
        """The capitalised words of the whole translation, each spelling once (read when first needed)."""
        if self._document_names is None:
            self._document_names = list({m.group(): m for m in tr.LATIN_WORD.finditer(self._target_text)
                                         if len(m.group()) >= 2}.values())
        return self._document_names

    @staticmethod
    def _rendered(name: tr.SourceName, targets: list[re.Match], lang: str) -> bool:
        """Some target word renders this Cyrillic name, well or badly (a bad spelling is transliteration's)."""
        for t in targets:
            word = t.group()
            for lemma in name.lemmas:
                if tr.is_accepted(word, lemma, lang) or any(word == e for e in places_english(lemma)):
                    return True
                if _alike(word, tr.english_forms(lemma, lang)[0]):
                    return True
        return False

    # --- target names that no source word accounts for ------------------------------------------------------

    def _described(self, view: SegmentView, lang: str) -> set[tuple[int, int]]:
        """Spans of the target's title-cased phrases of two or more common English words that no source word
        accounts for: the English name of an institution, which the source names by its own (Federal Fisheries
        Agency for Росрыболовства, Foreign Ministry for Itamaraty), so word vectors, which compare names, cannot tell
        that it renders it."""
        runs = [run for run in _capitalised_runs(view.target)
                if len(run) > 1 and all(_common_english(m.group()) for m in run)]
        cyrillic = bool(_CYRILLIC.search(view.source)) and lang in ("ru", "uk")
        return {(run[0].start(), run[-1].end()) for run in self._added(view, lang, cyrillic, runs)}

    def _added(self, view: SegmentView, lang: str, cyrillic: bool,
               runs: list[list[re.Match]] | None = None) -> list[list[re.Match]]:
        """Runs of target names (or the ``runs`` given) that no source word accounts for."""
        source_words = Spellings(_words(view.source))
        names = tr.source_names(view.source, lang) if cyrillic else []
        return [run for run in (_target_runs(view.target) if runs is None else runs)
                if not any(self._accounted(m.group(), source_words, view.source, names, lang) for m in run)]

    @staticmethod
    def _accounted(word: str, source_words: Spellings, source: str, names, lang: str) -> bool:
        key = _fold(word)
        if key in source_words.words or source_words.related(key):
            return True
        forms = forms_of().get(word, ()) + _forms_folded().get(key, ())
        if any(f in source for f in forms):
            return True         # Kraków for Cracovia: the gazetteer's English name is Krakow
        if forms and any(lemma in forms for n in names for lemma in n.lemmas):
            return True         # Poland for Польщі: the gazetteer's form is the nominative Польща
        return any(tr.is_accepted(word, lemma, lang) or _alike(word, tr.english_forms(lemma, lang)[0])
                   for n in names for lemma in n.lemmas)


@lru_cache(maxsize=None)
def _forms_folded() -> dict[str, tuple[str, ...]]:
    """Folded English place name -> its foreign forms (the English name written with its own diacritics)."""
    out: dict[str, tuple[str, ...]] = {}
    for english, forms in forms_of().items():
        out[_fold(english)] = out.get(_fold(english), ()) + forms
    return out


def _alike(english: str, romanised: str) -> bool:
    """An English name and the romanisation of a Cyrillic name are one name: spelled alike, alike once English
    spellings of one sound are read as that sound (Bean: Бин romanised Bin; Keith: Кит), or with the same
    consonants (``_consonants``: Bethesda, Вифезда)."""
    return tr.similarity(english, romanised) >= 0.6 or _sound(english) == _sound(romanised) \
        or len(_consonants(english)) >= 2 and _consonants(english) == _consonants(romanised)


@lru_cache(maxsize=100_000)
def _consonants(word: str) -> str:
    """The consonants of a Latin spelling, the ones transcriptions confuse merged (b/v, th/ph/f, c/k/q, s/z, x) and
    those they drop or turn into vowels left out (h, j, w, y): a transliteration's variants share it (Bethesda,
    Vifezda: vfzd; Weeknd, Uikend: knd; Rady, Redi: rd)."""
    key = _fold(word).replace("th", "f").replace("ph", "f").replace("x", "ks")
    key = re.sub(r"[^a-z]|[aeiouhjwy]", "", key).translate(str.maketrans("bcqs", "vkkz"))
    return re.sub(r"(\w)\1", r"\1", key)


_SOUNDS = (("ee", "i"), ("ea", "i"), ("ie", "i"), ("ei", "i"), ("oo", "u"), ("ou", "u"), ("ph", "f"), ("th", "t"),
           ("ck", "k"), ("w", "v"), ("q", "k"), ("x", "ks"))


@lru_cache(maxsize=100_000)
def _sound(word: str) -> str:
    """A rough key of how a Latin spelling sounds: English vowel and consonant digraphs, c, y, double letters and a
    silent final e reduced to the letter a Cyrillic transcription writes (Bean, Been, Bin: bin)."""
    key = _fold(word)
    for spelling, sound in _SOUNDS:
        key = key.replace(spelling, sound)
    key = re.sub(r"c(?=[eiy])", "s", key).replace("c", "k").replace("y", "i")
    key = re.sub(r"(\w)\1", r"\1", key)
    return key[:-1] if len(key) > 3 and key.endswith("e") else key


# --- a target name that is no replacement after all ---------------------------------------------------------------

ACRONYM_LETTERS = 5     # an acronym's letters at most, for one read in another order (OTAN: NATO)


def _explained(text: str, source: str, missing: list[Finding], lang: str) -> bool:
    """The target name ``text`` renders a missing source name after all (another name of it, an acronym of the
    source words around it), or is a title-cased phrase of common English words that translates other source
    words (Judiciary Committee: Судового комітету)."""
    names = [f.source_span.text for f in missing]
    spans = [(m.start(), m.end()) for n in dict.fromkeys(names) for m in re.finditer(re.escape(n), source)]
    return any(_alias(n, text, lang) for n in names) \
        or any(_acronym(text, source, start, end, lang) for start, end in spans) \
        or any(_reordered_acronym(text, w) for n in names for w in n.split()) \
        or _descriptive(text, source, names, lang)


def _reordered_acronym(text: str, word: str) -> bool:
    """The English acronym spells the source one's letters in another order, as English puts the adjective first
    (Dop: PDO, OTAN: NATO, ONG: NGO, UE: EU)."""
    return text.isupper() and 2 <= len(text) <= ACRONYM_LETTERS and len(word) == len(text) and word.isalpha() \
        and word[:1].isupper() and text != word.upper() and sorted(text) == sorted(word.upper())


@lru_cache(maxsize=None)
def _alias_groups() -> dict[str, frozenset[str]]:
    """Folded name -> every folded name of its entity (``names/aliases.tsv``: Cheops, Khufu, Хеопс)."""
    out: dict[str, frozenset[str]] = {}
    for row in read_table("names/aliases.tsv"):
        group = frozenset(_fold(n) for n in row["names"].split("|"))
        for name in group:
            out[name] = out.get(name, frozenset()) | group
    return out


@lru_cache(maxsize=None)
def _exonyms() -> tuple[tuple[re.Pattern, str], ...]:
    """(older form, current English form) of every renamed place (``names/exonyms.tsv``: Bombay, Mumbai)."""
    return tuple((re.compile(r["pattern"]), r["english"]) for r in read_table("names/exonyms.tsv"))


def _alias(name: str, text: str, lang: str) -> bool:
    """``text`` (or a run of its words) is another name of the source name's entity: a listed alias, or the
    current and older form of a renamed place."""
    words = re.sub(r"['’]s\b", "", text).split()
    candidates = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    groups = _alias_groups()
    for form in _nominatives(name, lang):
        group = groups.get(_fold(form), frozenset())
        if any(_fold(c) in group and _fold(c) != _fold(form) for c in candidates):
            return True
        for older, english in _exonyms():
            if any(older.fullmatch(form) and c == english or form == english and older.fullmatch(c) for c in candidates):
                return True
    return False


def _nominatives(name: str, lang: str) -> list[str]:
    """The name as written and, for a Cyrillic one, each reading of it in the nominative (Хеопса: Хеопс)."""
    if not (lang in ("ru", "uk") and _CYRILLIC.search(name)):
        return [name]
    readings = [[n for n, _ in morph.nominatives(w, lang)] or [w] for w in name.split()]
    return list(dict.fromkeys([name] + [" ".join(c) for c in islice(product(*readings), 8)]))


_SOURCE_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _acronym(word: str, source: str, start: int, end: int, lang: str) -> bool:
    """``word`` is an acronym of the source phrase that ends with source[start:end] (Ukip: Parti pour l’indépendance
    du Royaume-Uni): a word English does not know whose letters are the initials of a few adjacent source words up
    to the name, a listed place also giving its English form's initials (Royaume-Uni: United Kingdom), and every
    word of them a function word (pour, du) or one whose initial the acronym has. The phrase ends with the name,
    as in every language that names a party or body "X of <country>"; words after it are the sentence going on
    (Royaume-Uni a indiqué que les politiciens: u, k, i, p by chance)."""
    letters = word.casefold()
    if not (3 <= len(letters) <= 6 and letters.isalpha()) or morph.is_known(letters, "en"):
        return False
    tokens = list(_SOURCE_TOKEN.finditer(source))
    inside = [i for i, t in enumerate(tokens) if t.start() < end and t.end() > start]
    if not inside or not set(letters) & set("".join(_initials(tokens[i].group()) for i in inside)):
        return False
    width = len(letters) + 3                        # function words between: pour, l’, du
    for first in range(max(0, inside[-1] - width + 1), inside[0] + 1):
        window = [t.group() for t in tokens[first:inside[-1] + 1]]
        initials = "".join(_initials(w) for w in window)
        if all(initials.count(c) >= letters.count(c) for c in set(letters)) and all(
                _function_word(w, lang) or set(_initials(w)) & set(letters) for w in window):
            return True
    return False


def _function_word(word: str, lang: str) -> bool:
    """A word an acronym leaves out: an article, preposition or conjunction (short, or very frequent: pour)."""
    return len(word) <= 2 or zipf(word.lower(), lang) >= 6.0


def _initials(token: str) -> str:
    """The initials of a source word and of its parts (Royaume-Uni: ru), and of a listed place's English form
    (uk)."""
    english = places().get(token, ())
    words = token.split("-") + (english[0].split() if len(english) == 1 else [])
    return "".join(_fold(w)[:1] for w in words if w)


@lru_cache(maxsize=100_000)
def _common_english(word: str) -> bool:
    """A common English word written with a capital: the dictionary's lemma of it is lower-case (Plains: plain,
    Judiciary), unlike a proper word it knows capitalised (Baltic, Egyptians: Egyptian, Cologne), and it is no
    listed place (Moscow)."""
    import simplemma

    return simplemma.lemmatize(word, lang="en", low_memory=True)[:1].islower() and _fold(word) not in english_places()


def _descriptive(text: str, source: str, names: list[str], lang: str) -> bool:
    """``text`` is made only of common English words (``_common_english``) and, where word vectors cover the
    language, another source word or phrase is nearer to it than the missing names are: a title-cased translation
    (Southern Plains, Judiciary Committee), not a name from nowhere (New Cologne for Neukölln). Without vectors
    (uk), the common words alone decide."""
    words = re.sub(r"['’]s\b", "", text).split()
    if not all(_common_english(w) for w in words):
        return False
    if not wordvec.available(lang):
        return True
    own = {_fold(w) for n in names for w in re.findall(r"\w+", n)}
    others = [p for p in wordvec.phrases(source) if not own & _words(p)]
    if not others:
        return False
    matrix = wordvec.similarity_matrix(names + others, [" ".join(words)], keep=False)[:, 0]     # one-off phrases
    rival = float(matrix[len(names):].max())
    return rival >= NEAR and rival >= float(matrix[:len(names)].max())


def _common_word(name: str, lang: str) -> bool:
    """Every word of the name is a common word of the source language (Re in Valle dei Re, Union, России): a
    translation may translate or rephrase it, so another target name is no evidence that it was replaced."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and min(zipf(w.lower(), lang) for w in words) >= COMMON_SOURCE


@lru_cache(maxsize=None)
def _other_english_names() -> dict[str, tuple[str, ...]]:
    """A place's preferred English name -> the other English names ``names/established.tsv`` gives it (United
    Kingdom: UK, Britain, Great Britain), whatever the source language."""
    return {forms[0]: forms[1:] for forms in tr.established().values() if len(forms) > 1}


def _place_present(english: str, target_words: set[str], target_fold: str) -> bool:
    """A place's English name in the target, loosely (Türkiye/Turkey), by a word of it (New York City: York), by
    its initials (United States: US, U.S., USA) or by another English name of it (Britain)."""
    return any(_name_present(name, target_words, target_fold)
               for name in (english, *_other_english_names().get(english, ())))


def _name_present(english: str, target_words: set[str], target_fold: str) -> bool:
    words = english.split()
    initials = r"\.?".join(w[0].casefold() for w in words)
    return _present(english, target_words, target_fold, loose=True) \
        or any(_present(w, target_words, target_fold) for w in words if len(w) >= 4 and w.istitle()) \
        or (len(words) > 1 and re.search(rf"\b{initials}\.?(?:a\.?)?\b", target_fold) is not None)   # USA


def _spaced(key: str, text: str) -> bool:
    """``key`` written as two words in the target (Coronavirus: corona virus)."""
    return re.search(r"\b" + r" ?".join(map(re.escape, key)) + r"\b", text) is not None


def _typo(target: str, source: str, lang: str) -> bool:
    """A name of five letters or more misspelt, not translated: one letter dropped, added, changed or two swapped
    inside the word (Volkswaen, Schumcher; a changed ending is a translated one: Merenidi, Merenids), and the
    result a word of neither language (a translated name is one: Naples, Felipe)."""
    a, b = target.casefold(), source.casefold()
    if len(b) < 5 or a[0] != b[0] or a[-1] != b[-1] or zipf(a) > 0 or zipf(a, lang) > 0 or morph.is_known(a, "en"):
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


RESPELT_RARE = 3.0      # a target word English uses at least this much is an English form, not a misspelling
ENGLISH_MARGIN = 0.5    # a single word: English's own form when English uses it nearly as much (Daesh 2.7, es 2.9)
RESPELT_RARE_IN_NAME = 4.0      # the same inside a full name whose other words are kept (Gonzalo 3.1 for Gonçalo)


def respelled(view: SegmentView, lang: str, source_words: set[str]) -> Iterator[Finding]:
    """A capitalised target word spelled nearly like a Latin-script source name that the target does not write
    (Pfeifer for Pfeiffer, Fuello for Fueyo, Delvia for Delvai, Hapag-Loyd): a misspelling, not a translation,
    when English attests the target spelling less than the source's (an English form is the one English uses:
    Katja for Katjia, Navalny for Navalni) and knows it as no word or place (``misspelt``)."""
    target_words = _words(view.target)
    names = [m for m in _LATIN_SOURCE_WORD.finditer(view.source) if len(m.group()) >= 5 and not m.group().isupper()
             and _fold(m.group()) not in target_words]
    if not names:
        return
    targets = list(_TARGET_NAME.finditer(view.target))
    for t in targets:
        word = t.group()
        if len(word) < 5 or word.isupper() or _fold(word) in source_words:
            continue
        source = next((m for m in names if misspelt(word, m.group(), lang) and not source_typo(word, m.group(), lang)),
                      None)
        if source is not None:
            yield _respelling(view, t, source)
    yield from _split(view, targets, names)


def _after_given_name(text: str, start: int) -> bool:
    """A capitalised word stands right before ``start``, after a space: a person's given name (Thierry Van Damme;
    not the abbey of Monte Cassino, a place English writes apart)."""
    before = re.search(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][\w’'-]*) $", text[:start])
    return before is not None and zipf(before.group(1).lower()) < COMMON_EN      # not The, In


def _split(view: SegmentView, targets: list[re.Match], names: list[re.Match]) -> Iterator[Finding]:
    """A one-word source name written as two capitalised words after a given name (Van Damme for Vandamme; session
    15), where the source nowhere writes it so: the bearer's spelling is one word. Not a compound English writes
    apart, whose second word is an English word (Nationalpark: National Park, Ellsworthland, Hongkong: Hong Kong)."""
    joined = {_fold(m.group()): m for m in names if len(m.group()) >= 6}
    for first, second in zip(targets, targets[1:]):
        if view.target[first.end():second.start()] != " " or first.group().isupper() or second.group().isupper() \
                or morph.is_known(second.group().lower(), "en") or not _after_given_name(view.target, first.start()):
            continue
        source = joined.get(_fold(first.group() + second.group()))
        if source is not None and _fold(f"{first.group()} {second.group()}") not in _fold(view.source):
            yield Finding("name", "major", "name-changed", "fluency/spelling",
                          f"“{first.group()} {second.group()}” splits the source name “{source.group()}”",
                          f"write “{source.group()}”", view.segment.id,
                          target_span=view.target_span(first.start(), second.end()),
                          source_span=view.source_span(source.start(), source.end()))


def source_typo(target: str, source: str, lang: str) -> bool:
    """The source misspells a name the English writes right (Katjia: Katja, Chiders: Childers): the source
    spelling is one neither its language nor English attests (``TYPO_UNSEEN``) and English attests the target's
    (``TYPO_ENGLISH``; not Bestwood, 1.3: too rare to tell from a misspelt rare name)."""
    lower = source.lower()
    return zipf(lower, lang) < TYPO_UNSEEN and zipf(lower) < TYPO_UNSEEN_EN and zipf(target.lower()) >= TYPO_ENGLISH


def _respelling(view: SegmentView, target: re.Match, source: re.Match) -> Finding:
    return Finding("name", "major", "name-changed", "fluency/spelling",
                   f"“{target.group()}” respells the source name “{source.group()}”", f"write “{source.group()}”",
                   view.segment.id, target_span=view.target_span(target.start(), target.end()),
                   source_span=view.source_span(source.start(), source.end()))


def _accent_letters(word: str) -> list[str]:
    return sorted(c for c in word if not c.isascii())


def part_accents(view: SegmentView) -> Iterator[Finding]:
    """A target name that keeps some of the source name's diacritics and drops others (Conceicão for Conceição):
    neither the source's spelling nor the plain-letter one English also uses (Conceicao)."""
    names = {_fold(m.group()): m for m in _LATIN_SOURCE_WORD.finditer(view.source) if not m.group().isascii()}
    for t in _TARGET_NAME.finditer(view.target):
        word, source = t.group(), names.get(_fold(t.group()))
        if source is None or word.isascii() or word.casefold() == source.group().casefold():
            continue
        kept, own = _accent_letters(word.casefold()), _accent_letters(source.group().casefold())
        if len(kept) < len(own) and all(kept.count(c) <= own.count(c) for c in kept):
            yield _respelling(view, t, source)


def swapped(view: SegmentView, lang: str, source_words: set[str]) -> Iterator[Finding]:
    """A name of several words whose target keeps all of them but one, at the same place, and puts there a name
    that no source word accounts for (Inês Teixeira for Inês Tavares): one person's name replaced by another's. The
    new word is a name (rare in English, no word of the English dictionary: King, Austrian, Spaniard, Rome translate
    Rey, Autrichienne, Espagnol, Rom), unrelated in spelling to the word it replaces, and the replaced source word
    is no common word of its language. A related spelling is a respelling (``name-changed``): a misspelling, or
    another name of the same root (Esteve for Esteban, Matthew for Mathieu: ``_other_name``)."""
    target_words = _words(view.target)
    sources = [r for r in tr.name_runs(view.source, _LATIN_SOURCE_WORD.finditer(view.source)) if len(r) >= 2]
    if not sources:
        return
    targets = [r for r in tr.name_runs(view.target, _TARGET_NAME.finditer(view.target)) if len(r) >= 2]
    for whole_run in sources:
        all_words = [m.group() for m in whole_run]
        for whole in targets:
            # a title before the name on one side only (Dr Sabine Vogt for Dr. Sabine Voigt; Bausenatorin Joanna
            # Hagen for Joanna Hagen): the runs' last words are the name, compared for a respelling only
            n = min(len(whole), len(whole_run))
            windowed = len(whole) != len(whole_run)
            if windowed and n < 2:
                continue
            target, words, run = whole[len(whole) - n:], all_words[len(all_words) - n:], whole_run[len(whole_run) - n:]
            pairs = [(_fold(s), _fold(t.group())) for s, t in zip(words, target)]
            same = [i for i, (s, t) in enumerate(pairs) if s == t and len(s) >= 3 and not words[i].isupper()]
            other = [i for i, (s, t) in enumerate(pairs) if s != t]
            if not same or len(other) != 1:
                continue
            i = other[0]
            (s, t), word = pairs[i], target[i].group()
            if s in target_words or t in source_words or len(t) < 3:
                continue
            if _related(s, t):      # one word of a kept name respelled: Gonzalo Viegas for Gonçalo Viegas
                # ... or changed into a related name, which is another person's (Julián Esteve for Julián Esteban,
                # Matthew Lefort for Mathieu Lefort: the name is the bearer's; session 14)
                # across a title on one side, only a misspelling: another name's spelling there is as often the
                # title's word read into the name (Tory Brexiteer Andrea Jenkyns) or a relayed name (Aleksandr)
                if (misspelt(word, words[i], lang, in_name=True)
                        or (not windowed and _other_name(word, words[i], lang))
                        or _surname_slip(word, words[i], i, len(words), lang)) \
                        and not (windowed and source_typo(word, words[i], lang)):
                    yield _respelling(view, target[i], run[i])
                continue
            if windowed:
                continue
            if not _name_like(word) or morph.is_known(t, "en") or zipf(s, lang) >= COMMON_SOURCE \
                    or _reordered_acronym(word, words[i]):
                continue
            yield Finding("name", "major", "name-replaced", "accuracy/mistranslation",
                          f"the source name “{' '.join(words)}” is rendered with “{word}” for “{words[i]}”, "
                          "which no source word accounts for", f"write “{words[i]}”", view.segment.id,
                          target_span=view.target_span(target[i].start(), target[i].end()),
                          source_span=view.source_span(run[i].start(), run[i].end()))


SLIP_EDITS = 2          # letters a slip in a surname changes at most (Tossi for Tozzi, Peters for Petersen)
_INFLECTION_TAILS = ("s", "es", "'s", "’s")      # a German genitive (Merkels, des Hauses): no truncation


def _slip(target: str, source: str, lang: str = "") -> bool:
    """``target`` spells ``source`` with a letter or two changed, added, dropped or cut from the end (Pinto for Pino,
    Iervolini for Iervolino, Peters for Petersen, Tossi for Tozzi), not with an inflection's ending (Merkels), nor as
    a spelling variant (umlaut written out, British/American)."""
    a, b = _fold(target), _fold(source)
    if a == b or a[0] != b[0] or min(len(a), len(b)) < 4 or _spelling_variant(target, source) or a.startswith(b):
        return False        # a longer target that starts with the source derives from it (Galician, Italian)
    if b.startswith(a):     # a source spelling no language attests is the source's slip (Murchied: Murchie)
        return b[len(a):] not in _INFLECTION_TAILS and len(b) - len(a) <= SLIP_EDITS \
            and max(zipf(b), zipf(b, lang) if lang else 0.0) >= TYPO_UNSEEN
    if len(a) > len(b):     # one letter slipped in (Pinto for Pino), not a derivation's ending (Andalusian)
        return _within_edits(a, b, 1)       # (a != b: at least one edit)
    return _within_edits(a, b, 1 if len(b) < 5 else SLIP_EDITS)


def _within_edits(a: str, b: str, most: int) -> bool:
    """``_edits(a, b) <= most``, without the alignment where the letters differ too much: an insertion or deletion
    changes the count of one letter, a substitution of two, a swap of none."""
    if sum(abs(a.count(c) - b.count(c)) for c in set(a + b)) > 2 * most:
        return False
    return _edits(a, b) <= most


def _surname_slip(target: str, source: str, i: int, n: int, lang: str) -> bool:
    """The last word of a person's name whose first words the target keeps (Anselmo Gutiérrez Pinto for Anselmo
    Gutiérrez Pino, Salvatore Iervolini for Salvatore Iervolino; session 17), slipped (``_slip``): a surname is
    never translated, so the change is a misspelling even where English knows the new spelling as a word (pinto)
    or a name (Peters), unless it is a common English word (a translated word of a place: Plaza Major), the English
    name of a place, or the source's own misspelling."""
    return i == n - 1 and i >= 1 and _slip(target, source, lang) and zipf(_fold(target)) < COMMON_EN \
        and zipf(_fold(source)) < COMMON_EN \
        and zipf(source.lower(), lang) < COMMON_SOURCE and target not in places().get(source, ()) \
        and not source_typo(target, source, lang) and not _relayed(target, source, lang) \
        and not _translated_word(target, source, lang)


TRANSLATION_NEAR = 0.7      # word-vector cosine from which two dictionary words are a word and its translation


def _translated_word(target: str, source: str, lang: str) -> bool:
    """Both spellings are dictionary words of their languages and mean the same (Lord Protector for Lord
    Protecteur, cosine 0.84; not Pinto for Pino, 0.52): a word of a title translated, no slip. Without vectors for
    the language, any two dictionary words."""
    if not (morph.is_known(_fold(target), "en") and morph.is_known(source.lower(), lang)):
        return False
    return not wordvec.available(lang) or wordvec.similarity(source.lower(), target.lower()) >= TRANSLATION_NEAR


def _relayed(target: str, source: str, lang: str) -> bool:
    """English's own romanisation of a name the source relays from another script or reads with its language's
    conventions (Navalny for the Spanish Navalni, Estadio for Stadio): no slip."""
    return reads_as_surname(source, lang) or renders_relayed(target, source, lang) \
        or _fold(target) in (x for x, _ in spellings(source, lang))


ESTABLISHED_MIN = 4     # letters of a name that the two documents share, below which a slip is too likely chance


@lru_cache(maxsize=None)
def _derived_endings() -> tuple[str, ...]:
    """Endings of English words derived from a name (``names/english-derived-endings.tsv``: Balearic, Andalusian)."""
    return tuple(r["ending"] for r in read_table("names/english-derived-endings.tsv"))


def established_names(source: str, target_words: set[str]) -> dict[str, str]:
    """Capitalised source words (four letters or more, not acronyms) that the translation also writes somewhere,
    folded, with the source's spelling: the document's own spelling of a name."""
    out: dict[str, str] = {}
    for m in _LATIN_SOURCE_WORD.finditer(source):
        if len(m.group()) >= ESTABLISHED_MIN and not m.group().isupper() and (f := _fold(m.group())) in target_words:
            out.setdefault(f, m.group())
    return out


class DocumentNames:
    """A document's ``established_names`` and source words (``_words``), indexed once for the comparisons
    ``established_respelled`` makes with every target name: a chunk of a translation memory holds thousands."""

    def __init__(self, established: dict[str, str], source_words: set[str]):
        self.established, self.source_words = established, source_words
        self._sorted = sorted(source_words)
        self._by_initial: dict[str, list[tuple[str, str]]] = {}
        for folded, spelling in established.items():           # in the dict's order within each initial
            self._by_initial.setdefault(folded[:1], []).append((folded, spelling))

    def starts_a_source_word(self, folded: str) -> bool:
        """Some source word starts with ``folded`` (the words that do follow it in sorted order)."""
        i = bisect_left(self._sorted, folded)
        return i < len(self._sorted) and self._sorted[i].startswith(folded)

    def slip_candidates(self, folded: str) -> list[tuple[str, str]]:
        """(folded, spelling) of the established names ``_slip`` may take a target name folded so for, in the
        dict's order: the same initial and at most SLIP_EDITS letters more or fewer (no slip changes more)."""
        return [(f, n) for f, n in self._by_initial.get(folded[:1], ())
                if abs(len(f) - len(folded)) <= SLIP_EDITS]


def established_respelled(view: SegmentView, names: DocumentNames, lang: str) -> Iterator[Finding]:
    """A target name that slips (``_slip``) a name the source writes in this segment and the translation writes
    right elsewhere (Tossi's son for O filho de Tozzi, with Tozzi in other paragraphs; Eugenio Martín for Eusebio
    Martín; session 17): the translator knows the spelling, so the other one is a slip, not a translation, even
    where English knows it as a name (Pietro for Prieto). Only where the segment's translation writes the name
    fewer times than its source does, or not at all, and the new spelling is no source word nor the start of one
    (Düsseldorf's for Düsseldorfs), no English dictionary word (Canary for Canaria) and no English name of the
    place."""
    established, source_words = names.established, names.source_words
    if not established:
        return
    source_counts: dict[str, list[re.Match]] = {}
    for m in _LATIN_SOURCE_WORD.finditer(view.source):
        if (f := _fold(m.group())) in established:
            source_counts.setdefault(f, []).append(m)
    target_names = [t for t in _TARGET_NAME.finditer(view.target) if len(t.group()) >= ESTABLISHED_MIN
                    and not t.group().isupper()]
    target_counts: dict[str, int] = {}
    for t in _W.finditer(view.target):
        f = t.group().casefold() if t.group().isascii() else _fold(t.group())
        target_counts[f] = target_counts.get(f, 0) + 1
    for t in target_names:
        word, folded = t.group(), _fold(t.group())
        if folded in source_words or folded in established or zipf(folded) >= COMMON_EN \
                or morph.is_known(folded, "en") or names.starts_a_source_word(folded) \
                or folded.endswith(_derived_endings()):
            continue    # an English word (Canary for Canaria), the stem of a source word (Düsseldorf's: Düsseldorfs)
        for f, ms in source_counts.items():
            source = ms[0].group()
            if len(ms) > target_counts.get(f, 0) and _slip(word, source, lang) \
                    and word not in places().get(source, ()) and _fold(source) not in english_places() \
                    and not _relayed(word, source, lang):
                yield _respelling(view, t, ms[0])
                break
        else:
            # a name the translation adds to a sentence whose source names the person otherwise (Martín, por su
            # parte: Eugenio Martín, for Eusebio elsewhere): a slip of the document's spelling
            source = next((n for f, n in names.slip_candidates(folded)
                           if f not in target_counts and _slip(word, n, lang) and not _relayed(word, n, lang) and word not in places().get(n, ())
                           and f not in english_places()), None)
            if source is not None:
                yield Finding("name", "major", "name-changed", "fluency/spelling",
                              f"“{word}” respells the name “{source}” that the translation writes elsewhere",
                              f"write “{source}”", view.segment.id,
                              target_span=view.target_span(t.start(), t.end()),
                              source_span=view.source_span(*_added_name_evidence(view, t)))


def _added_name_evidence(view: SegmentView, added: re.Match) -> tuple[int, int]:
    """The source evidence of a name the translation adds (session 18: every finding carries some): the source
    word that a target name written beside it renders (Martín, por su parte: "Eugenio Martín"), else the whole
    source segment, which names the person without it."""
    words = list(_TARGET_NAME.finditer(view.target))
    at = next(k for k, w in enumerate(words) if w.start() == added.start())
    beside = [w for k in (at + 1, at - 1) if 0 <= k < len(words)
              for w in [words[k]] if view.target[min(w.end(), added.end()):max(w.start(), added.start())] == " "]
    for w in beside:
        folded = _fold(w.group())
        m = next((m for m in _LATIN_SOURCE_WORD.finditer(view.source) if _fold(m.group()) == folded), None)
        if m is not None:
            return m.start(), m.end()
    text = view.source.rstrip()
    return len(text) - len(text.lstrip()), len(text)


def _other_name(target: str, source: str, lang: str) -> bool:
    """A related target word (``_related``) that is another name than the source's, not its translation nor an
    accident of the source (session 14): not where the source misspells it (Chiders: Childers), relays a Cyrillic
    surname (Navalni: Navalny) or a name English romanises so (Serguéi: Sergei), writes a word of both dictionaries (Europäischen Union: European Union), a common
    word of its language, a spelling English does not use (``KEPT_NAME``: Misuri for Missouri), an English word (Bear
    for Baer) or place (Olympique Lyon: Lyonnais), adds an ending (Kurylenkos: Kurylenko's; Murchied) or an elided
    article (L'americano: American); nor where the target adds an English s (Ladbrokes) or reads the source with its
    language's conventions (``names/respell.tsv``: Estadio, Stadio)."""
    s, t = _fold(source), _fold(target)
    return zipf(source.lower(), lang) < COMMON_SOURCE and KEPT_NAME <= zipf(s) < COMMON_EN \
        and not s.startswith(t) and t != s + "s" and not re.search(r"['’]", s) and s not in english_places() \
        and not _spelling_variant(target, source) \
        and not (morph.is_known(t, "en") and morph.is_known(source.lower(), lang)) \
        and t not in (x for x, _ in spellings(source, lang)) \
        and not source_typo(target, source, lang) and not reads_as_surname(source, lang) \
        and not renders_relayed(target, source, lang)


@lru_cache(maxsize=100_000)
def misspelt(target: str, source: str, lang: str, in_name: bool = False) -> bool:
    """``target`` is ``source`` misspelt: the same first and last letter (a changed ending is the language's:
    Teresa/Therese, Merenidi/Merenids, Pfeiffers; two last letters swapped are a typo: Delvia), one or two letters
    changed, added, dropped or two swapped (two only in a word English has never seen and with letter similarity
    >= 0.7: Fuello/Fueyo, not Devonport/Davenport), no spelling variant, a source word that is no common English
    word (Weekend), and English attests the target spelling less than the source's and under ``RESPELT_RARE``,
    knows it as no dictionary word and as no place. ``in_name``: one word of a person's name whose other words the
    target keeps (Gonzalo Viegas for Gonçalo Viegas), where an English form is rarer (royals and saints carry a
    numeral or a title that changes too): a spelling the source language uses more than English is that language's
    variant up to ``RESPELT_RARE_IN_NAME``."""
    a, b = _fold(target), _fold(source)
    if a == b or a[0] != b[0] or a.startswith(b) or b.startswith(a) \
            or (a[-1] != b[-1] and a[-2:] != b[:-3:-1] and not _final_consonant(a, b)) \
            or _spelling_variant(target, source) or zipf(b) >= COMMON_EN:
        return False
    distance, there = _edits(a, b), zipf(a)
    # a form English attests at least as much as the source language does is English's own (Navalny, Sergei for the
    # Spanish Navalni, Serguéi); one the source language uses more is that language's other name (Gonzalo for
    # Gonçalo, Paolini for Paoloni, Maruja for Maruxa), not an English form
    english = there > 0 and there >= zipf(a, lang) - (0.0 if in_name else ENGLISH_MARGIN)
    if distance > 2 or (distance == 2 and (english or tr.similarity(a, b) < 0.7)):
        return False
    rare = RESPELT_RARE if english or not in_name else RESPELT_RARE_IN_NAME
    if there >= rare or (english and there >= zipf(b)) or morph.is_known(a, "en") or a in english_places():
        return False
    return target not in places().get(source, ())


_ENDING_LETTERS = frozenset("aeiouys")    # letters a language's ending changes (Teresa/Therese, Merenidi/Merenids)


def _final_consonant(a: str, b: str) -> bool:
    """One final consonant for another, the rest alike (Ilfort for Ilford; session 15): a slip, not an ending that
    a language changes, which is a vowel or s."""
    return a[:-1] == b[:-1] and not {a[-1], b[-1]} & _ENDING_LETTERS


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent letters."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def _spelling_variant(a: str, b: str) -> bool:
    """British and American spellings of one name (Labour/Labor, Harbour/Harbor), the same letters with an
    apostrophe or hyphen more or less (Dragon’s Den / Dragons Den, Jean-Luc / Jean Luc), German umlauts written
    with an e (Lösch / Loesch) and a German compound's linking s (Landtags-SPD / Landtag-SPD) are not a respelling."""
    def key(word: str) -> str:
        return re.sub(r"[’'ʼ`-]", "", re.sub(r"s-", "-", _fold(word.translate(_UMLAUTS)))).replace("our", "or")
    return key(a) == key(b)


def _related(a: str, b: str) -> bool:
    """Two spellings of one word or name across languages (Revolution/rivoluzione, Africa/africana)."""
    if len(a) < 4 or len(b) < 4:
        return a == b
    if _prefix(a, b) >= min(4, len(a) - 1):
        return True
    # similarity is SequenceMatcher's 2 * matches / (both lengths), and no more letters match than the shorter
    # word has: a pair this unequal in length is never alike (checked first, it keeps the document-wide loop of
    # ``_accounted`` cheap and the hopeless pairs out of similarity's cache)
    la, lb = _ascii_len(a), _ascii_len(b)
    return (la + lb == 0 or 2.0 * min(la, lb) / (la + lb) >= 0.65) and tr.similar(a, b, 0.65)


class Spellings:
    """Folded words (``_words``), asked whether any is a spelling of a word (``_related``). A document's thousands of
    words are compared in full only where the prefix or the letters they share allow it: their letter counts sit
    in one array, and SequenceMatcher matches no more letters than two words share (``tr.similar``'s bound)."""

    SCANNED = 64        # from this many words the letter counts are worth building

    def __init__(self, words: set[str]):
        self.words = words
        self._long = [w for w in words if len(w) >= 4]       # shorter ones relate only when equal: ``words`` has them
        self._scanned = len(self._long) >= self.SCANNED and all(w.isascii() for w in self._long)
        self._by_prefix: dict[str, list[str]] = {}
        if self._scanned:
            self._counts = np.stack([_letter_counts(w) for w in self._long])
            self._lengths = np.array([len(w) for w in self._long])
            for w in self._long:
                self._by_prefix.setdefault(w[:3], []).append(w)

    def related(self, key: str) -> bool:
        if len(key) < 4:
            return False
        if not self._scanned or not key.isascii():
            return any(_related(key, w) for w in self._long)
        shared = np.minimum(self._counts, _letter_counts(key)).sum(axis=1)
        total = self._lengths + len(key)
        alike = (2.0 * np.minimum(self._lengths, len(key)) / total >= 0.65) & (2.0 * shared / total >= 0.65)
        candidates = dict.fromkeys([self._long[i] for i in np.flatnonzero(alike)] + self._by_prefix.get(key[:3], []))
        return any(_related(key, w) for w in candidates)


def _letter_counts(word: str) -> np.ndarray:
    """How often each ASCII character occurs in ``word`` (an ASCII word: ``_fold``'s)."""
    return np.bincount(np.frombuffer(word.encode("ascii"), dtype=np.uint8), minlength=128).astype(np.int16)


def _ascii_len(word: str) -> int:
    """The length of ``word`` as ``tr.similarity`` compares it (ASCII, case-folded)."""
    return len(word) if word.isascii() else len(tr._ascii(word))


def _place_run(text: str) -> bool:
    return anyascii(text).casefold() in english_places()


def places_english(lemma: str) -> tuple[str, ...]:
    return places().get(lemma, ())


_PARTICLES = r"de|del|la|le|von|van|di|da|dos|do"          # inside names: Olivia de Havilland, Vasco da Gama
_PARTICLES_DE = r"de|la|le|von|van|di|da"                   # German der, das, do are articles and verbs
_GAP, _GAP_DE = (re.compile(rf"[ -]|\s(?:{particles})\s") for particles in (_PARTICLES, _PARTICLES_DE))


def _source_runs(text: str, lang: str) -> list[list[re.Match]]:
    """Runs of adjacent capitalised Latin-script source words inside a sentence (joined by a space, hyphen or
    a lower-case particle such as de, von, di, da, del, la)."""
    runs: list[list[re.Match]] = []
    for m in _LATIN_SOURCE_WORD.finditer(text):
        if not _mid_sentence(text, m.start()):
            continue
        gap = text[runs[-1][-1].end():m.start()] if runs else None
        if gap is not None and (_GAP_DE if lang == "de" else _GAP).fullmatch(gap):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _target_runs(text: str) -> list[list[re.Match]]:
    """Runs of adjacent capitalised target words inside a sentence where at least one word is name-like: rare in
    English, or a listed place."""
    return [r for r in _capitalised_runs(text) if any(_name_like(m.group()) for m in r)]


def _capitalised_runs(text: str) -> list[list[re.Match]]:
    """Runs of adjacent capitalised target words (of three letters or more, not all capitals) inside a sentence."""
    runs: list[list[re.Match]] = []
    for m in tr.LATIN_WORD.finditer(text):
        if not _mid_sentence(text, m.start()) or len(m.group()) < 3 or m.group().isupper():
            continue
        if runs and text[runs[-1][-1].end():m.start()] in (" ", "-"):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


@lru_cache(maxsize=100_000)
def _name_like(word: str) -> bool:
    return zipf(word.lower()) < COMMON_EN or _fold(word) in english_places()


def _entities(names: list[tr.SourceName], text: str) -> list[list[tr.SourceName]]:
    """Adjacent source names (separated by one space or hyphen) as one entity: a full name is rendered when one
    of its words is (English drops patronymics)."""
    out: list[list[tr.SourceName]] = []
    for n in names:
        if out and text[out[-1][-1].start + len(out[-1][-1].text):n.start] in (" ", "-"):
            out[-1].append(n)
        else:
            out.append([n])
    return out
