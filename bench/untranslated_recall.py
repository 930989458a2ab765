"""Synthetic recall of the untranslated-word checks on words nobody wrote an entry for.

Generated cases, per source language (never hand-picked per word):
- ``word`` (es, fr, de, it, pt): frequent words of the language (wordfreq top list, ranks 300-6000, 5+ letters,
  in simplemma's dictionary, Zipf under 3 in English, not in ``established-loans.tsv``) left as written inside a
  template sentence pair; inflected forms come with the list (plurals, feminine forms, verb forms). German nouns
  are capitalised when simplemma's lemma is.
- ``phrase`` (es, fr, de, it, pt): two such words in a row.
- ``romanised`` (ru, uk): frequent nouns and adjectives of the list in the form the list has them (any case),
  romanised with the press system and with anyascii, in a template pair.
- ``abbrev`` (ru, uk): the all-caps Cyrillic abbreviations of ``resources/cyrillic-abbreviations.tsv`` and a
  few it does not list (``UNLISTED``), romanised letter by letter (press system, anyascii).
A case is found when the check reports a finding whose target span covers the planted word.

usage: python bench/untranslated_recall.py [--langs es,fr,de,it,pt,ru,uk] [--per-lang 80] [--show 5]
"""
from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict

import simplemma
from anyascii import anyascii
from wordfreq import top_n_list, zipf_frequency

from tqcheck import morph
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.checks.transliteration import romanise
from tqcheck.checks.untranslated import UntranslatedWordCheck, established_loans
from tqcheck.model import Document, Segment
from tqcheck.resources import read_table
from tqcheck.segment import segment_document

TEMPLATES = {
    "es": ("Según el informe publicado ayer, el {w} fue decisivo para el resultado.",
           "According to the report published yesterday, the {w} was decisive for the outcome."),
    "fr": ("Selon le rapport publié hier, le {w} a été décisif pour le résultat.",
           "According to the report published yesterday, the {w} was decisive for the outcome."),
    "de": ("Laut dem gestern veröffentlichten Bericht war {w} entscheidend für das Ergebnis.",
           "According to the report published yesterday, the {w} was decisive for the outcome."),
    "it": ("Secondo il rapporto pubblicato ieri, il {w} è stato decisivo per il risultato.",
           "According to the report published yesterday, the {w} was decisive for the outcome."),
    "pt": ("Segundo o relatório publicado ontem, o {w} foi decisivo para o resultado.",
           "According to the report published yesterday, the {w} was decisive for the outcome."),
    "ru": ("По данным опубликованного вчера доклада, {w} сыграл решающую роль.",
           "According to the report published yesterday, the {w} played a decisive role."),
    "uk": ("За даними оприлюдненої вчора доповіді, {w} відіграв вирішальну роль.",
           "According to the report published yesterday, the {w} played a decisive role."),
}
ABBREV_TEMPLATES = {
    "ru": ("Об этом сообщили в {w} во вторник.", "This was reported by the {w} on Tuesday."),
    "uk": ("Про це повідомили в {w} у вівторок.", "This was reported by the {w} on Tuesday."),
}


def run(source: str, target: str, lang: str):
    src, tgt = Document(source, lang), Document(target, "en")
    src.sentences, tgt.sentences = segment_document(source, lang), segment_document(target, "en")
    seg = Segment(0, tuple(s.index for s in src.sentences), tuple(s.index for s in tgt.sentences), None, 0.9)
    return list(UntranslatedWordCheck().run(CheckContext(src, tgt, build_views(src, tgt, [seg]))))


def latin_words(lang: str, n: int, rng: random.Random) -> list[str]:
    loans = established_loans(lang)
    out = []
    for w in top_n_list(lang, 6000)[300:]:
        if len(w) >= 5 and w.isalpha() and zipf_frequency(w, "en") < 3.0 and simplemma.is_known(w, lang=lang):
            if lang == "de" and simplemma.lemmatize(w, lang="de")[:1].isupper():
                w = w.capitalize()
            out.append(w)
    # loans are dropped after sampling, so that a new loan does not change the other cases
    return [w for w in rng.sample(out, min(n, len(out))) if w.lower() not in loans]


def cyrillic_words(lang: str, n: int, rng: random.Random) -> list[str]:
    loans = established_loans(lang)
    out = []
    for w in top_n_list(lang, 6000)[300:]:
        found = morph.parses(w, lang)
        if len(w) < 5 or not found or found[0].tag.POS not in ("NOUN", "ADJF"):
            continue
        if morph.NAME_TAGS & set(found[0].tag.grammemes):
            continue
        out.append(w)
    return [w for w in rng.sample(out, min(n, len(out)))
            if all(r not in loans for r in (romanise(w, lang).lower(), anyascii(w).lower()))]


# Abbreviations the data file does not list, to measure the generic signal without its table.
UNLISTED = {"ru": ("НИИ", "ФНС", "ГУП", "ЦРБ", "ЧП", "ЖЭК", "ФАС", "ПФР"),
            "uk": ("ЦНАП", "ОСББ", "ЖЕК", "КМДА", "ДБР", "ПФУ", "ДПСУ", "НПУ")}


def abbreviations(lang: str) -> list[str]:
    listed = [r["cyrillic"] for r in read_table("cyrillic-abbreviations.tsv") if r["lang"] in (lang, "any")
              and r["cyrillic"].isupper()
              and r["severity"] != "keep"]
    return listed + list(UNLISTED[lang])


def cases(lang: str, n: int, rng: random.Random):
    """(kind, source, target, planted word)"""
    src_t, tgt_t = TEMPLATES[lang]
    english = {w for w in top_n_list("en", 30000)}      # a romanisation that is an English word is no case
    if lang in ("ru", "uk"):
        for w in cyrillic_words(lang, n, rng):
            for spelling in {romanise(w, lang).lower(), re.sub(r"[^a-z]", "", anyascii(w).lower())} - english:
                yield "romanised", src_t.format(w=w), tgt_t.format(w=spelling), spelling
        a_src, a_tgt = ABBREV_TEMPLATES[lang]
        for w in sorted(abbreviations(lang)):
            # MChS: each letter romanised as inside a word, capitalised
            letters = "".join(romanise("б" + c, lang)[1:].capitalize() for c in w)
            for spelling in {letters.upper(), anyascii(w).upper(), letters}:
                yield "abbrev", a_src.format(w=w), a_tgt.format(w=spelling), spelling
        return
    words = latin_words(lang, n, rng)
    for w in words:
        yield "word", src_t.format(w=w), tgt_t.format(w=w), w
    for a, b in zip(words[::2], words[1::2]):
        phrase = f"{a} {b}"
        yield "phrase", src_t.format(w=phrase), tgt_t.format(w=phrase), phrase


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default="es,fr,de,it,pt,ru,uk")
    ap.add_argument("--per-lang", type=int, default=80)
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args()
    print(f"{'lang':5} {'kind':10} {'found':>6} {'cases':>6} {'recall':>7}  missed (first {args.show})")
    total = [0, 0]
    for lang in args.langs.split(","):
        tally = defaultdict(lambda: [0, 0, []])
        for kind, source, target, planted in cases(lang, args.per_lang, random.Random(lang)):
            start = target.index(planted)
            hit = any(f.target_span and f.target_span.start < start + len(planted) and f.target_span.end > start
                      for f in run(source, target, lang))
            row = tally[kind]
            row[0] += hit
            row[1] += 1
            if not hit:
                row[2].append(planted)
        for kind, (found, n, missed) in tally.items():
            total[0] += found
            total[1] += n
            print(f"{lang:5} {kind:10} {found:6} {n:6} {found / n:7.2f}  {', '.join(missed[:args.show])}")
    print(f"all   {'':10} {total[0]:6} {total[1]:6} {total[0] / total[1]:7.2f}")


if __name__ == "__main__":
    main()
