"""Language identification with lingua, restricted to the languages tqcheck supports."""
from __future__ import annotations

from functools import lru_cache

SOURCE_LANGUAGES = ("es", "fr", "de", "pt", "it", "ru", "uk")
TARGET_LANGUAGES = ("en",)
LANGUAGE_NAMES = {
    "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
    "ru": "Russian", "uk": "Ukrainian", "en": "English",
}
_SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _detector():
    # Building lingua takes about a second: once per process, and only when a language must be guessed.
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGE_NAMES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the most likely supported language of ``text``, or None."""
    language = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return None if language is None else language.iso_code_639_1.name.lower()


def name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "an unknown language")
