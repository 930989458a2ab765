#!/usr/bin/env python3
"""Validate the it/pt blind test pairs in this folder (CC0)."""
import csv, glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("it", "pt")
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
errors, warnings = [], []
counts = defaultdict(Counter)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paragraphs(text):
        parts = re.split(r'(?<=[.!?…])[»"”]?\s+(?=[«"“A-ZÀ-Ý0-9])', p.strip())
        n += len([s for s in parts if s.strip()])
    return n

for lang in LANGS:
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
    if len(srcs) != 7:
        errors.append(f"{lang}: expected 7 source files, found {len(srcs)}")
    clean = 0
    for src in srcs:
        name = os.path.basename(src)[: -len(f".{lang}.txt")]
        en, tsv = os.path.join(HERE, name + ".en.txt"), os.path.join(HERE, name + ".expected.tsv")
        for f in (en, tsv):
            if not os.path.exists(f):
                errors.append(f"{name}: missing {os.path.basename(f)}")
        if not (os.path.exists(en) and os.path.exists(tsv)):
            continue
        s_text = open(src, encoding="utf-8").read()
        e_text = open(en, encoding="utf-8").read()
        ns = sentences(s_text)
        if ns < 12:
            errors.append(f"{name}: source has {ns} sentences (< 12)")
        elif ns > 20:
            warnings.append(f"{name}: source has {ns} sentences (> 20)")
        ps, pe = len(paragraphs(s_text)), len(paragraphs(e_text))
        if ps != pe:
            errors.append(f"{name}: paragraph count differs (source {ps}, English {pe})")
        if not 3 <= ps <= 6:
            errors.append(f"{name}: source has {ps} paragraphs (want 3-6)")
        with open(tsv, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows or rows[0] != HEADER:
            errors.append(f"{name}: bad TSV header {rows[:1]}")
            continue
        body = [r for r in rows[1:] if any(c.strip() for c in r)]
        if not body:
            clean += 1
        elif not 5 <= len(body) <= 8:
            errors.append(f"{name}: {len(body)} artifact rows (want 5-8)")
        n_om = 0
        covered = []
        for i, r in enumerate(body, 2):
            if len(r) != 4:
                errors.append(f"{name}:{i}: {len(r)} fields, want 4")
                continue
            cat, need, target, note = r
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if not target or not note.strip():
                errors.append(f"{name}:{i}: empty target_text or note")
            if cat == "omission":
                n_om += 1
                if target not in s_text:
                    errors.append(f"{name}:{i}: omission start {target!r} not in source")
                if len(target.split()) > 6:
                    warnings.append(f"{name}:{i}: omission start longer than 5 words")
            else:
                c = e_text.count(target)
                if c == 0:
                    errors.append(f"{name}:{i}: target {target!r} not found in English")
                elif c > 1:
                    warnings.append(f"{name}:{i}: target {target!r} occurs {c} times in English")
                if len(target) > 40:
                    warnings.append(f"{name}:{i}: long target_text ({len(target)} chars)")
                covered.append(target)
            counts[lang][cat] += 1
            counts[lang]["_" + need] += 1
        if n_om > 1:
            errors.append(f"{name}: {n_om} omissions (max 1)")
        ne = sentences(e_text)
        if ns - ne != n_om:
            warnings.append(f"{name}: source {ns} vs English {ne} sentences, but {n_om} omission row(s)")
        # guillemets / low quotes in the English must be flagged artifacts
        for m in re.finditer(r"[«»„]", e_text):
            if not any(m.group() in t for t in covered):
                errors.append(f"{name}: unflagged source quotation mark {m.group()!r} in English")
                break
    if clean != 1:
        errors.append(f"{lang}: {clean} clean pairs (want exactly 1)")

for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
for lang in LANGS:
    c = counts[lang]
    print(lang, ", ".join(f"{k}={c[k]}" for k in sorted(CATS) if c[k]),
          f"| total={sum(c[k] for k in CATS)} required={c['_required']} optional={c['_optional']}")
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
