"""Place names in other languages (``names/gazetteer-places.tsv`` and ``names/gazetteer-regions.tsv``, built by
``bench/build_gazetteer.py``, and the hand-written ``names/english-exonyms.tsv``) and English word frequencies,
read once per process and cached per word."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from anyascii import anyascii

from tqcheck.resources import iter_table

# two files because their licences differ (GeoNames/CLDR; iso-codes, LGPL): read as one table
TABLES = ("names/gazetteer-places.tsv", "names/gazetteer-regions.tsv")
# English exonyms (Köln: Cologne): GeoNames' main name is often the local one, which English does not use
EXONYMS = "names/english-exonyms.tsv"
ALSO_ENGLISH = "-"      # lang of an exonyms row whose form English uses as well (Frankfurt am Main, Sevilla)


@lru_cache(maxsize=None)
def english_name() -> dict[str, str]:
    """A place's main name in the generated tables -> the name English uses for it (Köln -> Cologne)."""
    return {row["form"]: row["english"] for row in iter_table(EXONYMS)}


def _rows():
    rename = english_name()
    for table in TABLES:
        for row in iter_table(table):
            yield {**row, "english": rename.get(row["english"], row["english"])}
    yield from iter_table(EXONYMS)


@lru_cache(maxsize=None)
def places() -> dict[str, tuple[str, ...]]:
    """Foreign form (as written) -> the English names it may stand for (several: an ambiguous form)."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        out[row["form"]].add(row["english"])
    return {form: tuple(sorted(english)) for form, english in out.items()}


@lru_cache(maxsize=None)
def countries() -> dict[str, frozenset[str]]:
    """Country names (CLDR) -> the languages that write them so (Deutschland: de)."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        if row["kind"] == "country":
            out[row["form"]].add(row["lang"])
    return {form: frozenset(langs) for form, langs in out.items()}


@lru_cache(maxsize=None)
def english_places() -> frozenset[str]:
    """Folded English names of every listed place, with the local names English uses as well (Frankfurt am Main)."""
    also = (row["form"] for row in iter_table(EXONYMS) if row["lang"] == ALSO_ENGLISH)
    return frozenset(anyascii(e).casefold() for names in [*places().values(), also] for e in names)


@lru_cache(maxsize=None)
def forms_of() -> dict[str, tuple[str, ...]]:
    """English name -> its foreign forms."""
    out: dict[str, list[str]] = defaultdict(list)
    for form, english in places().items():
        for e in english:
            out[e].append(form)
    return {e: tuple(f) for e, f in out.items()}


@lru_cache(maxsize=None)
def home_towns() -> frozenset[tuple[str, str]]:
    """(form, source language) where a GeoNames alternate name is also a town's own name in a country of that
    language (``names/gazetteer-homonyms.tsv``: Tolosa, a Basque town, not Toulouse, in a Spanish source)."""
    return frozenset((row["form"], row["lang"]) for row in iter_table("names/gazetteer-homonyms.tsv"))


@lru_cache(maxsize=None)
def english_by_ascii() -> dict[str, str]:
    """English place names by their folded ASCII spelling (wroclaw: Wrocław)."""
    return {anyascii(e).casefold(): e for names in places().values() for e in names}


@lru_cache(maxsize=None)
def ascii_english_places() -> frozenset[str]:
    """English place names written without diacritics (Paris, Canada, Haiti), as written."""
    return frozenset(e for names in places().values() for e in names if e.isascii())


@lru_cache(maxsize=None)
def tagged() -> dict[str, frozenset[str]]:
    """Forms that CLDR gives for one language (countries, time-zone cities) -> those languages (Mailand: de)."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        if row["lang"] not in ("*", ALSO_ENGLISH):
            out[row["form"]].add(row["lang"])
    return {form: frozenset(langs) for form, langs in out.items()}


@lru_cache(maxsize=None)
def own_exonyms() -> dict[tuple[str, str], str]:
    """(form, language that writes it) -> English name, from the hand-written exonyms alone: what that language
    means by a form the gazetteer gives several places (German Mosel: the Moselle, not Mosul)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in iter_table(EXONYMS):
        out[(row["form"], row["lang"])].add(row["english"])
    return {key: next(iter(english)) for key, english in out.items() if len(english) == 1}
