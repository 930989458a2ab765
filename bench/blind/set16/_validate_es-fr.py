#!/usr/bin/env python3
"""Validator for the es-fr blind test set (set16)."""
import os, re, sys, csv, collections
D = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, table = [], collections.defaultdict(collections.Counter)

def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]

def sentences(t):
    return len(re.findall(r"[.!?][»\"”]?(?:\s|$)", t.strip()))

for L in LANGS:
    stems = sorted({f.rsplit(".", 2)[0] for f in os.listdir(D) if re.match(rf"{L}-\d\d-.+\.(en|{L})\.txt$", f) or re.match(rf"{L}-\d\d-.+\.expected\.tsv$", f)})
    nums = sorted(s.split("-")[1] for s in stems)
    if nums != [f"{i:02d}" for i in range(1, 8)]:
        errors.append(f"{L}: expected pairs 01-07, got {nums}")
    optional = 0
    for s in stems:
        src_p, en_p, key_p = (os.path.join(D, f"{s}.{x}") for x in (f"{L}.txt", "en.txt", "expected.tsv"))
        missing = [p for p in (src_p, en_p, key_p) if not os.path.exists(p)]
        if missing:
            errors.append(f"{s}: missing {missing}"); continue
        src, en = open(src_p, encoding="utf-8").read(), open(en_p, encoding="utf-8").read()
        if len(paras(src)) != 4 or len(paras(en)) != 4:
            errors.append(f"{s}: paragraphs source={len(paras(src))} en={len(paras(en))} (need 4 each)")
        n = sentences(src)
        if not 14 <= n <= 18:
            errors.append(f"{s}: source has ~{n} sentences (need 14-18)")
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{s}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{s}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        clean = s.split("-")[1] == "07"
        if clean and rows:
            errors.append(f"{s}: clean pair must have an empty key")
        if not clean and not 6 <= len(rows) <= 8:
            errors.append(f"{s}: {len(rows)} rows (need 6-8)")
        om = 0
        for r in rows:
            if len(r) != 4:
                errors.append(f"{s}: row has {len(r)} fields: {r}"); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f"{s}: bad category {cat}")
            if need not in NEEDS: errors.append(f"{s}: bad need {need}")
            if need == "optional": optional += 1
            if not tgt.strip() or not note.strip(): errors.append(f"{s}: empty target/note")
            if cat == "omission":
                om += 1
                if tgt not in src: errors.append(f"{s}: omission target not in source: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6: errors.append(f"{s}: omission target should be 3-6 words: {tgt!r}")
            elif tgt not in en:
                errors.append(f"{s}: target not in English: {tgt!r}")
            table[L][cat] += 1
        if om > 1: errors.append(f"{s}: {om} omissions (max 1)")
    if optional > 2: errors.append(f"{L}: {optional} optional rows (max 2)")

cats = sorted(CATS)
print("lang\t" + "\t".join(cats) + "\ttotal")
for L in LANGS:
    print(L + "\t" + "\t".join(str(table[L][c]) for c in cats) + f"\t{sum(table[L].values())}")
if errors:
    print(f"{len(errors)} ERROR(S):"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK: no errors")
