#!/usr/bin/env python3
"""Validator for the es-fr blind test set (set11). Run: python3 _validate_es-fr.py"""
import os, re, sys, glob

D = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors, warnings = [], []

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation followed by space/end (quotes allowed)
    return len(re.findall(r"[.!?][»”\"]?(?=\s|$)", text))

stats = {}
for L in LANGS:
    optional = 0
    srcs = sorted(glob.glob(os.path.join(D, f"{L}-[0-9][0-9]-*.{L}.txt")))
    nums = sorted(os.path.basename(s)[3:5] for s in srcs)
    if nums != [f"{i:02d}" for i in range(1, 8)]:
        errors.append(f"{L}: expected pairs 01-07, found {nums}")
    topics = set()
    for s in srcs:
        stem = os.path.basename(s)[: -len(f".{L}.txt")]
        nn = stem[3:5]
        topics.add(stem[6:])
        en, key = os.path.join(D, stem + ".en.txt"), os.path.join(D, stem + ".expected.tsv")
        for p in (en, key):
            if not os.path.exists(p):
                errors.append(f"{stem}: missing {os.path.basename(p)}")
        if not (os.path.exists(en) and os.path.exists(key)):
            continue
        src_t = open(s, encoding="utf-8").read()
        en_t = open(en, encoding="utf-8").read()
        ps, pe = paras(src_t), paras(en_t)
        if len(ps) != 4:
            errors.append(f"{stem}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{stem}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        n = sentences(src_t)
        if not 14 <= n <= 18:
            warnings.append(f"{stem}: source has ~{n} sentences (expected 14-18)")
        if re.search(r"[\u0400-\u04FF]", en_t):
            errors.append(f"{stem}: Cyrillic in English file")
        lines = open(key, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{stem}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{stem}:{i}: expected 4 fields, got {len(r)}")
                continue
            cat, need, tgt, note = r
            if cat not in CATS:
                errors.append(f"{stem}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{stem}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{stem}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src_t:
                    errors.append(f"{stem}:{i}: omission target not in source: {tgt!r}")
                if len(tgt.split()) < 3 or len(tgt.split()) > 6:
                    errors.append(f"{stem}:{i}: omission target should be 3-6 words")
            else:
                c = en_t.count(tgt)
                if c == 0:
                    errors.append(f"{stem}:{i}: target not in English: {tgt!r}")
                elif c > 1:
                    warnings.append(f"{stem}:{i}: target occurs {c}x in English: {tgt!r}")
            stats.setdefault(L, {}).setdefault(cat, 0)
            stats[L][cat] += 1
        if omissions > 1:
            errors.append(f"{stem}: more than one omission")
        if nn == "07":
            if rows:
                errors.append(f"{stem}: clean pair must have an empty key")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{stem}: {len(rows)} rows, expected 6-8")
    if optional > 2:
        errors.append(f"{L}: {optional} optional rows (max 2)")
    if len(topics) != len(srcs):
        errors.append(f"{L}: duplicate topics")

for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
cats = sorted(CATS)
print("rows per language and category:")
print("lang\t" + "\t".join(cats) + "\ttotal")
for L in LANGS:
    s = stats.get(L, {})
    print(L + "\t" + "\t".join(str(s.get(c, 0)) for c in cats) + "\t" + str(sum(s.values())))
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
