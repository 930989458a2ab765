"""A document's result record, read a chunk at a time.

A record is what checking one document produces: its report-v1 (``report``) and, beside it, per segment, the
offsets of its two sides (``positions``), their text (``slices``), name candidates (``names``) and, for TMX and
XLIFF, its translation unit (``units``). The local engine keeps these lists in the record. A document the Ray
engine streamed keeps them in its chunk files instead: its record lists them in ``parts`` and its report has no
``segments``. The outputs read segments only through :func:`chunks` and :func:`segments`, so the driver holds one
chunk of a long document at a time, whichever engine checked it.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Iterator

FIELDS = ("segments", "positions", "slices", "names", "units")


def chunk_text(result: dict) -> str:
    """A chunk's result as its file: a first line with what the merge reads (findings, qe, scores, words, the
    segment ids), then one line per list of :data:`FIELDS`, so that each reader parses only the lists it uses."""
    head = {k: v for k, v in result.items() if k not in FIELDS}
    head["ids"] = [seg["id"] for seg in result.get("segments", [])]
    return "\n".join(json.dumps(v, ensure_ascii=False) for v in (head, *(result.get(k, []) for k in FIELDS)))


def chunk_head(path: str | Path) -> dict:
    """The first line of a chunk file (:func:`chunk_text`): its result without the per-segment lists."""
    with open(path, encoding="utf-8") as fh:
        head = json.loads(fh.readline())
    if "ids" not in head:                 # one JSON object: a chunk file of an earlier version (--resume)
        head["ids"] = [seg["id"] for seg in head.get("segments", [])]
    return head


class _Part(Mapping):
    """The per-segment lists of one chunk file, each parsed when first read."""

    def __init__(self, path: str | Path):
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        self._lines = dict(zip(FIELDS, lines[1:]))
        self._parsed: dict[str, list] = {}
        if len(lines) == 1:               # one JSON object: a chunk file of an earlier version (--resume)
            whole = json.loads(lines[0])
            self._parsed = {k: whole.get(k, []) for k in FIELDS}

    def __getitem__(self, key: str) -> list:
        if key not in self._parsed:
            self._parsed[key] = json.loads(self._lines[key])
        return self._parsed[key]

    def __iter__(self):
        return iter(FIELDS)

    def __len__(self) -> int:
        return len(FIELDS)


def chunks(record: dict) -> Iterator[Mapping]:
    """The record's per-segment lists, in segment order, as mappings with the keys of :data:`FIELDS`."""
    parts = record.get("parts")
    if parts is None:
        yield {"segments": record["report"]["segments"], **{k: record.get(k, []) for k in FIELDS[1:]}}
        return
    for path in parts:
        yield _Part(path)


def segments(record: dict) -> Iterator[tuple[dict, list | None, list | None]]:
    """``(segment, [source start, source end, target start, target end] or None, [source, target] or None)``."""
    for chunk in chunks(record):
        yield from chunk_segments(chunk)


def chunk_segments(chunk: dict) -> Iterator[tuple[dict, list | None, list | None]]:
    """:func:`segments` of one chunk (for readers that want its names or units on the same read)."""
    positions, slices = chunk["positions"], chunk["slices"]
    for k, segment in enumerate(chunk["segments"]):
        yield segment, positions[k] if k < len(positions) else None, slices[k] if k < len(slices) else None


def units(record: dict) -> Iterator[dict]:
    for chunk in chunks(record):
        yield from chunk["units"]
