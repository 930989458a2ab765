#!/usr/bin/env python3
"""Validator for the it-pt blind test set (independent writer)."""
import os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")

errors, warnings = [], []
table = collections.defaultdict(collections.Counter)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough sentence count: terminal punctuation followed by space/closing quote/end
    t = re.sub(r"\s+", " ", text.strip())
    return len(re.findall(r"[.!?][»\"”]?(?=\s+[«\"“A-ZÀ-Ý]|\s*$)", t))

for lang in LANGS:
    stems = sorted({f[:-len(".expected.tsv")] for f in os.listdir(HERE)
                    if f.startswith(lang + "-") and f.endswith(".expected.tsv")})
    nums = sorted(s.split("-")[1] for s in stems)
    if nums != ["%02d" % i for i in range(1, 8)]:
        errors.append(f"{lang}: expected pairs 01-07, found {nums}")
    optional = 0
    for stem in stems:
        src_p = os.path.join(HERE, f"{stem}.{lang}.txt")
        en_p = os.path.join(HERE, f"{stem}.en.txt")
        key_p = os.path.join(HERE, f"{stem}.expected.tsv")
        missing = [p for p in (src_p, en_p, key_p) if not os.path.exists(p)]
        if missing:
            errors.append(f"{stem}: missing {missing}")
            continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{stem}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        ps, pe = len(paras(src)), len(paras(en))
        if ps != 4 or pe != 4:
            errors.append(f"{stem}: paragraphs source={ps} english={pe} (need 4 and equal)")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{stem}: source has {ns} sentences (need 14-18)")
        if CYR.search(en):
            errors.append(f"{stem}: Cyrillic in English file")
        clean = stem.split("-")[1] == "07"
        if clean and rows:
            errors.append(f"{stem}: clean pair must have an empty key")
        if not clean and not 6 <= len(rows) <= 8:
            errors.append(f"{stem}: {len(rows)} rows (need 6-8)")
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{stem}:{i}: {len(r)} columns")
                continue
            cat, need, target, note = r
            if cat not in CATS:
                errors.append(f"{stem}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{stem}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not note.strip():
                errors.append(f"{stem}:{i}: empty note")
            if cat == "omission":
                omissions += 1
                if target not in src:
                    errors.append(f"{stem}:{i}: omission target not in source: {target!r}")
                if not 3 <= len(target.split()) <= 6:
                    errors.append(f"{stem}:{i}: omission target must be 3-6 words")
            else:
                n = en.count(target)
                if n == 0:
                    errors.append(f"{stem}:{i}: target not in English: {target!r}")
                elif n > 1:
                    warnings.append(f"{stem}:{i}: target occurs {n} times in English: {target!r}")
                if len(target.split()) > 7:
                    warnings.append(f"{stem}:{i}: long target ({len(target.split())} words)")
            table[lang][cat] += 1
        if omissions > 1:
            errors.append(f"{stem}: {omissions} omissions (max 1)")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

print("rows per language and category:")
cats = sorted(CATS)
print("lang\t" + "\t".join(cats) + "\ttotal")
for lang in LANGS:
    print(lang + "\t" + "\t".join(str(table[lang][c]) for c in cats) + "\t" + str(sum(table[lang].values())))
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
