#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set."""
import os, re, sys, glob, collections
D = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors = []
counts = collections.Counter()
def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]
for L in LANGS:
    optional = 0
    for n in range(1, 8):
        NN = f"{n:02d}"
        srcs = glob.glob(os.path.join(D, f"{L}-{NN}-*.{L}.txt"))
        if len(srcs) != 1:
            errors.append(f"{L}-{NN}: expected 1 source file, found {len(srcs)}"); continue
        base = srcs[0][: -len(f".{L}.txt")]
        name = os.path.basename(base)
        en_p, key_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l for l in lines[1:] if l.strip()]
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{name}: Cyrillic in English file")
        ps, pe = len(paras(src)), len(paras(en))
        if ps != pe:
            errors.append(f"{name}: paragraph mismatch src={ps} en={pe}")
        if ps != 4:
            errors.append(f"{name}: source has {ps} paragraphs, expected 4")
        nsent = len(re.findall(r"[.!?…](?:[»“\"”)]*)(?=\s|$)", src))
        if not (12 <= nsent <= 20):
            errors.append(f"{name}: source has ~{nsent} sentences (rough count), expected 14-18")
        omissions = 0
        for i, r in enumerate(rows, 2):
            f = r.split("\t")
            if len(f) != 4:
                errors.append(f"{name}:{i}: expected 4 fields, got {len(f)}"); continue
            cat, need, tgt, note = f
            if cat not in CATS: errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip(): errors.append(f"{name}:{i}: empty target")
            if not note.strip(): errors.append(f"{name}:{i}: empty note")
            if cat == "omission":
                omissions += 1
                if tgt not in src: errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
            else:
                if tgt not in en: errors.append(f"{name}:{i}: target not in English: {tgt!r}")
            counts[(L, cat)] += 1
        if n == 7:
            if rows: errors.append(f"{name}: clean pair must have no rows")
        else:
            if not (6 <= len(rows) <= 8): errors.append(f"{name}: {len(rows)} rows, expected 6-8")
        if omissions > 1: errors.append(f"{name}: {omissions} omissions (max 1)")
    if optional > 2:
        errors.append(f"{L}: {optional} optional rows (max 2)")
print("rows per language and category:")
for L in LANGS:
    print(" ", L, {c: counts[(L, c)] for c in sorted(CATS)}, "total", sum(counts[(L, c)] for c in CATS))
if errors:
    print(f"{len(errors)} ERROR(S):"); [print("  -", e) for e in errors]; sys.exit(1)
print("OK: no errors")
