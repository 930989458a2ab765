"""A name the translation writes where the source names someone else of the same article (session 15).

The commonest name error left on the development sets is a quote or an act given to the wrong person («...», afirmó
Ayllón → "...", Hernando recalled; Moura, por sua vez → Damasceno, for his part). Each name is rendered somewhere,
so neither ``name-missing`` nor ``name-replaced`` of ``name-counterpart`` fires. The signal is a count: in one
aligned segment the target writes a name of the source document more often than the source segment does, and
another name less often (``name-swapped``). One sentence of the pair is blamed where both sides have as many
sentences; otherwise the target occurrence farthest from the source's occurrences of that name (relative offsets).
Where a name is written fewer times and no other name of the document more, a target name no source word accounts
for in the same segment is its changed mention (``name-changed``: Gotti for the second Gatti; ``name-replaced``:
Caputo for the second Capasso).

A name is a word both documents write capitalised: for a Latin-script source the same word (English uses it under
``COMMON``, the source language under ``COMMON_SOURCE``, and the source writes it inside a sentence at least once: a
name, not a capitalised first word), for a Cyrillic one a personal name whose nominative the target word romanises.
Places are left out: English often says "the city" for one and names it again later.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator

from tqcheck import morph
from tqcheck.checks import transliteration as tr
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.gazetteer import english_places, forms_of, places
from tqcheck.checks.names import definite_articles
from tqcheck.checks.name_counterparts import (NameCounterpartCheck, Spellings, _consonants, _fold, _mid_sentence,
                                             _related, _words)
from tqcheck.model import Finding
from tqcheck.morph import zipf

COMMON = 4.0          # a capitalised word English uses this much is a word first
COMMON_SOURCE = 4.8   # the same in the source language, where common surnames are frequent (Moura, pt 4.2)
RARE = 3.0            # a target word from nowhere English uses under this much is a name (Caputo 2.5, Gotti 2.7)
ALIKE = 0.7           # letter similarity from which that word respells the name the segment lacks (Gotti: Gatti)
_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-ÞŠŽČŁ][\w’'-]*\w")
_CYRILLIC = re.compile(r"[А-яЁёІіЇїЄєҐґ]")
_POSSESSIVE = re.compile(r"['’]s?$")


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word).casefold()


@lru_cache(maxsize=100_000)
def _name_word(key: str, lang: str) -> bool:
    return len(key) >= 3 and zipf(key) < COMMON and zipf(key, lang) < COMMON_SOURCE \
        and key not in english_places() and not places().get(key.capitalize())


class SwappedNameCheck:
    name = "swapped-name"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        lang = ctx.source_lang
        views = ctx.aligned
        cyrillic = lang in ("ru", "uk") and bool(_CYRILLIC.search(ctx.source.text))
        source_names = {id(v): self._source_names(v, lang, cyrillic) for v in views}
        names = set().union(*source_names.values()) if source_names else set()
        # the names in the order the source first writes them: a segment's candidates are compared in this order,
        # never in a set's (which PYTHONHASHSEED changes: two readings of Елисеевой, Елисеева and Елисеев)
        self._order = {n: i for i, n in enumerate(dict.fromkeys(n for v in views for n in source_names[id(v)]))}
        if cyrillic:
            # a name whose English form the romanisation predicts: the target writes it somewhere (not Гиннес: Guinness)
            written = {_POSSESSIVE.sub("", m.group()) for m in _WORD.finditer(ctx.target.text)}
            index = _NameIndex(names, lang, self._order)
            rendered = {n for w in written for n in index.matches(w)}
            names = {n for n in names if n in rendered}
        else:
            # a name, not a capitalised first word: the source writes it inside a sentence somewhere
            inside = {_key(m.group()) for m in _WORD.finditer(ctx.source.text)
                      if _mid_sentence(ctx.source.text, m.start())}
            target_keys = {_key(m.group()) for m in _WORD.finditer(ctx.target.text)}
            names = {n for n in names if n in inside and n in target_keys}
        # the name written more often is a person's: the source names the person in full somewhere (Julián
        # Hernando), or the dictionary reads it as a personal name (Brexit, a name of a thing, is written more)
        self._persons = names if cyrillic else _in_full_names(ctx.source.text) & names
        self._source_text, self._source_words = ctx.source.text, _words(ctx.source.text)
        self._document_names, self._source_spellings = None, None      # read when a segment needs them
        self._index = _NameIndex(names, lang, self._order) if cyrillic else None
        for view in views:
            if len(names) >= 2:
                yield from self._segment(view, lang, cyrillic, names)
            yield from self._from_nowhere(view, lang, cyrillic, names)

    _source_text, _source_words, _document_names, _persons = "", frozenset(), None, frozenset()
    _source_spellings: Spellings | None = None
    _order: dict[str, int] = {}
    _index: _NameIndex | None = None

    def _names_of_document(self, lang: str) -> list:
        """The source document's names (``tr.source_names`` of the whole text), read once, where first needed."""
        if self._document_names is None:
            self._document_names = tr.source_names(self._source_text, lang)
        return self._document_names

    def _spellings(self) -> Spellings:
        """The source document's words as ``Spellings``, built once, where first needed."""
        if self._source_spellings is None:
            self._source_spellings = Spellings(self._source_words)
        return self._source_spellings

    def _ordered(self, found: set[str] | frozenset[str]) -> list[str]:
        return _in_source_order(found, self._order)

    def _accounted(self, word: str, lost: set[str], lang: str, cyrillic: bool) -> bool:
        """A source word accounts for this target word: for a Latin-script source a capitalised one spelled alike
        other than the names lost (Caputo is alike Capasso, and a lower-case word, aperto, explains no name)."""
        if cyrillic:
            return False        # the document's names are read before the spelling is compared
        key = _fold(word)
        capitalised = {_fold(_key(m.group())) for m in _WORD.finditer(self._source_text)} - lost
        return any(_related(key, c) for c in capitalised) \
            or any(f in self._source_text for f in forms_of().get(word, ()))

    def _from_nowhere(self, view: SegmentView, lang: str, cyrillic: bool, names: set[str]) -> Iterator[Finding]:
        """A source name written fewer times in the target segment than in the source, and in its place a name no
        word of the source document accounts for: a near spelling (Gotti for the second Gatti: name-changed) or
        another name (Caputo for the second Capasso: name-replaced). ``name-counterpart`` takes a name the target
        article writes anywhere for rendered; this one compares the segment's mentions."""
        source = Counter(k for r in _readings(view.source, lang, cyrillic) for k in self._ordered(r & names))
        target = Counter(k for k, _ in self._target_names(view.target, lang, cyrillic, names))
        fewer = [n for n in source if source[n] > target[n]]
        if not fewer:
            return
        for m in _WORD.finditer(view.target):
            word = _POSSESSIVE.sub("", m.group())
            if len(word) < 4 or word.isupper() or _fold(word) in self._source_words or zipf(word.lower()) >= RARE \
                    or morph.is_known(word.lower(), "en") or _fold(word) in english_places() or "-" in word:
                continue
            # written alone, a person's surname (not a word of a longer name: Medecines of Medecines Sans Frontiere;
            # the source names the person in full somewhere: not Brexit, Juventus);
            # the target writes it elsewhere in the article (``names``), so one of its mentions changed
            lost = [n for n in fewer if cyrillic or _alone(view.source, n, lang) and n in self._persons]
            if not lost:
                return
            if cyrillic and NameCounterpartCheck._accounted(word, self._spellings(), self._source_text,
                                                            self._names_of_document(lang), lang):
                continue        # a romanisation of a name of the document, good or bad (transliteration's)
            shown = _shown(view.source, lost[0], cyrillic)
            english = tr.english_forms(shown, lang)[0] if cyrillic else shown
            if _consonants(word) == _consonants(english) and tr.similarity(_fold(word), _fold(english)) < ALIKE:
                continue        # the same consonants: English's own form of the name (Oyapock for Oiapoque)
            if _fold(word).startswith(_fold(english)) or _fold(english).startswith(_fold(word)):
                continue        # the name with an English ending or cut short (Rosenbergs, MWPs; Juve: NTREX)
            if tr.similarity(_fold(word), _fold(english)) >= ALIKE:
                rule, message = "name-changed", f"“{word}” respells the name “{shown}” the source writes here"
            elif self._accounted(word, set(lost), lang, cyrillic):
                continue
            else:
                rule, message = "name-replaced", f"“{word}” stands where the source names “{shown}”"
            yield Finding("name", "major", rule, "accuracy/mistranslation", message, f"write “{english}”",
                          view.segment.id, target_span=view.target_span(m.start(), m.start() + len(word)),
                          source_span=view.source_span(*_written(view, lost[0], lang, cyrillic, m.start())))
            return

    @staticmethod
    def _source_names(view: SegmentView, lang: str, cyrillic: bool) -> list[str]:
        """The names of a source segment that may be swapped (a Cyrillic one as its first nominative)."""
        if cyrillic:
            found = tr.source_names(view.source, lang)
            # an adjectival surname the dictionary reads as an adjective only (Бельская) is one after a given name
            return [n.lemmas[0].casefold() for i, n in enumerate(found) if n.lemmas and not places().get(n.lemmas[0])
                    and (n.person or n.slavic and i and found[i - 1].given
                         and view.source[found[i - 1].start + len(found[i - 1].text):n.start] == " ")]
        return [k for k in (_key(m.group()) for m in _WORD.finditer(view.source)) if _name_word(k, lang)]

    def _target_names(self, text: str, lang: str, cyrillic: bool, names: set[str], base: int = 0
                      ) -> list[tuple[str, int]]:
        """The document's names the target text writes, with their offsets (a Cyrillic name in every romanisation
        English accepts, read through ``_NameIndex``: the names in ``names``' order)."""
        out = []
        if cyrillic and (self._index is None or self._index.names is not names):
            self._index = _NameIndex(names, lang, self._order)
        for m in _WORD.finditer(text):
            word = _POSSESSIVE.sub("", m.group())
            keys = self._index.matches(word) if cyrillic else [_key(word)]
            out.extend((key, base + m.start()) for key in keys if key in names)
        return out

    def _segment(self, view: SegmentView, lang: str, cyrillic: bool, names: set[str]) -> Iterator[Finding]:
        source = Counter(k for r in _readings(view.source, lang, cyrillic) for k in self._ordered(r & names))
        found = self._target_names(view.target, lang, cyrillic, names)
        target = Counter(k for k, _ in found)
        more = [n for n in target if target[n] > source[n]]
        fewer = [n for n in source if source[n] > target[n]]
        for name in (n for n in more if n in self._persons):
            # two readings of one word (Елисеевой: Елисеева, Елисеев) are one person, not two
            others = [n for n in fewer if not any({n, name} <= r for r in _readings(view.source, lang, cyrillic))]
            if not others:
                continue
            start = self._blamed(view, lang, cyrillic, names, name, found)
            if start is None:
                continue
            word = _WORD.match(view.target, start).group()
            word = _POSSESSIVE.sub("", word)
            shown = _shown(view.source, others[0], cyrillic)
            yield Finding("name", "major", "name-swapped", "accuracy/mistranslation",
                          f"the translation names “{word}” here, where the source names “{shown}”",
                          f"check who is meant: the source writes “{shown}”", view.segment.id,
                          target_span=view.target_span(start, start + len(word)),
                          source_span=view.source_span(*_written(view, others[0], lang, cyrillic, start)))

    def _blamed(self, view: SegmentView, lang: str, cyrillic: bool, names: set[str], name: str,
                found: list[tuple[str, int]]) -> int | None:
        """The target offset (in the segment) of the occurrence of ``name`` that the source does not account for."""
        src, tgt = view.source_sentences, view.target_sentences
        if len(src) == len(tgt) > 1:
            for (s0, s1), (t0, t1) in zip(src, tgt):
                s_text = view.source[s0 - view.source_start:s1 - view.source_start]
                t_base = t0 - view.target_start
                t_found = self._target_names(view.target[t_base:t1 - view.target_start], lang, cyrillic, names, t_base)
                here = [p for k, p in t_found if k == name]
                if len(here) > sum(name in r for r in _readings(s_text, lang, cyrillic)):
                    return here[-1]
            return None
        # no sentence pairing: the occurrence farthest from every source occurrence of the name (relative offsets)
        s_len, t_len = max(len(view.source), 1), max(len(view.target), 1)
        words = _CYRILLIC_WORD if cyrillic else _WORD
        s_pos = [m.start() / s_len for m, r in zip(words.finditer(view.source), _readings(view.source, lang, cyrillic))
                 if name in r]
        t_pos = [p for k, p in found if k == name]
        return max(t_pos, key=lambda p: min((abs(p / t_len - s) for s in s_pos), default=1.0))


class _NameIndex:
    """Cyrillic names (casefolded nominatives) by what a target word must look like to be accepted for one
    (``tr.is_accepted``): one of its English forms, or an ASCII word that starts with a spelling of its first chunk
    and is as long as its chunks' spellings allow. Each word is then compared with the few names it could be, not
    with every name of the document (a 2,000-unit chunk has hundreds of names and thousands of words)."""

    def __init__(self, names: set[str], lang: str, order: dict[str, int] | None = None):
        self.names, self.lang = names, lang
        # the source's order of the names (then alphabetical), which the counts keep: not the set's (hash seed)
        ranked = _in_source_order(names, order or {})
        self.order = {n: i for i, n in enumerate(ranked)}
        self.forms: dict[str, list[str]] = {}
        self.first: dict[str, list[tuple[str, int, int]]] = {}
        self.anywhere: list[tuple[str, int, int]] = []          # a first chunk that may be spelled with no letter
        for name in ranked:
            lemma = name.capitalize()
            for form in tr.english_forms(lemma, lang):
                self.forms.setdefault(form.casefold(), []).append(name)
            pieces = tr._accepted_pieces(lemma, lang)
            if not pieces:
                continue
            bounds = (name, sum(min(map(len, p)) for p in pieces), sum(max(map(len, p)) for p in pieces))
            firsts = {s[:1] for s in pieces[0]}
            if "" in firsts:
                self.anywhere.append(bounds)
                continue
            for letter in firsts:
                self.first.setdefault(letter, []).append(bounds)

    def matches(self, word: str) -> list[str]:
        """The names ``word`` is an accepted English form of, in the order of the names given."""
        key = word.casefold()
        found = set(self.forms.get(key, ()))
        if key.isascii() and key:
            found.update(n for n, lo, hi in (*self.first.get(key[0], ()), *self.anywhere) if lo <= len(key) <= hi)
        if not found:
            return []
        return sorted((n for n in found if tr.is_accepted(word, n.capitalize(), self.lang)), key=self.order.get)


_CYRILLIC_WORD = re.compile(r"(?<![\w’'])[А-ЯЁІЇЄҐ][\w’']*\w")     # each part of Буэнос-Айреса


@lru_cache(maxsize=4096)
def _readings(text: str, lang: str, cyrillic: bool) -> tuple[frozenset[str], ...]:
    """Each capitalised word of a source text as the names it may be: itself (casefolded), or for a Cyrillic word
    every nominative the dictionary reads (a sentence-initial Елисеева too, which ``source_names`` leaves out).
    Cached: both signals and the blamed sentence read the same segment's names, once per name compared."""
    if cyrillic:
        names = {n.start: n for n in tr.source_names(text, lang)}
        return tuple(frozenset(x.casefold() for x in (*tr.name_lemmas(m.group(), lang)[0],
                                                       *_lemmas(names.get(m.start()))))
                     for m in _CYRILLIC_WORD.finditer(text))
    return tuple(frozenset((_key(m.group()),)) for m in _WORD.finditer(text))


def _shown(source: str, name: str, cyrillic: bool) -> str:
    """How the source writes ``name``: its own word, or a Cyrillic name's nominative."""
    if cyrillic:
        return name.capitalize()
    return next((_POSSESSIVE.sub("", m.group()) for m in _WORD.finditer(source) if _key(m.group()) == name), name)


def _written(view: SegmentView, name: str, lang: str, cyrillic: bool, at: int) -> tuple[int, int]:
    """Where the source segment writes ``name``, the word nearest (relative offsets) to the target word at ``at``:
    the finding's source evidence; the whole segment where no word is (not expected: the counts came from them)."""
    source, words = view.source, _CYRILLIC_WORD if cyrillic else _WORD
    found = [m for m, r in zip(words.finditer(source), _readings(source, lang, cyrillic)) if name in r]
    if not found:
        return 0, len(source.rstrip())
    src, tgt = view.source_sentences, view.target_sentences
    if len(src) == len(tgt) > 1:
        # sentences paired one to one: the source sentence of the target word's sentence, where it names the person
        k = next((k for k, (t0, t1) in enumerate(tgt) if t0 - view.target_start <= at < t1 - view.target_start), None)
        s0, s1 = (src[k][0] - view.source_start, src[k][1] - view.source_start) if k is not None else (0, 0)
        found = [m for m in found if s0 <= m.start() < s1] or found
    where = at / max(len(view.target), 1)
    m = min(found, key=lambda m: abs(m.start() / max(len(source), 1) - where))
    return m.start(), m.start() + len(_POSSESSIVE.sub("", m.group()))


def _lemmas(name: tr.SourceName | None) -> tuple[str, ...]:
    """The nominatives ``source_names`` reads in context (a surname after a foreign given name: Сімінов)."""
    return () if name is None else (*name.lemmas, *name.also)


def _alone(source: str, name: str, lang: str) -> bool:
    """The source segment writes ``name`` at least once with no capitalised word joined to it and no article
    before it (al Brexit: a thing)."""
    words = list(_WORD.finditer(source))
    for i, m in enumerate(words):
        if _key(m.group()) != name:
            continue
        before = i and source[words[i - 1].end():m.start()] in (" ", "-")
        after = i + 1 < len(words) and source[m.end():words[i + 1].start()] in (" ", "-")
        article = re.search(r"(\w+)['’ ]$", source[:m.start()])
        if not before and not after and not (article and article.group(1).lower() in definite_articles(lang)):
            return True
    return False


def _in_source_order(names: Iterable[str], order: dict[str, int]) -> list[str]:
    """``names`` in the source's order of first mention (``order``), then alphabetical: never a set's order, which
    PYTHONHASHSEED changes, so the findings do not depend on it."""
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


def _in_full_names(text: str) -> set[str]:
    """Words of the text written in a run of two or more capitalised words inside a sentence (a given name and a
    surname; not Le Brexit at a sentence's start)."""
    words = list(_WORD.finditer(text))
    out = set()
    for a, b in zip(words, words[1:]):
        if text[a.end():b.start()] == " " and _mid_sentence(text, a.start()):
            out |= {_key(a.group()), _key(b.group())}
    return out
