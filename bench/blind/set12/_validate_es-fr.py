#!/usr/bin/env python3
"""Validator for the es-fr blind test set (writer12). Run: python3 _validate_es-fr.py"""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, warnings = [], []
table = defaultdict(Counter)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough split on sentence-final punctuation followed by space + capital/quote/opening mark
    n = 0
    for p in paragraphs(text):
        parts = re.split(r'(?<=[.!?»"”])\s+(?=[«"“¿¡A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛ0-9])', p.strip())
        n += len([s for s in parts if s.strip()])
    return n

for lang in LANGS:
    optional = 0
    topics = set()
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}")
            continue
        base = srcs[0][: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        topics.add(name.split("-", 2)[2])
        en_p, key_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{name}: Cyrillic in English file")
        ps, pe = len(paragraphs(src)), len(paragraphs(en))
        if ps != 4 or pe != 4:
            errors.append(f"{name}: paragraph count source={ps} english={pe} (need 4 and 4)")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences (need 14-18)")
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{name}:{i}: expected 4 tab-separated fields, got {len(r)}")
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
                nw = len(target.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{name}:{i}: omission target should be 3-6 words, has {nw}")
            else:
                c = en.count(target)
                if c == 0:
                    errors.append(f"{name}:{i}: target not in English: {target!r}")
                elif c > 1:
                    warnings.append(f"{name}:{i}: target occurs {c} times in English: {target!r}")
            table[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{name}: flawed pair needs 6-8 rows, has {len(rows)}")
        if omissions > 1:
            errors.append(f"{name}: more than one omission ({omissions})")
        table[lang]["_rows"] += len(rows)
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")
    if len(topics) != 7:
        errors.append(f"{lang}: topics not distinct: {sorted(topics)}")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + "  ".join(f"{c[:5]:>5}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4}  " + "  ".join(f"{table[lang][c]:>5}" for c in cats) + f"  {table[lang]['_rows']:>5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
