"""The resume journal: one result file per finished document, written atomically, plus a run header.

Layout under ``OUT/.tqcheck-journal/``: ``run.json`` (the run key: tool version, settings and the list of
documents with the size and mtime of their input files) and ``done/<sha1 of id>.json`` (one result record per
document; written to a temporary file, flushed, fsync'd and renamed, so a file either exists complete or not at
all). A document the Ray engine streamed has its chunk files (its segments) moved to ``parts/<sha1 of id>/``
before its record is written; the record lists them by name, and :meth:`Journal.load` gives their paths. ``--resume`` reuses the records of documents whose id and input fingerprint are unchanged and checks only
the others; without ``--resume`` the journal is started afresh. The journal stays after a complete run (a later
``--resume`` then only rewrites the outputs).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Iterable, Iterator

JOURNAL = ".tqcheck-journal"


def input_fingerprint(spec) -> str:
    parts = []
    for path in (spec.source, spec.target):
        if path:
            try:
                st = os.stat(path)
                parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{path}:missing")
    parts.append(json.dumps([spec.kind, spec.source_lang, spec.target_lang]))
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()


class Journal:
    def __init__(self, out_dir: Path):
        self.root = out_dir / JOURNAL
        self.done_dir = self.root / "done"

    def start(self, run_key: dict, resume: bool) -> bool:
        """Open the journal; returns True when an earlier journal of the same run is reused."""
        header = self.root / "run.json"
        if resume and header.is_file():
            try:
                previous = json.loads(header.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                previous = None
            if previous == run_key:
                self.done_dir.mkdir(parents=True, exist_ok=True)
                return True
        if self.root.exists():
            shutil.rmtree(self.root)
        self.done_dir.mkdir(parents=True)
        atomic_write(header, json.dumps(run_key, ensure_ascii=False, sort_keys=True, indent=1))
        return False

    def _path(self, doc_id: str) -> Path:
        return self.done_dir / (hashlib.sha1(doc_id.encode("utf-8")).hexdigest() + ".json")

    def _parts(self, doc_id: str) -> Path:
        return self.root / "parts" / hashlib.sha1(doc_id.encode("utf-8")).hexdigest()

    def load(self, doc_id: str, fingerprint: str) -> dict | None:
        path = self._path(doc_id)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        if record.get("id") != doc_id or record.get("input") != fingerprint:
            return None
        if "parts" in record:
            folder = self._parts(doc_id)
            record["parts"] = [str(folder / name) for name in record["parts"]]
            if not all(os.path.isfile(p) for p in record["parts"]):
                return None
        return record

    def save(self, record: dict) -> None:
        """Journal a record; the chunk files a streamed record lists in ``parts`` are moved into the journal."""
        if record.get("parts"):
            folder = self._parts(record["id"])
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            for path in record["parts"]:
                os.replace(path, folder / os.path.basename(path))
            record = {**record, "parts": [os.path.basename(p) for p in record["parts"]]}
        atomic_write(self._path(record["id"]), _record_json(record))


def _record_json(record: dict) -> Iterator[str]:
    """``json.dumps(record, ensure_ascii=False, sort_keys=True)`` a top-level entry at a time (the same bytes): the
    text of a whole document's record is never held at once beside the record."""
    yield "{"
    for k, (key, value) in enumerate(sorted(record.items())):
        yield (", " if k else "") + json.dumps(key, ensure_ascii=False) + ": "
        yield json.dumps(value, ensure_ascii=False, sort_keys=True)
    yield "}"


def atomic_write(path: Path, text: str | Iterable[str]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for piece in ([text] if isinstance(text, str) else text):
            fh.write(piece)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
