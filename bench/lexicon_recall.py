"""Pipeline recall of the bundled lexicon entries on their own examples, and silence on their counter-examples.

Each entry's ``example_source``/``example_target`` goes through the whole pipeline on its own
(``Checker.check_pairs``, every check, no QE). Found: a finding of the entry's rule, or a finding that lists it
under ``also`` (merged with another rule on the same span). ``by other``: the span is flagged, but under another
rule only (the entry was suppressed or lost the merge). Counter-examples (``bench/lexicon/negatives.tsv``:
``id``, ``source``, ``target``: a correct English rendering where the literal word is right) must raise no
finding of that entry; one that does is a false alarm.

Prints per language and file: entries, share found, found under another rule, misses; then every miss and false
alarm.

usage: python bench/lexicon_recall.py [--langs es,fr,it,pt] [--files translationese.tsv,idioms.tsv,titles.tsv]
"""
from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from tqcheck import Checker
from tqcheck.checks.lexicon import bundled_rule_files
from tqcheck.config import Config
from tqcheck.scoring import NoScorer

NEGATIVES = Path(__file__).parent / "lexicon" / "negatives.tsv"


def negatives() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with NEGATIVES.open(encoding="utf-8") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE):
            out[row["id"]].append((row["source"], row["target"]))
    return out


def rule_findings(checker: Checker, lang: str, source: str, target: str, rule_id: str) -> tuple[bool, bool]:
    """(a finding of this rule, or listing it under ``also``; any finding on the span the rule flags)."""
    report = checker.check_pairs([(source, target)], source_lang=lang, target_lang="en")
    mine = [f for f in report.findings if f.rule == rule_id or rule_id in f.also]
    return bool(mine), bool([f for f in report.findings if f.category != "qe"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="es,fr,it,pt")
    parser.add_argument("--files", default="", help="only these bundled file names (default: all)")
    args = parser.parse_args()
    files = set(filter(None, args.files.split(",")))
    checker = Checker(scorer=NoScorer(), config=Config(qe=False))
    counter = negatives()
    stats: dict[tuple[str, str], Counter] = defaultdict(Counter)
    misses, alarms = [], []
    for lang in args.langs.split(","):
        for rule_file in bundled_rule_files(lang):
            name = Path(rule_file.path).name
            if files and name not in files:
                continue
            row = stats[(lang, name)]
            for rule in rule_file.rules:
                row["entries"] += 1
                found, any_finding = rule_findings(checker, lang, rule.example_source, rule.example_target, rule.id)
                if found:
                    row["found"] += 1
                elif any_finding:
                    row["by other"] += 1
                    misses.append((rule.id, "by other", rule.example_target))
                else:
                    misses.append((rule.id, "missed", rule.example_target))
                for source, target in counter.get(rule.id, ()):
                    row["negatives"] += 1
                    if rule_findings(checker, lang, source, target, rule.id)[0]:
                        row["alarms"] += 1
                        alarms.append((rule.id, target))
    print(f"{'lang':4s} {'file':28s} {'entries':>7s} {'found':>6s} {'share':>6s} {'by other':>8s} {'negatives':>9s} "
          f"{'alarms':>6s}")
    totals: dict[str, Counter] = defaultdict(Counter)
    for (lang, name), r in sorted(stats.items()):
        totals[lang].update(r)
        totals["all"].update(r)
        print(_line(lang, name, r))
    for lang, r in totals.items():
        print(_line(lang, "(all files)", r))
    for title, items in (("misses", misses), ("false alarms on counter-examples", alarms)):
        print(f"\n{len(items)} {title}:")
        for item in items:
            print("  " + " | ".join(item))


def _line(lang: str, name: str, r: Counter) -> str:
    share = f"{r['found'] / r['entries']:.2f}" if r["entries"] else "-"
    return (f"{lang:4s} {name:28s} {r['entries']:7d} {r['found']:6d} {share:>6s} {r['by other']:8d} "
            f"{r['negatives']:9d} {r['alarms']:6d}")


if __name__ == "__main__":
    main()
