"""Frequency-driven sweep of Russian and Ukrainian lemmas for sense traps (issue 11, session 18).

Lists the most frequent words of a language (wordfreq ``top_n_list``), lemmatised through ``tqcheck/morph.py``
(the most likely parse), keeping nouns, adjectives, participles and verbs, deduplicated, in frequency order, with
the lexicon entries whose ``source`` already names the lemma (``covered_by``). Decisions are written by hand into
``bench/sense_sweep-<lang>.tsv`` (the note names the trap and its entry ids):

- ``keep``: the obvious English rendering misleads in a common sense, and an entry was added for it;
- ``keep-covered``: a trap that an older entry already catches (tried through ``tqcheck check``);
- ``named``: an older entry names the lemma; not judged again;
- ``no-trap``: the obvious rendering is right, or wrong only in senses too rare or too context-bound to list.

A new run keeps the decisions already written and lists the lemmas not yet swept with an empty decision, so the
sweep can be audited and continued (session 18 swept ``--top 10000``: 3,175 ru and 3,717 uk lemmas).

usage: python bench/sense_sweep.py [--langs ru,uk] [--top 4000]
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from wordfreq import top_n_list

from tqcheck import morph
from tqcheck.checks.lexicon import bundled_rule_files

HERE = Path(__file__).parent
POS = {"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS"}
FUNCTION = {"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "ADVB", "PRED", "NUMR"}
NAMES = set(morph.NAME_TAGS) | {"Geox"}
HEADER = ["rank", "lemma", "pos", "decision", "covered_by", "note"]


def covered(lang: str) -> dict[str, list[str]]:
    """Lemma (or prefix*) -> ids of the bundled lexicon entries whose ``source`` lists it."""
    out: dict[str, list[str]] = {}
    for f in bundled_rule_files(lang):
        for r in f.rules:
            for word in re.split(r"[\s|]+", r.source.text if r.source else ""):
                word = word.strip().lower()
                if word and not word.startswith("~"):
                    out.setdefault(word, []).append(r.id)
    return out


def lookup(lem: str, table: dict[str, list[str]]) -> list[str]:
    ids = list(table.get(lem, []))
    for key, found in table.items():
        if key.endswith("*") and lem.startswith(key[:-1]):
            ids.extend(found)
    return sorted(set(ids))


def candidates(lang: str, top: int) -> list[tuple[int, str, str]]:
    seen: set[str] = set()
    out = []
    for rank, word in enumerate(top_n_list(lang, top), 1):
        if not word.isalpha():
            continue
        parses = morph.parses(word, lang)
        # a word that may be a function word (як, до, про) is none of the candidates
        if not parses or any(q.tag.POS in FUNCTION for q in parses):
            continue
        content = [q for q in parses if q.tag.POS in POS]
        if not content:
            continue
        p = content[0]
        lem = p.normal_form
        pos = "VERB" if p.tag.POS in {"VERB", "INFN"} else "ADJ" if p.tag.POS in {"ADJF", "ADJS", "PRTF", "PRTS"} else "NOUN"
        if lem in seen or set(re.split(r"[ ,]", str(p.tag))) & NAMES:
            continue
        seen.add(lem)
        out.append((rank, lem, pos))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", default="ru,uk")
    ap.add_argument("--top", type=int, default=4000)
    args = ap.parse_args()
    for lang in args.langs.split(","):
        path = HERE / f"sense_sweep-{lang}.tsv"
        old: dict[str, dict] = {}
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                old = {r["lemma"]: r for r in csv.DictReader(fh, delimiter="\t")}
        table = covered(lang)
        rows = []
        for rank, lem, pos in candidates(lang, args.top):
            row = old.get(lem, {"decision": "", "note": ""})
            rows.append({"rank": rank, "lemma": lem, "pos": pos, "decision": row["decision"],
                         "covered_by": ",".join(lookup(lem, table)), "note": row["note"]})
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, HEADER, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        print(lang, len(rows), "lemmas,", sum(1 for r in rows if r["decision"] == "keep"), "kept,",
              sum(1 for r in rows if r["covered_by"]), "named by an entry")


if __name__ == "__main__":
    main()
