"""Offices rendered from the source wording, or given the English title of another office.

Data: ``resources/offices/<src>.toml``, one table of offices per source language. An office has its source
wordings as lemma sequences (``source``), optional sense conditions on the source paragraph (``context``: one
of these lemmas must occur; ``unless``: none may), the English titles the English-language press uses
(``english``, regexes), the literal renderings that betray the source (``literal``) and the titles of other
offices it is confused with (``other``, flagged only when no English title of the office is in the segment).
Where a bundled list rule (``rules/<src>-en/titles.tsv``) already flags the span, this check stays quiet.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from tqcheck import morph
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.words import data_signature, lexicon_flags, overlaps, words
from tqcheck.model import Finding


@dataclass(frozen=True)
class Office:
    id: str
    office: str
    source: tuple[tuple[str, ...], ...]
    context: frozenset[str]
    unless: frozenset[str]
    english: re.Pattern[str] | None
    literal: re.Pattern[str] | None
    other: re.Pattern[str] | None
    suggestion: str
    note: str
    compound: bool           # German: the last source word may end a compound (Bundesaußenminister)


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns), re.I) if patterns else None


@lru_cache(maxsize=None)
def offices(lang: str) -> tuple[Office, ...]:
    path = resources.files("tqcheck.resources") / "offices" / f"{lang}.toml"
    if not path.is_file():
        return ()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Office(o["id"], o["office"], tuple(tuple(s.lower().split()) for s in o["source"]),
               frozenset(c.lower() for c in o.get("context", [])), frozenset(c.lower() for c in o.get("unless", [])),
               _alternation(o.get("english", [])), _alternation(o.get("literal", [])),
               _alternation(o.get("other", [])), o["suggestion"], o["note"], o.get("compound", False))
        for o in data["office"])


def _endings(lemmas: frozenset[str]) -> str:
    """The lemmas one a line, so that "does any lemma end in x" is one substring test (lemmas hold no newline)."""
    return "\n" + "\n".join(lemmas) + "\n"


def _source_match(office: Office, lemmas: list[frozenset[str]], present: frozenset[str] | None = None,
                  endings: str | None = None) -> tuple[int, int] | None:
    """(first word, last word + 1) of the first source wording of the office in the segment; ``present`` (every
    lemma of the segment, and ``endings``, ``_endings(present)``) skips the wordings with a word the segment lacks."""
    if present is not None and endings is None:
        endings = _endings(present)
    for wording in office.source:
        if present is not None and not (present.issuperset(wording[:-1]) and (
                wording[-1] in present or (office.compound and wording[-1] + "\n" in endings))):
            continue
        n = len(wording)
        for i in range(len(lemmas) - n + 1):
            head_ok = all(wording[k] in lemmas[i + k] for k in range(n - 1))
            last = lemmas[i + n - 1]
            if head_ok and (wording[-1] in last or (office.compound and any(w.endswith(wording[-1]) for w in last))):
                return i, i + n
    return None


class TitleCheck:
    name = "title"

    def __init__(self, defer_to_lexicon: bool = True):
        self.defer_to_lexicon = defer_to_lexicon

    def signature(self, lang: str) -> dict:
        return {"files": list(data_signature(f"offices/{lang}.toml")), "offices": len(offices(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        table = offices(ctx.source_lang)
        if not table:
            return
        for view in ctx.aligned:
            found = list(self._segment(view, ctx.source_lang, table))
            if found and self.defer_to_lexicon:
                listed = lexicon_flags(view, ctx.source_lang, "title")
                found = [f for f in found if not overlaps((f.target_span.start - view.target_start,
                                                           f.target_span.end - view.target_start), listed)]
            yield from found

    def _segment(self, view: SegmentView, lang: str, table: tuple[Office, ...]) -> Iterable[Finding]:
        source = words(view.source)
        lemmas = [morph.lemmas(w.text.replace("’", "'"), lang) for w in source]
        present = frozenset().union(*lemmas)
        endings = _endings(present)
        context: frozenset[str] | None = None
        for office in table:
            at = _source_match(office, lemmas, present, endings)
            if at is None:
                continue
            if office.context or office.unless:
                if context is None:
                    context = frozenset().union(*(morph.lemmas(w.text, lang) for w in words(view.source_context)))
                if (office.context and not office.context & context) or office.unless & context:
                    continue
            src = (source[at[0]].start, source[at[1] - 1].end)
            yield from self._target(view, office, src)

    @staticmethod
    def _target(view: SegmentView, office: Office, src: tuple[int, int]) -> Iterable[Finding]:
        wording = view.source[src[0]:src[1]]
        hits = [(m, "literal") for m in office.literal.finditer(view.target)] if office.literal else []
        if office.other and not (office.english and office.english.search(view.target)):
            hits += [(m, "other") for m in office.other.finditer(view.target)]
        for match, kind in hits:
            if kind == "literal":
                message = f"“{match.group()}” renders “{wording}” word for word; English calls the {office.office} " \
                          f"“{office.suggestion}”. {office.note}"
                severity, mqm = "minor", "style/unidiomatic"
            else:
                message = f"“{match.group()}” is another office: “{wording}” here is the {office.office}. {office.note}"
                severity, mqm = "major", "accuracy/mistranslation"
            yield Finding("title", severity, office.id, mqm, message, office.suggestion, view.segment.id,
                          target_span=view.target_span(*match.span()), source_span=view.source_span(*src))
