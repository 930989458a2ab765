#!/usr/bin/env python3
"""Validator for the it-pt blind test set (set11). Run: python3 _validate_it-pt.py"""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")
errors = []
stats = defaultdict(Counter)


def err(msg):
    errors.append(msg)


def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def sentences(text):
    return len(re.findall(r"[.!?…](?:[»\"”’)]*)(?=\s+[«\"“A-ZÀ-ÖØ-ÞÈÉÁÚÍÓ0-9]|\s*$)", text.strip()))


for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            err(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}")
            continue
        base = srcs[0][: -len(f".{lang}.txt")]
        stem = os.path.basename(base)
        en_p, key_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                err(f"{stem}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != 4:
            err(f"{stem}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            err(f"{stem}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            err(f"{stem}: source has ~{ns} sentences, expected 14-18")
        if CYR.search(en):
            err(f"{stem}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            err(f"{stem}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                err(f"{stem}:{i}: expected 4 tab-separated fields, got {len(r)}")
                continue
            cat, need, tgt, note = r
            if cat not in CATS:
                err(f"{stem}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                err(f"{stem}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not tgt.strip() or not note.strip():
                err(f"{stem}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src:
                    err(f"{stem}:{i}: omission target not in source: {tgt!r}")
                if tgt in en:
                    err(f"{stem}:{i}: omission target found in English: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 6:
                    err(f"{stem}:{i}: omission target should be 3-6 words, has {nw}")
            elif tgt not in en:
                err(f"{stem}:{i}: target not found verbatim in English: {tgt!r}")
            stats[lang][cat] += 1
        if nn == 7:
            if rows:
                err(f"{stem}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8:
                err(f"{stem}: flawed pair has {len(rows)} rows, expected 6-8")
            if omissions > 1:
                err(f"{stem}: {omissions} omissions, at most 1 allowed")
    if optional > 2:
        err(f"{lang}: {optional} optional rows, at most 2 allowed")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("rows per language and category:")
print("lang  " + "  ".join(f"{c[:5]:>5}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:<5} " + "  ".join(f"{stats[lang][c]:>5}" for c in cats) + f"  {sum(stats[lang].values()):>5}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("\nOK: no errors")
