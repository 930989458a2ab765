"""Foreign names in the source language's spelling, read back into English spelling.

A Spanish article writes Jamenei, Gadafi, Ahmadineyad; a German one Chamenei, Dschidda; a French one Bachar,
Mouammar; an Italian one Gorbaciov. These are not Russian names read through Cyrillic (``relayed_names``) but
spellings of names from any language. The source language's conventions for foreign sounds (``names/respell.tsv``:
Spanish j for kh, German ch for kh and w for v, French ou for u, Italian ci for ch, single for double consonants)
rewrite the copied word into candidate English spellings; a candidate that English attests as a name (wordfreq
Zipf, and no English dictionary word) is the form English writes. No name is listed: the English forms come from
the frequency list.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from tqcheck import morph
from tqcheck.checks.gazetteer import ascii_english_places
from tqcheck.morph import zipf
from tqcheck.resources import read_table

ATTESTED = 2.0      # English Zipf from which a candidate is taken as the name English writes
MARGIN = 1.0        # ... and by how much more often than the copied spelling
UNKNOWN = 1.5       # the copied spelling must be rarer than this in English (Morrisey 1.96 is a name of its own)
CANDIDATES = 64     # spellings kept per word, fewest rewrites first


@dataclass(frozen=True)
class Row:
    source: str
    english: tuple[str, ...]
    position: str


@lru_cache(maxsize=None)
def rows(lang: str) -> dict[str, tuple[Row, ...]]:
    """First letter -> the language's rows that start with it, longest first."""
    out: dict[str, list[Row]] = {}
    for r in read_table("names/respell.tsv"):
        if lang in r["lang"].split("|"):
            out.setdefault(r["source"][0], []).append(Row(r["source"], tuple(r["english"].split("|")), r["position"]))
    return {k: tuple(sorted(v, key=lambda x: -len(x.source))) for k, v in out.items()}


def _row_at(word: str, i: int, table: dict[str, tuple[Row, ...]]) -> Row | None:
    for row in table.get(word[i], ()):
        end = i + len(row.source)
        if word.startswith(row.source, i) and (row.position != "initial" or i == 0) \
                and (row.position != "final" or end == len(word)):
            return row
    return None


@lru_cache(maxsize=50_000)
def spellings(word: str, lang: str) -> tuple[tuple[str, int], ...]:
    """Candidate English spellings of a word written the source language's way (lower case) with the number of
    rewrites each took, fewest first; letters without a row are kept, and diacritics are dropped at the end."""
    table, word = rows(lang), word.lower()
    out, i = [("", 0)], 0
    while i < len(word):
        row = _row_at(word, i, table)
        if row is None:
            out = [(s + word[i], cost) for s, cost in out]
            i += 1
            continue
        out = sorted(((s + e, cost + (e != row.source)) for e in row.english for s, cost in out),
                     key=lambda x: x[1])[:CANDIDATES]
        i += len(row.source)
    return tuple(dict.fromkeys((anyascii(s), cost) for s, cost in out))


@lru_cache(maxsize=50_000)
def respelled(word: str, lang: str, accents: frozenset[str] = frozenset(), words: bool = False) -> str | None:
    """The English spelling of a name copied in the source language's spelling, or None.

    The copied word must be unknown to English (Zipf < ``UNKNOWN``) and the candidate a name English attests
    (Zipf >= ``ATTESTED`` and ``MARGIN`` above the copy) that is no English dictionary word (Shaves is no spelling
    of Chaves) unless ``words`` (a name the source writes in another script is a name: Josh, Turner). A candidate
    that only drops accents counts only when every accented letter is one of ``accents`` (the source language's
    own: Salmán, not Erdoğan's ğ)."""
    if not word[1:].islower() or not word.isalpha():
        return None
    copied = zipf(word.lower())
    if copied >= UNKNOWN:
        return None
    plain = anyascii(word).lower()
    # The fewest rewrites that give a spelling English attests decide: Alí is Ali (a word), not Alli.
    attested = [(cost, zipf(s), s) for s, cost in spellings(word, lang) if s != word.lower() and zipf(s) >= ATTESTED]
    if not attested:
        return None
    fewest = min(cost for cost, _, _ in attested)
    _, score, best = max(a for a in attested if a[0] == fewest)
    if score < copied + MARGIN or (not words and morph.is_known(best, "en")):
        return None
    if best == plain:       # only the accents differ
        own = all(c in accents for c in word if not c.isascii()) and zipf(plain, lang) >= zipf(word.lower(), lang)
        if not own or best.capitalize() in ascii_english_places():  # a place's are ``names.kept_diacritics``'s
            return None
    return best.capitalize()
