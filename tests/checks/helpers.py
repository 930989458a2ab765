"""Run one check on a hand-made aligned pair, without encoders or alignment."""
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.model import Document, Segment
from tqcheck.segment import segment_document


def run_check(check, source: str, target: str, lang: str, options: dict | None = None):
    """Treat each paragraph pair as one aligned segment; return the findings (``options``: ``[options]``)."""
    src = Document(source, lang)
    tgt = Document(target, "en")
    src.sentences = segment_document(source, lang)
    tgt.sentences = segment_document(target, "en")
    segments = []
    for p in range(max(s.paragraph for s in src.sentences) + 1):
        s_ids = tuple(s.index for s in src.sentences if s.paragraph == p)
        t_ids = tuple(s.index for s in tgt.sentences if s.paragraph == p)
        segments.append(Segment(p, s_ids, t_ids, None, 0.9))
    return list(check.run(CheckContext(src, tgt, build_views(src, tgt, segments), options or {})))


def spans(findings):
    return [f.target_span.text if f.target_span else None for f in findings]
