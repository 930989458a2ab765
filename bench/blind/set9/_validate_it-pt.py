#!/usr/bin/env python3
"""Validator for the it-pt blind test set (set9). Run: python3 _validate_it-pt.py"""
import os, re, sys, glob
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['it', 'pt']
CATS = ['name', 'title', 'idiom', 'number', 'punctuation', 'omission', 'untranslated']
NEEDS = {'required', 'optional'}
HEADER = 'category\tneed\ttarget_text\tnote'
errors, warnings = [], []
table = defaultdict(Counter)

def paras(text):
    return [p for p in re.split(r'\n\s*\n', text.strip()) if p.strip()]

def sentences(text):
    n = 0
    for p in paras(text):
        parts = re.split(r'(?<=[.!?])[»"“”]?\s+(?=[«"“A-ZÀ-ÖØ-Ý])', p.strip())
        n += len([s for s in parts if s.strip()])
    return n

for lang in LANGS:
    optional = 0
    for nn in range(1, 8):
        srcs = glob.glob(os.path.join(HERE, f'{lang}-{nn:02d}-*.{lang}.txt'))
        if len(srcs) != 1:
            errors.append(f'{lang}-{nn:02d}: expected exactly one source file, found {len(srcs)}')
            continue
        stem = srcs[0][:-len(f'.{lang}.txt')]
        name = os.path.basename(stem)
        en_p, key_p = stem + '.en.txt', stem + '.expected.tsv'
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f'{name}: missing {os.path.basename(p)}')
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        src = open(srcs[0], encoding='utf-8').read()
        en = open(en_p, encoding='utf-8').read()
        lines = open(key_p, encoding='utf-8').read().rstrip('\n').split('\n')
        if lines[0] != HEADER:
            errors.append(f'{name}: bad header {lines[0]!r}')
        rows = [l for l in lines[1:] if l.strip()]
        # paragraphs and sentences
        ps, pe = len(paras(src)), len(paras(en))
        if ps != 4:
            errors.append(f'{name}: source has {ps} paragraphs, expected 4')
        if ps != pe:
            errors.append(f'{name}: paragraph count differs (source {ps}, English {pe})')
        ns = sentences(src)
        if not 14 <= ns <= 18:
            errors.append(f'{name}: source has ~{ns} sentences, expected 14-18')
        if re.search(r'[\u0400-\u04FF]', en):
            errors.append(f'{name}: Cyrillic found in English file')
        # key rows
        omissions = 0
        for i, r in enumerate(rows, 2):
            f = r.split('\t')
            if len(f) != 4:
                errors.append(f'{name}:{i}: expected 4 tab-separated fields, got {len(f)}')
                continue
            cat, need, target, note = f
            if cat not in CATS:
                errors.append(f'{name}:{i}: bad category {cat!r}')
            if need not in NEEDS:
                errors.append(f'{name}:{i}: bad need {need!r}')
            if need == 'optional':
                optional += 1
            if not target.strip() or not note.strip():
                errors.append(f'{name}:{i}: empty target or note')
            if cat == 'omission':
                omissions += 1
                if target not in src:
                    errors.append(f'{name}:{i}: omission target not found in source: {target!r}')
                nw = len(target.split())
                if not 3 <= nw <= 6:
                    errors.append(f'{name}:{i}: omission target should be 3-6 words, has {nw}')
            else:
                if target not in en:
                    errors.append(f'{name}:{i}: target not found verbatim in English: {target!r}')
                elif en.count(target) > 1:
                    warnings.append(f'{name}:{i}: target occurs {en.count(target)} times in English: {target!r}')
            table[lang][cat] += 1
        if nn == 7:
            if rows:
                errors.append(f'{name}: clean pair (07) must have an empty key, has {len(rows)} rows')
        else:
            if not 6 <= len(rows) <= 8:
                errors.append(f'{name}: flawed pair must have 6-8 rows, has {len(rows)}')
        if omissions > 1:
            errors.append(f'{name}: {omissions} omissions (max 1)')
        print(f'{name}: {ps}/{pe} paragraphs, ~{ns} source sentences, {len(rows)} key rows')
    if optional > 2:
        errors.append(f'{lang}: {optional} optional rows (max 2 per language)')

print()
print('rows per language and category:')
print('lang  ' + ' '.join(f'{c[:5]:>6}' for c in CATS) + '  total')
for lang in LANGS:
    print(f'{lang:5} ' + ' '.join(f'{table[lang][c]:>6}' for c in CATS) + f'  {sum(table[lang].values()):>5}')
print()
for w in warnings:
    print('WARNING:', w)
for e in errors:
    print('ERROR:', e)
print(f'{len(errors)} errors, {len(warnings)} warnings')
sys.exit(1 if errors else 0)
