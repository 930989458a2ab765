#!/usr/bin/env python3
"""Validator for the es-fr blind test set (written independently of any checker)."""
import os, re, sys, glob
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
HEADER = ["category", "need", "target_text", "note"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
CYR = re.compile(r"[\u0400-\u04FF]")

errors, warnings = [], []
table = defaultdict(Counter)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation followed by space/quote/end
    return len(re.findall(r"[.!?…](?:[»”\"’)]*)(?=\s+[«“\"A-ZÀ-ÖØ-Þ¿¡]|\s*$)", text.strip()))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}")
            continue
        base = srcs[0][: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        en_p, key_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paragraphs(src), paragraphs(en)
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            warnings.append(f"{name}: source has ~{ns} sentences (expected 14-18)")
        if CYR.search(en):
            errors.append(f"{name}: Cyrillic characters in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l for l in lines[1:] if l.strip()]
        omissions = 0
        for i, l in enumerate(rows, 2):
            f = l.split("\t")
            if len(f) != 4:
                errors.append(f"{name}:{i}: expected 4 tab-separated fields, got {len(f)}")
                continue
            cat, need, tgt, note = f
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{name}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src:
                    errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{name}:{i}: omission target should be 3-6 words, has {nw}")
                # the missing sentence must really be absent: its translation's start is not checkable,
                # but the source sentence count should exceed the English one
                if sentences(src) <= sentences(en):
                    warnings.append(f"{name}: omission listed but English has as many sentences as source")
            else:
                c = en.count(tgt)
                if c == 0:
                    errors.append(f"{name}:{i}: target not found verbatim in English: {tgt!r}")
                elif c > 1:
                    warnings.append(f"{name}:{i}: target occurs {c} times in English: {tgt!r}")
            table[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{name}: flawed pair must have 6-8 rows, has {len(rows)}")
        if omissions > 1:
            errors.append(f"{name}: more than one omission ({omissions})")
        table[lang]["_rows"] += len(rows)
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + "  ".join(f"{c[:5]:>5}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4}  " + "  ".join(f"{table[lang][c]:>5}" for c in cats) + f"  {table[lang]['_rows']:>5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
