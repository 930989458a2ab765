#!/usr/bin/env python3
"""Validator for the es-fr blind test set (Spanish and French sources, English translations)."""
import os, re, sys, glob
from collections import Counter, defaultdict

D = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors, warnings = [], []
counts = defaultdict(Counter)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation followed by space/quote/end
    return len(re.findall(r"[.!?][»\"”]?(?=\s|$)", text))

for lang in LANGS:
    opt = 0
    for nn in range(1, 8):
        stems = glob.glob(os.path.join(D, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(stems) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(stems)}"); continue
        stem = stems[0][: -len(f".{lang}.txt")]
        name = os.path.basename(stem)
        src_p, en_p, key_p = stem + f".{lang}.txt", stem + ".en.txt", stem + ".expected.tsv"
        for p in (src_p, en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not all(os.path.exists(p) for p in (src_p, en_p, key_p)):
            continue
        src, en = open(src_p, encoding="utf-8").read(), open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != 4: errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe): errors.append(f"{name}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        ns = sentences(src)
        if not 14 <= ns <= 18: warnings.append(f"{name}: source has ~{ns} sentences (expected 14-18)")
        if re.search(r"[\u0400-\u04FF]", en): errors.append(f"{name}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER: errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        om = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4: errors.append(f"{name}:{i}: expected 4 fields, got {len(r)}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional": opt += 1
            if not tgt.strip() or not note.strip(): errors.append(f"{name}:{i}: empty target or note")
            if cat == "omission":
                om += 1
                if tgt not in src: errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 6: errors.append(f"{name}:{i}: omission target has {nw} words (3-6)")
            elif tgt not in en:
                errors.append(f"{name}:{i}: target not found verbatim in English: {tgt!r}")
            counts[lang][cat] += 1
        if om > 1: errors.append(f"{name}: {om} omissions (max 1)")
        if nn == 7:
            if rows: errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{name}: {len(rows)} rows (expected 6-8)")
    if opt > 2: errors.append(f"{lang}: {opt} optional rows (max 2)")

for lang in LANGS:
    c = counts[lang]
    print(f"{lang}: {sum(c.values())} rows  " + "  ".join(f"{k}={c[k]}" for k in sorted(CATS)))
for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
