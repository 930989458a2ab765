"""Streaming readers: a TSV, TMX or XLIFF file as windows of pairs, never held whole.

A file is read twice. :func:`scan` validates it, counts its pairs and identifies its languages exactly as a
whole read would (``read_tsv_pairs`` / ``read_tmx`` / ``read_xliff`` and the unit filter of the batch engines),
and returns a plan, or None when anything is unusual (wrong encoding, bad columns, malformed XML...): such a file
is then read whole, so that its error message is the whole reader's. :func:`windows` then cuts the file into
windows of ``size`` pairs, each with one pair of context on either side, carrying what is needed to check it
as if the whole file had been read: absolute pair indexes, text offsets, the units' ids and notes.

Memory is bounded by one window; there is no size limit (``io.text.MAX_BYTES`` is for files read whole).
"""
from __future__ import annotations

import codecs
import os
from typing import Iterator

from tqcheck.errors import InputError

STREAMABLE = ("tsv", "tmx", "xliff")
SAMPLE = 3000          # characters language identification looks at (tqcheck.lang)


def scan(path: str, kind: str, source_lang: str | None = None, target_lang: str | None = None) -> dict | None:
    """The plan of a streamable file (``pairs``, ``langs``, ``encoding``...), or None to read it whole."""
    try:
        return _scan_tsv(path, source_lang, target_lang) if kind == "tsv" else \
            _scan_bilingual(path, kind, source_lang, target_lang)
    except Exception:           # anything unusual: the whole reader says what is wrong
        return None


def windows(path: str, plan: dict, size: int, skip: set[int]) -> Iterator[tuple[int, dict]]:
    """``(k, window)`` for each window of ``size`` pairs not in ``skip``, in order (see the module docstring)."""
    if plan["kind"] == "tsv":
        return _tsv_windows(path, plan, size, skip)
    return _bilingual_windows(path, plan, size, skip)


def runs(items: Iterator, size: int, skip: set[int]):
    """``(k, before, own, after)`` for consecutive runs of ``size`` items, with the items either side."""
    before, own, k = None, [], 0
    for item in items:
        if len(own) == size:
            if k not in skip:
                yield k, before, own, item
            before, own, k = own[-1], [], k + 1
        own.append(item)
    if own and k not in skip:
        yield k, before, own, None


def _languages(src_sample: list[str], tgt_sample: list[str], source_lang, target_lang) -> tuple[str, str]:
    from tqcheck.pipeline import identify_languages

    return identify_languages("\n".join(src_sample), "\n".join(tgt_sample), source_lang, target_lang)


class _Sample:
    """The first :data:`SAMPLE` characters of each side, as the whole readers give them to language id."""

    def __init__(self):
        self.sides, self.lengths = ([], []), [0, 0]

    def add(self, source: str, target: str) -> None:
        for k, text in enumerate((source, target)):
            if self.lengths[k] < SAMPLE:
                self.sides[k].append(text)
                self.lengths[k] += len(text) + 1


# ---- TSV: read_text + read_tsv_pairs, one line at a time -----------------------------------------------------
def tsv_lines(path: str, bom: bool) -> Iterator[tuple[int, str]]:
    """``(char offset, line)`` for each piece of ``text.split("\\n")``, decoded strictly as UTF-8."""
    pos = 0
    with open(path, "rb") as fh:
        if bom:
            fh.read(len(codecs.BOM_UTF8))
        first = True
        last = b""
        for raw in fh:
            last = raw
            line = raw[:-1].decode("utf-8") if raw.endswith(b"\n") else raw.decode("utf-8")
            if first and bom:
                line = line.lstrip("\ufeff")
            first = False
            yield pos, line
            pos += len(line) + 1
        if first or last.endswith(b"\n"):
            yield pos, ""


def _scan_tsv(path: str, source_lang, target_lang) -> dict | None:
    from tqcheck.io.text import _control_ratio

    if os.path.getsize(path) == 0:
        return None
    with open(path, "rb") as fh:
        head = fh.read(8192)
    bom = head.startswith(codecs.BOM_UTF8)
    if not bom and (head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head):
        return None
    pairs, prefix, prefix_len = 0, [], 0
    sample = _Sample()
    for _, line in tsv_lines(path, bom):
        if prefix_len < 20000:
            prefix.append(line)
            prefix_len += len(line) + 1
        if not line.strip():
            continue
        if line.count("\t") != 1:
            return None
        pairs += 1
        sample.add(*line.split("\t"))
    if not pairs or _control_ratio("\n".join(prefix)) > 0.05:
        return None
    try:
        langs = _languages(*sample.sides, source_lang, target_lang)
    except InputError:
        return None
    return {"kind": "tsv", "pairs": pairs, "langs": list(langs), "encoding": "utf-8-sig" if bom else "utf-8",
            "bom": bom}


def _tsv_windows(path: str, plan: dict, size: int, skip: set[int]):
    """A window is the file's text from its first line to its last (blank lines kept), and where it starts."""
    def items():
        index, lead = 0, []
        for start, line in tsv_lines(path, plan["bom"]):
            if not line.strip():
                lead.append(line + "\n")
                continue
            yield {"index": index, "start": start, "lead": "".join(lead), "line": line}
            index, lead = index + 1, []

    for k, before, own, after in runs(items(), size, skip):
        window = ([before] if before else []) + own + ([after] if after else [])
        text = window[0]["line"] + "".join("\n" + item["lead"] + item["line"] for item in window[1:])
        yield k, {"kind": "tsv", "text": text, "start": window[0]["start"], "base": window[0]["index"],
                  "own": [own[0]["index"], own[-1]["index"] + 1], "langs": plan["langs"],
                  "encoding": plan["encoding"]}


# ---- TMX and XLIFF: iter_tmx / iter_xliff and the batch engines' unit filter, one unit at a time ---------------
def kept(unit) -> bool:
    """Whether a unit is checked: translatable, with a source, and translated (or expected to be)."""
    return unit.translate and bool(unit.source.strip()) and not unit.untranslated


def _units(path: str, kind: str) -> Iterator:
    """The header, then each unit, or None for a unit that is not checked."""
    from tqcheck.io.tmx import iter_tmx
    from tqcheck.io.xliff import BilingualHeader, iter_xliff

    for item in (iter_xliff(path) if kind == "xliff" else iter_tmx(path)):
        yield item if isinstance(item, BilingualHeader) or kept(item) else None


def _scan_bilingual(path: str, kind: str, source_lang, target_lang) -> dict | None:
    from tqcheck.io.xliff import BilingualHeader, sniff_format

    kind = sniff_format(path) or kind                 # what the whole reader does
    if kind not in ("tmx", "xliff"):
        return None
    header, units, count = None, 0, 0
    sample = _Sample()
    for item in _units(path, kind):
        if isinstance(item, BilingualHeader):
            header = item
            continue
        units += 1
        if item is not None:
            count += 1
            sample.add(item.source, item.target or "")
    if header is None or not count:
        return None
    try:
        langs = _languages(*sample.sides, source_lang or header.source_lang, target_lang or header.target_lang)
    except InputError:
        return None
    return {"kind": kind, "pairs": count, "langs": list(langs), "format": header.format, "skipped": units - count,
            "encoding": "utf-8"}


def _bilingual_windows(path: str, plan: dict, size: int, skip: set[int]):
    """A window is its pairs, where their texts start in the documents the pairs make when joined by blank lines
    (Checker.check_pairs), and the units it owns."""
    def items():
        index, src_off, tgt_off = 0, 0, 0
        for unit in _units(path, plan["kind"]):
            if unit is None or not hasattr(unit, "source"):
                continue
            source, target = unit.source or "", unit.target or ""
            yield {"index": index, "src_off": src_off, "tgt_off": tgt_off, "pair": [source, target],
                   "unit": {"id": unit.id, "file": unit.file, "state": unit.state, "notes": unit.notes,
                            "codes": unit.codes}}
            index, src_off, tgt_off = index + 1, src_off + len(source) + 2, tgt_off + len(target) + 2

    for k, before, own, after in runs(items(), size, skip):
        window = ([before] if before else []) + own + ([after] if after else [])
        yield k, {"kind": plan["kind"], "pairs": [item["pair"] for item in window], "src_off": window[0]["src_off"],
                  "tgt_off": window[0]["tgt_off"], "base": window[0]["index"],
                  "own": [own[0]["index"], own[-1]["index"] + 1], "langs": plan["langs"],
                  "units": [item["unit"] for item in own]}
