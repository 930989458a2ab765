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
from pathlib import Path
from typing import Iterator

FIELDS = ("segments", "positions", "slices", "names", "units")


def chunks(record: dict) -> Iterator[dict]:
    """The record's per-segment lists, in segment order, as dicts with the keys of :data:`FIELDS`."""
    parts = record.get("parts")
    if parts is None:
        yield {"segments": record["report"]["segments"], **{k: record.get(k, []) for k in FIELDS[1:]}}
        return
    for path in parts:
        part = json.loads(Path(path).read_text(encoding="utf-8"))
        yield {k: part.get(k, []) for k in FIELDS}


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
