"""Recall and false alarms of the untranslated checks on the hand-written development set
``bench/untranslated_dev/<lang>.txt`` (format in its README; written for this rule, so not blind).

Each pair is one aligned segment; every check that needs no encoder runs on it (the registry without
``alignment`` and the opt-in ``cognate-sense``) and the findings are merged as the pipeline merges them.
- recall: a positive is found when an ``untranslated`` finding (or one whose ``also`` lists an untranslated rule)
  overlaps its span; ``other`` counts positives flagged only by another category on that span.
- false alarms: ``untranslated`` findings on the negatives, and on a positive outside its span.

usage: python bench/untranslated_dev.py [--langs es,fr,...] [--show] [--held-out]
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from tqcheck.checks import REGISTRY
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.checks.merge import merge_findings
from tqcheck.config import Config
from tqcheck.model import Document, Segment
from tqcheck.segment import segment_document

DATA = Path(__file__).with_name("untranslated_dev")
LANGS = ("es", "fr", "de", "it", "pt", "ru", "uk")
SKIP = {"alignment", "cognate-sense"}


def cases(lang: str, held_out: bool = False):
    """(label, kind, span, source, target) of one language's file (``<lang>.heldout.txt``: the cases written after
    the rule was tuned, never tuned to)."""
    for line in (DATA / f"{lang}{'.heldout' if held_out else ''}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind, span, source, target = (p.strip() for p in line.split(" | "))
            yield label, kind, span, source, target


def run(checks, source: str, target: str, lang: str):
    src, tgt = Document(source, lang), Document(target, "en")
    src.sentences, tgt.sentences = segment_document(source, lang), segment_document(target, "en")
    seg = Segment(0, tuple(s.index for s in src.sentences), tuple(s.index for s in tgt.sentences), None, 0.9)
    ctx = CheckContext(src, tgt, build_views(src, tgt, [seg]))
    return merge_findings(f for check in checks for f in check.run(ctx))


def untranslated(f) -> bool:
    return f.category == "untranslated" or any(r.startswith("untranslated") for r in f.also)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--show", action="store_true", help="print each miss and false alarm")
    ap.add_argument("--held-out", action="store_true", help="the held-out files, written after tuning")
    args = ap.parse_args()
    config = Config()
    checks = [factory(config) for name, factory in REGISTRY.items() if name not in SKIP]
    by_kind = defaultdict(lambda: [0, 0])
    print(f"{'lang':5} {'recall':>10} {'other':>6} {'false alarms':>13}  (negatives; outside the span of positives)")
    total = [0, 0, 0, 0, 0]
    for lang in args.langs.split(","):
        found = n = other = fa_neg = fa_pos = 0
        for label, kind, span, source, target in cases(lang, args.held_out):
            findings = [f for f in run(checks, source, target, lang) if f.target_span is not None]
            if label == "neg":
                bad = [f for f in findings if untranslated(f)]
                fa_neg += len(bad)
                by_kind[f"neg {kind}"][0] += len(bad)
                by_kind[f"neg {kind}"][1] += 1
                for f in bad if args.show else ():
                    print(f"  FALSE {lang} {kind}: {f.target_span.text!r} [{f.rule}] in {target}")
                continue
            start = target.index(span)
            end = start + len(span)
            on = [f for f in findings if f.target_span.start < end and f.target_span.end > start]
            hit = any(untranslated(f) for f in on)
            found += hit
            n += 1
            other += (not hit) and bool(on)
            by_kind[f"pos {kind}"][0] += hit
            by_kind[f"pos {kind}"][1] += 1
            outside = [f for f in findings if untranslated(f) and f not in on]
            fa_pos += len(outside)
            if args.show and not hit:
                print(f"  MISS  {lang} {kind}: {span!r}{' (other: ' + on[0].rule + ')' if on else ''} in {target}")
            for f in outside if args.show else ():
                print(f"  FALSE {lang} {kind}: {f.target_span.text!r} [{f.rule}] beside {span!r}")
        print(f"{lang:5} {found:4}/{n:<3} {found / n:.2f} {other:6} {fa_neg:6}; {fa_pos}")
        for i, v in enumerate((found, n, other, fa_neg, fa_pos)):
            total[i] += v
    print(f"{'all':5} {total[0]:4}/{total[1]:<3} {total[0] / total[1]:.2f} {total[2]:6} {total[3]:6}; {total[4]}")
    print("\nby kind (positives: found/cases; negatives: false alarms/cases)")
    for kind in sorted(by_kind):
        print(f"  {kind:18} {by_kind[kind][0]:3}/{by_kind[kind][1]}")


if __name__ == "__main__":
    main()
