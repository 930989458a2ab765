#!/usr/bin/env python3
"""Validator for the es-fr blind test set (translation-quality reviewer keys)."""
import os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, warnings = [], []
stats = {}

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation followed by space/quote/end
    return len(re.findall(r"[.!?](?:[»\"”]?)(?=\s|$)", text.strip()))

for lang in LANGS:
    stats[lang] = {c: 0 for c in sorted(CATS)}
    stats[lang]["_rows"] = 0
    optional = 0
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
    nums = [re.match(rf"{lang}-(\d\d)-", os.path.basename(s)).group(1) for s in srcs]
    if sorted(nums) != [f"{i:02d}" for i in range(1, 8)]:
        errors.append(f"{lang}: expected pairs 01-07, found {nums}")
    topics = set()
    for src in srcs:
        base = src[: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        nn = name.split("-")[1]
        topics.add(name.split("-", 2)[2])
        en, key = base + ".en.txt", base + ".expected.tsv"
        for f in (en, key):
            if not os.path.exists(f):
                errors.append(f"{name}: missing {os.path.basename(f)}")
        if not (os.path.exists(en) and os.path.exists(key)):
            continue
        s_txt = open(src, encoding="utf-8").read()
        e_txt = open(en, encoding="utf-8").read()
        ps, pe = paras(s_txt), paras(e_txt)
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        ns = sentences(s_txt)
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        if re.search(r"[\u0400-\u04FF]", e_txt):
            errors.append(f"{name}: Cyrillic in English file")
        lines = open(key, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{name}:{i}: expected 4 tab-separated fields, got {len(r)}")
                continue
            cat, need, tgt, note = r
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not tgt.strip() or tgt != tgt.strip():
                errors.append(f"{name}:{i}: empty target or surrounding whitespace")
            if not note.strip():
                errors.append(f"{name}:{i}: empty note")
            if any('"' in x for x in r):
                errors.append(f"{name}:{i}: double quote in a field (breaks naive TSV readers)")
            if cat == "omission":
                omissions += 1
                if tgt not in s_txt:
                    errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{name}:{i}: omission target should be 3-6 words, has {nw}")
            else:
                c = e_txt.count(tgt)
                if c == 0:
                    errors.append(f"{name}:{i}: target not in English: {tgt!r}")
                elif c > 1:
                    warnings.append(f"{name}:{i}: target occurs {c} times in English: {tgt!r}")
                if len(tgt.split()) > 6:
                    warnings.append(f"{name}:{i}: long target ({len(tgt.split())} words)")
            if cat in CATS:
                stats[lang][cat] += 1
            stats[lang]["_rows"] += 1
        if nn == "07":
            if rows:
                errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{name}: flawed pair needs 6-8 rows, has {len(rows)}")
        if omissions > 1:
            errors.append(f"{name}: {omissions} omissions (max 1)")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")
    if len(topics) != len(srcs):
        errors.append(f"{lang}: duplicate topics")

print("rows per language and category:")
cats = sorted(CATS)
print("lang  " + "  ".join(f"{c[:6]:>6}" for c in cats) + "   total")
for lang in LANGS:
    print(f"{lang:5} " + "  ".join(f"{stats[lang][c]:>6}" for c in cats) + f"   {stats[lang]['_rows']:>5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
