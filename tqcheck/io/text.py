"""Decode a file to text (BOMs, legacy encodings) and split it into paragraphs."""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import InputError

MAX_BYTES = int(os.environ.get("TQCHECK_MAX_BYTES", 10 * 1024 * 1024))
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file, refusing what is not a readable, non-empty regular file of sane size."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, expected a text file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p}: file is empty")
    if size > max_bytes:
        raise InputError(
            f"{p}: {size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.0f} MB limit for one article "
            "(split it, or raise TQCHECK_MAX_BYTES)"
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Return ``(text, encoding)``; BOMs first, then UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError:
                raise InputError(f"{name}: has a {encoding} byte-order mark but is not valid {encoding}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, expected text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data, name)


# Legacy code pages of the supported languages, most likely first: charset-normalizer often scores several
# single-byte code pages the same, and then its first pick (e.g. cp1250 for Spanish) garbles ñ.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_roman")


def _detect_legacy(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(f"{name}: cannot detect the text encoding (save it as UTF-8)")
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for encoding in _PREFERRED:
        for match in tied:
            if encoding in match.could_be_from_charset:
                return data.decode(encoding), encoding
    return str(best), best.encoding


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Read and decode a text file; refuse whitespace-only content."""
    text, encoding = decode(read_bytes(path, max_bytes), str(path))
    if not text.strip():
        raise InputError(f"{path}: file has no text (only whitespace)")
    if _control_ratio(text) > 0.05:
        raise InputError(f"{path}: looks like a binary file, expected text")
    return text, encoding


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs are separated by blank lines; offsets point into ``text``."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + chunk.index(stripped)
            paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped), stripped))
        if match:
            pos = match.end()
    return paragraphs


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    return controls / max(1, len(sample))
