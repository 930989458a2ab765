#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (set17)."""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["de", "ru", "uk"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
HEADER = ["category", "need", "target_text", "note"]
CYR = re.compile(r"[\u0400-\u04FF]")
SRC_QUOTES = re.compile(r"[„“«»‚‘]")

errors, warnings = [], []
counts = {}

def paras(text):
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]

def n_sentences(text):
    # a sentence end: . ! ? (optionally followed by a closing quote) before a capital or the end;
    # periods after digits (German ordinals/dates) and after Dr/St abbreviations are not counted
    return len(re.findall(r"(?<!\d)(?<!\bDr)(?<!\bSt)[.!?…][“”»\"]?(?=\s+[„«\"A-ZÄÖÜА-ЯІЇЄҐ]|\s*$)", text))

for lang in LANGS:
    opt = 0
    for nn in range(1, 8):
        src = glob.glob(os.path.join(HERE, f"{lang}-{nn:02d}-*.{lang}.txt"))
        if len(src) != 1:
            errors.append(f"{lang}-{nn:02d}: expected exactly one source file, found {len(src)}")
            continue
        stem = src[0][: -len(f".{lang}.txt")]
        base = os.path.basename(stem)
        en_p, key_p = stem + ".en.txt", stem + ".expected.tsv"
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f"{base}: missing {os.path.basename(p)}")
        if errors and not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        s_txt = open(src[0], encoding="utf-8").read()
        e_txt = open(en_p, encoding="utf-8").read()
        lines = open(key_p, encoding="utf-8").read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{base}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:] if l.strip()]
        ps, pe = paras(s_txt), paras(e_txt)
        if len(ps) != 4:
            errors.append(f"{base}: source has {len(ps)} paragraphs, expected 4")
        if len(ps) != len(pe):
            errors.append(f"{base}: paragraph count differs (src {len(ps)}, en {len(pe)})")
        ns = n_sentences(s_txt)
        if not 14 <= ns <= 18:
            warnings.append(f"{base}: source sentence count looks like {ns} (expected 14-18)")
        if CYR.search(e_txt):
            errors.append(f"{base}: Cyrillic in English file: {CYR.findall(e_txt)[:5]}")
        omissions, punct_targets = 0, []
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{base}:{i}: expected 4 tab-separated fields, got {len(r)}")
                continue
            cat, need, tgt, note = r
            if cat not in CATS:
                errors.append(f"{base}:{i}: bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{base}:{i}: bad need {need!r}")
            if need == "optional":
                opt += 1
            if not tgt.strip() or not note.strip():
                errors.append(f"{base}:{i}: empty target or note")
            if cat == "omission":
                omissions += 1
                if tgt not in s_txt:
                    errors.append(f"{base}:{i}: omission target not in source: {tgt!r}")
                if not 3 <= len(tgt.split()) <= 6:
                    errors.append(f"{base}:{i}: omission target should be 3-6 words")
            else:
                if tgt not in e_txt:
                    errors.append(f"{base}:{i}: target not in English: {tgt!r}")
                if cat == "punctuation":
                    punct_targets.append(tgt)
            counts.setdefault(lang, {}).setdefault(cat, 0)
            counts[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f"{base}: clean pair must have an empty key, has {len(rows)} rows")
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f"{base}: flawed pair must have 6-8 rows, has {len(rows)}")
        if omissions > 1:
            errors.append(f"{base}: more than one omission ({omissions})")
        # source-style quotation marks in English must be covered by a punctuation row
        for m in SRC_QUOTES.finditer(e_txt):
            if not any(m.start() >= e_txt.find(t) and m.start() < e_txt.find(t) + len(t) for t in punct_targets if t in e_txt):
                errors.append(f"{base}: unplanted source quote mark {m.group()!r} at {m.start()}")
        counts.setdefault(lang, {}).setdefault("_pairs", 0)
        counts[lang]["_pairs"] += 1
        counts[lang].setdefault("_rows", 0)
        counts[lang]["_rows"] += len(rows)
    if opt > 2:
        errors.append(f"{lang}: {opt} optional rows (max 2)")

cats = sorted(CATS)
print("lang  pairs rows  " + " ".join(f"{c[:6]:>6}" for c in cats))
for lang in LANGS:
    c = counts.get(lang, {})
    print(f"{lang:5} {c.get('_pairs',0):5} {c.get('_rows',0):4}  " + " ".join(f"{c.get(k,0):>6}" for k in cats))
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
