#!/usr/bin/env python3
"""Validator for the de-ru-uk blind test set (written without seeing the checker)."""
import os, re, sys, glob, collections
D = os.path.dirname(os.path.abspath(__file__))
LANGS = ['de', 'ru', 'uk']
CATS = {'name', 'title', 'idiom', 'number', 'punctuation', 'omission', 'untranslated'}
NEEDS = {'required', 'optional'}
HEADER = ['category', 'need', 'target_text', 'note']
errors, warnings = [], []
table = collections.Counter()
rows_per_lang = collections.Counter()

def paras(t):
    return [p for p in re.split(r'\n\s*\n', t.strip()) if p.strip()]

def sentences(t):
    t = re.sub(r'(\d)\. ', r'\1.~', t.strip().replace('\n\n', ' '))  # German ordinals (14. März)
    return [s for s in re.split(r'(?<=[.!?»"“])\s+(?=[A-ZÄÖÜА-ЯЁІЇЄҐ„«"0-9])', t) if s]

for ll in LANGS:
    optional = 0
    for nn in range(1, 8):
        found = glob.glob(os.path.join(D, f'{ll}-{nn:02d}-*.expected.tsv'))
        if len(found) != 1:
            errors.append(f'{ll}-{nn:02d}: expected exactly one key, found {len(found)}'); continue
        stem = found[0][:-len('.expected.tsv')]
        name = os.path.basename(stem)
        src_p, en_p = f'{stem}.{ll}.txt', f'{stem}.en.txt'
        if not (os.path.exists(src_p) and os.path.exists(en_p)):
            errors.append(f'{name}: missing source or English file'); continue
        src = open(src_p, encoding='utf-8').read(); en = open(en_p, encoding='utf-8').read()
        if len(paras(src)) != 4: errors.append(f'{name}: source has {len(paras(src))} paragraphs, want 4')
        if len(paras(src)) != len(paras(en)): errors.append(f'{name}: paragraph counts differ ({len(paras(src))} vs {len(paras(en))})')
        ns = len(sentences(src))
        if not 14 <= ns <= 18: warnings.append(f'{name}: source has ~{ns} sentences (want 14-18)')
        if re.search(r'[\u0400-\u04FF]', en): errors.append(f'{name}: Cyrillic in English file')
        lines = open(found[0], encoding='utf-8').read().rstrip('\n').split('\n')
        if lines[0].split('\t') != HEADER: errors.append(f'{name}: bad header {lines[0]!r}'); continue
        rows = [l.split('\t') for l in lines[1:] if l.strip()]
        om = 0
        for r in rows:
            if len(r) != 4: errors.append(f'{name}: row has {len(r)} fields: {r}'); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f'{name}: bad category {cat}')
            if need not in NEEDS: errors.append(f'{name}: bad need {need}')
            if need == 'optional': optional += 1
            if not tgt.strip() or not note.strip(): errors.append(f'{name}: empty target or note')
            if cat == 'omission':
                om += 1
                if tgt not in src: errors.append(f'{name}: omission target not in source: {tgt!r}')
                if not 3 <= len(tgt.split()) <= 6: errors.append(f'{name}: omission target should be 3-6 words: {tgt!r}')
                if tgt in en: errors.append(f'{name}: omission target appears in English')
            else:
                if tgt not in en: errors.append(f'{name}: target not in English: {tgt!r}')
                elif en.count(tgt) > 1: warnings.append(f'{name}: target occurs {en.count(tgt)}x: {tgt!r}')
            table[(ll, cat)] += 1; rows_per_lang[ll] += 1
        if om > 1: errors.append(f'{name}: {om} omissions (max 1)')
        if nn == 7:
            if rows: errors.append(f'{name}: clean pair must have an empty key')
        elif not 6 <= len(rows) <= 8:
            errors.append(f'{name}: {len(rows)} rows (want 6-8)')
    if optional > 2: errors.append(f'{ll}: {optional} optional rows (max 2)')

print('rows per language and category:')
print('lang ' + ' '.join(f'{c[:5]:>6}' for c in sorted(CATS)) + '  total')
for ll in LANGS:
    print(f'{ll:4} ' + ' '.join(f'{table[(ll,c)]:>6}' for c in sorted(CATS)) + f'  {rows_per_lang[ll]:>5}')
for w in warnings: print('WARNING:', w)
for e in errors: print('ERROR:', e)
print(f'{len(errors)} errors, {len(warnings)} warnings')
sys.exit(1 if errors else 0)
