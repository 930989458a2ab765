#!/usr/bin/env python3
"""Validator for the it-pt blind test set (written independently of any checker)."""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")

errors, stats = [], {}

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(p):
    return [s for s in re.split(r"(?<=[.!?»”\"])\s+(?=[A-ZÀ-Ý«“\"])", p.strip()) if s]

for lang in LANGS:
    stats[lang] = {c: 0 for c in sorted(CATS)}
    optional = 0
    for nn in range(1, 8):
        hits = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(hits) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(hits)}")
            continue
        stem = os.path.basename(hits[0])[: -len(f".{lang}.txt")]
        src_p, en_p, key_p = (os.path.join(HERE, stem + s) for s in (f".{lang}.txt", ".en.txt", ".expected.tsv"))
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{stem}: missing {os.path.basename(p)}")
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        sp, ep = paras(src), paras(en)
        if len(sp) != 4:
            errors.append(f"{stem}: source has {len(sp)} paragraphs, want 4")
        if len(sp) != len(ep):
            errors.append(f"{stem}: paragraph count differs (src {len(sp)}, en {len(ep)})")
        ns = sum(len(sentences(p)) for p in sp)
        if not 14 <= ns <= 18:
            errors.append(f"{stem}: source has ~{ns} sentences, want 14-18")
        if CYR.search(en):
            errors.append(f"{stem}: Cyrillic in English file")
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{stem}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        omissions = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{stem}:{i}: expected 4 columns, got {len(r)}")
                continue
            cat, need, target, note = r
            if cat not in CATS:
                errors.append(f"{stem}:{i}: bad category {cat!r}")
                continue
            if need not in NEEDS:
                errors.append(f"{stem}:{i}: bad need {need!r}")
            if need == "optional":
                optional += 1
            if not target.strip() or not note.strip():
                errors.append(f"{stem}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if target not in src:
                    errors.append(f"{stem}:{i}: omission target not in source: {target!r}")
                if not 3 <= len(target.split()) <= 6:
                    errors.append(f"{stem}:{i}: omission target should be 3-6 words")
            elif target not in en:
                errors.append(f"{stem}:{i}: target not in English: {target!r}")
            stats[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{stem}: clean pair must have an empty key")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{stem}: {len(rows)} rows, want 6-8")
        if omissions > 1:
            errors.append(f"{stem}: {omissions} omissions, max 1")
    if optional > 2:
        errors.append(f"{lang}: {optional} optional rows, max 2")

for lang in LANGS:
    total = sum(stats[lang].values())
    print(f"{lang}: " + ", ".join(f"{c}={n}" for c, n in stats[lang].items()) + f", total={total}")
if errors:
    print(f"{len(errors)} ERROR(S):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK: no errors")
