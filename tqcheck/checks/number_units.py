"""A figure kept with another unit: 3 kilos as "3 pounds", 480 km as "480 miles", 65 hryvnias as "65 dollars",
18 months as "18 weeks", 120 °C as "120 °F"; or with another unit of a rate (*4.500 euro al chilo* as "€4,500 per
gram", *600 fogli al giorno* as "600 sheets a week"). A conversion changes the figure as well, so the same figure
with a unit of the same dimension but another unit is a slip, not a conversion. Units and their forms are data
(``resources/numbers/units.tsv``, rate words ``rates.tsv``); a figure whose unit either side does not name is left
alone."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tqcheck import morph
from tqcheck.checks.base import SegmentView
from tqcheck.model import Finding
from tqcheck.numparse import Quantity
from tqcheck.resources import iter_table

UNITS = "numbers/units.tsv"
RATES = "numbers/rates.tsv"
# after a figure: the second figure of a range (18 to 24 weeks, 5-8 km; space-grouped: від 1 500 до 3 000 доларів),
# then a linking word (3 millones de euros)
_RANGE = r"(?:\s*(?:[-–]|to|and|a|à|bis|und|e|y|et|до|і|и)\s*\d+(?:[ \u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)*)?"
_SIGN = re.compile(r"[$€£₴₽]")       # a currency sign may stand before the figure: €120, R$ 50
_LINK = r"[\s\u00a0\u202f-]*(?:(?:de|d'|di|del|dei|da|das|dos|von|an)\s+)?"
_LEAD = re.compile(_RANGE + _LINK, re.I)
# A rate's denominator: a unit of these dimensions (a price per kilo, sheets a day), not money or a mixed unit
RATE_DIMENSIONS = frozenset({"mass", "length", "area", "volume", "duration"})
# words between a figure (or its unit) and the rate word: 600 *fogli* al giorno, 2 litres *of milk* a day
RATE_GAP_WORDS = 2


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
    """A form's lookup key: lower case, its words one space apart (square-foot, as in an 85-square-foot room)."""
    return " ".join(re.split(r"[\s-]+", form.lower().strip()))


@lru_cache(maxsize=None)
def _forms(lang: str) -> _Forms:
    units: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for row in iter_table(UNITS):
        if row["lang"] == lang:
            unit = (frozenset(row["unit"].split("|")), frozenset(row["dimension"].split("|")))
            for form in row["forms"].split("|"):
                units[_key(form)] = unit
            if lang in morph.MORPHOLOGY:
                for form in row["forms"].split("|"):
                    for other in _case_forms(form, lang):
                        units.setdefault(_key(other), unit)
    forms = sorted(units, key=len, reverse=True)
    # the words of a form apart by spaces or a hyphen (an 85-square-foot room, a 10-kilometre walk)
    body = "|".join(r"[\s-]+".join(re.escape(w) for w in form.split()) for form in forms)
    return _Forms(re.compile(rf"(?:{body})(?![^\W\d_])", re.I), tuple(f for f in forms if _SIGN.search(f)), units)


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _case_forms(form: str, lang: str) -> set[str]:
    """Every case of a listed Russian or Ukrainian unit (шести гектарах, 10 сантиметрами, квадратними метрами):
    each word inflected to one case and number together, from a listed form of nouns and adjectives only (not an
    abbreviation: см, га)."""
    words = form.split()
    parsed = []
    for word in words:
        found = [p for p in morph.parses(word, lang) if p.tag.POS in ("NOUN", "ADJF") and p.word == word.lower()
                 and "Abbr" not in p.tag and len(word) >= 4]
        if not found:
            return set()
        parsed.append(found[0])
    out = set()
    for case in _CASES:
        for number in ("sing", "plur"):
            inflected = [p.inflect({case, number}) for p in parsed]
            if all(inflected):
                out.add(" ".join(i.word for i in inflected))
    return out


@lru_cache(maxsize=None)
def english_names() -> dict[str, str]:
    """Unit id -> the English word for it (the first form of its first English row), for suggestions."""
    names: dict[str, str] = {}
    for row in iter_table(UNITS):
        if row["lang"] == "en":
            for unit in row["unit"].split("|"):
                names.setdefault(unit, row["forms"].split("|")[0])
    return names


def _rate_links(lang: str) -> tuple[list[str], str]:
    """The rate words of ``lang`` (``rates.tsv``) and one alternation of them, longest first."""
    links = [link for row in iter_table(RATES) if row["lang"] == lang for link in row["links"].split("|")]
    body = "|".join(r"\s+".join(re.escape(w) for w in link.split()) for link in sorted(links, key=len, reverse=True))
    return links, body


@lru_cache(maxsize=None)
def _rate_re(lang: str) -> re.Pattern[str] | None:
    """The rate words of ``lang`` (``rates.tsv``) after up to RATE_GAP_WORDS words, then the denominator's form."""
    links, body = _rate_links(lang)
    if not links:
        return None
    apostrophe = r"(?<=')" if any(link.endswith("'") for link in links) else "(?!)"
    return re.compile(rf"(?:\s+[^\W\d_]+){{0,{RATE_GAP_WORDS}}}?\s+(?:{body})(?:\s+|{apostrophe})", re.I)


@lru_cache(maxsize=None)
def _fronted_rate_re(lang: str) -> re.Pattern[str] | None:
    """A rate word and its denominator right before the figure (pro Kilogramm 30 Gramm): the form is group 1."""
    links, body = _rate_links(lang)
    if not links:
        return None
    return re.compile(rf"(?<![^\W\d_])(?:{body})\s+({_forms(lang).after.pattern})\s*,?\s*$", re.I)


def rate_of(text: str, q: Quantity, unit: Unit | None, lang: str) -> Unit | None:
    """The unit a rate word puts under the figure (or under its unit): *al chilo*, "per gram", "a week"; or one
    fronted right before the figure (pro Kilogramm 30 Gramm: German puts the adverbial first)."""
    link = _rate_re(lang)
    at = unit.end if unit is not None and unit.start >= q.end else q.end
    m = link.match(text, at) if link is not None else None
    found = _forms(lang).after.match(text, m.end()) if m else None
    fronted = _fronted_rate_re(lang)
    if found is None and fronted is not None:
        found = fronted.search(text, max(0, q.start - 40), q.start)
        if found is not None:
            ids, dimensions = _forms(lang).units[_key(found.group(1))]
            return Unit(ids, dimensions, found.group(1), found.start(1), found.end(1)) \
                if dimensions & RATE_DIMENSIONS else None
    if found is None:
        return None
    ids, dimensions = _forms(lang).units[_key(found.group())]
    if not dimensions & RATE_DIMENSIONS:
        return None
    return Unit(ids, dimensions, found.group(), found.start(), found.end())


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


def _counted(q: Quantity) -> bool:
    """A figure with one reading (une quinzaine de jours is 15 days or two weeks, and its unit names the first), not
    an article (a, un: weak with the value 1); a weak fraction counts (*medio milímetro*, "half an inch")."""
    return len(q.values) == 1 and not (q.weak and 1.0 in q.values)


def _measures(text: str, quantities: list[Quantity], lang: str) -> list[_Measure]:
    by_unit: dict[int, list] = {}
    for q in quantities:
        if _counted(q) and (unit := unit_of(text, q, lang)) is not None:
            by_unit.setdefault(unit.start, [unit]).append(q)
    return [_Measure(group[0], tuple(group[1:])) for group in by_unit.values()]


def _rates(text: str, quantities: list[Quantity], lang: str) -> list[_Measure]:
    """Each counted figure with the denominator of its rate (4.500 euro al chilo: the kilo), where it has one."""
    out = []
    for q in quantities:
        if _counted(q) and (per := rate_of(text, q, unit_of(text, q, lang), lang)) is not None:
            out.append(_Measure(per, (q,)))
    return out


def _same_figures(a: _Measure, b: _Measure) -> bool:
    return len(a.figures) == len(b.figures) and all(
        any(x.values & y.values for y in b.figures) for x in a.figures) and all(
        any(x.values & y.values for x in a.figures) for y in b.figures)


def converted(view: SegmentView, source: list[Quantity], target: list[Quantity], lang: str) -> bool:
    """Whether a target measure is in another unit of a source measure's dimension, with a figure that source
    measure does not have (160 л.с. as "118 kW", 100 kilovatios as "134 hp"): a conversion, so the two sides'
    figures are not comparable. Neither unit may be named on the other side (400 часов ... 3 лет as "400 hours ... 1 year" is
    a slip), and money is left out: a changed currency with a changed amount is read as a slip."""
    sources = [m for m in _measures(view.source, source, lang) if "money" not in m.unit.dimensions]
    targets = _measures(view.target, target, "en")
    source_units = frozenset().union(*(m.unit.ids for m in sources))
    target_units = frozenset().union(*(m.unit.ids for m in targets))
    return any(s.unit.dimensions & t.unit.dimensions and not s.unit.ids & target_units
               and not t.unit.ids & source_units and not any(x.values & y.values for x in s.figures for y in t.figures)
               for t in targets for s in sources)


def unit_changes(view: SegmentView, source: list[Quantity], target: list[Quantity], lang: str) -> list[Finding]:
    """A target measure whose figures a source measure has, in a unit of the same dimension but not this one, where
    no source measure has those figures in this unit; then the same for the denominators of rates."""
    findings = [_finding(view, s, t) for s, t in _changed(_measures(view.source, source, lang),
                                                           _measures(view.target, target, "en"))]
    taken = [(f.target_span.start, f.target_span.end) for f in findings]
    for s, t in _changed(_rates(view.source, source, lang), _rates(view.target, target, "en")):
        if not any(a <= t.figures[0].start < b for a, b in taken):
            findings.append(_finding(view, s, t, rate=True))
    if not findings:
        findings = priced_unit_changes(view, source, target, lang)
    return findings


# the dimensions of a bare unit a price is for (un metro quadrato ... costa 180 euro; килограмм ... стоит 45 рублей)
PRICED_DIMENSIONS = frozenset({"mass", "length", "area", "volume"})


def _bare_units(text: str, quantities: list[Quantity], lang: str) -> list[Unit]:
    """Units of ``PRICED_DIMENSIONS`` named without a figure of their own (a square metre, килограмм арбуза)."""
    forms = _forms(lang)
    # (an article read as 1 counts nothing: Un metro quadrato is a bare unit)
    counted = {u.start for q in quantities if _counted(q) and (u := unit_of(text, q, lang)) is not None}
    out = []
    for m in forms.after.finditer(text):
        if m.start() in counted or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue
        if re.search(r"\d[\s\u00a0\u202f.,-]*$", text[max(0, m.start() - 4):m.start()]):
            continue                                   # after a figure the measure check reads it
        ids, dimensions = forms.units[_key(m.group())]
        if dimensions & PRICED_DIMENSIONS:
            out.append(Unit(ids, dimensions, m.group(), m.start(), m.end()))
    return out


def priced_unit_changes(view: SegmentView, source: list[Quantity], target: list[Quantity],
                        lang: str) -> list[Finding]:
    """A price kept with its figure and currency while the unit it is for is another unit of one dimension, named
    without a figure on both sides (*Un metro quadrato ... costa tra 180 e 260 euro*: "A square foot ... costs
    between €180 and €260"): converting the unit would have changed the price. Only where the segment names one
    such unit on each side, and the target does not name the source's unit too (a conversion in brackets)."""
    # the kept price first: scanning for bare units is the costly part, and most segments name no price
    prices = [m for m in _measures(view.source, source, lang) if "money" in m.unit.dimensions]
    kept = [m for m in _measures(view.target, target, "en") if "money" in m.unit.dimensions] if prices else []
    if not any(a.unit.ids & b.unit.ids and any(x.values & y.values for x in a.figures for y in b.figures)
               for a in prices for b in kept):
        return []
    sources, targets = _bare_units(view.source, source, lang), _bare_units(view.target, target, "en")
    if len(sources) != 1 or len(targets) != 1:
        return []
    s, t = sources[0], targets[0]
    if not s.dimensions & t.dimensions & PRICED_DIMENSIONS or s.ids & t.ids:
        return []
    named = [u for q in target if (u := unit_of(view.target, q, "en")) is not None]
    if any(u.ids & s.ids for u in named):
        return []
    meant = " or ".join(sorted({english_names().get(u, u) for u in s.ids}))
    message = (f"the source prices {s.text}; the translation keeps the price but says {t.text} (another unit, "
               f"so the price would change)")
    return [Finding("number", "major", "number-unit", "accuracy/mistranslation", message,
                    f"{meant}, or convert the price", view.segment.id,
                    target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))]


def _changed(sources: list[_Measure], targets: list[_Measure]) -> list[tuple[_Measure, _Measure]]:
    """(source, target) measures with the same figures in units of one dimension, where no source measure has the
    target's figures in the target's unit."""
    pairs = []
    for t in targets:
        same = [s for s in sources if _same_figures(s, t)]
        if not same or any(s.unit.ids & t.unit.ids for s in same):
            continue
        changed = next((s for s in same if s.unit.dimensions & t.unit.dimensions), None)
        if changed is not None:
            pairs.append((changed, t))
    return pairs


def _finding(view: SegmentView, s: _Measure, t: _Measure, rate: bool = False) -> Finding:
    meant = " or ".join(sorted({english_names().get(u, u) for u in s.unit.ids}))
    source_span = view.source_span(min(s.figures[0].start, s.unit.start), max(s.figures[-1].end, s.unit.end))
    target_span = view.target_span(min(t.figures[0].start, t.unit.start), max(t.figures[-1].end, t.unit.end))
    figures = view.target[t.figures[0].start:t.figures[-1].end]
    if rate:
        message = f"the source says {source_span.text}; the translation keeps the figure but per {t.unit.text}"
        suggestion = f"{figures} per {meant}, or convert the figure"
    else:
        message = f"the source says {source_span.text}; the translation keeps the figure but says {t.unit.text}"
        suggestion = f"{figures} {meant}, or convert the figure"
    return Finding("number", "major", "number-unit", "accuracy/mistranslation", message, suggestion,
                   view.segment.id, target_span=target_span, source_span=source_span)
