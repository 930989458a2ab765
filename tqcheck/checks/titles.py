"""Offices rendered from the source wording, or given the English title of another office.

Data: ``resources/offices/<src>.toml``, one table of offices per source language. An office has its source
wordings as lemma sequences (``source``), optional sense conditions on the source paragraph (``context``: one
of these lemmas must occur; ``unless``: none may; ``unless_near``: none may stand within four words, e.g. the
region after *presidente del Gobierno*), the English titles the English-language press uses (``english``,
regexes), the literal renderings that betray the source (``literal``) and the titles of other offices it is
confused with (``other``, flagged only when every English title of the office in the segment lies inside the
other title and no lemma of ``other_unless`` is in the source segment: the source itself naming that office).
A ``*`` in a source wording stands for up to three words (*глава * район*: *глава администрации Ленинского
района*). A file's ``prefixes`` (ex-) are stripped from a source word before matching (*exconsejero*).
A second signal needs no office entry: a deputy's title (``[rank]`` of the table: a marker such as заместитель
or stellvertretend before an office word, or a prefix such as vice- glued to it) whose English office word
(``offices/english.toml``) stands in the target without a deputy word before it: the rank raised.
A third signal needs no office entry either: an English office word (``[substitutes]`` of ``offices/english.toml``:
minister, mayor, speaker, ministry, prefect, dean...) that no source lemma licenses (``[substitution] licence`` of the table), in a
segment whose source names an office none of whose English words the target has (``[substitution] named``): a
*delegado* or *начальник управления* made "minister", a parish council's *presidente* made "mayor".
A fourth: a consort's title (``[consort]`` of ``offices/english.toml``: mayoress) for an office a source lemma
licenses: the woman holds the office. And an office the source names, whose English titles the target lacks, is
rendered word for word where a run of English words echoes the title's words (cognates: "President of the
Deputation", "quaestor"), though no ``literal`` pattern lists that rendering. An office's finding wins over these
signals on the same words. A fifth (session 14): where the source office (one whose ``suggestion`` names a person:
a title noun of ``offices/english.toml``) stands next to a person's name, the words the English gives that person as a
title (before the name, or behind a comma after it) that hold a title noun but none of the English titles of the
segment's offices are flagged: *Umweltdezernent Harald Quast* → "Environmental consultant Harald Quast"; it yields to
every other finding on its words. And a deputy named by a marker word made an office of its own (``[distinct]``:
lieutenant governor) is flagged as ``-title-rank``. Session 15, by word vectors (``tqcheck/wordvec.py``): an
English level of government (``[levels]`` of ``offices/english.toml``) that no source word renders, beside a word that
renders the one beside a source word of another level (conseil départemental → "regional council": ``-title-level``);
a capitalised English name that renders a word of a source office with none of its English titles in the target and
holds a word that renders no source word near it (Câmara Municipal → "Chamber of Deputies", заслуженный артист →
"People's Artist"; the office's id, with the name-anchored signal's standing); a deputy word before the one English
office word of a source head with no deputy in the source (начальник → "deputy head": ``-title-rank``, rank lowered);
and a lone capitalised title noun with no determiner right before a name is the title it gives (Congressman Carlos
Shimizu for *vereador*). Where a bundled list rule (``rules/<src>-en/titles.tsv``)
already flags the span, this check stays quiet.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable

import numpy as np
from anyascii import anyascii

from tqcheck import morph, wordvec
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.words import Word, data_signature, lexicon_flags, outermost, overlaps, words
from tqcheck.model import Finding
from tqcheck.resources import read_words


@dataclass(frozen=True)
class Office:
    id: str
    office: str
    source: tuple[tuple[str, ...], ...]
    context: frozenset[str]
    unless: frozenset[str]
    english_patterns: tuple[str, ...]
    literal_patterns: tuple[str, ...]
    other_patterns: tuple[str, ...]
    other_unless: frozenset[str]
    unless_near: frozenset[str]
    suggestion: str
    note: str
    compound: bool           # German: the last source word may end a compound (Bundesaußenminister)

    # Compiled on first use: most offices are never named in a memory, and compiling every table's regexes (3,600
    # Russian ``other`` titles) took about a second of each process's start.
    @cached_property
    def english(self) -> re.Pattern[str] | None:
        return _alternation(self.english_patterns)

    @cached_property
    def literal(self) -> re.Pattern[str] | None:
        return _alternation(self.literal_patterns)

    @cached_property
    def other(self) -> re.Pattern[str] | None:
        return _alternation(self.other_patterns)


GAP = "*"          # a source wording's stand-in for up to GAP_WORDS words
GAP_WORDS = 3
NEAR_WORDS = 4     # how far before and after a wording ``unless_near`` looks


def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns), re.I) if patterns else None


def _lower(o: dict, key: str) -> frozenset[str]:
    return frozenset(c.lower() for c in o.get(key, []))


@lru_cache(maxsize=None)
def _table(lang: str) -> dict:
    path = resources.files("tqcheck.resources") / "offices" / f"{lang}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@lru_cache(maxsize=None)
def offices(lang: str) -> tuple[Office, ...]:
    return tuple(
        Office(o["id"], o["office"], tuple(tuple(s.lower().split()) for s in o["source"]),
               _lower(o, "context"), _lower(o, "unless"),
               tuple(o.get("english", [])), tuple(o.get("literal", [])), tuple(o.get("other", [])),
               _lower(o, "other_unless"), _lower(o, "unless_near"),
               o["suggestion"], o["note"], o.get("compound", False))
        for o in _table(lang).get("office", []))


def prefixes(lang: str) -> tuple[str, ...]:
    """Prefixes stripped from a source word before matching (ex-: a former holder of the office)."""
    return tuple(_table(lang).get("prefixes", []))


def word_lemmas(word: str, lang: str) -> frozenset[str]:
    """The lemmas of ``word`` and of ``word`` without one of the language's ``prefixes``."""
    word = word.replace("’", "'")
    found = morph.lemmas(word, lang)
    low = word.lower()
    for prefix in prefixes(lang):
        if low.startswith(prefix) and len(low) > len(prefix) + 3:
            found = found | morph.lemmas(word[len(prefix):], lang)
    return found


@dataclass(frozen=True)
class Rank:
    markers: frozenset[str]          # lemmas making the office word after them a deputy's (заместитель министра)
    prefixes: tuple[str, ...]        # prefixes that make the office word they start a deputy's (vicepresidente)
    heads: dict[str, str]            # source office lemma -> English office keys (a|b: either renders it)
    english: dict[str, re.Pattern[str]]   # English office key -> its English words
    deputy: re.Pattern[str]          # an English deputy word (deputy, vice, under-...)
    first: frozenset[str]            # source lemmas that make a deputy the first deputy (premier adjoint)
    first_deputy: re.Pattern[str]    # the English first deputy, ending a text (first deputy, first vice-)
    distinct: dict[str, tuple[re.Pattern[str], str]]   # English office key -> (another office ending a text, the
    #                                                   deputy's title): lieutenant governor is no deputy governor


LOWERED_WINDOW = 2    # words before an English office word in which a deputy word lowers a source head's rank
LOWERED_RENDERS = 0.55  # a source word this near the English deputy word says deputy (adjunto 0.59)
RANK_WINDOW = 3    # words between a deputy marker and its office word (source); between deputy and office (English)


@lru_cache(maxsize=None)
def _english_offices() -> dict:
    """The English side of the office tables (``offices/english.toml``): head words, deputy words, substitutes."""
    return tomllib.loads((resources.files("tqcheck.resources") / "offices" / "english.toml").read_text("utf-8"))


@lru_cache(maxsize=None)
def rank(lang: str) -> Rank | None:
    table = _table(lang).get("rank")
    if not table:
        return None
    english = _english_offices()
    heads = dict(table["heads"])
    return Rank(frozenset(table["markers"]), tuple(table["prefixes"]), heads,
                {k: re.compile(rf"\b(?:{'|'.join(english['heads'][part] for part in k.split('|'))})\b", re.I)
                 for k in set(heads.values())},
                re.compile(rf"\b(?:{english['deputy']})", re.I), frozenset(table.get("first", [])),
                re.compile(rf"\b(?:{english['first_deputy']})[- ]?$", re.I),
                {k: (re.compile(rf"\b(?:{v[0]})$", re.I), v[1]) for k, v in english.get("distinct", {}).items()})


def _deputy_office(lemmas: list[frozenset[str]], source: list, lang: str, table: Rank) -> tuple[int, int, str] | None:
    """(first word, last word + 1, English office key) of the first deputy's title in the source."""
    for i, here in enumerate(lemmas):
        if here & table.markers:
            for j in range(i + 1, min(i + 1 + RANK_WINDOW + 1, len(lemmas))):
                key = next((table.heads[w] for w in sorted(lemmas[j]) if w in table.heads), None)
                if key:
                    return i, j + 1, key
        low = source[i].text.lower()
        for prefix in table.prefixes:
            if low.startswith(prefix) and len(low) > len(prefix) + 2:
                rest = word_lemmas(source[i].text[len(prefix):].lstrip("-"), lang)
                key = next((table.heads[w] for w in sorted(rest) if w in table.heads), None)
                if key:
                    return i, i + 1, key
    return None


ARTICLE = re.compile(r"(?:the|a|an)\s+", re.I)
# "of/for" and the capitalised words of an office's portfolio after it (Minister of Cultural Heritage)
COMPLEMENT = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'’-]*)*")


def _article_length(text: str) -> int:
    """How many characters an article opening ``text`` takes (the title starts after it)."""
    found = ARTICLE.match(text)
    return found.end() if found else 0


@dataclass(frozen=True)
class Substitution:
    licence: dict[str, tuple[str, ...]]        # English office key -> source lemmas that license it
    named: dict[str, tuple[str, re.Pattern[str]]]   # source office lemma -> (its English title, English words for it)
    english: dict[str, re.Pattern[str]]        # English office key -> its English words
    compound: bool                             # German: a lemma holds an entry anywhere (Kammerpräsident)
    consort: dict[str, tuple[re.Pattern[str], str, str]]   # English office key -> (consort's title, title, why)


@lru_cache(maxsize=None)
def substitution(lang: str) -> Substitution | None:
    table = _table(lang).get("substitution")
    if not table:
        return None
    english = _english_offices()
    return Substitution({k: tuple(v) for k, v in table["licence"].items()},
                        {k: (v[0], re.compile(rf"\b(?:{v[1]})\b", re.I)) for k, v in table["named"].items()},
                        {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in english["substitutes"].items()},
                        table.get("compound", False),
                        {k: (re.compile(rf"\b(?:{v[0]})\b", re.I), v[1], v[2])
                         for k, v in english.get("consort", {}).items()})


COMPOUND_PART = 5   # shorter licence entries (OB, Chef) only match a whole word


def _has(entry: str, present: frozenset[str], compound: bool) -> bool:
    """A licence entry in the segment's lemmas: ``a+b`` needs both, ``x*`` a lemma starting with x; in a compound
    language a lemma that holds an entry of COMPOUND_PART letters or more counts (Bundesgesundheitsminister)."""
    if "+" in entry:
        return all(_has(part, present, compound) for part in entry.split("+"))
    if entry.endswith("*"):
        return any(w.startswith(entry[:-1]) for w in present)
    return entry in present or (compound and len(entry) >= COMPOUND_PART and any(entry in w for w in present))


def _named(lemmas: frozenset[str], table: Substitution) -> list[str]:
    """The table's office lemmas these lemmas name, in table order; in German also as a compound's end
    (Kammerpräsident). Looked up by the lemmas' own endings: the table has hundreds of entries, a segment few words."""
    found = lemmas & table.named.keys()
    if table.compound:
        found |= {w[i:] for w in lemmas for i in range(1, len(w)) if w[i:] in table.named}
    return [entry for entry in table.named if entry in found] if found else []


@lru_cache(maxsize=None)
def _office_index(lang: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Which offices a segment's lemmas can match: a word every match of a wording needs (its first word) -> the
    offices with that wording, and the offices that must always be tried (a one-word German wording that may end a
    compound). Saves trying 300 offices on every segment."""
    index: dict[str, set[int]] = {}
    always: set[int] = set()
    for k, office in enumerate(offices(lang)):
        for wording in office.source:
            needed = [w for w in wording[:-1] if w != GAP] or ([] if office.compound else [wording[-1]])
            if needed:
                index.setdefault(needed[0], set()).add(k)
            else:
                always.add(k)
    return {w: tuple(sorted(ks)) for w, ks in index.items()}, tuple(sorted(always))


def _candidates(lang: str, present: frozenset[str]) -> list[int]:
    """The offices worth matching against a segment with these lemmas, in table order."""
    index, always = _office_index(lang)
    found = set(always)
    for word in present & index.keys():
        found.update(index[word])
    return sorted(found)


def _endings(lemmas: frozenset[str]) -> str:
    """The lemmas one a line, so that "does any lemma end in x" is one substring test (lemmas hold no newline)."""
    return "\n" + "\n".join(lemmas) + "\n"


def _source_match(office: Office, lemmas: list[frozenset[str]], present: frozenset[str] | None = None,
                  endings: str | None = None) -> tuple[int, int] | None:
    """(first word, last word + 1) of the first source wording of the office in the segment; ``present`` (every
    lemma of the segment, and ``endings``, ``_endings(present)``) skips the wordings with a word the segment lacks."""
    if present is not None and endings is None:
        endings = _endings(present)
    for wording in office.source:
        words_needed = [w for w in wording[:-1] if w != GAP]
        if present is not None and not (present.issuperset(words_needed) and (
                wording[-1] in present or (office.compound and wording[-1] + "\n" in endings))):
            continue
        for i in range(len(lemmas)):
            end = _match_from(wording, lemmas, i, office.compound)
            if end is not None:
                return i, end
    return None


def _match_from(wording: tuple[str, ...], lemmas: list[frozenset[str]], i: int, compound: bool) -> int | None:
    """The end of ``wording`` matched from word ``i`` (a GAP takes as few words as it can), or None."""
    if not wording:
        return i
    if wording[0] == GAP:
        for skip in range(GAP_WORDS + 1):
            end = _match_from(wording[1:], lemmas, i + skip, compound)
            if end is not None:
                return end
        return None
    if i >= len(lemmas):
        return None
    here = lemmas[i]
    if len(wording) == 1:
        return i + 1 if wording[0] in here or (compound and any(w.endswith(wording[0]) for w in here)) else None
    return _match_from(wording[1:], lemmas, i + 1, compound) if wording[0] in here else None


COGNATE = 0.74      # SequenceMatcher ratio of a source and an English word taken for the same word (questore, quaestor)
COGNATE_LENGTH = 5  # shorter words are too often alike by chance
STEM = 5            # letters of an English word looked up in the office's English titles (secre: secretar(?:y|ies))
LINKS = frozenset({"of", "the", "for"})   # English words a literal title keeps between its cognates
TITLE_BEFORE = 2    # office nouns before an office's wording that may belong to the title (депутат, presidente)


def _fold(word: str) -> str:
    """The word in lower-case ASCII letters (Déput-, week-end: weekend)."""
    return "".join(c for c in anyascii(word).lower() if c.isalpha())


def _cognate(source: str, english: str) -> bool:
    return (len(source) >= COGNATE_LENGTH and len(english) >= COGNATE_LENGTH and source[0] == english[0]
            and SequenceMatcher(None, source, english).ratio() >= COGNATE)


def _title_words(source: str, src: tuple[int, int], lang: str) -> str:
    """The source title: the office's wording and the office nouns just before it (депутат before городской думы:
    a ``[substitution] named`` lemma or a ``[rank] heads`` one)."""
    table_sub, table_rank = substitution(lang), rank(lang)
    offices_words = set(table_sub.named if table_sub else ()) | set(table_rank.heads if table_rank else ())
    start = src[0]
    for word in reversed(words(source[:src[0]])[-TITLE_BEFORE:]):
        if not word_lemmas(word.text, lang) & offices_words:
            break
        start = word.start
    return source[start:src[1]]


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


def _cognate_runs(wording: str, target: str, accepted: str = "") -> list[re.Match[str]]:
    """Runs of English words that echo the source title's words (President of the Deputation, quaestor): a run
    holds no punctuation, and starts and ends with a word changed from its source twin (one kept as it is, a name or
    shared word such as general or municipal, is untranslated or no evidence, and so is a word whose stem the
    office's own English titles use, ``accepted``: the Secretary of a secretario de Estado)."""
    # a Cyrillic name (Роспотребнадзора) is romanised and inflected, never kept as it is: no evidence either
    names = {_fold(w.text) for w in words(wording) if not w.initial and w.text[0].isupper() and _cyrillic(w.text)}
    source = [_fold(w.text) for w in words(wording)]
    runs: list[re.Match[str]] = []
    run: list[tuple[Word, bool | None]] = []   # (word, changed from its source twin; None: a linking word)
    for word in (*words(target), None):
        folded = _fold(word.text) if word else ""
        twin = next((w for w in source if _cognate(w, folded)), None) if word else None
        joined = bool(run) and word is not None and not target[run[-1][0].end:word.start].strip()
        if twin is not None or (joined and folded in LINKS):
            if not joined:
                _close(run, target, runs)
                run = []
            run.append((word, None if twin is None else
                        twin != folded and twin not in names and folded[:STEM] not in accepted))
            continue
        _close(run, target, runs)
        run = []
    return runs


def _close(run: list[tuple[Word, bool | None]], target: str, runs: list[re.Match[str]]) -> None:
    """Add the run, trimmed to its first and last changed words, to ``runs``."""
    changed = [k for k, (_, moved) in enumerate(run) if moved]
    if changed:
        first, last = run[changed[0]][0], run[changed[-1]][0]
        runs.append(re.compile(re.escape(target[first.start:last.end])).search(target, first.start))


NAME_AFTER = 8      # source words after an office's wording in which a person's name may start (Самара Ольга Лебедева)
TITLE_WORDS = 8     # words of an English title before or after the name
TITLE_MIN = 2       # words of it besides TITLE_LINKS and articles
SURNAME = 4         # letters of a surname compared, folded to ASCII (Селезнёв, Seleznyov)
TITLE_LINKS = frozenset({"of", "for", "the", "and", "in", "'s", "’s", "s"})   # words a title keeps inside it
ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(read_words("english-function-words.txt")) | frozenset(_english_offices()["title_stops"])


@lru_cache(maxsize=None)
def _title_nouns() -> re.Pattern[str]:
    return re.compile(rf"\b{_english_offices()['title_nouns']}\b", re.I)


def _people(source: list[Word], src: tuple[int, int]) -> list[str]:
    """The surnames of the people the source title ``src`` (first word, last word + 1) may name: the last word of each
    run of two or more capitalised words starting within NAME_AFTER words after it (a capitalised portfolio, Medio
    Ambiente, comes first), and of one ending just before it (Name, title)."""
    found = []
    for start in range(src[1], min(src[1] + NAME_AFTER, len(source))):
        run = _capitalised_run(source, start)
        if len(run) >= 2 and (start == src[1] or not source[start - 1].text[0].isupper()
                              or _gap(source[start - 1], source[start])):
            found.append(run[-1].text)
    run = _capitalised_run_before(source, src[0])
    return found + ([run[-1].text] if len(run) >= 2 else [])


def _capitalised_run(found: list[Word], start: int) -> list[Word]:
    run = []
    for word in found[start:]:
        if not word.text[0].isupper() or (run and _gap(run[-1], word)):
            break
        run.append(word)
    return run


def _capitalised_run_before(found: list[Word], end: int) -> list[Word]:
    run: list[Word] = []
    for word in reversed(found[:end]):
        if not word.text[0].isupper() or word.initial:
            break
        run.insert(0, word)
    return run


def _gap(left: Word, right: Word) -> bool:
    return right.start - left.end > 1


def _english_title(target: str, surname: str) -> tuple[int, int] | None:
    """(start, end) of the words the English gives as the title of the person ``surname`` names: the words before the
    name (an apposition's comma allowed), or after it behind a comma, that hold an English title noun."""
    found = list(words(target))
    key = _fold(surname)[:SURNAME]
    at = next((k for k, w in enumerate(found) if len(key) == SURNAME and _fold(w.text).startswith(key)
               and w.text[0].isupper()), None)
    if at is None:
        return None
    first = at
    nouns = _title_nouns()
    # a lone capitalised title noun before the name is its title, not a first name (Congressman Carlos Shimizu); one
    # after another capitalised word stays in the run as before (House Speaker Newt Gingrich, Shadow Chancellor)
    while first > 0 and found[first - 1].text[0].isupper() and not _gap(found[first - 1], found[first]) \
            and not (nouns.fullmatch(found[first - 1].text) and not _capitalised_before(found, first - 1)):
        first -= 1
    if first == at:
        return None   # a person is named by two words or more (Harald Quast); a lone capitalised word may be anything
    before = _title_run(target, found, first, -1)
    after = _title_run(target, found, at, 1) if target[found[at].end:found[at].end + 2].startswith(",") else None
    for run in (before, after):
        if run and nouns.search(target[run[0]:run[1]]):
            return run
    return None


def _capitalised_before(found: list[Word], at: int) -> bool:
    """Whether a capitalised word stands right before ``found[at]``."""
    return at > 0 and found[at - 1].text[0].isupper() and not _gap(found[at - 1], found[at])


def _title_run(target: str, found: list[Word], at: int, step: int) -> tuple[int, int] | None:
    """The words next to ``found[at]`` (before it: step -1, after it: 1) up to punctuation, an English function word
    or a ``title_stops`` word (offices/english.toml) outside TITLE_LINKS (by, who, said...) or TITLE_WORDS words; an
    apposition's comma next to the name is crossed."""
    function, nouns = _function_words(), _title_nouns()
    run: list[Word] = []
    k = at + step
    while 0 <= k < len(found) and len(run) < TITLE_WORDS:
        word, near = found[k], (run[-1] if run else found[at])
        between = target[word.end:near.start] if step < 0 else target[near.end:word.start]
        if between.strip() and not (not run and between.strip() == ","):
            break
        low = word.text.lower()
        if low == "s" and target[word.start - 1:word.start] in "'’":
            run.append(word)   # a possessive's s, split off its word (Bavaria’s)
            k += step
            continue
        if low in function and low not in TITLE_LINKS:
            break
        # a lower-case word that is no title noun only modifies the title noun right after it (environment chief)
        following = near if step < 0 else (found[k + 1] if k + 1 < len(found) else None)
        if not (word.text[0].isupper() or low in TITLE_LINKS or nouns.fullmatch(word.text)
                or (following is not None and nouns.fullmatch(following.text) and following is not found[at])):
            break
        run.append(word)
        k += step
        if word.initial:
            break
    if step < 0:
        run.reverse()
    while run and run[0].text.lower() in TITLE_LINKS | ARTICLES:
        run.pop(0)
    while run and run[-1].text.lower() in TITLE_LINKS | ARTICLES:
        run.pop()
    # a bare title noun (Its president, the director) names the office only by what the text said before; one
    # capitalised with no determiner before it, right before the name, is the person's title (Congressman Carlos
    # Shimizu: session 15)
    content = [w for w in run if w.text.lower() not in TITLE_LINKS | ARTICLES]
    if len(content) < TITLE_MIN and not (step < 0 and len(run) == 1 and _formal_title(target, run[0])):
        return None
    return (run[0].start, run[-1].end)


DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that"})


def _formal_title(target: str, word: Word) -> bool:
    """A capitalised title noun with no determiner before it: a title before a name (Councillor Ana Reis)."""
    before = target[:word.start].split()[-1:]
    return (word.text[0].isupper() and _title_nouns().fullmatch(word.text) is not None
            and not (before and before[0].lower().strip("\"'“‘(") in DETERMINERS))


NAME_LINKS = frozenset({"of", "for", "the", "and", "s"})   # words an office's English name keeps inside it
CHANGED_RENDERS = 0.7   # an English word this near a word of the source office renders it (Câmara: Chamber)
CHANGED_ALIEN = 0.55    # an English word under this with the source words around the office renders none of them
CHANGED_ANYWHERE = 0.65   # ... and under this with every source word of the segment (People: участников 0.6)
# longer capitalised runs mix a place's name with the office's (East Baton Rouge Parish Coroner's Office for Juzgado de
# Instrucción ... Baton Rouge Este): left alone
CHANGED_WORDS = 4
CHANGED_NEAR = 3        # source words either side of the office's wording that the English title may render
CHANGED_LETTERS = 4     # shorter words (of, the, 's) say nothing


def _spelled_like(word: str, source: set[str]) -> bool:
    """Whether a folded English word is spelt like a folded source word: a name or a cognate kept (East: Este)."""
    return any(w[:1] == word[:1] and (w.startswith(word[:SURNAME]) or SequenceMatcher(None, w, word).ratio() >= 0.7)
               for w in source if w)


def _capitalised_runs(target: str) -> list[list[Word]]:
    """Runs of two or more capitalised words, linked by of, for, the, and ('s): the names English gives offices
    and institutions (Chamber of Deputies, People's Artist of Tatarstan); a sentence's first word starts none."""
    runs: list[list[Word]] = []
    run: list[Word] = []
    for word in (*words(target), None):
        joined = bool(run) and word is not None and not target[run[-1].end:word.start].strip(" '’")
        if word is not None and (joined or not word.initial) and (
                word.text[0].isupper() or (joined and word.text.lower() in NAME_LINKS)):
            if not joined:
                run = [] if not run else _keep(run, runs)
            run.append(word)
            continue
        run = _keep(run, runs) if run else []
    return runs


def _keep(run: list[Word], runs: list[list[Word]]) -> list[Word]:
    """Add ``run`` without its end links to ``runs`` when two of its words are capitalised; an empty run."""
    while run and run[-1].text.lower() in NAME_LINKS:
        run.pop()
    if sum(w.text[0].isupper() for w in run) >= 2:
        runs.append(run)
    return []


LEVEL_SOURCE = 0.7    # a source word this near an English level word is of its level (départemental: departmental 0.74)
LEVEL_TWIN = 0.66     # a source word this near the English level word renders it (Regione: Province 0.63, no)
LEVEL_RENDERED = 0.8  # a source level word this near an English word of the target is rendered by it
LEVEL_PAIR = 0.55     # the words beside the two levels render each other (conseil: council 0.77, consejo 0.58)
LEVEL_NEAR = 2        # source words either side of the source's level word that may pair with the English neighbour
LEVEL_LETTERS = 3     # shorter source words (articles, prepositions) take no part


@dataclass(frozen=True)
class Levels:
    levels: dict[str, str]       # English level word (lower case) -> its level
    english: dict[str, str]      # level -> the first English word of it (a suggestion)
    words: tuple[str, ...]       # the English level words, in table order
    pattern: dict[str, str]      # English word as written (a capitalised one: a noun, matched only so) -> level
    nouns: frozenset[str]        # the capitalised entries (Province, Region)
    flagged: frozenset[str]      # the levels whose English words are flagged

    def level(self, word: str) -> str | None:
        """The level an English word of the target names, or None."""
        return self.pattern.get(word.lower() if word.lower() in self.pattern else word)


@lru_cache(maxsize=None)
def _levels() -> Levels:
    table = _english_offices().get("levels", {})
    return Levels({w.lower(): level for level, found in table.items() for w in found},
                  {level: found[0] for level, found in table.items()},
                  tuple(w.lower() for found in table.values() for w in found),
                  {w: level for level, found in table.items() for w in found},
                  frozenset(w for found in table.values() for w in found if w[0].isupper()),
                  frozenset(_english_offices().get("levels_flagged", [])))


class TitleCheck:
    name = "title"

    def __init__(self, defer_to_lexicon: bool = True):
        self.defer_to_lexicon = defer_to_lexicon

    def signature(self, lang: str) -> dict:
        return {"files": list(data_signature(f"offices/{lang}.toml", "offices/english.toml")),
                "offices": len(offices(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        table = offices(ctx.source_lang)
        if not table:
            return
        for view in ctx.aligned:
            found = outermost(list(self._segment(view, ctx.source_lang, table)))
            if found and self.defer_to_lexicon:
                listed = lexicon_flags(view, ctx.source_lang, "title")
                found = [f for f in found if not overlaps((f.target_span.start - view.target_start,
                                                           f.target_span.end - view.target_start), listed)]
            yield from found

    def _segment(self, view: SegmentView, lang: str, table: tuple[Office, ...]) -> Iterable[Finding]:
        source = words(view.source)
        lemmas = [word_lemmas(w.text, lang) for w in source]
        present = frozenset().union(*lemmas)
        endings = _endings(present)
        context: frozenset[str] | None = None
        named: list[Finding] = []
        matched: list[tuple[Office, tuple[int, int], tuple[int, int]]] = []
        unanchored: list[tuple[Office, tuple[int, int], tuple[int, int]]] = []
        for office in (table[k] for k in _candidates(lang, present)):
            at = _source_match(office, lemmas, present, endings)
            if at is None:
                continue
            if office.context or office.unless:
                if context is None:
                    context = frozenset().union(*(word_lemmas(w.text, lang) for w in words(view.source_context)))
                if (office.context and not office.context & context) or office.unless & context:
                    continue
            near = lemmas[max(0, at[0] - NEAR_WORDS):at[0]] + lemmas[at[1]:at[1] + NEAR_WORDS]
            if office.unless_near and office.unless_near & frozenset().union(*near):
                continue
            src = (source[at[0]].start, source[at[1] - 1].end)
            matched.append((office, at, src))
            other_named = bool(office.other_unless & present) or (
                office.compound and any(w + "\n" in endings for w in office.other_unless))
            found = list(self._target(view, office, src, other_named, lang))
            if not found and not other_named:
                unanchored.append((office, at, src))
            named.extend(found)
        # a title that another office of the segment gives the person (presidente da Câmara: "mayor") is no evidence
        titles = [office.english for office, _, _ in matched if office.english]
        anchored = [f for office, at, src in unanchored for f in self._anchored(view, office, source, at, src, titles)]
        anchored += [f for office, at, src in unanchored for f in self._changed(view, office, source, at, src, lang)]
        yield from named
        # the signals that need no office entry yield to an office's finding on the same words (it says more)
        taken = [(f.target_span.start, f.target_span.end) for f in named]
        generic: list[Finding] = []
        table_rank = rank(lang)
        if table_rank is not None:
            generic.extend(self._rank(view, lang, source, lemmas, table_rank))
        table_sub = substitution(lang)
        if table_sub is not None:
            generic.extend(self._substituted(view, lang, source, lemmas, present, table_sub))
            generic.extend(self._consort(view, lang, source, lemmas, table_sub))
        generic.extend(self._level(view, lang, source))
        generic = [f for f in generic if not overlaps((f.target_span.start, f.target_span.end), taken)]
        yield from generic
        # the name-anchored title says least (no pattern, no rank): it yields to every other finding on its words
        taken += [(f.target_span.start, f.target_span.end) for f in generic]
        yield from (f for f in anchored if not overlaps((f.target_span.start, f.target_span.end), taken))

    @staticmethod
    def _anchored(view: SegmentView, office: Office, source: list, at: tuple[int, int], src: tuple[int, int],
                  titles: list[re.Pattern[str]]) -> Iterable[Finding]:
        """The title the English gives the person a source office names (Umweltdezernent Harald Quast: "Environmental
        consultant Harald Quast"), where the target has none of the office's English titles: a wrong rendering that
        no ``literal`` or ``other`` pattern lists."""
        if office.english is None or office.english.search(view.target) or not _title_nouns().search(office.suggestion):
            return   # a body's office (a council, an administration) names no person
        span = next((found for surname in _people(source, at) if (found := _english_title(view.target, surname))), None)
        if span is None or any(title.search(view.target[span[0]:span[1]]) for title in titles):
            return
        wording = view.source[src[0]:src[1]]
        message = f"“{view.target[span[0]:span[1]]}” is not how English names the {office.office} " \
                  f"(“{wording}”). {office.note}"
        yield Finding("title", "major", office.id, "accuracy/mistranslation", message, office.suggestion,
                      view.segment.id, target_span=view.target_span(*span), source_span=view.source_span(*src))

    @staticmethod
    def _level(view: SegmentView, lang: str, source: list[Word]) -> Iterable[Finding]:
        """An English level of government (``[levels]`` of ``offices/english.toml``) that no source word renders,
        beside a word that renders one beside a source word of another level: conseil départemental → "regional
        council"."""
        table = _levels()
        target = words(view.target)
        found = [(k, level) for k, w in enumerate(target) if (level := table.level(w.text)) in table.flagged]
        via = wordvec.vector_language(lang) if found else None
        if via is None:
            return
        # a Ukrainian word is read as the Russian one it is spelled like; one with no such twin takes no part
        known = [(w, spelled) for w in source
                 if len(w.text) >= LEVEL_LETTERS and (spelled := wordvec.respell(w.text, lang))]
        if not known:
            return
        spelled = [s.lower() for _, s in known]
        levels = wordvec.similarity_matrix(spelled, list(table.words))
        named = [table.levels[table.words[j]] if levels[i, j] >= LEVEL_SOURCE else None
                 for i, j in enumerate(levels.argmax(axis=1))]
        # a source level word that another English word renders (департаменту: "department", province: "provinces")
        # is not what the English level word stands for
        rendered = wordvec.similarity_matrix(spelled, [w.text.lower() for w in target]).max(axis=1) >= LEVEL_RENDERED
        source_level = [None if done else level for level, done in zip(named, rendered)]
        for k, level in found:
            # an adjective pairs by the noun after it (Valladolid Provincial Council: Council, not Valladolid); the
            # institution's noun by either word beside it (Emilia-Romagna Province)
            noun = target[k].text in table.nouns
            neighbours = [w for w in target[max(0, k - 1) if noun else k:k + 2]
                          if w is not target[k] and len(w.text) >= 3 and w.text.lower() not in _function_words()]
            twins = wordvec.similarity_matrix(spelled, [target[k].text.lower()] + [w.text for w in neighbours])
            if level in named or (twins[:, 0] >= LEVEL_TWIN).any():
                continue   # the source names this level, or a source word is rendered by the English one
            for i, other in enumerate(source_level):
                if other is None:
                    continue
                near = [n for n in range(max(0, i - LEVEL_NEAR), min(len(known), i + LEVEL_NEAR + 1)) if n != i]
                # a name beside both pairs them only where the English level word is the institution's noun
                # (Regione Emilia-Romagna: "Emilia-Romagna Province"), not an adjective before another noun
                # (Diputación de Valladolid: "Valladolid Provincial Council")
                pair = next((neighbours[j] for j in range(len(neighbours)) for n in near
                             if twins[n, j + 1] >= LEVEL_PAIR
                             or (noun and _fold(known[n][0].text) == _fold(neighbours[j].text))), None)
                if pair is None:
                    continue
                start, end = min(pair.start, target[k].start), max(pair.end, target[k].end)
                word = known[i][0]
                english = table.english[other]
                message = f"“{view.target[start:end]}” changes the level: “{word.text}” is {english}, " \
                          f"not {target[k].text.lower()}."
                yield Finding("title", "major", f"{lang}-title-level", "accuracy/mistranslation", message, english,
                              view.segment.id, target_span=view.target_span(start, end),
                              source_span=view.source_span(word.start, word.end))
                break

    @staticmethod
    def _changed(view: SegmentView, office: Office, source: list[Word], at: tuple[int, int], src: tuple[int, int],
                 lang: str) -> Iterable[Finding]:
        """A capitalised English name of an office or institution that renders a word of the source office and holds
        a word no source word renders, where the target has none of the office's English titles: another office or
        institution (Câmara Municipal → "Chamber of Deputies", заслуженный артист → "People's Artist")."""
        if office.english is None or office.english.search(view.target) or wordvec.vector_language(lang) is None:
            return
        runs = _capitalised_runs(view.target)
        if not runs:
            return
        segment = [(w, spelled.lower()) for w in source if (spelled := wordvec.respell(w.text, lang))]
        wording = [k for k, (w, _) in enumerate(segment) if src[0] <= w.start and w.end <= src[1]]
        if not wording:
            return
        folded = {_fold(w.text) for w, _ in segment}
        near = list(range(max(0, wording[0] - CHANGED_NEAR), min(len(segment), wording[-1] + CHANGED_NEAR + 1)))
        for run in (r for r in runs if sum(w.text.lower() not in NAME_LINKS for w in r) <= CHANGED_WORDS):
            sims = wordvec.similarity_matrix([s for _, s in segment], [w.text.lower() for w in run])
            # only a content word renders the office (the possessive's s is 0.87 from de)
            content = np.array([len(w.text) >= CHANGED_LETTERS and w.text.lower() not in NAME_LINKS for w in run])
            renders = (sims[wording].max(axis=0) >= CHANGED_RENDERS) & content
            alien = [w for j, w in enumerate(run) if not renders[j] and len(w.text) >= CHANGED_LETTERS
                     and w.text.lower() not in NAME_LINKS and sims[near, j].max() < CHANGED_ALIEN
                     and sims[:, j].max() < CHANGED_ANYWHERE and not _spelled_like(_fold(w.text), folded)]
            if not renders.any() or not alien:
                continue
            start, end = run[0].start, run[-1].end
            message = f"“{view.target[start:end]}” is another office or institution: “{alien[0].text}” renders no " \
                      f"source word, and “{view.source[src[0]:src[1]]}” is the {office.office}. {office.note}"
            yield Finding("title", "major", office.id, "accuracy/mistranslation", message, office.suggestion,
                          view.segment.id, target_span=view.target_span(start, end), source_span=view.source_span(*src))
            return

    @staticmethod
    def _substituted(view: SegmentView, lang: str, source: list, lemmas: list[frozenset[str]],
                     present: frozenset[str], table: Substitution) -> Iterable[Finding]:
        """An English office word no source lemma licenses, where the source names an office the target leaves
        without any of its English words: the office replaced by another."""
        unnamed = next(((k, entry) for k, here in enumerate(lemmas) for entry in _named(here, table)
                        if not table.named[entry][1].search(view.target)), None)
        if unnamed is None:
            return
        at, entry = unnamed
        for key, pattern in table.english.items():
            if any(_has(e, present, table.compound) for e in table.licence.get(key, ())):
                continue
            for match in pattern.finditer(view.target):
                start = match.start() + _article_length(match.group())
                tail = COMPLEMENT.match(view.target, match.end())
                end = tail.end() if tail else match.end()
                title = table.named[entry][0]
                message = f"“{view.target[start:end]}” is an office the source does not name: " \
                          f"“{source[at].text}” is the {title}, which the English leaves out."
                yield Finding("title", "major", f"{lang}-title-substitute", "accuracy/mistranslation", message,
                              title, view.segment.id, target_span=view.target_span(start, end),
                              source_span=view.source_span(source[at].start, source[at].end))

    @staticmethod
    def _consort(view: SegmentView, lang: str, source: list, lemmas: list[frozenset[str]], table: Substitution) \
            -> Iterable[Finding]:
        """A consort's title (mayoress) for the office a source word names: the holder is the office itself."""
        for key, (pattern, title, note) in table.consort.items():
            matches = list(pattern.finditer(view.target))
            if not matches:
                continue
            at = next((k for k, here in enumerate(lemmas)
                       if any(_has(e, here, table.compound) for e in table.licence.get(key, ()) if "+" not in e)), None)
            if at is None:
                continue
            for match in matches:
                message = f"“{match.group()}” is not the office “{source[at].text}” names: {note}"
                yield Finding("title", "major", f"{lang}-title-consort", "accuracy/mistranslation", message, title,
                              view.segment.id, target_span=view.target_span(*match.span()),
                              source_span=view.source_span(source[at].start, source[at].end))

    @staticmethod
    def _rank(view: SegmentView, lang: str, source: list, lemmas: list[frozenset[str]], table: Rank) \
            -> Iterable[Finding]:
        """The English office word of a deputy's title, standing alone once in the target: the rank raised."""
        at = _deputy_office(lemmas, source, lang, table)
        if at is None:
            yield from TitleCheck._lowered(view, lang, source, lemmas, table)
            return
        hits = list(table.english[at[2]].finditer(view.target))
        if len(hits) != 1:
            return
        match = hits[0]
        before = view.target[:match.start()].split()[-RANK_WINDOW:]
        if table.deputy.search(" ".join(before)) or table.deputy.search(match.group()):
            yield from TitleCheck._distinct(view, lang, source, table, at, match)
            yield from TitleCheck._first(view, lang, source, lemmas, table, at, match)
            return
        wording = view.source[source[at[0]].start:source[at[1] - 1].end]
        message = f"“{match.group()}” drops the deputy: “{wording}” is a deputy's title (rank raised)."
        yield Finding("title", "major", f"{lang}-title-rank", "accuracy/mistranslation", message,
                      f"deputy (vice) {match.group().lower()}", view.segment.id,
                      target_span=view.target_span(*match.span()),
                      source_span=view.source_span(source[at[0]].start, source[at[1] - 1].end))

    @staticmethod
    def _lowered(view: SegmentView, lang: str, source: list, lemmas: list[frozenset[str]], table: Rank) \
            -> Iterable[Finding]:
        """A deputy word before the one English office word of a source head's title, where the source has no deputy
        (no marker, no prefixed word, no word whose vector renders the deputy word): начальник управления → "deputy
        head of the department", die Vorsitzende → "deputy chair": the rank lowered."""
        if frozenset().union(*lemmas) & table.markers or wordvec.vector_language(lang) is None or any(
                w.text.lower().startswith(table.prefixes) for w in source):
            return
        for k, here in enumerate(lemmas):
            key = next((table.heads[w] for w in sorted(here) if w in table.heads), None)
            hits = list(table.english[key].finditer(view.target)) if key else []
            if len(hits) != 1:
                continue
            before = list(re.finditer(r"[\w-]+", view.target[:hits[0].start()]))[-LOWERED_WINDOW:]
            if view.target[hits[0].end():].lstrip().startswith("for "):
                continue   # a deputy with a portfolio (deputy mayor for economic affairs): Bürgermeisterin für X is one
            deputy = next((m for m in before if table.deputy.match(m.group())), None)
            if deputy is None or view.target[deputy.end():hits[0].start()].strip(" -").count(" ") >= LOWERED_WINDOW:
                continue
            # the head word itself is no deputy (Direktor: "deputy" 0.63)
            spelled = [r.lower() for w in source if w is not source[k] and (r := wordvec.respell(w.text, lang))]
            if (wordvec.similarity_matrix(spelled, [deputy.group().lower()]) >= LOWERED_RENDERS).any():
                return   # a source word says deputy (adjunto, secretário-adjunto) though the table lists no marker
            span = (deputy.start(), hits[0].end())
            message = f"“{view.target[span[0]:span[1]]}” makes a deputy of “{source[k].text}”, which the source " \
                      "names without one (rank lowered)."
            yield Finding("title", "major", f"{lang}-title-rank", "accuracy/mistranslation", message,
                          hits[0].group().lower(), view.segment.id, target_span=view.target_span(*span),
                          source_span=view.source_span(source[k].start, source[k].end))
            return

    @staticmethod
    def _distinct(view: SegmentView, lang: str, source: list, table: Rank, at: tuple[int, int, str],
                  match: re.Match[str]) -> Iterable[Finding]:
        """A deputy word that makes another office with the English office word (lieutenant governor) where the
        source names a deputy by a marker word (заместитель губернатора); a prefix (vicegobernador) is left alone:
        in the Americas the vice-governor is an office of its own, which English may call lieutenant governor."""
        if at[1] - at[0] < 2:
            return
        for key in at[2].split("|"):
            pattern, title = table.distinct.get(key, (None, ""))
            found = pattern.search(view.target[:match.end()]) if pattern else None
            if found is None:
                continue
            wording = view.source[source[at[0]].start:source[at[1] - 1].end]
            message = f"“{found.group()}” is another office: “{wording}” is a deputy's title, the {title}."
            yield Finding("title", "major", f"{lang}-title-rank", "accuracy/mistranslation", message, title,
                          view.segment.id, target_span=view.target_span(*found.span()),
                          source_span=view.source_span(source[at[0]].start, source[at[1] - 1].end))
            return

    @staticmethod
    def _first(view: SegmentView, lang: str, source: list, lemmas: list[frozenset[str]], table: Rank,
               at: tuple[int, int, str], match: re.Match[str]) -> Iterable[Finding]:
        """A first deputy in the English where the source's deputy has no "first" (premier adjoint): rank raised."""
        if not table.first or table.first & frozenset().union(*lemmas):
            return
        first = table.first_deputy.search(view.target[:match.start()].rstrip())
        if first is None:
            return
        wording = view.source[source[at[0]].start:source[at[1] - 1].end]
        span = view.target[first.start():match.end()]
        message = f"“{span}” makes a first deputy of “{wording}”, which the source does not rank first " \
                  "(rank raised)."
        yield Finding("title", "major", f"{lang}-title-rank", "accuracy/mistranslation", message,
                      span[first.end() - first.start():].strip(" -"), view.segment.id,
                      target_span=view.target_span(first.start(), match.end()),
                      source_span=view.source_span(source[at[0]].start, source[at[1] - 1].end))

    @staticmethod
    def _target(view: SegmentView, office: Office, src: tuple[int, int], other_named: bool, lang: str) \
            -> Iterable[Finding]:
        """Findings for the literal renderings of the office in the target and, unless the source names the other
        office too (``other_named``) or the target has the office's English title, for another office's title."""
        wording = view.source[src[0]:src[1]]
        hits = [(m, "literal") for m in office.literal.finditer(view.target)] if office.literal else []
        if office.other and not other_named:
            # an English title inside the other office's ("Minister" in "Spanish Health Minister") is no evidence
            right = [m.span() for m in office.english.finditer(view.target)] if office.english else []
            hits += [(m, "other") for m in office.other.finditer(view.target)
                     if all(m.start() <= start and end <= m.end() for start, end in right)]
        if not hits and not other_named and office.english and not office.english.search(view.target):
            hits += [(m, "literal") for m in _cognate_runs(_title_words(view.source, src, lang), view.target,
                                                           office.english.pattern.lower())]
        for match, kind in hits:
            start = match.start() + _article_length(match.group()) if kind == "other" else match.start()
            if kind == "literal":
                message = f"“{match.group()}” renders “{wording}” word for word; English calls the {office.office} " \
                          f"“{office.suggestion}”. {office.note}"
                severity, mqm = "minor", "style/unidiomatic"
            else:
                message = f"“{view.target[start:match.end()]}” is another office: “{wording}” here is the " \
                          f"{office.office}. {office.note}"
                severity, mqm = "major", "accuracy/mistranslation"
            yield Finding("title", severity, office.id, mqm, message, office.suggestion, view.segment.id,
                          target_span=view.target_span(start, match.end()), source_span=view.source_span(*src))
