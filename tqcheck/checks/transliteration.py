"""Cyrillic names (ru, uk sources) romanised in a non-English way: German/French/Polish spellings, or a
Ukrainian name romanised as if it were Russian. Tables: ``resources/names/translit-<lang>.tsv``."""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterable

from anyascii import anyascii

from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.model import Finding
from tqcheck.resources import read_table

_CYRILLIC_NAME = re.compile(r"(?<!^)(?<![.!?«\"“] )\b[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’]{2,}")
_LATIN_NAME = re.compile(r"\b[A-Z][a-z'’]{2,}\b")
# Spellings English never uses for a Cyrillic sound, with the English spelling they stand for.
_FOREIGN = (("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("dj", "dzh"), ("j", "y"), ("w", "v"), ("ou", "u"))


@lru_cache(maxsize=None)
def _table(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    initial, other = {}, {}
    for row in read_table(f"names/translit-{lang}.tsv"):
        if row["position"] in ("initial", "any"):
            initial[row["cyrillic"]] = row["latin"]
        if row["position"] in ("other", "any"):
            other[row["cyrillic"]] = row["latin"]
    return initial, other


def romanise(word: str, lang: str) -> str:
    """Romanise one word with the language's table (multi-letter rules first)."""
    initial, other = _table(lang)
    out, i, lower = [], 0, word.lower()
    while i < len(lower):
        table = initial if i == 0 else other
        for size in (2, 1):
            chunk = lower[i:i + size]
            if len(chunk) == size and chunk in table:
                out.append(table[chunk])
                i += size
                break
        else:
            out.append(lower[i] if lower[i].isascii() else "")
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


class TransliterationCheck:
    name = "transliteration"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if ctx.source_lang not in ("ru", "uk"):
            return
        for view in ctx.aligned:
            yield from self._segment(view, ctx.source_lang)

    def _segment(self, view: SegmentView, lang: str) -> Iterable[Finding]:
        names = {m.group(): romanise(m.group(), lang) for m in _CYRILLIC_NAME.finditer(view.source)}
        for match in _LATIN_NAME.finditer(view.target):
            word = match.group()
            best = max(names.items(), key=lambda kv: _similar(word, kv[1]), default=None)
            if best is None or _similar(word, best[1]) < 0.6 or word.lower() == best[1].lower():
                continue
            reason = self._reason(word, best[1], lang)
            if reason:
                at = view.source.find(best[0])
                yield Finding(
                    "name", "major", f"name-translit-{lang}", "terminology/inconsistent",
                    f"“{word}” romanises {best[0]} {reason}", f"write “{best[1]}” (or the established English form)",
                    view.segment.id, target_span=view.target_span(match.start(), _name_end(view.target, match.end())),
                    source_span=view.source_span(at, at + len(best[0])))

    @staticmethod
    def _reason(word: str, english: str, lang: str) -> str | None:
        low, eng = word.lower(), english.lower()
        for foreign, native in _FOREIGN:
            if foreign in low and foreign not in eng and native in eng:
                return f"with “{foreign}”, a German/French/Polish spelling; English uses “{native}”"
        if lang == "uk" and "y" in eng and low == eng.replace("y", "i"):
            return "the Russian way; the Ukrainian name is romanised with “y” for и"
        return None


_NEXT_NAME = re.compile(r" [A-Z][\w'’-]+")


def _name_end(text: str, end: int) -> int:
    """Extend a span over the capitalised words that follow it: the whole name, not only its first word."""
    while (m := _NEXT_NAME.match(text, end)) is not None:
        end = m.end()
    return end


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, anyascii(a).lower(), b.lower()).ratio()
