#!/usr/bin/env python3
"""Validator for the it-pt blind test set (written independently of any checker)."""
import os, re, sys, glob
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors, warnings = [], []
table = defaultdict(Counter)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough: split after . ! ? (optionally followed by a closing quote) + space + capital/quote
    t = re.sub(r"\s+", " ", text.strip())
    return [s for s in re.split(r'(?<=[.!?])["»”]?\s+(?=["«“A-ZÀ-ÖØ-Þ])', t) if s]

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        hits = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(hits) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(hits)}")
            continue
        base = hits[0][: -len(f".{lang}.txt")]
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
        # paragraphs and sentences
        ps, pe = paragraphs(src), paragraphs(en)
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs (want 4)")
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        ns = len(sentences(src))
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences (want 14-18)")
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{name}: Cyrillic in English file")
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{name}:{i}: expected 4 fields, got {len(r)}")
                continue
            cat, need, target, note = r
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not target.strip() or not note.strip():
                errors.append(f"{name}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if target not in src:
                    errors.append(f"{name}:{i}: omission target not in source: {target!r}")
                if target in en:
                    errors.append(f"{name}:{i}: omission target appears in English")
                nw = len(target.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{name}:{i}: omission target should be 3-6 words ({nw})")
            elif target not in en:
                errors.append(f"{name}:{i}: target not found verbatim in English: {target!r}")
            elif len(target.split()) > 7:
                warnings.append(f"{name}:{i}: long target ({len(target.split())} words)")
            table[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{name}: clean pair must have an empty key")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{name}: flawed pair has {len(rows)} rows (want 6-8)")
        if omissions > 1:
            errors.append(f"{name}: more than one omission")
        print(f"{name}: paragraphs {len(ps)}/{len(pe)}, ~{ns} sentences, {len(rows)} rows")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("\nlang  " + " ".join(f"{c[:6]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4}  " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"\n{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
