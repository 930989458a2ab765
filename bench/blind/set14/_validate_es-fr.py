#!/usr/bin/env python3
"""Validator for the es-fr blind test set (set14). Run: python3 _validate_es-fr.py"""
import os, re, sys, glob, collections

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")

errors, table = [], collections.defaultdict(collections.Counter)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    return len(re.findall(r"[.!?»](?=\s|$)", text.replace("», ", "")))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}"); continue
        stem = srcs[0][: -len(f".{lang}.txt")]
        base = os.path.basename(stem)
        en_p, key_p = stem + ".en.txt", stem + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{base}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != 4:
            errors.append(f"{base}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{base}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        if CYR.search(en):
            errors.append(f"{base}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{base}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{base}:{i}: expected 4 fields, got {len(r)}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{base}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{base}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip() or not note.strip(): errors.append(f"{base}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src: errors.append(f"{base}:{i}: omission target not in source: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6: errors.append(f"{base}:{i}: omission target should be 3-6 words")
            elif tgt not in en:
                errors.append(f"{base}:{i}: target not in English: {tgt!r}")
            table[lang][cat] += 1
        if nn == 7:
            if rows: errors.append(f"{base}: clean pair must have no rows, has {len(rows)}")
        else:
            if not 6 <= len(rows) <= 8: errors.append(f"{base}: {len(rows)} rows, expected 6-8")
            if omissions > 1: errors.append(f"{base}: {omissions} omissions (max 1)")
        print(f"{base}: {len(rows)} rows, paragraphs {len(ps)}/{len(pe)}, ~{sentences(src)} source sentences")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

print()
cats = sorted(CATS)
print("lang " + " ".join(f"{c[:6]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4} " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
print()
if errors:
    print(f"{len(errors)} ERROR(S):"); [print("  " + e) for e in errors]; sys.exit(1)
print("OK: no errors")
