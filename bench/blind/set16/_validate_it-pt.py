#!/usr/bin/env python3
"""Validator for the it-pt blind test set (set16). Run: python3 _validate_it-pt.py"""
import csv, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, warnings = [], []
table = defaultdict(Counter)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough: sentence end = . ! ? (optionally followed by closing quote) then space + capital/quote, or end
    t = re.sub(r"\s+", " ", text.strip())
    return len(re.findall(r"[.!?][»\"”]?(?=\s+[«\"“A-ZÀ-ÖØ-Þ]|$)", t))

for lang in LANGS:
    optional = 0
    stems = sorted({f[:-len(".expected.tsv")] for f in os.listdir(HERE)
                    if f.startswith(lang + "-") and f.endswith(".expected.tsv")})
    nums = sorted(s.split("-")[1] for s in stems)
    if nums != [f"{i:02d}" for i in range(1, 8)]:
        errors.append(f"{lang}: expected pairs 01-07, found {nums}")
    for stem in stems:
        src_p = os.path.join(HERE, f"{stem}.{lang}.txt")
        en_p = os.path.join(HERE, f"{stem}.en.txt")
        key_p = os.path.join(HERE, f"{stem}.expected.tsv")
        missing = [p for p in (src_p, en_p, key_p) if not os.path.exists(p)]
        if missing:
            errors.append(f"{stem}: missing {missing}"); continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        if len(paras(src)) != 4:
            errors.append(f"{stem}: source has {len(paras(src))} paragraphs, expected 4")
        if len(paras(src)) != len(paras(en)):
            errors.append(f"{stem}: paragraph count differs (src {len(paras(src))}, en {len(paras(en))})")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{stem}: source has ~{ns} sentences, expected 14-18")
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{stem}: Cyrillic in English file")
        with open(key_p, encoding="utf-8", newline="") as fh:
            lines = fh.read().splitlines()
        if not lines or lines[0].split("\t") != HEADER:
            errors.append(f"{stem}: bad header {lines[:1]}"); continue
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        clean = stem.split("-")[1] == "07"
        if clean and rows:
            errors.append(f"{stem}: clean pair must have an empty key")
        if not clean and not 6 <= len(rows) <= 8:
            errors.append(f"{stem}: {len(rows)} rows, expected 6-8")
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{stem}:{i}: expected 4 fields, got {len(r)}"); continue
            cat, need, target, note = r
            if cat not in CATS: errors.append(f"{stem}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{stem}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not target.strip() or not note.strip():
                errors.append(f"{stem}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if target not in src: errors.append(f"{stem}:{i}: omission target not in source: {target!r}")
            else:
                if target not in en: errors.append(f"{stem}:{i}: target not in English: {target!r}")
                elif en.count(target) > 1: warnings.append(f"{stem}:{i}: target occurs {en.count(target)}x: {target!r}")
            table[lang][cat] += 1
        if omissions > 1:
            errors.append(f"{stem}: {omissions} omissions (max 1)")
        if omissions == 1 and len(paras(en)) == len(paras(src)):
            pass
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + "  ".join(f"{c[:5]:>5}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4}  " + "  ".join(f"{table[lang][c]:>5}" for c in cats) + f"  {sum(table[lang].values()):>5}")
for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
