"""Numbers that differ between source and target, and numbers left in the source's separator convention.

Both sides are read by ``tqcheck.numparse`` into quantities with every legitimate reading (``десятого февраля``
is February 10, ``сутки`` 24 hours, ``XVII в.`` the 17th century, ``00:12`` 12:12 a.m.). A target quantity
agrees with a source quantity when their readings meet; what is left over is reported: a changed value when a
source and a target quantity of one kind are both left, else a missing or an extra number.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from tqcheck import morph, numparse
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.number_units import converted, unit_changes, unit_of
from tqcheck.model import Finding
from tqcheck.numparse import Quantity
from tqcheck.resources import read_table

_SIGN_BEFORE = re.compile(r"(?:R\$|US\$|[$€£₴₽])[ \u00a0]?$")             # a currency sign right before a figure
FUNCTION_ZIPF = 6.0                                        # words this frequent (en, in, à, the) are function words
RESTATED_MIN = 10.0            # a figure restated from earlier in the document: below this, a count that recurs on its own
_DEGREE_SIGNS = ("°", "º")                                 # 26º: a degree sign read with the number
CONVERSION_SLACK = 3.0         # a temperature converted between scales is rounded, often to the nearest 5,
CONVERSION_SHARE = 0.1         # or given roughly (quasi 30 gradi, 86 °F: "80 degrees")
SCALE_STEP_FLOOR = 1e6         # scale words start at a million (a thousand-fold slip below is a separator's)
_ORDINAL_EN = re.compile(r"\d+(?:st|nd|rd|th)|[^\W\d_]+", re.I)   # 12th, twelfth: an ordinal, no plain figure
_DECADE = re.compile(r"[1-9]0['’]?s")                      # the 80s: a temperature band in US English
_ANY_DECADE = re.compile(r"(?:1\d|20)?\d0['’]?s")              # the 1850s, the 20s
_LIST_COMMA = re.compile(r"(\d+),(\d+)")                        # 3,5 where the source lists 3, 5
# A year written with its last two figures glued to a label or an apostrophe: SS19, FY2019 -> FY19, '19.
_SHORT_YEAR = re.compile(r"(?<![\w'’])(?:[A-Z]{1,4}|['’])(\d\d)(?!\w)")
_RANGE_LINK = numparse.RANGE_LINK                            # "to", "-", "a", "bis" between the two ends of a range
_SEPARATORS = {
    "decimal-comma": ("number-decimal-comma", "major", "decimal comma kept from the source convention (“{text}”): "
                      "English writes {english}"),
    "thousands-dot": ("number-thousands-dot", "major", "thousands point kept from the source convention (“{text}”): "
                      "in English it reads as {reading}; write {english}"),
    "thousands-dots": ("number-thousands-dot", "major", "thousands point kept from the source convention (“{text}”): "
                       "write {english}"),
    "thousands-space": ("number-thousands-space", "minor", "thousands space kept from the source convention "
                        "(“{text}”): English writes {english}"),
}


class NumberCheck:
    name = "number"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        named = _named_numbers(ctx.source.text)
        stated: frozenset = frozenset()
        for view in ctx.aligned:
            findings, both = _check(view, ctx.source_lang, named, stated)
            stated |= both
            yield from findings


def _named_numbers(text: str) -> frozenset[str]:
    """Figures that the source document writes as part of a name (TSV 1860, FC Schalke 04): the translation may
    name that club or product by them where the source calls it something else (Sechzig, die Löwen)."""
    return frozenset(m.group(1) for m in _NAMED_FIGURE.finditer(text))


def _year_of_said_date(q: Quantity, text: str, said: list[Quantity]) -> bool:
    """A year the English adds to a date the source gives without one (el 11 de septiembre: September 11, 2001)."""
    return len(q.text) == 4 and q.text.isdigit() and any(
        t.kind == "date" and re.fullmatch(r",?\s*", text[t.end:q.start]) for t in said)


def _restated(q: Quantity, stated: frozenset) -> bool:
    """A figure both sides stated earlier in the document, repeated on one side only where the other refers back
    to it (*Di questo 57%*: "Of those"; *своей ровеснице*: "also 31"); small counts excepted (they recur on their
    own: "Two died. Two more were hurt.")."""
    return any(v in stated and v >= RESTATED_MIN for v in q.values if isinstance(v, float))


def _weekday_for(q: Quantity, target: str) -> bool:
    """A source date the English names by its day of the week (le 28 septembre: on Friday)."""
    weekdays = numparse.language("en").weekdays
    return q.kind == "date" and weekdays is not None and bool(weekdays.search(target))


def _named(q: Quantity, named: frozenset[str]) -> bool:
    figure = _FIGURE.match(q.text)
    return figure is not None and figure.group() in named


def check_segment(view: SegmentView, lang: str, named: frozenset[str] = frozenset()) -> list[Finding]:
    """The number findings of one aligned segment (``named``: the figures of names in the source document)."""
    return _check(view, lang, named)[0]


def _check(view: SegmentView, lang: str, named: frozenset[str],
           stated: frozenset = frozenset()) -> tuple[list[Finding], frozenset]:
    """:func:`check_segment`, given the values earlier segments stated on both sides (``stated``): a figure
    repeated from them on one side only is neither missing nor extra (:func:`_restated`). Also returns the values
    this segment states on both sides."""
    source = _without_conversions(numparse.parse(view.source, lang), view.source, lang)
    parsed = numparse.parse(view.target, "en", lang)       # read by two steps, neither changes it (frozen items)
    target, findings = _conventions(view, parsed, source)
    findings += _ordinal_notations(view, lang)
    findings += _time_notations(view)
    findings += _swapped_dates(view, source)
    findings += _weekdays(view, lang)
    findings += _lost_signs(view, source, parsed, lang)
    target = _without_conversions(target, view.target, "en")
    target = [replace(q, weak=True, evidence=False) if _one_unit(q, view.target) else q for q in target]
    source, target = _game_clock(view, lang, source, target)
    findings += unit_changes(view, source, target, lang)
    ratios = _changed_ratios(view, source, target, lang)
    findings += [f for f, _ in ratios]
    if _converted(view, source, lang) or converted(view, source, target, lang):
        # A translation may convert units (km to miles, 27 °C to "the 80s", hp to kW): numbers next to units are
        # not comparable.
        source = _without_elided(_without_measures(source, view.source, lang), view.source, lang)
        target = [q for q in _without_measures(target, view.target, "en") if not _DECADE.fullmatch(q.text)]
    missing, extra = match(source, target, len(view.source), len(view.target))
    unpaired = {id(q) for q in missing}
    both = frozenset().union(*(q.values for q in source if id(q) not in unpaired))
    # Digits that stand inside a code on the other side ("Fórmula 1" / "F1", a phone number) are not numbers.
    missing = [q for q in missing if not (_written_in(q.text, view.target) and not _other_half(q, extra))
               and not _abbreviated_year(q, view.target) and not _code_kept(q, view.source, view.target)
               and not _decade_end(q, source, target) and not _inside_name(q, view.source, lang)
               and not _stutter(q, view.source)]
    extra = [q for q in extra if not (_written_in(q.text, view.source) and not _opens_range(q, extra, view.target))
             and not _inside_name(q, view.target)
             and not _glossed_term(q, view.target, view.source)
             and not _roman_ordinal(q, view.source)
             and not _repeated(q, view.target) and not _named(q, named)
             and not (_year_of_said_date(q, view.target, [t for t in target if t not in extra])
                      and not any(s.kind == "number" and 1000 <= (s.primary or 0) < 2100 for s in missing))]
    if extra and lang != "en":
        extra = [q for q in extra if not q.values & _english_words(view.source)]
    changed = _changed(missing, extra)
    for run in _range_runs(view, changed):
        s, t = run[0]
        if any(a <= t.start < b for _, (a, b) in ratios):       # the ratio's finding says it
            continue
        findings.append(_changed_finding(view, s, t) if len(run) == 1 else _changed_range_finding(view, run))
    paired = {id(q) for pair in changed for q in pair}
    # a month named alone, or a multiplier, is compared only with its own kind: a translation may drop the month or
    # say "last month", or say "rose by 200%" for triplicó
    missing = [q for q in missing if q.kind not in ("month", "times")]
    extra = [q for q in extra if q.kind not in ("month", "times")]
    missing = [q for q in missing if id(q) not in paired and q.evidence and not _weekday_for(q, view.target)
               and not _restated(q, stated)]
    extra = [q for q in extra if id(q) not in paired and q.evidence and not _restated(q, stated)]
    if missing:
        findings.append(_missing_finding(view, missing))
    if extra:
        findings.append(_extra_finding(view, extra))
    return findings, both


def match(source: list[Quantity], target: list[Quantity], source_len: int = 1,
          target_len: int = 1) -> tuple[list[Quantity], list[Quantity]]:
    """Pair source and target quantities that share a reading (first same-kind readings, then a time's hour or a
    date's day against a plain number), the nearest in relative position first; returns the unpaired of each side."""
    free_s, free_t = list(source), list(target)
    for loose in (False, True):
        for t in list(free_t):
            candidates = [s for s in free_s if _agree(s, t, loose)]
            if loose and t.kind != "number" and any(s.kind == t.kind for s in free_s):
                # a source time or date left over is the counterpart, not an article: "Una scossa ... alle 1.25"
                candidates = [s for s in candidates if not s.weak]
            if candidates:
                where = t.start / max(target_len, 1)
                best = min(candidates, key=lambda s: (s.kind != t.kind, abs(s.start / max(source_len, 1) - where)))
                free_s.remove(best)
                free_t.remove(t)
    return free_s, free_t


def _other_half(q: Quantity, extra: list[Quantity]) -> bool:
    """A source time the translation writes with its figure but in the other half of the day (1.25 / 1.25 p.m.)."""
    return q.kind == "time" and any(t.kind == "time" and t.text.startswith(q.text) for t in extra)


def _agree(s: Quantity, t: Quantity, loose: bool) -> bool:
    if not loose:
        return bool(s.values & t.values)
    return s.kind != t.kind and bool(s.loose & t.values or t.loose & s.values)


def _changed(missing: list[Quantity], extra: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Leftover source and target quantities of one kind, paired in text order: a value the translation changed."""
    pairs = []
    # first, a scale word one step off, which explains itself (3,2 млрд: "3.2 million" beside an unpaired полугодие)
    for t in [t for t in extra if t.kind == "number" and not t.weak]:
        s = next((s for s in missing if s.kind == "number" and not s.weak and _scale_step(s, t)
                  and all(s is not p[0] for p in pairs)), None)
        if s is not None:
            pairs.append((s, t))
    free_s = [s for s in missing if not s.weak and all(s is not p[0] for p in pairs)]
    # a clock word (noon, midnight) is weak alone but names its hour: against a source time it is a changed time
    free_t = [t for t in extra if (not t.weak or t.kind == "time") and all(t is not p[1] for p in pairs)]
    for same_kind in (True, False):              # a plain 21 against "10 p.m." only when nothing closer is left
        for t in sorted(free_t, key=lambda t: t.weak):     # a clock word takes only a time no figure took
            s = next((s for s in free_s if (s.kind == t.kind) == same_kind and (s.evidence or t.evidence)
                      and (same_kind or not t.weak and not {"month", "times"} & {s.kind, t.kind})), None)
            if s is not None:
                free_s.remove(s)
                free_t.remove(t)
                pairs.append((s, t))
    # a scale word one step off is a slip however the amount is said (el billón de euros: "one billion euros")
    free_s = [s for s in missing if s.kind == "number" and all(s is not p[0] for p in pairs)]
    for t in [t for t in extra if t.kind == "number" and all(t is not p[1] for p in pairs)]:
        # not two bare scale words (varios miles de millones: "several billion"): one amount at least is stated
        s = next((s for s in free_s if _scale_step(s, t) and not (s.weak and t.weak)), None)
        if s is not None:
            free_s.remove(s)
            pairs.append((s, t))
    return sorted(pairs, key=lambda pair: pair[1].start)


def _range_runs(view: SegmentView, changed: list[tuple[Quantity, Quantity]]) -> list[list]:
    """Changed pairs in runs: the two ends of a range changed by one slip (de 14.30 a 18.30: "from 2.30 to 6.30
    a.m.", the day part written once for both) are one run; every other pair is a run of its own. Both sides must
    link the ends as a range, and the hint must name a slip (the other half of the day, a scale word one step off).
    """
    runs: list[list] = []
    for s, t in changed:
        if runs:
            ps, pt = runs[-1][-1]
            hint = _hint(s, t)
            if hint and hint == _hint(ps, pt) and ps.end <= s.start and pt.end <= t.start \
                    and _RANGE_LINK.fullmatch(view.source, ps.end, s.start) \
                    and _RANGE_LINK.fullmatch(view.target, pt.end, t.start):
                runs[-1].append((s, t))
                continue
        runs.append([(s, t)])
    return runs


def _scale_step(s: Quantity, t: Quantity) -> bool:
    """Amounts of a million or more that differ by a factor of 1,000 exactly: billón read as billion, Milliarde as
    million or trillion."""
    return any(min(a, b) >= SCALE_STEP_FLOOR and abs(max(a, b) / min(a, b) - 1000) < 1e-6
               for a in s.values if isinstance(a, float) for b in t.values if isinstance(b, float))


def _conventions(view: SegmentView, target: list[Quantity], source: list[Quantity]):
    """Target numbers written in the source's separator convention: a finding each, read as the source meant."""
    meant = set()
    for s in source:
        meant |= {s.primary} if s.primary is not None else set(s.values)
    findings, out = [], []
    for q in target:
        if q.convention is None:
            out.append(q)
            continue
        digits = re.match(r"[\d.,'’ \u00a0\u202f\u2009]*\d", q.text).group()
        english_invalid = q.values == frozenset({q.foreign})
        if english_invalid and q.convention == "thousands-space" and (q.foreign not in meant or _phone(view, q)):
            out.extend(q.parts)
        elif q.convention == "decimal-comma" and q.foreign not in meant and _listed(q, digits, meant):
            out.extend(_list_parts(q, digits))
        elif english_invalid or (q.convention != "decimal-comma" and not q.values & meant and q.foreign in meant):
            # 6,387 km is 6,387 in English and 6.387 in Ukrainian: a comma before three figures stays unflagged
            origin = next((s for s in source if q.foreign in s.values or s.primary == q.foreign), None)
            findings.append(_separator_finding(view, q, digits, origin))
            out.append(_as_meant(q))
        else:
            out.append(q)
    return out, findings


def _listed(q: Quantity, digits: str, meant: set) -> bool:
    """A comma between two figures that the source lists as two numbers (two children (3, 5)): the translation
    lost the space after the comma, it kept no decimal comma."""
    m = _LIST_COMMA.fullmatch(digits)
    return bool(m) and {float(m.group(1)), float(m.group(2))} <= meant


def _list_parts(q: Quantity, digits: str) -> list[Quantity]:
    first, second = digits.split(",")
    at = q.start + len(first) + 1
    return [Quantity(q.start, q.start + len(first), first, "number", frozenset({float(first)}), first),
            Quantity(at, at + len(second), second, "number", frozenset({float(second)}), second)]


def _without_conversions(quantities: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """Drop amounts restated in brackets in another currency right after an amount ($200 billion (£150 billion),
    200 miliardi di dollari (175 miliardi di euro)): a conversion for the reader, which a translation may add, drop
    or redo in its readers' currency at another rate."""
    return [q for k, q in enumerate(quantities) if not (k and _conversion(quantities[k - 1], q, text, lang))]


def _conversion(before: Quantity, q: Quantity, text: str, lang: str) -> bool:
    between = text[before.end:q.start]
    # the first amount's scale and currency words, the bracket, a word or two (about, около), a currency sign
    word = r"[^\s\d()]+"                       # a scale or currency word or sign: Milliarden, US-Dollar, de, €
    m = re.fullmatch(rf"(\s*(?:{word}(?:\s+{word}){{0,3}})?)\s*\(\s*(?:[^\W\d]+\s+){{0,2}}[{numparse.CURRENCY}]?\s*",
                     between)
    close = re.match(rf"\s*(?:{word}(?:\s+{word}){{0,3}})?\s*\)", text[q.end:])
    if not m or not close:
        return False
    return _money(text, before, m.group(1), lang) and _money(text, q, close.group()[:-1], lang)


def _money(text: str, q: Quantity, after: str, lang: str) -> bool:
    """An amount: a currency sign before it or a currency name or sign in the words after it."""
    words = numparse.language(lang).currency_words
    return text[max(0, q.start - 2):q.start].strip()[-1:] in numparse.CURRENCY or q.text[:1] in numparse.CURRENCY \
        or any(sign in after for sign in numparse.CURRENCY) or bool(words and words.search(after))


def _game_clock(view: SegmentView, lang: str, source: list[Quantity], target: list[Quantity]):
    """A match minute (in der 28. Minute, на чотирнадцятій хвилині) written as the game clock (27:37, 13:10): the
    Nth minute is the clock's (N-1):ss. Both are set aside."""
    minute_word = numparse.language(lang).minute_word
    if minute_word is None:
        return source, target
    clocks = []
    for s in source:
        n = next((v for v in s.values if isinstance(v, float) and v.is_integer() and 1 <= v <= 120), None)
        if n is None or not minute_word.match(view.source, s.end):
            continue
        clock = re.search(rf"(?<![\d:]){int(n) - 1}:[0-5]\d(?![\d:])", view.target)
        if clock:
            clocks.append((s, clock.span()))
    if not clocks:
        return source, target
    gone = {id(s) for s, _ in clocks}
    spans = [span for _, span in clocks]
    return ([s for s in source if id(s) not in gone],
            [t for t in target if not any(a <= t.start < b for a, b in spans)])


def _decade_end(q: Quantity, source: list[Quantity], target: list[Quantity]) -> bool:
    """The end of a source range that spans one decade (tra il 1850 e il 1860, от 20-ти до 30-ти лет) which the
    translation writes as that decade (the 1850s, in his 20s): the range's start and end are both said."""
    if q.primary is None or q.primary % 10:
        return False
    start = q.primary - 10
    return any(start in s.values for s in source if s is not q) and any(
        start in t.values and _ANY_DECADE.fullmatch(t.text) for t in target)


def _one_unit(q: Quantity, text: str) -> bool:
    """A figure 1 before a singular period (1 year): it explains an article or a bare noun, never reported alone."""
    period = numparse.language("en").one_period
    return q.text == "1" and bool(period and period.match(text, q.end))


_GLOSS_OPEN = re.compile(r"([^\W\d_]{3,})\s*\(\s*(?:about|around|roughly|approximately|some|c\.|ca\.|~)?\s*$", re.I)


def _opens_range(q: Quantity, extra: list[Quantity], target: str) -> bool:
    """A time that opens a range whose end is left over too (from 2 to 6 a.m. for de 14 h à 18 h): the figure is the
    range's start, however the source happens to write that figure elsewhere (jusqu'au 2 novembre)."""
    return q.kind == "time" and any(t.kind == "time" and t.start >= q.end
                                    and _RANGE_LINK.fullmatch(target, q.end, t.start) for t in extra)


def _glossed_term(q: Quantity, target: str, source: str) -> bool:
    """A measure the translation adds in brackets right after a word it keeps from the source (per arroba (15
    kilos), two versts (about 2 km)): a gloss of that term, not a number the source lacks."""
    m = _GLOSS_OPEN.search(target, max(0, q.start - 60), q.start)
    if m is None or unit_of(target, q, "en") is None:
        return False
    return re.search(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", source, re.I) is not None


def _inside_name(q: Quantity, text: str, lang: str = "en") -> bool:
    """Figures glued to a word that is no unit (247sports, 7Eleven; a typed 0 for в in "0ведены"): part of a name
    or a word."""
    return bool(re.match(r"[^\W\d_]{4,}", text[q.end:])) and not _unit_re(lang).match(text, q.end)


def _english_words(text: str) -> frozenset:
    """Values of English number words kept in the source (a name or title quoted in English: the town of Seventeen
    Seventy is 1770), with a year said in two pairs of figures."""
    found = [q for q in numparse.parse(text, "en") if not re.search(r"\d", q.text) and not q.weak]
    values = {v for q in found for v in q.values}
    for a, b in zip(found, found[1:]):
        if re.fullmatch(r"[\s-]*", text[a.end:b.start]):
            values |= {x * 100 + y for x in a.values for y in b.values if 10 <= x <= 99 and 10 <= y <= 99}
    return frozenset(values)


def _roman_ordinal(q: Quantity, source: str) -> bool:
    """An English ordinal (12th, twelfth) for a Roman numeral of the source (el XII Concurso, XII выставка)."""
    return _ORDINAL_EN.fullmatch(q.text) is not None and bool(q.values & numparse.roman_values(source))


def _stutter(q: Quantity, text: str) -> bool:
    """The same figure written twice in a row ("2,6 2,6 rimbalzi"): a typing slip that states one number."""
    figure = re.escape(q.text)
    return bool(re.search(rf"(?<![\d.,]){figure}\s+$", text[:q.start]) or
                re.match(rf"\s+{figure}(?![\d.,]\d|\d)", text[q.end:]))


def _repeated(q: Quantity, text: str) -> bool:
    """The second figure of a draw (2-2, 1:1) repeats the first: one source number (empate a dos) covers both."""
    return bool(re.search(rf"(?<![\d.,]){re.escape(q.text)}\s?[-–:]\s?$", text[:q.start]))


def _written_in(figure: str, text: str) -> bool:
    """``figure`` stands in ``text`` as written, not inside a longer run of digits (35000 is not in 350000) nor as the
    decimals of a fraction (1 is not in 0,1; 3,5 may be a list of 3 and 5)."""
    return re.search(rf"(?<!\d)(?<!\b0[.,]){re.escape(_spaced(figure))}(?!\d)", _spaced(text)) is not None


def _spaced(text: str) -> str:
    """Every kind of space as a plain one: 116\u00a0123 in the source is 116 123 in the target."""
    return re.sub(r"[\u00a0\u202f\u2009]", " ", text)


def _phone(view: SegmentView, q: Quantity) -> bool:
    """A space-grouped figure announced as a phone number (call ... on 116 123): grouped digits, no thousands."""
    cue = numparse.language("en").phone_before
    return bool(cue and cue.search(view.target[max(0, q.start - 60):q.start]))


def _code_kept(q: Quantity, source: str, target: str) -> bool:
    """A figure glued to a name (COVID-19, 1. Weltkrieg -> WW1) whose name the translation keeps, with the figure
    written into it or dropped (COVID): a name's spelling, not a number."""
    digits = re.sub(r"\D", "", q.text)
    if not digits:
        return False
    if re.search(rf"(?<![\d.,])[A-Za-z]{{1,4}}-?{digits}(?!\d)", target):
        return True                                        # WW1, F1, G7
    label = re.search(r"([^\W\d_]{3,})-$", source[:q.start])
    return bool(label and label.group(1).isupper() and re.search(rf"\b{re.escape(label.group(1))}\b", target))


def _abbreviated_year(q: Quantity, target: str) -> bool:
    """A source year the translation writes in two figures after a label (collection 2019 -> SS19)."""
    if q.primary is None or not 1900 <= q.primary < 2100 or not q.text.isdigit():
        return False
    return any(m.group(1) == q.text[-2:] for m in _SHORT_YEAR.finditer(target))


def _as_meant(q: Quantity) -> Quantity:
    return replace(q, values=frozenset({q.foreign}), convention=None)


def _ordinal_notations(view: SegmentView, lang: str) -> list[Finding]:
    """Ordinals left in the source's notation (la 56.ª edición: "the 56.ª edition")."""
    left = numparse.language(lang).ordinal_left
    if left is None:
        return []
    return [Finding("number", "minor", "number-ordinal-notation", "locale/convention",
                    f"ordinal written in the source's notation (“{m.group()}”): English writes "
                    f"{numparse.ordinal_en(int(m.group(1)))}", numparse.ordinal_en(int(m.group(1))), view.segment.id,
                    target_span=view.target_span(m.start(), m.end()))
            for m in left.finditer(view.target)]


# A time in the French or Portuguese notation (18 h 30, 18h30), which English never writes
_H_TIME = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3])\s?h\s?([0-5]\d)(?!\d)")
# A day and month in figures in the English (9/12, 9/12/2025)
_EN_NUMERIC_DATE = re.compile(r"(?<![\w./])(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\w/]|[.,]\d)")


def _ratios(text: str, quantities: list[Quantity], lang: str) -> list[tuple[Quantity, Quantity]]:
    """Parts of a whole: two numbers joined by the language's ratio words (двое из трёх, one in three)."""
    link = numparse.language(lang).ratio_link
    if link is None:
        return []
    return [(a, b) for a, b in zip(quantities, quantities[1:]) if a.kind == b.kind == "number"
            and link.fullmatch(text, a.end, b.start)]


def _changed_ratios(view: SegmentView, source: list[Quantity], target: list[Quantity],
                    lang: str) -> list[tuple[Finding, tuple[int, int]]]:
    """A part of the same whole changed (примерно двое из трёх: "roughly one in three"): reported even where the
    part is a weak word (one) or a word the source uses loosely (двое); with the ratio's span in the target."""
    said = _ratios(view.source, source, lang)
    findings = []
    for a, b in _ratios(view.target, target, "en"):
        same_whole = [(c, d) for c, d in said if d.values & b.values]
        if same_whole and not any(c.values & a.values for c, _ in same_whole):
            c, d = same_whole[0]
            findings.append((Finding(
                "number", "major", "number-mismatch", "accuracy/mistranslation",
                f"source has {c.english} of {d.english} ({view.source[c.start:d.end]}), translation has "
                f"{view.target[a.start:b.end]}", f"{c.english} in {d.english}", view.segment.id,
                target_span=view.target_span(a.start, b.end), source_span=view.source_span(c.start, d.end)),
                (a.start, b.end)))
    return findings


def _time_notations(view: SegmentView) -> list[Finding]:
    """A time left in the source's notation (à 18 h 30: "at 18 h 30"); English writes 18:30 or 6.30 p.m."""
    return [Finding("number", "minor", "number-time-notation", "locale/convention",
                    f"time written in the source's notation (“{m.group()}”): English writes "
                    f"{int(m.group(1))}:{m.group(2)}", f"{int(m.group(1))}:{m.group(2)}", view.segment.id,
                    target_span=view.target_span(m.start(), m.end()))
            for m in _H_TIME.finditer(view.target)]


def _swapped_dates(view: SegmentView, source: list[Quantity]) -> list[Finding]:
    """A source date the English writes in figures month first (fino al 12/9: "until 9/12"): British readers, and
    the source's, read the 9th of December; the month written in words cannot be misread."""
    dates = {(m, d) for q in source if q.kind == "date" and len(q.values) == 1 for _, m, d in q.values}
    findings = []
    for m in _EN_NUMERIC_DATE.finditer(view.target):
        first, second = int(m.group(1)), int(m.group(2))
        if first != second and second <= 12 and (first, second) in dates and (second, first) not in dates:
            day, month = second, first
            meant = f"{day} {numparse.month_name(month)}"
            findings.append(Finding(
                "number", "minor", "number-date-order", "locale/convention",
                f"“{m.group()}” puts the month first: read day first, as the source writes it, it is "
                f"{first} {numparse.month_name(second)}, not {meant}", meant, view.segment.id,
                target_span=view.target_span(m.start(), m.end())))
    return findings


WEEKDAYS = "numbers/weekdays.tsv"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=None)
def _weekday_re(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """The weekday forms of ``lang`` (``numbers/weekdays.tsv``; ru, uk: every case of the nominative), matched as
    written (in lower case where the language writes weekdays so), and form -> day."""
    days: dict[str, int] = {}
    for row in read_table(WEEKDAYS):
        if row["lang"] != lang:
            continue
        for form in row["forms"].split("|"):
            days[form] = int(row["day"])
            if lang in morph.MORPHOLOGY:
                for p in morph.parses(form, lang):
                    if p.tag.POS == "NOUN" and p.normal_form == form:
                        days.update({x.word: int(row["day"]) for x in p.lexeme})
    if not days:
        return None
    body = "|".join(re.escape(f) for f in sorted(days, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])"), days


def _weekdays(view: SegmentView, lang: str) -> list[Finding]:
    """The one weekday of the source segment written as another weekday in the English (Dienstag: "on Thursday").
    Only where each side names exactly one day (a week's schedule lists several, which a translation may group)."""
    source, target = _weekday_re(lang), _weekday_re("en")
    if source is None or target is None:
        return []
    s_found = list(source[0].finditer(view.source))
    t_found = list(target[0].finditer(view.target)) if s_found else []
    s_days = {source[1][m.group()] for m in s_found}
    t_days = {target[1][m.group()] for m in t_found}
    if len(s_days) != 1 or len(t_days) != 1 or s_days == t_days:
        return []
    s, t = s_found[0], t_found[0]
    meant = _WEEKDAY_NAMES[next(iter(s_days)) - 1]
    message = f"source has {meant} ({s.group()}), translation has {t.group()}"
    return [Finding("number", "major", "number-mismatch", "accuracy/mistranslation", message, meant,
                    view.segment.id, target_span=view.target_span(*t.span()),
                    source_span=view.source_span(*s.span()))]


def _signed(text: str, q: Quantity, lang: str) -> bool:
    """A sign (минус, minus, -) right before the figure."""
    minus = numparse.language(lang).minus
    return minus is not None and minus.search(text, max(0, q.start - 12), q.start) is not None


def _lost_signs(view: SegmentView, source: list[Quantity], target: list[Quantity], lang: str) -> list[Finding]:
    """A temperature below zero (минус 18 градусов) whose figure the translation keeps without the sign or words
    that say below zero ("18 degrees"): a frost made a thaw."""
    english = numparse.language("en")
    if numparse.language(lang).minus is None or english.below_zero is None \
            or english.below_zero.search(view.target):
        return []
    out = []
    for s in source:
        unit = unit_of(view.source, s, lang) if s.kind == "number" and _signed(view.source, s, lang) else None
        if unit is None or "temperature" not in unit.dimensions:
            continue
        same = [t for t in target if t.kind == "number" and t.values & s.values]
        if same and not any(_signed(view.target, t, "en") for t in same):
            t = same[0]
            message = f"source has minus {s.english} (below zero), translation has {t.text}: the sign is lost"
            out.append(Finding("number", "major", "number-sign", "accuracy/mistranslation", message,
                               f"minus {t.text}", view.segment.id, target_span=view.target_span(t.start, t.end),
                               source_span=view.source_span(s.start, s.end)))
    return out


def _separator_finding(view: SegmentView, q: Quantity, digits: str, origin: Quantity | None = None) -> Finding:
    """``origin``: the source number the target one copies the convention of (its source evidence)."""
    style = "thousands-dots" if q.convention == "thousands-dot" and digits.count(".") > 1 else q.convention
    rule, severity, template = _SEPARATORS[style]
    start, end = q.start, q.end
    sign = _SIGN_BEFORE.search(view.target, 0, q.start)
    if sign:
        start = sign.start()            # the currency sign before it: "€1.500"
    reading = "" if style != "thousands-dot" else numparse.english_number(float(digits))
    message = template.format(text=digits, english=q.english, reading=reading)
    suggestion = view.target[start:q.start] + q.english + view.target[q.end:end]
    return Finding("number", severity, rule, "locale/convention", message, suggestion, view.segment.id,
                   target_span=view.target_span(start, end),
                   source_span=view.source_span(origin.start, origin.end) if origin is not None else None)


def _changed_finding(view: SegmentView, s: Quantity, t: Quantity) -> Finding:
    message = f"source has {s.english} ({s.text}), translation has {t.text}{_hint(s, t)}"
    return Finding("number", "major", "number-mismatch", "accuracy/mistranslation", message, s.english,
                   view.segment.id, target_span=view.target_span(t.start, t.end),
                   source_span=view.source_span(s.start, s.end))


def _changed_range_finding(view: SegmentView, run: list[tuple[Quantity, Quantity]]) -> Finding:
    """One finding for a range whose ends were changed by one slip (:func:`_range_runs`)."""
    (s0, t0), (s1, t1) = run[0], run[-1]
    said, written = view.source[s0.start:s1.end], view.target[t0.start:t1.end]
    wanted = " to ".join(s.english for s, _ in run)
    message = f"source has {wanted} ({said}), translation has {written}{_hint(s1, t1)}"
    return Finding("number", "major", "number-mismatch", "accuracy/mistranslation", message, wanted,
                   view.segment.id, target_span=view.target_span(t0.start, t1.end),
                   source_span=view.source_span(s0.start, s1.end))


def _hint(s: Quantity, t: Quantity) -> str:
    """Why the values differ, where a common slip explains it."""
    if s.kind == "date" and {("date", d, m) for _, m, d in s.values} & t.values:
        return ": day and month swapped"
    if s.kind == "time" and {("time", (h + 12) % 24, m) for _, h, m in s.values} & t.values:
        return ": the other half of the day"
    if s.kind == "number" and (s.scaled or t.scaled):
        for a in s.values:
            for b in t.values:
                if a and b and round(max(a, b) / min(a, b)) == 1000 and max(a, b) / min(a, b) < 1000.5:
                    return ": a scale word one step off"
    return ""


def _missing_finding(view: SegmentView, missing: list[Quantity]) -> Finding:
    first = missing[0]
    listed = ", ".join(f"{q.english} ({q.text})" for q in missing)
    message = f"the source has {listed}, not in the translation"
    return Finding("number", "minor", "number-missing", "accuracy/omission", message, f"translate {first.english}",
                   view.segment.id, source_span=view.source_span(first.start, first.end))


def _extra_finding(view: SegmentView, extra: list[Quantity]) -> Finding:
    first = extra[0]
    listed = ", ".join(f"“{q.text}”" for q in extra)
    message = f"the translation has {listed}, not in the source"
    return Finding("number", "minor", "number-extra", "accuracy/addition", message,
                   f"check “{first.text}” against the source", view.segment.id,
                   target_span=view.target_span(first.start, first.end))


@lru_cache(maxsize=None)
def _imperial_re() -> re.Pattern[str]:
    return _words_re(numparse.imperial("en"))


@lru_cache(maxsize=None)
def _unit_re(lang: str) -> re.Pattern[str]:
    return _words_re(numparse.units(lang), anchored=True)


def _words_re(words: tuple[str, ...], anchored: bool = False) -> re.Pattern[str]:
    # anchored: right after a number, or after a range's second number (5 y 8 centímetros, entre os 27 e os 30
    # graus, 6-foot-6);
    # a word ending in * stands for all its inflections (метр* : метрах, 300-килограммовое)
    body = "|".join(re.escape(w[:-1]) + r"[^\W\d_]*" if w.endswith("*") else re.escape(w)
                    for w in sorted(words, key=len, reverse=True)) or "(?!)"
    lead = r"(?:\s*(?:[-–]|\w{1,3}(?:\s+\w{1,3})?)\s*\d+(?:[.,]\d+)?)?[\s-]?" if anchored else r"(?<!\w)"
    return re.compile(lead + rf"(?:{body})(?!\w)", re.I)


def _imperial(text: str) -> bool:
    return bool(_imperial_re().search(text))


@lru_cache(maxsize=None)
def _either_re() -> re.Pattern[str]:
    """A figure and a unit of both systems after it (80 degrees, 80-degree)."""
    words = numparse.either_units("en")
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)?)[\s-]?(?:{body})(?!\w)", re.I)


def _converted_either(target: str, source: list[Quantity], degrees: list[float]) -> bool:
    """A measure in a unit of both systems (degrees) whose figure the source does not have: converted, unless the
    source gives temperatures (``degrees``) and the figure converts none of them (*мінус п'яти градусів* as "minus
    15 degrees": 5 °C is 41 °F, -5 °C 23 °F)."""
    values = {v for q in source for v in q.values}
    figures = [float(m.group(1).replace(",", "")) for m in _either_re().finditer(target)]
    return any(f not in values and (not degrees or any(_converts(d, f) for d in degrees)) for f in figures)


def _converts(source: float, target: float) -> bool:
    """``target`` is ``source`` (of either sign: minus is a word apart) in the other temperature scale, or a
    difference of temperatures converted (12 ºC apart: "a 20-degree difference"), roughly (quasi 30 gradi: "a
    sunny 80 degrees")."""
    return any(abs(target - converted) <= max(CONVERSION_SLACK, CONVERSION_SHARE * abs(converted))
               for s in (source, -source)
               for converted in (s * 9 / 5 + 32, (s - 32) * 5 / 9, s * 9 / 5, s * 5 / 9))


def _temperatures(view: SegmentView, source: list[Quantity], lang: str) -> list[float]:
    """The source's figures followed by a temperature unit (25 градусов, 120 °C)."""
    return [v for q in source if (unit := unit_of(view.source, q, lang)) is not None
            and "temperature" in unit.dimensions for v in q.values if isinstance(v, float)]


def _converted(view: SegmentView, source: list[Quantity], lang: str) -> bool:
    """Whether the translation may have converted the source's measures: it names an imperial unit or a
    measure in degrees that the source does not have, or it writes a temperature band (the 80s) where the source
    has a measure."""
    if _imperial(view.target) or _converted_either(view.target, source, _temperatures(view, source, lang)):
        return True
    unit = _unit_re(lang)
    return bool(re.search(r"(?<!\d)" + _DECADE.pattern + r"(?!\w)", view.target)) and any(
        unit.match(view.source, q.end) for q in source)


def _without_elided(quantities: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """Drop numbers whose unit is left unsaid after a measure (entre 2 y 5 centímetros, con posibilidad de llegar a
    los 10 en lugares aislados): no word follows them but a function word or punctuation, and a number with a unit
    comes before. After a conversion they have no counterpart either."""
    unit = _unit_re(lang)
    first = next((m.start() for m in re.finditer(r"\d", text) if unit.match(text, _number_end(text, m.start()))),
                 None)
    if first is None:
        return quantities
    return [q for q in quantities if q.start <= first or not q.text.isdigit() or not _bare(text, q.end, lang)]


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# A figure after an abbreviation of two capitals or more (TSV 1860, VfB, FC): a club's or a product's name.
_NAMED_FIGURE = re.compile(r"(?<!\w)[A-Z][A-Za-z]*[A-Z](?:\s+[A-Z][\w.-]*)*\s+(\d+)(?![\d.,]\d)")


def _number_end(text: str, start: int) -> int:
    return _FIGURE.match(text, start).end()


def _bare(text: str, end: int, lang: str) -> bool:
    """Nothing after a number but punctuation, the end, or a function word (en, in, à)."""
    word = re.match(r"\s*([^\W\d_]+)", text[end:])
    return word is None or morph.zipf(word.group(1).lower(), lang) >= FUNCTION_ZIPF


def _without_measures(quantities: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """Drop numbers followed by a unit (or preceded by one: 6-foot-6; or a unit of ``numbers/units.tsv`` other than
    a currency: 160 л.с.): after a conversion they have no counterpart."""
    unit = _unit_re(lang)
    return [q for q in quantities if not unit.match(text, q.end) and not re.search(r"[^\W\d_]{2}-$", text[:q.start])
            and not q.text.endswith(_DEGREE_SIGNS)
            and ((measured := unit_of(text, q, lang)) is None or "money" in measured.dimensions)]
