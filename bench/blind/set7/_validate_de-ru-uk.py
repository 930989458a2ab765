#!/usr/bin/env python3
"""Validator for the blind test set de-ru-uk (7 pairs per language)."""
import os, re, sys, glob
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")
errors, warnings = [], []
table = defaultdict(Counter)
counts = []

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final . ! ? followed by optional closing quote and whitespace/end
    t = re.sub(r"\b(Nr|No|z\.B|ca|bzw|tys|млн|млрд|тыс|тис|р|ст|ім|им)\.", "X", text)
    t = re.sub(r"(\d)\.(?=\s+(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)", r"\1", t)
    return len(re.findall(r"[.!?][\"“”»]?(?=\s|$)", t))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        found = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.expected.tsv"))
        if len(found) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one key file, found {len(found)}"); continue
        stem = found[0][:-len(".expected.tsv")]
        name = os.path.basename(stem)
        src_p, en_p = f"{stem}.{lang}.txt", f"{stem}.en.txt"
        for p in (src_p, en_p):
            if not os.path.exists(p): errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(src_p) and os.path.exists(en_p)): continue
        src, en = open(src_p, encoding="utf-8").read(), open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != 4: errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe): errors.append(f"{name}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        ns = sentences(src)
        counts.append(f"{name}:{ns}")
        if not 14 <= ns <= 18: errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        if CYR.search(en): errors.append(f"{name}: Cyrillic in English file: {CYR.findall(en)[:5]}")
        lines = open(found[0], encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}"); continue
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4: errors.append(f"{name}:{i}: expected 4 columns, got {len(r)}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip(): errors.append(f"{name}:{i}: empty target")
            if not note.strip(): errors.append(f"{name}:{i}: empty note")
            if cat == "omission":
                omissions += 1
                if tgt not in src: errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6: errors.append(f"{name}:{i}: omission target should be 3-6 words")
            else:
                if tgt not in en: errors.append(f"{name}:{i}: target not in English: {tgt!r}")
                elif en.count(tgt) > 1: warnings.append(f"{name}:{i}: target occurs {en.count(tgt)}x in English: {tgt!r}")
            table[lang][cat] += 1
        if nn == 7:
            if rows: errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8: errors.append(f"{name}: flawed pair needs 6-8 rows, has {len(rows)}")
            if omissions > 1: errors.append(f"{name}: {omissions} omissions (max 1)")
    if optional > 2: errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + " ".join(f"{c[:5]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:<5} " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
print("all   " + " ".join(f"{sum(table[l][c] for l in LANGS):>6}" for c in cats) + f"  {sum(sum(t.values()) for t in table.values()):>5}")
print("source sentences (approx.): " + ", ".join(counts))
for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
