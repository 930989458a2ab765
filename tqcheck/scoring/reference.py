"""Reference-based metrics (sacrebleu chrF++ and BLEU) when the user has a reference translation."""
from __future__ import annotations

from pathlib import Path

from tqcheck.io import read_text
from tqcheck.model import Report
from tqcheck.segment import segment_document


def add_reference_scores(report: Report, reference: Path) -> None:
    """Score the whole target against the reference (document level, sentence-aligned by position)."""
    from sacrebleu.metrics import BLEU, CHRF

    text, _ = read_text(reference)
    ref_sentences = [s.text for s in segment_document(text, report.target.lang)]
    hyp_sentences = [s.text for s in report.target.sentences]
    hyp_doc, ref_doc = [" ".join(hyp_sentences)], [[" ".join(ref_sentences)]]
    chrf, bleu = CHRF(word_order=2), BLEU()
    report.extra["reference"] = {
        "path": str(reference),
        "chrf++": round(chrf.corpus_score(hyp_doc, ref_doc).score, 2),
        "chrf_signature": str(chrf.get_signature()),
        "bleu": round(bleu.corpus_score(hyp_doc, ref_doc).score, 2),
        "bleu_signature": str(bleu.get_signature()),
    }
