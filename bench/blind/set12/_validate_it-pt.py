#!/usr/bin/env python3
"""Validator for the it-pt blind test set (writer12). Run: python3 _validate_it-pt.py"""
import csv, os, re, sys, glob
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
    # rough count: sentence-final punctuation followed by space/newline/end (quotes allowed)
    return len(re.findall(r"[.!?][»”\"’]?(?=\s|$)", text.strip()))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        pre = f"{lang}-{nn:02d}-"
        srcs = glob.glob(os.path.join(HERE, f"{pre}*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{pre}: expected exactly one source file, found {len(srcs)}"); continue
        base = srcs[0][: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        en_p, tsv_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, tsv_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(tsv_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{name}: Cyrillic in English file")
        with open(tsv_p, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows or rows[0] != HEADER:
            errors.append(f"{name}: bad header {rows[:1]}"); continue
        body = [r for r in rows[1:] if any(c.strip() for c in r)]
        omissions = 0
        for i, r in enumerate(body, 2):
            if len(r) != 4:
                errors.append(f"{name}: line {i} has {len(r)} fields"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{name}: line {i} bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{name}: line {i} bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip(): errors.append(f"{name}: line {i} empty target")
            if not note.strip(): errors.append(f"{name}: line {i} empty note")
            if cat == "omission":
                omissions += 1
                if tgt not in src: errors.append(f"{name}: line {i} omission target not in source: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6: errors.append(f"{name}: line {i} omission target should be 3-6 words")
            else:
                if tgt not in en: errors.append(f"{name}: line {i} target not in English: {tgt!r}")
                elif en.count(tgt) > 1: warnings.append(f"{name}: line {i} target occurs {en.count(tgt)}x in English: {tgt!r}")
            table[lang][cat] += 1
        if nn == 7:
            if body: errors.append(f"{name}: clean pair must have no rows (has {len(body)})")
        else:
            if not 6 <= len(body) <= 8: errors.append(f"{name}: {len(body)} rows, expected 6-8")
        if omissions > 1: errors.append(f"{name}: {omissions} omissions (max 1)")
        if nn != 7 and "«" in en and not any(r[0] == "punctuation" and "«" in r[2] for r in body if len(r) == 4):
            warnings.append(f"{name}: guillemets in English but no punctuation row")
        if nn == 7 and ("«" in en or "»" in en):
            errors.append(f"{name}: guillemets in clean English")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("rows per language and category:")
print("lang  " + " ".join(f"{c[:6]:>7}" for c in cats) + "   total")
for lang in LANGS:
    print(f"{lang:5} " + " ".join(f"{table[lang][c]:>7}" for c in cats) + f"   {sum(table[lang].values()):>5}")
for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
