"""Language identification with lingua, restricted to the languages tqcheck supports."""
from __future__ import annotations

from functools import lru_cache

from tqcheck import heap

SOURCE_LANGUAGES = ("es", "fr", "de", "pt", "it", "ru", "uk")
TARGET_LANGUAGES = ("en",)
LANGUAGE_NAMES = {
    "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
    "ru": "Russian", "uk": "Ukrainian", "en": "English",
}
_SAMPLE_CHARS = 3000


CYRILLIC_LANGUAGES = ("ru", "uk")


@lru_cache(maxsize=None)
def _detector(codes: tuple[str, ...] = tuple(LANGUAGE_NAMES)):
    # Building lingua takes about a second: once per process and language set, only when a language must be
    # guessed. Its n-gram models are loaded per language as text needs them (20-60 MB each).
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the most likely supported language of ``text``, or None."""
    return _detect(text, tuple(LANGUAGE_NAMES))


def _detect(text: str, codes: tuple[str, ...]) -> str | None:
    before = heap.rss()
    language = _detector(codes).detect_language_of(text[:_SAMPLE_CHARS])
    if heap.rss() - before > heap.GROWTH:
        heap.trim()             # lingua loaded models (a language's first text of its length class): drop its buffers
    return None if language is None else language.iso_code_639_1.name.lower()


@lru_cache(maxsize=8192)
def is_language(text: str, code: str) -> bool:
    """``detect(text) == code``, asked first of a detector that knows only ``code``, English and the languages
    sharing ``code``'s alphabet (lingua scores each language on its own, so a text this one does not call ``code``
    is not called ``code`` by all eight either); only a "yes" is confirmed by the full detector. A run over English
    translations thus loads the models of two or three languages, not of every language of its alphabet. Answers
    are remembered per text: a translation memory repeats its segments (lingua takes 2 ms a question)."""
    small = _small(code)
    if _detect(text, small) != code:
        return False
    answer = detect(text) == code
    _release_others(small)
    return answer


def _small(code: str) -> tuple[str, ...]:
    """The languages of :func:`is_language`'s first detector for ``code``: it, its alphabet's kin and English."""
    near = CYRILLIC_LANGUAGES if code in CYRILLIC_LANGUAGES else (code,)
    return tuple(dict.fromkeys((*near, "en")))


def identified(code: str) -> None:
    """Unload the n-gram models that identifying the languages of a document loaded and that asking
    :func:`is_language` of ``code`` does not use at first (an English and a German sample load every Latin-script
    language's: 69 MiB for es, fr, pt, it held to the end of a de-en memory). Answers never change: lingua reads
    a model again when a detector needs it (``bench/lingua_unload.py --identified``)."""
    if code in LANGUAGE_NAMES:
        _unload(tuple(c for c in LANGUAGE_NAMES if c not in _small(code)))


def _unload(codes: tuple[str, ...]) -> None:
    _detector(codes).unload_language_models()
    heap.trim()


RELEASES = 8            # confirmations after which the other languages' models stay loaded
_released = [0]


def _release_others(kept: tuple[str, ...]) -> None:
    """Unload the n-gram models of the languages not in ``kept`` that a confirmation loaded (75 MiB for the four
    other Latin-script languages on a sentence under 120 characters; reloading them costs 0.65 s of CPU), for the
    first :data:`RELEASES` confirmations of a process: a memory with a stray source-language sentence or two does
    not hold them to its end, one full of untranslated text pays 5 s at most before keeping them. Answers never
    change: the models are read again from lingua's files when needed."""
    if _released[0] >= RELEASES:
        return
    _released[0] += 1
    _unload(tuple(c for c in LANGUAGE_NAMES if c not in kept))


def name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "an unknown language")
