"""Russian (and other Cyrillic-script) names relayed through the source language's own transcription.

A German article writes Lawrow, Jewgeni, Tschaikowski; a French one Poutine, Khrouchtchev; a Spanish one Jrushchov.
A translation that copies the word into English keeps another language's system. Each capitalised word that the
English copies letter for letter from the source is read back into Cyrillic with ``names/relayed.tsv`` (the
source language's newsroom transcription, backwards), and the English press form of that reading
(``names/established.tsv``, else the romanisation of ``transliteration.py``) is compared with it.

Reported (``name-relayed-<src>``) only where the reading is an East Slavic name (``names/slavic.txt`` endings)
that English spells otherwise, and either English attests its own form more often than the copied one (Zipf,
``major``), or neither is an English word and the two differ in two places or more (``minor``): German names of
Slavic origin (Modrow, Pankow, Virchow) differ in one place or are English words already, and stay quiet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, Iterator

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.names import NAME_ZIPF, diacritic_letters
from tqcheck.checks.respelled_names import respelled
from tqcheck.checks.transliteration import LATIN_WORD, _slavic, english_forms, is_accepted, similarity, whole_word
from tqcheck.lang import name
from tqcheck.model import Finding
from tqcheck.morph import zipf
from tqcheck.resources import read_table, read_words

LANGUAGES = frozenset({"de", "fr", "es", "it", "pt"})
ATTESTED = 1.5      # Zipf from which English is taken to use its form of the name
MARGIN = 0.5        # ... and by how much more often than the copied spelling
UNKNOWN = 1.0       # Zipf under which neither spelling is an English word
SOURCE_WORD = 1.0   # Zipf from which the source language itself uses a word
OWN = 0.5           # an accented word its source language uses at most this much less than Russian uses the reading
READINGS = 16       # Cyrillic readings kept per word (ambiguous letters multiply them)
NAMES = frozenset({"Surn", "Name", "Patr"})


@dataclass(frozen=True)
class Row:
    latin: str
    cyrillic: tuple[str, ...]
    position: str
    own: bool            # the language's own row (before the shared * rows)


@lru_cache(maxsize=None)
def rows(lang: str) -> dict[str, tuple[Row, ...]]:
    """First letter -> rows that start with it, longest first, the language's own before the shared ones."""
    out: dict[str, list[Row]] = {}
    for r in read_table("names/relayed.tsv"):
        if r["lang"] in (lang, "*"):
            row = Row(r["latin"], tuple(r["cyrillic"].split("|")), r["position"], r["lang"] == lang)
            out.setdefault(row.latin[0], []).append(row)
    return {k: tuple(sorted(v, key=lambda x: (-len(x.latin), not x.own, x.position == "any"))) for k, v in out.items()}


@lru_cache(maxsize=None)
def markers(lang: str) -> re.Pattern[str] | None:
    """Letters only the source language's transcription uses (``names/relayed-markers.tsv``), as one regex."""
    found = [r["marker"] for r in read_table("names/relayed-markers.tsv") if r["lang"] == lang]
    return re.compile("|".join(f"(?:{m})" for m in found)) if found else None


def _row_at(word: str, i: int, table: dict[str, tuple[Row, ...]]) -> Row | None:
    for row in table.get(word[i], ()):
        end = i + len(row.latin)
        if word.startswith(row.latin, i) and (row.position != "initial" or i == 0) \
                and (row.position != "final" or end == len(word)):
            return row
    return None


@lru_cache(maxsize=50_000)
def readings(word: str, lang: str) -> tuple[tuple[str, int], ...]:
    """(Cyrillic reading, cost) of a source-transcribed word, cheapest first: the cost counts the letters read
    with a less likely alternative. () when some letter has no reading."""
    table, word = rows(lang), word.lower()
    out, i = [("", 0)], 0
    while i < len(word):
        row = _row_at(word, i, table)
        if row is None:
            return ()
        # Alternatives outermost: among readings of equal cost, the earlier letter's alternative comes first.
        out = sorted(((r + c, cost + k) for k, c in enumerate(row.cyrillic) for r, cost in out), key=lambda x: x[1])
        out = out[:READINGS]
        i += len(row.latin)
    return tuple(out)


@lru_cache(maxsize=1)
def _surname_endings() -> re.Pattern[str]:
    endings = read_words("names/relayed-surnames.txt")
    # two letters of stem at least: гов (Le Goff) is no surname, Лавров and Путин are
    return re.compile(f"(?<=\\w\\w)(?:{'|'.join(sorted(endings, key=len, reverse=True))})$")


def reads_as_surname(word: str, lang: str) -> bool:
    """Whether some Cyrillic reading of a source-transcribed word has a surname ending of Russia and its neighbours
    (Navalni: навальний): a relayed name, whose English form may differ from the source's (Navalny)."""
    return any(_surname_endings().search(c) for c, _ in readings(word, lang))


def renders_relayed(target: str, word: str, lang: str) -> bool:
    """Whether ``target`` is an accepted English romanisation of a Cyrillic name that the source-transcribed ``word``
    may stand for (Serguéi: Sergei; Alexéi: Alexei): English's own form of a relayed name, not another name."""
    return any(is_accepted(target, c, "ru") or is_accepted(target, c, "uk") for c, _ in readings(word, lang))


def _given(cyrillic: str) -> bool:
    """A given name or patronymic in pymorphy3's dictionary (Евгений, Сергей)."""
    if not morph.is_known(cyrillic, "ru"):       # a dictionary look-up, far cheaper than parsing a guess
        return False
    parses = morph.parses(cyrillic, "ru")
    return bool(parses) and parses[0].normal_form == cyrillic and bool({"Name", "Patr"} & parses[0].tag.grammemes)


def _rank(cyrillic: str) -> int:
    """0 an established name, 1 a surname or given name in pymorphy3's dictionary, 2 another dictionary word, 3
    unknown (pymorphy3 guesses a name tag for any unknown word, so only known words count)."""
    from tqcheck.checks.transliteration import established

    if ("ru", cyrillic) in established():
        return 0
    if not morph.is_known(cyrillic, "ru"):
        return 3
    parses = morph.parses(cyrillic, "ru")
    return 1 if parses[0].normal_form == cyrillic and NAMES & parses[0].tag.grammemes else 2


@lru_cache(maxsize=1)
def _established_people() -> frozenset[tuple[str, str]]:
    return frozenset((r["lang"], r["cyrillic"]) for r in read_table("names/established.tsv") if r["kind"] == "person")


def _surname(cyrillic: str) -> bool:
    """A surname in pymorphy3's dictionary (Шойгу): a name of Russia even without a Slavic ending."""
    if not morph.is_known(cyrillic, "ru"):
        return False
    parses = morph.parses(cyrillic, "ru")
    return bool(parses) and parses[0].normal_form == cyrillic and "Surn" in parses[0].tag.grammemes


def _source_own(word: str, lang: str, readings: list[tuple[str, int]]) -> bool:
    """An accented word the source language itself uses about as often as Russian uses its reading is the source
    language's own name (Ramón, Martín, Rubén, Botín: Рамон, Мартин are rarer in Russian), not a transcription of a
    Russian one (Serguéi 2.6 in Spanish, Сергей 5.2 in Russian; Shoigú is unknown to Spanish)."""
    if word.isascii():
        return False
    own = zipf(word.lower(), lang)
    return own >= SOURCE_WORD and own >= max(zipf(c, "ru") for c, _ in readings) - OWN


def _differences(a: str, b: str) -> int:
    ops = SequenceMatcher(None, anyascii(a).lower(), anyascii(b).lower()).get_opcodes()
    return sum(op != "equal" for op, *_ in ops)


def _english(word: str, cyrillic: str) -> str:
    """The English form of a reading: the Ukrainian romanisation where the written word renders г as Ukrainian
    does, without the Russian g, and is closer to it (Bohomasow: Bohomazov; Hončarenko: Honcharenko), else the
    Russian (Jewgeni: Yevgeny; Tokaïev: Tokayev)."""
    russian, ukrainian = english_forms(cyrillic, "ru")[0], english_forms(cyrillic, "uk")[0]
    ukrainian_g = "г" in cyrillic and "g" not in anyascii(word).lower()
    return ukrainian if ukrainian_g and similarity(word, ukrainian) > similarity(word, russian) else russian


@dataclass(frozen=True)
class Relay:
    fixes: tuple[str, ...]      # English forms, the one to suggest first
    severity: str
    given: bool = False         # a given name: reported only next to a relayed surname (Jewgeni Prigoschin)


@lru_cache(maxsize=50_000)
def relayed(word: str, lang: str) -> Relay | None:
    """How English writes the name this source-transcribed word stands for, if the word is not already that.

    Of the readings that are East Slavic names, those best known (established, a name to pymorphy3, a word) count;
    if English accepts the word for one of them it is right. Otherwise the English form of the cheapest reading is
    suggested, with the next one where a single letter is ambiguous (German sch: ш or ж)."""
    found = [(c, cost) for c, cost in readings(word, lang)
             if _surname_endings().search(c) or _surname(c) or _given(c) or ("ru", c) in _established_people()]
    if not found:
        return None
    best = min(_rank(c) for c, _ in found)
    top = [(c, cost) for c, cost in found if _rank(c) == best]
    if any(is_accepted(word, c, "ru") or is_accepted(word, c, "uk") for c, _ in top):
        return None
    if _source_own(word, lang, top):
        return None
    cheapest = top[0][1]
    fixes = tuple(dict.fromkeys(_english(word, c) for c, cost in top if cost <= cheapest + 1))
    # A second reading only where one letter may stand for two (German sch: Shaksylykov or Zhaksylykov), not where
    # it adds a soft sign or an iotated vowel (Yarmolyenko), and never beside a dictionary name.
    fixes = fixes[:1] + tuple(f for f in fixes[1:2] if best > 1 and len(f) == len(fixes[0]))
    given = all(_given(c) for c, _ in top)
    fix = fixes[0]
    copied, english = zipf(word.lower()), zipf(fix.lower())
    if english >= ATTESTED and english >= copied + MARGIN:
        return Relay(fixes, "major", given)
    # The copied spelling unknown to English: the shape decides. A name in the dictionary may differ anywhere; any
    # other reading must carry a letter of the source convention (not a German name of Slavic origin, Modrow, nor an
    # English spelling copied from a German source, Chaadayev), and not end in -ski: an unknown -ski is as likely
    # Polish (Jankowski), whose spelling English keeps.
    marked = markers(lang) is not None and markers(lang).search(word.lower()) is not None
    shaped = best <= 1 or (marked and not word.lower().endswith("ski"))
    if copied < UNKNOWN and _differences(word, fix) >= 1 and shaped:
        return Relay(fixes, "minor", given)
    if not word.isascii() and anyascii(word).lower() == fix.lower():     # the source's accents kept: Tokáyev
        return Relay(fixes, "minor", given)
    return None


class RelayedNameCheck:
    name = "relayed-name"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if ctx.source_lang not in LANGUAGES:
            return
        for view in ctx.aligned:
            yield from self._segment(view, ctx.source_lang)

    def _segment(self, view: SegmentView, lang: str) -> Iterable[Finding]:
        found = []
        for m in LATIN_WORD.finditer(view.target):
            word = m.group()
            # (the substring test first: most target words are not in the source at all, and it is far cheaper)
            at = whole_word(word).search(view.source) if len(word) >= 4 and word in view.source else None
            relay = relayed(word, lang) if at else None     # only a spelling copied from the source is a relay
            if relay:
                found.append((m, at, relay))
            elif at and not _in_compound(view.target, m) \
                    and (english := respelled(word, lang, diacritic_letters(lang))) \
                    and not (english.lower() == anyascii(word).lower() and _in_full_name(view.target, m)):
                yield self._respelled(view, m, at, english, lang)
        # A given name alone may be anyone's (Joko, Karin); next to a relayed surname it is part of the same name.
        surnames = [m for m, _, relay in found if not relay.given]
        alone = [(m, at) for m, at, relay in found if relay.given and not _beside_surname(view.target, m, lang)
                 and not any(_adjacent(view.target, m, other) for other in surnames)]
        yield from self._foreign_pair(view, alone, lang)
        for m, at, relay in found:
            if (m, at) in alone:
                continue
            options = " or ".join(f"“{f}”" for f in relay.fixes)
            yield Finding(
                "name", relay.severity, f"name-relayed-{lang}", "terminology/inconsistent",
                f"“{m.group()}” is the {name(lang)} transcription of a Russian-script name, copied from the source; "
                f"English writes {options}",
                f"write {options} (or another established English form)", view.segment.id,
                target_span=view.target_span(m.start(), m.end()),
                source_span=view.source_span(at.start(), at.end()))

    def _foreign_pair(self, view: SegmentView, alone: list[tuple[re.Match, re.Match]], lang: str) -> Iterator[Finding]:
        """Given-name readings with no Russian surname beside them that are two words of one name, each a foreign
        name in the source's spelling (Chalid Dschaber: Khalid Jaber): ``name-transcribed``, not Russian at all.
        One alone stays quiet (Joko Widodo: Joko would read as Yoko)."""
        english = {m.start(): respelled(m.group(), lang, diacritic_letters(lang)) for m, _ in alone}
        for m, at in alone:
            if english[m.start()] and any(english[o.start()] and _adjacent(view.target, m, o) for o, _ in alone):
                yield self._respelled(view, m, at, english[m.start()], lang)

    @staticmethod
    def _respelled(view: SegmentView, m: re.Match, at: re.Match, english: str, lang: str) -> Finding:
        accents = anyascii(m.group()).lower() == english.lower()
        what = "diacritics" if accents else "spelling"
        return Finding(
            "name", "minor" if accents else "major", f"name-transcribed-{lang}", "terminology/inconsistent",
            f"“{m.group()}” keeps the {name(lang)} {what} of a foreign name, copied from the source; English "
            f"writes “{english}”", f"write “{english}”", view.segment.id,
            target_span=view.target_span(m.start(), m.end()), source_span=view.source_span(at.start(), at.end()))


def _in_compound(text: str, m: re.Match) -> bool:
    """Part of a hyphenated name (Sankt-Jakobus-Gymnasium): an institution's name, kept as written."""
    return text[m.start() - 1:m.start()] == "-" or text[m.end():m.end() + 1] == "-"


_NEIGHBOUR = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]*")


def _in_full_name(text: str, m: re.Match) -> bool:
    """The word stands beside another capitalised word that is no common English word (Hélder Pimentel, Marcos
    Vinícius Andrade): a person's full name, whose accents are the bearer's own spelling, which English keeps."""
    before = re.search(r"([A-ZÀ-ÖØ-Þ][\w’'-]*) $", text[max(0, m.start() - 40):m.start()])
    after = _NEIGHBOUR.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return any(n and zipf(n.group(1 if n is before else 0).lower()) < NAME_ZIPF for n in (before, after))


def _patronymic(cyrillic: str) -> bool:
    """A patronymic in pymorphy3's dictionary (Абрамович), which is also a surname's form."""
    return morph.is_known(cyrillic, "ru") and any("Patr" in p.tag.grammemes for p in morph.parses(cyrillic, "ru")[:1])


_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w’'-]*) $")


def _beside_surname(text: str, m: re.Match, lang: str) -> bool:
    """A relayed given name or patronymic that is part of a Russian name all the same: a patronymic's form as the
    last word of a name after a given name (Arkadij Abramovič: Абрамович is a surname there; Elena Marín stays, Марин
    is a given name's reading), or a given name before
    a word that reads as a Russian surname (Ilja Repin: Репин), which English may write as it is."""
    before = _BEFORE.search(text[max(0, m.start() - 40):m.start()])
    after = _NEIGHBOUR.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    if before and not after and zipf(before.group(1).lower()) < NAME_ZIPF \
            and any(_patronymic(c) for c, _ in readings(m.group(), lang)[:2]):
        return True
    return after is not None and any(_surname(c) or _surname_endings().search(c) and _rank(c) <= 1
                                     for c, _ in readings(after.group(), lang)[:2])


def _adjacent(text: str, a: re.Match, b: re.Match) -> bool:
    """Two words of one written name: next to each other, one space (or a hyphen) apart."""
    first, second = sorted((a, b), key=lambda m: m.start())
    return first is not second and text[first.end():second.start()] in (" ", "-")
