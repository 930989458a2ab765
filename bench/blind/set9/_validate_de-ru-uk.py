#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (set9). Run: python3 _validate_de-ru-uk.py"""
import csv, glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
MONTHS = {"Januar","Februar","März","April","Mai","Juni","Juli","August","September","Oktober","November","Dezember"}
CYR = re.compile(r"[\u0400-\u04FF]")
ABBR = {"Dr", "Prof", "St", "Mr", "Mrs", "Ms", "z.B", "bzw", "ca", "Nr", "u.a", "т.е", "т.д", "г", "ул", "им"}
errors, warnings = [], []

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paras(text):
        p = " ".join(p.split())
        cnt = 0
        for m in re.finditer(r"[.!?…]+[»“\"”']?(?=\s+[«„\"“A-ZÄÖÜА-ЯЁІЇЄҐ0-9]|\s*$)", p):
            before = p[:m.start()]
            word = re.search(r"(\S+)$", before)
            w = word.group(1) if word else ""
            nxt = re.match(r"\s*(\S+)", p[m.end():])
            nxt = nxt.group(1) if nxt else ""
            if w.rstrip(".") in ABBR:
                continue
            if m.group(0) == "." and re.fullmatch(r"\d{1,2}", w) and nxt.strip("«„\"“") in MONTHS:
                continue  # German ordinal date: "1. Oktober"
            if nxt[:1].islower():
                continue
            cnt += 1
        n += cnt
    return n

counts = defaultdict(Counter)
pairs_per_lang = Counter()
topics = {}
for lang in LANGS:
    optional_n = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}")
            continue
        base = srcs[0][: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        topic = name.split("-", 2)[2]
        if topic in topics:
            errors.append(f"{name}: topic slug repeats {topics[topic]}")
        topics[topic] = name
        en_p, tsv_p = base + ".en.txt", base + ".expected.tsv"
        for p in (en_p, tsv_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(tsv_p)):
            continue
        pairs_per_lang[lang] += 1
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        for i, line in enumerate(en.splitlines(), 1):
            if CYR.search(line):
                errors.append(f"{name}.en.txt line {i}: contains Cyrillic")
        with open(tsv_p, encoding="utf-8", newline="") as f:
            lines = f.read().splitlines()
        if not lines or lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[:1]!r}")
            continue
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for r in rows:
            if len(r) != 4:
                errors.append(f"{name}: row has {len(r)} fields: {r!r}")
                continue
            cat, need, target, note = r
            if cat not in CATS:
                errors.append(f"{name}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}: bad need {need!r}")
            if need == "optional":
                optional_n += 1
            if not target.strip() or not note.strip():
                errors.append(f"{name}: empty target or note in {r!r}")
            if cat == "omission":
                omissions += 1
                if target not in src:
                    errors.append(f"{name}: omission target not in source: {target!r}")
                nw = len(target.split())
                if not 3 <= nw <= 8:
                    warnings.append(f"{name}: omission target has {nw} tokens")
            else:
                c = en.count(target)
                if c == 0:
                    errors.append(f"{name}: target not found verbatim in English: {target!r}")
                elif c > 1:
                    warnings.append(f"{name}: target occurs {c} times in English: {target!r}")
                if len(target.split()) > 8:
                    warnings.append(f"{name}: long target ({len(target.split())} words): {target!r}")
            counts[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{name}: flawed pair has {len(rows)} rows, expected 6-8")
        ne = sentences(en)
        if abs(ne - (ns - omissions)) > 1:
            warnings.append(f"{name}: English has ~{ne} sentences, source ~{ns} with {omissions} omission(s)")
        if omissions > 1:
            errors.append(f"{name}: {omissions} omissions (max 1)")
        # source-convention quotation marks in English must be keyed as punctuation
        marks = re.findall(r"[«»„]", en)
        keyed = "".join(r[2] for r in rows if len(r) == 4 and r[0] == "punctuation")
        if marks and not re.search(r"[«»„]", keyed):
            errors.append(f"{name}: English contains source quotation marks not covered by a punctuation row")
    if optional_n > 2:
        errors.append(f"{lang}: {optional_n} optional rows (max 2)")

print("Pairs per language:", dict(pairs_per_lang))
cats = sorted(CATS)
print("rows   " + " ".join(f"{c[:6]:>7}" for c in cats) + "   total")
for lang in LANGS:
    print(f"{lang:6} " + " ".join(f"{counts[lang][c]:>7}" for c in cats) + f"   {sum(counts[lang].values()):>5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
