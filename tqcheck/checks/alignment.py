"""Findings from alignment and scoring: whole sentences omitted or added, low-qe segments."""
from __future__ import annotations

import re
from typing import Iterable

from tqcheck.checks.base import CheckContext
from tqcheck.model import Finding

_WORD = re.compile(r"\w+")


class AlignmentCheck:
    name = "alignment"

    def __init__(self, qe_major: float = 0.02, qe_minor: float = 0.1, min_words: int = 4):
        self.qe_major = qe_major
        self.qe_minor = qe_minor
        self.min_words = min_words   # shorter unaligned lines are datelines, bylines, captions

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.segments:
            seg = view.segment
            if not view.target:
                yield self._unaligned("omission", view.source, view.source_span(0, len(view.source)), None, seg.id)
            elif not view.source:
                yield self._unaligned("addition", view.target, None, view.target_span(0, len(view.target)), seg.id)
            elif seg.qe is not None and seg.qe < self.qe_minor:
                major = seg.qe < self.qe_major
                yield Finding(
                    category="qe",
                    severity="major" if major else "minor",
                    rule="qe-low",
                    mqm="accuracy/mistranslation",
                    message=f"low quality estimate (qe {seg.qe:.2f}): the translation may not render the source",
                    suggestion="check this sentence against the source",
                    segment=seg.id,
                    target_span=view.target_span(0, len(view.target)),
                    source_span=view.source_span(0, len(view.source)),
                )

    def _unaligned(self, category, text, source_span, target_span, segment_id) -> Finding:
        short = len(_WORD.findall(text)) < self.min_words
        if category == "omission":
            message, suggestion, mqm = (
                "source sentence has no translation", "translate the omitted sentence", "accuracy/omission")
        else:
            message, suggestion, mqm = (
                "target sentence has no counterpart in the source", "remove it or check the source", "accuracy/addition")
        return Finding(
            category=category,
            severity="minor" if short else "major",
            rule=f"{category}-sentence",
            mqm=mqm,
            message=message,
            suggestion=suggestion,
            segment=segment_id,
            target_span=target_span,
            source_span=source_span,
        )
