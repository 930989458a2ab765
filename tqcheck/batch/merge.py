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
    findings, groups, qe, scores = [], [], QeStats(), ScoreSum()
    words, head, spellings = 0, None, False
    for path in paths:
        part = chunk_head(path)
        if part.get("error"):
            record.update(status="error", error=part["error"])
            return record
        head = head or part["head"]
        spellings = spellings or part["two_spellings"]
        findings += part["findings"]
        groups += part.get("groups") or [None] * len(part["findings"])
        qe.add(part["qe"])
        scores.add(part["score"])
        words += part["words"]
    findings = regroup(findings, groups)
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


def regroup(findings: list[dict], keys: list) -> list[dict]:
    """One finding per problem repeated in several chunks, as checks.merge groups repeats over a whole document:
    the first place (chunks come in document order), the others as occurrences, the highest severity, every
    rule in ``also``. ``keys``: each finding's repeat key (chunks.repeat_key), None for what is never grouped."""
    from tqcheck.model import severity_rank

    groups: dict[tuple, list[dict]] = {}
    out: list = []
    for f, key in zip(findings, keys):
        if key is None:
            out.append(f)
            continue
        key = tuple(key)
        if key not in groups:
            groups[key] = []
            out.append(key)
        groups[key].append(f)
    merged = []
    for item in out:
        if not isinstance(item, tuple):
            merged.append(item)
            continue
        members = groups[item]
        first = members[0]
        if len(members) > 1:
            places = list(first["occurrences"])
            for m in members[1:]:
                places += [{"segment": m["segment"], "target_span": m["target_span"],
                            "source_span": m["source_span"]}, *m["occurrences"]]
            first = dict(first, severity=max((m["severity"] for m in members), key=severity_rank),
                         occurrences=places, also=list(dict.fromkeys(r for m in members for r in m["also"])))
        merged.append(first)
    return merged

