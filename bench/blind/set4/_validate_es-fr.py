#!/usr/bin/env python3
"""Validate the es/fr blind test pairs in this folder (CC0)."""
import csv, glob, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("es", "fr")
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
_UP = r'(?=[«"“¿¡A-ZÁÉÍÓÚÑÀÂÇÈÉÊÎÔÛÜ])'
SENT_SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["»”])|(?<=[.!?] »))\s+' + _UP)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paragraphs(text):
        n += len([s for s in SENT_SPLIT.split(p.strip()) if s.strip()])
    return n

def main():
    errors, warnings = [], []
    counts = {l: Counter() for l in LANGS}
    for lang in LANGS:
        srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
        if len(srcs) != 7:
            errors.append(f"{lang}: expected 7 pairs, found {len(srcs)}")
        clean = 0
        for src in srcs:
            name = os.path.basename(src)[: -len(f".{lang}.txt")]
            en_p = os.path.join(HERE, name + ".en.txt")
            tsv_p = os.path.join(HERE, name + ".expected.tsv")
            for p in (en_p, tsv_p):
                if not os.path.exists(p):
                    errors.append(f"{name}: missing {os.path.basename(p)}")
            if errors and not (os.path.exists(en_p) and os.path.exists(tsv_p)):
                continue
            s = open(src, encoding="utf-8").read()
            e = open(en_p, encoding="utf-8").read()
            ns = sentences(s)
            if ns < 12:
                errors.append(f"{name}: source has {ns} sentences (< 12)")
            if ns > 20:
                warnings.append(f"{name}: source has {ns} sentences (> 20)")
            ps, pe = len(paragraphs(s)), len(paragraphs(e))
            if ps != pe:
                errors.append(f"{name}: paragraph count differs: source {ps}, English {pe}")
            if not 3 <= ps <= 6:
                errors.append(f"{name}: source has {ps} paragraphs (want 3-6)")
            if re.search(r"[\u0400-\u04FF]", e):
                errors.append(f"{name}: Cyrillic characters in English")
            with open(tsv_p, encoding="utf-8", newline="") as f:
                lines = f.read().split("\n")
            if lines and lines[-1] == "":
                lines = lines[:-1]
            if not lines or lines[0].split("\t") != HEADER:
                errors.append(f"{name}: bad header {lines[:1]!r}")
                continue
            rows = lines[1:]
            if not rows:
                clean += 1
            elif not 5 <= len(rows) <= 8:
                errors.append(f"{name}: {len(rows)} rows (want 5-8 for a flawed pair)")
            omissions = 0
            for i, line in enumerate(rows, 2):
                cols = line.split("\t")
                if len(cols) != 4:
                    errors.append(f"{name}:{i}: {len(cols)} columns")
                    continue
                cat, need, target, note = cols
                if cat not in CATS:
                    errors.append(f"{name}:{i}: bad category {cat!r}")
                if need not in NEEDS:
                    errors.append(f"{name}:{i}: bad need {need!r}")
                if not target.strip() or target != target.strip():
                    errors.append(f"{name}:{i}: empty or padded target_text {target!r}")
                if not note.strip():
                    errors.append(f"{name}:{i}: empty note")
                if cat == "omission":
                    omissions += 1
                    if target not in s:
                        errors.append(f"{name}:{i}: omission target not in source: {target!r}")
                    if len(target.split()) > 6:
                        warnings.append(f"{name}:{i}: omission target longer than 5 words")
                else:
                    c = e.count(target)
                    if c == 0:
                        errors.append(f"{name}:{i}: target not in English: {target!r}")
                    elif c > 1:
                        warnings.append(f"{name}:{i}: target occurs {c} times in English: {target!r}")
                    if len(target.split()) > 6:
                        warnings.append(f"{name}:{i}: target_text long ({len(target.split())} words)")
                counts[lang][cat] += 1
            if omissions > 1:
                errors.append(f"{name}: {omissions} omissions (max 1)")
        if srcs and clean != 1:
            errors.append(f"{lang}: {clean} clean pairs (want exactly 1)")
    for lang in LANGS:
        total = sum(counts[lang].values())
        print(f"{lang}: {total} rows: " + ", ".join(f"{k}={v}" for k, v in sorted(counts[lang].items())))
    for w in warnings:
        print("WARNING:", w)
    for er in errors:
        print("ERROR:", er)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
