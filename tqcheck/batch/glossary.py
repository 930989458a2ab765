"""Glossary / termbase: source term -> required English term(s), and forbidden English terms.

File formats (``--glossary FILE`` or ``glossary = "FILE"`` in the config):

* TSV (``.tsv``, ``.txt``) or CSV (``.csv``), UTF-8. Columns ``source``, ``target``, ``forbidden``, ``lang``,
  ``note``; a header row naming them is optional (without one the order is source, target, forbidden, note).
  Alternatives in a cell are separated by ``|`` or ``;``. Lines starting with ``#`` are comments.
  ``lang`` restricts an entry to one source language. A row with an empty source lists forbidden terms that
  are flagged wherever they appear.
* TBX (``.tbx``): each ``termEntry``/``conceptEntry``; terms of the English ``langSet`` are the allowed targets,
  those whose ``termNote`` (administrativeStatus, normativeAuthorization) says deprecated or superseded are
  forbidden; terms of any other ``langSet`` are source terms for that language. Parsed with the same safe XML
  settings as XLIFF.

Matching is case-insensitive and tolerant of inflection: each word of a term matches a text word that starts
with the term word minus its last one or two letters (the "stem") and is at most four letters longer than
that stem, so ``canciller`` matches ``cancilleres``, ``канцлер`` matches ``канцлера``, ``chancellor`` matches
``chancellors`` and ``chancellor's``. Words of three letters or fewer must match exactly.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.io.text import read_text

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPLIT = re.compile(r"\s*[|;]\s*")
_COLUMNS = ("source", "target", "forbidden", "note")


@dataclass(frozen=True)
class Term:
    text: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> "Term":
        return cls(text, tuple(w.casefold() for w in _WORD.findall(text)))


@dataclass(frozen=True)
class Entry:
    source: Term | None
    targets: tuple[Term, ...]
    forbidden: tuple[Term, ...]
    lang: str | None = None
    note: str = ""


def load_glossary(path: str | Path) -> list[Entry]:
    path = Path(path)
    if path.suffix.lower() == ".tbx":
        return _load_tbx(path)
    text, _ = read_text(path)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    rows = list(csv.reader(lines, delimiter=delimiter))
    if not rows:
        raise InputError(f"{path}: glossary has no entries")
    header = [c.strip().casefold() for c in rows[0]]
    if header and header[0] in ("source", "source term", "src", "term"):
        columns = {name: header.index(name) for name in ("source", "target", "forbidden", "lang", "note")
                   if name in header}
        if "source term" in header:
            columns["source"] = header.index("source term")
        rows = rows[1:]
    else:
        columns = {name: k for k, name in enumerate(_COLUMNS)}
    entries = []
    for number, row in enumerate(rows, 2 if header else 1):
        cell = lambda name: row[columns[name]].strip() if name in columns and columns[name] < len(row) else ""
        source, targets, forbidden = cell("source"), _alternatives(cell("target")), _alternatives(cell("forbidden"))
        if not source and not forbidden:
            continue
        if source and not targets and not forbidden:
            raise InputError(f"{path}: entry “{source}” has neither a target term nor a forbidden term")
        entries.append(Entry(Term.of(source) if source else None, tuple(Term.of(t) for t in targets),
                             tuple(Term.of(t) for t in forbidden), (cell("lang") or None), cell("note")))
    if not entries:
        raise InputError(f"{path}: glossary has no entries")
    return entries


def _alternatives(cell: str) -> list[str]:
    return [t for t in _SPLIT.split(cell) if t] if cell else []


def _load_tbx(path: Path) -> list[Entry]:
    from tqcheck.io.xliff import free, localname, safe_iterparse

    entries = []
    for event, element in safe_iterparse(path, events=("end",)):
        if localname(element) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[tuple[str, bool]]] = {}
        for lang_set in element.iter():
            if localname(lang_set) != "langSet":
                continue
            lang = (lang_set.get("{http://www.w3.org/XML/1998/namespace}lang") or "").split("-")[0].lower()
            for holder in lang_set.iter():
                if localname(holder) not in ("tig", "ntig", "termSec"):
                    continue
                term = next((t for t in holder.iter() if localname(t) == "term"), None)
                if term is None or not (term.text or "").strip():
                    continue
                status = " ".join((n.text or "") for n in holder.iter() if localname(n) == "termNote")
                bad = any(s in status for s in ("deprecated", "superseded"))
                by_lang.setdefault(lang, []).append((term.text.strip(), bad))
        english = by_lang.pop("en", [])
        allowed = tuple(Term.of(t) for t, bad in english if not bad)
        forbidden = tuple(Term.of(t) for t, bad in english if bad)
        for lang, terms in sorted(by_lang.items()):
            for text, bad in terms:
                if not bad and (allowed or forbidden):
                    entries.append(Entry(Term.of(text), allowed, forbidden, lang or None))
        free(element)
    if not entries:
        raise InputError(f"{path}: no source → English term pairs in this TBX file")
    return entries


# ---- matching --------------------------------------------------------------------------------------------
def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def word_matches(token: str, word: str) -> bool:
    if token == word:
        return True
    if len(word) <= 3:
        return False
    stem = word[:-1] if len(word) <= 5 else word[:-2]
    return token.startswith(stem) and len(token) - len(stem) <= 4


def find_term(term: Term, toks: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """Character span of the first inflected occurrence of ``term`` among ``toks``, or None."""
    n = len(term.words)
    if n == 0:
        return None
    for i in range(len(toks) - n + 1):
        if all(word_matches(toks[i + j][0], term.words[j]) for j in range(n)):
            return toks[i][1], toks[i + n - 1][2]
    return None
