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
    near = CYRILLIC_LANGUAGES if code in CYRILLIC_LANGUAGES else (code,)
    small = tuple(dict.fromkeys((*near, "en")))
    return _detect(text, small) == code and detect(text) == code


def name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "an unknown language")
