"""Baselines: accept known findings once, see only new ones next time (as linters do).

A finding's fingerprint is ``sha256(document id, normalised segment text, rule, n)`` cut to 16 hex digits, where
the segment text is the segment's source (its target for an added segment), NFKC, case-folded, with runs of
white space made one space, and ``n`` counts earlier findings of the same document, text and rule (so a second
identical finding in one segment is new). Offsets, messages, qe scores and segment numbers are left out: a
fingerprint survives edits elsewhere in the document and rescoring.

``--baseline FILE``: when FILE does not exist it is written with every finding of this run (all of them then
count as baselined); when it exists, findings whose fingerprint it lists are baselined: left out of findings.csv,
report.html, docs/*.json and the exit code, and counted per document as ``baselined``. ``--update-baseline``
rewrites FILE from this run.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from tqcheck.errors import InputError

SCHEMA = "tqcheck/baseline-v1"
_SPACE = re.compile(r"\s+")


def normalise_segment(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def fingerprints(document: str, findings: list[dict], texts: Mapping[int, tuple]) -> list[str]:
    """One fingerprint per finding, in order; ``texts``: segment id -> (source, target, ...)."""
    seen: dict[tuple, int] = {}
    out = []
    for f in findings:
        source, target = texts.get(f.get("segment"), ("", ""))[:2]
        text = source if source.strip() else target
        key = (document, normalise_segment(text), f["rule"])
        n = seen.get(key, 0)
        seen[key] = n + 1
        payload = json.dumps([*key, n], ensure_ascii=False)
        out.append(hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16])
    return out


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable tqcheck baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"{path}: not a tqcheck baseline (schema {SCHEMA!r} expected)")
    return set(data.get("fingerprints", {}))


def write_baseline(path: Path, entries: dict[str, dict]) -> None:
    """``entries``: fingerprint -> {document, rule, segment} (kept for people reading the file)."""
    data = {"schema": SCHEMA, "fingerprints": dict(sorted(entries.items()))}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
