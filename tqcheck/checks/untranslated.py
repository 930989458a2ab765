"""Source-language text left in the translation: whole sentences, and single words."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.name_counterparts import after_determiner
from tqcheck.checks.names import bare_place_prepositions, place_prepositions
from tqcheck.checks.transliteration import accepted_spelling
from tqcheck.checks.words import (CYRILLIC, NAME_TAGS, Word, data_signature, is_source_name, latin, lemma_zipf,
                                  outermost, overlaps, quoted, word_texts, words)
from tqcheck.lang import is_language, name
from tqcheck.model import Finding
from tqcheck.resources import read_table, read_words
from tqcheck.wordfreq_table import spelt_in

# Lower-case words only: bylines and name lists are capitalised and fool language identification.
_WORD = re.compile(r"\b[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][^\W\d_]+")


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    # a comment line is skipped whole: its words ("de", "es", "it") are no English function words
    return frozenset(read_words("english-function-words.txt"))


def _plainly_english(text: str) -> bool:
    """Three or more English function words: no need to ask lingua (saves most of this check's time)."""
    words = _english_function_words()
    return sum(1 for w in re.findall(r"[a-z]+", text.lower()) if w in words) >= 3


_CYRILLIC_SCRIPT = re.compile(r"[\u0400-\u052f]")
# A sentence is English when most of its lower-case words are more frequent in English than in the source
# language: lingua calls a short English sentence with one kept word German or Italian ("Many fans felt
# Schadenfreude at the defeat").
ENGLISH_SHARE = 0.6


def _mostly_english(text: str, lang: str) -> bool:
    found = _WORD.findall(text)
    english = sum(1 for w in found if morph.zipf(w.lower(), "en") >= morph.zipf(w.lower(), lang))
    return bool(found) and english >= ENGLISH_SHARE * len(found)


def _may_be_source(text: str, lang: str) -> bool:
    """Could lingua call ``text`` ``lang``? Not a Cyrillic-script language without a Cyrillic letter (lingua keeps
    only the languages of the text's alphabet): such targets skip lingua and its models (about 175 MB)."""
    return lang not in CYRILLIC or _CYRILLIC_SCRIPT.search(text) is not None


class UntranslatedCheck:
    name = "untranslated"

    def __init__(self, min_words: int = 5):
        self.min_words = min_words   # language identification is unreliable on shorter text

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for view in ctx.aligned:
            if len(_WORD.findall(view.target)) < self.min_words:
                continue
            copied = view.target.strip() == view.source.strip()
            if copied or (not _plainly_english(view.target) and _may_be_source(view.target, ctx.source_lang)
                          and not _mostly_english(view.target, ctx.source_lang)
                          and is_language(view.target, ctx.source_lang)):
                yield Finding(
                    "untranslated", "critical", "untranslated-sentence", "accuracy/untranslated",
                    f"this sentence is in {name(ctx.source_lang)}, not English", "translate it", view.segment.id,
                    target_span=view.target_span(0, len(view.target)),
                    source_span=view.source_span(0, len(view.source)),
                )


# A romanised word is "not English" below NOT_ENGLISH (Zipf). wordfreq's English list carries some foreign text,
# so a common Latin-script source word reaches 2-2.5 there (iglesia 2.1, libro 2.4, memoria 2.3): below
# LATIN_NOT_ENGLISH and at least LATIN_GAP under its frequency in the source language, where it must be common
# (SOURCE_COMMON).
NOT_ENGLISH = 1.5
# Romanised Russian and Ukrainian text is in wordfreq's English list too (krasnaya 2.1, kapitan 1.9, vetra 1.6):
# up to ROMANISED_NOT_ENGLISH a romanisation counts when its source word is LATIN_GAP more common in its language.
ROMANISED_NOT_ENGLISH = 2.2
LATIN_NOT_ENGLISH = 2.6
LATIN_GAP = 2.0
SOURCE_COMMON = 3.0
# wordfreq's English list counts names and foreign text with the words (Albo, Orla, Dua Lipa): a word English writes
# in lower case but has no dictionary entry for (simplemma's English one, which has the loans: piazza, dacha) counts
# up to LATIN_NOT_ENGLISH for any source language when its source word is in everyday use there (LOOSE_SOURCE_COMMON)
# and at least DICTIONARY_GAP more common than in English (it albo, paletta, pt orla, ru липа as lipa, uk дека as
# deka); not in quotes or italics (a title: "Brandenburg aktuell"), where the gap rules above decide.
DICTIONARY_GAP = 0.5
# Such a word in lower case inside a sentence may be frequent in English from names alone (ciudad 2.8 from Ciudad
# Juárez, porto 3.5, presidio 2.6): up to NAME_ONLY_ENGLISH when its source word is NAME_ONLY_GAP more
# common in its language.
NAME_ONLY_ENGLISH = 4.5
NAME_ONLY_GAP = 1.0
NAME_ONLY_LETTERS = 6       # not a short word a third language shares (bien in a French quotation "faut bien")
LOOSE_SOURCE_COMMON = 2.5
# A word English pages have (almost) never seen (Zipf < UNSEEN) copied from the source needs less: a source word in
# use (SOURCE_USED) is enough (botellones 2.2, nubifragio 2.6 in their languages). Not a capitalised German word:
# German towns and lakes are as rare (Gerlingen 2.6, Wolfgangsee 2.6) and capitalised like nouns.
UNSEEN = 1.0
SOURCE_USED = 2.0
# The words translators leave are the rare ones (ortisti, verbicrucistes, Silberlinde): a source word of any
# frequency counts when English has never seen it (UNSEEN) and the source writes it as a common noun: in lower case
# inside a sentence (es, fr, it, pt; not after a capitalised word: Amanita phalloides), or for German as a compound
# of common German nouns (``german_compound``), and at least RARE_LETTERS long.
RARE_LETTERS = 5
ENGLISH_PART = 3        # each part of an English compound (four-balls, eco-zones) at least this long
CYRILLIC_USED = 1.0
_CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.I)
MIN_LETTERS = 4
# A romanised case form may differ from the English token by a case ending (zavodakh / zavods, holovy / holova):
# up to ROMANISED_ENDING letters on the source side and ENGLISH_ENDING on the English side after a shared stem.
ROMANISED_ENDING = 3
ENGLISH_ENDING = 2
# English endings a source word may be given (sindacos, vereadors, Bürgerinitiatives; the possessive 's is a
# token of its own).
_ENGLISH_SUFFIXES = ("es", "s")
# A word English has not seen made of a common English word (ENGLISH_STEM_COMMON: progress 4.8, not reformat 2.2)
# and an English derivational suffix (``english-suffixes.tsv``) is an English coinage (progressors), not a
# romanisation.
ENGLISH_STEM_COMMON = 3.5
# German capitalises nouns, so a noun left in the English is capitalised too; names are as well, so only long
# words of the German dictionary (compounds: Kindergeld, Mietpreisbremse) that English text never has count, or
# shorter ones common in German (Entscheidung, Samstag, Tasche) that few names are.
GERMAN_NOUN_LETTERS = 9
GERMAN_NOT_ENGLISH = 1.0
GERMAN_SHORT_NOUN_LETTERS = 6
GERMAN_SHORT_NOT_ENGLISH = 1.5
GERMAN_SHORT_COMMON = 4.0
# A shorter or rarer German noun English has never seen (Raute, Kiez: Zipf < UNSEEN) counts when German uses it
# (SOURCE_COMMON) and its source word stands after an article or determiner (die gelbe Raute): names are as rare
# and as capitalised (Laschet, Vechta, Marzahn: 3.2-3.4 in German, unseen in English) but stand without one.
GERMAN_DETERMINED_LETTERS = 5
# A long German noun before another capitalised word is the head of an institution's name left in German (das
# Auswärtige Amt) when that word is a common German noun English does not use, not a name (Würzburger Kickers).
GERMAN_NEXT_COMMON = 4.0
GERMAN_NEXT_NOT_ENGLISH = 3.0
# A source word the English keeps SUBJECT_USES times or more (its forms counted together: ``term_key``) is
# the article's subject, a culture-specific term kept on purpose (pysanka, moliceiro, bouquinistes, pelmeni): the
# slips reviewers mark are kept once or twice.
SUBJECT_USES = 3
# A capitalised romanisation inside a sentence of a lower-case source word this common (культуры, 5.2) is a common
# word left in a name's romanisation (Dom Kultury), not a foreign institution's own name (сейм 3.5, Seimas).
CAPITALISED_SOURCE_COMMON = 4.5
# A run of words copied from the source around a flagged word is one finding (plan de choque, garde à vue):
# at most RUN_EXTENSION words either side.
RUN_EXTENSION = 4
# A lower-case particle of a name (unter, von, de la, dos) is at most this long: a longer lower-case word between
# two capitalised ones is a common noun after a name (the Odesa khlibzavod No. 3).
PARTICLE_LETTERS = 5
# A quotation of more words than this is speech, not a quoted name or title (names of papers, films and firms are
# shorter: "Frankfurter Allgemeine Zeitung", «Ой у лузі червона калина»).
QUOTED_NAME_WORDS = 6


_CLOSING_QUOTE = re.compile(r"[\"”»“]")
_NAME_NEXT = re.compile(r"[ -][A-ZÀ-ÖØ-Þ]")
_OPENING_MARKS = "*_“\"«‘'„"
_CLOSING_MARKS = "*_”\"»’'“"
_CLOSING_MARKS_RUN = re.compile(rf"^[{re.escape(_CLOSING_MARKS)}\s]*")


@lru_cache(maxsize=1)
def _mention_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """``resources/mention-cues.tsv`` as one pattern for cues after a word, one for cues before it, one for the
    fronted phrases whose comma opens the main clause, not an apposition, and one for the English nouns that
    classify a name after it."""
    rows = read_table("mention-cues.tsv")
    after = "|".join(r["cue"] for r in rows if r["where"] == "after") or "(?!)"
    classifier = "|".join(r["cue"] for r in rows if r["where"] == "classifier") or "(?!)"
    before = "|".join(r["cue"] for r in rows if r["where"] == "before") or "(?!)"
    fronted = "|".join(r["cue"] for r in rows if r["where"] == "fronted") or "(?!)"
    listed = r"(?:[^\W\d_][\w-]*,?\s+(?:or\s+|and\s+)?){0,3}"
    return (re.compile(rf"(?:{after})"), re.compile(rf"(?:{before}){listed}$", re.I),
            re.compile(rf"(?:^|[.!?]\s+|[\"“«‘„(—–]\s*)(?:{fronted})$"), re.compile(rf"(?:{classifier})"))


def mentioned(text: str, start: int, end: int, source_after: str = "") -> bool:
    """The word at ``start:end`` is cited for its form (carro means chariot, the Latin civis), glossed (the
    "ninis" (young people...), "Kurzarbeit, the state-funded scheme"), names a work or outlet (the newspaper
    Le Monde) or is a name an English noun classifies (the Hermanos Portilla foundry): kept on purpose, no
    translation slip. Quotation marks or italics around it are looked through. ``source_after``: the source text
    after the word's source; an apposition the source has there too is translated, no gloss (die gelbe Raute, das
    Zeichen für ...: the yellow Raute, the symbol for ...)."""
    capitalised = text[start:start + 1].isupper()
    while start and text[start - 1] in _OPENING_MARKS:
        start -= 1
    while end < len(text) and text[end] in _CLOSING_MARKS:
        end += 1
    after, before, fronted, classifier = _mention_cues()
    glossed = after.match(text, end) or (capitalised and classifier.match(text, end))
    # "For the Binnenschiffer, the closure means...": the comma ends a fronted phrase, no apposition follows
    if glossed and glossed.group().startswith(",") and fronted.search(text[max(0, start - 80):start]):
        glossed = None
    # (not a bracket: a source that glosses a word in brackets keeps it as a foreign term, boda-boda (mototaxi))
    if glossed and glossed.group().startswith(",") and _CLOSING_MARKS_RUN.sub("", source_after)[:1] == ",":
        glossed = None
    return bool(glossed or before.search(text[max(0, start - 80):start]))


@lru_cache(maxsize=None)
def established_loans(lang: str) -> frozenset[str]:
    """Source words English keeps (``resources/established-loans.tsv``): oblast, rada, duma, dacha, junta..."""
    return frozenset(r["word"].lower() for r in read_table("established-loans.tsv") if r["lang"] in (lang, "*"))


def _romanisation_of(english: str, romanised: str) -> bool:
    """The same word allowing a case ending on the romanised side and an ending on the English side after a shared
    stem of MIN_LETTERS or more (zavoda / zavod, zavods / zavodakh, holova / holovy)."""
    stem = 0
    for a, b in zip(english, romanised):
        if a != b:
            break
        stem += 1
    return (stem >= MIN_LETTERS and len(english) - stem <= ENGLISH_ENDING
            and len(romanised) - stem <= ROMANISED_ENDING)


def _stems(word: str) -> set[str]:
    """The word and the word without an English plural ending (comunes -> comune, comun)."""
    out = {word}
    out.update(word[:-len(s)] for s in _ENGLISH_SUFFIXES if word.endswith(s) and len(word) - len(s) >= MIN_LETTERS)
    return out


@lru_cache(maxsize=100_000)
def is_loan(word: str, loans: frozenset[str]) -> bool:
    """An established loan, also with an English plural (banduras) or an English suffix on it or on its stem
    without a final vowel (bandur-ist, bandur-ists)."""
    stems = _stems(word.lower())
    if stems & loans:
        return True
    bases = _loan_bases(loans)
    return any(stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_LETTERS and stem[:-len(suffix)] in bases
               for stem in stems for suffix in _derivational_suffixes())


@lru_cache(maxsize=16)
def _loan_bases(loans: frozenset[str]) -> frozenset[str]:
    """The loans and, for those ending in a vowel, their stems (bandura, bandur)."""
    return loans | {loan[:-1] for loan in loans if loan[-1] in "aeiouy"}


def term_key(word: str) -> str:
    """A word's form without an English plural s and its last letter (Moliceiros, moliceiro; pysanka and its
    Ukrainian plural pysanky; contrada, contrade): its uses counted together."""
    lower = word.lower()
    stem = lower[:-1] if lower.endswith("s") and len(lower) > MIN_LETTERS else lower
    return stem[:-1] if len(stem) > MIN_LETTERS else stem


def document_terms(views: list[SegmentView]) -> frozenset[str]:
    """Words (``term_key``) the English document uses SUBJECT_USES times or more: the article's subject."""
    counts: dict[str, int] = {}
    for view in views:
        for w in words(view.target):
            key = term_key(w.text)
            counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, n in counts.items() if n >= SUBJECT_USES)


def document_mentions(views: list[SegmentView]) -> frozenset[str]:
    """Rare words (``term_key``) the English document cites or glosses somewhere (``mentioned``: a shaft called a
    rachis): known to the reader from there on (the rachis)."""
    return frozenset(term_key(w.text) for view in views for w in words(view.target)
                     if lemma_zipf(w.text, "en") < LATIN_NOT_ENGLISH
                     and mentioned(view.target, w.start, w.end, _source_after(view.source, w.text)))


def _source_after(source: str, word: str) -> str:
    """The source text after the word as the source writes it (its first use), or "" where it does not."""
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source)
    return source[m.end():] if m else ""


@lru_cache(maxsize=None)
def _derivational_suffixes() -> tuple[str, ...]:
    return tuple(r["suffix"] for r in read_table("english-suffixes.tsv"))


def english_derivation(word: str) -> bool:
    """A common English word with an English derivational suffix, maybe pluralised (progress-or-s), its final e
    dropped before a vowel (alpine: alpin-ist-s)."""
    return any(stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_LETTERS
               and any(lemma_zipf(base, "en") >= ENGLISH_STEM_COMMON
                       for base in (stem[:-len(suffix)], stem[:-len(suffix)] + "e"))
               for stem in _stems(word.lower()) for suffix in _derivational_suffixes())


@lru_cache(maxsize=None)
def _variants() -> tuple[tuple[str, str], ...]:
    return tuple((r["latin"], r["variant"]) for r in read_table("romanisation-variants.tsv"))


@lru_cache(maxsize=100_000)
def romanisations(word: str, lang: str) -> frozenset[str]:
    """A Cyrillic word's Latin spellings: the press system of ``lang``, anyascii's, and their common variants
    (``resources/romanisation-variants.tsv``)."""
    ascii_form = anyascii(word).lower()
    # a soft sign before a vowel is y in press romanisation (почтальоны: pochtalyony, Соловьёв: Solovyov)
    spellings = {latin(word, lang), re.sub(r"[^a-z]", "", ascii_form),
                 re.sub(r"[^a-z]", "", re.sub(r"'(?=[aeiou])", "y", ascii_form))}
    for spelling in list(spellings):
        for letters, variant in _variants():
            spellings.add(spelling.replace(letters, variant))
    return frozenset(spellings)


def _known_german(word: str) -> bool:
    """In simplemma's German dictionary, maybe with an English plural (Bürgerinitiatives): a noun (Kindergeld),
    not a name (Kretschmann)."""
    return any(morph.is_known(stem, "de") for stem in _stems(word))


# A German compound the dictionary lacks (Rentenbescheid, Hobbyimker): each part at least this long
COMPOUND_PART = 4
COMPOUND_HEAD_COMMON = 3.0      # its last part a common German word (Bescheid, Imker: Zipf >= 3)
# its first part a German word in use (Streu- 2.95 in Streuobstwiese, a verb's stem: Schleif- 2.6 in Schleifwagen)
COMPOUND_MODIFIER_COMMON = 2.5


@lru_cache(maxsize=None)
def _place_heads() -> frozenset[str]:
    return frozenset(read_words("names/place-heads-de.txt"))


@lru_cache(maxsize=100_000)
def german_compound(word: str) -> bool:
    """A compound of two German dictionary words (a linking -s- or -n- allowed: Wolfsberater, Rentenbescheid; the
    first maybe a compound itself: Erstaufnahmeeinrichtung) whose last part is a common German word and no usual
    last part of a place name (Kirchheim, Wolfgangsee: ``names/place-heads-de.txt``)."""
    lower = word.lower()
    if any(lower.endswith(h) and len(h) >= 4 for h in _place_heads()):
        return False    # whatever another split reads (Tals-trasse: a route), Talstrasse is a street's name
    for cut in range(COMPOUND_PART, len(lower) - COMPOUND_PART + 1):
        head, tail = lower[:cut], lower[cut:]
        if tail in _place_heads():
            continue
        if not _common_tail(tail):
            continue
        if any(_compound_head(h) for h in (head, head[:-1] if head.endswith(("s", "n")) else head)):
            return True
    return False


def _common_tail(tail: str) -> bool:
    """A last part of a compound: a dictionary word whose form or lemma is common (Bescheid; Wärtern, a case of
    Wärter)."""
    return morph.is_known(tail, "de") and max(morph.zipf(tail, "de"),
                                              morph.zipf(morph.lemma(tail, "de"), "de")) >= COMPOUND_HEAD_COMMON


def _english_tail(word: str) -> bool:
    """The word ends in a common English word that German has too (Weihe-gold, Sport-park): a name's coinage as
    often as a German compound."""
    lower = word.lower()
    return any(morph.zipf(lower[cut:], "en") >= ENGLISH_STEM_COMMON and morph.is_known(lower[cut:], "de")
               for cut in range(COMPOUND_PART, len(lower) - COMPOUND_PART + 1))


def _compound_head(head: str) -> bool:
    """A first part of a compound: a common dictionary word (Renten-, Wolfs-) or itself such a compound
    (Erstaufnahme-einrichtung, Anwohnerpark-ausweis)."""
    if len(head) < COMPOUND_PART:
        return False
    common = morph.is_known(head, "de") and morph.zipf(head, "de") >= COMPOUND_MODIFIER_COMMON
    return common or (len(head) >= 2 * COMPOUND_PART and german_compound(head))


@lru_cache(maxsize=100_000)
def german_lemma(word: str) -> str:
    """The lemma of a German word, for a compound the dictionary lacks its last part's (Brunnenwärtern:
    brunnenwärter, as wärtern is wärter), so that a case form in the source matches the English's copy."""
    lower = word.lower()
    if morph.is_known(lower, "de") or not german_compound(lower):
        return morph.lemma(lower, "de")
    for cut in range(COMPOUND_PART, len(lower) - COMPOUND_PART + 1):
        tail = lower[cut:]
        if _common_tail(tail):
            return lower[:cut] + morph.lemma(tail, "de")
    return lower


def _inside_name(text: str, tokens: list[Word], i: int, lang: str) -> bool:
    """The word is part of a name, spelt as the name spells it: a capitalised word before another (the Würzburger
    Kickers, Hertha BSC), or a lower-case particle between two capitalised ones (Kirchheim unter Teck). In German,
    a capitalised common noun after it makes the pair an institution's German name (das Auswärtige Amt)."""
    w = tokens[i]
    if lang == "de" and w.capitalised and 0 < i and tokens[i - 1].capitalised and not tokens[i - 1].initial \
            and len(w.text) >= GERMAN_NOUN_LETTERS and german_compound(w.text):
        return True     # a compound after a capital: an organisation's name (Deutsche Flugsicherung)
    if w.capitalised:
        if _NAME_NEXT.match(text, w.end) is None:
            return False
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        # a street or square after it makes it a place name's first word (Merzhauser Strasse), no institution's
        return not (lang == "de" and following is not None and _german_common_noun(following.text)
                    and following.lower not in _place_heads())
    # a particle is short and sits between the two with nothing but spaces (not "the Burela cofradía, Marta
    # Pernas", "the Odesa khlibzavod No. 3": a common noun after a name)
    return (0 < i < len(tokens) - 1 and len(w.text) <= PARTICLE_LETTERS and tokens[i - 1].capitalised
            and not tokens[i - 1].initial and tokens[i + 1].capitalised
            and not text[tokens[i - 1].end:w.start].strip() and not text[w.end:tokens[i + 1].start].strip())


def _german_common_noun(word: str) -> bool:
    return (morph.zipf(word.lower(), "de") >= GERMAN_NEXT_COMMON and morph.zipf(word.lower(), "en")
            < GERMAN_NEXT_NOT_ENGLISH and _known_german(word))


def _italic(text: str, w: Word) -> bool:
    """The word is set in italics in plain-text markup (*Wildwuchs*, _Wildwuchs_)."""
    return w.start > 0 and w.end < len(text) and text[w.start - 1] in "*_" and text[w.end] in "*_"


def _opens_quote(text: str, w: Word) -> bool:
    return w.start > 0 and text[w.start - 1] in "\"“«„‘'"


def _opens_speech(text: str, w: Word) -> bool:
    """The word opens a quotation of more than QUOTED_NAME_WORDS words: reported speech („Schnapszahlen sind bei
    Hochzeitspaaren seit Jahren sehr beliebt“), whose first word is capitalised as any sentence's, not a name."""
    close = _CLOSING_QUOTE.search(text, w.end)
    return close is not None and len(words(text[w.start:close.start()])) > QUOTED_NAME_WORDS


def _unquoted(w: Word, cited: list[tuple[int, int]]) -> Word:
    """A word that opens a quotation is no sentence start: capitals say there what they say inside a sentence
    (“Despacito”, a title)."""
    return w._replace(initial=False) if w.initial and overlaps((w.start, w.end), cited) else w


def _copied(t: Word, s: Word, lang: str, first: Word | None = None) -> bool:
    """The same word on both sides, and not a short word more English than source-language (German and Italian
    in, German an): the run stops at the English sentence around it. A run on from a lower-case word (``first``)
    stops at a capitalised one: a name after a common noun is kept by English (the fantino Giovanni Atzeni)."""
    short_english = len(t.text) <= 3 and morph.zipf(t.lower, "en") >= morph.zipf(t.lower, lang)
    name = first is not None and t.capitalised and not t.initial and not first.capitalised
    return t.lower == s.lower and not short_english and not name and t.lower not in _english_function_words()


def _extend(t_words: list[Word], i: int, s_words: list[Word], j: int, lang: str) -> tuple[int, int, int, int]:
    """Target and source word ranges around the matched pair (i, j) over words copied in the same order (plan de
    choque, control de alcoholemia): (first target, last target, first source, last source)."""
    a, b = i, j
    while i - a < RUN_EXTENSION and a > 0 and b > 0 and _copied(t_words[a - 1], s_words[b - 1], lang):
        a, b = a - 1, b - 1
    c, d = i, j
    while (c - i < RUN_EXTENSION and c + 1 < len(t_words) and d + 1 < len(s_words)
           and _copied(t_words[c + 1], s_words[d + 1], lang, t_words[i])):
        c, d = c + 1, d + 1
    return a, c, b, d


def _speech(text: str, q: tuple[int, int]) -> bool:
    """The quotation is speech, not a cited term, name or title: a clause with a comma or a full stop inside
    («Sem calceteiros, a calçada desaparece»), or more than QUOTED_NAME_WORDS words. A title may end in ! or ?
    ("Руки вверх!", a band)."""
    inner = text[q[0] + 1:q[1] - 1].strip()
    return "," in inner or inner[-1:] == "." or len(words(inner)) > QUOTED_NAME_WORDS


def _cited(text: str) -> list[tuple[int, int]]:
    """Quotations that cite a term, a name or a title (``quoted``), not speech (``_speech``)."""
    return [q for q in quoted(text) if not _speech(text, q)]


def _title_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations that start with a capital: a name or a title («Нова пошта», "Крошку"), not speech."""
    return [q for q in _cited(text) if text[q[0] + 1:q[1]].lstrip()[:1].isupper()]


def _spells(t: Word, s: Word, lang: str) -> bool:
    """The English word is the source word romanised (Cyrillic) or as written, maybe with an English ending."""
    if lang in CYRILLIC:
        spelling = latin(t.text, "en")
        return any(_romanisation_of(spelling, r) for form in morph.lemmas(s.text, lang) | {s.text}
                   for r in romanisations(form, lang))
    forms = _stems(latin(s.text, lang)) | {latin(morph.lemma(s.text, lang), lang)}
    if _stems(latin(t.text, lang)) & forms:
        return True
    # German: another case of the same noun (Brunnenwärtern / Brunnenwärter, Kiezen / Kieze)
    return lang == "de" and t.capitalised and german_lemma(t.text) == german_lemma(s.text)


def _quoted_titles(views: list[SegmentView], lang: str) -> frozenset[str]:
    """English words the document writes capitalised in quotes for a source word in a quoted title (the new
    'Kroshka' for новую "Крошку"): the same word in lower case elsewhere in the document refers to that title
    (a 'new kroshka'), not a word left untranslated."""
    titles = set()
    for view in views:
        s_cited = _title_quotes(view.source)
        if not s_cited:
            continue
        in_titles = [w for w in words(view.source) if overlaps((w.start, w.end), s_cited)]
        cited = quoted(view.target)
        titles.update(t.lower for t in words(view.target)
                      if t.capitalised and len(t.text) >= MIN_LETTERS and overlaps((t.start, t.end), cited)
                      and any(_spells(t, s, lang) for s in in_titles))
    return frozenset(titles)


def _capitalised_inside(views: list[SegmentView]) -> frozenset[str]:
    """English words the document capitalises inside a sentence somewhere (in Kosiv): names, also where they open
    a sentence (Kosiv ceramics)."""
    return frozenset(w.lower for view in views for w in words(view.target) if w.capitalised and not w.initial)


def german_document_names(views: list[SegmentView]) -> frozenset[str]:
    """German words that the document shows to be names (session 17): written in both texts right after the same
    capitalised word (Jürgen Faltermeier), or after a bare preposition of place in the source that the English
    also puts bare before it (in Hinterzarten: a town; a noun left as is takes an article in English, in the
    Stadtpark). A surname or a town read as a compound of German words is no word left untranslated."""
    out: set[str] = set()
    source_bare, english_bare = bare_place_prepositions("de"), place_prepositions("en")
    for view in views:
        t_words = words(view.target)
        t_pairs = [(a.text, b.text) for a, b in zip(t_words, t_words[1:]) if view.target[a.end:b.start] == " "]
        s_words = words(view.source)
        for a, b in zip(s_words, s_words[1:]):
            if view.source[a.end:b.start] != " " or not b.capitalised or b.initial:
                continue
            if a.capitalised and not a.initial and (a.text, b.text) in t_pairs:
                out.add(b.lower)
            elif a.lower in source_bare and any(x.lower() in english_bare and y == b.text for x, y in t_pairs):
                out.add(b.lower)
    return frozenset(out)


def _lower_inside(w: Word) -> bool:
    """In lower case inside a sentence: written as a common noun, not a name."""
    return not w.initial and w.text[:1].islower()


def _unlisted(w: Word, lang: str) -> bool:
    """A Cyrillic word the dictionary lacks and the language barely uses, written in lower case inside a sentence
    and of letters only (шишкобой, a rare compound; not a name): a source word only where the English romanises it
    and has never seen the romanisation (pohutukawa, relayed into Russian from English, English knows; a web
    address copied in Cyrillic, стопкоронавирус.рф, is no romanisation)."""
    return lang in CYRILLIC and _lower_inside(w) and w.text.replace("-", "").isalpha() \
        and not morph.is_known(w.text, lang) and lemma_zipf(w.text, lang) < CYRILLIC_USED


def no_english_word(w: Word) -> bool:
    """Written in lower case but in no English dictionary, nor its lemma nor its stem without a plural ending: its
    wordfreq frequency comes from names or foreign text (albo, orla, lipa)."""
    return (not w.capitalised and "-" not in w.text
            and not any(morph.is_known(form, "en") for form in _stems(w.lower) | {morph.lemma(w.lower, "en")}))


def english_compound(word: str) -> bool:
    """Two common English words run together, maybe pluralised (fourballs, superprofits, Sportsound): an English
    coinage the source took over, not a source word. Parts are read by lemma, unlike ``cognates``' surface test,
    which must keep temperment (temper + ment, read as "mean") a misspelling."""
    lower = word.lower()
    return any(lemma_zipf(lower[:cut], "en") >= ENGLISH_STEM_COMMON
               and lemma_zipf(lower[cut:], "en") >= ENGLISH_STEM_COMMON
               for cut in range(ENGLISH_PART, len(lower) - ENGLISH_PART + 1))


def _english_limit(w: Word, lang: str) -> float:
    """The English frequency under which a token may be a source word: LATIN_NOT_ENGLISH (ROMANISED_NOT_ENGLISH
    for a romanisation English has a dictionary word for), NAME_ONLY_ENGLISH for a Latin-script source word of
    NAME_ONLY_LETTERS or more in lower case that no English dictionary has, whose frequency comes from names
    (Ciudad Juárez: "the ciudad woke up under snow")."""
    if lang in CYRILLIC:
        return LATIN_NOT_ENGLISH if no_english_word(w) else ROMANISED_NOT_ENGLISH
    name_only = len(w.text) >= NAME_ONLY_LETTERS and _lower_inside(w) and no_english_word(w)
    return NAME_ONLY_ENGLISH if name_only else LATIN_NOT_ENGLISH


def _written_as_noun(s_words: list[Word], j: int, lang: str) -> bool:
    """The source writes the word as a common noun, however rare: in lower case inside a sentence, not after a
    capitalised word (the second part of a name or a species: Amanita phalloides) and spelt with the language's
    letter pairs (``wordfreq_table.spelt_in``); for German, a dictionary word
    that is a compound of common German words (Silberlinde, Bürgergeld: ``german_compound``; names such as
    Weihegold or Obersendling are no dictionary words). Not an English compound (``english_compound``)."""
    w = s_words[j]
    if len(w.text) < RARE_LETTERS:
        return False
    before = s_words[j - 1] if j else None
    if lang == "de":
        # a compound the dictionary lacks counts after a lower-case word (die Feuerstättenschau, ein
        # Echtheitszertifikat), not after a capitalised one: a name's part (der Verein Schwarzwalduhr); nor before
        # a capitalised one: a place's adjective before its noun (der Merzhauser Straße, am Lindenauer Markt)
        # and not ending in an English word (Weihegold, a horse: gold): names mix the two
        after = s_words[j + 1] if j + 1 < len(s_words) else None
        after_lower = (before is not None and not before.capitalised and not (after is not None and after.capitalised)
                       and not _english_tail(w.text))
        noun = (w.capitalised and len(w.text) >= GERMAN_NOUN_LETTERS and (_known_german(w.text) or after_lower)
                and german_compound(w.text))
    else:
        noun = (_lower_inside(w) and not (before is not None and before.capitalised and not before.initial)
                and spelt_in(w.text, lang))     # not a third language's word both sides keep (chhappan bhog)
    return noun and not english_compound(latin(w.text, lang))      # écozones: eco + zones


def _known_compound(w: Word, lang: str) -> bool:
    """A hyphenated word of the source's dictionary in lower case (sapeurs-pompiers, vira-latas)."""
    return _lower_inside(w) and any(morph.is_known(form, lang) for form in (w.text, morph.lemma(w.text, lang)))


def _used_compound(w: Word, lang: str) -> bool:
    """A hyphenated word the dictionary lacks but the source language uses (vira-latas, Zipf 3.6 in Portuguese),
    in lower case inside a sentence, not made of English words (four-ball, know-how)."""
    return (_lower_inside(w) and lemma_zipf(w.text, lang) >= SOURCE_USED
            and not all(lemma_zipf(part, "en") >= ENGLISH_STEM_COMMON for part in w.text.split("-") if part))


def _determined_noun(w: Word) -> bool:
    """A capitalised German dictionary word English has never seen and German uses (Raute, Obmann, Kiez): a noun
    left as is only where its source word stands after a determiner (``_needs_determiner``)."""
    return (w.capitalised and len(w.text) >= GERMAN_DETERMINED_LETTERS and lemma_zipf(w.text, "en") < UNSEEN
            and lemma_zipf(w.text, "de") >= SOURCE_COMMON and _known_german(w.text))


def _german_noun(w: Word) -> bool:
    """A capitalised word that is a German noun whatever stands before it: a long noun of the German dictionary
    (Kindergeld) or a compound of German words, or a shorter one common in German (Entscheidung), no English word."""
    english = lemma_zipf(w.text, "en")
    long_noun = len(w.text) >= GERMAN_NOUN_LETTERS and english < GERMAN_NOT_ENGLISH
    common_noun = (len(w.text) >= GERMAN_SHORT_NOUN_LETTERS and english < GERMAN_SHORT_NOT_ENGLISH
                   and lemma_zipf(w.text, "de") >= GERMAN_SHORT_COMMON)
    return (long_noun or common_noun) and (_known_german(w.text) or (long_noun and german_compound(w.text)))


def _needs_determiner(w: Word) -> bool:
    """A capitalised German word that is a candidate only as a ``_determined_noun``."""
    return w.capitalised and _determined_noun(w) and not _german_noun(w)


def _plural(w: Word, lang: str) -> bool:
    """The Cyrillic word is in pymorphy3's dictionary and read first as a plural noun (a surname it does not know,
    Кузьминов, is guessed as one)."""
    found = morph.parses(w.text, lang)
    return bool(found) and {"NOUN", "plur"} <= found[0].tag.grammemes and morph.is_known(w.text, lang)


def _source_name(s: Word, t: Word, lang: str) -> bool:
    """A name on the source side (``is_source_name``), unless one side writes the word in lower case inside a
    sentence and the dictionary also reads it as a common noun (гончар: a potter, and a surname pymorphy3 reads
    first; путина, the fishing season, read as a case of Путин)."""
    if not is_source_name(s, lang):
        return False
    if not (_lower_inside(s) or (s.initial and _lower_inside(t))):
        return True
    return not any(not (NAME_TAGS & p.tag.grammemes) for p in morph.parses(s.text, lang))


class UntranslatedWordCheck:
    """One source word left in the English: romanised (ru, uk: *dogovor*, *vybory*) or as written (es, fr, de,
    it, pt), when it is common in the source language, not an English word and not an established loan."""

    name = "untranslated-word"

    def signature(self, lang: str) -> dict:
        return {"files": list(data_signature("established-loans.tsv", "romanisation-variants.tsv",
                                             "english-suffixes.tsv", "cyrillic-abbreviations.tsv",
                                             "source-abbreviations.tsv", "subdivisions.tsv", "mention-cues.tsv")),
                "loans": len(established_loans(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        loans = established_loans(lang)
        titles = _quoted_titles(ctx.aligned, lang)
        named = _capitalised_inside(ctx.aligned)
        terms = document_terms(ctx.aligned)
        glossed = document_mentions(ctx.aligned)
        german_names = german_document_names(ctx.aligned) if lang == "de" else frozenset()
        initials = _initials(ctx.target.text) if lang in CYRILLIC else ""
        for view in ctx.aligned:
            found = list(self._words(view, lang, loans, titles, named, terms, glossed, german_names))
            if lang in NAME_WORD_LANGS:
                found += _words_in_names(view, lang, glossed)
            if lang in CYRILLIC:
                found += _romanised_abbreviations(view, lang, initials)
                found += _romanised_compounds(view, lang)
            else:
                found += _source_abbreviations(view, lang)
            yield from outermost(found)

    def _words(self, view: SegmentView, lang: str, loans: frozenset[str], titles: frozenset[str] = frozenset(),
               named: frozenset[str] = frozenset(), terms: frozenset[str] = frozenset(),
               glossed: frozenset[str] = frozenset(), german_names: frozenset[str] = frozenset()) -> Iterable[Finding]:
        cited = _cited(view.target)
        tokens = [_unquoted(w, cited) for w in words(view.target)]
        foreign = [i for i, w in enumerate(tokens) if self._candidate(w, loans, lang)
                   and lemma_zipf(w.text, "en") < _english_limit(w, lang)
                   and not english_derivation(w.text) and term_key(w.text) not in terms
                   and w.lower not in titles and not _inside_name(view.target, tokens, i, lang)
                   and not (w.initial and w.capitalised and w.lower in named)
                   and not (w.capitalised and w.lower in german_names)]
        if not foreign:
            return
        s_words = words(view.source)
        source = [j for j, w in enumerate(s_words) if self._source_word(s_words, j, lang)]
        # a source word inside a quotation that starts with a capital is in a name or a title («Нова пошта»,
        # «Ой у лузі червона калина»): kept by a capitalised or a quoted English token
        s_cited = _title_quotes(view.source)
        runs: list[tuple[int, int, int, int]] = []
        for i in foreign:
            t = tokens[i]
            marked = overlaps((t.start, t.end), cited) or _italic(view.target, t)
            named = t.capitalised or marked
            loose = no_english_word(t) and not marked
            j = next((j for j in source if not _source_name(s_words[j], t, lang)
                      and not (_unlisted(s_words[j], lang) and (lemma_zipf(t.text, "en") >= UNSEEN
                                                                 or _CYRILLIC_LETTER.search(t.text)))
                      and self._same(t, s_words[j], lang, marked, loose)
                      and not (lang == "de" and _needs_determiner(t)
                               and not after_determiner(view.source, s_words[j].start, lang))
                      and not (named and overlaps((s_words[j].start, s_words[j].end), s_cited))), None)
            if j is None:
                continue
            run = _extend(tokens, i, s_words, j, lang)
            if runs and run[0] <= runs[-1][1] + 1:          # adjacent or overlapping: one stretch left as is
                last = runs.pop()
                run = (last[0], max(last[1], run[1]), min(last[2], run[2]), max(last[3], run[3]))
            runs.append(run)
        for a, c, b, d in runs:
            start, end = tokens[a].start, tokens[c].end
            if tokens[a].capitalised and _opens_quote(view.source, s_words[b]) \
                    and not _opens_speech(view.source, s_words[b]):
                continue    # a quoted name or title, quotes paired or not (der "Frankfurter Allgemeinen ...")
            if not mentioned(view.target, start, end, view.source[s_words[d].end:]) \
                    and not any(term_key(w.text) in glossed for w in tokens[a:c + 1]):
                yield self._finding(view, tokens[a:c + 1], s_words[b:d + 1], lang)

    @staticmethod
    def _source_word(s_words: list[Word], j: int, lang: str) -> bool:
        """A word of the source language: in Cyrillic and in its dictionary or used (a romanisation is evidence
        enough), or in use (a Latin-script word left as is; how common it must be depends on the English side), or
        written as a common noun however rare (``_written_as_noun``)."""
        w = s_words[j]
        if lang in CYRILLIC:
            # a word the dictionary lacks counts too where it is written in lower case inside a sentence: a rare
            # compound (шишкобой) is a word of the language, not a name
            return bool(_CYRILLIC_LETTER.search(w.text)) and (morph.is_known(w.text, lang) or _unlisted(w, lang)
                                                              or lemma_zipf(w.text, lang) >= CYRILLIC_USED)
        if "-" in w.text and not (_known_compound(w, lang) or _used_compound(w, lang)):
            return False        # four-ball: no one word
        return lemma_zipf(w.text, lang) >= SOURCE_USED or _written_as_noun(s_words, j, lang)

    @staticmethod
    def _candidate(w: Word, loans: frozenset[str], lang: str) -> bool:
        """Long enough, not an acronym, not a compound joined by a hyphen, not an established loan, not capitalised
        inside a sentence (as is: a name); romanised, capitalised anywhere (matched only to a lower-case source
        word); in German, capitalised only if it is a long noun of the German dictionary (Kindergeld) that is no
        English word."""
        if len(w.text) < MIN_LETTERS or w.text.isupper() or is_loan(w.text, loans):
            return False
        if "-" in w.text:       # a hyphenated word left as is (sapeurs-pompiers) is matched to a dictionary word
            return not w.capitalised and lang not in CYRILLIC
        if not w.capitalised or lang in CYRILLIC:
            return True
        if lang != "de":
            return w.initial     # capitalised inside a sentence: a name
        return _german_noun(w) or _determined_noun(w)

    @staticmethod
    def _same(t: Word, s: Word, lang: str, marked: bool = False, loose: bool = False) -> bool:
        """The English word is the source word left as is or romanised, maybe given an English ending, and the
        source word is far more common in its language than the English word is in English (or in use, where
        English has never seen the word; for a capitalised German word only when quotes or italics mark it as a
        foreign term: “Zeitenwende”)."""
        # both capitalised: a name (a romanised one too); for a Cyrillic source not when both only open a sentence
        # and the source reads as a plural noun (Вожатые, Vozhatye: a group of people; an organisation or a place is
        # singular: Укрзалізниця, Росстат)
        if t.capitalised and s.capitalised and lang != "de" and not (t.initial and s.initial and _plural(s, lang)):
            return False
        english = lemma_zipf(t.text, "en")
        # ``no_english_word``; one English pages have only in names (ciudad 2.8) needs NAME_ONLY_GAP
        gap = DICTIONARY_GAP if english < LATIN_NOT_ENGLISH else NAME_ONLY_GAP
        unlisted = loose and lemma_zipf(s.text, lang) >= LOOSE_SOURCE_COMMON \
            and lemma_zipf(s.text, lang) - english >= gap
        if lang in CYRILLIC:
            # the form's own frequency: a lemma may be another word's (ханами read as хан, "khan")
            if english >= NOT_ENGLISH and morph.zipf(s.text.lower(), lang) - english < LATIN_GAP and not unlisted:
                return False
            # capitalised: a foreign institution's own name may be a lower-case word in Russian (сейм, Seimas), so
            # only a word English has never seen romanising a common source word (Henprokurora, генпрокурора)
            # a capitalised adjective is a people's or a place's (гуцульський, Hutsul), which English capitalises; a
            # very common source word is a word of a romanised name (Дом культуры, Dom Kultury)
            if t.capitalised and not t.initial and (
                    any("ADJF" in p.tag.grammemes for p in morph.parses(s.text, lang)[:1])
                    or not (english < UNSEEN and lemma_zipf(s.text, lang) >= SOURCE_COMMON
                            or english < NOT_ENGLISH and lemma_zipf(s.text, lang) >= CAPITALISED_SOURCE_COMMON)):
                return False
            return _spells(t, s, lang)
        if not _spells(t, s, lang):
            return False
        source = lemma_zipf(s.text, lang)
        unseen = english < UNSEEN and not (lang == "de" and t.capitalised and not marked
                                           and not (len(t.text) >= GERMAN_NOUN_LETTERS and german_compound(t.text)))
        return (source >= SOURCE_COMMON and source - english >= LATIN_GAP) or unseen \
            or unlisted

    @staticmethod
    def _finding(view: SegmentView, t: list[Word], s: list[Word], lang: str) -> Finding:
        romanised = lang in CYRILLIC
        target = view.target_span(t[0].start, t[-1].end)
        source = view.source_span(s[0].start, s[-1].end)
        rarest = min(t, key=lambda w: lemma_zipf(w.text, "en"))
        what = (f"a romanisation of {name(lang)} “{source.text}”" if romanised
                else f"{name(lang)} “{source.text}” left as is")
        return Finding(
            "untranslated", "major", "untranslated-romanised" if romanised else "untranslated-word",
            "accuracy/untranslated",
            f"“{target.text}” is not English (“{rarest.text}”: Zipf {lemma_zipf(rarest.text, 'en'):.1f}): {what}, "
            f"which English translates", f"translate “{source.text}” (or gloss it if the term must stay)",
            view.segment.id, target_span=target, source_span=source)


# An abbreviation: two or more capitals, in Cyrillic on the source side, maybe with a case ending (ЦНАПи, ЗСУшників
# is a word: at most three letters); on the English side capitals with at most lower-case letters inside a
# digraph's romanisation (MChS, ZhKKh) and an English plural s (TsNAPs).
_CYRILLIC_ABBREVIATION = re.compile(r"(?<![\w-])[А-ЯЁІЇЄҐ]{2,}(?=[а-яёіїєґ]{0,3}(?![\w-]))")
_LATIN_ABBREVIATION = re.compile(r"(?<![\w-])[A-Z](?:[a-z]?[A-Z])+[a-z]?(?![\w-])")
# An abbreviation the data file does not list is reported when its romanisation shows a digraph (MChS, TsNAP,
# ZhKKh), unless it is this common in English (used in English anyway).
ABBREVIATION_ENGLISH = 2.5
# One in capitals only (ЛПК as LPK, ЕГЭ as EGE) may be the English abbreviation of the same words (РПЛ, RPL:
# Russian Premier League): it is reported when it has ABBREVIATION_LETTERS letters, is rare in English
# (ABBREVIATION_ENGLISH), names no organisation or place pymorphy3 knows, and the English document spells it out
# nowhere: no run of words there has its letters as initials. Longer ones are read as words: organisations' names
# English keeps (ALROSA, VNIRO) and datelines (ODESA).
ABBREVIATION_LETTERS = range(3, 5)


@dataclass(frozen=True)
class Abbreviation:
    english: str        # the English form to suggest, "" where English writes the romanisation itself
    severity: str       # major, minor, or keep (English press writes it romanised: FSB, SBU)
    note: str


@lru_cache(maxsize=None)
def cyrillic_abbreviations(lang: str) -> dict[str, Abbreviation]:
    """``resources/cyrillic-abbreviations.tsv``: Russian/Ukrainian abbreviations and their English forms."""
    return {r["cyrillic"]: Abbreviation(r["english"], r["severity"], r["note"])
            for r in read_table("cyrillic-abbreviations.tsv") if r["lang"] in (lang, "any")}


def _romanises(latin_token: str, cyrillic: str, lang: str) -> bool:
    """The Latin token spells the Cyrillic abbreviation letter for letter in some accepted system."""
    token = latin_token.lower()
    if token in romanisations(cyrillic, lang) or accepted_spelling(token, cyrillic.lower(), lang):
        return True
    return latin_token.endswith("s") and latin_token[-2:-1].isupper() and _romanises(latin_token[:-1], cyrillic, lang)


def _initials(text: str) -> str:
    """The first letters of the text's words and of the parts of hyphenated ones, English function words left out
    (High Anti-Corruption Court: hacc)."""
    skip = _english_function_words()
    return "".join(part[0].lower() for w in word_texts(text) for part in w.split("-")
                   if part and part.lower() not in skip)


def _unexplained(token: str, cyrillic: str, lang: str, initials: str) -> bool:
    """An all-capitals romanisation English readers cannot expand (``ABBREVIATION_LETTERS``)."""
    return (len(token) in ABBREVIATION_LETTERS and morph.zipf(token.lower(), "en") < ABBREVIATION_ENGLISH
            and not morph.proper_abbreviation(cyrillic, lang) and token.lower() not in initials)


def _romanised_abbreviations(view: SegmentView, lang: str, initials: str = "") -> Iterable[Finding]:
    """A Cyrillic abbreviation of the source romanised in the English (МЧС as MChS, ДТП as DTP) rather than
    translated or given its English abbreviation, unless English writes it so (FSB, NATO); ``initials`` are the
    English document's (``_initials``)."""
    sources = [m for m in _CYRILLIC_ABBREVIATION.finditer(view.source)]
    if not sources:
        return
    known = cyrillic_abbreviations(lang)
    for t in _LATIN_ABBREVIATION.finditer(view.target):
        s = next((s for s in sources if _romanises(t.group(), s.group(), lang)), None)
        if s is None:
            continue
        entry = known.get(s.group())
        if entry is None and t.group().isupper():
            if not _unexplained(t.group(), s.group(), lang, initials) or mentioned(view.target, *t.span()):
                continue        # glossed: the ZNO (external independent testing)
        elif entry is None and (morph.zipf(t.group().lower(), "en") >= ABBREVIATION_ENGLISH
                                or morph.proper_abbreviation(s.group(), lang)):
            continue        # a proper name's romanisation (VDNKh, MGIMO) is how English writes it
        if entry is not None and (entry.severity == "keep" or entry.english.lower() == t.group().lower()):
            continue
        yield _abbreviation_finding(view, t.span(), s.span(), lang, entry)


@lru_cache(maxsize=None)
def _compound_abbreviations(lang: str) -> dict[str, Abbreviation]:
    """The lower-case entries of ``cyrillic-abbreviations.tsv`` (Госдума, Минобороны), by their lower-cased form."""
    return {k.lower(): v for k, v in cyrillic_abbreviations(lang).items() if not k.isupper()}


def _romanised_compounds(view: SegmentView, lang: str) -> Iterable[Finding]:
    """A listed compound abbreviation of the source (Госдума, Минобороны, Кабмін: the lower-case entries of
    ``cyrillic-abbreviations.tsv``) romanised in the English in any case form (Gosduma, Minoborony) instead of
    its English name (State Duma, Defence Ministry)."""
    compounds = _compound_abbreviations(lang)
    if not compounds:
        return
    sources = [(w, entry) for w in words(view.source) if _CYRILLIC_LETTER.search(w.text)
               for key in morph.lemmas(w.text, lang) if (entry := compounds.get(key)) is not None]
    if not sources:
        return
    for t in words(view.target):
        spelling = latin(t.text, "en")
        found = next((s for s in sources if any(_romanisation_of(spelling, r) for r in romanisations(s[0].text, lang))),
                     None)
        if found is not None and found[1].severity != "keep":
            w, entry = found
            yield _abbreviation_finding(view, (t.start, t.end), (w.start, w.end), lang, entry)


@lru_cache(maxsize=None)
def source_abbreviations(lang: str) -> dict[str, Abbreviation]:
    """``resources/source-abbreviations.tsv``: abbreviations of a Latin-script source language that English writes
    its own way (es PIB: GDP, fr TVA: VAT, de EZB: ECB)."""
    return {r["abbreviation"]: Abbreviation(r["english"], r["severity"], r["note"])
            for r in read_table("source-abbreviations.tsv") if r["lang"] == lang}


def _source_abbreviations(view: SegmentView, lang: str) -> Iterable[Finding]:
    """A listed source abbreviation copied into the English (the OTAN, PIB grew, the MwSt), maybe with an English
    plural (HLMs), where English has its own (NATO, GDP, VAT)."""
    for abbreviation, entry in source_abbreviations(lang).items():
        if entry.severity == "keep" or abbreviation not in view.source:
            continue
        stem = re.escape(abbreviation.rstrip("."))
        # after a hyphen too: a compound around it (anti-SDF benches) keeps it as well
        s = re.search(rf"(?<!\w){stem}\.?(?![\w-])", view.source)
        t = re.search(rf"(?<!\w){stem}s?(?![\w-])", view.target) if s else None
        if t is not None:
            yield _abbreviation_finding(view, t.span(), s.span(), lang, entry, copied=True)


def _abbreviation_finding(view: SegmentView, t: tuple[int, int], s: tuple[int, int], lang: str,
                          entry: Abbreviation | None, copied: bool = False) -> Finding:
    if entry is None:
        severity, advice, why = "minor", f"translate the abbreviation “{view.source[s[0]:s[1]]}” (or expand it " \
            "on first mention)", "English readers cannot expand it"
    else:
        severity, advice, why = entry.severity, f"write “{entry.english}”", entry.note
    how = "copies" if copied else "romanises"
    return Finding(
        "untranslated", severity, "untranslated-abbreviation", "accuracy/untranslated",
        f"“{view.target[t[0]:t[1]]}” {how} the {name(lang)} abbreviation “{view.source[s[0]:s[1]]}” instead of "
        f"translating it ({why})", advice, view.segment.id,
        target_span=view.target_span(*t), source_span=view.source_span(*s))


# A common noun of the source inside a name the English keeps as written (el Ayuntamiento de Madrid, la Guardia
# Civil): a hint, since English keeps some such names. German is left out (every noun is capitalised there, see
# UntranslatedWordCheck._candidate), and so are Cyrillic sources (a capitalised romanisation is a name).
NAME_WORD_LANGS = frozenset({"es", "fr", "it", "pt"})
NAME_WORD_LETTERS = 6
NAME_WORD_COMMON = 3.0       # Zipf of the lower-case word in the source language (consejería 3.4)
# English pages carry these names too (ayuntamiento 1.6, mairie 1.6, ministerio 2.0): a word English keeps in names
# is far less rare there (guardia 2.7, ciudad 2.8, corriere 2.3), so a gap to the source frequency decides.
NAME_WORD_NOT_ENGLISH = 2.2
NAME_WORD_GAP = 2.5
NAME_RUN_WORDS = 5
# Articles before an institution's name (the Ayuntamiento, a Vigilância Sanitária report): a person's name has none
_NAME_ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=None)
def subdivisions(lang: str) -> frozenset[str]:
    """``resources/subdivisions.tsv``: regions, departments, provinces of the countries that write ``lang``."""
    return frozenset(r["name"] for r in read_table("subdivisions.tsv") if r["lang"] == lang)


@lru_cache(maxsize=100_000)
def _common_noun(word: str, lang: str) -> bool:
    lower = word.lower()
    source, english = morph.zipf(lower, lang), lemma_zipf(lower, "en")
    return (len(word) >= NAME_WORD_LETTERS and source >= NAME_WORD_COMMON and english < NAME_WORD_NOT_ENGLISH
            and source - english >= NAME_WORD_GAP and morph.is_known(lower, lang))


def _source_not_english(word: str, lang: str) -> bool:
    lower = word.lower()
    return morph.zipf(lower, lang) >= NAME_WORD_COMMON and lemma_zipf(lower, "en") < NAME_WORD_NOT_ENGLISH


def _copied_run(tokens: list[Word], i: int, s_words: list[Word]) -> tuple[int, int] | None:
    """The longest stretch of target words from ``i`` on copied letter for letter from the source, up to
    NAME_RUN_WORDS words: (last target index, first source index), or None."""
    best = None
    for j, s in enumerate(s_words):
        if s.text != tokens[i].text:
            continue
        c, d = i, j
        while (c + 1 - i < NAME_RUN_WORDS and c + 1 < len(tokens) and d + 1 < len(s_words)
               and tokens[c + 1].text == s_words[d + 1].text):
            c, d = c + 1, d + 1
        if best is None or c > best[0]:
            best = (c, j)
    return best


def _words_in_names(view: SegmentView, lang: str, glossed: frozenset[str] = frozenset()) -> Iterable[Finding]:
    """A capitalised source name copied letter for letter into the English after "the", "a" or "an" (an
    institution's name, which a person's name never follows: a Vigilância Sanitária report), headed by a common word
    of the source language that English does not use (the Ayuntamiento, the Comune di Roma, the Consejería de
    Sanidad, the Câmara Municipal): the span is the whole copied name."""
    cited = quoted(view.target)
    tokens = words(view.target)
    heads = [i for i, w in enumerate(tokens) if i and tokens[i - 1].lower in _NAME_ARTICLES and w.capitalised
             and not w.text.isupper() and not overlaps((w.start, w.end), cited) and _common_noun(w.text, lang)
             and w.text not in subdivisions(lang)]      # the Manche, the Var: a place English keeps as it is
    if not heads:
        return
    s_words = words(view.source)
    for i in heads:
        run = _copied_run(tokens, i, s_words)
        if run is None:
            continue
        c, b = run
        t = tokens[i]
        # the name runs on over common source words English does not use (de Sanidad, dei ministri), not over a
        # place or a word English shares (de Madrid, Municipal)
        last = max((k for k in range(i, c + 1) if k == i or _source_not_english(tokens[k].text, lang)))
        if last == i and tokens[i - 1].lower != "the":
            continue    # one word after "a"/"an" is a place's as often (an Alcantarilla resident), no institution's
        # a name the English classifies or glosses (the Stretto di Messina company, the Palácio da Bolsa, the
        # city's former stock exchange), here or earlier (the frigate Amiral Ronarc'h): the reader knows what it is
        if mentioned(view.target, tokens[i].start, tokens[c].end) or term_key(tokens[i].text) in glossed:
            continue
        target = view.target_span(tokens[i].start, tokens[last].end)
        yield Finding(
            "untranslated", "minor", "untranslated-name-word", "accuracy/untranslated",
            f"“{t.text}” is a common {name(lang)} word (Zipf {morph.zipf(t.text.lower(), lang):.1f}; "
            f"{lemma_zipf(t.text.lower(), 'en'):.1f} in English) kept inside a name (“{target.text}”): English "
            "readers may not know what it names", "translate the name, or gloss it on first mention",
            view.segment.id, target_span=target,
            source_span=view.source_span(s_words[b].start, s_words[b + last - i].end))
