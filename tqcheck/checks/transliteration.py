"""Cyrillic names (ru, uk sources): the English forms a name may take, and the spellings that betray another system.

A source name is lemmatised first (``morph.nominatives``; ``names/lemma-endings.tsv`` for surnames the dictionary
lacks), so that the genitive Арсеньева is checked and corrected as Арсеньев. A target spelling is accepted when
it is one of the combinations English uses (``names/romanisations-<lang>.tsv``: BGN/PCGN, simplified press and
Wikipedia forms, the Ukrainian 2010 system) or an established form (``names/established.tsv``: Kyiv/Kiev,
Tchaikovsky, Shakhtar). It is reported when it follows another language's system (``translit-cyrl-de/fr``,
``translit-scholarly``, a Russian reading of a Ukrainian name) or, for an East Slavic name, when it matches no
accepted form although it plainly renders that name. Suggestions are nominative press forms (``translit-<lang>``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, Iterator

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.model import Finding
from tqcheck.morph import zipf
from tqcheck.resources import read_table, read_words

CYRILLIC_WORD = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’-]*[а-яёіїєґ]|[А-ЯЁІЇЄҐ]{2,}")
# A capitalised Latin word in English text (letters with diacritics too: Shoigú, Žadan), without a possessive.
# a capitalised word; an apostrophe before three lower-case letters is a soft sign inside it (Gor'kij, Vysoc'kyj in
# scholarly transliteration), not an English clitic ('s, 't, 'll) nor an Irish or Italian prefix (O'Neill, D'Alema)
LATIN_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞŠŽČŁ]\w*(?:['’](?=[a-zà-ÿ]{3})\w+)*")
_SENTENCE_OPENERS = frozenset(".!?…:«\"“„(—–-")     # a word after one of these (and spaces) starts a sentence
SIMILAR = 0.75          # ratio from which a target word is taken to render a source name
FOREIGN_COPY = 0.9      # ratio to a foreign system's rendering (with its tell-tale letters) that names the word


def _ascii(word: str) -> str:
    return anyascii(word).casefold()


@lru_cache(maxsize=200_000)
def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _ascii(a), _ascii(b)).ratio()


def similar(a: str, b: str, threshold: float) -> bool:
    """``similarity(a, b) >= threshold``, answered without aligning the two where the letters they share cannot
    reach it: SequenceMatcher matches no more letters than both words hold (difflib's ``quick_ratio`` bound), and
    most pairs a document-wide comparison meets share few."""
    x, y = _ascii(a), _ascii(b)
    if x and y and 2.0 * sum(min(x.count(c), y.count(c)) for c in set(x)) / (len(x) + len(y)) < threshold:
        return False
    return similarity(a, b) >= threshold


# --- letter tables -------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _table(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    initial, other = {}, {}
    for row in read_table(f"names/translit-{lang}.tsv"):
        if row["position"] in ("initial", "any"):
            initial[row["cyrillic"]] = row["latin"]
        if row["position"] in ("other", "any"):
            other[row["cyrillic"]] = row["latin"]
    return initial, other


@lru_cache(maxsize=None)
def _forms_table(lang: str, own: bool = True) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Cyrillic chunk -> accepted spellings, initial and other; ``own`` adds the forms only a bearer's own spelling
    has (the ``own`` column: sch for щ)."""
    initial, other = {}, {}
    for row in read_table(f"names/romanisations-{lang}.tsv"):
        forms = tuple(row["forms"].split("|"))
        if own and row.get("own"):
            forms += tuple(row["own"].split("|"))
        if row["position"] in ("initial", "any"):
            initial[row["cyrillic"]] = forms
        if row["position"] in ("other", "any"):
            other[row["cyrillic"]] = forms
    return initial, other


def _chunks(word: str, initial: dict, other: dict) -> Iterator[tuple[str, object]]:
    """Longest-first cut of a lower-case word into table entries: (letters, table value or None)."""
    i = 0
    while i < len(word):
        table = initial if i == 0 or not word[i - 1].isalpha() else other
        for size in (3, 2, 1):
            chunk = word[i:i + size]
            if len(chunk) == size and chunk in table:
                yield chunk, table[chunk]
                i += size
                break
        else:
            yield word[i], None
            i += 1


@lru_cache(maxsize=100_000)
def romanise(word: str, lang: str) -> str:
    """Romanise one word with the language's table (multi-letter rules first)."""
    initial, other = _table(lang)
    text = "".join(anyascii(c) if value is None else value for c, value in _chunks(word.lower(), initial, other))
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=100_000)
def _accepted_pieces(lemma: str, lang: str, own: bool = True) -> tuple[tuple[str, ...], ...]:
    """For each chunk of this Cyrillic word, in order, the ASCII spellings English uses for it (``own``: with the
    forms of a bearer's own spelling)."""
    initial, other = _forms_table(lang, own)
    return tuple((_ascii(chunk),) if forms is None else forms
                 for chunk, forms in _chunks(lemma.lower(), initial, other))


def accepted_spelling(word: str, lemma: str, lang: str, own: bool = True) -> bool:
    """Whether ``word`` (ASCII, lower-cased) is a spelling English uses for this Cyrillic word: one spelling of each
    chunk, in order. (Followed as the set of places in ``word`` each chunk can end at: the regex of the same
    alternations answered the same, but compiling one for each new name cost more than all its matches.)"""
    ends = {0}
    for spellings in _accepted_pieces(lemma, lang, own):
        ends = {end + len(s) for end in ends for s in spellings if word.startswith(s, end)}
        if not ends:
            return False
    return len(word) in ends


@lru_cache(maxsize=None)
def established() -> dict[tuple[str, str], tuple[str, ...]]:
    """(lang, cyrillic nominative) -> English forms, the preferred one first."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in read_table("names/established.tsv"):
        forms = tuple(row["english"].split("|"))
        for lang in (("ru", "uk") if row["lang"] == "any" else (row["lang"],)):
            out[lang, row["cyrillic"]] = forms
    return out


def english_forms(lemma: str, lang: str) -> tuple[str, ...]:
    """Established forms of this nominative, or its press romanisation (the first is the one to suggest)."""
    known = established().get((lang, lemma.lower()))
    if known:
        return known
    text = romanise(lemma, lang)
    if lang == "ru" and text.endswith("iy"):         # the English press shortens -iy: Dmitry, Dostoevsky
        text = text[:-2] + "y"
    return (text,)


@lru_cache(maxsize=200_000)
def is_accepted(target_word: str, lemma: str, lang: str) -> bool:
    word = target_word.casefold()
    if any(word == form.casefold() for form in english_forms(lemma, lang)):
        return True
    return word.isascii() and accepted_spelling(word, lemma, lang)


def own_form_only(target_word: str, name: "SourceName", lang: str) -> bool:
    """Whether ``target_word`` is accepted for this name only through a bearer's own form (Scherbakov for Щербаков:
    sch for щ), not as an established form nor by the forms English itself uses."""
    word = target_word.casefold()
    if not word.isascii():
        return False
    lemmas = [x for x in name.lemmas if is_accepted(target_word, x, lang)]
    return bool(lemmas) and not any(word == f.casefold() for x in lemmas for f in english_forms(x, lang)) \
        and not any(accepted_spelling(word, x, lang, own=False) for x in lemmas)


# --- lemmas ----------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _endings(lang: str, scope: str = "") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Oblique ending -> nominative endings, longest first: for unknown words (scope ""), or for dictionary words
    as extra readings (scope "known")."""
    rows = [(r["ending"], tuple(r["nominative"].split("|"))) for r in read_table("names/lemma-endings.tsv")
            if r["lang"] == lang and r["scope"] == scope]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@dataclass(frozen=True)
class SourceName:
    """A capitalised Cyrillic word of the source and the nominatives it may stand for (most likely first)."""
    text: str
    start: int
    lemmas: tuple[str, ...]
    tagged: bool          # pymorphy3 reads it as a personal or place name, or established.tsv lists it
    common: bool          # also a common word (Королева the queen, Магистратский): never reported on its own
    slavic: bool          # an East Slavic name: a nominative with a Slavic name ending (slavic.txt)
    given: bool = False   # read as a given name or patronymic (Владимир; also foreign ones: Дэвид)
    person: bool = False  # read as a personal name (Name, Surn, Patr), or a surname by its ending
    foreign: bool = False  # after a foreign given name (Джеймі Сімінов): only a tell-tale spelling is reported
    also: tuple[str, ...] = ()  # another declension's nominatives, accepted, never suggested (Игоре: the place Игора)
    governed: bool = False  # part of a name right after a preposition, so in an oblique case (для Сайфулло Саипова)
    namesake: tuple[str, ...] = ()  # after a street noun: the person's nominative the genitive names (улица Шейнкмана)
    russian: str = ""     # a Ukrainian's given name (beside a Ukrainian surname): its Russian counterpart (Ігор: Игорь)
    street: bool = False  # a person's name in the genitive that names a street (на проспекті Дмитра Яворницького)
    oblique: bool = False  # an adjective agreeing with the noun after it only in oblique cases (Костромской области)
    family: bool = False  # a surname's plural, the family (семья Ковалёвых, сыграли Строгановы)


@lru_cache(maxsize=100_000)
def name_lemmas(word: str, lang: str, gender: str | None = None) -> tuple[tuple[str, ...], bool, bool, bool]:
    """Nominatives a source word may stand for (most likely first, capitalised), whether it reads as a name,
    as a given name or patronymic, and as a common word. ``gender`` (masc, femn) drops the other gender's readings."""
    readings = [(n, g) for n, g in morph.nominatives(word, lang)
                if gender is None or not ({"masc", "femn"} - {gender}) & g]
    names = [n for n, g in readings if g & morph.NAME_TAGS]
    given = any(g & {"Name", "Patr"} for _, g in readings[:1])
    common = any(not g & morph.NAME_TAGS for _, g in readings) and morph.is_known(word, lang)
    tagged = bool(names)
    lemmas = names + [n for n, _ in readings[:3] if n not in names]
    # a surname after a given name that the dictionary knows only as a common word (Геннадия Сомова: сомова, a
    # short adjective) is read by its ending too (session 17)
    if not morph.is_known(word, lang) or not readings or (gender and not names):
        lower = word.lower()
        for ending, nominatives in _endings(lang):
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                forms = [lower[:-len(ending)] + n for n in nominatives]
                if gender:      # a feminine nominative ends in -а/-я, a masculine one does not
                    forms = [f for f in forms if f.endswith(("а", "я")) == (gender == "femn")] or forms
                lemmas = forms + lemmas
                break
    lemmas = lemmas or [word.lower()]
    tagged = tagged or any((lang, x) in established() for x in lemmas)
    unique = tuple(dict.fromkeys(x[:1].upper() + x[1:] for x in lemmas))
    return unique, tagged, given, common


# Texts up to this length (a segment, not a document) keep their names in ``_segment_names``' cache: five checks
# ask for the names of every segment, one after another over the whole document.
CACHED_TEXT = 2_000


def source_names(text: str, lang: str, document: frozenset[str] = frozenset()) -> list[SourceName]:
    """Capitalised Cyrillic words of a source segment that may be names (sentence-initial ones only when tagged).

    A surname after a given name takes its gender (Олексія Резнікова: Reznikov, not Reznikova); a surname alone
    that is also a feminine nominative (Шувалова) is the masculine's genitive when the source ``document`` (its
    words) names the man in the nominative elsewhere (Геннадий Шувалов)."""
    if len(text) > CACHED_TEXT or document:     # a document's words come with one check's pass only: asked once
        return _source_names(text, lang, document)
    return list(_segment_names(text, lang))


@lru_cache(maxsize=8_192)
def _segment_names(text: str, lang: str) -> tuple[SourceName, ...]:
    return tuple(_source_names(text, lang, frozenset()))


def _source_names(text: str, lang: str, document: frozenset[str]) -> list[SourceName]:
    out, gender, previous_end, foreign, governed, street, slavic_given = [], None, -2, False, False, False, False
    previous_word = ""
    for m in CYRILLIC_WORD.finditer(text):
        word = m.group()
        joined = m.start() == previous_end + 1 and text[previous_end] in " -"
        after_given = gender if m.start() == previous_end + 1 else None
        lemmas, tagged, given, common = name_lemmas(word, lang, after_given)
        if word.isupper() and len(word) > 1:
            lemmas, tagged, given, common = (word,), (lang, word.lower()) in established(), False, True
        elif after_given is None and len(lemmas) > 1 and lemmas[0] in document and word in lemmas[1:] \
                and lemmas[0] != word:
            lemmas = tuple(x for x in lemmas if x != word)      # по словам Шувалова, beside Геннадий Шувалов
        gender = _gender(word, lang, text[max(0, m.start() - 30):m.start()]) if given else None
        if gender and after_given is None and _gender(word, lang) is None:
            lemmas = name_lemmas(word, lang, gender)[0]     # защитника Дамира: Дамир only
        last_word, previous_end, previous_word = previous_word, m.end(), word
        # A name after a foreign one belongs to a foreign person (Джеймі Сімінов, Сайфулло Хабибуллаевич Саипов), whose
        # Latin spelling is their own whatever its Slavic-looking ending; hyphenated to one, it is no Slavic name at
        # all (Касівадзакі-Каріва).
        after_foreign = joined and foreign
        governed = (joined and governed) or _after_preposition(text[max(0, m.start() - 20):m.start()], lang) \
            or _apposed(text[max(0, m.start() - 30):m.start()], word, lang)
        slavic = any(_slavic(x) for x in lemmas) and not (after_foreign and text[m.start() - 1] == "-")
        foreign = after_foreign or _indeclinable_foreign(word, lang)
        # an East Slavic given name before: a Slavic surname after it is its bearer's (Геннадия Сомова) ...
        after_slavic_given, slavic_given = slavic_given, given and slavic
        if not tagged and _sentence_start(text, m.start()) and not _NEXT_NAME.match(text, m.end()):
            continue
        # a Slavic surname right after a given name is a person's where the dictionary reads it only as a common word (Сомова: сомовый); a surname it does not know at
        # all may be a Pole's or a Czech's, spelt their own way (Анна Огажинська: Anna Ogarzyńska)
        person = given or (after_given is not None and slavic and after_slavic_given and not tagged
                           and morph.is_known(word, lang)) \
            or any(g & {"Surn", "Name", "Patr"} for _, g in morph.nominatives(word, lang))
        namesake = _namesake(word, lang) if _after_street(text[max(0, m.start() - 30):m.start()], lang) else ()
        street = bool(namesake) or (joined and street and _genitive(word, lang))
        oblique = _oblique_before_noun(word, _next_lower(text, m.end()), lang)
        if oblique:     # Костромской области: not the masculine nominative Костромской
            lemmas = tuple(x for x in lemmas if x.lower() != word.lower()) or lemmas
        if not foreign and not given and _after_preposition(text[max(0, m.start() - 20):m.start()], lang) \
                and (word not in lemmas or len(lemmas) > 1) and not _compound_abbreviation(word, lang):
            # із Покровська, із Салтівки: after a preposition no reading is the nominative (Покровська the adjective,
            # Салтівки the plural), so the written word is a case form of another lemma
            lemmas, oblique = tuple(x for x in lemmas if x != word), True
        if after_given == "masc" and word.lower().endswith(("а", "я")) and word not in lemmas \
                and _masculine_oblique(last_word, lang):
            oblique = True  # Геннадия Сомова: after a man's given name in the genitive, the genitive (not Джо Аллева)
        family = _family(word, lang, document) if after_given is None else None
        if family:      # семья Ковалёвых, майстерня Бондарів, сыграли Строгановы: the family
            lemmas, person, oblique = (family,), True, True
        out.append(SourceName(word, m.start(), lemmas, tagged, common, slavic, given, person, after_foreign,
                              other_declension(word, lang), governed, namesake, street=street, oblique=oblique,
                              family=bool(family)))
    out = _before_surnames(out, text, lang)
    return _ukrainians(out, text) if lang == "uk" else out


def _family(word: str, lang: str, document: frozenset[str]) -> str | None:
    """The surname whose plural, in an oblique case, the word is (семья Ковалёвых, майстерня Бондарів: the
    Kovalyov family, the Bondars), or None: a plural reading the dictionary tags as a surname, or one whose
    nominative the source document writes as a name elsewhere (Петро Бондар). The dictionary must know the form
    (its guesses make a plural of any foreign name: Кавадарков, Теллис), and a word with a singular nominative
    reading as a name or noun is that one (Ольвія); a nominative plural counts only as a tagged surname."""
    if not morph.is_known(word, lang) or any(g & morph.NAME_TAGS or "NOUN" in g
                                             for _, g in morph.nominatives(word, lang) if "nomn" in g):
        return None
    for p in morph.parses(word, lang):
        lemma = p.normal_form[:1].upper() + p.normal_form[1:]
        # a nominative plural counts where the dictionary tags it a surname (сыграли Строгановы)
        oblique = p.tag.case not in ("nomn", "voct") or "Surn" in p.tag.grammemes
        if p.tag.POS == "NOUN" and p.tag.number == "plur" and oblique \
                and lemma.lower() != word.lower() and ("Surn" in p.tag.grammemes or lemma in document):
            return lemma
    return None


_NEXT_LOWER = re.compile(r" ([а-яёіїєґʼ'’]+)")


def _next_lower(text: str, end: int) -> str:
    m = _NEXT_LOWER.match(text, end)
    return m.group(1) if m else ""



@lru_cache(maxsize=50_000)
def _oblique_before_noun(word: str, noun: str, lang: str) -> bool:
    """Whether an adjective agrees with the lower-case noun after it only in oblique cases (Костромской области,
    Новосибирской области): its nominative reading (Костромской, masculine) does not agree with the noun."""
    parses = morph.parses(noun, lang) if noun else []
    # the word after must be read first as a noun, and not as a letter or an abbreviation: в (a preposition first,
    # the letter "в" only in the dictionary) after Елена Кайгородова is no noun for the name to agree with
    if not parses or parses[0].tag.POS != "NOUN":
        return False
    nouns = [p.tag for p in parses if p.tag.POS == "NOUN" and "Abbr" not in p.tag.grammemes]
    agreeing = [p.tag for p in morph.parses(word.lower(), lang) if p.tag.POS == "ADJF"
                and any(a.case == n.case and a.number == n.number and (a.number == "plur" or a.gender == n.gender)
                        for a in [p.tag] for n in nouns)]
    return bool(agreeing) and all(t.case != "nomn" for t in agreeing)


def _before_surnames(names: list[SourceName], text: str, lang: str) -> list[SourceName]:
    """A word right before a surname is a given name, a person's, whatever else it may be (Вікторія Шевчук: not
    the place Victoria nor the word victory)."""
    out = list(names)
    for i, (name, after) in enumerate(zip(names, names[1:])):
        if text[name.start + len(name.text):after.start] != " " \
                or not any("Surn" in g for _, g in morph.nominatives(after.text, lang)):
            continue
        if not name.person:
            out[i] = replace(name, person=True)
        elif name.given and not name.governed and _singular_oblique(name.text, lang):
            out[i] = replace(name, governed=True)   # За словами Мар'яни Гуменюк: one person, so not Мар'яни plural
    return out


def _singular_oblique(word: str, lang: str) -> bool:
    """A given name of the dictionary whose every singular reading is in an oblique case (Мар'яни, Марии): before a
    surname it names one person, so a plural nominative reading (Мар'яни, the Мар'яни) does not count."""
    singular = [p.tag for p in morph.parses(word.lower(), lang) if "Name" in p.tag.grammemes and p.tag.number != "plur"]
    return morph.is_known(word, lang) and bool(singular) and all(t.case != "nomn" for t in singular)


def _compound_abbreviation(word: str, lang: str) -> bool:
    """A listed compound abbreviation (в Минцифры: ``cyrillic-abbreviations.tsv``), which declines like no noun and
    which the untranslated check judges."""
    from tqcheck.checks.untranslated import cyrillic_abbreviations     # untranslated imports this module

    return any(word.lower() == k.lower() for k in cyrillic_abbreviations(lang) if not k.isupper())


def _masculine_oblique(word: str, lang: str) -> bool:
    """A man's given name of the dictionary whose every masculine reading is in an oblique case (Геннадия; not the
    indeclinable Джо)."""
    masculine = [p.tag for p in morph.parses(word.lower(), lang) if {"Name", "masc"} <= p.tag.grammemes]
    return bool(masculine) and all(t.case not in ("nomn", "voct") for t in masculine)


def _genitive(word: str, lang: str) -> bool:
    return any("gent" in p.tag.grammemes for p in morph.parses(word.lower(), lang))


def _apposed(before: str, word: str, lang: str) -> bool:
    """Whether the word just before is a common noun in the case every reading of the name is in, other than the
    nominative (із сином Тарасом: the son, Taras, both instrumental)."""
    m = _LAST_WORD.search(before[-30:])
    if not m or not m.group(1).islower():
        return False
    cases = {c for p in morph.parses(word.lower(), lang) for c in p.tag.grammemes & _CASES}
    if len(cases) != 1 or "nomn" in cases:
        return False
    return any(p.tag.POS == "NOUN" and cases <= p.tag.grammemes for p in morph.parses(m.group(1).lower(), lang)[:1])


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2", "acc2"})


@lru_cache(maxsize=None)
def _russian_given() -> dict[str, str]:
    """Ukrainian given name -> its Russian counterpart (``names/given-names-uk-ru.tsv``)."""
    return {r["uk"]: r["ru"] for r in read_table("names/given-names-uk-ru.tsv")}


@lru_cache(maxsize=1)
def _ukrainian_surname() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(read_words('names/surnames-uk.txt'))})$")


def _ukrainians(names: list[SourceName], text: str) -> list[SourceName]:
    """Mark a given name that stands beside a surname with a Ukrainian ending (Ігор Саєнко) with its Russian
    counterpart: the bearer is Ukrainian, so English writes the Ukrainian form (Ihor, not Igor). A Russian named in
    Ukrainian (Володимир Путін) has no such surname."""
    out = list(names)
    for i, name in enumerate(names):
        russian = next((_russian_given()[x] for x in name.lemmas if x in _russian_given()), "")
        if not russian:
            continue
        neighbours = [n for n in names[max(0, i - 1):i + 2] if n is not name and abs(n.start - name.start) <= len(
            name.text) + len(n.text) + 1 and text[min(n.start, name.start):max(n.start, name.start)].count(" ") <= 1]
        if any(_ukrainian_surname().search(x.lower()) for n in neighbours for x in n.lemmas[:1]):
            out[i] = replace(name, russian=russian)
    return out


@lru_cache(maxsize=None)
def street_heads(lang: str) -> dict[str, tuple[str, ...]]:
    """Lemma of a street, square or park noun -> the English words that head such a name (``street-heads.tsv``)."""
    return {r["lemma"]: tuple(r["english"].split("|"))
            for r in read_table("names/street-heads.tsv") if r["lang"] == lang}


def _after_street(before: str, lang: str) -> bool:
    """Whether the word just before is a street, square or park noun (на улице Шейнкмана, в сквере Пушкина)."""
    m = _LAST_WORD.search(before[-30:])
    return bool(m) and morph.lemma(m.group(1).lower(), lang) in street_heads(lang)


def _namesake(word: str, lang: str) -> tuple[str, ...]:
    """The nominatives of the word read as a personal name in the genitive (Шейнкмана: Шейнкман), capitalised."""
    return tuple(n[:1].upper() + n[1:] for n, g in morph.nominatives(word, lang)
                 if "gent" in g and g & {"Surn", "Name", "Patr"} and n != word.lower())


def street_fix(target_word: str, name: SourceName, lang: str) -> str | None:
    """The English form of the person a street is named after, when the target romanises the genitive instead and
    no nominative (Sheinkmana Street for улица Шейнкмана: Sheinkman Street); the caller has seen the English street
    word after the target word."""
    if not name.namesake or not target_word.isascii() or zipf(target_word.lower()) >= 2.0 \
            or not is_accepted(target_word, name.text, lang) \
            or any(is_accepted(target_word, x, lang) for x in name.namesake):
        return None
    return english_forms(name.namesake[0], lang)[0]


def _sentence_start(text: str, start: int) -> bool:
    """Does ``text[start:]`` start a sentence: nothing but spaces after an opener, or nothing before it? (Found from
    the last non-space character: a search of the whole prefix made a long segment quadratic.) Exactly what
    ``re.search(r"(?:^|[openers]\\s*)$", text[:start])`` says, whose ``$`` also matches before a final newline."""
    k = start
    while k and text[k - 1].isspace():
        k -= 1
    if k == 0:
        return start == 0 or text[:start] == "\n"
    if text[k - 1] == "-" and k == start:
        return False        # a hyphen joined to the word is a compound's (Ново-Савиновском), not a dash
    return text[k - 1] in _SENTENCE_OPENERS


_LAST_WORD = re.compile(r"(\w+) $")


def _after_preposition(before: str, lang: str) -> bool:
    """Whether the word just before is a preposition (every Russian and Ukrainian preposition governs an oblique
    case); ``before`` is the text before the word, its last 20 characters at least."""
    m = _LAST_WORD.search(before[-20:])
    return bool(m) and any(p.tag.POS == "PREP" for p in morph.parses(m.group(1).lower(), lang)[:1])


@lru_cache(maxsize=100_000)
def other_declension(word: str, lang: str) -> tuple[str, ...]:
    """Nominatives of another declension that a dictionary word's oblique form may also stand for
    (``lemma-endings.tsv`` scope ``known``: Игоре is the locative of Игорь, and of the place Игора)."""
    if not morph.is_known(word, lang):
        return ()
    lower = word.lower()
    return tuple(lower[:-len(e)] + n for e, ns in _endings(lang, "known") if lower.endswith(e) for n in ns)


def _indeclinable_foreign(word: str, lang: str) -> bool:
    """A personal name the dictionary reads as indeclinable (Fixd) only, without an East Slavic ending: a foreign given
    name or surname in Cyrillic (Джеймі, Сайфулло, Касівадзакі). Places (Сочи) start no person's name."""
    readings = morph.nominatives(word, lang)
    return bool(readings) and all("Fixd" in g and g & {"Name", "Surn", "Patr"} for _, g in readings) \
        and not any(_slavic(n) for n, _ in readings)


_NEXT_NAME = re.compile(r" [А-ЯЁІЇЄҐ][а-яёіїєґ]")


def _gender(word: str, lang: str, before: str = "") -> str | None:
    """The gender of a given name. Where its readings have both (Дамира, Фарида: a woman's nominative and the
    genitive of a man's name), the word before decides by its case when it agrees with the name (защитника Дамира:
    genitive, a man; 67-летняя Фарида: nominative, a woman; a preposition governs no nominative); else None."""
    readings = [g for _, g in morph.nominatives(word, lang) if g & {"Name", "Patr"}] \
        or [g for _, g in morph.nominatives(word, lang)[:1]]
    genders = {g for tags in readings for g in ("masc", "femn") if g in tags}
    if len(genders) > 1 and (m := _LAST_WORD.search(before[-30:])):
        # only a word that agrees with the name tells its case: an adjective, a person noun in apposition
        # (защитника), a preposition; not a noun of its own (начальник раскопа Марина: раскопа is no case of hers)
        parses = [p for p in morph.parses(m.group(1).lower(), lang)
                  if p.tag.POS in ("ADJF", "PRTF", "PREP") or p.tag.POS == "NOUN" and "anim" in p.tag.grammemes]
        cases = {c for p in parses for c in p.tag.grammemes & _CASES}
        if any(p.tag.POS == "PREP" for p in parses[:1]):
            cases = _CASES - {"nomn"}
        agreeing = [tags for tags in readings if tags & cases]
        genders = {g for tags in agreeing for g in ("masc", "femn") if g in tags} or genders
    return next(iter(genders)) if len(genders) == 1 else None


@lru_cache(maxsize=1)
def _slavic_endings() -> re.Pattern[str]:
    endings = set(read_words("names/slavic.txt"))
    return re.compile(rf"(?:{'|'.join(sorted(endings, key=len, reverse=True))})$")      # on nominatives


@lru_cache(maxsize=100_000)
def _slavic(word: str) -> bool:
    """Ends as an East Slavic name does (asked again and again of the same names: the search tries every ending
    at every letter)."""
    return bool(_slavic_endings().search(word.lower()))


# --- the check -------------------------------------------------------------------------------------------------

# Spellings of a Cyrillic name that English never uses: other languages' press conventions and, for
# Ukrainian names, a Russian reading.
_FOREIGN_SYSTEMS = {
    "ru": (("cyrl-de", "the German spelling"), ("cyrl-fr", "the French spelling"),
           ("scholarly", "the scholarly transliteration with diacritics")),
    "uk": (("cyrl-de", "the German spelling"), ("cyrl-fr", "the French spelling"),
           ("scholarly", "the scholarly transliteration with diacritics"),
           ("ru", "a Russian reading of the Ukrainian name")),
}


@lru_cache(maxsize=None)
def _telltales(stem: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """Letters whose rendering betrays this system (``telltale`` column: yes / known), initial and other; None when
    the table marks none (the system is then recognised by its whole shape)."""
    rows = read_table(f"names/translit-{stem}.tsv")
    if not rows or "telltale" not in rows[0]:
        return None
    initial, other = {}, {}
    for row in rows:
        if row["telltale"]:
            if row["position"] in ("initial", "any"):
                initial[row["cyrillic"]] = row["telltale"]
            if row["position"] in ("other", "any"):
                other[row["cyrillic"]] = row["telltale"]
    return initial, other


def betrays(target_word: str, lemma: str, stem: str, lang: str, known: bool) -> bool:
    """Whether the target carries a letter group of this system's rendering of the lemma that the English form lacks
    (Lawrow: w for в; Poutine: ou for у). A group marked ``known`` counts only in a dictionary name (Sergej, not
    Erlij: a bare j is also Spanish, Estonian or Czech). A system without marked groups (a Russian reading of a
    Ukrainian name) must render the lemma otherwise than English, and the target must be closer to its rendering."""
    marks, fix = _telltales(stem), english_forms(lemma, lang)[0]
    if marks is None:
        other = romanise(lemma, stem)
        return _ascii(other) != _ascii(fix) and similarity(target_word, other) > similarity(target_word, fix)
    letters, word, fix = _table(stem), target_word.casefold(), fix.casefold()
    for i, c in enumerate(lemma.lower()):
        at = 0 if i == 0 or not lemma[i - 1].isalpha() else 1
        kind, group = marks[at].get(c), letters[at].get(c, "").casefold()
        if kind and group and (kind == "yes" or known) and word.count(group) > fix.count(group):
            return True
    return False


def foreign_system(target_word: str, name: SourceName, lang: str,
                   strict: bool = False) -> tuple[str, float, bool] | None:
    """Which other system this spelling of the source name follows, if any, how closely (1.0 = exactly), and whether
    it carries one of that system's tell-tale letter groups (``betrays``). Without one, a system counts only for a
    word the dictionary knows (Zambiia for Замбия is still a misspelling); an unknown name may be the bearer's own
    spelling (Ejaria, Erlij)."""
    best = None
    known = morph.is_known(name.text, lang) and not strict      # ``strict``: only the letters marked yes count
    for stem, label in _FOREIGN_SYSTEMS.get(lang, ()):
        if stem == "scholarly" and target_word.isascii():
            continue        # without its diacritics it is no scholarly system: Kovacic is Kovačić's own spelling
        for lemma in name.lemmas:
            betrayed = betrays(target_word, lemma, stem, lang, known)
            if not (betrayed or known):
                continue
            score = similarity(target_word, romanise(lemma, stem)) if target_word.isascii() or stem == "scholarly" \
                else float(target_word.casefold() == romanise(lemma, stem).casefold())
            if best is None or (score, betrayed) > best[1:]:
                best = (label, score, betrayed)
    return best


def _foreign_copy(target_word: str, name: SourceName, lang: str) -> bool:
    """Whether the target is a near copy (``FOREIGN_COPY``) of a marked system's rendering of the name and carries
    one of its letter groups that tell in any name (``yes``: w, sch, tsch; not a bare j)."""
    return target_word.isascii() and any(
        _telltales(stem) is not None and betrays(target_word, lemma, stem, lang, False)
        and similarity(target_word, romanise(lemma, stem)) >= FOREIGN_COPY
        for stem, _ in _FOREIGN_SYSTEMS.get(lang, ()) for lemma in name.lemmas)


def oblique_fix(target_word: str, name: SourceName, lang: str) -> str | None:
    """The nominative's English form when the target romanises the source word in an oblique case (Rossiyu for
    Россию) and no nominative reading of it; None otherwise. Only listed places and East Slavic surnames in the
    dictionary are judged (a given name's oblique form is too often a nominative of its own: Игора Драйв). A listed
    place is read as that place only (Германии: Germany, not the element germanium); English words (Martina, Marka:
    Zipf >= 2) are left alone."""
    from tqcheck.checks.gazetteer import places

    if not target_word.isascii():
        return None
    english_word = zipf(target_word.lower()) >= 2.0
    if english_word and not target_word[:1].isupper():
        return None         # first: most target words are English words, and the name's own tests cost more
    place = places().get(name.lemmas[0], ()) or tuple(filter(None, [named_place(name.lemmas[0], name.text, lang)]))
    # a place whose written form is in an oblique case only (на Оби) and romanised letter for letter is that case
    # even when the letters spell an English word (obi, a sash); a person's name may be a nominative of its own
    if english_word and not (place and _oblique_case(name.text, lang)):
        return None
    lemmas = name.lemmas[:1] if place else name.lemmas
    # A foreign person's Russified surname in an oblique case (Саиповым; Саипова after a preposition); in -а alone
    # it may be their own nominative (Джо Аллева).
    russified = name.foreign and _slavic(name.lemmas[0]) and (name.governed or not name.text.endswith(("а", "я")))
    # a given name in an oblique case where its case is plain: after a preposition or a noun it stands beside (із
    # сином Тарасом), with no nominative reading
    given = name.given and name.governed and _singular_oblique(name.text, lang)
    if not place and not russified and not given and not name.oblique and not _oblique_case(name.text, lang) and not (
            morph.is_known(name.text, lang) and _slavic(name.lemmas[0])
            and any("Surn" in g for _, g in morph.nominatives(name.text, lang))):
        return None         # a foreign name read into Cyrillic (Лакха, Олівера), an indeclinable one (Игора Драйв)
    if target_word in place or any(name.text.lower() == x.lower() for x in lemmas) \
            or not is_accepted(target_word, name.text, lang) \
            or any(is_accepted(target_word, x, lang) for x in lemmas):
        return None
    return place[0] if place else english_forms(lemmas[0], lang)[0]


@lru_cache(maxsize=100_000)
def _oblique_case(word: str, lang: str) -> bool:
    """Every noun or adjective reading of the written word is in an oblique case and none is a given name: the
    word cannot be its own nominative (Бахмутом, Корпусному, Чистопольской). A given name's oblique form is too often
    a foreign nominative of its own (Олівера, Игора Драйв); a word the dictionary lacks counts only when read as a
    patronymic, an East Slavic surname or an adjective with a Slavic name ending (Горыныча, Раневской; not Лакха, a
    guess at a surname Лакх), since its readings are guesses."""
    readings = [(p.normal_form, p.tag.grammemes) for p in morph.parses(word, lang)
                if {"NOUN", "ADJF"} & p.tag.grammemes]
    if not readings or any("nomn" in g or "Name" in g or "Fixd" in g for _, g in readings):
        return False
    return morph.is_known(word, lang) or all("Patr" in g or (("Surn" in g or "ADJF" in g) and _slavic(n))
                                             for n, g in readings)


def _listed(lemma: str, lang: str) -> bool:
    """A place or name with a listed English form: another declension's reading of it is no rival (Дніпрі is the
    locative of Дніпро, not of a place Дніпра)."""
    from tqcheck.checks.gazetteer import places

    return (lang, lemma.lower()) in established() or lemma in places()


@lru_cache(maxsize=20_000)
def inflected_forms(lemma: str, lang: str, known: bool = False) -> tuple[str, ...]:
    """The oblique forms of a name the dictionary knows, from its name readings (``known``: a listed place or a
    street name, whose noun or adjective readings count too: Дніпро: Дніпра, Дніпрі; Сумська: Сумської)."""
    out = []
    for p in morph.parses(lemma.lower(), lang):
        if p.normal_form != lemma.lower() or not (p.tag.grammemes & morph.NAME_TAGS
                                                   or known and p.tag.POS in ("NOUN", "ADJF")):
            continue
        # singular only: a plural's bare stem is often another name's nominative (Ждан, genitive plural of Ждана)
        out += [f.word for f in p.lexeme if not {"nomn", "plur"} & f.tag.grammemes and f.word != lemma.lower()]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=20_000)
def _plural_forms(lemma: str, lang: str) -> tuple[str, ...]:
    """A surname's plural forms (Строгановых, Строгановым of Строганов): the family's other cases."""
    return tuple(dict.fromkeys(f.word for p in morph.parses(lemma.lower(), lang) if "Surn" in p.tag.grammemes
                               for f in p.lexeme if "plur" in f.tag.grammemes and f.word != lemma.lower()))


def inflected_fix(target_word: str, name: SourceName, lang: str, street: bool) -> tuple[str, str] | None:
    """(the form, the English nominative) when the target romanises another case of the source name than the
    one the source writes, and no nominative (Dnipra for у Дніпрі: the genitive Дніпра; Sumskoi Street for на
    Сумській вулиці). Only names the dictionary tags (a place, a person) and, before an English street word,
    adjectives; no English word (Zipf >= 2)."""
    if not target_word.isascii() or zipf(target_word.lower()) >= 2.0 or name.foreign \
            or not (name.tagged or street or name.family) or is_accepted(target_word, name.text, lang):
        return None         # the source's own case is oblique_fix's to judge
    from tqcheck.checks.gazetteer import places

    for lemma in name.lemmas[:1]:
        place = places().get(lemma, ())
        known = street or bool(place) or (lang, lemma.lower()) in established()
        if not (known or morph.is_known(lemma, lang)):
            continue        # a guessed lemma's forms are guesses too (Лакха: Лакх)
        forms = _plural_forms(lemma, lang) if name.family else inflected_forms(lemma, lang, known)
        form = next((f for f in forms if is_accepted(target_word, f, lang)), None)
        if form is not None:
            return form, place[0] if len(place) == 1 else english_forms(lemma, lang)[0]
    return None


PLACE_ZIPF = 2.0        # a place's English name English attests at least this much (Lublin 2.4, Harbin 2.6, Munich)


def english_place(target_word: str, name: SourceName, lang: str) -> str | None:
    """The English name of a place that the target romanises from the Cyrillic instead (Kharbin for Харбин, Myunkhen
    for Мюнхен, Pekin for Пекин: a name relayed through Russian), or None: the gazetteer gives the nominative one
    English name, well attested (``PLACE_ZIPF``) and no romanisation of it, the target romanises the nominative
    and is no English word (Zipf < 2), and the source word is no personal name and has no established form."""
    from tqcheck.checks.gazetteer import places

    lemma = name.lemmas[0]
    english = {_ascii(e): e for e in places().get(lemma, ())}
    if len(english) != 1 or name.person or (lang, lemma.lower()) in established() or not target_word.isascii():
        return None
    place = next(iter(english.values()))
    if zipf(place.lower()) < PLACE_ZIPF or _ascii(target_word) in english or zipf(target_word.lower()) >= 2.0 \
            or not is_accepted(target_word, lemma, lang) or is_accepted(place, lemma, lang):
        return None
    return place


_VOWELS = re.compile(r"[aeiouy'ʼ’]")
_PLACE_ADJECTIVE = re.compile(r"(?<=[а-яіїєґ]{3})ськ(?:ий|а|е|ій|ої|ому|им|ими|их|у|і)$")   # Миколаївській: Миколаїв


def _consonants(word: str) -> str:
    """The consonant skeleton Russian and Ukrainian forms of one name share (Berehove, Beregovo: brgv)."""
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", _ascii(word).replace("h", "g")))


SKELETON_CONSONANTS = 3     # consonants a place's skeleton needs to name it (brgv: Berehove; not tr: Tyre, Tira)


def russian_form(target_word: str, name: SourceName, lang: str) -> str | None:
    """The English form of a Ukrainian place that the target writes in its Russian form (Beregovo for Берегове,
    Oposhnya for Опішня, Nikolaev for Миколаїв), or None. The target is no accepted romanisation (asked before),
    no English word (Zipf < 2) nor an English place name (Belgorod, a Russian city named in Ukrainian), and either
    the gazetteer lists it as another name of the place the source names (Nikolaev: Mykolaiv; for a place
    adjective, of its stem: Миколаївській), or, for a word of the Ukrainian dictionary that is no personal name, it
    has the consonants of the Ukrainian romanisation, with g for h (what differs is what Russian pronounces
    otherwise: і, и, е, г). A foreign name the dictionary lacks keeps its own g (Мангола: Mangola, not Manhola)."""
    from tqcheck.checks.gazetteer import english_places, places

    part = target_word if "-" in name.text else target_word.split("-")[0]
    if lang != "uk" or not part.isascii() or zipf(part.lower()) >= 2.0 or _ascii(part) in english_places():
        return None
    stems = [*name.lemmas, _PLACE_ADJECTIVE.sub("", name.text.lower()).capitalize()]
    for english in places().get(part, ()):
        for stem in stems:
            # a skeleton of two consonants tells no place from another (Tyras, listed for Tyre, is no Тіра)
            if is_accepted(english, stem, lang) or (len(_consonants(english)) >= SKELETON_CONSONANTS
                                                    and _consonants(english) == _consonants(romanise(stem, lang))):
                return english_forms(stem, lang)[0]
    if name.person or is_accepted(part, name.text, lang) or not morph.is_known(name.text, lang):
        return None     # an inflected form is ``oblique_fix``'s; a foreign name has g for г (Мангола: Mangola)
    for stem in (name.text, *name.lemmas):
        fix = english_forms(stem, lang)[0]
        # the stems differ, not only a case ending (Kravchuk for the plural Кравчуки)
        if _consonants(part) == _consonants(fix) and _ENDING.sub("", _ascii(part)) != _ENDING.sub("", _ascii(fix)):
            return fix
    return None


_ENDING = re.compile(r"[aeiouy]+$")


_IOTATION = re.compile(r"[yije]")     # letters in which accepted romanisations of one name differ (Yelena, Elena)


def _beside_person(name: SourceName, names: list[SourceName]) -> bool:
    """Whether a personal name stands right before or after this one (Хаканом Фиданом: Фиданом is one)."""
    end = name.start + len(name.text)
    return any(o.person and (o.start == end + 1 or o.start + len(o.text) + 1 == name.start) for o in names)


def relayed_foreign(target_word: str, name: SourceName, lang: str, person: bool = False) -> str | None:
    """The spelling English attests for a foreign name that the target romanises letter by letter from the Cyrillic
    (Dzhosh for Джош: Josh; Khuanga for Хуанга: Huang), or None. The name is no East Slavic one (a common word may
    be a name too: хакан, Хакан) and has no established form, the target is an accepted romanisation of one of its
    nominatives, and reading that romanisation back with the ru/uk rows of ``names/respell.tsv`` gives a spelling
    English attests (``respelled_names.respelled``: the copy unknown to English, so Maksim or Yelena, which English
    uses, stay) that differs in more than y, i, j, e (Yevgeny and Evgeny are both Russian names' own spellings). A
    word that is no personal name, nor beside one (``person``: Хаканом Фиданом), must read back to a place the
    gazetteer knows (Vrotslav: Wrocław; Sudzha is not Suga)."""
    from tqcheck.checks.gazetteer import english_by_ascii
    from tqcheck.checks.respelled_names import respelled

    if name.slavic or not target_word.isascii() or not target_word.isalpha():
        return None
    for lemma in name.lemmas:
        if (lang, lemma.lower()) in established() or not (is_accepted(target_word, lemma, lang)
                                                          or is_accepted(target_word, name.text, lang)):
            continue
        direct = is_accepted(target_word, lemma, lang)
        copy = target_word if direct else english_forms(lemma, lang)[0]
        # a word English knows is a name only where the target itself reads back to it (Dzhosh: Josh), not a guessed
        # nominative (Лакха, read as Лакх: lakh)
        english = respelled(copy.capitalize(), lang, words=direct)
        if english and (name.person or person or english.casefold() in english_by_ascii()) \
                and _IOTATION.sub("", english.lower()) != _IOTATION.sub("", copy.lower()):
            return english_by_ascii().get(english.casefold(), english)     # a place's own letters: Wrocław
    return None


_PLACE_ENDINGS = (("iya", "ia"), ("iia", "ia"), ("ija", "ia"))


@lru_cache(maxsize=20_000)
def named_place(lemma: str, text: str, lang: str) -> str | None:
    """The English name of a place the gazetteer lacks (Персия, Молдова): the nominative's romanisation with
    English's -ia for -iya (and g for Ukrainian h), when English attests it (Zipf >= 3) and the word is a place: a
    geographical name to the Russian dictionary, or a place whose English name the gazetteer knows. A personal
    name (Мария: Maria) is neither."""
    from tqcheck.checks.gazetteer import english_places

    variants = [english_forms(lemma, lang)[0]]
    variants += [v[:-len(old)] + new for v in variants for old, new in _PLACE_ENDINGS if v.endswith(old)]
    if lang == "uk":
        variants += [v.replace("h", "g") for v in variants]
    best = max(variants, key=lambda v: zipf(v.lower()))
    if zipf(best.lower()) < 3.0:
        return None
    geox = lang == "ru" and any("Geox" in g for n, g in morph.nominatives(text, lang) if n == lemma.lower())
    return best if geox or anyascii(best).casefold() in english_places() else None


# Latin-script national systems in which people of those countries carry Russian or Ukrainian names in their
# own documents (names/romanisations-<stem>.tsv), per source language: such a spelling is the bearer's own.
_OWN_SYSTEMS = {"ru": ("cyrl-et",)}


@lru_cache(maxsize=200_000)
def own_spelling(target_word: str, lemma: str, lang: str) -> bool:
    """Whether the target spells the name as a national system of a Latin-script country does (Mihhail)."""
    word = _ascii(target_word)
    return any(accepted_spelling(word, lemma, stem) for stem in _OWN_SYSTEMS.get(lang, ()))


@dataclass(frozen=True)
class Verdict:
    """How one target word renders one source name: ``None`` reason = accepted."""
    name: SourceName
    reason: str | None
    fix: str
    system: str = ""      # the foreign system the spelling follows (the German spelling), where that is the reason


# Sources whose street names keep a person's name in the genitive in English too: Ukraine's official romanisation of
# street names does (Dmytra Yavornytskoho Avenue, vulytsia Fedorova), and so does the English-language press there.
GENITIVE_STREETS = frozenset({"uk"})


def judge(target_word: str, names: list[SourceName], lang: str, street: bool = False) -> Verdict | None:
    """The source name this target word renders (accepted, foreign system, or no accepted form), or None.
    ``street``: an English street word follows the target word (Sheinkmana Street)."""
    for name in names:
        if name.street and lang in GENITIVE_STREETS and is_accepted(target_word, name.text, lang):
            return Verdict(name, None, target_word)
        if name.russian and is_accepted(target_word, name.russian, "ru") \
                and not any(is_accepted(target_word, x, lang) for x in name.lemmas):
            return Verdict(name, f"spells {name.text} in its Russian form {name.russian}",
                           english_forms(name.lemmas[0], lang)[0])
        if street and (fix := street_fix(target_word, name, lang)) is not None:
            return Verdict(name, f"romanises the genitive {name.text}; English names the street after {fix}", fix)
        if (fix := oblique_fix(target_word, name, lang)) is not None:
            return Verdict(name, f"romanises the inflected form {name.text}, not the nominative", fix)
        if (fix := english_place(target_word, name, lang)) is not None:
            return Verdict(name, f"romanises {name.lemmas[0]}, which English calls {fix}", fix)
        if (fix := relayed_foreign(target_word, name, lang, _beside_person(name, names))) is not None:
            return Verdict(name, f"romanises the foreign name {name.text} letter by letter from the Cyrillic; "
                                 f"English writes the bearer's own spelling, {fix}", fix)
    # a name the source writes as its nominative first: Petro Bondar is Бондар, not the family's Бондарів beside it
    for name in sorted(names, key=lambda n: n.oblique):
        if any(is_accepted(target_word, x, lang) for x in name.also if not _listed(name.lemmas[0], lang)) or any(
                is_accepted(target_word, lemma, lang) or (name.person and own_spelling(target_word, lemma, lang))
                for lemma in name.lemmas):
            return Verdict(name, None, target_word)
    for name in names:
        if (fix := russian_form(target_word, name, lang)) is not None:
            return Verdict(name, f"spells the Ukrainian name {name.text} in its Russian form", fix)
    for name in names:
        if (inflected := inflected_fix(target_word, name, lang, street)) is not None:
            return Verdict(name, f"romanises {inflected[0]}, another case of {name.lemmas[0]}", inflected[1])
    known = zipf(target_word.lower())           # a name English knows as written (Rosa, Brzezinski, Rosenstein)
    if known >= 2.0:
        return None                             # (before the scores below: most target words are English words)
    scored = []
    for name in names:
        # A foreign name in Cyrillic keeps its own spelling (Ивасаки: Iwasaki); a name of the language's own
        # dictionary (Эльвира, Ярославль) is judged by another system's tell-tale letters only (Elwira, Jaroslawl).
        if not name.slavic and not (name.tagged and morph.is_known(name.text, lang)):
            continue
        english = max(similarity(target_word, english_forms(x, lang)[0]) for x in name.lemmas)
        # a non-Slavic person's name only by letters no other language's own spelling has (Elwira; Jankel may be the
        # bearer's own spelling, not so a place's: Jekaterinburg)
        foreign = foreign_system(target_word, name, lang, strict=not name.slavic and name.person)
        scored.append((max(english, foreign[1] if foreign else 0.0), name, english, foreign))
    if not scored:
        return None
    _, name, english, foreign = max(scored, key=lambda s: s[0])
    fix = english_forms(name.lemmas[0], lang)[0]
    close = SIMILAR if target_word[:1] == fix[:1] else SIMILAR + 0.05
    least = 0.85 if name.person and known < 1.0 else 1.0    # places, known spellings: only an exact match
    # ... or, for a place of the dictionary, a near one with the system's tell-tale letters (Piskarjowskoje for
    # Пискарёвское, de Piskarjowskoe; not Georgijevska beside the given name Олівера: a Macedonian's own spelling)
    if foreign and foreign[2] and known < 1.0 and morph.is_known(name.text, lang) and not _beside_person(name, names):
        least = min(least, 0.9)
    # a near copy of another system's rendering with its tell-tale letters is that name however far the English
    # form is (Chruschtschow for Хрущёв: Khrushchev); only letters that tell in any name count (not j: Georgijevska),
    # and only for a name of the dictionary (a Polish surname the dictionary lacks keeps its w: Marta Jakubowski)
    telling = foreign is not None and foreign[2] and name.slavic and foreign[1] >= FOREIGN_COPY \
        and morph.is_known(name.text, lang) and _foreign_copy(target_word, name, lang)
    if foreign and (foreign[1] == 1.0 or telling
                    or (foreign[1] >= max(english, least) and english >= close - 0.2)):
        if foreign[2]:
            return Verdict(name, f"spells {name.text} in {foreign[0]}", fix, foreign[0])
        if not name.foreign and name.slavic:
            return Verdict(name, f"matches none of the English romanisations of {name.text}", fix)
    if name.slavic and name.person and not name.common and not name.foreign and known < 1.0 and english >= close \
            and _ascii(target_word) != _ascii(fix):
        return Verdict(name, f"matches none of the English romanisations of {name.text}", fix)
    return None


class TransliterationCheck:
    name = "transliteration"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if ctx.source_lang not in _FOREIGN_SYSTEMS:
            return
        document = frozenset(CYRILLIC_WORD.findall(ctx.source.text))     # names the article gives elsewhere
        for view in ctx.aligned:
            yield from self._segment(view, ctx.source_lang, document)

    def _segment(self, view: SegmentView, lang: str, document: frozenset[str] = frozenset()) -> Iterable[Finding]:
        names = source_names(view.source, lang, document)
        if not names:
            return
        # A Latin-script spelling that the source itself uses (компания Google, клуб Shakhtar) is always right.
        words = [m for m in LATIN_WORD.finditer(view.target) if len(m.group()) >= 3
                 and (m.group() not in view.source or not whole_word(m.group()).search(view.source))]
        streets = _street_words(lang)
        verdicts = {m.start(): judge(m.group(), names, lang, _next_word(view.target, m.end()) in streets)
                    for m in words}
        verdicts = _own_forms_in_foreign_names(view.target, words, verdicts, lang)
        done = {v.name for v in verdicts.values() if v and v.reason is None}
        for run in name_runs(view.target, [m for m in words if verdicts[m.start()]]):        # one finding per written name, with one suggestion
            wrong = [(m, verdicts[m.start()]) for m in run
                     if verdicts[m.start()] and verdicts[m.start()].reason and verdicts[m.start()].name not in done]
            if not wrong:
                continue
            fixed = " ".join(next((v.fix for w, v in wrong if w is m), m.group()) for m in run)
            first = wrong[0][1]
            rule = f"name-translit-{lang}" if "spells" in first.reason else f"name-romanisation-{lang}"
            start, end = run[0].start(), run[-1].end()
            at = first.name.start
            yield Finding(
                "name", "major", rule, "terminology/inconsistent" if "spells" in first.reason else "fluency/spelling",
                f"“{view.target[start:end]}” {_reasons([v for _, v in wrong])}; English writes “{fixed}”", f"write “{fixed}” (or another established English form)",
                view.segment.id, target_span=view.target_span(start, end),
                source_span=view.source_span(at, at + len(first.name.text)))


def _reasons(verdicts: list[Verdict]) -> str:
    """The reasons of one written name's wrong words; words all in one foreign system share one clause (spells
    Юрий and Щербаков in the German spelling)."""
    systems = {v.system for v in verdicts}
    if len(verdicts) > 1 and len(systems) == 1 and "" not in systems \
            and all(v.reason == f"spells {v.name.text} in {v.system}" for v in verdicts):
        names = [v.name.text for v in verdicts]
        return f"spells {', '.join(names[:-1])} and {names[-1]} in {verdicts[0].system}"
    return "; ".join(v.reason for v in verdicts)


def _own_forms_in_foreign_names(text: str, words: list[re.Match], verdicts: dict, lang: str) -> dict:
    """A word accepted only as a bearer's own spelling (``own_form_only``: Scherbakov) in a written name another
    word of which follows a foreign system (Jurij) follows that system too: one spelling for the whole name."""
    for run in name_runs(text, [m for m in words if verdicts[m.start()]]):
        system = next((verdicts[m.start()].system for m in run if verdicts[m.start()].system), "")
        if not system:
            continue
        for m in run:
            v = verdicts[m.start()]
            if v.reason is None and own_form_only(m.group(), v.name, lang):
                verdicts[m.start()] = Verdict(v.name, f"spells {v.name.text} in {system}",
                                              english_forms(v.name.lemmas[0], lang)[0], system)
    return verdicts


@lru_cache(maxsize=None)
def _street_words(lang: str) -> frozenset[str]:
    return frozenset(e for heads in street_heads(lang).values() for e in heads)


_NEXT_WORD = re.compile(r"[ -](\w+)")


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


@lru_cache(maxsize=100_000)
def whole_word(word: str) -> re.Pattern[str]:
    """``word`` standing alone (compiled once per word: re's own cache of 512 patterns overflows on a memory)."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def name_runs(text: str, words: Iterable[re.Match]) -> list[list[re.Match]]:
    """Adjacent capitalised words (separated by one space or hyphen) grouped as one written name."""
    runs: list[list[re.Match]] = []
    for m in words:
        if runs and text[runs[-1][-1].end():m.start()] in (" ", "-"):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs
