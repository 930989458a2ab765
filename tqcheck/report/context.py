"""Shared helpers for renderers: where a finding sits in its sentence."""
from __future__ import annotations

from tqcheck.model import Finding, Report, Span

SEVERITY_STYLE = {"critical": "bold white on red", "major": "bold red", "minor": "yellow"}   # rich styles


def sentence_around(report: Report, span: Span | None, side: str) -> tuple[str, int, int]:
    """The sentence (or segment) text containing ``span`` and the span's offsets inside it."""
    if span is None:
        return "", 0, 0
    doc = report.target if side == "target" else report.source
    for s in doc.sentences:
        if s.start <= span.start < s.end or (s.start <= span.start and span.end <= s.end):
            start = min(s.start, span.start)
            end = max(s.end, span.end)
            return doc.text[start:end], span.start - start, span.end - start
    return span.text, 0, len(span.text)


def location(finding: Finding) -> str:
    span = finding.target_span or finding.source_span
    side = "target" if finding.target_span else "source"
    return f"{side} {span.start}-{span.end}" if span else ""


def also_line(finding: Finding) -> str:
    """``"3 more places: segments 4, 9, 12; also flagged by es-x"`` (empty for a single, unmerged finding)."""
    parts = []
    if finding.occurrences:
        segments = ", ".join(str(o.segment) for o in finding.occurrences)
        n = len(finding.occurrences)
        parts.append(f"{n} more place{'s' if n > 1 else ''}: segment{'s' if n > 1 else ''} {segments}")
    if finding.also:
        parts.append("also flagged by " + ", ".join(finding.also))
    return "; ".join(parts)
