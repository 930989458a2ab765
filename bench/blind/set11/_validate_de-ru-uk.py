#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (set11). Run: python3 _validate_de-ru-uk.py"""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")
errors, warnings = [], []
table = defaultdict(Counter)

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

MONTHS = ("Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember")
def sentences(text):
    # rough count: sentence-final punctuation followed by space/newline/end (quotes allowed),
    # ignoring common abbreviations (Dr., Mag.) and German ordinal dates ("12. März")
    t = re.sub(r"\b(Dr|Mag|St|Nr|bzw|ca|z\.B)\.", "X", text.strip())
    t = re.sub(r"(\d)\.(?= (?:" + MONTHS + r"|[a-zäöü]))", r"\1", t)
    return len(re.findall(r"[.!?][»“\"”']?(?=\s|$)", t))

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        stems = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.expected.tsv"))
        if len(stems) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one key file, found {len(stems)}")
            continue
        stem = stems[0][: -len(".expected.tsv")]
        name = os.path.basename(stem)
        src_p, en_p = f"{stem}.{lang}.txt", f"{stem}.en.txt"
        for p in (src_p, en_p):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if not (os.path.exists(src_p) and os.path.exists(en_p)):
            continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(stems[0], encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = []
        for i, line in enumerate(lines[1:], 2):
            f = line.split("\t")
            if len(f) != 4:
                errors.append(f"{name}:{i}: expected 4 tab-separated fields, got {len(f)}")
                continue
            rows.append(f)
        ps, pe = paras(src), paras(en)
        if len(ps) != len(pe):
            errors.append(f"{name}: paragraph count differs (source {len(ps)}, English {len(pe)})")
        if len(ps) != 4:
            errors.append(f"{name}: source has {len(ps)} paragraphs, expected 4")
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f"{name}: source has ~{ns} sentences, expected 14-18")
        if lang in ("ru", "uk") and CYR.search(en):
            errors.append(f"{name}: Cyrillic in English file: {CYR.findall(en)[:5]}")
        if not CYR.search(src) and lang in ("ru", "uk"):
            errors.append(f"{name}: source has no Cyrillic")
        clean = nn == 7
        if clean and rows:
            errors.append(f"{name}: clean pair must have an empty key, has {len(rows)} rows")
        if not clean and not 6 <= len(rows) <= 8:
            errors.append(f"{name}: flawed pair has {len(rows)} rows, expected 6-8")
        if sum(1 for r in rows if r[0] == "omission") > 1:
            errors.append(f"{name}: more than one omission")
        for cat, need, target, note in rows:
            if cat not in CATS:
                errors.append(f"{name}: invalid category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}: invalid need {need!r}")
            if need == "optional":
                optional += 1
            if not target.strip() or not note.strip():
                errors.append(f"{name}: empty target or note")
            if cat == "omission":
                if target not in src:
                    errors.append(f"{name}: omission target not in source: {target!r}")
                nw = len(target.split())
                if not 3 <= nw <= 6:
                    errors.append(f"{name}: omission target has {nw} words, expected 3-6")
                # the omitted sentence must really be absent: source paragraph has one more sentence
            else:
                c = en.count(target)
                if c == 0:
                    errors.append(f"{name}: target not in English: {target!r}")
                elif c > 1:
                    warnings.append(f"{name}: target occurs {c} times in English: {target!r}")
            table[lang][cat] += 1
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows, at most 2 allowed")

cats = ["name", "title", "idiom", "number", "punctuation", "omission", "untranslated"]
print("rows per language and category")
print("lang  " + " ".join(f"{c[:6]:>6}" for c in cats) + "  total")
for lang in LANGS:
    print(f"{lang:5} " + " ".join(f"{table[lang][c]:6}" for c in cats) + f"  {sum(table[lang].values()):5}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
