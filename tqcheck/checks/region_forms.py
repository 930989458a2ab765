"""A region named by its colloquial form left romanised in the English (Ukrainian Вінниччина: Vinnychchyna, where
English says the Vinnytsia region), or by the adjective of its oblast or krai (Новосибирская область: Novosibirskaya
Oblast, where English says the Novosibirsk region), from ``names/region-forms.tsv``."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from tqcheck import morph
from tqcheck.checks.base import CheckContext
from tqcheck.checks.transliteration import accepted_spelling
from tqcheck.checks.words import words
from tqcheck.model import Finding
from tqcheck.resources import read_table

TABLE = "names/region-forms.tsv"


@lru_cache(maxsize=None)
def region_forms(lang: str) -> dict[str, str]:
    """Lemma of a region's colloquial name -> the name English gives the region, for one source language."""
    return {r["lemma"]: r["english"] for r in read_table(TABLE) if r["lang"] == lang}


@lru_cache(maxsize=None)
def region_heads(lang: str) -> dict[str, frozenset[str]]:
    """Lemma of an oblast's or krai's adjective -> the lemmas of the nouns it must stand before (область, край)."""
    return {r["lemma"]: frozenset(r["head"].split("|")) for r in read_table(TABLE)
            if r["lang"] == lang and r.get("head")}


class RegionFormCheck:
    name = "region-form"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        table = region_forms(lang)
        if not table:
            return
        for view in ctx.aligned:
            source = words(view.source)
            heads = region_heads(lang)
            # an adjective only before its noun: Кировский район is the Kirovsky District English keeps
            regions = [(w, lemma) for i, w in enumerate(source) if w.capitalised
                       for lemma in morph.lemmas(w.text, lang) & table.keys()
                       if lemma not in heads or (i + 1 < len(source)
                                                 and morph.lemmas(source[i + 1].text, lang) & heads[lemma])]
            if not regions:
                continue
            for t in words(view.target):
                if not t.capitalised or not t.text.isascii():
                    continue
                # the English may romanise the nominative or the case form it found (Vinnychchyna, Vinnychchyni)
                match = next(((s, lemma) for s, lemma in regions if accepted_spelling(t.lower, lemma, lang)
                              or accepted_spelling(t.lower, s.lower, lang)
                              or any(accepted_spelling(t.lower, f, lang) for f in _nominatives(s.lower, lang))),
                             None)
                if match is None:
                    continue
                s, lemma = match
                yield Finding(
                    "name", "minor", f"name-region-{lang}", "terminology/inconsistent",
                    f"“{t.text}” romanises the colloquial name or the adjective of a region ({s.text}); English names "
                    "the region",
                    table[lemma], view.segment.id,
                    target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))


@lru_cache(maxsize=10_000)
def _nominatives(word: str, lang: str) -> frozenset[str]:
    """An adjective's nominative singular in every gender (новосибирской: новосибирская, the form the English
    romanises before Oblast)."""
    out = set()
    for p in morph.parses(word, lang):
        if "ADJF" in p.tag.grammemes:
            for gender in ("masc", "femn", "neut"):
                form = p.inflect({"sing", "nomn", gender}) or p.inflect({"nomn", gender})     # uk tags lack sing
                if form is not None:
                    out.add(form.word)
    return frozenset(out)
