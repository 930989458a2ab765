#!/usr/bin/env python3
"""Validator for the es-fr blind test set (7 pairs per language, 6 flawed + 1 clean)."""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")
errors, table = [], defaultdict(Counter)

def err(msg):
    errors.append(msg)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough sentence count: end punctuation (optionally followed by closing quote) then space + capital/quote
    return len(re.findall(r"[.!?][»”\"]?(?=\s+[«\"“¿¡A-ZÀ-ÖØ-Þ]|\s*$)", text.strip()))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        stems = sorted({os.path.basename(p).rsplit(".", 2)[0] if p.endswith(".expected.tsv") else None
                        for p in glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.expected.tsv"))} - {None})
        if len(stems) != 1:
            err(f"{lang}-{nn:02d}: expected exactly one pair, found {stems}")
            continue
        stem = stems[0]
        paths = {k: os.path.join(HERE, f"{stem}.{k}") for k in (f"{lang}.txt", "en.txt", "expected.tsv")}
        missing = [p for p in paths.values() if not os.path.isfile(p)]
        if missing:
            err(f"{stem}: missing files {missing}")
            continue
        src = open(paths[f"{lang}.txt"], encoding="utf-8").read()
        en = open(paths["en.txt"], encoding="utf-8").read()
        lines = open(paths["expected.tsv"], encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            err(f"{stem}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        ps, pe = len(paras(src)), len(paras(en))
        if ps != 4 or pe != ps:
            err(f"{stem}: paragraph counts source={ps} english={pe} (need 4 and equal)")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            err(f"{stem}: source has ~{ns} sentences (need 14-18)")
        if CYR.search(en):
            err(f"{stem}: Cyrillic in English file")
        clean = nn == 7
        if clean and rows:
            err(f"{stem}: clean pair must have an empty key, has {len(rows)} rows")
        if not clean and not 6 <= len(rows) <= 8:
            err(f"{stem}: flawed pair has {len(rows)} rows (need 6-8)")
        omissions = 0
        seen = set()
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                err(f"{stem}:{i}: expected 4 tab-separated fields, got {len(r)}")
                continue
            cat, need, target, note = r
            if cat not in CATS:
                err(f"{stem}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                err(f"{stem}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not target.strip() or not note.strip():
                err(f"{stem}:{i}: empty target or note")
            if target in seen:
                err(f"{stem}:{i}: duplicate target {target!r}")
            seen.add(target)
            if cat == "omission":
                omissions += 1
                if target not in src:
                    err(f"{stem}:{i}: omission target not in source: {target!r}")
                nw = len(target.split())
                if not 3 <= nw <= 6:
                    err(f"{stem}:{i}: omission target should be 3-6 words, has {nw}")
            elif target not in en:
                err(f"{stem}:{i}: target not verbatim in English: {target!r}")
            table[lang][cat] += 1
        if omissions > 1:
            err(f"{stem}: {omissions} omissions (max 1)")
        if clean and re.search(r"[«»„]|\s[!?:;]", en):
            err(f"{stem}: clean English contains source-style punctuation")
    if optional > 2:
        err(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + " ".join(f"{c[:6]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4}  " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: 0 errors")
