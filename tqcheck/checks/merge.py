"""One finding per problem: overlapping findings of different rules merged, repeats of one problem grouped.

Two steps, after every check has run and the ignore lists have been applied:

1. **Overlaps.** Findings of one segment whose target spans overlap (source spans where they have no target span)
   are one problem seen by several rules: the finding that covers it best is kept and the others' rule ids go to
   its ``also``, so a span never gets two pieces of advice. Best = the longer span where one holds the other (the
   whole "junta de freguesia" left untranslated, not the word "junta" of a title rule) unless it is less severe;
   on the same span a list rule (an id with a language prefix: fr-hemicycle) before a generic signal
   (untranslated-word); then the highest severity, then the check that comes first in the registry. The kept
   finding takes the highest severity of the ones it holds. Punctuation only merges with punctuation on (nearly)
   the same marks (quotation marks around a name or an ellipsis are a second problem), numbers only with numbers
   (a decimal comma and a word left untranslated beside it).
   Then (session 18), findings on the same source words (one source span inside the other) whose target
   spans touch (overlapping, or apart by white space or a possessive's 's) are one problem seen twice: a number and
   a list rule's word of it (the scale word of "1.2 milliard": fr-milliard beside number-mismatch on "1.2"), or two
   findings of one category ("mayor's lieutenant": es-title-rank on "mayor", es-teniente-alcalde on "lieutenant").
   The number, else the finding on the longer source span, is kept, its target span widened over both.
2. **Repeats.** Findings of one rule on the same text with the same suggestion anywhere in the document (a name
   misspelled in every paragraph) become one finding at the first place, the later places in ``occurrences``.

Alignment findings (omissions, additions), ``qe`` and model error spans are never merged: each is its own problem.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from tqcheck.lang import SOURCE_LANGUAGES
from tqcheck.model import Finding, Occurrence, Span, severity_rank

UNMERGED = frozenset({"qe", "qe-span", "omission", "addition"})
_SEPARATE = frozenset({"punctuation"})
_OWN_KIND = frozenset({"number"})          # merges only with its own category
# a list rule's id (es-ignorar, fr-hemicycle); not an office table's (pt-office-vereador), which reads the English as
# a rendering of the office: a word left untranslated (vereadores, ZhKKh) is none
_LISTED = re.compile(rf"^(?:{'|'.join(SOURCE_LANGUAGES)})-(?!office-)")


def merge_findings(findings: Iterable[Finding], target_text: str | None = None) -> list[Finding]:
    """``findings`` in production order (registry order); returns them merged, in that order. ``target_text``: the
    translation the target spans index (a number's span is widened over a scale word only where it is known or
    the two spans touch)."""
    # after the overlaps (fr-milliard has taken untranslated-word's "milliard"), before the repeats
    return _group_repeats(_join_touching(_merge_overlaps(list(findings)), target_text))


def _join_touching(findings: list[Finding], target_text: str | None) -> list[Finding]:
    """Findings of one segment on the same source words (one source span inside the other) whose target spans touch
    (``_touching``) are one problem seen twice: a number and a list rule's word of it ("1.2" and fr-milliard's
    "milliard"), or two findings of one category (es-title-rank's "mayor" and es-teniente-alcalde's "lieutenant" in
    "mayor's lieutenant"; "law-protection" and "organs" of правоохранительных органах). The one kept (``_first``)
    takes the other's rule into ``also``, the higher severity and a target span over both words."""
    out: list[Finding | None] = list(findings)
    by_segment: dict[int, list[int]] = {}
    for k, f in enumerate(findings):
        if f.segment is not None and f.target_span is not None and f.source_span is not None \
                and f.category not in UNMERGED and f.category not in _SEPARATE:
            by_segment.setdefault(f.segment, []).append(k)
    for ks in by_segment.values():
        for i, a in enumerate(ks):
            for b in ks[i + 1:]:
                fa, fb = out[a], out[b]
                if fa is None or fb is None or not _one_problem(fa, fb):
                    continue
                widened = _touching(fa.target_span, fb.target_span, target_text)
                if widened is None:
                    continue
                keep, lose = (a, b) if _first(fa, fb) else (b, a)
                out[keep] = replace(_fold(out[keep], out[lose]), target_span=widened)
                out[lose] = None
    return [f for f in out if f is not None]


def _one_problem(a: Finding, b: Finding) -> bool:
    """Same source words, and kinds that tell one problem: a number and a list rule's word, or one category."""
    sa, sb = a.source_span, b.source_span
    if not (sa.start <= sb.start and sb.end <= sa.end or sb.start <= sa.start and sa.end <= sb.end):
        return False
    numbers = (a.category in _OWN_KIND) + (b.category in _OWN_KIND)
    if numbers == 1:
        return bool(_LISTED.match((b if a.category in _OWN_KIND else a).rule))
    ta, tb = a.target_span, b.target_span
    # overlapping findings of one category are the overlap step's (longer target span, severity)
    return numbers == 0 and a.category == b.category and (ta.end <= tb.start or tb.end <= ta.start)


def _first(a: Finding, b: Finding) -> bool:
    """``a`` (produced before ``b``) is the one kept: the number, else the longer source span, else a list rule's
    over a generic signal's, else the more severe, else the first."""
    for key in (lambda f: f.category in _OWN_KIND, lambda f: f.source_span.end - f.source_span.start,
                lambda f: bool(_LISTED.match(f.rule)) and not _TITLE_SIGNAL.match(f.rule),
                lambda f: severity_rank(f.severity)):
        if key(a) != key(b):
            return key(a) > key(b)
    return True


_TITLE_SIGNAL = re.compile(r"^[a-z]{2}-title-")   # the title check's signals that need no entry (es-title-rank)
_JOINING = re.compile(r"[\s'’s-]*")     # what may lie between two touching target spans: space, a possessive's 's


def _touching(a: Span, b: Span, text: str | None) -> Span | None:
    """The span over ``a`` and ``b`` where they overlap or lie apart by at most three characters of white space,
    hyphen or a possessive's 's (``text`` read where known), else None."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    if second.start <= first.end:
        end = max(first.end, second.end)
        joined = first.text + (second.text[first.end - second.start:] if second.end > first.end else "")
        return Span(first.start, end, joined)
    if text is None or second.start - first.end > 3 or not _JOINING.fullmatch(text[first.end:second.start]):
        return None
    return Span(first.start, second.end, text[first.start:second.end])


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
    if (a.category in _OWN_KIND or b.category in _OWN_KIND) and a.category != b.category:
        return False
    if a.category in _SEPARATE or b.category in _SEPARATE:
        # a quotation's marks and an ellipsis inside it are two problems: only (nearly) the same marks merge
        longer = max(sa[1].end - sa[1].start, sb[1].end - sb[1].start)
        return a.category == b.category and shared >= 0.8 * longer
    return shared > 0


def _covers_better(f: Finding, w: Finding) -> bool:
    """``f`` tells the problem ``w`` also sees better: its span holds ``w``'s and is longer, at the same severity (a
    major name inside a minor title's apposition stays the name's), or, on the same span, it is a list rule's and
    ``w`` a generic signal's."""
    sf, sw = _span(f)[1], _span(w)[1]
    if sf.start <= sw.start and sw.end <= sf.end and sf.end - sf.start > sw.end - sw.start:
        return severity_rank(f.severity) >= severity_rank(w.severity)
    same = (sf.start, sf.end) == (sw.start, sw.end)
    return same and bool(_LISTED.match(f.rule)) and not _LISTED.match(w.rule)


def _fold(w: Finding, f: Finding) -> Finding:
    """``w`` kept with ``f``'s rule ids in its ``also`` and the higher severity of the two."""
    extra = tuple(dict.fromkeys(r for r in (f.rule, *f.also) if r != w.rule and r not in w.also))
    return replace(w, also=w.also + extra, severity=max(w.severity, f.severity, key=severity_rank))


def _merge_overlaps(findings: list[Finding]) -> list[Finding]:
    # strongest first, so that a weaker finding folds into the one that wins its span
    order = sorted(range(len(findings)), key=lambda k: (-severity_rank(findings[k].severity), k))
    kept: dict[int, Finding] = {}                      # production index -> finding (with its ``also``)
    by_segment: dict[int | None, list[int]] = {}
    for k in order:
        f = findings[k]
        if f.category not in UNMERGED:
            segment = by_segment.setdefault(f.segment, [])
            winner = next((w for w in segment if _overlap(kept[w], f)), None)
            if winner is not None:
                w = kept[winner]
                if not _covers_better(f, w):
                    kept[winner] = _fold(w, f)
                    continue
                del kept[winner]
                segment.remove(winner)
                f = _fold(f, w)
            segment.append(k)
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
