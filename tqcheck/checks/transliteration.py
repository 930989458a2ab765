"""Cyrillic names (ru, uk sources) spelled the German or French way, or a Ukrainian name read as Russian.

Tables: ``resources/names/translit-<lang>.tsv`` (English press romanisation) and ``translit-cyrl-de/fr.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from anyascii import anyascii

from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.model import Finding
from tqcheck.resources import read_table

_CYRILLIC_NAME = re.compile(r"(?<!^)(?<![.!?«\"“] )\b[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’]{2,}")
_LATIN_NAME = re.compile(r"\b[A-Z][a-z'’]{2,}\b")


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
            out.append(anyascii(lower[i]))
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


# Spellings of a Cyrillic name that English never uses: the source-side press conventions of other
# languages (tables ``translit-cyrl-de``, ``translit-cyrl-fr``) and, for Ukrainian names, a Russian reading.
_FOREIGN_SYSTEMS = {
    "ru": (("cyrl-de", "the German spelling"), ("cyrl-fr", "the French spelling")),
    "uk": (("cyrl-de", "the German spelling"), ("cyrl-fr", "the French spelling"),
           ("ru", "a Russian reading of the Ukrainian name")),
}


class TransliterationCheck:
    name = "transliteration"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        systems = _FOREIGN_SYSTEMS.get(ctx.source_lang)
        if not systems:
            return
        for view in ctx.aligned:
            yield from self._segment(view, ctx.source_lang, systems)

    def _segment(self, view: SegmentView, lang: str, systems) -> Iterable[Finding]:
        names = {m.group() for m in _CYRILLIC_NAME.finditer(view.source) if _slavic(m.group())}
        for match in _LATIN_NAME.finditer(view.target):
            word = anyascii(match.group()).casefold()
            for cyrillic in names:
                english = romanise(cyrillic, lang).casefold()
                if _same_word(word, english):
                    continue
                system = next((label for stem, label in systems
                               if _same_word(word, romanise(cyrillic, stem).casefold())), None)
                if system:
                    at = view.source.find(cyrillic)
                    yield Finding(
                        "name", "major", f"name-translit-{lang}", "terminology/inconsistent",
                        f"“{match.group()}” spells {cyrillic} in {system}; English romanises it “{english.title()}”",
                        f"write “{english.title()}” (or the established English form)", view.segment.id,
                        target_span=view.target_span(match.start(), _name_end(view.target, match.end())),
                        source_span=view.source_span(at, at + len(cyrillic)))
                    break


@lru_cache(maxsize=1)
def _slavic_endings() -> re.Pattern[str]:
    text = (resources.files("tqcheck.resources") / "names" / "slavic.txt").read_text(encoding="utf-8")
    endings = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    # Oblique cases add up to two letters (Щербакова, Щербаковым, Лаврову).
    return re.compile(rf"(?:{'|'.join(sorted(endings, key=len, reverse=True))})[а-яіїє]{{0,2}}$")


def _slavic(word: str) -> bool:
    return bool(_slavic_endings().search(word.lower()))


def _same_word(target: str, romanised: str) -> bool:
    """Equal, allowing the source word a case ending of up to two letters (Юрия -> Jurija ~ Jurij)."""
    return romanised.startswith(target) and len(romanised) - len(target) <= 2 and len(target) >= 3


_NEXT_NAME = re.compile(r" [A-Z][\w'’-]+")


def _name_end(text: str, end: int) -> int:
    """Extend a span over the capitalised words that follow it: the whole name, not only its first word."""
    while (m := _NEXT_NAME.match(text, end)) is not None:
        end = m.end()
    return end
