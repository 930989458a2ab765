"""Source typography left in English: patterns from ``resources/punctuation.tsv``, plus unbalanced pairs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from tqcheck.checks.base import CheckContext
from tqcheck.model import Finding
from tqcheck.resources import read_table

_PAIRS = {"(": ")", "[": "]", "“": "”"}
_PAIR_MARK = re.compile("|".join(re.escape(c) for pair in _PAIRS.items() for c in pair))


@dataclass(frozen=True)
class PunctuationRule:
    id: str
    pattern: re.Pattern[str]
    message: str
    suggestion: str
    severity: str
    mqm: str
    per_segment: bool


@lru_cache(maxsize=1)
def punctuation_rules() -> tuple[PunctuationRule, ...]:
    return tuple(PunctuationRule(r["id"], re.compile(r["pattern"]), r["message"], r["suggestion"],
                                 r["severity"], r["mqm"], r.get("scope") == "segment")
                 for r in read_table("punctuation.tsv"))


_OPENING = "«‹„‚"


def _paired(text: str, matches) -> list[tuple[int, int]]:
    """Spans of the matches, an opening mark joined with the closing mark that follows it (one finding a quote)."""
    spans: list[tuple[int, int]] = []
    for m in matches:
        if spans and len(m.group()) == 1 and m.group() not in _OPENING and text[spans[-1][0]] in _OPENING \
                and spans[-1][1] == spans[-1][0] + 1:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append(m.span())
    return spans


class PunctuationCheck:
    name = "punctuation"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.segments:
            if not view.target:
                continue
            for rule in punctuation_rules():
                spans = _paired(view.target, rule.pattern.finditer(view.target))
                if rule.per_segment and spans:
                    spans = [(spans[0][0], spans[-1][1])]
                for start, end in spans:
                    yield self._finding(rule.id, rule.message, rule.suggestion, rule.severity, rule.mqm,
                                        view, start, end)
            yield from self._unbalanced(view)

    def _unbalanced(self, view) -> Iterable[Finding]:
        # Quotations may run over several sentences of one segment, so balance is judged on the whole segment,
        # and an opening quote left open at the end of a paragraph is English convention, not an error.
        stack: list[tuple[str, int]] = []
        for mark in _PAIR_MARK.finditer(view.target):      # the marks only: most segments have none
            pos, ch = mark.start(), mark.group()
            if ch in _PAIRS:
                stack.append((ch, pos))
            elif ch in _PAIRS.values():
                if stack and _PAIRS[stack[-1][0]] == ch:
                    stack.pop()
                elif ch != "”":   # a closing quote may close a quotation opened in an earlier segment
                    yield self._finding("punct-unbalanced", f"closing “{ch}” without an opening one",
                                        "add the opening mark or delete this one", "minor",
                                        "fluency/punctuation", view, pos, pos + 1)
        for ch, pos in stack:
            if ch != "“":
                yield self._finding("punct-unbalanced", f"“{ch}” is never closed", f"add the closing “{_PAIRS[ch]}”",
                                    "minor", "fluency/punctuation", view, pos, pos + 1)

    @staticmethod
    def _finding(rule, message, suggestion, severity, mqm, view, start, end) -> Finding:
        return Finding("punctuation", severity, rule, mqm, message, suggestion, view.segment.id,
                       target_span=view.target_span(start, end))
