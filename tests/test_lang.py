"""Language identification: the narrow question "is this text in language X?" answers as the full detector."""
import pytest

from tqcheck import lang

TEXTS = {
    "de": "Die Regierung hat am Montag beschlossen, die Steuern für kleine Unternehmen zu senken.",
    "en": "The government decided on Monday to cut taxes for small businesses across the country.",
    "ru": "Правительство в понедельник решило снизить налоги для малого бизнеса по всей стране.",
    "uk": "Уряд у понеділок вирішив знизити податки для малого бізнесу по всій країні.",
    "fr": "Le gouvernement a décidé lundi de réduire les impôts des petites entreprises dans tout le pays.",
}


@pytest.mark.parametrize("text_lang", sorted(TEXTS))
@pytest.mark.parametrize("code", ["de", "ru", "uk", "fr", "es"])
def test_is_language_answers_as_detect(text_lang, code):
    text = TEXTS[text_lang]
    assert lang.detect(text) == text_lang
    assert lang.is_language(text, code) == (text_lang == code)


def test_an_english_text_is_asked_of_a_german_english_detector_only():
    lang._detector.cache_clear()
    lang.is_language.cache_clear()
    assert not lang.is_language(TEXTS["en"], "de")
    assert lang._detector.cache_info().currsize == 1          # not the eight-language detector
    lang._detector(("de", "en"))
    assert lang._detector.cache_info().hits == 1


def test_a_repeated_question_is_answered_from_memory(monkeypatch):
    lang.is_language.cache_clear()
    asked = []
    real = lang._detect
    monkeypatch.setattr(lang, "_detect", lambda text, codes: asked.append(codes) or real(text, codes))
    assert lang.is_language(TEXTS["de"], "de") and lang.is_language(TEXTS["de"], "de")
    assert asked == [("de", "en"), ("es", "fr", "de", "pt", "it", "ru", "uk", "en")]   # once, not twice
    assert not lang.is_language(TEXTS["de"], "fr")
    assert len(asked) == 3                                   # another language is another question
