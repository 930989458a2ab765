#!/usr/bin/env python3
"""Validator for the it/pt blind test set (group it-pt)."""
import os, re, sys, glob

OUT = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors = []
counts = {}

def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]

def nsent(t):
    return len(re.findall(r"[.!?][»”\"]?(?=\s+[«“\"A-ZÀ-Ý]|\s*$)", t.strip()))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        pre = glob.glob(os.path.join(OUT, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(pre) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(pre)}"); continue
        base = pre[0][: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        src_p, en_p, key_p = base + f".{lang}.txt", base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if errors and not all(os.path.exists(p) for p in (en_p, key_p)):
            continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        ps, pe = len(paras(src)), len(paras(en))
        if ps != 4: errors.append(f"{name}: source has {ps} paragraphs, expected 4")
        if ps != pe: errors.append(f"{name}: paragraph mismatch src {ps} vs en {pe}")
        ns = nsent(src)
        if not 14 <= ns <= 18: errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        if re.search(r"[\u0400-\u04FF]", en): errors.append(f"{name}: Cyrillic in English")
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{name}:{i}: expected 4 columns, got {len(r)}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip() or not note.strip(): errors.append(f"{name}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src: errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6: errors.append(f"{name}:{i}: omission target should be 3-6 words")
            elif tgt not in en:
                errors.append(f"{name}:{i}: target not in English: {tgt!r}")
            counts.setdefault(lang, {}).setdefault(cat, 0)
            counts[lang][cat] += 1
        if omissions > 1: errors.append(f"{name}: {omissions} omissions (max 1)")
        if nn == 7:
            if rows: errors.append(f"{name}: clean pair must have an empty key")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{name}: {len(rows)} rows, expected 6-8")
    if optional > 2: errors.append(f"{lang}: {optional} optional rows (max 2)")

for lang in LANGS:
    c = counts.get(lang, {})
    print(lang, sum(c.values()), " ".join(f"{k}={c.get(k,0)}" for k in sorted(CATS)))
if errors:
    print("\n".join("ERROR: " + e for e in errors)); sys.exit(1)
print("OK: no errors")
