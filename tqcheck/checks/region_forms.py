"""A region named by its colloquial form left romanised in the English (Ukrainian Вінниччина: Vinnychchyna, where
English says the Vinnytsia region), from ``names/region-forms.tsv``."""
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


class RegionFormCheck:
    name = "region-form"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        table = region_forms(lang)
        if not table:
            return
        for view in ctx.aligned:
            regions = [(w, lemma) for w in words(view.source) if w.capitalised
                       for lemma in morph.lemmas(w.text, lang) & table.keys()]
            if not regions:
                continue
            for t in words(view.target):
                if not t.capitalised or not t.text.isascii():
                    continue
                # the English may romanise the nominative or the case form it found (Vinnychchyna, Vinnychchyni)
                match = next(((s, lemma) for s, lemma in regions if accepted_spelling(t.lower, lemma, lang)
                              or accepted_spelling(t.lower, s.lower, lang)), None)
                if match is None:
                    continue
                s, lemma = match
                yield Finding(
                    "name", "minor", f"name-region-{lang}", "terminology/inconsistent",
                    f"“{t.text}” romanises the colloquial name of a region ({s.text}); English names the region",
                    table[lemma], view.segment.id,
                    target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
