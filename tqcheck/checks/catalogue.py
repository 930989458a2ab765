"""Every rule id a run can emit, with its category and the check that emits it (``tqcheck rules``).

The ids the checks write in code are listed here; the ids that come from data (offices, exonyms, transcriptions,
punctuation) are read from the same files the checks read, so the listing follows the data.
"""
from __future__ import annotations

from typing import NamedTuple

from tqcheck.checks.family_names import LANGS as FAMILY_LANGS
from tqcheck.checks.region_forms import region_forms
from tqcheck.checks.sister_calques import sisters
from tqcheck.checks.untranslated import NAME_WORD_LANGS
from tqcheck.lang import LANGUAGE_NAMES

SOURCE_LANGS = tuple(code for code in LANGUAGE_NAMES if code != "en")
CYRILLIC_LANGS = ("ru", "uk")


class RuleId(NamedTuple):
    id: str
    category: str
    check: str                  # the check (or stage) that emits it, as named in ``disable``
    what: str


def _fixed(lang: str | None) -> list[RuleId]:
    langs = (lang,) if lang else SOURCE_LANGS
    cyrillic = [code for code in langs if code in CYRILLIC_LANGS]
    out = [
        RuleId("qe-low", "qe", "alignment", "a segment the quality estimate scores low"),
        RuleId("<scorer>-span", "qe-span", "qe", "a span a neural scorer marks as an error (embedding-usem3-span, "
               "neural-comet-span...)"),
        RuleId("omission-sentence", "omission", "alignment", "a source sentence with no counterpart"),
        RuleId("addition-sentence", "addition", "alignment", "a target sentence with no counterpart"),
        RuleId("number-mismatch", "number", "number", "a figure the translation changed"),
        RuleId("number-missing", "number", "number", "a source figure not in the translation"),
        RuleId("number-extra", "number", "number", "a figure the source does not have"),
        RuleId("number-unit", "number", "number", "a figure kept with another unit (3 kilos as 3 pounds, "
               "65 hryvnias as 65 dollars)"),
        RuleId("number-decimal-comma", "number", "number", "a decimal comma kept from the source convention"),
        RuleId("number-thousands-dot", "number", "number", "a thousands point kept from the source convention"),
        RuleId("number-thousands-space", "number", "number", "a thousands space kept from the source convention"),
        RuleId("number-ordinal-notation", "number", "number", "an ordinal left in the source's notation (56.ª, 2ème)"),
        RuleId("name-missing", "name", "name-counterpart",
               "a source name dropped (by default where word vectors confirm it: [options] missing_names)"),
        RuleId("name-changed", "name", "name-counterpart", "a source name respelled"),
        RuleId("name-replaced", "name", "name-counterpart", "a source name replaced by another"),
        RuleId("name-swapped", "name", "swapped-name", "a name of the article written where the source names "
               "another person (also name-changed, name-replaced: one mention changed)"),
        RuleId("name-place-foreign", "name", "name", "a place in its source-language or foreign form"),
        RuleId("name-two-spellings", "name", "name", "one name written two ways in a translation"),
        RuleId("punct-unbalanced", "punctuation", "punctuation", "a bracket or quote never closed or opened"),
        RuleId("untranslated-sentence", "untranslated", "untranslated", "a sentence left in the source language"),
        RuleId("untranslated-word", "untranslated", "untranslated-word", "a source word left as is"),
        RuleId("cognate-rare", "idiom", "cognate", "a rare English word that mirrors a common source word, or a "
               "misspelling of its English cognate (temperment)"),
        RuleId("cognate-sense", "idiom", "cognate-sense", "an English look-alike of a source word far from it in "
               "meaning by word vectors (éxito as exit); no list, usem3 languages"),
        RuleId("glossary-missing", "glossary", "glossary", "batch: a glossary term not translated as required"),
        RuleId("glossary-forbidden", "glossary", "glossary", "batch: a forbidden term"),
        RuleId("consistency-source", "consistency", "consistency", "batch: one source text translated two ways"),
        RuleId("consistency-target", "consistency", "consistency", "batch: one translation for two source texts"),
        RuleId("markup-tag-missing", "markup", "markup", "batch: an inline tag of the source missing"),
        RuleId("markup-tag-extra", "markup", "markup", "batch: an inline tag not in the source"),
        RuleId("markup-tag-order", "markup", "markup", "batch: inline tags in another order"),
    ]
    for kind in ("url", "email"):
        for change in ("changed", "missing", "extra"):
            out.append(RuleId(f"markup-{kind}-{change}", "markup", "markup", f"batch: a{'n' * (kind == 'email')} "
                              f"{'e-mail address' if kind == 'email' else 'URL'} {change}"))
    if cyrillic:
        out.append(RuleId("untranslated-romanised", "untranslated", "untranslated-word",
                          "a source word romanised instead of translated"))
    out.append(RuleId("untranslated-abbreviation", "untranslated", "untranslated-word",
                      "a source abbreviation copied or romanised instead of translated (PIB for GDP, MKS for МКС)"))
    if any(code in NAME_WORD_LANGS for code in langs):
        out.append(RuleId("untranslated-name-word", "untranslated", "untranslated-word",
                          "a common source word kept inside a name (the Ayuntamiento de Madrid): a hint"))
    for code in langs:
        out.append(RuleId(f"false-friend-{code}", "idiom", "cognate",
                          f"an English word that looks like a {LANGUAGE_NAMES[code]} false friend"))
    for code in (c for c in langs if sisters(c)):
        out.append(RuleId(f"sister-calque-{code}", "idiom", "sister-calque",
                          f"a {LANGUAGE_NAMES[code]} phrase rendered word for word as a calque a sister language lists"))
    for code in langs:
        if code not in CYRILLIC_LANGS:
            out.append(RuleId(f"name-relayed-{code}", "name", "relayed-name",
                              f"a Russian-script name copied in the {LANGUAGE_NAMES[code]} transcription"))
    for code in cyrillic:
        out.append(RuleId(f"name-translit-{code}", "name", "transliteration",
                          f"a {LANGUAGE_NAMES[code]} name in another language's transliteration"))
        out.append(RuleId(f"name-romanisation-{code}", "name", "transliteration",
                          f"a {LANGUAGE_NAMES[code]} name in none of its English romanisations"))
        if code in FAMILY_LANGS:
            out.append(RuleId(f"name-family-{code}", "name", "family-name",
                              f"a {LANGUAGE_NAMES[code]} family named by a surname's plural case form (the Melnychuky)"))
        if region_forms(code):
            out.append(RuleId(f"name-region-{code}", "name", "region-form",
                              f"a {LANGUAGE_NAMES[code]} region's colloquial name or oblast adjective romanised "
                              "(Vinnychchyna, Novosibirskaya Oblast)"))
    return out


def _from_data(lang: str | None) -> list[RuleId]:
    from tqcheck.checks.names import name_table
    from tqcheck.checks.punctuation import punctuation_rules
    from tqcheck.checks.titles import offices, rank, substitution

    langs = (lang,) if lang else SOURCE_LANGS
    out = [RuleId(r.id, "punctuation", "punctuation", r.message) for r in punctuation_rules()]
    out += [RuleId(e.id, "name", "name", "place name in an older or foreign form") for e in name_table("exonyms")]
    for code in langs:
        out += [RuleId(e.id, "name", "name", "source-language transcription kept") for e in name_table(code)]
        out += [RuleId(o.id, "title", "title", f"{o.office}: {o.suggestion}") for o in offices(code)]
        if rank(code) is not None:
            out.append(RuleId(f"{code}-title-rank", "title", "title", "a deputy's title given without deputy or vice"))
        if substitution(code) is not None:
            out.append(RuleId(f"{code}-title-substitute", "title", "title",
                              "an office the source does not name, in place of the one it does"))
            out.append(RuleId(f"{code}-title-consort", "title", "title",
                              "a consort's title (mayoress) for the woman who holds the office"))
    return out


def rule_ids(lang: str | None = None) -> list[RuleId]:
    """The rule ids of the checks (not the lexicon's, which ``load_rules`` lists), for one source language or
    all, each once."""
    seen: dict[str, RuleId] = {}
    for r in _fixed(lang) + _from_data(lang):
        seen.setdefault(r.id, r)
    return list(seen.values())
