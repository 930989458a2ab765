#!/usr/bin/env python3
"""Validate the blind set: keys, targets, sentence counts, paragraph alignment."""
import glob, os, re, sys
D = os.path.dirname(os.path.abspath(__file__))
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
HEADER = "category\tneed\ttarget_text\tnote"
ok = True
def err(*a):
    global ok; ok = False; print("ERROR", *a)
def sentences(text):
    """Count sentences in the body: skip headline, subheading and dateline."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    body = paras[1:]
    if len(body) > 1 and re.match(r"^[A-ZÀ-ÝÃÕ' ]+, ", body[1]): body = body[2:]  # subheading + dateline
    elif body and re.match(r"^[A-ZÀ-ÝÃÕ' ]+, ", body[0]): body = body[1:]
    n = 0
    for p in body:
        n += len([s for s in re.split(r'(?<=[.!?…])["»”’]?\s+', p.strip()) if s.strip()])
    return n, len(paras)
summary = []
from collections import Counter
percat = Counter()
LANGS = sys.argv[1:] or ["es", "fr", "pt", "it"]
for key in sorted(glob.glob(os.path.join(D, "*.expected.tsv"))):
    name = os.path.basename(key)[:-len(".expected.tsv")]
    lang = name[:2]
    if lang not in LANGS: continue
    src_p = os.path.join(D, f"{name}.{lang}.txt"); en_p = os.path.join(D, f"{name}.en.txt")
    if not os.path.exists(src_p) or not os.path.exists(en_p):
        err(name, "missing source or en file"); continue
    src = open(src_p, encoding="utf-8").read(); en = open(en_p, encoding="utf-8").read()
    ns, ps = sentences(src); ne, pe = sentences(en)
    if ns < 12: err(name, f"only {ns} source sentences")
    if ps != pe: err(name, f"paragraph count differs: src {ps} en {pe}")
    lines = open(key, encoding="utf-8").read().rstrip("\n").split("\n")
    if lines[0] != HEADER: err(name, "bad header", repr(lines[0]))
    rows = lines[1:]
    req = opt = 0
    for i, l in enumerate(rows, 2):
        f = l.split("\t")
        if len(f) != 4: err(name, f"line {i}: {len(f)} fields"); continue
        cat, need, tgt, note = f
        for c in cat.split("|"):
            if c not in CATS: err(name, f"line {i}: bad category {c}")
        if need not in ("required", "optional"): err(name, f"line {i}: bad need {need}")
        if not tgt or not note: err(name, f"line {i}: empty target/note")
        hay = src if cat == "omission" else en
        cnt = hay.count(tgt)
        if cnt == 0: err(name, f"line {i}: target not found: {tgt!r}")
        elif cnt > 1: print("WARN", name, f"line {i}: target occurs {cnt}x: {tgt!r}")
        percat[(lang, cat, need)] += 1
        if need == "required": req += 1
        else: opt += 1
    clean = name.endswith("clean")
    if clean and rows: err(name, "clean pair has rows")
    if not clean and not (4 <= len(rows) <= 8): err(name, f"{len(rows)} rows (want 4-8)")
    if sum(1 for l in rows if l.startswith("omission")) > 1: err(name, "more than one omission")
    summary.append((name, ns, ne, req, opt))
for s in summary: print("%-28s body_sent src=%2d en=%2d  required=%d optional=%d" % s)
for lang in LANGS:
    rows = sorted((c, n, v) for (l, c, n), v in percat.items() if l == lang)
    print(lang, "; ".join(f"{c}/{n}={v}" for c, n, v in rows))
print("OK" if ok else "FAILED"); sys.exit(0 if ok else 1)
