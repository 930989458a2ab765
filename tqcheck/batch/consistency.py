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

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from anyascii import anyascii

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


def consistency_findings(results: list[dict]) -> dict[str, list[dict]]:
    """``{document id: [finding dicts]}`` for the ``ok`` results given (sorted by id)."""
    out: dict[str, list[dict]] = defaultdict(list)
    occurrences = []          # (doc id, segment id, source, target, target span dict)
    for result in results:
        report = result["report"]
        positions = result.get("positions", [])
        for seg in report["segments"]:
            if not (seg["source"].strip() and seg["target"].strip()):
                continue
            pos = positions[seg["id"]] if seg["id"] < len(positions) else None
            span = {"start": pos[2], "end": pos[3], "text": seg["target"]} if pos else None
            occurrences.append((result["id"], seg["id"], seg["source"], seg["target"], span,
                                report["source"]["lang"]))
    _same_source(occurrences, out)
    _same_target(occurrences, out)
    _names(results, out)
    return out


def _usual(counter: Counter, first_seen: dict) -> str:
    return max(counter, key=lambda k: (counter[k], -first_seen[k]))


def _same_source(occurrences, out) -> None:
    """One source segment translated two ways: flag the less usual translations."""
    def message(example, count):
        return (f"the same source is translated differently elsewhere in the delivery: "
                f"“{_short(example[3])}” ({count}×, e.g. {example[0]} segment {example[1]})")

    _one_key_two_values(occurrences, out, key=2, value=3, enough=lambda k: sum(map(len, _WORDS.findall(k))) >= 3,
                        rule="consistency-source", message=message,
                        suggestion=lambda example: f"use one translation: “{_short(example[3])}”")


def _same_target(occurrences, out) -> None:
    """One translation used for two different sources: flag the less usual sources' segments."""
    def message(example, count):
        return (f"this translation is also used for a different source elsewhere in the delivery: "
                f"“{_short(example[2])}” ({example[0]} segment {example[1]})")

    _one_key_two_values(occurrences, out, key=3, value=2, enough=lambda k: len(_WORDS.findall(k)) >= 2,
                        rule="consistency-target", message=message,
                        suggestion=lambda example: "check that both sources really mean the same")


def _one_key_two_values(occurrences, out, key: int, value: int, enough, rule: str, message, suggestion) -> None:
    """Group occurrences by the normalised text at ``key`` (per source language); where a group holds two or more
    normalised texts at ``value``, flag every occurrence that differs from the most usual one."""
    groups: dict[str, list] = defaultdict(list)
    for occ in occurrences:
        normalised = normalise(occ[key])
        if enough(normalised):
            groups[occ[5] + "\t" + normalised].append(occ)
    for members in groups.values():
        values = Counter(normalise(o[value]) for o in members)
        if len(values) < 2:
            continue
        first: dict[str, int] = {}
        for k, o in enumerate(members):
            first.setdefault(normalise(o[value]), k)
        usual = _usual(values, first)
        example = next(o for o in members if normalise(o[value]) == usual)
        for occ in members:
            if normalise(occ[value]) != usual:
                out[occ[0]].append(_finding(rule, message(example, values[usual]), suggestion(example), occ[1], occ[4]))


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


def _names(results: list[dict], out) -> None:
    """Two target spellings are one name spelled two ways when they are variants (see :func:`variants`) and
    either render the same source word, or stand in name runs that are otherwise the same ("Volodymyr
    Zelensky" / "Volodymyr Zelenskyy"). Different people who share a first name are thereby not confused."""
    places: dict[str, list] = defaultdict(list)      # form -> [(doc, segment, start, end)]
    by_source: dict[str, set[str]] = defaultdict(set)
    runs: set[str] = set()
    for result in results:
        for form, seg, start, end, source_word, run in result.get("names", []):
            places[form].append((result["id"], seg, start, end))
            by_source[source_word].add(form)
            runs.add(run)
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
        ordered = sorted(w for w in words if w in places)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if variants(a, b):
                    linked.add((a, b))
    parent = {f: f for f in places}

    def find(f):
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    for a, b in sorted(linked):
        parent[find(b)] = find(a)
    clusters: dict[str, list[str]] = defaultdict(list)
    for f in sorted(places):
        clusters[find(f)].append(f)
    for members in clusters.values():
        if len({m.casefold() for m in members}) < 2:
            continue
        counts = {m: len(places[m]) for m in members}
        usual = max(sorted(members), key=lambda m: counts[m])
        usual_docs = sorted({p[0] for p in places[usual]})
        where = ", ".join(usual_docs[:3]) + (" …" if len(usual_docs) > 3 else "")
        for form in members:
            if form.casefold() == usual.casefold():
                continue
            for doc, seg, start, end in places[form]:
                out[doc].append(_finding(
                    "consistency-name",
                    f"“{form}” is spelled “{usual}” elsewhere in the delivery ({counts[usual]}×, in {where})",
                    f"use one spelling: “{usual}”", seg, {"start": start, "end": end, "text": form}))
