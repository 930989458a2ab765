"""Numbers that differ between source and target, and numbers left in the source locale's format.

Numbers are compared as multisets of digit groups ("1.500" and "1,500" are both [1, 5]; "15/02/2022" and
"2022-02-15" both [15, 2, 2022]), so locale formats and date orders never count as a difference, and number
words from ``resources/numbers.toml`` count as their value.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable

from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.model import Finding

_GROUP = re.compile(r"(?<![\d])([.,]?)(\d+)")
_NUMBER = re.compile(r"\d+(?:[.,:/\-]\d+)*")
# The flagged span takes the word after the number (its unit or scale: "3,5 million") when there is one.
_UNIT = r"(?: [^\W\d_]+)?"
_DECIMAL_COMMA = re.compile(rf"(?<![\d.,])(\d+,\d{{1,2}}|\d+,\d{{4,}})(?![\d,]){_UNIT}")
_THOUSANDS_DOT = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:\.\d{{3}})+)(?![\d.,]*\d){_UNIT}")


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads((resources.files("tqcheck.resources") / "numbers.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _words(lang: str) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    words = {k.casefold(): v for k, v in _data().get(lang, {}).get("words", {}).items()}
    if not words:
        return None, {}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.I), words


def number_atoms(text: str, lang: str) -> Counter:
    """Digit groups of every number, plus number words, as a multiset of canonical strings."""
    atoms: Counter = Counter()
    for match in _GROUP.finditer(text):
        sep, digits = match.groups()
        digits = digits.lstrip("0") or "0"
        if sep:                          # a group after a separator: trailing zeros carry no information
            digits = digits.rstrip("0")
        if digits:
            atoms[digits] += 1
    pattern, words = _words(lang)
    if pattern is not None:
        for match in pattern.finditer(text):
            atoms[str(words[match.group().casefold()])] += 1
    return atoms


class NumberCheck:
    name = "number"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.aligned:
            yield from self._mismatch(view, ctx.source_lang)
            yield from self._locale(view, ctx.source_lang)

    def _mismatch(self, view: SegmentView, lang: str) -> Iterable[Finding]:
        src, tgt = number_atoms(view.source, lang), number_atoms(view.target, "en")
        # A number word in one text may be a plain word in the other ("one of the", "una vez"): only digits
        # count as evidence of a missing or extra number.
        missing = {a for a in src - tgt if a in _digit_atoms(view.source)}
        extra = {a for a in tgt - src if a in _digit_atoms(view.target)}
        if not missing and not extra:
            return
        src_span = _first_number(view.source, missing)
        tgt_span = _first_number(view.target, extra)
        if missing and extra:
            message, severity = "a number differs between source and translation", "major"
            suggestion = f"check “{tgt_span[2]}” against the source “{src_span[2]}”"
        elif missing:
            message, severity = "a number in the source is missing from the translation", "major"
            suggestion = f"translate “{src_span[2]}”"
        else:
            message, severity = "the translation has a number that is not in the source", "minor"
            suggestion = f"check “{tgt_span[2]}” against the source"
        yield Finding(
            "number", severity, "number-mismatch", "accuracy/mistranslation", message, suggestion, view.segment.id,
            target_span=view.target_span(tgt_span[0], tgt_span[1]) if tgt_span else None,
            source_span=view.source_span(src_span[0], src_span[1]) if src_span else None,
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


def _digit_atoms(text: str) -> set[str]:
    return set(number_atoms(text, "none"))


def _first_number(text: str, atoms: set[str]) -> tuple[int, int, str] | None:
    for match in _NUMBER.finditer(text):
        if set(number_atoms(match.group(), "none")) & atoms:
            return match.start(), match.end(), match.group()
    return None
