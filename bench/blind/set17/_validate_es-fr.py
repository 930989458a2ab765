#!/usr/bin/env python3
"""Validator for the es-fr blind test set (set17). Run: python3 _validate_es-fr.py"""
import os, re, sys, glob, collections
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
errors, warnings = [], []
table = {l: collections.Counter() for l in LANGS}
pairs = collections.Counter()

def paras(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]

def sentences(t):
    # rough count: sentence-final . ! ? (optionally followed by closing quotes) then space/newline/end
    t = re.sub(r"(\d)\.(\d)", r"\1\2", t)
    return len(re.findall(r"[.!?…][»”\"]?(?=\s|$)", t))

for ll in LANGS:
    opt = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{ll}-{nn:02d}-*.{ll}.txt"))
        if len(srcs) != 1:
            errors.append(f"{ll}-{nn:02d}: expected exactly one source file, found {len(srcs)}")
            continue
        base = srcs[0][: -len(f".{ll}.txt")]
        name = os.path.basename(base)
        en_p, key_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if errors and not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        pairs[ll] += 1
        ps, pe = paras(src), paras(en)
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        if re.search(r"[\u0400-\u04FF]", en):
            errors.append(f"{name}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l for l in lines[1:] if l.strip()]
        omissions = 0
        for i, l in enumerate(rows, 2):
            f = l.split("\t")
            if len(f) != 4:
                errors.append(f"{name}:{i}: expected 4 tab-separated fields, got {len(f)}")
                continue
            cat, need, tgt, note = f
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional":
                opt += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{name}:{i}: empty target or note")
            table[ll][cat] += 1
            if cat == "omission":
                omissions += 1
                if tgt not in src:
                    errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                n = len(tgt.split())
                if not 3 <= n <= 6:
                    errors.append(f"{name}:{i}: omission target should be 3-6 words, has {n}")
            else:
                c = en.count(tgt)
                if c == 0:
                    errors.append(f"{name}:{i}: target not in English: {tgt!r}")
                elif c > 1:
                    warnings.append(f"{name}:{i}: target occurs {c} times in English: {tgt!r}")
        if nn == 7:
            if rows:
                errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{name}: flawed pair has {len(rows)} rows, expected 6-8")
        if omissions > 1:
            errors.append(f"{name}: {omissions} omissions (max 1)")
    if opt > 2:
        errors.append(f"{ll}: {opt} optional rows (max 2)")

cats = sorted(CATS)
print("lang  pairs  " + "  ".join(f"{c[:6]:>6}" for c in cats) + "   total")
for ll in LANGS:
    print(f"{ll:4}  {pairs[ll]:5}  " + "  ".join(f"{table[ll][c]:6}" for c in cats) + f"   {sum(table[ll].values()):5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
