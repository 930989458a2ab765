#!/usr/bin/env python3
"""Validate the de/ru/uk blind evaluation pairs in this folder."""
import glob, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["category", "need", "target_text", "note"]
CATS = {"name", "title", "idiom", "number", "punctuation", "omission", "untranslated"}
NEEDS = {"required", "optional"}
LANGS = ("de", "ru", "uk")
SPLIT = re.compile(r'(?<!\d\.)(?<=[.!?…])\s+(?=[A-ZÄÖÜА-ЯЁІЇЄҐ„«“"—])')
DATELINE = re.compile(r'^[A-ZÄÖÜА-ЯЁІЇЄҐ-]{3,}(?: [A-ZÄÖÜА-ЯЁІЇЄҐ-]+)*,? [0-9]{1,2} \w+\.$')
CYR = re.compile(r'[А-Яа-яЁёІіЇїЄєҐґ]')

def paras(path):
    with open(path, encoding="utf-8") as f:
        txt = f.read()
    assert "\r" not in txt, f"{path}: CR characters"
    return [p.strip() for p in txt.strip().split("\n\n")]

def sentences(ps):
    body = [p for p in ps if p.rstrip()[-1:] in '.!?…"”»“']
    # datelines ('Dresden.', 'МОСКВА, 14 ноября.') are not counted as sentences
    def dateline(s):
        return len(s.split()) == 1 or DATELINE.match(s) is not None
    return sum(1 for p in body for s in SPLIT.split(p) if not dateline(s))

errors, summary = [], []
stats = collections.defaultdict(lambda: collections.Counter())
for lang in LANGS:
    for src in sorted(glob.glob(os.path.join(HERE, f"{lang}-*.{lang}.txt"))):
        name = os.path.basename(src)[: -len(f".{lang}.txt")]
        en = os.path.join(HERE, name + ".en.txt")
        key = os.path.join(HERE, name + ".expected.tsv")
        for p in (en, key):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.basename(p)}")
        if errors and errors[-1].startswith(name):
            continue
        sp, ep = paras(src), paras(en)
        if len(sp) != len(ep):
            errors.append(f"{name}: paragraph count {len(sp)} (src) vs {len(ep)} (en)")
        nsent = sentences(sp)
        if nsent < 12:
            errors.append(f"{name}: only {nsent} body sentences in source")
        src_txt, en_txt = "\n\n".join(sp), "\n\n".join(ep)
        if CYR.search(en_txt):
            errors.append(f"{name}: Cyrillic in English file: {CYR.findall(en_txt)[:5]}")
        with open(key, encoding="utf-8") as f:
            lines = f.read().rstrip("\n").split("\n")
        if lines[0].split("\t") != HEADER:
            errors.append(f"{name}: bad header {lines[0]!r}")
        rows = [l.split("\t") for l in lines[1:]]
        req = opt = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f"{name}: line {i} has {len(r)} fields"); continue
            cat, need, target, note = r
            cats = cat.split("|")
            if not set(cats) <= CATS:
                errors.append(f"{name}: line {i} bad category {cat!r}")
            if need not in NEEDS:
                errors.append(f"{name}: line {i} bad need {need!r}")
            if not target or not note:
                errors.append(f"{name}: line {i} empty target/note")
            hay = src_txt if "omission" in cats else en_txt
            n = hay.count(target)
            if n == 0:
                errors.append(f"{name}: line {i} target not found: {target!r}")
            elif n > 1:
                print(f"  note {name}: line {i} target occurs {n} times: {target!r}")
            if "omission" in cats:
                # the omitted sentence must not be rendered: sanity check only on counts
                pass
            req += need == "required"; opt += need == "optional"
            for c in cats:
                stats[lang][(c, need)] += 1
        if name.endswith("-clean") and rows:
            errors.append(f"{name}: clean pair must have header only")
        if not name.endswith("-clean") and not (4 <= len(rows) <= 8):
            errors.append(f"{name}: {len(rows)} rows (expected 4-8)")
        if sum("omission" in r[0] for r in rows if r) > 1:
            errors.append(f"{name}: more than one omission")
        stats[lang]["pairs"] += 1; stats[lang]["sentences"] += nsent
        summary.append(f"{name}\t{nsent} sentences\t{req} required\t{opt} optional")

print("\n".join(summary))
for lang in LANGS:
    s = stats[lang]
    print(f"\n[{lang}] pairs={s['pairs']} source body sentences={s['sentences']}")
    for c in sorted(CATS):
        print(f"   {c:13s} required={s[(c,'required')]:2d} optional={s[(c,'optional')]:2d}")
if errors:
    print("\nERRORS:"); print("\n".join(errors)); sys.exit(1)
print("\nOK")
