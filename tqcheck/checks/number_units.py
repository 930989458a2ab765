"""A figure kept with another unit: 3 kilos as "3 pounds", 480 km as "480 miles", 65 hryvnias as "65 dollars",
18 months as "18 weeks". A conversion changes the figure as well, so the same figure with a unit of the same
dimension but another unit is a slip, not a conversion. Units and their forms are data
(``resources/numbers/units.tsv``); a figure whose unit either side does not name is left alone."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.checks.base import SegmentView
from tqcheck.model import Finding
from tqcheck.numparse import Quantity
from tqcheck.resources import iter_table

UNITS = "numbers/units.tsv"
# after a figure: the second figure of a range (18 to 24 weeks, 5-8 km), then a linking word (3 millones de euros)
_RANGE = r"(?:\s*(?:[-–]|to|and|a|à|bis|und|e|y|et|до|і|и)\s*\d+(?:[.,]\d+)?)?"
_SIGN = re.compile(r"[$€£₴₽]")       # a currency sign may stand before the figure: €120, R$ 50
_LINK = r"[\s\u00a0\u202f-]*(?:(?:de|d'|di|del|dei|da|das|dos|von|an)\s+)?"
_LEAD = re.compile(_RANGE + _LINK, re.I)


@dataclass(frozen=True)
class Unit:
    ids: frozenset[str]
    dimensions: frozenset[str]
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Forms:
    after: re.Pattern[str]           # every form, longest first (metri quadrati before metri), one alternation
    signs: tuple[str, ...]           # the forms with a currency sign, which may stand before the figure
    units: dict[str, tuple[frozenset[str], frozenset[str]]]     # a form, lower case, one space -> ids, dimensions


def _key(form: str) -> str:
    return " ".join(form.lower().split())


@lru_cache(maxsize=None)
def _forms(lang: str) -> _Forms:
    units: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for row in iter_table(UNITS):
        if row["lang"] == lang:
            for form in row["forms"].split("|"):
                units[_key(form)] = (frozenset(row["unit"].split("|")), frozenset(row["dimension"].split("|")))
    forms = sorted(units, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in forms)
    return _Forms(re.compile(rf"(?:{body})(?![^\W\d_])", re.I), tuple(f for f in forms if _SIGN.search(f)), units)


@lru_cache(maxsize=None)
def english_names() -> dict[str, str]:
    """Unit id -> the English word for it (the first form of its first English row), for suggestions."""
    names: dict[str, str] = {}
    for row in iter_table(UNITS):
        if row["lang"] == "en":
            for unit in row["unit"].split("|"):
                names.setdefault(unit, row["forms"].split("|")[0])
    return names


def unit_of(text: str, q: Quantity, lang: str) -> Unit | None:
    """The unit named right after the figure (or its range), or a currency sign right before it."""
    forms = _forms(lang)
    lead = _LEAD.match(text, q.end)
    if m := forms.after.match(text, lead.end() if lead else q.end):
        return Unit(*forms.units[_key(m.group())], m.group(), m.start(), m.end())
    before = text[:q.start].rstrip()
    sign = next((f for f in forms.signs if before.lower().endswith(f)), None)
    if sign is None:
        return None
    return Unit(*forms.units[sign], before[-len(sign):], len(before) - len(sign), len(before))


@dataclass(frozen=True)
class _Measure:
    """One unit and the figures it counts (a range's two ends share it: 18 to 24 weeks)."""
    unit: Unit
    figures: tuple[Quantity, ...]


def _measures(text: str, quantities: list[Quantity], lang: str) -> list[_Measure]:
    by_unit: dict[int, list] = {}
    for q in quantities:
        # one reading only: une quinzaine de jours is 15 days or two weeks, and its unit names the first
        if not q.weak and len(q.values) == 1 and (unit := unit_of(text, q, lang)) is not None:
            by_unit.setdefault(unit.start, [unit]).append(q)
    return [_Measure(group[0], tuple(group[1:])) for group in by_unit.values()]


def _same_figures(a: _Measure, b: _Measure) -> bool:
    return len(a.figures) == len(b.figures) and all(
        any(x.values & y.values for y in b.figures) for x in a.figures) and all(
        any(x.values & y.values for x in a.figures) for y in b.figures)


def unit_changes(view: SegmentView, source: list[Quantity], target: list[Quantity], lang: str) -> list[Finding]:
    """A target measure whose figures a source measure has, in a unit of the same dimension but not this one, where
    no source measure has those figures in this unit."""
    sources = _measures(view.source, source, lang)
    findings = []
    for t in _measures(view.target, target, "en"):
        same = [s for s in sources if _same_figures(s, t)]
        if not same or any(s.unit.ids & t.unit.ids for s in same):
            continue
        changed = next((s for s in same if s.unit.dimensions & t.unit.dimensions), None)
        if changed is not None:
            findings.append(_finding(view, changed, t))
    return findings


def _finding(view: SegmentView, s: _Measure, t: _Measure) -> Finding:
    meant = " or ".join(sorted({english_names().get(u, u) for u in s.unit.ids}))
    source_span = view.source_span(min(s.figures[0].start, s.unit.start), max(s.figures[-1].end, s.unit.end))
    target_span = view.target_span(min(t.figures[0].start, t.unit.start), max(t.figures[-1].end, t.unit.end))
    figures = view.target[t.figures[0].start:t.figures[-1].end]
    return Finding(
        "number", "major", "number-unit", "accuracy/mistranslation",
        f"the source says {source_span.text}; the translation keeps the figure but says {t.unit.text}",
        f"{figures} {meant}, or convert the figure", view.segment.id,
        target_span=target_span, source_span=source_span,
    )
