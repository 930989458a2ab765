"""Consistency across the whole delivery (category ``consistency``, severity minor, MQM fluency/inconsistency).

* ``consistency-source``: the same source segment (compared case-, space- and final-punctuation-insensitively,
  at least three letters) translated differently; every occurrence that differs from the most frequent
  translation is flagged.
* ``consistency-target``: one translation (at least two words) used for different source segments; occurrences
  whose source differs from the most frequent one are flagged. Both compare segments of one source language.
* ``consistency-name``: one name spelled two ways: two spellings of a name carried over from the source
  (capitalised target words that resemble a capitalised source word, see
  :func:`tqcheck.batch.checks.name_candidates`) that are variants (same transliterated skeleton, or one letter
  apart inside the word) and render the same source word, or stand in otherwise identical name runs; the rarer
  spelling is flagged with where the usual one is used.

Works on the result records of all documents, sorted by id, so the findings are deterministic.
"""
from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from typing import Any, Iterable, Iterator

from anyascii import anyascii

from tqcheck.batch import records
from tqcheck.io.xliff import PLACEHOLDER

_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W_]+")
_END_PUNCT = ".,;:!?…。"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", PLACEHOLDER.sub(" ", text)).casefold()
    return _SPACE.sub(" ", text).strip().rstrip(_END_PUNCT).strip()


def _finding(rule: str, message: str, suggestion: str, segment: int, target_span) -> dict[str, Any]:
    return {"category": "consistency", "severity": "minor", "segment": segment, "rule": rule,
            "mqm": "fluency/inconsistency", "message": message, "suggestion": suggestion,
            "target_span": target_span, "source_span": None}


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def consistency_findings(results: Iterable[dict]) -> dict[str, list[dict]]:
    """``{document id: [finding dicts]}`` for the ``ok`` results given (sorted by id), read once.

    Every segment and name candidate of the delivery is compared with every other, so they go to a temporary
    SQLite database on disk rather than into memory: a translation memory of a million segments costs disk, and
    only the groups that disagree are read back."""
    out: dict[str, list[dict]] = defaultdict(list)
    with contextlib.closing(sqlite3.connect("")) as db:        # "": a private temporary database on disk
        db.execute("CREATE TABLE seg (n INTEGER PRIMARY KEY, doc, seg, source, target, span, "
                   "skey, tkey, snorm, tnorm)")
        db.execute("CREATE TABLE name (n INTEGER PRIMARY KEY, form, doc, seg, start, stop)")
        by_source: dict[str, set[str]] = defaultdict(set)      # distinct words and runs: bounded by the vocabulary
        runs: set[str] = set()
        for result in results:
            lang = result["report"]["source"]["lang"]
            for chunk in records.chunks(result):
                db.executemany("INSERT INTO seg VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               _segment_rows(result["id"], chunk, lang))
                db.executemany("INSERT INTO name VALUES (NULL, ?, ?, ?, ?, ?)",
                               _name_rows(result["id"], chunk, by_source, runs))
        _same_source(db, out)
        _same_target(db, out)
        _names(db, by_source, runs, out)
    return out


def _segment_rows(doc: str, chunk: dict, lang: str) -> Iterator[tuple]:
    for seg, pos, _ in records.chunk_segments(chunk):
        if not (seg["source"].strip() and seg["target"].strip()):
            continue
        span = json.dumps({"start": pos[2], "end": pos[3], "text": seg["target"]}, ensure_ascii=False) if pos \
            else None
        snorm, tnorm = normalise(seg["source"]), normalise(seg["target"])
        skey = f"{lang}\t{snorm}" if sum(map(len, _WORDS.findall(snorm))) >= 3 else None
        tkey = f"{lang}\t{tnorm}" if len(_WORDS.findall(tnorm)) >= 2 else None
        yield (doc, seg["id"], seg["source"], seg["target"], span, skey, tkey, snorm, tnorm)


def _name_rows(doc: str, chunk: dict, by_source: dict[str, set[str]], runs: set[str]) -> Iterator[tuple]:
    """Rows of the name table; the source words and name runs seen are collected on the way."""
    for form, seg, start, stop, source_word, run in chunk["names"]:
        by_source[source_word].add(form)
        runs.add(run)
        yield form, doc, seg, start, stop


def _usual(counter: Counter, first_seen: dict) -> str:
    return max(counter, key=lambda k: (counter[k], -first_seen[k]))


def _same_source(db, out) -> None:
    """One source segment translated two ways: flag the less usual translations."""
    def message(example, count):
        return (f"the same source is translated differently elsewhere in the delivery: "
                f"“{_short(example['target'])}” ({count}×, e.g. {example['doc']} segment {example['seg']})")

    _one_key_two_values(db, out, key="skey", value="tnorm", rule="consistency-source", message=message,
                        suggestion=lambda example: f"use one translation: “{_short(example['target'])}”")


def _same_target(db, out) -> None:
    """One translation used for two different sources: flag the less usual sources' segments."""
    def message(example, count):
        return (f"this translation is also used for a different source elsewhere in the delivery: "
                f"“{_short(example['source'])}” ({example['doc']} segment {example['seg']})")

    _one_key_two_values(db, out, key="tkey", value="snorm", rule="consistency-target", message=message,
                        suggestion=lambda example: "check that both sources really mean the same")


def _one_key_two_values(db, out, key: str, value: str, rule: str, message, suggestion) -> None:
    """Group segments by the normalised text in column ``key`` (per source language); where a group holds two or
    more normalised texts in column ``value``, flag every segment that differs from the most usual one. Groups
    are taken in the order of their first segment."""
    db.execute(f"CREATE INDEX IF NOT EXISTS seg_{key} ON seg ({key}, n)")
    groups = db.execute(f"SELECT {key}, MIN(n) AS first FROM seg WHERE {key} IS NOT NULL GROUP BY {key} "
                        f"HAVING COUNT(DISTINCT {value}) > 1 ORDER BY first").fetchall()
    columns = ("doc", "seg", "source", "target", "span", "value")
    for group, _ in groups:
        members = [dict(zip(columns, row)) for row in db.execute(
            f"SELECT doc, seg, source, target, span, {value} FROM seg WHERE {key} = ? ORDER BY n", (group,))]
        values = Counter(m["value"] for m in members)
        first: dict[str, int] = {}
        for k, m in enumerate(members):
            first.setdefault(m["value"], k)
        usual = _usual(values, first)
        example = next(m for m in members if m["value"] == usual)
        for m in members:
            if m["value"] != usual:
                span = json.loads(m["span"]) if m["span"] else None
                out[m["doc"]].append(_finding(rule, message(example, values[usual]), suggestion(example), m["seg"],
                                              span))


# ---- names ----------------------------------------------------------------------------------------------------
def skeleton(word: str) -> str:
    s = anyascii(word).casefold()
    s = re.sub(r"[^a-z]", "", s).replace("kh", "h").replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", s)


def variants(a: str, b: str) -> bool:
    """Two spellings of one name, not two words: same skeleton, or one letter apart inside the word (6+
    letters); never an extension or plural (Russia/Russian, Europe/European, Emergency/Emergencies)."""
    x, y = a.casefold(), b.casefold()
    if x == y:
        return False
    if skeleton(a) == skeleton(b):
        return True
    if x.startswith(y) or y.startswith(x) or _singular(x) == _singular(y):
        return False
    return _one_letter_inside(x, y)


def _singular(word: str) -> str:
    for end, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)] + repl
    return word


def _one_letter_inside(a: str, b: str) -> bool:
    """One substitution, insertion or deletion that is not at the very end (so not a plural or -n adjective)."""
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diffs) == 1 and diffs[0] < len(a) - 1
    long, short = (a, b) if len(a) > len(b) else (b, a)
    for k in range(len(long)):
        if long[:k] + long[k + 1:] == short:
            return k < len(long) - 1
    return False


def _names(db, by_source: dict[str, set[str]], runs: set[str], out) -> None:
    """Two target spellings are one name spelled two ways when they are variants (see :func:`variants`) and
    either render the same source word, or stand in name runs that are otherwise the same ("Volodymyr
    Zelensky" / "Volodymyr Zelenskyy"). Different people who share a first name are thereby not confused."""
    db.execute("CREATE INDEX name_form ON name (form, n)")
    counts = dict(db.execute("SELECT form, COUNT(*) FROM name GROUP BY form"))      # form -> occurrences
    linked: set[tuple[str, str]] = set()
    for forms in by_source.values():
        ordered = sorted(forms)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if variants(a, b):
                    linked.add((a, b))
    masked: dict[tuple, set[str]] = defaultdict(set)
    for run in runs:
        words = run.split(" ")
        if len(words) < 2:
            continue
        for i, word in enumerate(words):
            masked[(len(words), i, " ".join(words[:i] + ["*"] + words[i + 1:]))].add(word)
    for words in masked.values():
        ordered = sorted(w for w in words if w in counts)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if variants(a, b):
                    linked.add((a, b))
    parent = {f: f for f in counts}

    def find(f):
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    for a, b in sorted(linked):
        parent[find(b)] = find(a)
    clusters: dict[str, list[str]] = defaultdict(list)
    for f in sorted(counts):
        clusters[find(f)].append(f)
    for members in clusters.values():
        if len({m.casefold() for m in members}) < 2:
            continue
        usual = max(sorted(members), key=lambda m: counts[m])
        usual_docs = [doc for (doc,) in db.execute("SELECT DISTINCT doc FROM name WHERE form = ? ORDER BY doc LIMIT 4",
                                                   (usual,))]
        where = ", ".join(usual_docs[:3]) + (" …" if len(usual_docs) > 3 else "")
        for form in members:
            if form.casefold() == usual.casefold():
                continue
            for doc, seg, start, end in db.execute("SELECT doc, seg, start, stop FROM name WHERE form = ? ORDER BY n",
                                                   (form,)):
                out[doc].append(_finding(
                    "consistency-name",
                    f"“{form}” is spelled “{usual}” elsewhere in the delivery ({counts[usual]}×, in {where})",
                    f"use one spelling: “{usual}”", seg, {"start": start, "end": end, "text": form}))
