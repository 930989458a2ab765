"""Numbers that differ between source and target, and numbers left in the source locale's format.

Each number becomes a set of values it may stand for (``1.500`` is 1500 or 1.5; ``60`` in "años 60" may be
the 1960s; ``3,5 millones`` is also 3500000; "siglo XIX" is 19), and source and target numbers are paired
when their sets meet. Locale formats and date orders therefore never count as differences. Number words,
scale words, century words and imperial units are data (``resources/numbers.toml``).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.model import Finding

_NUMBER = re.compile(r"(?<![\w.,:])\d+(?:(?:[.,]|:(?=\d{2}(?!\d))|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")
_CLOCK = re.compile(r"^(\d{1,2})[.,:](\d{2})$")
_ROMAN = re.compile(r"\b([IVXLC]{1,7})(?:e|er|ème|-?[йгм]\w{0,2})?\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# The flagged span takes the word after the number (its unit or scale: "3,5 million") when there is one.
_UNIT = r"(?: [^\W\d_]+)?"
_DECIMAL_COMMA = re.compile(rf"(?<![\d.,])(\d+,\d{{1,2}}|\d+,\d{{4,}})(?![\d,]){_UNIT}")
_THOUSANDS_DOT = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:\.\d{{3}})+)(?![\d.,]*\d){_UNIT}")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    values: frozenset[float]
    digits: bool            # written with digits (number words are weaker evidence)


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads((resources.files("tqcheck.resources") / "numbers.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _lang(lang: str) -> tuple[re.Pattern[str] | None, dict[str, float], re.Pattern[str] | None, dict[str, float],
                              re.Pattern[str] | None]:
    data = _data().get(lang, {})
    words = {k.casefold(): float(v) for k, v in data.get("words", {}).items()}
    scales = {k.casefold(): float(v) for k, v in data.get("scales", {}).items()}
    return (_alternation(words), words, _alternation(scales, prefix=r"\s+"), scales,
            _alternation({c.casefold(): 0 for c in data.get("century", [])}))


def _alternation(table: dict, prefix: str = "") -> re.Pattern[str] | None:
    if not table:
        return None
    body = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"{prefix}\b(?:{body})(?!\w)", re.I)


def _values(token: str) -> set[float]:
    """Every value a written number may stand for, whatever the locale."""
    values = set()
    compact = re.sub(r"[ \u00a0\u202f]", "", token)
    clock = _CLOCK.match(compact)
    if clock:                                  # 10.30 Uhr / 10:30 / 22:30
        hours, minutes = int(clock.group(1)), int(clock.group(2))
        twelve = hours - 12 if hours > 12 else hours
        values |= {float(hours * 100 + minutes), float(twelve * 100 + minutes)}
        if minutes == 0:                       # 15:00 / 3 p.m.
            values |= {float(hours), float(twelve)}
    compact = compact.replace(":", "")
    for decimal, group in ((",", "."), (".", ",")):
        candidate = compact.replace(group, "").replace(decimal, ".")
        if candidate.count(".") <= 1:
            values.add(float(candidate))
    for value in list(values):
        if value.is_integer() and 1900 <= value <= 2099:
            values.add(value % 100)            # "años 60" / "the 1960s", "'22" / "2022"
        if value.is_integer() and 13 <= value <= 23:
            values.add(value - 12)             # 24-hour clock against a.m./p.m.
    return values


def extract_numbers(text: str, lang: str) -> list[Number]:
    """Numbers in digits, number words and Roman-numeral centuries, each with its possible values."""
    word_re, words, scale_re, scales, century_re = _lang(lang)
    numbers = []
    for m in _NUMBER.finditer(text):
        numbers.append(Number(m.start(), m.end(), m.group(), frozenset(_scaled(_values(m.group()), text, m.end(),
                                                                                scale_re, scales)), True))
    if word_re is not None:
        for m in word_re.finditer(text):
            base = {words[m.group().casefold()]}
            numbers.append(Number(m.start(), m.end(), m.group(),
                                  frozenset(_scaled(base, text, m.end(), scale_re, scales)), False))
    if century_re is not None and century_re.search(text):
        for roman in _ROMAN.finditer(text):   # "siglo XIX", "XIVe siècle", "XX век"
            if roman.group() in ("I", "V", "X", "L", "C"):   # a lone letter is a pronoun or an initial
                continue
            numbers.append(Number(roman.start(), roman.end(), roman.group(),
                                  frozenset({float(_roman(roman.group(1)))}), True))
    return sorted(numbers, key=lambda n: n.start)


def _scaled(values: set[float], text: str, end: int, scale_re, scales) -> set[float]:
    if scale_re is None:
        return values
    m = scale_re.match(text, end)
    if m is None:
        return values
    factor = scales[m.group().strip().casefold()]
    return values | {v * factor for v in values}


def _roman(numeral: str) -> int:
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES[a]
        total += -value if b != " " and _ROMAN_VALUES[b] > value else value
    return total


def pair_numbers(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """Greedy pairing of source and target numbers with a common value; returns the unpaired of each side."""
    free = list(target)
    unpaired = []
    for number in sorted(source, key=lambda n: (not n.digits, n.start)):
        partner = next((t for t in free if t.values & number.values), None)
        if partner is None:
            unpaired.append(number)
        else:
            free.remove(partner)
    return unpaired, free


class NumberCheck:
    name = "number"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.aligned:
            yield from self._mismatch(view, ctx.source_lang)
            yield from self._locale(view, ctx.source_lang)

    def _mismatch(self, view: SegmentView, lang: str) -> Iterable[Finding]:
        source, target = extract_numbers(view.source, lang), extract_numbers(view.target, "en")
        if _imperial(view.target):
            # A translation may convert units (km to miles): numbers next to units are not comparable.
            source = _without_measures(source, view.source, lang)
            target = _without_measures(target, view.target, "en")
        missing, extra = pair_numbers(source, target)
        # A number word may be a plain word ("one of the", "una vez"): only digits count as evidence, and
        # digits that stand inside a code on the other side ("Fórmula 1" / "F1") are not missing.
        missing = [n for n in missing if n.digits and n.text not in view.target]
        extra = [n for n in extra if n.digits and n.text not in view.source]
        if not missing and not extra:
            return
        src = missing[0] if missing else None
        tgt = extra[0] if extra else None
        if src and tgt:
            message, severity = "a number differs between source and translation", "major"
            suggestion = f"check “{tgt.text}” against the source “{src.text}”"
        elif src:
            message, severity = "a number in the source is missing from the translation", "minor"
            suggestion = f"translate “{src.text}”"
        else:
            message, severity = "the translation has a number that is not in the source", "minor"
            suggestion = f"check “{tgt.text}” against the source"
        yield Finding(
            "number", severity, "number-mismatch", "accuracy/mistranslation", message, suggestion, view.segment.id,
            target_span=view.target_span(tgt.start, tgt.end) if tgt else None,
            source_span=view.source_span(src.start, src.end) if src else None,
        )

    def _locale(self, view: SegmentView, lang: str) -> Iterable[Finding]:
        if lang not in _data()["separators"]["comma_decimal"]:
            return
        for match in _DECIMAL_COMMA.finditer(view.target):
            yield Finding("number", "major", "number-decimal-comma", "locale/convention",
                          f"“{match.group(1)}” uses a decimal comma; English uses a decimal point",
                          f"write {match.group(1).replace(',', '.')}", view.segment.id,
                          target_span=view.target_span(*match.span()))
        for match in _THOUSANDS_DOT.finditer(view.target):
            if match.group(1) in view.source:
                yield Finding("number", "major", "number-thousands-dot", "locale/convention",
                              f"“{match.group(1)}” keeps the source's thousands separator; English uses a comma",
                              f"write {match.group(1).replace('.', ',')}", view.segment.id,
                              target_span=view.target_span(*match.span()))


@lru_cache(maxsize=1)
def _imperial_re() -> re.Pattern[str]:
    return _words_re(_data()["en"]["units_imperial"])


@lru_cache(maxsize=None)
def _unit_re(lang: str) -> re.Pattern[str]:
    return _words_re(_data().get(lang, {}).get("units", []), anchored=True)


def _words_re(words: list[str], anchored: bool = False) -> re.Pattern[str]:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile((r"\s?" if anchored else r"(?<!\w)") + rf"(?:{body})(?!\w)", re.I)


def _imperial(text: str) -> bool:
    return bool(_imperial_re().search(text))


def _without_measures(numbers: list[Number], text: str, lang: str) -> list[Number]:
    """Drop numbers followed by a unit: after a unit conversion they have no counterpart."""
    unit = _unit_re(lang)
    return [n for n in numbers if not unit.match(text, n.end)]
