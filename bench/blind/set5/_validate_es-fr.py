#!/usr/bin/env python3
"""Validate the es-/fr- part of this blind test set (stdlib only).

Checks, for every pair NAME = <lang>-NN-<topic> with lang in LANGS:
  * NAME.<lang>.txt, NAME.en.txt and NAME.expected.tsv exist;
  * the TSV header is exactly `category\tneed\ttarget_text\tnote`, rows have 4 fields;
  * category / need values are valid; target_text and note are non-empty;
  * every non-omission target_text occurs verbatim in the English file,
    every omission target_text occurs verbatim in the source file;
  * at most one omission per pair; flawed pairs have 5-8 rows; 6 flawed + 1 clean per language;
  * the source has >= 12 sentences (warning above 20), 3-6 paragraphs,
    and the same paragraph count as the English.
Warnings (not errors): a target occurring more than once, non-ASCII words in the English
that are not part of any target (for manual review: legitimate names such as Saône are fine).
Exit code 0 when no error.
"""
import os, re, sys, glob, collections

LANGS = ["es", "fr"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
HERE = os.path.dirname(os.path.abspath(__file__))

errors, warnings = [], []
counts = {l: collections.Counter() for l in LANGS}
needs = {l: collections.Counter() for l in LANGS}


def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()


def paragraphs(t):
    return [p for p in re.split(r"\n\s*\n", t.strip()) if p.strip()]


def sentences(t):
    # sentence end: . ! ? … optionally followed by a closing quote, then whitespace or end
    return len(re.findall(r"[.!?…](?:\s?[»”\"])?(?=\s|$)", t))


for lang in LANGS:
    srcs = sorted(glob.glob(os.path.join(HERE, f"{lang}-[0-9][0-9]-*.{lang}.txt")))
    n_clean = n_flawed = 0
    for sp in srcs:
        name = os.path.basename(sp)[: -len(f".{lang}.txt")]
        ep = os.path.join(HERE, name + ".en.txt")
        tp = os.path.join(HERE, name + ".expected.tsv")
        for p in (ep, tp):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if errors and not (os.path.exists(ep) and os.path.exists(tp)):
            continue
        src, en = read(sp), read(ep)
        ns = sentences(src)
        if ns < 12:
            errors.append(f"{name}: source has only {ns} sentences (< 12)")
        elif ns > 20:
            warnings.append(f"{name}: source has {ns} sentences (> 20)")
        ps, pe = len(paragraphs(src)), len(paragraphs(en))
        if not 3 <= ps <= 6:
            errors.append(f"{name}: source has {ps} paragraphs (need 3-6)")
        if ps != pe:
            errors.append(f"{name}: paragraph count differs: source {ps}, English {pe}")
        lines = read(tp).split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        if not lines or lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad TSV header {lines[:1]!r}")
            continue
        rows = lines[1:]
        n_om = 0
        targets = []
        for i, line in enumerate(rows, 2):
            f = line.split("\t")
            if len(f) != 4:
                errors.append(f"{name}:{i}: expected 4 tab-separated fields, got {len(f)}")
                continue
            cat, need, tgt, note = f
            if cat not in CATS:
                errors.append(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}:{i}: bad need {need!r}")
            if not tgt.strip() or tgt != tgt.strip():
                errors.append(f"{name}:{i}: empty target or surrounding spaces {tgt!r}")
            if not note.strip():
                errors.append(f"{name}:{i}: empty note")
            if cat == "omission":
                n_om += 1
                if tgt not in src:
                    errors.append(f"{name}:{i}: omission target not in source: {tgt!r}")
                nw = len(tgt.split())
                if not 3 <= nw <= 5:
                    warnings.append(f"{name}:{i}: omission target has {nw} words (3-5 expected)")
            else:
                c = en.count(tgt)
                if c == 0:
                    errors.append(f"{name}:{i}: target not in English: {tgt!r}")
                elif c > 1:
                    warnings.append(f"{name}:{i}: target occurs {c}x in English: {tgt!r}")
                targets.append(tgt)
            counts[lang][cat] += 1
            needs[lang][need] += 1
        if n_om > 1:
            errors.append(f"{name}: {n_om} omissions (max 1)")
        if rows:
            n_flawed += 1
            if not 5 <= len(rows) <= 8:
                errors.append(f"{name}: {len(rows)} artifact rows (need 5-8)")
        else:
            n_clean += 1
        # non-ASCII words in English not covered by a target: review aid only
        for m in re.finditer(r"\S*[^\x00-\x7f]\S*", en):
            w = m.group(0)
            if not any(w.strip(".,;:\"'()«»") in t or t in w for t in targets):
                warnings.append(f"{name}: non-ASCII word in English (check it is legitimate): {w}")
    if (n_flawed, n_clean) != (6, 1):
        errors.append(f"{lang}: {n_flawed} flawed + {n_clean} clean pairs (need 6 + 1)")

for w in warnings:
    print("WARNING", w)
for e in errors:
    print("ERROR", e)
for lang in LANGS:
    print(lang, "rows by category:", dict(sorted(counts[lang].items())),
          "total", sum(counts[lang].values()), "| need:", dict(needs[lang]))
print("OK: no errors" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
