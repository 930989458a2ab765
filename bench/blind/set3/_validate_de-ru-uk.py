#!/usr/bin/env python3
"""Validate the de/ru/uk part of blind set 3 (written by an independent helper, CC0).

Checks, per pair NAME = <lang>-NN-<topic>:
  * NAME.<lang>.txt, NAME.en.txt and NAME.expected.tsv exist;
  * the TSV header is exactly `category\tneed\ttarget_text\tnote`;
  * every row has 4 non-empty fields, a valid category and need;
  * every target_text occurs verbatim in the English file, or, for
    omissions, in the source file (and not in the English file);
  * at most one omission per pair; flawed pairs carry 5-8 rows,
    and each language has exactly one clean pair (header only);
  * the source has 3-6 paragraphs and >= 12 sentences;
  * the English has the same number of paragraphs as the source;
  * for Cyrillic sources the English contains no Cyrillic characters.
Prints one line per problem and exits 1 if there are any.
"""
import os
import re
import sys
from collections import Counter, defaultdict

LANGS = ("de", "ru", "uk")
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
HERE = os.path.dirname(os.path.abspath(__file__))
CYR = re.compile(r"[\u0400-\u04FF]")
ABBREV = {"st", "dr", "prof", "nr", "z", "b", "ca", "bzw", "usw", "tys", "тыс", "млн",
          "млрд", "г", "гг", "руб", "ст", "им", "м", "см", "км", "грн", "тис"}


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def count_sentences(par, lang="de"):
    """Count sentences in one paragraph (heuristic, abbreviation-aware).

    A boundary is [.!?…] (plus closing quotes) + whitespace + an upper-case
    letter, a digit or an opening quote; abbreviations never end a sentence,
    and in German "12. September" (an ordinal) does not either, unless the
    number is a four-digit year."""
    n = 0
    for m in re.finditer(r"([\w\d]*)([.!?…]+)([»“”\"']*)(\s+)(?=\S)", par):
        word, nxt = m.group(1), par[m.end():m.end() + 1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "«»„\"“‚"):
            continue
        if m.group(2) == "." and word.lower() in ABBREV:
            continue
        if (m.group(2) == "." and lang == "de" and word.isdigit()
                and len(word) != 4):
            continue
        n += 1
    return n + 1  # the paragraph's final sentence


def main():
    errors = []
    rows_by = defaultdict(Counter)
    needs_by = defaultdict(Counter)
    for lang in LANGS:
        names = sorted(f[:-len(".expected.tsv")] for f in os.listdir(HERE)
                       if f.startswith(lang + "-") and f.endswith(".expected.tsv"))
        srcs = sorted(f[:-len(f".{lang}.txt")] for f in os.listdir(HERE)
                      if f.startswith(lang + "-") and f.endswith(f".{lang}.txt"))
        if names != srcs:
            errors.append(f"{lang}: TSV/source name mismatch: {set(names) ^ set(srcs)}")
        if len(names) != 7:
            errors.append(f"{lang}: expected 7 pairs, found {len(names)}")
        clean = 0
        for name in names:
            def p(suffix):
                return os.path.join(HERE, f"{name}.{suffix}")
            try:
                src = open(p(f"{lang}.txt"), encoding="utf-8").read()
                en = open(p("en.txt"), encoding="utf-8").read()
                tsv = open(p("expected.tsv"), encoding="utf-8").read()
            except OSError as e:
                errors.append(f"{name}: {e}")
                continue
            sp, ep = paragraphs(src), paragraphs(en)
            if not 3 <= len(sp) <= 6:
                errors.append(f"{name}: source has {len(sp)} paragraphs (want 3-6)")
            if len(sp) != len(ep):
                errors.append(f"{name}: paragraph count source {len(sp)} != English {len(ep)}")
            ns = sum(count_sentences(x, lang) for x in sp)
            if ns < 12:
                errors.append(f"{name}: source has only {ns} sentences (want >= 12)")
            if lang in ("ru", "uk") and CYR.search(en):
                errors.append(f"{name}: Cyrillic in English: {CYR.findall(en)[:5]}")
            lines = tsv.rstrip("\n").split("\n")
            if lines[0] != HEADER:
                errors.append(f"{name}: bad header {lines[0]!r}")
            rows = [l for l in lines[1:] if l.strip()]
            if not rows:
                clean += 1
            elif not 5 <= len(rows) <= 8:
                errors.append(f"{name}: {len(rows)} rows (flawed pairs need 5-8)")
            omissions = 0
            for i, line in enumerate(rows, 2):
                f = line.split("\t")
                if len(f) != 4 or not all(x.strip() for x in f):
                    errors.append(f"{name}:{i}: need 4 non-empty tab-separated fields: {line!r}")
                    continue
                cat, need, target, note = f
                if cat not in CATS:
                    errors.append(f"{name}:{i}: bad category {cat!r}")
                if need not in NEEDS:
                    errors.append(f"{name}:{i}: bad need {need!r}")
                if target != target.strip():
                    errors.append(f"{name}:{i}: target has surrounding spaces")
                if cat == "omission":
                    omissions += 1
                    if target not in src:
                        errors.append(f"{name}:{i}: omission target not in source: {target!r}")
                    if target in en:
                        errors.append(f"{name}:{i}: omission target found in English")
                elif target not in en:
                    errors.append(f"{name}:{i}: target not in English: {target!r}")
                rows_by[lang][cat] += 1
                needs_by[lang][need] += 1
            if omissions > 1:
                errors.append(f"{name}: {omissions} omissions (max 1)")
        if clean != 1:
            errors.append(f"{lang}: {clean} clean pairs (want exactly 1)")
    for lang in LANGS:
        c = rows_by[lang]
        print(f"{lang}: {sum(c.values())} rows  " +
              "  ".join(f"{k}={c[k]}" for k in sorted(CATS)) +
              f"  | required={needs_by[lang]['required']} optional={needs_by[lang]['optional']}")
    for e in errors:
        print("ERROR", e)
    print("OK: no errors" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
