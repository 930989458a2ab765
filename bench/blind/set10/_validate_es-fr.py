#!/usr/bin/env python3
"""Validator for the es-fr blind test set (group es-fr)."""
import os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, warnings = [], []

def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()

def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]

def sentences(t):
    # rough count: sentence-final punctuation followed by space/newline/end (or closing quote)
    return len(re.findall(r"[.!?…][»\"”’)]?(?=\s|$)", t.strip()))

counts = {}
for lang in LANGS:
    opt = 0
    for nn in range(1, 8):
        hits = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(hits) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(hits)}")
            continue
        base = hits[0][: -len(f".{lang}.txt")]
        stem = os.path.basename(base)
        src_p, en_p, key_p = hits[0], base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{stem}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src, en = read(src_p), read(en_p)
        ps, pe = paras(src), paras(en)
        if len(ps) != 4:
            errors.append(f"{stem}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{stem}: paragraph count mismatch src={len(ps)} en={len(pe)}")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            warnings.append(f"{stem}: source has ~{ns} sentences (want 14-18)")
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{stem}: Cyrillic in English file")
        lines = read(key_p).rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{stem}: bad header {lines[0]!r}")
        rows = []
        for i, ln in enumerate(lines[1:], 2):
            if not ln.strip():
                errors.append(f"{stem}: blank line {i} in key"); continue
            cols = ln.split("\t")
            if len(cols) != 4:
                errors.append(f"{stem}: line {i} has {len(cols)} columns"); continue
            cat, need, tgt, note = cols
            if cat not in CATS: errors.append(f"{stem}: line {i} bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{stem}: line {i} bad need {need!r}")
            if need == "optional": opt += 1
            if not tgt.strip(): errors.append(f"{stem}: line {i} empty target")
            if not note.strip(): errors.append(f"{stem}: line {i} empty note")
            hay = src if cat == "omission" else en
            if tgt not in hay:
                errors.append(f"{stem}: line {i} target not found verbatim in {'source' if cat=='omission' else 'English'}: {tgt!r}")
            if cat == "omission":
                nw = len(tgt.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{stem}: line {i} omission target has {nw} words (want 3-6)")
                if tgt in en:
                    errors.append(f"{stem}: line {i} omission target also in English?")
            elif len(tgt.split()) > 6:
                warnings.append(f"{stem}: line {i} target is long ({len(tgt.split())} words)")
            rows.append((cat, need))
            counts.setdefault(lang, {}).setdefault(cat, 0)
            counts[lang][cat] += 1
        if nn == 7:
            if rows: errors.append(f"{stem}: clean pair must have an empty key")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{stem}: flawed pair has {len(rows)} rows (want 6-8)")
            if sum(1 for c, _ in rows if c == "omission") > 1:
                errors.append(f"{stem}: more than one omission")
    if opt > 2:
        errors.append(f"{lang}: {opt} optional rows (max 2)")

for w in warnings: print("WARN ", w)
for e in errors: print("ERROR", e)
for lang in LANGS:
    c = counts.get(lang, {})
    print(f"{lang}: " + ", ".join(f"{k}={c.get(k,0)}" for k in sorted(CATS)) + f"  total={sum(c.values())}")
print("OK: no errors" if not errors else f"FAILED: {len(errors)} error(s)")
sys.exit(1 if errors else 0)
