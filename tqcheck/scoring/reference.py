"""Reference-based metrics (sacrebleu chrF++ and BLEU) when the user has a reference translation.

The document gets chrF++ and BLEU over its whole text. Each segment gets the chrF++ of its target against the
reference sentences aligned to it: the reference is split into sentences and aligned to the translation's
sentences by a banded monotone alignment (1-1, 1-2, 2-1, and sentences left without a counterpart) on character
trigram overlap, which suits two English texts that say the same thing.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from tqcheck.io import read_text
from tqcheck.model import Report
from tqcheck.segment import segment_document

MATCH_FLOOR = 0.3          # overlap (Dice of character trigrams) a link must beat to pay; unrelated English ≈ 0.2
MERGE_COST = 0.1           # extra cost of a 1-2 or 2-1 link: it must raise the overlap by more than this
BAND = 15                  # how far from the diagonal a link may be, in sentences


def add_reference_scores(report: Report, reference: Path) -> None:
    """Add ``reference`` to the report: document chrF++ and BLEU with their signatures, and per segment the
    aligned reference text and its chrF++ (``null`` for a segment with no target or no reference)."""
    from sacrebleu.metrics import BLEU, CHRF

    text, _ = read_text(reference)
    ref_sentences = [s.text for s in segment_document(text, report.target.lang)]
    hyp_sentences = [s.text for s in report.target.sentences]
    hyp_doc, ref_doc = [" ".join(hyp_sentences)], [[" ".join(ref_sentences)]]
    chrf, bleu = CHRF(word_order=2), BLEU()
    matched = align_to_reference(hyp_sentences, ref_sentences)
    segments = []
    for segment in report.segments:
        hyp = report.segment_text(segment, "target")
        ref = " ".join(ref_sentences[j] for i in segment.target_ids for j in matched.get(i, ()))
        score = round(chrf.sentence_score(hyp, [ref]).score, 2) if hyp and ref else None
        segments.append({"segment": segment.id, "reference": ref, "chrf++": score})
    report.extra["reference"] = {
        "path": str(reference),
        "chrf++": round(chrf.corpus_score(hyp_doc, ref_doc).score, 2),
        "chrf_signature": str(chrf.get_signature()),
        "bleu": round(bleu.corpus_score(hyp_doc, ref_doc).score, 2),
        "bleu_signature": str(bleu.get_signature()),
        "segments": segments,
    }


def align_to_reference(hyps: list[str], refs: list[str]) -> dict[int, tuple[int, ...]]:
    """``{translation sentence: reference sentences}`` from a monotone alignment; a reference sentence that two
    translation sentences share (a 2-1 link) goes to the first of them."""
    n, m = len(hyps), len(refs)
    grams_h, grams_r = [_trigrams(t) for t in hyps], [_trigrams(t) for t in refs]
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - BAND), min(m, int(centre) + BAND) + 1):
            if (i, j) not in best:
                continue
            score = best[i, j][0]
            for di, dj in ((1, 0), (0, 1), (1, 1), (1, 2), (2, 1)):
                if i + di > n or j + dj > m:
                    continue
                gain = _gain(grams_h[i:i + di], grams_r[j:j + dj]) if di and dj else 0.0
                if best.get((i + di, j + dj), (float("-inf"),))[0] < score + gain:
                    best[i + di, j + dj] = (score + gain, (i, j))
    matched: dict[int, tuple[int, ...]] = {}
    cell = (n, m) if (n, m) in best else max(best, key=lambda c: (c[0] + c[1], best[c][0]))
    while best[cell][1] is not None:
        (i, j), (i2, j2) = best[cell][1], cell
        if i2 > i and j2 > j:
            matched[i] = tuple(range(j, j2))
        cell = (i, j)
    return matched


def _trigrams(text: str) -> Counter:
    text = " ".join(text.casefold().split())
    return Counter(text[k:k + 3] for k in range(max(1, len(text) - 2)))


def _gain(hyp_block: list[Counter], ref_block: list[Counter]) -> float:
    a, b = sum(hyp_block, Counter()), sum(ref_block, Counter())
    total = sum(a.values()) + sum(b.values())
    dice = 2 * sum((a & b).values()) / total if total else 0.0
    # one link is worth its overlap whatever its size: two 1-1 links beat one merge unless both halves match badly
    return dice - MATCH_FLOOR - (MERGE_COST if len(hyp_block) + len(ref_block) > 2 else 0.0)
