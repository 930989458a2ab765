"""Recall of the relayed-name check on Russian names written in the German or French press transcription.

Names: Russian surnames and given names from pymorphy3's dictionary (the first ``--per-prefix`` nominatives of
each two-letter Cyrillic prefix, tagged Surn or Name), and the persons of ``names/established.tsv``. Each is written
the German or French way with the existing forward tables ``names/translit-cyrl-de.tsv`` / ``translit-cyrl-fr.tsv``
(independent of the backward table ``names/relayed.tsv`` the check reads). A spelling English already accepts
(Putin) is no case. Found: the check reports the word; right: one of its suggestions is an accepted English form.
A given name is reported only beside a relayed surname, so alone it counts as a miss (``given``: how many).
Control: the accepted English form itself, copied from a German or French source, must stay quiet.

usage: python bench/relayed_recall.py [--langs de,fr] [--per-prefix 2] [--misses 15]
"""
from __future__ import annotations

import argparse
import random
from collections import Counter

from tqcheck import morph
from tqcheck.checks.relayed_names import relayed
from tqcheck.checks.transliteration import _slavic, english_forms, is_accepted, romanise
from tqcheck.resources import read_table

LETTERS = "абвгдежзиклмнопрстуфхцчшэюя"


def names(per_prefix: int) -> list[str]:
    analyzer = morph.analyzer("ru")
    out: dict[str, None] = {}
    for a in LETTERS:
        for b in LETTERS:
            n = 0
            for p in analyzer.iter_known_word_parses(a + b):
                g = p.tag.grammemes
                if {"Surn", "Name"} & g and {"nomn", "sing", "masc"} <= g and p.word == p.normal_form:
                    out[p.word] = None
                    n += 1
                    if n >= per_prefix:
                        break
    for row in read_table("names/established.tsv"):
        if row["kind"] == "person" and row["lang"] in ("ru", "any"):
            out[row["cyrillic"]] = None
    return list(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="de,fr")
    parser.add_argument("--per-prefix", type=int, default=2)
    parser.add_argument("--misses", type=int, default=15)
    args = parser.parse_args()
    pool = names(args.per_prefix)
    print(f"{len(pool)} Russian names ({sum(_slavic(n) for n in pool)} with a Slavic ending)")
    print(f"{'lang':4s} {'cases':>5s} {'found':>6s} {'right':>6s} {'slavic':>7s} {'s-found':>7s} {'given':>6s} {'alarms':>9s}")
    rng = random.Random(1)
    for lang in args.langs.split(","):
        stats, misses, wrong, alarms = Counter(), [], [], []
        for lemma in pool:
            word = romanise(lemma, f"cyrl-{lang}")
            english = english_forms(lemma, "ru")[0]
            control = relayed(english, lang)
            control = control if control and not control.given else None
            stats["controls"] += 1
            if control:
                stats["alarms"] += 1
                alarms.append((english, control.fixes))
            if is_accepted(word, lemma, "ru") or is_accepted(word, lemma, "uk"):
                continue
            slavic = _slavic(lemma)
            stats["cases"] += 1
            stats["slavic"] += slavic
            found = relayed(word, lang)
            if found and found.given:       # reported only beside a relayed surname: not counted alone
                stats["given"] += 1
                found = None
            if not found:
                misses.append((lemma, word, english))
                continue
            stats["found"] += 1
            stats["s-found"] += slavic
            if any(is_accepted(fix, lemma, "ru") for fix in found.fixes):
                stats["right"] += 1
            else:
                wrong.append((lemma, word, found.fixes))
        share = lambda a, b: f"{stats[a] / stats[b]:.2f}" if stats[b] else "-"
        print(f"{lang:4s} {stats['cases']:5d} {share('found', 'cases'):>6s} {share('right', 'found'):>6s} "
              f"{stats['slavic']:7d} {share('s-found', 'slavic'):>7s} {stats['given']:6d} {stats['alarms']:4d}/{stats['controls']}")
        for title, items in (("misses", misses), ("wrong suggestions", wrong), ("alarms on English forms", alarms)):
            sample = rng.sample(items, min(args.misses, len(items)))
            print(f"  {title} ({len(items)}): " + "; ".join(" ".join(map(str, x)) for x in sample))


if __name__ == "__main__":
    main()
