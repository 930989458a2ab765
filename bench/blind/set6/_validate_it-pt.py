#!/usr/bin/env python3
"""Validator for the it/pt part of blind set 6 (CC0). Run from any directory."""
import os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["it", "pt"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
SENT_SPLIT = re.compile(r'(?<=[.!?])["»”]?\s+(?=[«"“A-ZÀ-ÖØ-Þ0-9])')

errors = []
def err(msg):
    errors.append(msg)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paragraphs(text):
        n += len([s for s in SENT_SPLIT.split(p.strip()) if s.strip()])
    return n

counts = {}
for lang in LANGS:
    counts[lang] = {c: 0 for c in sorted(CATS)}
    counts[lang]["_rows"] = 0
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-??-*.{lang}.txt")))
    if len(srcs) != 7:
        err(f"{lang}: expected 7 source files, found {len(srcs)}")
    clean = 0
    for src in srcs:
        name = os.path.basename(src)[: -len(f".{lang}.txt")]
        en_p = os.path.join(HERE, name + ".en.txt")
        tsv_p = os.path.join(HERE, name + ".expected.tsv")
        for p in (en_p, tsv_p):
            if not os.path.exists(p):
                err(f"{name}: missing {os.path.basename(p)}")
        if errors and not (os.path.exists(en_p) and os.path.exists(tsv_p)):
            continue
        s_txt = open(src, encoding="utf-8").read()
        e_txt = open(en_p, encoding="utf-8").read()
        ps, pe = paragraphs(s_txt), paragraphs(e_txt)
        if not 3 <= len(ps) <= 6:
            err(f"{name}: source has {len(ps)} paragraphs (need 3-6)")
        if len(ps) != len(pe):
            err(f"{name}: paragraph count differs: source {len(ps)} vs en {len(pe)}")
        ns = sentences(s_txt)
        if not 12 <= ns <= 20:
            err(f"{name}: source has {ns} sentences (need 12-20)")
        lines = open(tsv_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            err(f"{name}: bad TSV header {lines[0]!r}")
        rows = []
        for i, line in enumerate(lines[1:], 2):
            f = line.split("\t")
            if len(f) != 4:
                err(f"{name}: TSV line {i} has {len(f)} fields")
                continue
            cat, need, target, note = f
            if cat not in CATS:
                err(f"{name}: line {i}: bad category {cat!r}")
            if need not in NEEDS:
                err(f"{name}: line {i}: bad need {need!r}")
            if not target.strip() or not note.strip():
                err(f"{name}: line {i}: empty target or note")
            if cat == "omission":
                if target not in s_txt:
                    err(f"{name}: line {i}: omission target not in source: {target!r}")
                if target in e_txt:
                    err(f"{name}: line {i}: omission target found in English")
            elif target not in e_txt:
                err(f"{name}: line {i}: target not in English: {target!r}")
            if cat != "omission" and len(target.split()) > 6:
                err(f"{name}: line {i}: target too long ({len(target.split())} words)")
            rows.append((cat, need, target))
            counts[lang][cat] += 1 if cat in CATS else 0
            counts[lang]["_rows"] += 1
        if not rows:
            clean += 1
            if re.search(r"[«»„]", e_txt):
                err(f"{name}: clean pair has source quotation marks in English")
        else:
            if not 5 <= len(rows) <= 8:
                err(f"{name}: {len(rows)} artifact rows (need 5-8)")
            if sum(1 for r in rows if r[0] == "omission") > 1:
                err(f"{name}: more than one omission")
        # source-script (accented Latin) letters in English must lie inside a target
        targets = [r[2] for r in rows if r[0] != "omission"]
        for m in re.finditer(r"\S*[^\x00-\x7f]\S*", e_txt):
            word = m.group(0).strip(".,;:!?\"'()")
            if not any(ch.isalpha() and ord(ch) > 127 for ch in word):
                continue
            core = re.sub(r"^[«„“]+|[»”]+$", "", word)
            if not any(core in t or t in word for t in targets):
                err(f"{name}: non-ASCII word in English not covered by a target: {word!r}")
    if clean != 1:
        err(f"{lang}: expected exactly 1 clean pair, found {clean}")

for lang in LANGS:
    c = counts[lang]
    print(lang, "rows:", c["_rows"], " ".join(f"{k}={v}" for k, v in c.items() if k != "_rows"))
if errors:
    print(f"\n{len(errors)} ERROR(S):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK: no errors")
