"""Pipeline recall of the lexicon entries and office tables on their own examples, and quiet on their negatives.

Every entry of ``rules/<src>-en/*.tsv`` (the default files) and every office of ``offices/<src>.toml`` that has an
``example_source``/``example_target`` goes through the whole pipeline (``Checker.check_pairs``, every check, no QE)
as a one-segment pair. Found: a finding of that rule id (or one that lists it in ``also`` after merging); ``by
other``: no finding of the rule, but another rule's finding in the pair. Variants
(``bench/lexicon_variants/<src>.tsv``: id, source, target) are second faulty pairs written apart from the entry's
example (another inflection, word order or tense): they show whether an entry generalises. Negatives
(``bench/lexicon_negatives/<src>.tsv``) are correct translations in which the literal English is right: a finding of
that rule on one is a false alarm.

``--since REF`` limits the count to entries whose id is not in the same files at git revision REF (the new ones).

usage: python bench/lexicon_recall.py [--langs es,fr,de,it,pt,ru,uk] [--since main] [--misses 30]
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import tomllib
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tqcheck import Checker
from tqcheck.checks.lexicon import bundled_rule_files
from tqcheck.config import Config
from tqcheck.scoring import NoScorer

NEGATIVES = Path(__file__).parent / "lexicon_negatives"
VARIANTS = Path(__file__).parent / "lexicon_variants"
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Example:
    lang: str
    id: str
    kind: str           # list (rules/*.tsv) | office (offices/*.toml) | variant | negative
    source: str
    target: str


def examples(lang: str) -> list[Example]:
    out = [Example(lang, r.id, "list", r.example_source, r.example_target)
           for f in bundled_rule_files(lang) for r in f.rules]
    path = resources.files("tqcheck.resources") / "offices" / f"{lang}.toml"
    if path.is_file():
        for office in tomllib.loads(path.read_text(encoding="utf-8"))["office"]:
            if office.get("example_source"):
                out.append(Example(lang, office["id"], "office", office["example_source"], office["example_target"]))
    return out


def pairs(folder: Path, lang: str, kind: str) -> list[Example]:
    """The ``id source target`` rows of ``folder/<lang>.tsv`` (negatives or variants)."""
    path = folder / f"{lang}.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        return [Example(lang, r["id"], kind, r["source"], r["target"]) for r in rows]


def ids_at(revision: str, lang: str) -> set[str]:
    """Entry and office ids of ``lang`` in the bundled files at a git revision."""
    found: set[str] = set()
    paths = [f"tqcheck/resources/rules/{lang}-en/{p.name}" for f in bundled_rule_files(lang) for p in [Path(f.path)]]
    paths.append(f"tqcheck/resources/offices/{lang}.toml")
    for path in paths:
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:{path}"], capture_output=True, text=True)
        if shown.returncode:
            continue
        if path.endswith(".toml"):
            found.update(o["id"] for o in tomllib.loads(shown.stdout).get("office", []))
        else:
            found.update(line.split("\t", 1)[0] for line in shown.stdout.splitlines() if "\t" in line)
    return found


def verdict(checker: Checker, example: Example) -> str:
    """found | by other | missed (for a negative: alarm | quiet)."""
    report = checker.check_pairs([(example.source, example.target)], source_lang=example.lang, target_lang="en")
    own = [f for f in report.findings if f.rule == example.id or example.id in f.also]
    if example.kind == "negative":
        return "alarm" if own else "quiet"
    if own:
        return "found"
    return "by other" if any(f.category != "qe" for f in report.findings) else "missed"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="es,fr,de,it,pt,ru,uk")
    parser.add_argument("--since", help="count only entries whose id is not in the files at this git revision")
    parser.add_argument("--misses", type=int, default=30, help="misses and alarms to print")
    args = parser.parse_args()
    checker = Checker(scorer=NoScorer(), config=Config(qe=False))
    print(f"{'lang':4s} {'kind':7s} {'entries':>7s} {'found':>6s} {'share':>6s} {'by other':>8s} "
          f"{'negatives':>9s} {'alarms':>6s}")
    shown: list[str] = []
    for lang in args.langs.split(","):
        old = ids_at(args.since, lang) if args.since else set()
        counts: dict[str, Counter] = {"list": Counter(), "office": Counter(), "variant": Counter()}
        for example in examples(lang) + pairs(VARIANTS, lang, "variant"):
            if example.id in old:
                continue
            result = verdict(checker, example)
            counts[example.kind][result] += 1
            if result != "found":
                shown.append(f"  {lang} {example.id}: {result} | {example.target}")
        neg = Counter()
        for example in pairs(NEGATIVES, lang, "negative"):
            result = verdict(checker, example)
            neg[result] += 1
            if result == "alarm":
                shown.append(f"  {lang} {example.id}: alarm on negative | {example.target}")
        for kind, c in counts.items():
            total = sum(c.values())
            share = f"{c['found'] / total:.2f}" if total else "   -"
            negs = f"{sum(neg.values()):9d} {neg['alarm']:6d}" if kind == "list" else ""
            print(f"{lang:4s} {kind:7s} {total:7d} {c['found']:6d} {share:>6s} {c['by other']:8d} {negs}")
    print(f"\n{min(args.misses, len(shown))} of {len(shown)} misses and alarms:")
    print("\n".join(shown[:args.misses]))


if __name__ == "__main__":
    main()
