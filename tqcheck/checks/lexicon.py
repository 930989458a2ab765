"""Pattern rules from data: false friends, calques and titles (``resources/rules/<src>-en/*.tsv``)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from tqcheck.checks.base import CheckContext
from tqcheck.errors import InputError
from tqcheck.model import SEVERITIES, Finding

COLUMNS = ("id", "category", "source", "target", "context", "suggestion", "severity", "mqm", "note",
           "example_source", "example_target")
CATEGORIES = ("idiom", "title")


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    source: re.Pattern[str]
    target: re.Pattern[str]
    context: re.Pattern[str] | None
    suggestion: str
    severity: str
    mqm: str
    note: str
    example_source: str
    example_target: str
    origin: str           # file the rule came from

    def fires(self, source: str, target: str, context: str) -> tuple[re.Match, re.Match] | None:
        """(source match, target match) when the rule applies to this aligned pair."""
        # Cheapest test first: context patterns scan the whole paragraph and most rules fail on the source.
        src = self.source.search(source)
        if src is None:
            return None
        tgt = self.target.search(target)
        if tgt is None or (self.context is not None and not self.context.search(context)):
            return None
        return src, tgt


@dataclass(frozen=True)
class RuleFile:
    path: str
    lang: str
    version: str
    rules: tuple[Rule, ...]


def read_rule_file(path: Path | str, lang: str, text: str | None = None) -> RuleFile:
    """Parse one TSV rule file; every error names the file and line."""
    text = Path(path).read_text(encoding="utf-8") if text is None else text
    meta, body = {}, []
    for line in text.splitlines():
        if line.startswith("#") and not body:
            key, _, value = line[1:].partition(":")
            meta[key.strip().lower()] = value.strip()
        elif line.strip():
            body.append(line)
    if not body or tuple(body[0].split("\t")) != COLUMNS:
        raise InputError(f"{path}: header must be: {' '.join(COLUMNS)}")
    rules = [_rule(row, path, n, lang) for n, row in enumerate(csv.reader(body[1:], delimiter="\t",
                                                                          quoting=csv.QUOTE_NONE), 2)]
    return RuleFile(str(path), lang, meta.get("version", "0"), tuple(rules))


def _rule(row: list[str], path, line: int, lang: str) -> Rule:
    if len(row) != len(COLUMNS):
        raise InputError(f"{path}: line {line}: expected {len(COLUMNS)} tab-separated columns, found {len(row)}")
    f = dict(zip(COLUMNS, (c.strip() for c in row)))
    if f["category"] not in CATEGORIES:
        raise InputError(f"{path}: line {line}: category must be one of {', '.join(CATEGORIES)}")
    if f["severity"] not in SEVERITIES:
        raise InputError(f"{path}: line {line}: severity must be one of {', '.join(SEVERITIES)}")
    try:
        source = re.compile(f["source"], re.I)
        target = re.compile(f["target"], re.I)
        context = re.compile(f["context"], re.I) if f["context"] else None
    except re.error as exc:
        raise InputError(f"{path}: line {line}: bad regular expression ({exc})") from None
    return Rule(f["id"], f["category"], source, target, context, f["suggestion"], f["severity"], f["mqm"],
                f["note"], f["example_source"], f["example_target"], str(path))


@lru_cache(maxsize=None)
def bundled_rule_files(lang: str) -> tuple[RuleFile, ...]:
    folder = resources.files("tqcheck.resources") / "rules" / f"{lang}-en"
    if not folder.is_dir():
        return ()
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name)
    return tuple(read_rule_file(f"rules/{lang}-en/{p.name}", lang, p.read_text(encoding="utf-8")) for p in files)


def bundled_languages() -> list[str]:
    folder = resources.files("tqcheck.resources") / "rules"
    return sorted(p.name.split("-")[0] for p in folder.iterdir() if p.is_dir() and p.name.endswith("-en"))


def load_rules(lang: str | None, extra: Iterable[Path] = ()) -> list[Rule]:
    """Bundled rules for ``lang`` (all languages when None) plus user files (which apply to every language)."""
    langs = [lang] if lang else bundled_languages()
    rules = [r for code in langs for f in bundled_rule_files(code) for r in f.rules]
    for path in extra:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such lexicon file")
        rules.extend(read_rule_file(path, lang or "*").rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise InputError(f"{rule.origin}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return rules


class LexiconCheck:
    """Fires each rule of the source language on every aligned segment."""

    name = "lexicon"

    def __init__(self, extra: Iterable[Path] = ()):
        self.extra = tuple(extra)
        self._rules: dict[str, list[Rule]] = {}
        self._filters: dict[str, tuple[re.Pattern[str] | None, list[Rule]]] = {}

    def rules(self, lang: str) -> list[Rule]:
        if lang not in self._rules:
            self._rules[lang] = load_rules(lang, self.extra)
        return self._rules[lang]

    def _prefilter(self, lang: str) -> tuple[re.Pattern[str] | None, list[Rule]]:
        """One regex of all source patterns (most segments match none), and the rules it cannot include."""
        if lang not in self._filters:
            rules = self.rules(lang)
            # A pattern with leading inline flags ("(?s)...") cannot sit inside an alternation.
            plain = [r for r in rules if not r.source.pattern.startswith("(?")]
            combined = re.compile("|".join(f"(?:{r.source.pattern})" for r in plain), re.I) if plain else None
            self._filters[lang] = (combined, [r for r in rules if r not in plain])
        return self._filters[lang]

    def signature(self, lang: str) -> dict:
        files = [f"{f.path}@v{f.version}" for f in bundled_rule_files(lang)] + [str(p) for p in self.extra]
        return {"files": files, "rules": len(self.rules(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        rules = self.rules(ctx.source_lang)
        combined, unfiltered = self._prefilter(ctx.source_lang)
        for view in ctx.aligned:
            candidates = rules if combined is None or combined.search(view.source) else unfiltered
            for rule in candidates:
                hit = rule.fires(view.source, view.target, view.source_context)
                if hit is None:
                    continue
                src, tgt = hit
                yield Finding(
                    category=rule.category,
                    severity=rule.severity,
                    rule=rule.id,
                    mqm=rule.mqm,
                    message=f"“{tgt.group()}” renders “{src.group()}”: {rule.note}",
                    suggestion=rule.suggestion,
                    segment=view.segment.id,
                    target_span=view.target_span(*tgt.span()),
                    source_span=view.source_span(*src.span()),
                )
