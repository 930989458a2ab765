#!/usr/bin/env python3
"""Validator for the blind set pairs in languages es, fr, pt, it (CC0).

Checks, for every <lang>-NN-<topic> pair with lang in LANGS:
  * the three files exist (source, English, expected.tsv);
  * TSV header is exactly: category, need, target_text, note (tab-separated);
  * every row has 4 fields, a valid category and need, a non-empty note;
  * target_text occurs verbatim in the English (or in the source for omissions);
  * at most one omission per pair, 5-8 rows per flawed pair, 0 rows in the clean pair;
  * exactly 7 pairs per language, exactly one clean pair;
  * the source has >= 12 sentences and 3-6 paragraphs; paragraph counts match;
  * no Cyrillic characters in the English.
Prints a row-count table per language and category; exit code 1 on any error.
"""
import collections
import glob
import os
import re
import sys

LANGS = ["es", "fr", "pt", "it"]
CATS = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
HERE = os.path.dirname(os.path.abspath(__file__))


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def sentences(text):
    # sentence end: . ! ? or … possibly followed by closing quotes, then whitespace or end
    parts = re.split(r"(?<=[.!?…])[\"»”’']*\s+", text.strip())
    return [p for p in parts if re.search(r"\w", p)]


def main():
    errors = []
    counts = {lang: collections.Counter() for lang in LANGS}
    needs = {lang: collections.Counter() for lang in LANGS}
    for lang in LANGS:
        tsvs = sorted(glob.glob(os.path.join(HERE, f"{lang}-*.expected.tsv")))
        names = [os.path.basename(t)[: -len(".expected.tsv")] for t in tsvs]
        if len(names) != 7:
            errors.append(f"{lang}: expected 7 pairs, found {len(names)}")
        clean = 0
        for name in names:
            src_p = os.path.join(HERE, f"{name}.{lang}.txt")
            en_p = os.path.join(HERE, f"{name}.en.txt")
            tsv_p = os.path.join(HERE, f"{name}.expected.tsv")
            if not re.fullmatch(rf"{lang}-\d\d-[a-z0-9-]+", name):
                errors.append(f"{name}: bad pair name")
            for p in (src_p, en_p):
                if not os.path.exists(p):
                    errors.append(f"{name}: missing {os.path.basename(p)}")
            if not (os.path.exists(src_p) and os.path.exists(en_p)):
                continue
            src = open(src_p, encoding="utf-8").read()
            en = open(en_p, encoding="utf-8").read()
            ps, pe = paragraphs(src), paragraphs(en)
            if len(ps) != len(pe):
                errors.append(f"{name}: paragraph count differs (src {len(ps)}, en {len(pe)})")
            if not 3 <= len(ps) <= 6:
                errors.append(f"{name}: source has {len(ps)} paragraphs (want 3-6)")
            ns = len(sentences(src))
            if ns < 12:
                errors.append(f"{name}: source has only {ns} sentences")
            if ns > 21:
                errors.append(f"{name}: source has {ns} sentences (want 12-20)")
            if re.search(r"[\u0400-\u04FF]", en):
                errors.append(f"{name}: Cyrillic characters in English")
            lines = open(tsv_p, encoding="utf-8").read().split("\n")
            while lines and lines[-1] == "":
                lines.pop()
            if not lines or lines[0].split("\t") != HEADER:
                errors.append(f"{name}: bad TSV header {lines[:1]!r}")
                continue
            rows = lines[1:]
            if not rows:
                clean += 1
            elif not 5 <= len(rows) <= 8:
                errors.append(f"{name}: {len(rows)} rows (want 5-8 for a flawed pair)")
            omissions = 0
            for i, line in enumerate(rows, 2):
                f = line.split("\t")
                if len(f) != 4:
                    errors.append(f"{name}:{i}: {len(f)} fields")
                    continue
                cat, need, target, note = f
                if cat not in CATS:
                    errors.append(f"{name}:{i}: bad category {cat!r}")
                if need not in NEEDS:
                    errors.append(f"{name}:{i}: bad need {need!r}")
                if not target.strip() or target != target.strip():
                    errors.append(f"{name}:{i}: empty or padded target_text {target!r}")
                if not note.strip():
                    errors.append(f"{name}:{i}: empty note")
                if cat == "omission":
                    omissions += 1
                    if target not in src:
                        errors.append(f"{name}:{i}: omission target not in source: {target!r}")
                    elif not 3 <= len(target.split()) <= 5:
                        errors.append(f"{name}:{i}: omission target should be 3-5 words")
                else:
                    if target not in en:
                        errors.append(f"{name}:{i}: target not in English: {target!r}")
                counts[lang][cat] += 1
                needs[lang][need] += 1
            if omissions > 1:
                errors.append(f"{name}: {omissions} omissions (max 1)")
        if clean != 1:
            errors.append(f"{lang}: {clean} clean pairs (want exactly 1)")
    # stray files
    for p in glob.glob(os.path.join(HERE, "*")):
        b = os.path.basename(p)
        if b[:3] in {f"{l}-" for l in LANGS} and not re.fullmatch(
            r"(es|fr|pt|it)-\d\d-[a-z0-9-]+\.(es|fr|pt|it|en)\.txt|(es|fr|pt|it)-\d\d-[a-z0-9-]+\.expected\.tsv", b
        ):
            errors.append(f"stray file {b}")
    print("lang\t" + "\t".join(CATS) + "\ttotal\trequired\toptional")
    for lang in LANGS:
        c = counts[lang]
        print(lang + "\t" + "\t".join(str(c[k]) for k in CATS)
              + f"\t{sum(c.values())}\t{needs[lang]['required']}\t{needs[lang]['optional']}")
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
