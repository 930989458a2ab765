#!/usr/bin/env python3
"""Validator for the de/ru/uk part of blind set 5 (written by an independent helper, CC0).

Checks, for every pair <lang>-NN-<topic> with lang in de, ru, uk:
  * the source, English and expected.tsv files exist;
  * the TSV header is exactly: category, need, target_text, note (tab-separated);
  * category and need values are valid; every row has 4 non-empty fields;
  * every target_text occurs verbatim in the English file (omission: in the source file);
  * at most one omission row per pair; a flawed pair has 5-8 rows, the clean pair 0;
  * the source has >= 12 sentences and 3-6 paragraphs; paragraph counts of source and English match;
  * English files of Cyrillic-script sources contain no Cyrillic characters;
  * per language: 7 pairs, exactly one clean.
Prints errors (and warnings for targets that occur more than once) and a row count table.
Exit status 1 if any error.
"""
import collections, glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")
ABBR = re.compile(r"\b(St|Nr|Dr|z\. B|d\. h|No|г|гг|ул|им|вул|р|т\. е|XIX в|XVI ст)\.$")

errors, warnings = [], []
table = collections.OrderedDict()


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def sentences(text):
    n = 0
    for para in paragraphs(text):
        flat = " ".join(para.split())
        # split after ., !, ?, … (optionally followed by closing quote) when followed by a capital / opening quote / digit
        parts = re.split(r"(?<=[.!?…])[»“”\"]?\s+(?=[«„“\"A-ZÄÖÜА-ЯЁІЇЄҐ0-9])", flat)
        merged = []
        for p in parts:
            if merged and (ABBR.search(merged[-1]) or re.search(r"\b\d{1,2}\.$", merged[-1])):
                merged[-1] += " " + p
            else:
                merged.append(p)
        n += len(merged)
    return n


for lang in LANGS:
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
    clean = 0
    counts = collections.Counter()
    if len(srcs) != 7:
        errors.append(f"{lang}: expected 7 pairs, found {len(srcs)}")
    for src in srcs:
        name = os.path.basename(src)[: -len(f".{lang}.txt")]
        en_p = os.path.join(HERE, name + ".en.txt")
        tsv_p = os.path.join(HERE, name + ".expected.tsv")
        for p in (en_p, tsv_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(tsv_p)):
            continue
        s_txt = open(src, encoding="utf-8").read()
        e_txt = open(en_p, encoding="utf-8").read()
        ns = sentences(s_txt)
        ps, pe = len(paragraphs(s_txt)), len(paragraphs(e_txt))
        if ns < 12:
            errors.append(f"{name}: source has only {ns} sentences")
        if not 3 <= ps <= 6:
            errors.append(f"{name}: source has {ps} paragraphs (want 3-6)")
        if ps != pe:
            errors.append(f"{name}: paragraph count source {ps} != English {pe}")
        if lang in ("ru", "uk") and CYR.search(e_txt):
            errors.append(f"{name}: Cyrillic characters in English: {sorted(set(CYR.findall(e_txt)))}")
        lines = open(tsv_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        om = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4 or not all(x.strip() for x in r):
                errors.append(f"{name}:{i}: need 4 non-empty fields, got {r}")
                continue
            cat, need, tgt, note = r
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need}")
            hay = s_txt if cat == "omission" else e_txt
            if tgt not in hay:
                errors.append(f"{name}:{i}: target {tgt!r} not found in {'source' if cat == 'omission' else 'English'}")
            elif hay.count(tgt) > 1:
                warnings.append(f"{name}:{i}: target {tgt!r} occurs {hay.count(tgt)} times")
            if cat == "omission":
                om += 1
            counts[(cat, need)] += 1
        if om > 1:
            errors.append(f"{name}: {om} omissions (max 1)")
        if not rows:
            clean += 1
        elif not 5 <= len(rows) <= 8:
            errors.append(f"{name}: {len(rows)} rows (want 5-8 for a flawed pair)")
        print(f"{name}: {ns} sentences, {ps}/{pe} paragraphs, {len(rows)} rows")
    if clean != 1:
        errors.append(f"{lang}: {clean} clean pairs (want exactly 1)")
    table[lang] = counts

print()
print("rows per language and category (required/optional):")
for lang, c in table.items():
    cells = []
    for cat in sorted(CATS):
        r, o = c[(cat, "required")], c[(cat, "optional")]
        cells.append(f"{cat} {r}/{o}")
    tot = sum(c.values())
    print(f"  {lang}: " + ", ".join(cells) + f"; total {tot}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
