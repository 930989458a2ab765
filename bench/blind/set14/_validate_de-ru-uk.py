#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (set14). Usage: python3 _validate_de-ru-uk.py"""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
CYR = re.compile(r"[\u0400-\u04FF]")
errors, warnings, table = [], [], defaultdict(Counter)

def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]

def sentences(t):
    # heuristic: skip "Dr." and German ordinals/dates such as "12. Dezember", "41. Landesschau"
    t = re.sub(r"\b(Dr|Nr|St|Mr|Mrs)\.", r"\1", t)
    t = re.sub(r"\b(\d{1,2})\.(?=\s+[^\W\d])", r"\1", t)
    return len(re.findall(r"[.!?…](?:[»“\"”])?(?=\s|$)", t))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}"); continue
        base = srcs[0][: -len(f".{lang}.txt")]
        stem = os.path.basename(base)
        en_p, key_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{stem}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{stem}: bad header {lines[0]!r}")
        rows = [l for l in lines[1:] if l.strip()]
        if len(paras(src)) != 4 or len(paras(en)) != 4:
            errors.append(f"{stem}: paragraphs src={len(paras(src))} en={len(paras(en))} (need 4 each)")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            warnings.append(f"{stem}: source has ~{ns} sentences (need 14-18)")
        if CYR.search(en):
            errors.append(f"{stem}: Cyrillic in English: {sorted(set(CYR.findall(en)))[:5]}")
        if nn == 7:
            if rows:
                errors.append(f"{stem}: clean pair must have header only")
            continue
        if not 6 <= len(rows) <= 8:
            errors.append(f"{stem}: {len(rows)} rows (need 6-8)")
        om = 0
        for i, r in enumerate(rows, 2):
            f = r.split("\t")
            if len(f) != 4:
                errors.append(f"{stem}:{i}: need 4 tab-separated fields, got {len(f)}"); continue
            cat, need, tgt, note = f
            if cat not in CATS: errors.append(f"{stem}:{i}: bad category {cat!r}")
            if need not in NEEDS: errors.append(f"{stem}:{i}: bad need {need!r}")
            if need == "optional": optional += 1
            if not tgt.strip() or not note.strip(): errors.append(f"{stem}:{i}: empty target or note")
            if cat == "omission":
                om += 1
                if tgt not in src: errors.append(f"{stem}:{i}: omission target not in source: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 6: errors.append(f"{stem}:{i}: omission target has {nw} words (need 3-6)")
            else:
                if tgt not in en: errors.append(f"{stem}:{i}: target not in English: {tgt!r}")
            table[lang][cat] += 1
        if om > 1:
            errors.append(f"{stem}: {om} omissions (max 1)")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("lang  " + " ".join(f"{c[:5]:>5}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:5} " + " ".join(f"{table[lang][c]:>5}" for c in cats) + f"  {sum(table[lang].values()):>5}")
for w in warnings:
    print("warning (heuristic):", w)
if errors:
    print(f"\n{len(errors)} ERROR(S):"); [print(" -", e) for e in errors]; sys.exit(1)
print("\nOK: 21 pairs, no errors")
