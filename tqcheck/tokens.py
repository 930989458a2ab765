"""The token layer: words of an aligned segment with lemmas, document offsets and a word alignment.

Computed once per segment, on first request, and shared by every check (as spaCy's ``Doc`` is shared by its
components)::

    seg = view.tokens                       # SegmentTokens, built lazily by SegmentView
    for tok in seg.source:                  # Token: text, lower, lemma, forms, start/end offsets in the document
        ...
    seg.targets_of(i)                       # target token indices aligned to source token i
    seg.sources_of(j)                       # source token indices aligned to target token j
    seg.copied(j)                           # target token j is a name carried over from the source
    view.context_tokens                     # source words of the segment and one sentence either side
    tokenize(text, lang, offset)            # the same tokens for any other text

The word alignment uses cheap evidence only: equal numbers, and cognates (character-bigram similarity of the
accent-free, romanised forms), weighted by how far apart the two words sit in their sentences, linked greedily
one-to-one (competitive linking). Function words (under three letters) are never linked. It is precise for
names, numbers and look-alike words (false friends are look-alikes by definition) and silent elsewhere.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from typing import NamedTuple

from anyascii import anyascii

from tqcheck.morph import lemma as _lemma, lemmas as _lemmas

# U+02BC (обовʼязковий, the Ukrainian apostrophe) is a letter to ``\w``: it splits a word as ' and ’ do, so the
# three spellings of one word give the same tokens
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_ʼ]+")
# A word written with apostrophes or hyphens (aujourd'hui, dell'anno, взлётно-посадочный, обов’язковий), which
# ``tokenize`` splits into pieces.
_JOINED = re.compile(r"[^\W\d_ʼ]+(?:['’‘ʼ\-‐‑][^\W\d_ʼ]+)+")
_UNIFY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})
JOINER = re.compile(r"\w['-]\w")
MAX_PIECES = 4          # the longest run of pieces read as one word (vice-président-directeur-général: 4)
MIN_SIMILARITY = 0.55   # words less alike than this are never linked
MIN_LINK = 0.45         # nor when their similarity, lowered by their distance, falls under this
DISTANCE_WEIGHT = 0.2   # similarity lost across the whole sentence (word order differs between languages)
_SHORT = 3              # words shorter than this are not linked (articles, prepositions)


class Token(NamedTuple):
    """One word: its text, lower-cased and accent-free form, lemma, and offsets into the document (a named tuple:
    built for every word of every segment, four times faster than a frozen dataclass)."""

    index: int
    text: str
    lower: str           # lower-cased, accents and ё folded (what matching compares)
    lemma: str           # the most likely lemma, folded the same way
    start: int
    end: int
    forms: frozenset[str]   # lower, lemma and every other lemma the word may have (ru/uk parses)


_new_tuple = tuple.__new__


def fold(text: str) -> str:
    """Lower-case and strip combining accents (é→e, ё→е, й→и): the form entries and tokens are compared in."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def _analyse(word: str, lang: str) -> tuple[str, str, frozenset[str]]:
    """(folded word, folded lemma, all folded forms)."""
    lower = fold(word)
    if word[0].isdigit():
        return lower, lower, frozenset((lower,))
    forms = frozenset(fold(f) for f in _lemmas(word, lang)) | {lower}
    return lower, fold(_lemma(word, lang)), forms


def tokenize(text: str, lang: str, offset: int = 0) -> tuple[Token, ...]:
    """Words and numbers of ``text``; ``offset`` is where ``text`` starts in its document."""
    out = []
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        start, end = m.span()
        lower, lem, forms = _analyse(word, lang)
        # tuple.__new__ directly: a named tuple's own __new__ is a Python function, and this runs for every word
        out.append(_new_tuple(Token, (i, word, lower, lem, offset + start, offset + end, forms)))
    return tuple(out)


def joiners(text: str) -> str:
    """``text`` with its apostrophes (’ ‘ ʼ) and hyphens (‐ ‑) written as ' and -."""
    return text.translate(_UNIFY)


Joined = dict[int, tuple[tuple[int, frozenset[str]], ...]]


def joined_words(tokens: tuple[Token, ...], text: str, offset: int, lang: str) -> Joined:
    """The words of ``text`` written with apostrophes or hyphens, read whole: first piece's token index -> (last
    piece's index, the folded forms and lemmas of the whole, apostrophes and hyphens unified) for every run of 2 to
    ``MAX_PIECES`` adjacent pieces (d'aujourd'hui holds aujourd'hui)."""
    out: dict[int, list[tuple[int, frozenset[str]]]] = {}
    by_start = {t.start: t for t in tokens}
    for m in _JOINED.finditer(text):
        starts = (offset + m.start() + p.start() for p in _WORD.finditer(m.group()))
        pieces = [by_start[start] for start in starts if start in by_start]
        for a in range(len(pieces)):
            for b in range(a + 1, min(len(pieces), a + MAX_PIECES)):
                out.setdefault(pieces[a].index, []).append(
                    (pieces[b].index, _whole(text[pieces[a].start - offset:pieces[b].end - offset], lang)))
    return {i: tuple(v) for i, v in out.items()}


def _whole(word: str, lang: str) -> frozenset[str]:
    """The folded forms of a joined word (apostrophes and hyphens unified)."""
    return frozenset(joiners(f) for f in _analyse(joiners(word), lang)[2])


# Spelling differences between cognates that carry no meaning (ph/f, c/k, y/i, doubled letters).
_SPELLING = ((r"ph", "f"), (r"th", "t"), (r"ck|c(?![eiy])|q|x", "k"), (r"c", "s"), (r"y", "i"), (r"w", "v"),
             (r"(.)\1", r"\1"))


@lru_cache(maxsize=100_000)
def _bigrams(word: str) -> frozenset[str]:
    roman = anyascii(word).lower()
    for pattern, repl in _SPELLING:
        roman = re.sub(pattern, repl, roman)
    padded = f"^{roman}$"       # the ends count: "novel" is nearer "novela" than "nove"
    return frozenset(padded[i:i + 2] for i in range(len(padded) - 1))


def similarity(a: Token, b: Token) -> float:
    """How much two words look alike: 1 for equal numbers or spellings, Dice of character bigrams otherwise."""
    if a.lower[0].isdigit() or b.lower[0].isdigit():
        return float(a.lower.replace(",", ".") == b.lower.replace(",", "."))
    if len(a.lower) < _SHORT or len(b.lower) < _SHORT:
        return 0.0
    x, y = _bigrams(a.lower), _bigrams(b.lower)
    return 2 * len(x & y) / (len(x) + len(y))


def relative(index: float, count: int) -> float:
    """Position of a token in its segment, 0 (first) to 1 (last)."""
    return index / (count - 1) if count > 1 else 0.5


def word_alignment(source: tuple[Token, ...], target: tuple[Token, ...],
                   compatible=lambda i, j: True) -> tuple[tuple[int, int], ...]:
    """One-to-one links (source index, target index), best scores first (competitive linking); only pairs
    ``compatible(i, j)`` accepts are considered."""
    scored = []
    for s in source:
        for t in target:
            if not compatible(s.index, t.index):
                continue
            sim = similarity(s, t)
            if sim < MIN_SIMILARITY:
                continue
            distance = abs(relative(s.index, len(source)) - relative(t.index, len(target)))
            score = sim * (1 - DISTANCE_WEIGHT * distance)
            if score >= MIN_LINK:
                scored.append((-score, s.index, t.index))
    used_s, used_t, links = set(), set(), []
    for _, i, j in sorted(scored):
        if i not in used_s and j not in used_t:
            used_s.add(i)
            used_t.add(j)
            links.append((i, j))
    return tuple(sorted(links))


Spans = tuple[tuple[int, int], ...]


class SegmentTokens:
    """Source and target tokens of one aligned segment, and the word alignment between them.

    ``source_sentences``/``target_sentences``: (start, end) document offsets of the segment's sentences. In a
    segment of several sentences (1-2, 2-1, 2-2) a word is only linked to a word of a sentence that covers
    the same part of the segment, so a look-alike in the other sentence is not taken for its translation.
    """

    def __init__(self, source: tuple[Token, ...], target: tuple[Token, ...],
                 source_sentences: Spans = (), target_sentences: Spans = ()):
        self.source = source
        self.target = target
        self._source_parts = _parts(source, source_sentences)
        self._target_parts = _parts(target, target_sentences)
        self._target_initial = _initial(target, target_sentences)

    def compatible(self, i: int, j: int) -> bool:
        """Do source token ``i`` and target token ``j`` sit in sentences covering the same part of the
        segment (always true when either side is one sentence)?"""
        a, b = self._source_parts[i], self._target_parts[j]
        return min(a[1], b[1]) - max(a[0], b[0]) > 0.1 * min(a[1] - a[0], b[1] - b[0])

    @cached_property
    def links(self) -> tuple[tuple[int, int], ...]:
        return word_alignment(self.source, self.target, self.compatible)

    @cached_property
    def _by_source(self) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {}
        for i, j in self.links:
            out.setdefault(i, []).append(j)
        return {i: tuple(js) for i, js in out.items()}

    @cached_property
    def _by_target(self) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {}
        for i, j in self.links:
            out.setdefault(j, []).append(i)
        return {j: tuple(i_s) for j, i_s in out.items()}

    def targets_of(self, i: int) -> tuple[int, ...]:
        """Target token indices aligned to source token ``i``."""
        return self._by_source.get(i, ())

    def sources_of(self, j: int) -> tuple[int, ...]:
        """Source token indices aligned to target token ``j``."""
        return self._by_target.get(j, ())

    def initial(self, j: int) -> bool:
        """Is target token ``j`` the first word of a sentence?"""
        return j in self._target_initial

    def copied(self, j: int, names: frozenset[str] = frozenset()) -> bool:
        """Is target token ``j`` the same capitalised word, inside a sentence, as the source token aligned to
        it, letter for letter once romanised (a name carried over: "Sane" in "Leroy Sane", "Baton" for
        "Батон-Руж") rather than a translation? At the start of a sentence only a word of ``names`` (written
        capitalised inside a sentence nearby: "Leroy Sane. Sane took...") is taken for a name."""
        text = self.target[j].text
        return (text[:1].isupper() and (j not in self._target_initial or text in names)
                and any(_same_name(anyascii(self.source[i].text), text) for i in self.sources_of(j)))

    @cached_property
    def source_forms(self) -> frozenset[str]:
        """Every lower-cased form and lemma in the source (cheap pre-filter for lexicon entries)."""
        return frozenset(f for t in self.source for f in t.forms)


def _same_name(source: str, target: str) -> bool:
    """The same word, or the source's with the genitive s the English drops (des Gymnasiums: the Gymnasium); not
    another ending (l'Hexagone: the Hexagon renders a word)."""
    return source == target or (len(target) >= 4 and source == target + "s")


def _parts(tokens: tuple[Token, ...], sentences: Spans) -> list[tuple[float, float]]:
    """For each token, the share of the segment (0..1, by characters) its sentence covers."""
    if len(sentences) < 2:
        return [(0.0, 1.0)] * len(tokens)
    first, last = sentences[0][0], sentences[-1][1]
    size = max(1, last - first)
    out = []
    for tok in tokens:
        start, end = next(((s, e) for s, e in sentences if s <= tok.start < e), (first, last))
        out.append(((start - first) / size, (end - first) / size))
    return out


def _initial(tokens: tuple[Token, ...], sentences: Spans) -> frozenset[int]:
    """Indices of the first token of each sentence."""
    out = {0}
    for start, _ in sentences:
        first = next((t.index for t in tokens if t.start >= start), None)
        if first is not None:
            out.add(first)
    return frozenset(out)
