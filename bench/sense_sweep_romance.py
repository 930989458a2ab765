"""A frequency-driven sweep for lexicon entries (issue 11): the most frequent words of es, pt, fr, it.

Takes the ``--top`` most frequent words (session 18: the first 4,000 read closely, 4,000-6,500 in a second pass) of each language (wordfreq ``top_n_list``), lemmatises them through
``tqcheck.morph`` (simplemma), leaves out closed-class words (``sense_sweep_romance/closed-class.tsv``; there is
no POS tagger, so nouns, adjectives and verbs are what remains), numbers and words of one or two letters, and
deduplicates by lemma. Each lemma then gets the decision written by hand in ``sense_sweep_romance/kept.tsv``
(``keep``: its obvious English look-alike or first dictionary equivalent misleads in a common sense; the row names
that rendering, whether the checks already caught it, ``covered``, or which entry was added, ``added``); a lemma
absent from that file was read and judged to hold no such trap (``no trap``). The merged table is written to
``sense_sweep_romance.tsv`` so the sweep can be audited and continued (a larger ``--top`` adds rows, every new
lemma ``unread`` until ``--read-up-to`` covers it).

``--probe`` runs every kept row's probe pair (``probe_source``/``probe_target``: a faulty translation with the
literal rendering) through the whole pipeline (every check, no QE) and prints which rule, if any, fires on it.

usage: python bench/sense_sweep_romance.py [--langs es,pt,fr,it] [--top 6500] [--probe [--update]]
"""
from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import wordfreq

from tqcheck import morph

HERE = Path(__file__).parent
DATA = HERE / "sense_sweep_romance"
OUT = HERE / "sense_sweep_romance.tsv"
HEADER = ("# Hand decisions of the frequency sweep (bench/sense_sweep_romance.py): one row a lemma judged a trap (keep).\n"
          "# status: added (an entry of rules/<src>-en/frequent-words.tsv fires on the probe), covered (another rule\n"
          "# fires), dropped (nothing fires and nothing was added: the note says why). probe_source/probe_target: a\n"
          "# faulty pair with the literal rendering. A lemma of the sweep absent here was read and judged no trap.\n")


def closed_class() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    with (DATA / "closed-class.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            out[row["lang"]].update(row["words"].split())
    return out


def kept() -> dict[tuple[str, str], dict[str, str]]:
    """The hand decisions: (lang, lemma) -> row of ``kept.tsv``."""
    with (DATA / "kept.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        return {(r["lang"], r["lemma"]): r for r in rows}


def candidates(lang: str, top: int, closed: set[str]) -> list[tuple[str, list[str], float]]:
    """(lemma, forms in frequency order, Zipf of the most frequent form) of the open-class words."""
    forms: dict[str, list[str]] = {}
    for word in wordfreq.top_n_list(lang, top):
        if not word.isalpha() or len(word) < 3 or word in closed:
            continue
        lemma = morph.lemma(word, lang)
        if lemma in closed or len(lemma) < 3:
            continue
        forms.setdefault(lemma, []).append(word)
    return [(lemma, words, wordfreq.zipf_frequency(words[0], lang)) for lemma, words in forms.items()]


def probe(rows: dict[tuple[str, str], dict[str, str]], update: bool = False) -> None:
    """Run each kept row's probe pair through the pipeline; with ``update``, write what fired back into
    ``kept.tsv`` (``added``: an entry of frequent-words.tsv, ``covered``: another rule, ``dropped``: none)."""
    from tqcheck import Checker
    from tqcheck.config import Config
    from tqcheck.scoring import NoScorer

    checker = Checker(scorer=NoScorer(), config=Config(qe=False))
    for (lang, lemma), row in sorted(rows.items()):
        if not row.get("probe_source"):
            continue
        report = checker.check_pairs([(row["probe_source"], row["probe_target"])], source_lang=lang,
                                     target_lang="en")
        rules = sorted({f.rule for f in report.findings if f.category != "qe"})
        print(f"{lang}\t{lemma}\t{row['status']}\t{','.join(rules) or '-'}\t{row['probe_target']}")
        if update:
            own = [r for r in rules if f"{lang}-fw-" in r]
            row["entry"] = ",".join(own or rules)
            row["status"] = "added" if own else "covered" if rules else "dropped"
    if update:
        fields = ["lang", "lemma", "literal_english", "status", "entry", "note", "probe_source", "probe_target"]
        with (DATA / "kept.tsv").open("w", encoding="utf-8", newline="") as handle:
            handle.write(HEADER)
            out = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            out.writerow(fields)
            for row in rows.values():
                out.writerow([row[f] for f in fields])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="es,pt,fr,it")
    parser.add_argument("--top", type=int, default=6500)
    parser.add_argument("--read-up-to", type=int, default=6500,
                        help="the lemmas from the first N words were read by hand (no row: no trap)")
    parser.add_argument("--probe", action="store_true")
    parser.add_argument("--update", action="store_true", help="with --probe: write the statuses into kept.tsv")
    parser.add_argument("--list", help="print the candidate lemmas of this language, 12 a line, and stop")
    args = parser.parse_args()
    closed = closed_class()
    decisions = kept()
    if args.list:
        lemmas = [c[0] for c in candidates(args.list, args.top, closed[args.list])]
        for i in range(0, len(lemmas), 12):
            print(" ".join(lemmas[i:i + 12]))
        return
    if args.probe:
        probe({k: v for k, v in decisions.items() if k[0] in args.langs.split(",")} if not args.update else decisions,
              args.update)
        return
    read = {lang: {c[0] for c in candidates(lang, args.read_up_to, closed[lang])} for lang in args.langs.split(",")}
    counts: dict[str, dict[str, int]] = {}
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        out.writerow(["lang", "lemma", "forms", "zipf", "decision", "literal_english", "status", "entry", "note"])
        for lang in args.langs.split(","):
            c = counts.setdefault(lang, defaultdict(int))
            for lemma, forms, zipf in candidates(lang, args.top, closed[lang]):
                row = decisions.get((lang, lemma))
                c["swept"] += 1
                if row:
                    c["kept"] += 1
                    c[row["status"]] += 1
                    out.writerow([lang, lemma, "|".join(forms), f"{zipf:.2f}", "keep", row["literal_english"],
                                  row["status"], row["entry"], row["note"]])
                else:
                    decision = "no trap" if lemma in read[lang] else "unread"
                    c[decision] += 1
                    out.writerow([lang, lemma, "|".join(forms), f"{zipf:.2f}", decision, "", "", "", ""])
            # a second sense of a swept lemma (jornada-deporte), a form simplemma reads as another lemma (pt
            # cifra: cifrar) or one of the brief's examples outside the top words: kept, marked apart
            for (code, lemma), row in decisions.items():
                if code == lang and lemma not in read[lang]:
                    c["kept outside the sweep"] += 1
                    c[row["status"]] += 1
                    out.writerow([lang, lemma, "", f"{wordfreq.zipf_frequency(lemma.split('-')[0], lang):.2f}",
                                  "keep (outside the sweep)", row["literal_english"], row["status"], row["entry"],
                                  row["note"]])
    for lang, c in counts.items():
        print(lang, dict(c))


if __name__ == "__main__":
    main()
