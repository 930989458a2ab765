"""Data files only (rules, names, abbreviations, calibration); ``read_table`` reads their TSV form."""
from __future__ import annotations

import csv
from importlib import resources


def read_table(relative_path: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV (``#`` lines before the header are metadata); [] when the file is absent."""
    path = resources.files("tqcheck.resources").joinpath(*relative_path.split("/"))
    if not path.is_file():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
