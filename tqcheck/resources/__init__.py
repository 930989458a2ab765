"""Data files only (rules, names, abbreviations, calibration); ``read_table`` reads their TSV form."""
from __future__ import annotations

import csv
from importlib import resources
from typing import Iterator


def read_table(relative_path: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV (``#`` lines before the header are metadata); [] when the file is absent."""
    return list(iter_table(relative_path))


def read_words(relative_path: str) -> list[str]:
    """The words of a bundled word list (one or more per line; ``#`` lines are comments and metadata)."""
    text = resources.files("tqcheck.resources").joinpath(*relative_path.split("/")).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


def iter_table(relative_path: str) -> Iterator[dict[str, str]]:
    """The rows of :func:`read_table` one at a time: a large table (the gazetteer's 49,000 rows) is never held as a
    list of dicts."""
    path = resources.files("tqcheck.resources").joinpath(*relative_path.split("/"))
    if not path.is_file():
        return
    lines = (line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
