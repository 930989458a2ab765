#!/usr/bin/env python3
"""Validator for the it-pt blind test set (set14). Run: python3 _validate_it-pt.py"""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, table = [], defaultdict(Counter)

def err(msg): errors.append(msg)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation followed by space/newline/end (quote marks allowed)
    return len(re.findall(r"[.!?][»”\"’]?(?=\s|$)", text))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            err(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}"); continue
        stem = srcs[0][: -len(f".{lang}.txt")]
        base = os.path.basename(stem)
        en_p, key_p = stem + ".en.txt", stem + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                err(f"{base}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paragraphs(src), paragraphs(en)
        if len(ps) != 4: err(f"{base}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe): err(f"{base}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        ns = sentences(src)
        if not 14 <= ns <= 18: err(f"{base}: source has ~{ns} sentences, expected 14-18")
        if re.search(r"[\u0400-\u04FF]", en): err(f"{base}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            err(f"{base}: bad header {lines[0]!r}"); continue
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4: err(f"{base}:{i}: expected 4 tab-separated fields, got {len(r)}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: err(f"{base}:{i}: bad category {cat!r}")
            if need not in NEEDS: err(f"{base}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip(): err(f"{base}:{i}: empty target_text")
            if not note.strip(): err(f"{base}:{i}: empty note")
            if cat == "omission":
                omissions += 1
                if tgt not in src: err(f"{base}:{i}: omission target not in source: {tgt!r}")
                n = len(tgt.split())
                if not 3 <= n <= 6: err(f"{base}:{i}: omission target should be 3-6 words, has {n}")
            elif tgt not in en:
                err(f"{base}:{i}: target not found verbatim in English: {tgt!r}")
            table[lang][cat] += 1
        if nn == 7:
            if rows: err(f"{base}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8: err(f"{base}: {len(rows)} rows, expected 6-8")
            if omissions > 1: err(f"{base}: {omissions} omissions, at most 1 allowed")
    if optional > 2: err(f"{lang}: {optional} optional rows, at most 2 allowed")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + " ".join(f"{c[:6]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:5} " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors: print("  -", e)
    sys.exit(1)
print("\nOK: no errors")
