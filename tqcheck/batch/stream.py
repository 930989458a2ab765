"""Streamed documents on the driver of either engine: what is streamed, and the spool of chunk results.

A TSV, TMX or XLIFF file of at least :func:`stream_bytes` is not checked whole: :func:`stream_document` cuts it
into windows (:mod:`tqcheck.io.stream`) that workers check (:mod:`tqcheck.batch.chunks`); their results are
written to a spool folder (:class:`Spool`) and, once all chunks of a document are there, merged into the record
the whole check would have made (:mod:`tqcheck.batch.merge`), except that its segments stay in the chunk files,
which the journal takes over (:mod:`tqcheck.batch.records`). ``--resume``: chunks already spooled for a document
that was cut off are not checked again.

Knobs (environment): TQCHECK_STREAM_BYTES (local engine; default TQCHECK_MAX_BYTES, the 10 MB limit of a file
read whole, so that what could be read whole before is checked exactly as before) and TQCHECK_RAY_STREAM_BYTES
(Ray; default 1 MiB), neither above TQCHECK_MAX_BYTES; TQCHECK_CHUNK_PAIRS / TQCHECK_RAY_CHUNK_PAIRS, pairs per
chunk (default 2000); TQCHECK_CACHE_GROWTH_MIB, how far a worker may grow before its per-word caches are emptied
(:data:`tqcheck.batch.chunks.CACHE_GROWTH`, default 64).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from pathlib import Path
from typing import Callable

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings
from tqcheck.io.stream import STREAMABLE, scan, windows


def chunk_pairs(ray: bool = False) -> int:
    return max(1, int(os.environ.get("TQCHECK_RAY_CHUNK_PAIRS" if ray else "TQCHECK_CHUNK_PAIRS", 2000)))


def stream_bytes(ray: bool = False) -> int:
    """Files of this size or more are streamed; never more than the limit of a file read whole."""
    from tqcheck.io.text import MAX_BYTES

    name, default = ("TQCHECK_RAY_STREAM_BYTES", 1 << 20) if ray else ("TQCHECK_STREAM_BYTES", MAX_BYTES)
    return min(int(os.environ.get(name, default)), MAX_BYTES)


def streamed(spec: DocSpec, ray: bool = False) -> bool:
    """Whether this document is checked in chunks."""
    try:
        return spec.kind in STREAMABLE and os.path.getsize(spec.source) >= stream_bytes(ray)
    except OSError:
        return False


def stream_document(spec: DocSpec, fingerprint: str, size: int, skip: set[int]):
    """The messages of a streamed document: ``("info", id, plan)`` then ``("chunk", spec, fp, k, payload)`` for
    each chunk not in ``skip``; or one ``("whole", spec, fp)`` when it is to be checked whole."""
    plan = scan(spec.source, spec.kind, spec.source_lang, spec.target_lang)
    if plan is None:
        yield ("whole", spec, fingerprint)
        return
    plan["chunks"] = math.ceil(plan["pairs"] / size)
    yield ("info", spec.id, plan)
    for k, payload in windows(spec.source, plan, size, skip):
        yield ("chunk", spec, fingerprint, k, payload)


class Stream:
    """A document streamed in chunks: where its chunks are spooled, its plan, which chunks are done."""

    def __init__(self, spec: DocSpec, fingerprint: str, root: Path, size: int):
        self.spec, self.fingerprint = spec, fingerprint
        key = hashlib.sha1(f"{spec.id}\0{fingerprint}\0{size}".encode("utf-8")).hexdigest()[:24]
        self.folder = root / key
        self.info: dict | None = None
        self.done: set[int] = set()
        if self.folder.is_dir():                      # --resume: what an interrupted run spooled
            try:
                self.info = json.loads((self.folder / "info.json").read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                self.info = None
            for path in self.folder.glob("chunk-*.json"):
                self.done.add(int(path.stem.split("-")[1]))

    def part(self, k: int) -> Path:
        return self.folder / f"chunk-{k:06d}.json"

    @property
    def complete(self) -> bool:
        return self.info is not None and len(self.done) >= self.info["chunks"]


class Spool:
    """The results of one run as they arrive: a document's record goes to ``on_result``; a chunk is spooled and,
    once its document is complete, merged. ``finished`` holds the ids passed on, so a retried task's duplicate is
    dropped. ``before_merge`` is called before each merge (``--jobs 1``: what checking held is let go first)."""

    def __init__(self, root: Path, size: int, settings: BatchSettings, on_result: Callable[[dict], None],
                 before_merge: Callable[[], None] | None = None):
        self.root, self.size, self.settings, self.on_result = root, size, settings, on_result
        self.before_merge = before_merge
        self.streams: dict[str, Stream] = {}
        self.finished: set[str] = set()

    def add(self, spec: DocSpec, fingerprint: str) -> None:
        self.streams[spec.id] = Stream(spec, fingerprint, self.root, self.size)

    def merge_complete(self) -> None:
        """Merge the documents all of whose chunks were spooled before an interruption."""
        for stream in list(self.streams.values()):
            if stream.complete:
                self._merge(stream)

    def pending(self) -> list[Stream]:
        return [s for s in self.streams.values() if s.spec.id not in self.finished]

    def handle(self, message: tuple) -> None:
        """``("doc", id, record or its JSON)``, ``("info", id, plan)`` or ``("chunk", id, k, result JSON)``."""
        kind, doc_id = message[0], message[1]
        if doc_id in self.finished:
            return
        if kind == "doc":
            self.finished.add(doc_id)
            record = message[2]
            self.on_result(json.loads(record) if isinstance(record, str) else record)
            return
        stream = self.streams[doc_id]
        if kind == "info":
            stream.folder.mkdir(parents=True, exist_ok=True)
            _write(stream.folder / "info.json", json.dumps(message[2]))
            stream.info = message[2]
        elif kind == "chunk":
            k = message[2]
            if k not in stream.done:
                stream.folder.mkdir(parents=True, exist_ok=True)
                _write(stream.part(k), message[3])
                stream.done.add(k)
        if stream.complete:
            self._merge(stream)

    def fail(self, record: dict) -> None:
        """Pass on an error record for a document (its worker kept dying); what it spooled is dropped."""
        self.finished.add(record["id"])
        self.on_result(record)
        if record["id"] in self.streams:
            shutil.rmtree(self.streams[record["id"]].folder, ignore_errors=True)

    def _merge(self, stream: Stream) -> None:
        from tqcheck.batch.merge import merge_chunks

        if self.before_merge is not None:
            self.before_merge()
        paths = [stream.part(k) for k in range(stream.info["chunks"])]
        record = merge_chunks(stream.spec, stream.fingerprint, stream.info, paths, self.settings)
        self.finished.add(stream.spec.id)
        self.on_result(record)                 # takes the chunk files the record lists (Journal.save moves them)
        shutil.rmtree(stream.folder, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    from tqcheck.batch.journal import atomic_write

    atomic_write(path, text)
