#!/usr/bin/env python3
"""Validator for the de/ru/uk part of blind set 6 (CC0).
Checks every pair de-*, ru-*, uk-* in this folder:
 - the three files exist (source, English, expected.tsv);
 - the TSV header is exact, every row has 4 fields, valid category and need;
 - every target_text occurs verbatim in the English file (omission: in the source file);
 - at most one omission per pair; flawed pairs carry 5-8 rows, clean pairs 0;
 - each source has >= 12 sentences and 3-6 paragraphs; paragraph counts match;
 - English files of Cyrillic-script sources contain no Cyrillic characters.
Warnings (not errors): a target_text occurring more than once.
"""
import os, re, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("de", "ru", "uk")
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = "category\tneed\ttarget_text\tnote"
CYR = re.compile(r"[\u0400-\u04FF]")
DE_MONTHS = ("Januar Februar März April Mai Juni Juli August September Oktober "
             "November Dezember Jahrhundert").split()

def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def count_sentences(par):
    n = 0
    for m in re.finditer(r"[.!?…][\"'»“”’]?(?=\s|$)", par):
        before = par[:m.start()]
        after = par[m.end():].lstrip()
        # German ordinals such as "14. Jahrhundert", "11. November"
        if re.search(r"\b\d{1,2}$", before) and after.split(" ")[0].strip(",") in DE_MONTHS:
            continue
        n += 1
    return n

def main():
    errors, warnings = [], []
    counts = {}
    for lang in LANGS:
        tsvs = sorted(glob.glob(os.path.join(HERE, f"{lang}-*.expected.tsv")))
        if len(tsvs) != 7:
            errors.append(f"{lang}: expected 7 pairs, found {len(tsvs)}")
        clean = 0
        counts[lang] = {}
        for tsv in tsvs:
            name = os.path.basename(tsv)[: -len(".expected.tsv")]
            src_p = os.path.join(HERE, f"{name}.{lang}.txt")
            en_p = os.path.join(HERE, f"{name}.en.txt")
            if not (os.path.exists(src_p) and os.path.exists(en_p)):
                errors.append(f"{name}: missing source or English file"); continue
            src = open(src_p, encoding="utf-8").read()
            en = open(en_p, encoding="utf-8").read()
            lines = open(tsv, encoding="utf-8").read().rstrip("\n").split("\n")
            if lines[0] != HEADER:
                errors.append(f"{name}: bad header {lines[0]!r}")
            rows = [l.split("\t") for l in lines[1:] if l.strip()]
            n_omit = 0
            for i, r in enumerate(rows, 2):
                if len(r) != 4:
                    errors.append(f"{name}:{i}: expected 4 fields, got {len(r)}"); continue
                cat, need, target, note = r
                if cat not in CATS: errors.append(f"{name}:{i}: bad category {cat!r}")
                if need not in NEEDS: errors.append(f"{name}:{i}: bad need {need!r}")
                if not target.strip(): errors.append(f"{name}:{i}: empty target_text")
                if not note.strip(): errors.append(f"{name}:{i}: empty note")
                hay = src if cat == "omission" else en
                k = hay.count(target)
                if k == 0:
                    errors.append(f"{name}:{i}: target {target!r} not found in "
                                  f"{'source' if cat == 'omission' else 'English'}")
                elif k > 1:
                    warnings.append(f"{name}:{i}: target {target!r} occurs {k} times")
                if cat == "omission": n_omit += 1
                counts[lang][cat] = counts[lang].get(cat, 0) + 1
            if n_omit > 1: errors.append(f"{name}: {n_omit} omissions (max 1)")
            if len(rows) == 0:
                clean += 1
            elif not 5 <= len(rows) <= 8:
                errors.append(f"{name}: {len(rows)} artifacts (need 5-8)")
            sp, ep = paragraphs(src), paragraphs(en)
            if len(sp) != len(ep):
                errors.append(f"{name}: paragraph count differs: source {len(sp)}, English {len(ep)}")
            if not 3 <= len(sp) <= 6:
                errors.append(f"{name}: source has {len(sp)} paragraphs (need 3-6)")
            ns = sum(count_sentences(p) for p in sp)
            if ns < 12 or ns > 20:
                errors.append(f"{name}: source has {ns} sentences (need 12-20)")
            if lang in ("ru", "uk") and CYR.search(en):
                errors.append(f"{name}: Cyrillic characters in English: {sorted(set(CYR.findall(en)))}")
            print(f"{name}: {len(sp)} paragraphs, {ns} source sentences, {len(rows)} rows")
        if clean != 1:
            errors.append(f"{lang}: {clean} clean pairs (need exactly 1)")
    print()
    for lang in LANGS:
        c = counts.get(lang, {})
        print(lang, dict(sorted(c.items())), "total", sum(c.values()))
    for w in warnings: print("WARNING:", w)
    for e in errors: print("ERROR:", e)
    print("OK, no errors" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
