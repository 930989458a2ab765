#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (writer12)."""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
CYR = re.compile(r"[\u0400-\u04FF]")

errors, table = [], defaultdict(Counter)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation followed by space/quote/end
    t = re.sub(r"\b(Dr|z\.B|ca|St|Nr)\.", r"\1", text)
    t = re.sub(r"(\d)\.(?=\s*(Mai|März|April|Oktober|November|Dezember|Januar|Juni|Juli|September|Februar|August))", r"\1", t)
    return len(re.findall(r"[.!?…][»“\"]?(?=\s|$)", t))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        stems = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(stems) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(stems)}")
            continue
        stem = stems[0][: -len(f".{lang}.txt")]
        base = os.path.basename(stem)
        src_p, en_p, key_p = stem + f".{lang}.txt", stem + ".en.txt", stem + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{base}: missing {os.path.basename(p)}")
        if not all(os.path.exists(p) for p in (src_p, en_p, key_p)):
            continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        ps, pe = paras(src), paras(en)
        if len(ps) != 4:
            errors.append(f"{base}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{base}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        n = sentences(src)
        if not 14 <= n <= 18:
            errors.append(f"{base}: source has ~{n} sentences, expected 14-18")
        if CYR.search(en):
            errors.append(f"{base}: Cyrillic in English file: {CYR.findall(en)[:5]}")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            errors.append(f"{base}: bad header {lines[0]!r}")
        rows = [l for l in lines[1:] if l.strip()]
        omissions = 0
        for i, l in enumerate(rows, 2):
            f = l.split("\t")
            if len(f) != 4:
                errors.append(f"{base}: line {i}: expected 4 tab-separated fields, got {len(f)}")
                continue
            cat, need, tgt, note = f
            if cat not in CATS:
                errors.append(f"{base}: line {i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{base}: line {i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{base}: line {i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in src:
                    errors.append(f"{base}: line {i}: omission target not in source: {tgt!r}")
                n_words = len(tgt.split())
                if not 3 <= n_words <= 6:
                    errors.append(f"{base}: line {i}: omission target should be 3-6 words, has {n_words}")
            elif tgt not in en:
                errors.append(f"{base}: line {i}: target not in English: {tgt!r}")
            table[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{base}: clean pair must have an empty key, has {len(rows)} rows")
        elif not 6 <= len(rows) <= 8:
            errors.append(f"{base}: flawed pair has {len(rows)} rows, expected 6-8")
        if omissions > 1:
            errors.append(f"{base}: {omissions} omissions, at most 1 allowed")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows, at most 2 allowed")

cats = sorted(CATS)
print("lang  " + " ".join(f"{c[:6]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:4}  " + " ".join(f"{table[lang][c]:>6}" for c in cats) + f"  {sum(table[lang].values()):>5}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("\nOK: 21 pairs, no errors")
