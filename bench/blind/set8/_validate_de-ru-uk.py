#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (pairs LL-NN-topic.{LL,en}.txt + .expected.tsv)."""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
HEADER = "category\tneed\ttarget_text\tnote"
CATS = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
NEEDS = {"required", "optional"}
CYR = re.compile(r"[\u0400-\u04FF]")

errors, warnings = [], []
table = defaultdict(Counter)
pairs_per_lang = Counter()
optional_per_lang = Counter()

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paras(text):
        parts = [s for s in re.split(r"(?<=[.!?…])[»“\"]?\s+(?=[„«\"A-ZÄÖÜА-ЯІЇЄҐ0-9])", p.strip()) if s.strip()]
        # German ordinal dates ("am 1. April") are not sentence ends
        n += len(parts) - sum(1 for s in parts[:-1] if re.search(r"(?:^|\s)\d{1,2}\.$", s))
    return n

for lang in LANGS:
    for nn in range(1, 8):
        tag = f"{lang}-{nn:02d}"
        srcs = glob.glob(os.path.join(HERE, f"{tag}-*.{lang}.txt"))
        if len(srcs) != 1:
            errors.append(f"{tag}: expected exactly one source file, found {len(srcs)}")
            continue
        base = srcs[0][: -len(f".{lang}.txt")]
        name = os.path.basename(base)
        en_path, key_path = base + ".en.txt", base + ".expected.tsv"
        for p in (en_path, key_path):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if errors and not (os.path.exists(en_path) and os.path.exists(key_path)):
            continue
        src = open(srcs[0], encoding="utf-8").read()
        en = open(en_path, encoding="utf-8").read()
        lines = open(key_path, encoding="utf-8").read().splitlines()
        pairs_per_lang[lang] += 1
        # paragraphs / sentences
        ps, pe = len(paras(src)), len(paras(en))
        if ps != 4:
            errors.append(f"{name}: source has {ps} paragraphs, expected 4")
        if ps != pe:
            errors.append(f"{name}: paragraph count mismatch src={ps} en={pe}")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            warnings.append(f"{name}: source sentence count (heuristic) {ns} outside 14-18")
        if CYR.search(en):
            errors.append(f"{name}: Cyrillic in English file: {sorted(set(CYR.findall(en)))[:10]}")
        # key
        if not lines or lines[0] != HEADER:
            errors.append(f"{name}: bad header {lines[:1]!r}")
            continue
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
                optional_per_lang[lang] += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{name}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src:
                    errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                if tgt in en:
                    errors.append(f"{name}:{i}: omission target found in English: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6:
                    errors.append(f"{name}:{i}: omission target should be 3-6 words: {tgt!r}")
            else:
                if tgt not in en:
                    errors.append(f"{name}:{i}: target not found verbatim in English: {tgt!r}")
                elif en.count(tgt) > 1:
                    warnings.append(f"{name}:{i}: target occurs {en.count(tgt)} times in English: {tgt!r}")
            table[lang][cat] += 1
        if omissions > 1:
            errors.append(f"{name}: {omissions} omissions (max 1)")
        if omissions == 1 and ps == pe and sentences(en) >= ns:
            warnings.append(f"{name}: omission listed but English sentence count not lower")
        if nn == 7:
            if rows:
                errors.append(f"{name}: clean pair must have no rows, has {len(rows)}")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{name}: flawed pair has {len(rows)} rows (need 6-8)")

for lang in LANGS:
    if optional_per_lang[lang] > 2:
        errors.append(f"{lang}: {optional_per_lang[lang]} optional rows (max 2)")

print("rows per language and category:")
print("lang  pairs " + " ".join(f"{c[:5]:>6}" for c in CATS) + "  total")
for lang in LANGS:
    t = table[lang]
    print(f"{lang:4}  {pairs_per_lang[lang]:5} " + " ".join(f"{t[c]:6}" for c in CATS) + f"  {sum(t.values()):5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
