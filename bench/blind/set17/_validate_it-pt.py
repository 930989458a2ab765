#!/usr/bin/env python3
"""Validator for the it-pt blind test set (set17). Run: python3 _validate_it-pt.py"""
import os, re, sys
from collections import Counter, defaultdict

D = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors, warns = [], []
table = defaultdict(Counter)

def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]

def sentences(t):
    # rough count: sentence-final punctuation followed by space/quote/end
    n = 0
    for p in paras(t):
        n += len(re.findall(r"[.!?][\"»”]?(?=\s+[\"«“A-ZÀ-ÖØ-Þ]|\s*$)", p.strip()))
    return n

for L in LANGS:
    optional = 0
    bases = sorted({f[: -len(".expected.tsv")] for f in os.listdir(D)
                    if f.startswith(L + "-") and f.endswith(".expected.tsv")})
    nums = sorted(b.split("-")[1] for b in bases)
    if nums != [f"{i:02d}" for i in range(1, 8)]:
        errors.append(f"{L}: expected pairs 01-07, found {nums}")
    for b in bases:
        src_p, en_p, key_p = (os.path.join(D, f"{b}.{x}") for x in (f"{L}.txt", "en.txt", "expected.tsv"))
        for p in (src_p, en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{b}: missing {os.path.basename(p)}")
        if errors and not all(os.path.exists(p) for p in (src_p, en_p, key_p)):
            continue
        src, en = open(src_p, encoding="utf-8").read(), open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{b}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        clean = b.split("-")[1] == "07"
        if clean and rows:
            errors.append(f"{b}: clean pair must have an empty key")
        if not clean and not (6 <= len(rows) <= 8):
            errors.append(f"{b}: {len(rows)} rows (need 6-8)")
        if sum(1 for r in rows if r and r[0] == "omission") > 1:
            errors.append(f"{b}: more than one omission")
        for r in rows:
            if len(r) != 4:
                errors.append(f"{b}: row needs 4 fields: {r}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{b}: bad category {cat}")
            if need not in NEEDS: errors.append(f"{b}: bad need {need}")
            if need == "optional": optional += 1
            if not tgt.strip() or not note.strip(): errors.append(f"{b}: empty target/note {r}")
            hay = src if cat == "omission" else en
            if tgt not in hay:
                errors.append(f"{b}: target not found verbatim in {'source' if cat=='omission' else 'English'}: {tgt!r}")
            elif hay.count(tgt) > 1:
                warns.append(f"{b}: target occurs {hay.count(tgt)}x: {tgt!r}")
            if cat == "omission":
                n = len(tgt.split())
                if not 3 <= n <= 6: errors.append(f"{b}: omission target should be 3-6 words: {tgt!r}")
            table[L][cat] += 1
        ps, pe = len(paras(src)), len(paras(en))
        if ps != pe: errors.append(f"{b}: paragraph count source {ps} vs English {pe}")
        if ps != 4: errors.append(f"{b}: source has {ps} paragraphs (need 4)")
        ns = sentences(src)
        if not 14 <= ns <= 18: warns.append(f"{b}: source has ~{ns} sentences (want 14-18)")
        if re.search(r"[\u0400-\u04FF]", en): errors.append(f"{b}: Cyrillic in English file")
    if optional > 2: errors.append(f"{L}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + "  ".join(f"{c[:5]:>5}" for c in cats) + "  total")
for L in LANGS:
    print(f"{L:4}  " + "  ".join(f"{table[L][c]:>5}" for c in cats) + f"  {sum(table[L].values()):>5}")
for w in warns: print("WARN:", w)
for e in errors: print("ERROR:", e)
print("OK: no errors" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
