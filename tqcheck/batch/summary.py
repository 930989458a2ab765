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

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

from tqcheck import __version__
from tqcheck.batch.baseline import fingerprints
from tqcheck.batch.consistency import consistency_findings
from tqcheck.batch.settings import BatchSettings
from tqcheck.model import SEVERITIES, severity_rank, verdict

SCHEMA = "tqcheck/batch-summary-v1"
MQM_WEIGHTS = {"minor": 1, "major": 5, "critical": 25}
FORMULA = "penalty = 1000 * (1*minor + 5*major + 25*critical) / source_words"
VERDICT_ORDER = {"error": 0, "fail": 1, "review": 2, "pass": 3}


# ---- assembling --------------------------------------------------------------------------------------------------
def assemble(records: list[dict], settings: BatchSettings, baseline: set[str] | None) -> list[dict]:
    """One entry per document (sorted by id): its summary row, its findings (with fingerprints and context, the
    baselined ones removed) and its updated report-v1."""
    records = sorted(records, key=lambda r: r["id"])
    ok = [r for r in records if r["status"] == "ok"]
    extra = consistency_findings(ok) if settings.enabled("consistency") else {}
    documents = []
    for record in records:
        if record["status"] != "ok":
            documents.append(_error_entry(record))
            continue
        report = dict(record["report"])
        added = [f for f in (_override(f, settings) for f in extra.get(record["id"], [])) if f is not None]
        findings = sorted(report["findings"] + added, key=_order)
        prints = fingerprints(record["id"], findings, report["segments"])
        kept, baselined = [], 0
        for f, fp in zip(findings, prints):
            if baseline is not None and fp in baseline:
                baselined += 1
            else:
                kept.append((f, fp))
        report["findings"] = [f for f, _ in kept]
        report["summary"] = _report_summary(report)
        if baselined:
            report["baselined"] = baselined
        documents.append(_entry(record, report, kept, baselined, prints, findings))
    return documents


def _override(f: dict, settings: BatchSettings) -> dict | None:
    cfg = settings.config
    if f["rule"] in cfg.disable or f["category"] in cfg.disable or f["rule"] in cfg.ignore_rules:
        return None
    span = f.get("target_span")
    if span and span["text"].casefold() in cfg.ignore_texts:
        return None
    severity = settings.severity.get(f["rule"]) or settings.severity.get(f["category"])
    return {**f, "severity": severity} if severity else f


def _order(f: dict) -> tuple:
    span = f.get("target_span") or f.get("source_span")
    segment = f["segment"] if f["segment"] is not None else -1
    return (segment, span["start"] if span else 0, -severity_rank(f["severity"]), f["category"], f["rule"],
            f["message"])


def _report_summary(report: dict) -> dict:
    by_category: dict[str, int] = {}
    by_severity = {s: 0 for s in SEVERITIES}
    for f in report["findings"]:
        by_category[f["category"]] = by_category.get(f["category"], 0) + 1
        by_severity[f["severity"]] += 1
    summary = dict(report["summary"])
    summary.update(findings=len(report["findings"]), by_category=dict(sorted(by_category.items())),
                   by_severity=by_severity, verdict=verdict(by_severity))
    return summary


def _context(record: dict, f: dict, side: str) -> dict | None:
    span = f.get(f"{side}_span")
    if not span:
        return None
    seg = f.get("segment")
    positions, slices = record.get("positions", []), record.get("slices", [])
    if seg is not None and 0 <= seg < len(positions) and seg < len(slices):
        start = positions[seg][0 if side == "source" else 2]
        text = slices[seg][0 if side == "source" else 1]
        a, b = span["start"] - start, span["end"] - start
        if 0 <= a <= b <= len(text):
            return {"before": text[:a], "span": text[a:b], "after": text[b:]}
    return {"before": "", "span": span["text"], "after": ""}


def _entry(record: dict, report: dict, kept: list, baselined: int, all_prints, all_findings) -> dict:
    s = report["summary"]
    words = record.get("words", 0)
    points = sum(MQM_WEIGHTS[f["severity"]] * 1 for f, _ in kept)
    segments = {seg["id"]: seg for seg in report["segments"]}
    units = {u["segment"]: u for u in record.get("units", [])}
    findings = []
    for f, fp in kept:
        seg = segments.get(f["segment"])
        findings.append({
            **f, "fingerprint": fp,
            "unit": units[f["segment"]]["id"] if f["segment"] in units else None,
            "unit_notes": [n for n in units[f["segment"]]["notes"] if n] if f["segment"] in units else [],
            "segment_source": seg["source"] if seg else "", "segment_target": seg["target"] if seg else "",
            "context_target": _context(record, f, "target"), "context_source": _context(record, f, "source"),
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
            "segments": s["segments"], "words": words, "qe_mean": s["qe_mean"], "qe_min": s["qe_min"],
            "findings": s["findings"], "by_category": s["by_category"], "by_severity": s["by_severity"],
            "verdict": s["verdict"], "mqm_points": points,
            "mqm_penalty": round(1000 * points / words, 2) if words else None,
            "baselined": baselined, "warnings": warnings,
        },
        "findings": findings,
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
            "source_lang": None, "target_lang": None, "segments": 0, "words": 0, "qe_mean": None, "qe_min": None,
            "findings": 0, "by_category": {}, "by_severity": {s: 0 for s in SEVERITIES}, "verdict": "error",
            "mqm_points": 0, "mqm_penalty": None, "baselined": 0, "warnings": [],
        },
        "findings": [], "report": None, "record": record, "baseline_entries": {},
    }


def totals(documents: list[dict]) -> dict[str, Any]:
    rows = [d["row"] for d in documents]
    by_category: dict[str, int] = {}
    by_severity = {s: 0 for s in SEVERITIES}
    for row in rows:
        for k, n in row["by_category"].items():
            by_category[k] = by_category.get(k, 0) + n
        for k, n in row["by_severity"].items():
            by_severity[k] += n
    words = sum(r["words"] for r in rows)
    points = sum(r["mqm_points"] for r in rows)
    qe = [seg["qe"] for d in documents if d["report"] for seg in d["report"]["segments"] if seg["qe"] is not None]
    return {
        "documents": len(rows),
        "checked": sum(1 for r in rows if r["status"] == "ok"),
        "errors": sum(1 for r in rows if r["status"] == "error"),
        "verdicts": {v: sum(1 for r in rows if r["verdict"] == v) for v in ("pass", "review", "fail", "error")},
        "segments": sum(r["segments"] for r in rows),
        "words": words,
        "qe_mean": round(sum(qe) / len(qe), 4) if qe else None,
        "findings": sum(r["findings"] for r in rows),
        "by_category": dict(sorted(by_category.items())),
        "by_severity": by_severity,
        "baselined": sum(r["baselined"] for r in rows),
        "mqm_points": points,
        "mqm_penalty": round(1000 * points / words, 2) if words else None,
    }


def exit_code(documents: list[dict], fail_on: str) -> int:
    if any(d["row"]["status"] == "error" for d in documents):
        return 1
    if fail_on == "never":
        return 0
    floor = severity_rank(fail_on)
    return int(any(severity_rank(f["severity"]) >= floor for d in documents for f in d["findings"]))


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


def summary_json(documents: list[dict], settings: BatchSettings, warnings: list[str], inputs: list[str]) -> str:
    data = {
        "schema": SCHEMA,
        "tool": {"name": "tqcheck", "version": __version__},
        "config": settings.describe(),
        "inputs": inputs,
        "scoring": {"mqm_weights": MQM_WEIGHTS, "formula": FORMULA,
                    "verdict": "fail with any major or critical finding, review with only minor ones, else pass; "
                               "error when the document could not be checked"},
        "totals": totals(documents),
        "warnings": warnings,
        "documents": [{**d["row"], "report": f"docs/{safe_relpath(d['row']['id'])}.json" if d["report"] else None}
                      for d in documents],
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


def findings_csv(documents: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for d in documents:
        row = d["row"]
        if row["status"] == "error":
            writer.writerow([_cell(v) for v in (row["id"], "", "", "error", "critical", "document-error", "",
                                                "", "", "", "", "", "", "", "", row["error"], "", "")])
            continue
        for f in d["findings"]:
            t, s = f.get("target_span") or {}, f.get("source_span") or {}
            writer.writerow([_cell(v) for v in (
                row["id"], f["unit"], f["segment"], f["category"], f["severity"], f["rule"], f["mqm"],
                f["segment_source"], f["segment_target"], t.get("start"), t.get("end"), t.get("text"),
                s.get("start"), s.get("end"), s.get("text"), f["message"], f["suggestion"], f["fingerprint"])])
    return "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8")


def mqm_tsv(documents: list[dict]) -> str:
    """WMT-style MQM TSV: ``system doc doc_id seg_id rater source target category severity comment``; the flagged
    span is marked ``<v>…</v>`` in the source or target; segments without findings get a ``No-error`` row."""
    clean = lambda text: (text or "").replace("\t", " ").replace("\r", " ").replace("\n", " ")
    lines = ["system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment"]
    rater = f"tqcheck-{__version__}"
    for number, d in enumerate((d for d in documents if d["report"]), 1):
        doc = d["row"]["id"]
        by_segment: dict[int, list[dict]] = {}
        for f in d["findings"]:
            by_segment.setdefault(f["segment"], []).append(f)
        for seg in d["report"]["segments"]:
            found = by_segment.get(seg["id"], [])
            if not found:
                lines.append("\t".join(["tqcheck", clean(doc), str(number), str(seg["id"] + 1), rater,
                                        clean(seg["source"]), clean(seg["target"]), "No-error", "No-error", ""]))
            for f in found:
                source, target = clean(seg["source"]), clean(seg["target"])
                if f.get("context_target") and f.get("target_span"):
                    c = f["context_target"]
                    target = clean(f"{c['before']}<v>{c['span']}</v>{c['after']}")
                elif f.get("context_source") and f.get("source_span"):
                    c = f["context_source"]
                    source = clean(f"{c['before']}<v>{c['span']}</v>{c['after']}")
                category = "/".join(p.replace("-", " ").capitalize() for p in f["mqm"].split("/"))
                lines.append("\t".join(["tqcheck", clean(doc), str(number), str(seg["id"] + 1), rater, source,
                                        target, category, f["severity"].capitalize(),
                                        clean(f"{f['rule']}: {f['message']}")]))
        for f in by_segment.get(None, []):
            lines.append("\t".join(["tqcheck", clean(doc), str(number), "0", rater, "", "",
                                    f["mqm"], f["severity"].capitalize(), clean(f["message"])]))
    return "\n".join(lines) + "\n"


def write_docs(out_dir: Path, documents: list[dict]) -> None:
    docs = out_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    for d in documents:
        if d["report"] is not None:
            write_atomic(docs / f"{safe_relpath(d['row']['id'])}.json",
                         json.dumps(d["report"], ensure_ascii=False, indent=2) + "\n")
