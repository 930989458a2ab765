"""One finding per problem: overlapping findings of different rules merged, repeats of one problem grouped.

Two steps, after every check has run and the ignore lists have been applied:

1. **Overlaps.** Findings of one segment whose target spans overlap (source spans where they have no target span)
   are one problem seen by several rules: the most specific finding is kept and the others' rule ids go to its
   ``also``, so a span never gets two pieces of advice. Most specific = highest severity, then the check that
   comes first in the registry (lists of known errors before generic signals). Punctuation only merges with
   punctuation on (nearly) the same marks: quotation marks around a name or an ellipsis are a second problem.
2. **Repeats.** Findings of one rule on the same text with the same suggestion anywhere in the document (a name
   misspelled in every paragraph) become one finding at the first place, the later places in ``occurrences``.

Alignment findings (omissions, additions), ``qe`` and model error spans are never merged: each is its own problem.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from tqcheck.model import Finding, Occurrence, Span, severity_rank

UNMERGED = frozenset({"qe", "qe-span", "omission", "addition"})
_SEPARATE = frozenset({"punctuation"})


def merge_findings(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` in production order (registry order); returns them merged, in that order."""
    ordered = list(findings)
    return _group_repeats(_merge_overlaps(ordered))


def _span(f: Finding) -> tuple[str, Span] | None:
    if f.target_span is not None:
        return "target", f.target_span
    if f.source_span is not None:
        return "source", f.source_span
    return None


def _overlap(a: Finding, b: Finding) -> bool:
    if a.segment != b.segment or a.segment is None:
        return False
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or sa[0] != sb[0]:
        return False
    shared = min(sa[1].end, sb[1].end) - max(sa[1].start, sb[1].start)
    if a.category in _SEPARATE or b.category in _SEPARATE:
        # a quotation's marks and an ellipsis inside it are two problems: only (nearly) the same marks merge
        longer = max(sa[1].end - sa[1].start, sb[1].end - sb[1].start)
        return a.category == b.category and shared >= 0.8 * longer
    return shared > 0


def _merge_overlaps(findings: list[Finding]) -> list[Finding]:
    # strongest first, so that a weaker finding folds into the one that wins its span
    order = sorted(range(len(findings)), key=lambda k: (-severity_rank(findings[k].severity), k))
    kept: dict[int, Finding] = {}                      # production index -> finding (with its ``also``)
    by_segment: dict[int | None, list[int]] = {}
    for k in order:
        f = findings[k]
        if f.category not in UNMERGED:
            winner = next((w for w in by_segment.get(f.segment, ()) if _overlap(kept[w], f)), None)
            if winner is not None:
                w = kept[winner]
                extra = tuple(dict.fromkeys(r for r in (f.rule, *f.also) if r != w.rule and r not in w.also))
                kept[winner] = replace(w, also=w.also + extra)
                continue
            by_segment.setdefault(f.segment, []).append(k)
        kept[k] = f
    return [kept[k] for k in sorted(kept)]


def _repeat_key(f: Finding) -> tuple | None:
    where = _span(f)
    if f.category in UNMERGED or where is None:
        return None
    return f.rule, where[0], where[1].text.casefold(), f.suggestion


def _document_order(f: Finding) -> tuple:
    where = _span(f)
    return (f.segment if f.segment is not None else -1, where[1].start if where else 0)


def _group_repeats(findings: list[Finding]) -> list[Finding]:
    groups: dict[tuple, list[Finding]] = {}
    out: list[Finding | tuple] = []
    for f in findings:
        key = _repeat_key(f)
        if key is None:
            out.append(f)
            continue
        if key not in groups:
            groups[key] = []
            out.append(key)
        groups[key].append(f)
    return [_grouped(groups[item]) if isinstance(item, tuple) else item for item in out]


def _grouped(members: list[Finding]) -> Finding:
    if len(members) == 1:
        return members[0]
    members = sorted(members, key=_document_order)
    first = members[0]
    severity = max((m.severity for m in members), key=severity_rank)
    also = tuple(dict.fromkeys(r for m in members for r in m.also))
    places = tuple(Occurrence(m.segment, m.target_span, m.source_span) for m in members[1:])
    return replace(first, severity=severity, also=also, occurrences=places)
