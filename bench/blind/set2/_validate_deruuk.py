#!/usr/bin/env python3
"""Validate the de/ru/uk pairs in this folder (blind set 2)."""
import glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "category\tneed\ttarget_text\tnote"
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
LANGS = ("de", "ru", "uk")
CYR = re.compile(r"[\u0400-\u04FF]")
SENT = re.compile(r"[.!?…]+(?=[\s»«“”\"]|$)")

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

errors = []
stats = defaultdict(lambda: {"pairs": 0, "sentences": 0, "rows": Counter()})
for lang in LANGS:
    for key in sorted(glob.glob(os.path.join(HERE, f"{lang}-*.expected.tsv"))):
        name = os.path.basename(key)[: -len(".expected.tsv")]
        src_p = os.path.join(HERE, f"{name}.{lang}.txt")
        en_p = os.path.join(HERE, f"{name}.en.txt")
        if not (os.path.exists(src_p) and os.path.exists(en_p)):
            errors.append(f"{name}: missing source or English file"); continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        n_sent = len(SENT.findall(src))
        if n_sent < 12:
            errors.append(f"{name}: only {n_sent} source sentences")
        if len(paras(src)) != len(paras(en)):
            errors.append(f"{name}: paragraph count {len(paras(src))} vs {len(paras(en))}")
        if CYR.search(en):
            errors.append(f"{name}: Cyrillic in English: {CYR.findall(en)[:5]}")
        if "||" in en or "\t" in en:
            errors.append(f"{name}: stray separator in English")
        lines = open(key, encoding="utf-8").read().split("\n")
        if lines and lines[-1] == "":
            lines = lines[:-1]
        if not lines or lines[0] != HEADER:
            errors.append(f"{name}: bad header {lines[:1]!r}")
        rows = lines[1:]
        if name.endswith("-clean") and rows:
            errors.append(f"{name}: clean pair has rows")
        for i, line in enumerate(rows, 2):
            f = line.split("\t")
            if len(f) != 4:
                errors.append(f"{name}:{i}: {len(f)} fields"); continue
            cat, need, target, note = f
            if not set(cat.split("|")) <= CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if not target or not note.strip():
                errors.append(f"{name}:{i}: empty target or note")
            if "omission" in cat.split("|"):
                if target not in src:
                    errors.append(f"{name}:{i}: omission target not in source: {target!r}")
                if not (3 <= len(target.split()) <= 6):
                    errors.append(f"{name}:{i}: omission target should be 3-6 words")
            elif target not in en:
                errors.append(f"{name}:{i}: target not in English: {target!r}")
            for c in cat.split("|"):
                stats[lang]["rows"][(c, need)] += 1
        stats[lang]["pairs"] += 1
        stats[lang]["sentences"] += n_sent
        print(f"{name}: {n_sent} source sentences, {len(paras(src))} paragraphs, "
              f"{sum(1 for r in rows if r.split(chr(9))[1:2] == ['required'])} required / "
              f"{sum(1 for r in rows if r.split(chr(9))[1:2] == ['optional'])} optional rows")

print()
for lang in LANGS:
    s = stats[lang]
    print(f"[{lang}] pairs={s['pairs']} sentences={s['sentences']}")
    for cat in sorted(CATS):
        r, o = s["rows"][(cat, "required")], s["rows"][(cat, "optional")]
        if r or o:
            print(f"    {cat:13s} required={r} optional={o}")
if errors:
    print("\nERRORS:"); print("\n".join(errors)); sys.exit(1)
print("\nOK")
