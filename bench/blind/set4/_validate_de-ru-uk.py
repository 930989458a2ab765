#!/usr/bin/env python3
"""Validate the de/ru/uk part of blind test set 4 (CC0).

Checks, for every pair <lang>-NN-<topic> with lang in de, ru, uk:
  * the three files exist (source, English, expected.tsv);
  * the TSV header is exact, every row has 4 tab-separated fields,
    category and need are valid, target_text and note are non-empty;
  * every target_text occurs verbatim in the English file, or, for
    omissions, in the source file (and not in the English file);
  * at most one omission per pair; 5-8 rows in a flawed pair; per language
    6 flawed pairs and exactly 1 clean pair (header only);
  * each source has 12-20 sentences and 3-6 paragraphs; the English has
    the same number of paragraphs;
  * English files of Cyrillic-script sources contain no Cyrillic characters.
Prints row counts per language and category. Exit code 1 on any error.
"""
import os, re, sys, glob
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
CYR = re.compile(r"[\u0400-\u04FF]")
# a sentence ends with . ! ? or … (optionally followed by closing quotes)
# (not after a German ordinal such as "14. Mai")
# and the next one starts with an upper-case letter, an opening quote or a digit
SENT_SPLIT = re.compile(r"(?<=[.!?…])(?<!(?<![\d:.,])\d\.)(?<!(?<![\d:.,])\d\d\.)[»“”\"]?\s+(?=[«„“\"(\d]|[^\W\d_](?<=[A-ZÄÖÜА-ЯЁІЇЄҐ]))")

errors = []
def err(msg):
    errors.append(msg)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paragraphs(text):
        parts = [s for s in SENT_SPLIT.split(p.strip()) if s.strip()]
        n += len(parts)
    return n

counts = {l: Counter() for l in LANGS}
needs = {l: Counter() for l in LANGS}
pairs = {l: {"clean": 0, "flawed": 0} for l in LANGS}

for lang in LANGS:
    tsvs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.expected.tsv")))
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
    names = sorted({os.path.basename(p)[:-len(".expected.tsv")] for p in tsvs} |
                   {os.path.basename(p)[:-len(f".{lang}.txt")] for p in srcs})
    if len(names) != 7:
        err(f"{lang}: expected 7 pairs, found {len(names)}")
    for name in names:
        sp = os.path.join(HERE, f"{name}.{lang}.txt")
        ep = os.path.join(HERE, f"{name}.en.txt")
        tp = os.path.join(HERE, f"{name}.expected.tsv")
        missing = [p for p in (sp, ep, tp) if not os.path.exists(p)]
        if missing:
            err(f"{name}: missing {', '.join(os.path.basename(m) for m in missing)}")
            continue
        src = open(sp, encoding="utf-8").read()
        en = open(ep, encoding="utf-8").read()
        lines = open(tp, encoding="utf-8").read().split("\n")
        if lines and lines[-1] == "":
            lines = lines[:-1]
        if not lines or lines[0] != HEADER:
            err(f"{name}: bad TSV header {lines[:1]!r}")
            continue
        rows = lines[1:]
        ns = sentences(src)
        ps, pe = len(paragraphs(src)), len(paragraphs(en))
        if ns < 12 or ns > 20:
            err(f"{name}: source has {ns} sentences (need 12-20)")
        if not 3 <= ps <= 6:
            err(f"{name}: source has {ps} paragraphs (need 3-6)")
        if ps != pe:
            err(f"{name}: paragraph count differs: source {ps}, English {pe}")
        if lang in ("ru", "uk") and CYR.search(en):
            err(f"{name}: Cyrillic characters in English: {sorted(set(CYR.findall(en)))}")
        n_omit = 0
        for i, row in enumerate(rows, 2):
            f = row.split("\t")
            if len(f) != 4:
                err(f"{name}:{i}: expected 4 fields, got {len(f)}")
                continue
            cat, need, target, note = f
            if cat not in CATS:
                err(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                err(f"{name}:{i}: bad need {need!r}")
            if not target.strip() or not note.strip():
                err(f"{name}:{i}: empty target_text or note")
                continue
            if target != target.strip():
                err(f"{name}:{i}: target_text has surrounding whitespace")
            if cat == "omission":
                n_omit += 1
                if target not in src:
                    err(f"{name}:{i}: omission start {target!r} not in source")
                if target in en:
                    err(f"{name}:{i}: omission start {target!r} found in English")
            else:
                if target not in en:
                    err(f"{name}:{i}: target {target!r} not in English")
                if en.count(target) > 1:
                    print(f"  note: {name}:{i}: target {target!r} occurs {en.count(target)} times in English")
                if len(target.split()) > 6:
                    err(f"{name}:{i}: target {target!r} longer than 6 words")
            counts[lang][cat] += 1
            needs[lang][need] += 1
        if n_omit > 1:
            err(f"{name}: {n_omit} omissions (max 1)")
        if rows:
            pairs[lang]["flawed"] += 1
            if not 5 <= len(rows) <= 8:
                err(f"{name}: {len(rows)} artifact rows (need 5-8)")
        else:
            pairs[lang]["clean"] += 1
        print(f"{name}: {ns} sentences, {ps} paragraphs, {len(rows)} rows")
    if pairs[lang] != {"clean": 1, "flawed": 6}:
        err(f"{lang}: pairs {pairs[lang]} (need 1 clean, 6 flawed)")

print()
for lang in LANGS:
    total = sum(counts[lang].values())
    cats = ", ".join(f"{c}={counts[lang][c]}" for c in sorted(CATS))
    print(f"{lang}: {total} rows ({cats}); required={needs[lang]['required']}, optional={needs[lang]['optional']}")
print()
if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK: no errors")
