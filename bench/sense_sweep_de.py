"""Frequency-driven sense sweep of German (issue 11, session 18): the most frequent German words, by lemma, each
with a decision on whether its obvious English look-alike or part-by-part rendering misleads in a common sense.

Step ``candidates`` writes ``bench/sense_sweep_de.tsv`` from wordfreq's top-N German list: each word lemmatised
through ``tqcheck/morph.py`` (simplemma: a capitalised lemma is a noun), closed-class words dropped, one row per
lemma (rank of its most frequent form). The decision columns come from ``bench/sense_sweep_de_decisions.tsv``
(hand-written: ``lemma decision literal example_source example_target reason``, decision ``keep`` or ``drop``);
a lemma it does not list is ``drop`` with reason ``-`` (no misleading look-alike judged). Step ``check`` runs each
kept lemma's example pair through the whole pipeline (every check, no QE) and writes which rules fire on it into
the ``covered_by`` column: ``-`` means no check catches the literal rendering (an entry to add); rule ids of
``rules/de-en/senses.tsv`` (``de-se-*``) are the entries this sweep added, any other id an older rule that already
caught it. Counts printed: swept lemmas, kept, already covered (by an older rule), added (only by ``de-se-*``), open.

``--wmt DIR`` (a probe of the added entries on machine translation): every ``rules/de-en/senses.tsv`` entry is fired
sentence by sentence (``Rule.fires``, no paragraph context) on the WMT21 de-en system outputs in DIR (the primary
systems, not the references); prints hits per entry with one example per source sentence, to read: real MT errors
or false alarms.

usage: python bench/sense_sweep_de.py [--top 5000] [--no-check] [--wmt ../shared/data/wmt21]
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import wordfreq

from tqcheck import morph

HERE = Path(__file__).parent
OUT = HERE / "sense_sweep_de.tsv"
DECISIONS = HERE / "sense_sweep_de_decisions.tsv"

# Closed-class German words (articles, pronouns, prepositions, conjunctions, particles, auxiliaries, numerals):
# the sweep is over nouns, adjectives, verbs and compounds.
CLOSED = frozenset("""
der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen ich du er sie es wir
ihr mich dich sich uns euch mir dir ihm ihnen ihn mein meine dein deine sein seine unser unsere euer eure ihre man
jemand niemand nichts etwas alle alles jeder jede jedes dieser diese dieses jener jene welcher welche welches was wer
wem wen wessen und oder aber denn sondern doch ja nein nicht auch noch schon nur sehr so wie als ob wenn weil dass da
dann damit daher deshalb deswegen trotzdem obwohl während bevor nachdem seit seitdem bis um zu an auf aus bei mit
nach von vor über unter zwischen durch für gegen ohne hinter neben in im am ans aufs beim vom zum zur ins hier dort
wo wohin woher warum wieso weshalb wann immer nie niemals oft mal einmal wieder eben halt mal wohl gar sogar etwa
fast kaum nun jetzt heute gestern morgen bereits eigentlich vielleicht ganz mehr weniger viel viele wenig wenige
sein haben werden können müssen sollen wollen dürfen mögen möchten lassen tun ja nee naja oh ach hallo ok okay
eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf hundert tausend selbst selber dies desto umso je
jedoch zwar sowie sowohl weder noch entweder allerdings außerdem ebenfalls zudem somit also irgendwie irgendwo
irgendwas darauf darüber darum davon dazu dagegen dabei dafür daraus darin daran hierzu hierbei worauf worüber
wovon wozu womit wodurch dadurch bzw usw vgl dh zb ca nr
""".split())


def candidates(top: int) -> list[dict]:
    """One row per content lemma of the ``top`` most frequent German words (rank of its first form)."""
    rows: dict[str, dict] = {}
    for rank, word in enumerate(wordfreq.top_n_list("de", top), 1):
        if word in CLOSED or len(word) < 3 or not word.isalpha():
            continue
        written = morph.written_lemma(word, "de")
        lemma = written.lower()
        if lemma in CLOSED:
            continue
        row = rows.setdefault(lemma, {"rank": rank, "lemma": lemma,
                                      "pos": "noun" if written[:1].isupper() else "other",
                                      "zipf": f"{morph.zipf(lemma, 'de'):.2f}", "forms": []})
        if len(row["forms"]) < 4 and word != lemma:
            row["forms"].append(word)
    return list(rows.values())


def decisions() -> dict[str, dict]:
    if not DECISIONS.is_file():
        return {}
    with DECISIONS.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {r["lemma"].lower(): r for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def covered_by(checker, source: str, target: str) -> str:
    """The non-QE rules that fire on one pair, ``-`` for none."""
    report = checker.check_pairs([(source, target)], source_lang="de", target_lang="en")
    rules = sorted({f.rule for f in report.findings if f.category != "qe"})
    return ",".join(rules) or "-"


def wmt_probe(folder: Path) -> None:
    """Hits of the ``de-se-*`` entries on the WMT21 de-en system outputs of ``folder`` (``doc seg source target``)."""
    from collections import defaultdict

    from tqcheck.checks.lexicon import load_rules

    rules = [r for r in load_rules("de") if r.id.startswith("de-se-")]
    hits: dict[str, list[tuple[str, str, str, str, str]]] = defaultdict(list)
    for path in sorted(folder.glob("newstest2021.de-en.*.tsv")):
        system = path.name.split(".")[-2]
        if system.startswith("ref"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) < 4:
                continue
            source, target = cells[2], cells[3]
            for rule in rules:
                hit = rule.fires(source, target)
                if hit is not None:
                    hits[rule.id].append((system, source[slice(*hit.source)], target[slice(*hit.target)], source, target))
    for rule_id, found in sorted(hits.items(), key=lambda kv: -len(kv[1])):
        print(f"{rule_id}: {len(found)} hits")
        shown: set[str] = set()
        for system, src_span, tgt_span, source, target in found:
            if source not in shown:
                shown.add(source)
                print(f"   [{system}] {src_span} -> {tgt_span} | {source} || {target}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=5000)
    parser.add_argument("--no-check", action="store_true", help="do not run the kept examples through the checker")
    parser.add_argument("--wmt", type=Path, help="probe the added entries on the WMT21 de-en system outputs here")
    args = parser.parse_args()
    if args.wmt:
        wmt_probe(args.wmt)
        return
    rows = candidates(args.top)
    decided = decisions()
    checker = None
    if not args.no_check:
        from tqcheck import Checker
        from tqcheck.config import Config
        from tqcheck.scoring import NoScorer
        checker = Checker(scorer=NoScorer(), config=Config(qe=False))
    seen = {r["lemma"] for r in rows}
    # kept lemmas below the frequency cut (compounds of a swept head word) are listed after the sweep
    extra = [{"rank": "", "lemma": k, "pos": "noun" if d.get("lemma", "")[:1].isupper() else "other",
              "zipf": f"{morph.zipf(k, 'de'):.2f}", "forms": []} for k, d in decided.items() if k not in seen]
    counts = {"swept": len(rows), "keep": 0, "covered": 0, "added": 0, "open": 0}
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# sense sweep of the {args.top} most frequent German words (wordfreq), by lemma; "
                     f"made by bench/sense_sweep_de.py from bench/sense_sweep_de_decisions.tsv\n")
        out = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        out.writerow(["rank", "lemma", "pos", "zipf", "forms", "decision", "literal", "covered_by", "reason"])
        for row in rows + extra:
            d = decided.get(row["lemma"], {})
            decision = d.get("decision") or "drop"
            cover = ""
            if decision == "keep":
                counts["keep"] += 1
                if checker is not None and d.get("example_source"):
                    cover = covered_by(checker, d["example_source"], d["example_target"])
                    older = [rule for rule in cover.split(",") if rule != "-" and not rule.startswith("de-se-")]
                    counts["covered" if older else "added" if cover != "-" else "open"] += 1
            out.writerow([row["rank"], row["lemma"], row["pos"], row["zipf"], ",".join(row["forms"]), decision,
                          d.get("literal", ""), cover, d.get("reason") or "-"])
    print(counts)


if __name__ == "__main__":
    main()
