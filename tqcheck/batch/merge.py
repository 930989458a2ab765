"""The record of a streamed document, merged from its chunk files (either engine)."""
from __future__ import annotations

from dataclasses import asdict
from functools import partial
from pathlib import Path

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings


def merge_chunks(spec: DocSpec, fingerprint: str, info: dict, paths: list[Path], settings: BatchSettings) -> dict:
    """The record of a streamed document from its chunk files (in order): the local engine's record, except that
    its segments stay in the chunk files, listed in ``parts`` (:mod:`tqcheck.batch.records`). Each file is read
    once (its first line, :func:`tqcheck.batch.records.chunk_head`), and its texts and positions twice more when
    names may be spelled two ways; what is held is the findings."""
    from tqcheck.batch.local import apply_overrides
    from tqcheck.batch.records import chunk_head
    from tqcheck.batch.summary import finding_key
    from tqcheck.checks.merge import merge_findings
    from tqcheck.checks.names import two_spellings
    from tqcheck.model import QeStats, ScoreSum, summarise

    record = {"id": spec.id, "kind": spec.kind, "source": spec.source_name, "target": spec.target_name,
              "input": fingerprint, "read_path": spec.source, "status": "ok", "error": None}
    regrouped, qe, scores = Regroup(), QeStats(), ScoreSum()
    words, head, spellings = 0, None, False
    for path in paths:
        part = chunk_head(path)
        if part.get("error"):
            record.update(status="error", error=part["error"])
            return record
        head = head or part["head"]
        spellings = spellings or part["two_spellings"]
        regrouped.add(part["findings"], part.get("groups") or [None] * len(part["findings"]))
        qe.add(part["qe"])
        scores.add(part["score"])
        words += part["words"]
    findings = regrouped.findings()
    if spellings:          # the pipeline's whole-document check, on the whole document's views
        found = [f for f in two_spellings(partial(_views, paths)) if not settings.config.is_ignored(f)]
        findings += [asdict(f) for f in apply_overrides(merge_findings(found), settings)]
    findings.sort(key=finding_key)
    count = qe.segments
    summary = summarise(qe, ((f["category"], f["severity"]) for f in findings), scores.value())
    report = {
        "schema": head["schema"], "tool": head["tool"],
        "source": {"path": spec.source_name, "lang": head["source"]["lang"], "encoding": head["source"]["encoding"],
                   "sentences": count},
        "target": {"path": spec.target_name or spec.source_name, "lang": head["target"]["lang"],
                   "encoding": head["target"]["encoding"], "sentences": count},
        "scorer": head["scorer"], "summary": summary, "findings": findings, **head["extra"],
    }
    record.update(report=report, words=words, parts=[str(p) for p in paths])
    if "format" in info:
        record.update(format=info["format"], skipped_units=info["skipped"])
    return record


def _views(paths: list[Path]):
    """The aligned segment views of a streamed document, read from its chunk files."""
    from tqcheck.batch.records import chunk_head, chunks
    from tqcheck.checks.base import SegmentView
    from tqcheck.model import Segment

    for path in paths:
        part = next(chunks({"parts": [path]}))
        for k, (s, t), p in zip(chunk_head(path)["ids"], part["slices"], part["positions"]):
            if s and t:
                yield SegmentView(Segment(k, (), ()), s, p[0], t, p[2], "")


class Regroup:
    """One finding per problem repeated in several chunks, as checks.merge groups repeats over a whole document:
    the first place (chunks come in document order), the others as occurrences, the highest severity, every
    rule in ``also``. Fed a chunk at a time, so that a later repeat is reduced to its place as it comes: a
    translation memory's repeated problem has tens of thousands."""

    def __init__(self):
        self._order: list = []                 # finding dicts never grouped, and group keys, in first-seen order
        self._groups: dict[tuple, dict] = {}

    def add(self, findings: list[dict], keys: list) -> None:
        """A chunk's findings and their repeat keys (chunks.repeat_key; None for what is never grouped)."""
        from tqcheck.model import severity_rank

        for f, key in zip(findings, keys):
            if key is None:
                self._order.append(f)
                continue
            key = tuple(key)
            group = self._groups.get(key)
            if group is None:
                self._groups[key] = {"first": f, "places": None, "severity": f["severity"], "also": None}
                self._order.append(key)
                continue
            if group["places"] is None:           # a second place: the group's lists start from its first finding's
                first = group["first"]
                group["places"], group["also"] = list(first["occurrences"]), dict.fromkeys(first["also"])
            group["places"] += [{"segment": f["segment"], "target_span": f["target_span"],
                                 "source_span": f["source_span"]}, *f["occurrences"]]
            group["severity"] = max(group["severity"], f["severity"], key=severity_rank)
            group["also"].update(dict.fromkeys(f["also"]))

    def findings(self) -> list[dict]:
        merged = []
        for item in self._order:
            if not isinstance(item, tuple):
                merged.append(item)
                continue
            group = self._groups[item]
            first = group["first"]
            if group["places"] is not None:
                first = dict(first, severity=group["severity"], occurrences=group["places"], also=list(group["also"]))
            merged.append(first)
        return merged
