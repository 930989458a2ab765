#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (set10). Run: python3 _validate_de-ru-uk.py"""
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

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text, german=False):
    # rough count: sentence-final punctuation followed by space/newline/end (quotes allowed)
    t = re.sub(r"\b([ap])\.m\.(?= [a-z0-9(])", r"\1m", text.strip())
    t = re.sub(r"\b(Dr|Nr|St|ca|bzw|z\.B)\.", "ABBR", t)
    if german:
        t = re.sub(r"\b(\d{1,2})\.(?= (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)", r"\1", t)  # German ordinal dates: 3. Mai
    return len(re.findall(r"[.!?…][»“\"']?(?=\s|$)", t))

for lang in LANGS:
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
    nums = [os.path.basename(s).split("-")[1] for s in srcs]
    if sorted(nums) != [f"{i:02d}" for i in range(1, 8)]:
        errors.append(f"{lang}: expected pairs 01-07, found {nums}")
    optional = 0
    for src in srcs:
        base = os.path.basename(src)[: -len(f".{lang}.txt")]
        en = os.path.join(HERE, base + ".en.txt")
        key = os.path.join(HERE, base + ".expected.tsv")
        for f in (en, key):
            if not os.path.exists(f):
                errors.append(f"{base}: missing {os.path.basename(f)}")
        if not (os.path.exists(en) and os.path.exists(key)):
            continue
        s_txt = open(src, encoding="utf-8").read()
        e_txt = open(en, encoding="utf-8").read()
        ps, pe = paragraphs(s_txt), paragraphs(e_txt)
        if len(ps) != 4:
            errors.append(f"{base}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{base}: paragraph mismatch source {len(ps)} vs English {len(pe)}")
        ns = sentences(s_txt, german=(lang == "de"))
        if not 14 <= ns <= 18:
            warnings.append(f"{base}: source has ~{ns} sentences (target 14-18)")
        if CYR.search(e_txt):
            errors.append(f"{base}: Cyrillic found in English: {CYR.findall(e_txt)[:5]}")
        lines = open(key, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{base}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        clean = base.split("-")[1] == "07"
        if clean and rows:
            errors.append(f"{base}: clean pair must have empty key, has {len(rows)} rows")
        if not clean and not 6 <= len(rows) <= 8:
            errors.append(f"{base}: {len(rows)} rows, expected 6-8")
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{base}:{i}: expected 4 tab-separated fields, got {len(r)}")
                continue
            cat, need, tgt, note = r
            if cat not in CATS:
                errors.append(f"{base}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{base}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{base}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in s_txt:
                    errors.append(f"{base}:{i}: omission target not in source: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{base}:{i}: omission target should be 3-6 words, has {nw}")
                # the sentence must really be missing: check its English is absent is not possible; check paragraph
            else:
                c = e_txt.count(tgt)
                if c == 0:
                    errors.append(f"{base}:{i}: target not in English: {tgt!r}")
                elif c > 1:
                    warnings.append(f"{base}:{i}: target occurs {c} times in English: {tgt!r}")
                if len(tgt.split()) > 8:
                    warnings.append(f"{base}:{i}: long target ({len(tgt.split())} words): {tgt!r}")
            table[lang][cat] += 1
        if omissions > 1:
            errors.append(f"{base}: {omissions} omissions (max 1)")
        # sentence-count sanity: with an omission, English should have one sentence fewer (rough)
        ne = sentences(e_txt)
        if ne != ns - omissions:
            warnings.append(f"{base}: sentence count source {ns} - omissions {omissions} != English {ne} (check)")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows (max 2)")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("rows per language and category:")
print("lang " + " ".join(f"{c[:5]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4} " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
tot = Counter()
for lang in LANGS:
    tot.update(table[lang])
print("all  " + " ".join(f"{tot[c]:>6}" for c in cats) + f"  {sum(tot.values()):>5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
