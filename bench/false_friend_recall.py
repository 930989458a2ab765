"""Pipeline recall of the false-friend signal on a synthetic set built from LanguageTool's false-friend list.

For every entry of ``tqcheck/resources/false-friends/languagetool.tsv`` (all of them, including those that
``languagetool-off.tsv`` turns off) and each source spelling, a short news sentence pair is generated from the
templates in ``bench/false_friends/templates.toml`` (no sentence is written for an entry): the source word in its
listed form and in an inflected form, the English with the look-alike (positive) or with the entry's first
meaning (control). Each pair goes through the whole pipeline (``Checker.check_pairs``, every check, no QE).

Found: a finding whose target span covers the English word. A miss is put down to the first reason that explains
it: ``off-list`` (turned off in languagetool-off.tsv), ``tokenising`` (the source or English word is not one token),
``lemma`` (no lemma of the inflected source word is the listed one), ``derivation`` (the derived word is not
tied to the listed one), ``name`` (the source word is taken for a
name), ``english-form`` (the English form does not lemmatise to the look-alike), ``word-alignment`` (the signal
requires an aligned pair and the aligner does not link them), else ``pipeline`` (suppressed or merged away).
Control findings on the English word are false alarms. ``on-list``: the share found among entries not turned off.

usage: python bench/false_friend_recall.py [--langs de,es,fr,it,pt,ru,uk] [--misses 20] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from tqcheck import Checker, morph
from tqcheck.checks import cognates
from tqcheck.checks.words import is_source_name, words
from tqcheck.config import Config
from tqcheck.resources import read_table
from tqcheck.scoring import NoScorer

TEMPLATES = tomllib.loads((Path(__file__).parent / "false_friends" / "templates.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Case:
    lang: str
    key: str             # the listed source spelling
    source_word: str
    english_word: str
    look_alikes: frozenset[str]
    kind: str            # "listed" or "inflected"
    control: bool
    pos: str

    def pair(self) -> tuple[str, str]:
        return (TEMPLATES[self.lang]["templates"][self.pos].format(w=self.source_word),
                TEMPLATES["en"]["templates"][self.pos].format(w=self.english_word))


def guess_pos(word: str, lang: str) -> str:
    if lang in morph.MORPHOLOGY:
        tags = morph.parses(word, lang)[0].tag if morph.parses(word, lang) else None
        pos = tags.POS if tags else "NOUN"
        return {"ADJF": "adj", "INFN": "verb", "VERB": "verb", "ADVB": "adv"}.get(pos, "noun")
    for pattern, pos in TEMPLATES[lang]["pos"]["rules"]:
        if re.search(pattern, word):
            return pos
    return "noun"


KNOWN = 1.0   # Zipf: a generated form at least this frequent is a real word of the language


def candidates(word: str, rules: list) -> list[str]:
    """Every form the matching ending rules make, in rule order."""
    return [re.sub(pattern, repl, word, count=1) for pattern, repl in rules if re.search(pattern, word)]


def known(forms: list[str], lang: str) -> str | None:
    return next((f for f in forms if morph.zipf(f.lower(), lang) >= KNOWN), None)


def inflect(word: str, lang: str, pos: str) -> str | None:
    """An inflected form of the listed source word that the language knows, or None."""
    rules = TEMPLATES[lang]["inflect"][pos]
    if lang in morph.MORPHOLOGY:
        parses = [p for p in morph.parses(word, lang) if p.normal_form == word] or morph.parses(word, lang)
        forms = [f.word for g in rules if parses and (f := parses[0].inflect(set(g))) is not None]
        return next((f for f in forms if f != word), None)
    return known([f for f in candidates(word, rules) if f != word], lang)


def derive(word: str, lang: str, pos: str) -> tuple[str, str] | None:
    """(other part of speech, its form): an adjective's adverb or an adverb's adjective, if the language knows it."""
    other = {"adj": "adv", "adv": "adj"}.get(pos)
    rules = TEMPLATES[lang].get("derive", {}).get(other, []) if other else []
    form = known(candidates(word, rules), lang)
    return (other, form) if form else None


def english_inflect(word: str, pos: str) -> str | None:
    """The template's inflection of an English word (of the last word of a phrase), if English knows it
    (doubling the final consonant where that makes the known word: concurred)."""
    head, _, last = word.rpartition(" ")
    forms = [f for c in candidates(last, TEMPLATES["en"]["inflect"][pos])
             for f in (c, re.sub(r"(\w)ed$", r"\1\1ed", c) if c.endswith("ed") else c)]
    form = known(forms, "en")
    return f"{head} {form}".strip() if form else None


def english_derive(word: str, pos: str) -> str | None:
    head, _, last = word.rpartition(" ")
    form = known(candidates(last, TEMPLATES["en"]["derive"][pos]), "en")
    return f"{head} {form}".strip() if form else None


def look_alike(english: list[str], pos: str) -> str:
    if pos == "adv":
        return next((e for e in english if e.endswith("ly")), english[0])
    return next((e for e in english if not e.endswith("ly")), english[0])


def meaning(meanings: list[str]) -> str:
    text = re.sub(r"\([^)]*\)", "", meanings[0]).strip()
    return re.sub(r"\s+", " ", text)


def cases(langs: list[str]) -> list[Case]:
    out = []
    for row in read_table("false-friends/languagetool.tsv"):
        lang = row["lang"]
        if lang not in langs:
            continue
        english = row["english"].split("|")
        right = meaning(row["meanings"].split("|"))
        for key in row["source"].split("|"):
            pos = guess_pos(key, lang)
            wrong = look_alike(english, pos)
            variants = [("listed", pos, key, wrong, right),
                        ("inflected", pos, inflect(key, lang, pos), english_inflect(wrong, pos),
                         english_inflect(right, pos))]
            derived = derive(key, lang, pos)
            if derived:
                other, form = derived
                variants.append(("derived", other, form, english_derive(wrong, other), english_derive(right, other)))
            for kind, p, src, en, control in variants:
                if not src or (kind == "inflected" and src == key):
                    continue
                if p in TEMPLATES[lang]["pos"].get("capitalise", ()):
                    src = src[:1].upper() + src[1:]
                if en:
                    out.append(Case(lang, key, src, en, frozenset(english), kind, False, p))
                if control:
                    out.append(Case(lang, key, src, control, frozenset(english), kind, True, p))
    return out


def found(checker: Checker, case: Case) -> list:
    source, target = case.pair()
    report = checker.check_pairs([(source, target)], source_lang=case.lang, target_lang="en")
    start = report.target.text.find(case.english_word)
    end = start + len(case.english_word)
    return [f for f in report.findings
            if f.target_span and f.target_span.start < end and start < f.target_span.end and f.category != "qe"]


def reason(case: Case) -> str:
    source, target = case.pair()
    if any(case.lang == lang and case.key in keys.split("|") for lang, keys in OFF):
        return "off-list"
    src = [w for w in words(source) if w.text == case.source_word]
    if not src or not any(w.text == case.english_word for w in words(target)):
        return "tokenising"
    if is_source_name(src[0], case.lang):
        return "name"
    if case.key not in morph.lemmas(case.source_word, case.lang) and case.kind != "derived":
        return "lemma"
    if case.kind == "derived" and not _related(case):
        return "derivation"
    if not cognates.english_lemmas(case.english_word) & case.look_alikes:
        return "english-form"
    aligned = getattr(cognates, "aligned_false_friend", None)
    if aligned is not None and not aligned(source, target, case.lang, case.source_word, case.english_word):
        return "word-alignment"
    return "pipeline"


def _related(case: Case) -> bool:
    """Does the check's derivation layer (if any) tie the derived source word to the listed one?"""
    related = getattr(cognates, "source_keys", None)
    return related is not None and case.key in related(case.source_word, case.lang)


OFF = {(r["lang"], r["source"]) for r in read_table("false-friends/languagetool-off.tsv")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="de,es,fr,it,pt,ru,uk")
    parser.add_argument("--misses", type=int, default=20, help="misses and false alarms to print")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    checker = Checker(scorer=NoScorer(), config=Config(qe=False))
    stats: dict = defaultdict(Counter)
    misses, alarms = [], []
    for case in cases(args.langs.split(",")):
        hits = found(checker, case)
        row = stats[case.lang]
        if case.control:
            row["controls"] += 1
            if hits:
                row["alarms"] += 1
                alarms.append((case, hits))
            continue
        row["pos"] += 1
        row[f"pos-{case.kind}"] += 1
        if hits:
            row["found"] += 1
            row[f"found-{case.kind}"] += 1
            row["by " + hits[0].rule.split("-")[0] if hits[0].rule.startswith("false-friend") else "by other"] += 1
        else:
            why = reason(case)
            row["lost " + why] += 1
            misses.append((case, why))
    reasons = sorted({k for r in stats.values() for k in r if k.startswith("lost ")})
    print(f"{'lang':4s} {'cases':>5s} {'found':>6s} {'listed':>7s} {'inflect':>7s} {'derived':>7s} {'on-list':>7s} {'alarms':>9s}  "
          + "  ".join(reasons))
    total = Counter()
    for lang, r in sorted(stats.items()):
        total.update(r)
        print(_line(lang, r, reasons))
    print(_line("all", total, reasons))
    rng = random.Random(args.seed)
    for title, items in (("misses", misses), ("false alarms on controls", alarms)):
        print(f"\n{min(args.misses, len(items))} of {len(items)} {title}:")
        for case, extra in rng.sample(items, min(args.misses, len(items))):
            what = extra if isinstance(extra, str) else ", ".join(f.rule for f in extra)
            print(f"  {case.lang} {case.key} -> {case.source_word} / {case.english_word} [{case.pos}, {what}]")


def _line(lang: str, r: Counter, reasons: list[str]) -> str:
    def share(a: str, b: str) -> str:
        return f"{r[a] / r[b]:.2f}" if r[b] else "   -"
    listed = r["pos"] - r["lost off-list"]
    on_list = f"{r['found'] / listed:.2f}" if listed else "   -"
    return (f"{lang:4s} {r['pos']:5d} {share('found', 'pos'):>6s} {share('found-listed', 'pos-listed'):>7s} "
            f"{share('found-inflected', 'pos-inflected'):>7s} "
            f"{share('found-derived', 'pos-derived'):>7s} {on_list:>7s} {r['alarms']:4d}/{r['controls']:<4d}  "
            + "  ".join(f"{r[k]:{len(k)}d}" for k in reasons))


if __name__ == "__main__":
    main()
