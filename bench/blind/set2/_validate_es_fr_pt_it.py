#!/usr/bin/env python3
"""Validator for the es/fr/pt/it blind pairs in this folder."""
import os, re, sys, glob, collections
D = os.path.dirname(os.path.abspath(__file__))
CATS = {"name","title","idiom","number","punctuation","omission","untranslated"}
HDR = "category\tneed\ttarget_text\tnote"
errs = []
stats = collections.defaultdict(lambda: collections.Counter())
def sents(text):
    n = 0
    paras = [p for p in text.split("\n\n") if p.strip()]
    for p in paras:
        if not re.search(r'[.!?…»”"]\s*$', p.strip()): continue  # headline/subheading/dateline
        parts = [s for s in re.split(r'(?<=[.!?…»”"])\s+(?=[«“"A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÇÑÃÕ¿¡0-9—–-])', p.strip()) if s.strip()]
        n += len(parts)
    return n, len(paras)
for lang in ["es","fr","pt","it"]:
    for src in sorted(glob.glob(os.path.join(D, f"{lang}-*.{lang}.txt"))):
        name = os.path.basename(src)[:-len(f".{lang}.txt")]
        en = os.path.join(D, name + ".en.txt"); key = os.path.join(D, name + ".expected.tsv")
        for f in (en, key):
            if not os.path.exists(f): errs.append(f"{name}: missing {os.path.basename(f)}")
        if errs and errs[-1].startswith(name+": missing"): continue
        s = open(src, encoding="utf-8").read(); e = open(en, encoding="utf-8").read()
        ns, ps = sents(s); ne, pe = sents(e)
        if ps != pe: errs.append(f"{name}: paragraph count src={ps} en={pe}")
        if ns < 12: errs.append(f"{name}: only {ns} source body sentences")
        lines = open(key, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HDR: errs.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:]]
        clean = name.endswith("-clean")
        if clean and rows: errs.append(f"{name}: clean pair has rows")
        if not clean and not (4 <= len(rows) <= 8): errs.append(f"{name}: {len(rows)} rows (want 4-8)")
        om = 0
        for r in rows:
            if len(r) != 4: errs.append(f"{name}: row has {len(r)} fields: {r}"); continue
            cat, need, tt, note = r
            for c in cat.split("|"):
                if c not in CATS: errs.append(f"{name}: bad category {cat}")
            if need not in ("required","optional"): errs.append(f"{name}: bad need {need}")
            if not tt.strip() or not note.strip(): errs.append(f"{name}: empty field {r}")
            if cat == "omission":
                om += 1
                if tt not in s: errs.append(f"{name}: omission text not in source: {tt!r}")
                if tt in e: errs.append(f"{name}: omission text appears in English?: {tt!r}")
            elif tt not in e: errs.append(f"{name}: target not in English: {tt!r}")
            stats[lang][(cat, need)] += 1
        if om > 1: errs.append(f"{name}: more than one omission")
        stats[lang]["pairs"] += 1; stats[lang]["sentences"] += ns
        print(f"{name}: src_body_sents={ns} en_body_sents={ne} paras={ps}/{pe} rows={len(rows)}")
print()
for lang, c in stats.items():
    print(lang, "pairs", c["pairs"], "source body sentences", c["sentences"])
    for k in sorted(k for k in c if isinstance(k, tuple)): print("   ", k[0], k[1], c[k])
print("\nERRORS:" if errs else "\nOK", *errs, sep="\n")
sys.exit(1 if errs else 0)
