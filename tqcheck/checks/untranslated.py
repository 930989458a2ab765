"""Source-language text left in the translation."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from tqcheck.checks.base import CheckContext
from tqcheck.lang import detect, name
from tqcheck.model import Finding

# Lower-case words only: bylines and name lists are capitalised and fool language identification.
_WORD = re.compile(r"\b[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][^\W\d_]+")


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    text = (resources.files("tqcheck.resources") / "english-function-words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def _plainly_english(text: str) -> bool:
    """Three or more English function words: no need to ask lingua (saves most of this check's time)."""
    words = _english_function_words()
    return sum(1 for w in re.findall(r"[a-z]+", text.lower()) if w in words) >= 3


class UntranslatedCheck:
    name = "untranslated"

    def __init__(self, min_words: int = 5):
        self.min_words = min_words   # language identification is unreliable on shorter text

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.aligned:
            if len(_WORD.findall(view.target)) < self.min_words:
                continue
            copied = view.target.strip() == view.source.strip()
            if copied or (not _plainly_english(view.target) and detect(view.target) == ctx.source_lang):
                yield Finding(
                    "untranslated", "critical", "untranslated-sentence", "accuracy/untranslated",
                    f"this sentence is in {name(ctx.source_lang)}, not English", "translate it", view.segment.id,
                    target_span=view.target_span(0, len(view.target)),
                    source_span=view.source_span(0, len(view.source)),
                )
