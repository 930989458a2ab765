#!/usr/bin/env python3
"""Validate the it- and pt- pairs of this blind set (stdlib only).

Checks per pair NAME = <lang>-NN-<topic>:
  * NAME.<lang>.txt, NAME.en.txt, NAME.expected.tsv exist
  * TSV header is exactly: category<TAB>need<TAB>target_text<TAB>note
  * every row has 4 fields, a valid category and need, a non-empty note
  * target_text occurs verbatim in the English (omission: in the source,
    and not in the English)
  * source has 12-20 sentences, 3-6 paragraphs; English has the same
    number of paragraphs
  * flawed pairs have 5-8 rows and at most one omission; exactly one clean
    pair (header only) per language
  * no Cyrillic/Greek characters in the English file
Exit status 0 when no error is found.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("it", "pt")
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"

errors, warnings = [], []

def err(msg): errors.append(msg)
def warn(msg): warnings.append(msg)

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def sentences(text):
    t = re.sub(r"\b([A-Z])\.\s", r"\1 ", text)          # initials such as "D. Maria"
    parts = re.split(r"(?<=[.!?])[»\"”']?\s+(?=[«\"“A-ZÀ-Ý0-9])", t.strip())
    return [p for p in parts if p.strip()]

for lang in LANGS:
    tsvs = sorted(glob.glob(os.path.join(HERE, f"{lang}-*.expected.tsv")))
    if len(tsvs) != 7:
        err(f"{lang}: expected 7 pairs, found {len(tsvs)}")
    clean = 0
    for tsv in tsvs:
        name = os.path.basename(tsv)[: -len(".expected.tsv")]
        src_p = os.path.join(HERE, f"{name}.{lang}.txt")
        en_p = os.path.join(HERE, f"{name}.en.txt")
        if not (os.path.exists(src_p) and os.path.exists(en_p)):
            err(f"{name}: missing source or English file"); continue
        src = open(src_p, encoding="utf-8").read()
        en = open(en_p, encoding="utf-8").read()
        lines = open(tsv, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0] != HEADER:
            err(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        ns = len(sentences(src))
        if not 12 <= ns <= 20:
            err(f"{name}: source has {ns} sentences (need 12-20)")
        ps, pe = len(paragraphs(src)), len(paragraphs(en))
        if not 3 <= ps <= 6:
            err(f"{name}: source has {ps} paragraphs (need 3-6)")
        if ps != pe:
            err(f"{name}: paragraph count differs (source {ps}, English {pe})")
        if re.search(r"[\u0370-\u03ff\u0400-\u04ff]", en):
            err(f"{name}: Cyrillic/Greek characters in English")
        if not rows:
            clean += 1
            continue
        if not 5 <= len(rows) <= 8:
            err(f"{name}: {len(rows)} artifact rows (need 5-8)")
        if sum(1 for r in rows if r and r[0] == "omission") > 1:
            err(f"{name}: more than one omission")
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                err(f"{name}:{i}: expected 4 fields, got {len(r)}"); continue
            cat, need, target, note = r
            if cat not in CATS: err(f"{name}:{i}: bad category {cat!r}")
            if need not in NEEDS: err(f"{name}:{i}: bad need {need!r}")
            if not target.strip(): err(f"{name}:{i}: empty target_text")
            if not note.strip(): err(f"{name}:{i}: empty note")
            if cat == "omission":
                if target not in src: err(f"{name}:{i}: omission target not in source: {target!r}")
                if target in en: err(f"{name}:{i}: omission target found in English")
            else:
                n = en.count(target)
                if n == 0: err(f"{name}:{i}: target not in English: {target!r}")
                elif n > 1: warn(f"{name}:{i}: target occurs {n} times in English: {target!r}")
                if len(target.split()) > 6: warn(f"{name}:{i}: long target ({len(target.split())} words)")
    if clean != 1:
        err(f"{lang}: expected exactly 1 clean pair, found {clean}")

for w in warnings: print("WARNING:", w)
for e in errors: print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
