"""Writing a delivery's outputs from its journalled records, a document at a time.

Two reads of the records (sorted by id): one for the consistency findings across documents, one that writes each
document's docs/<id>.json, findings.csv rows, MQM TSV lines and annotated XLIFF as it goes. What stays in memory
is one summary row per document, the findings report.html shows (at most :data:`HTML_FINDINGS` a document) and
the figures of the charts, so a long document (a TMX streamed by the Ray engine) is read a chunk at a time here
too. Everything is written to temporary files that replace the old outputs at the end.
"""
from __future__ import annotations

import csv
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from tqcheck.batch import records
from tqcheck.batch.baseline import write_baseline
from tqcheck.batch.settings import BatchSettings
from tqcheck.batch.summary import CSV_COLUMNS, MQM_HEADER, csv_rows, document_entry, exit_code, mqm_document_lines, \
    mqm_lines, safe_relpath, summary_json, totals, write_atomic, write_report_json
from tqcheck.errors import InputError
from tqcheck.model import QeStats

HTML_FINDINGS = 1000          # findings shown per document in report.html; findings.csv has them all
QE_BINS = 10


class Delivery:
    """What the outputs keep of the documents while they are written."""

    def __init__(self):
        self.rows: list[dict] = []
        self.shown: list[dict] = []                       # {"row", "findings" (the first HTML_FINDINGS), "hidden"}
        self.qe = QeStats()
        self.qe_bins = [0] * QE_BINS
        self.by_category_severity: Counter = Counter()    # (category, severity) -> findings
        self.baseline_entries: dict[str, dict] = {}

    def add_segment(self, qe: float | None) -> None:
        self.qe.add((qe,))
        if qe is not None:
            self.qe_bins[min(QE_BINS - 1, max(0, int(qe * QE_BINS)))] += 1

    def add(self, entry: dict) -> None:
        self.rows.append(entry["row"])
        findings = entry["findings"]
        self.shown.append({"row": entry["row"], "findings": findings[:HTML_FINDINGS],
                           "hidden": max(0, len(findings) - HTML_FINDINGS)})
        self.by_category_severity.update((f["category"], f["severity"]) for f in findings)


def write_outputs(out: Path, load: Callable[[], Iterable[dict]], settings: BatchSettings, *, warnings: list[str],
                  inputs: list[str], baseline: set[str] | None, baseline_file: Path | None, mqm_tsv: bool,
                  annotate_xliff: bool) -> tuple[int, list[dict]]:
    """Write OUT's outputs from the records ``load()`` yields (sorted by id; called twice). A baseline file that
    does not exist yet is written from this run, which then counts every finding as baselined. Returns the exit
    code and the documents' summary rows."""
    from tqcheck.batch.consistency import consistency_findings
    from tqcheck.batch.html import render

    extra = (consistency_findings(r for r in load() if r["status"] == "ok") if settings.enabled("consistency")
             else {})
    writing_baseline = baseline_file is not None and baseline is None
    delivery = Delivery()
    staged = _Staged(out, mqm_tsv, annotate_xliff)
    try:
        for record in load():
            entry = document_entry(record, settings, extra.pop(record["id"], []),
                                   True if writing_baseline else baseline)
            staged.document(entry, record, delivery, warnings)
            delivery.add(entry)
            if writing_baseline:
                delivery.baseline_entries.update(entry["baseline_entries"])
        staged.close()
    except BaseException:
        staged.discard()
        raise
    staged.commit()
    if writing_baseline:
        write_baseline(baseline_file, delivery.baseline_entries)
    figures = totals(delivery.rows, delivery.qe)
    write_atomic(out / "report.html", render(delivery, figures, settings, warnings, inputs))
    write_atomic(out / "summary.json", summary_json(delivery.rows, figures, settings, warnings, inputs))
    return exit_code(delivery.rows, settings.fail_on), delivery.rows


class _Staged:
    """docs/, findings.csv, findings.mqm.tsv and annotated/ written beside the old ones, swapped in by commit()."""

    def __init__(self, out: Path, mqm_tsv: bool, annotate_xliff: bool):
        self.out = out
        self.docs = out / ".docs.tmp"
        self.annotated = out / ".annotated.tmp" if annotate_xliff else None
        for folder in (self.docs, self.annotated):
            if folder is not None and folder.exists():
                shutil.rmtree(folder)
        self.docs.mkdir(parents=True)              # empty when no document could be checked
        self.csv_path = out / ".findings.csv.tmp"
        self.csv_file = open(self.csv_path, "w", encoding="utf-8", newline="")
        self.csv_file.write("\ufeff")
        self.csv = csv.writer(self.csv_file, lineterminator="\r\n")
        self.csv.writerow(CSV_COLUMNS)
        self.mqm_path = out / ".findings.mqm.tsv.tmp" if mqm_tsv else None
        self.mqm = open(self.mqm_path, "w", encoding="utf-8", newline="") if mqm_tsv else None
        if self.mqm:
            self.mqm.write(MQM_HEADER + "\n")
        self.mqm_number = 0

    def document(self, entry: dict, record: dict, delivery: Delivery, warnings: list[str]) -> None:
        self.csv.writerows(csv_rows(entry))
        if entry["report"] is None:
            return
        self.mqm_number += 1
        doc = entry["row"]["id"]
        by_segment: dict[int | None, list[dict]] = {}
        for f in entry["findings"]:
            by_segment.setdefault(f["segment"], []).append(f)

        def segments():
            for seg, _, _ in records.segments(record):
                delivery.add_segment(seg["qe"])
                if self.mqm:
                    self.mqm.writelines(line + "\n" for line in
                                        mqm_lines(doc, self.mqm_number, seg, by_segment.get(seg["id"], [])))
                yield seg

        write_report_json(self.docs / f"{safe_relpath(doc)}.json", entry["report"], segments())
        if self.mqm:
            self.mqm.writelines(line + "\n" for line in
                                mqm_document_lines(doc, self.mqm_number, by_segment.get(None, [])))
        if self.annotated is not None and str(record.get("format", "")).startswith("xliff"):
            _annotate(record, entry["findings"], self.annotated, warnings)

    def close(self) -> None:
        self.csv_file.close()
        if self.mqm:
            self.mqm.close()

    def discard(self) -> None:
        self.close()
        for path in (self.csv_path, self.mqm_path):
            if path is not None and path.exists():
                path.unlink()
        for folder in (self.docs, self.annotated):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def commit(self) -> None:
        out = self.out
        _replace_folder(self.docs, out / "docs")
        os.replace(self.csv_path, out / "findings.csv")
        if self.mqm_path is not None:
            os.replace(self.mqm_path, out / "findings.mqm.tsv")
        elif (out / "findings.mqm.tsv").exists():
            (out / "findings.mqm.tsv").unlink()
        if self.annotated is not None and self.annotated.is_dir() and any(self.annotated.iterdir()):
            _replace_folder(self.annotated, out / "annotated")
        else:
            if self.annotated is not None:
                shutil.rmtree(self.annotated, ignore_errors=True)
            if (out / "annotated").exists():
                shutil.rmtree(out / "annotated")


def _replace_folder(new: Path, old: Path) -> None:
    if old.exists():
        shutil.rmtree(old)
    os.replace(new, old)


def _annotate(record: dict, findings: list[dict], folder: Path, warnings: list[str]) -> None:
    from tqcheck.io.xliff import annotate_xliff

    wanted = {f["segment"] for f in findings}
    units = {u["segment"]: u for u in records.units(record) if u["segment"] in wanted}
    notes: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for f in findings:
        unit = units.get(f["segment"])
        if unit is None:
            continue
        text = f"tqcheck {f['severity']} {f['category']}/{f['rule']}: {f['message']}"
        if f["suggestion"]:
            text += f" → {f['suggestion']}"
        notes.setdefault((unit["file"], unit["id"]), []).append((f["severity"], text))
    try:
        annotate_xliff(record.get("read_path") or record["source"], folder / safe_relpath(record["id"]), notes)
    except InputError as exc:
        warnings.append(f"{record['id']}: no annotated copy ({exc})")
