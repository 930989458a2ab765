"""Proper names: source-language transcriptions left in English, exonyms, one entity spelled two ways.

Tables are data: ``resources/names/<src>.tsv`` (transcriptions) and ``resources/names/exonyms.tsv``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from anyascii import anyascii

from tqcheck.checks.base import CheckContext
from tqcheck.model import Finding
from tqcheck.resources import read_table

_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*\w")


@dataclass(frozen=True)
class NameEntry:
    id: str
    pattern: re.Pattern[str]
    english: str
    note: str

    def replacement(self, match: re.Match) -> str:
        return match.expand(self.english) if self.english else anyascii(match.group())


@lru_cache(maxsize=None)
def name_table(stem: str) -> tuple[NameEntry, ...]:
    return tuple(NameEntry(r["id"], re.compile(rf"(?<!\w)(?:{r['pattern']})(?!\w)"), r["english"], r["note"])
                 for r in read_table(f"names/{stem}.tsv"))


def _any_of(entries: tuple[NameEntry, ...]) -> re.Pattern[str] | None:
    """One regex that matches wherever some entry does: most segments contain no listed name."""
    return _combined(tuple(e.pattern.pattern for e in entries)) if entries else None


@lru_cache(maxsize=None)
def _combined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(patterns))


class NameCheck:
    name = "name"

    def __init__(self, exonyms: str = "default"):
        self.exonyms = exonyms   # "default": settled changes only; "all": style-dependent ones too; "off"

    def _exonyms(self) -> tuple[NameEntry, ...]:
        if self.exonyms == "off":
            return ()
        entries = name_table("exonyms")
        if self.exonyms == "all":
            return entries
        return tuple(e for e in entries if not e.note.lower().startswith("style-dependent"))

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        transcriptions = name_table(ctx.source_lang)
        exonyms = self._exonyms()
        anything = _any_of(transcriptions + exonyms)
        for view in ctx.aligned:
            if anything is None or not anything.search(view.target):
                continue
            found: dict[tuple[int, int], Finding] = {}
            for entries, severity, what in ((transcriptions, "major", "source-language transcription kept"),
                                            (exonyms, "minor", "place name in an older or foreign form")):
                for entry in entries:   # the first entry that matches a span wins: specific entries come first
                    for match in entry.pattern.finditer(view.target):
                        found.setdefault(match.span(), self._finding(view, match, entry, severity, what))
            yield from (found[span] for span in sorted(found))
        yield from self._two_spellings(ctx)

    @staticmethod
    def _finding(view, match: re.Match, entry: NameEntry, severity: str, what: str) -> Finding:
        fix = entry.replacement(match)
        source_at = view.source.find(match.group())
        return Finding(
            "name", severity, entry.id, "locale/convention" if severity == "minor" else "terminology/inconsistent",
            f"“{match.group()}”: {what}. {entry.note}", f"write “{fix}”", view.segment.id,
            target_span=view.target_span(*match.span()),
            source_span=view.source_span(source_at, source_at + len(match.group())) if source_at >= 0 else None,
        )

    def _two_spellings(self, ctx: CheckContext) -> Iterable[Finding]:
        """The same name written with and without diacritics in one translation: flag the rarer spelling."""
        spellings: dict[str, list[tuple]] = defaultdict(list)
        for view in ctx.aligned:
            for match in _CAPITALISED.finditer(view.target):
                word = match.group()
                if len(word) >= 4:
                    spellings[anyascii(word).casefold()].append((word, view, match))
        for occurrences in spellings.values():
            forms = {word.casefold() for word, _, _ in occurrences}   # "NIGEL" and "Nigel" are one spelling
            if len(forms) < 2:
                continue
            counts = {f: sum(1 for w, _, _ in occurrences if w.casefold() == f) for f in forms}
            usual_key = max(sorted(forms), key=lambda f: (counts[f], f == anyascii(f)))
            usual = next(w for w, _, _ in occurrences if w.casefold() == usual_key)
            for word, view, match in occurrences:
                if word.casefold() != usual_key:
                    yield Finding("name", "minor", "name-two-spellings", "terminology/inconsistent",
                                  f"“{word}” is also written “{usual}” in this translation",
                                  f"use one spelling: “{usual}”", view.segment.id,
                                  target_span=view.target_span(*match.span()))
