#!/usr/bin/env python3
"""Validator for the es/fr part of blind set 6 (CC0). Run: python3 _validate_es-fr.py"""
import os, re, sys, glob, collections

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ('es', 'fr')
CATS = {'name', 'title', 'idiom', 'number', 'punctuation', 'omission', 'untranslated'}
NEEDS = {'required', 'optional'}
HEADER = 'category\tneed\ttarget_text\tnote'

errors = []
def err(msg): errors.append(msg)

def paragraphs(text):
    return [p for p in re.split(r'\n\s*\n', text.strip()) if p.strip()]

def sentences(text):
    # a sentence ends with . ! ? (optionally followed by closing quotes) before whitespace or end
    return len(re.findall(r'[.!?][»"\u201d\u2019)]*(?=\s|$)', text.strip()))

counts = {l: collections.Counter() for l in LANGS}
needs = {l: collections.Counter() for l in LANGS}
for lang in LANGS:
    tsvs = sorted(glob.glob(os.path.join(HERE, f'{lang}-[0-9][0-9]-*.expected.tsv')))
    if len(tsvs) != 7:
        err(f'{lang}: expected 7 pairs, found {len(tsvs)}')
    clean = 0
    for tsv in tsvs:
        name = os.path.basename(tsv)[:-len('.expected.tsv')]
        src_p = os.path.join(HERE, f'{name}.{lang}.txt')
        en_p = os.path.join(HERE, f'{name}.en.txt')
        for p in (src_p, en_p):
            if not os.path.exists(p):
                err(f'{name}: missing {os.path.basename(p)}')
        if errors and not (os.path.exists(src_p) and os.path.exists(en_p)):
            continue
        src = open(src_p, encoding='utf-8').read()
        en = open(en_p, encoding='utf-8').read()
        ps, pe = paragraphs(src), paragraphs(en)
        if not 3 <= len(ps) <= 6:
            err(f'{name}: source has {len(ps)} paragraphs (want 3-6)')
        if len(ps) != len(pe):
            err(f'{name}: paragraph count differs: source {len(ps)}, English {len(pe)}')
        ns = sentences(src)
        if not 12 <= ns <= 20:
            err(f'{name}: source has {ns} sentences (want 12-20)')
        lines = open(tsv, encoding='utf-8').read().split('\n')
        if lines and lines[-1] == '':
            lines = lines[:-1]
        if not lines or lines[0] != HEADER:
            err(f'{name}: bad or missing header')
            continue
        rows = lines[1:]
        om = 0
        for i, line in enumerate(rows, 2):
            f = line.split('\t')
            if len(f) != 4:
                err(f'{name}:{i}: expected 4 tab-separated fields, got {len(f)}')
                continue
            cat, need, target, note = f
            if cat not in CATS: err(f'{name}:{i}: bad category {cat!r}')
            if need not in NEEDS: err(f'{name}:{i}: bad need {need!r}')
            if not target.strip(): err(f'{name}:{i}: empty target_text')
            if not note.strip(): err(f'{name}:{i}: empty note')
            if cat == 'omission':
                om += 1
                if target not in src: err(f'{name}:{i}: omission target not in source: {target!r}')
                # the omitted sentence must really be absent: its number-free opening should not be rendered
            else:
                if target not in en: err(f'{name}:{i}: target not in English: {target!r}')
                if len(target) > 60: err(f'{name}:{i}: target_text too long ({len(target)} chars)')
            counts[lang][cat] += 1
            needs[lang][need] += 1
        if om > 1: err(f'{name}: more than one omission')
        if rows:
            if not 5 <= len(rows) <= 8:
                err(f'{name}: {len(rows)} artifact rows (want 5-8)')
        else:
            clean += 1
    if clean != 1:
        err(f'{lang}: expected exactly 1 clean pair, found {clean}')

for lang in LANGS:
    tot = sum(counts[lang].values())
    print(f'{lang}: {tot} rows; ' + ', '.join(f'{c}={counts[lang][c]}' for c in sorted(CATS)) +
          f'; required={needs[lang]["required"]}, optional={needs[lang]["optional"]}')
if errors:
    print(f'{len(errors)} ERROR(S):')
    for e in errors: print('  ' + e)
    sys.exit(1)
print('OK: no errors')
