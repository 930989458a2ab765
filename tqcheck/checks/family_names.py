"""A family named by a surname's plural case form left romanised in the English (Ukrainian Мельничуки: the
Melnychuky, підприємство Гончаренків: the Honcharenkiv business), where English writes the Melnychuk family or
the Melnychuks. pymorphy3 reads the form as an animate plural noun whose nominative singular differs."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from tqcheck import morph
from tqcheck.checks.base import CheckContext
from tqcheck.checks.transliteration import accepted_spelling, english_forms
from tqcheck.checks.words import words
from tqcheck.model import Finding
from tqcheck.resources import read_words

LANGS = frozenset({"uk"})       # Russian has the same forms (Ивановы); not measured there yet (session 15)


def _family_form(text: str, lang: str) -> str | None:
    """The nominative singular of a surname written in an animate plural form (Мельничуки, Гончаренків:
    мельничук, гончаренко), or None: a place (Суми, Черкаси) is inanimate, a plurale tantum (Шевченки) too."""
    found = morph.parses(text, lang)
    if not found or not {"NOUN", "anim", "plur"} <= found[0].tag.grammemes:
        return None
    nominative = found[0].normal_form
    # a surname: a Ukrainian ending (Мельничук, Гончаренко) or one the dictionary knows (Бойко); pymorphy3 guesses
    # foreign names as plurals too (Феррелл read as a case of Феррелла, Ерік of Еріка)
    surname = _ukrainian_surname().search(nominative) or ("Surn" in found[0].tag.grammemes
                                                          and morph.is_known(text, lang))
    return nominative if surname and nominative != text.lower() else None


@lru_cache(maxsize=1)
def _ukrainian_surname() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(read_words('names/surnames-uk.txt'))})$")


class FamilyNameCheck:
    name = "family-name"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        if lang not in LANGS:
            return
        for view in ctx.aligned:
            families = [(w, nominative) for w in words(view.source)
                        if w.capitalised and (nominative := _family_form(w.text, lang))]
            if not families:
                continue
            for t in words(view.target):
                if not t.capitalised or not t.text.isascii():
                    continue
                # the case form's romanisation, and none of the nominative's (the Melnychuks, Melnychuk family)
                match = next(((s, n) for s, n in families if accepted_spelling(t.lower, s.lower, lang)
                              and not accepted_spelling(t.lower, n, lang)), None)
                if match is None:
                    continue
                s, nominative = match
                surname = english_forms(nominative, lang)[0]
                yield Finding(
                    "name", "minor", f"name-family-{lang}", "fluency/grammar",
                    f"“{t.text}” romanises the plural case form {s.text}; English names the family by the surname",
                    f"the {surname.capitalize()} family", view.segment.id,
                    target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
