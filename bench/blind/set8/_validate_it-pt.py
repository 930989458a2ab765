#!/usr/bin/env python3
"""Validator for the it-pt blind test set (independent writer; never saw the checker)."""
import os, re, sys, glob
HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ['it', 'pt']
CATS = {'name', 'title', 'idiom', 'number', 'punctuation', 'omission', 'untranslated'}
NEEDS = {'required', 'optional'}
HEADER = ['category', 'need', 'target_text', 'note']
errors, warnings = [], []
counts = {}

def paras(text):
    return [p for p in re.split(r'\n\s*\n', text.strip()) if p.strip()]

def sentences(text):
    # rough count: sentence-final punctuation (optionally followed by closing quote) then space + capital/quote
    return len(re.findall(r'[.!?](?:["”»])?(?=\s+["“«]?[A-ZÀ-Ý])', text)) + 1

for lang in LANGS:
    srcs = sorted(glob.glob(os.path.join(HERE, f'{lang}-[0-9][0-9]-*.{lang}.txt')))
    nums = sorted(os.path.basename(s)[3:5] for s in srcs)
    if nums != [f'{i:02d}' for i in range(1, 8)]:
        errors.append(f'{lang}: expected pairs 01-07, found {nums}')
    optional = 0
    for src in srcs:
        stem = os.path.basename(src)[:-len(f'.{lang}.txt')]
        en_p = os.path.join(HERE, stem + '.en.txt')
        key_p = os.path.join(HERE, stem + '.expected.tsv')
        for p in (en_p, key_p):
            if not os.path.exists(p):
                errors.append(f'{stem}: missing {os.path.basename(p)}')
        if not (os.path.exists(en_p) and os.path.exists(key_p)):
            continue
        s_txt = open(src, encoding='utf-8').read()
        e_txt = open(en_p, encoding='utf-8').read()
        ps, pe = paras(s_txt), paras(e_txt)
        if len(ps) != len(pe):
            errors.append(f'{stem}: paragraph count differs (source {len(ps)}, English {len(pe)})')
        if len(ps) != 4:
            errors.append(f'{stem}: source has {len(ps)} paragraphs, expected 4')
        ns = sentences(s_txt)
        if not 14 <= ns <= 18:
            warnings.append(f'{stem}: rough source sentence count {ns} outside 14-18')
        if re.search('[\u0400-\u04FF]', e_txt):
            errors.append(f'{stem}: Cyrillic in English file')
        lines = open(key_p, encoding='utf-8').read().rstrip('\n').split('\n')
        if lines[0].split('\t') != HEADER:
            errors.append(f'{stem}: bad header {lines[0]!r}')
        rows = [l.split('\t') for l in lines[1:] if l.strip()]
        n_om = 0
        for i, r in enumerate(rows, 2):
            if len(r) != 4:
                errors.append(f'{stem}:{i}: expected 4 tab-separated fields, got {len(r)}'); continue
            cat, need, tgt, note = r
            if cat not in CATS: errors.append(f'{stem}:{i}: bad category {cat!r}')
            if need not in NEEDS: errors.append(f'{stem}:{i}: bad need {need!r}')
            if need == 'optional': optional += 1
            if not tgt.strip(): errors.append(f'{stem}:{i}: empty target')
            if not note.strip(): errors.append(f'{stem}:{i}: empty note')
            counts.setdefault(lang, {}).setdefault(cat, 0)
            counts[lang][cat] += 1
            if cat == 'omission':
                n_om += 1
                if tgt not in s_txt: errors.append(f'{stem}:{i}: omission target not in source: {tgt!r}')
                nw = len(tgt.split())
                if not 3 <= nw <= 6: errors.append(f'{stem}:{i}: omission target has {nw} words (need 3-6)')
            else:
                c = e_txt.count(tgt)
                if c == 0: errors.append(f'{stem}:{i}: target not in English: {tgt!r}')
                elif c > 1: warnings.append(f'{stem}:{i}: target occurs {c} times in English: {tgt!r}')
        clean = stem[3:5] == '07'
        if clean and rows:
            errors.append(f'{stem}: clean pair must have an empty key')
        if not clean and not 6 <= len(rows) <= 8:
            errors.append(f'{stem}: flawed pair has {len(rows)} rows (need 6-8)')
        if n_om > 1:
            errors.append(f'{stem}: {n_om} omissions (max 1)')
    if optional > 2:
        errors.append(f'{lang}: {optional} optional rows (max 2)')

for w in warnings: print('WARNING:', w)
for e in errors: print('ERROR:', e)
for lang in LANGS:
    c = counts.get(lang, {})
    print(lang, 'rows:', sum(c.values()), ' '.join(f'{k}={c[k]}' for k in sorted(c)))
print('OK: no errors' if not errors else f'{len(errors)} error(s)')
sys.exit(1 if errors else 0)
