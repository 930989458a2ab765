"""Proper names: source-language transcriptions left in English, exonyms, places in a foreign form, one entity
spelled two ways.

Tables are data: ``resources/names/<src>.tsv`` (transcriptions), ``resources/names/exonyms.tsv`` and
``resources/names/gazetteer-places.tsv`` (cities and countries in other languages, from GeoNames and CLDR).
"""
from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from anyascii import anyascii

from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.gazetteer import (ascii_english_places, english_places, forms_of, home_towns, own_exonyms,
                                     places, tagged)
from tqcheck.model import Finding
from tqcheck.morph import is_known, zipf
from tqcheck.resources import read_table

_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*\w")


@dataclass(frozen=True)
class NameEntry:
    id: str
    pattern: re.Pattern[str]
    english: str
    note: str

    def replacement(self, match: re.Match) -> str:
        return match.expand(self.english) if self.english else anyascii(match.group())


@lru_cache(maxsize=None)
def name_table(stem: str) -> tuple[NameEntry, ...]:
    return tuple(NameEntry(r["id"], re.compile(rf"(?<!\w)(?:{r['pattern']})(?!\w)"), r["english"], r["note"])
                 for r in read_table(f"names/{stem}.tsv"))


def _any_of(entries: tuple[NameEntry, ...]) -> re.Pattern[str] | None:
    """One regex that matches wherever some entry does: most segments contain no listed name."""
    return _combined(tuple(e.pattern.pattern for e in entries)) if entries else None


_LEAD = r"(?<!\w)"


@lru_cache(maxsize=None)
def _combined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The alternation of ``patterns``; their shared leading look-behind is tested once per position, not once
    per pattern (the same matches, several times faster on text without a listed name)."""
    if all(p.startswith(_LEAD) for p in patterns):
        return re.compile(_LEAD + "(?:" + "|".join(p[len(_LEAD):] for p in patterns) + ")")
    return re.compile("|".join(patterns))


class NameCheck:
    name = "name"

    def __init__(self, exonyms: str = "default"):
        self.exonyms = exonyms   # "default": settled changes only; "all": style-dependent ones too; "off"

    def _exonyms(self) -> tuple[NameEntry, ...]:
        if self.exonyms == "off":
            return ()
        entries = name_table("exonyms")
        if self.exonyms == "all":
            return entries
        return tuple(e for e in entries if not e.note.lower().startswith("style-dependent"))

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        transcriptions = name_table(ctx.source_lang)
        exonyms = self._exonyms()
        anything = _any_of(transcriptions + exonyms)
        document = DocumentWords.of(ctx.source.text, ctx.target.text)
        for view in ctx.aligned:
            found: dict[tuple[int, int], Finding] = {}
            for finding in itertools.chain(foreign_places(view, ctx.source_lang, document),
                                           kept_diacritics(view, ctx.source_lang, ctx.target.text),
                                           truncated_places(view)):
                span = finding.target_span
                found.setdefault((span.start - view.target_start, span.end - view.target_start), finding)
            if anything is None or not anything.search(view.target):
                yield from (found[span] for span in sorted(found))
                continue
            for entries, severity, what in ((transcriptions, "major", "source-language transcription kept"),
                                            (exonyms, "minor", "place name in an older or foreign form")):
                for entry in entries:   # the first entry that matches a span wins: specific entries come first
                    for match in entry.pattern.finditer(view.target):
                        if match.span() not in found or found[match.span()].rule == PLACE_RULE:
                            found[match.span()] = self._finding(view, match, entry, severity, what,
                                                                ctx.source_lang)
            yield from (found[span] for span in sorted(found))
        yield from two_spellings(lambda: ctx.aligned)

    @staticmethod
    def _finding(view, match: re.Match, entry: NameEntry, severity: str, what: str, lang: str) -> Finding:
        fix = entry.replacement(match)
        return Finding(
            "name", severity, entry.id, "locale/convention" if severity == "minor" else "terminology/inconsistent",
            f"“{match.group()}”: {what}. {entry.note}", f"write “{fix}”", view.segment.id,
            target_span=view.target_span(*match.span()),
            source_span=view.source_span(*_name_evidence(view, match.group(), fix, lang)),
        )


def _name_evidence(view: SegmentView, written: str, fix: str, lang: str | None) -> tuple[int, int]:
    """The source words a listed name's finding rests on (session 18: every finding carries source evidence): the
    form the target writes, or one the gazetteer gives the place (Киев for Kyiv), else a Cyrillic name whose
    nominative the fix or the written form romanises (Харкові: Kharkiv), else the whole source segment."""
    found = re.search(rf"(?<!\w){re.escape(written)}(?!\w)", view.source) \
        or re.search(rf"(?<!\w){re.escape(written)}(?!\w)", view.source, re.I)       # il Cairo: "Il Cairo"
    if found:
        return found.span()
    forms = {f for name in (fix, written) for f in forms_of().get(name, ())}
    for form in sorted(forms, key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", view.source)
        if found:
            return found.span()
    if lang and re.search(r"[А-яЁёІіЇїЄєҐґ]", view.source):
        from tqcheck.checks import transliteration as tr
        for n in tr.source_names(view.source, lang):
            if any(lemma in forms or tr.is_accepted(fix, lemma, lang) or tr.is_accepted(written, lemma, lang)
                   for lemma in n.lemmas):
                return n.start, n.start + len(n.text)
    text = view.source.rstrip()
    return len(text) - len(text.lstrip()), len(text)


PLACE_RULE = "name-place-foreign"
_DOC_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DocumentWords:
    """The words of the whole source and target documents: a place the source names elsewhere in the article
    (Hannover in its seventh paragraph, Hannoveraner in the aligned one) is still the source's own form."""
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()

    @classmethod
    def of(cls, source: str, target: str) -> DocumentWords:
        return cls(frozenset(_DOC_WORD.findall(source)), frozenset(_DOC_WORD.findall(target)))

    def in_source(self, form: str) -> bool:
        return all(w in self.source for w in _DOC_WORD.findall(form))

    def in_target(self, form: str) -> bool:
        return all(w in self.target for w in _DOC_WORD.findall(form))


_CAP = r"[A-ZÀ-ÖØ-ÞŠŽČŁ][\w'’-]*"
_CAPITALISED_RUN = re.compile(rf"{_CAP}(?:[ -]{_CAP})*")
# a place name with a lower-case particle inside (Corée du Nord, Coreia do Norte, Stati Uniti d'America)
_PARTICLE_RUN = re.compile(rf"{_CAP}(?:(?:[ -]| (?:du|de|del|della|do|da|di|des|dos|das|der|la|d['’])\s?){_CAP})*")
_QUOTED = re.compile(r"[\"“”«»„]")
_HYPHEN_TAIL = re.compile(r"-[a-z]+$")
_DISTRICT_TAIL = re.compile(r"-[A-ZÀ-ÖØ-Þ][^\W\d_]+$")


def _place_runs(text: str) -> Iterator[tuple[int, str]]:
    """(start, form) of each place-name candidate: a whole capitalised run (with particles if the whole is a
    listed place), its possessive dropped; never part of a longer name (Londres in "Café Londres")."""
    for run in _PARTICLE_RUN.finditer(text):
        found = _place_form(run.group())
        if found is not None:
            yield run.start() + found[0], found[1]


_FIRST_WORD = re.compile(r"\w+ ")
_POSSESSIVE = re.compile(r"(.*?['’]s) ")


@lru_cache(maxsize=20_000)
def _place_form(form: str) -> tuple[int, str] | None:
    """(offset in the run, form) of a capitalised run's place-name candidate, or None (the same runs recur)."""
    start = 0
    possessive = _POSSESSIVE.match(form)
    if possessive:
        form = possessive.group(1)      # Köln's Porz district: the possessor is the name, not the run
    first = _FIRST_WORD.match(form)
    if first and not _lookup(_bare(form)) and zipf(first.group().strip().lower()) >= 5.0:
        start, form = first.end(), form[first.end():]      # "In Francia": a capitalised first word
    tail = _HYPHEN_TAIL.search(form) or _DISTRICT_TAIL.search(form)
    if tail and not _lookup(_bare(form)) and _lookup(form[:tail.start()]):
        form = form[:tail.start()]      # Francfort-based, Mailand-born: an English compound on the place;
        # München-Riem, Köln-Porz: a city and its district, the city's name in the source's form
    if _lookup(_bare(form)) or _CAPITALISED_RUN.fullmatch(form):
        return start, _english_tail(_bare(form))  # a longer name with a particle (Vasco da Gama) is no place
    return None


def _english_tail(form: str) -> str:
    """The place at the head of a run whose other words are English (Estados Unidos President, Edimburgo Sheriff
    Court: a headline's or a compound's capitals), else the run itself."""
    words = form.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        head, tail = _bare(" ".join(words[:cut])), words[cut:]      # Viena's Central Cemetery
        if _lookup(head) and all(zipf(w.lower()) >= 3.0 and is_known(w.lower(), "en") for w in tail):
            return head
    return form


def _bare(form: str) -> str:
    for suffix in ("'s", "’s"):
        form = form.removesuffix(suffix)
    return form


def _lookup(form: str) -> tuple[str, ...]:
    return places().get(form) or places().get(form.replace("’", "'")) or ()


def _one_place(english: tuple[str, ...]) -> tuple[str, ...]:
    """A form for a place and a longer name of it (Nueva York: New York, New York City) names the shorter."""
    shortest = min(english, key=len, default="")
    return (shortest,) if english and all(e.startswith(shortest) for e in english) else english


OWN_CLDR = 0.5     # English Zipf a place needs when the form is the source language's CLDR name of it
OWN_NAME = 1.5     # ... when the form is the source language's own name by usage (after a preposition of place)


def _foreign(form: str, english: str, in_source: bool, lang: str | None, after_preposition: bool = False,
             after_bare: bool = False) -> bool:
    """The form is not English: unknown to English (Zipf < 2.5), or, when the source writes it too, a word the
    source language uses far more than English does and its own CLDR name (España, Roma, Brasil: Zipf at least 1
    higher; not an untagged GeoNames form: Frankfurt); Nice, Split,
    Reading, Island are English words. The place must be well known (English Zipf >= 3.5) unless the form is the
    source language's own (CLDR: Komoren, Bischkek); an untagged GeoNames alternate of a lesser place is too
    often a historical name the English uses as well (Anfa, Casa Branca for Casablanca)."""
    # a lower-case particle (Carolina del Sur, Corée du Nord) is no English spelling; wordfreq's estimate for a
    # phrase of frequent short words would be
    en = 0.0 if " " in form and any(w.islower() for w in form.split()) or _half_translated(form, english, lang) \
        else zipf(form.lower())
    own = in_source and (lang in tagged().get(form, ()) or (after_preposition and _source_exonym(form, en, lang))
                         or (after_bare and _source_city(form, english, en, lang)))
    # English often writes a Central European name without its diacritics (Wroclaw 2.3, Wrocław 1.9). The source
    # language's CLDR name of a place is never English, however rarely English names the place (Sarrebruck:
    # Saarbrücken 1.7, Aussig: Ústí nad Labem 1.0); its own name by usage (Corunha: A Coruña 1.8) nearly so.
    least = (OWN_CLDR if lang in tagged().get(form, ()) else OWN_NAME) if own else 3.5
    if max(zipf(english.lower()), zipf(anyascii(english).lower())) < least \
            or english.startswith(form + " ") or english.endswith(" " + form):
        return False        # Frankfurt for Frankfurt am Main, Coruña for A Coruña: a short form English uses too
    if en < 2.5:
        return in_source or (en == 0 and not form.isascii())
    return own and en < 4.0 and en <= zipf(form.lower(), lang) - 1.0


def _half_translated(form: str, english: str, lang: str | None) -> bool:
    """The English name with some of its words in the source language (Nova York, Nueva Escocia: New York, Nova
    Scotia) or after a word of it (Il Cairo: Cairo): wordfreq's estimate for such a phrase of common words (Nova
    York 3.9) is not the phrase's."""
    ours, theirs = form.split(), english.split()
    if lang is not None and len(ours) > len(theirs) and ours[-len(theirs):] == theirs:    # Il Cairo, El Cairo
        return all(zipf(w.lower(), lang) >= zipf(w.lower()) + 1.0 for w in ours[:-len(theirs)])
    if lang is None or len(ours) < 2 or len(ours) != len(theirs) or not set(ours) & set(theirs):
        return False
    return all(zipf(w.lower(), lang) >= zipf(w.lower()) + 1.0 for w, e in zip(ours, theirs) if w != e)


@lru_cache(maxsize=None)
def place_prepositions(lang: str | None) -> frozenset[str]:
    """Prepositions of place and direction of the source language (``names/place-prepositions.tsv``)."""
    return frozenset(w for r in read_table("names/place-prepositions.tsv") if r["lang"] == lang
                     for w in r["words"].split("|"))


@lru_cache(maxsize=None)
def bare_place_prepositions(lang: str | None) -> frozenset[str]:
    """The prepositions of place without a definite article in them (di, a, de; not del, al: del Napoli is a club)."""
    return place_prepositions(lang) - frozenset(w for r in read_table("names/place-prepositions.tsv")
                                                if r["lang"] == lang for w in r["article"].split("|"))


def _after_place_preposition(source: str, form: str, lang: str | None, bare: bool = False) -> bool:
    """Whether the source writes ``form`` right after a preposition of place (à Anvers, d'Anvers, da Vienna a
    Lipsia); ``bare``: one without an article (di Napoli, not del Napoli)."""
    words = bare_place_prepositions(lang) if bare else place_prepositions(lang)
    for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", source):
        before = re.search(r"(\w+['’]?)\s*$", source[:m.start()])
        if before and before.group(1).lower() in words:
            return True
    return False


def _translated_elsewhere(source: str, form: str, english: str, lang: str | None, document: DocumentWords) -> bool:
    """The translation writes the place's English name elsewhere (Seville's Calle Sierpes) and here copies the
    source's form (otra Sevilla: a different Sevilla), which English also uses for something else (a club): one
    form of a place in one article. Not a form that holds the English name or is part of it (Frankfurt am Main,
    Coruña of A Coruña), nor a form after a definite article in the source (el Sevilla, la Roma: the club)."""
    if english in form or form in english or not document.in_target(english) or " " in form:
        return False        # Frankfurt am Main beside Frankfurt; Coruña, the article-less A Coruña
    articles = definite_articles(lang)
    for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", source):
        before = re.search(r"(\w+['’]?)\s*$", source[:m.start()])
        if not (before and before.group(1).lower() in articles):
            return True
    return False


@lru_cache(maxsize=None)
def definite_articles(lang: str | None) -> frozenset[str]:
    """Definite articles of the source language (``names/determiners.tsv``, ``definite`` rows)."""
    return frozenset(w for r in read_table("names/determiners.tsv") if r["lang"] == f"{lang}:definite"
                     for w in r["words"].split("|"))


ENGLISH_WORD = 2.5      # a form English uses this much is a word or name of its own (Roma the people, Torino the club)
_DATELINE = re.compile(r"\s*[,(–—-]")


def _dateline(source: str, form: str) -> bool:
    """Whether the source segment opens with the form as a news dateline (Torino, 9 ottobre 2025 –): a place."""
    text = source.lstrip()
    return text.startswith(form) and _DATELINE.match(text, len(form)) is not None


def _source_exonym(form: str, en: float, lang: str | None) -> bool:
    """An untagged GeoNames form that is the source language's own name of the place (Lipsia, Anvers, Burdeos):
    one word (hyphens allowed), used by the source language (Zipf >= 2.5) at least 1.5 more than by English (which
    has it below 2), and no word of the source language's dictionary (Pire, Tempi, Russe are words that GeoNames
    also lists as places)."""
    if lang is None or " " in form:
        return False
    there = zipf(form.lower(), lang)
    return en < 2.0 and there >= 2.5 and there >= en + 1.5 and not is_known(form.lower(), lang)


def _source_city(form: str, english: str, en: float, lang: str | None) -> bool:
    """An untagged GeoNames form that English also knows (Napoli 3.3, Torino 2.9: football clubs), which the source
    writes as a place (after a preposition without an article: di Napoli, a Torino): the source language's own name
    when that language uses it at least 1.5 more than English does and English uses its own name more (Naples 3.6,
    Turin 3.3; not Sevilla, which English writes as often as Seville)."""
    return lang is not None and " " not in form and zipf(form.lower(), lang) >= en + 1.5 and zipf(english.lower()) > en


def _without(text: str, start: int, form: str, english: str) -> str:
    """The text with the form at ``start`` blanked out where the form is the English name after a source word (Il
    Cairo); a longer name that begins with the English one (Rio Grande do Sul: Rio Grande) is a place of its own."""
    if not form.endswith(" " + english):
        return text
    return text[:start] + " " * len(form) + text[start + len(form):]


_DERIVED = 3       # letters of a derived word's ending after a place's name: Lemberger, Moskauer, Pariser


def _derived(source: str, form: str) -> bool:
    """The source writes a word derived from the one-word form (im Lemberger Gebiet for Lemberg): the source
    language's adjective of its own name of the place. A four-letter name takes only the German -er (in der Kölner
    Südstadt: Köln; Wiener, Genfer), since a longer ending on so short a stem makes other words."""
    if " " in form or len(form) < 4:
        return False
    ending = f"[a-zà-ÿ]{{1,{_DERIVED}}}" if len(form) >= 5 else "er"
    return re.search(rf"(?<!\w){re.escape(form)}{ending}(?!\w)", source) is not None


def foreign_places(view: SegmentView, lang: str | None = None,
                   document: DocumentWords = DocumentWords()) -> Iterator[Finding]:
    """A city or country written as another language writes it (Mailand, Londres, Pekín, Corée du Nord) in the
    English target: not an English place name, names one place, stands outside quotes, is not English
    (``_foreign``), and stands in the source too (in the aligned segment, or elsewhere in the source document when
    it is the source language's tagged form), or is a plainly foreign word (English Zipf 0, not ASCII)."""
    for start, form in _place_runs(view.target):
        english = _one_place(_lookup(form))
        if len(english) > 1 and (form, lang) in own_exonyms():
            english = (own_exonyms()[(form, lang)],)       # the source language's place (Mosel: Moselle)
        if len(english) != 1 or _inside_quotes(view.target, start) or (form, lang) in home_towns():
            continue        # (a town of the source's country: Tolosa in a Spanish source is not Toulouse)
        in_source = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", view.source) is not None
        # a form English uses too (Sevilla) only where the article writes the English name elsewhere
        also_english = anyascii(form).casefold() in english_places()
        if also_english and not (in_source and _translated_elsewhere(view.source, form, english[0], lang, document)):
            continue
        dateline = in_source and _dateline(view.source, form)
        own_form = lang in tagged().get(form, ())
        in_source = in_source or (own_form and (document.in_source(form) or _derived(view.source, form)))
        after_preposition = dateline or (in_source and _after_place_preposition(view.source, form, lang))
        after_bare = dateline or (after_preposition and _after_place_preposition(view.source, form, lang, bare=True))
        if not (_foreign(form, english[0], in_source, lang, after_preposition, after_bare) or also_english) \
                or (zipf(form.lower()) >= ENGLISH_WORD and re.search(rf"(?<!\w){re.escape(english[0])}(?!\w)",
                                                                     _without(view.target, start, form, english[0]))):
            continue    # Roma people in Rome (not the Cairo of Il Cairo itself)
        yield Finding(
            "name", "major", PLACE_RULE, "locale/convention",
            f"“{form}” is the {'source-language' if in_source else 'foreign'} name of {english[0]}; "
            f"English writes “{english[0]}”", f"write “{english[0]}”", view.segment.id,
            target_span=view.target_span(start, start + len(form)),
            source_span=view.source_span(*_name_evidence(view, form, english[0], lang)))


TRUNCATED_RULE = "name-place-truncated"


def truncated_places(view: SegmentView) -> Iterator[Finding]:
    """A place of several words in the source whose English name does not begin with its first word, rendered by
    that first word alone, itself another place (Monaco di Baviera: Munich, not Monaco; session 14). Not where
    English keeps the first word (Santiago de Compostela, Frankfurt am Main: Frankfurt) or writes the English name."""
    for start, form in _place_runs(view.source):
        english = _one_place(_lookup(form))
        head = form.split(" ")[0]
        if " " not in form or len(english) != 1 or english[0].split(" ")[0] == head or head not in places() \
                or english[0] in _lookup(head) or english[0] in view.target:
            continue
        at = re.search(rf"(?<!\w){re.escape(head)}(?!\w)", view.target)
        if at is None:
            continue
        yield Finding(
            "name", "major", TRUNCATED_RULE, "accuracy/mistranslation",
            f"“{form}” is {english[0]}; “{head}” alone names another place", f"write “{english[0]}”",
            view.segment.id, target_span=view.target_span(*at.span()),
            source_span=view.source_span(start, start + len(form)))


DIACRITIC_RULE = "name-diacritics-kept"
_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞŠŽČŁ][\w'’-]*\w")


@lru_cache(maxsize=None)
def diacritic_letters(lang: str | None) -> frozenset[str]:
    """The letters with diacritics of the source language's own spelling (``names/diacritics.tsv``)."""
    return frozenset(c for r in read_table("names/diacritics.tsv") if r["lang"] == lang for c in r["letters"])


def kept_diacritics(view: SegmentView, lang: str | None, document: str = "") -> Iterator[Finding]:
    """A place that English writes without diacritics, copied from the source with the source language's own
    accents (París, Haïti, Áustria, Panamá). Personal names are left alone: English often keeps their accents
    (José, López), also where the surname stands alone after the document gave the full name (Faustino Rodríguez
    Prieto ... Rodríguez explained); so are a place's own diacritics (Chişinău)."""
    letters = diacritic_letters(lang)
    for m in _WORD.finditer(view.target):
        word = m.group()
        plain = anyascii(word)
        if word.isascii() or plain not in ascii_english_places() or zipf(plain.lower()) < 3.0 \
                or _inside_quotes(view.target, m.start()) or any(c not in letters for c in word if not c.isascii()):
            continue        # Chişinău, Kraków: the place's own diacritics, which English often keeps
        run = _run_around(view.target, m.start(), m.end())
        if run != word and _CAPITALISED_RUN.fullmatch(run) and not _english_words_after(run, word) \
                or _after_given_name(word, document):
            continue        # part of a longer name: Eduardo Rodríguez Veltzé (not Taïwan Strait, Panamá Canal)
        at = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", view.source)
        if at is None:
            continue
        yield Finding(
            "name", "minor", DIACRITIC_RULE, "locale/convention",
            f"“{word}” keeps the source's diacritics; English writes “{plain}”", f"write “{plain}”",
            view.segment.id, target_span=view.target_span(*m.span()), source_span=view.source_span(*at.span()))


NAME_ZIPF = 4.0     # a capitalised neighbour English uses less than this is a name's other word, not "The"


def _after_given_name(word: str, document: str) -> bool:
    """The document writes ``word`` after a capitalised word English rarely uses (Faustino Rodríguez): a surname."""
    return any(zipf(m.group(1).lower()) < NAME_ZIPF
               for m in re.finditer(rf"(?<![\w'’-])([A-ZÀ-ÖØ-ÞŠŽČŁ][\w'’-]*) {re.escape(word)}(?![\w'’-])", document))


def _english_words_after(run: str, word: str) -> bool:
    """Whether the run is the word followed only by English words (Taïwan Strait, Panamá Canal): an English name
    built on the place, not a longer foreign name (Rodríguez Veltzé, Perú Libre)."""
    words = run.split(" ")
    return words[0] == word and len(words) > 1 \
        and all(zipf(w.lower()) >= 3.0 and is_known(w.lower(), "en") for w in words[1:])


def _run_around(text: str, start: int, end: int) -> str:
    """The capitalised run that contains text[start:end]."""
    for run in _CAPITALISED_RUN.finditer(text):
        if run.start() <= start and end <= run.end():
            return run.group()
    return text[start:end]


QUOTED_WORDS = 4       # a quotation of up to this many words is a title or a term, kept as written


def _inside_quotes(text: str, at: int) -> bool:
    """Inside a short quotation (a title, a term: “Tombouctou”); a quoted sentence is translated speech, and so is
    a short one with a lower-case word of five letters or more, which a title in English capitals lacks (“That was a
    different Sevilla”)."""
    marks = list(_QUOTED.finditer(text))
    before = [m for m in marks if m.start() < at]
    if len(before) % 2 == 0:
        return False
    end = next((m.start() for m in marks if m.start() >= at), len(text))
    words = text[before[-1].end():end].split()
    return len(words) <= QUOTED_WORDS and not any(w.isalpha() and w.islower() and len(w) >= 5 for w in words)


def two_spellings(views: Callable[[], Iterable[SegmentView]]) -> Iterator[Finding]:
    """The same name written with and without diacritics in one translation: flag the rarer spelling.

    ``views`` is called twice (a count, then the findings), so that a long document can be read twice from disk
    rather than held: what is kept is a count per spelling."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)      # ASCII key -> {casefolded spelling: count}
    first: dict[tuple[str, str], str] = {}                     # (key, casefolded) -> the spelling seen first
    for view in views():
        for word in _long_capitalised(view.target):
            key, form = anyascii(word).casefold(), word.casefold()   # "NIGEL" and "Nigel" are one spelling
            counts[key][form] = counts[key].get(form, 0) + 1
            first.setdefault((key, form), word)
    usual = {}
    for key, forms in counts.items():
        if len(forms) > 1:
            form = max(sorted(forms), key=lambda f: (forms[f], f == anyascii(f)))
            usual[key] = (form, first[key, form])
    if not usual:
        return
    for view in views():
        for match in _CAPITALISED.finditer(view.target):
            word = match.group()
            if len(word) < 4 or (key := anyascii(word).casefold()) not in usual:
                continue
            form, spelled = usual[key]
            if word.casefold() != form:
                yield Finding("name", "minor", "name-two-spellings", "terminology/inconsistent",
                              f"“{word}” is also written “{spelled}” in this translation",
                              f"use one spelling: “{spelled}”", view.segment.id,
                              target_span=view.target_span(*match.span()),
                              source_span=view.source_span(*_name_evidence(view, word, spelled, None)))


def _long_capitalised(text: str) -> Iterator[str]:
    return (m.group() for m in _CAPITALISED.finditer(text) if len(m.group()) >= 4)
