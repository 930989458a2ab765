"""Pre-segmented pairs: one ``source<TAB>target`` per line."""
from __future__ import annotations

from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.io.text import read_text


def read_tsv_pairs(path: str | Path) -> tuple[str, str, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Return ``(text, encoding, pairs)``; each pair holds the (start, end) offsets of source and target in ``text``."""
    text, encoding = read_text(path)
    pairs = []
    pos = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if line.count("\t") != 1:
                raise InputError(f"{path}:{number}: expected 'source<TAB>target', found {line.count(chr(9)) + 1} columns")
            cut = line.index("\t")
            pairs.append(((pos, pos + cut), (pos + cut + 1, pos + len(line))))
        pos += len(line) + 1
    if not pairs:
        raise InputError(f"{path}: no 'source<TAB>target' lines")
    return text, encoding, pairs
