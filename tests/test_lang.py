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


def test_a_confirmation_unloads_the_other_languages_models_for_the_first_releases(monkeypatch):
    lang.is_language.cache_clear()
    unloaded = []
    real = lang._detector

    def detector(codes):
        built = real(codes)
        if "de" in codes:
            return built

        class Others:                               # the detector of the languages to unload: record the call
            def unload_language_models(self):
                unloaded.append(codes)
        return Others()

    monkeypatch.setattr(lang, "_detector", detector)
    monkeypatch.setattr(lang, "_released", [lang.RELEASES - 1])
    assert lang.is_language(TEXTS["de"], "de")
    assert unloaded == [("es", "fr", "pt", "it", "ru", "uk")]           # kept: German and English
    assert not lang.is_language(TEXTS["en"], "de") and len(unloaded) == 1  # no confirmation, nothing to unload
    assert lang.is_language(TEXTS["de"] + " Und dann?", "de")
    assert len(unloaded) == 1                                           # RELEASES reached: the models stay


def test_answers_after_unloading_are_the_same():
    lang.is_language.cache_clear()
    text = "Obersendling - A fight broke out between two groups of young people at U-Bahnhof Aidenbachstraße."
    first = lang.detect(text)
    lang._detector(("es", "fr", "pt", "it", "ru", "uk")).unload_language_models()
    assert lang.detect(text) == first


def test_identifying_a_document_unloads_what_its_checks_do_not_use(monkeypatch):
    from tqcheck import pipeline

    unloaded = []
    monkeypatch.setattr(lang, "_unload", unloaded.append)
    assert pipeline.identify_languages(TEXTS["de"], TEXTS["en"], None, None) == ("de", "en")
    assert unloaded == [("es", "fr", "pt", "it", "ru", "uk")]           # kept: German and English
    assert pipeline.identify_languages(TEXTS["ru"], TEXTS["en"], None, "en") == ("ru", "en")
    assert unloaded[-1] == ("es", "fr", "de", "pt", "it")               # kept: Russian, Ukrainian, English
    assert pipeline.identify_languages(TEXTS["ru"], TEXTS["en"], "ru", "en") == ("ru", "en")
    assert len(unloaded) == 2                                           # nothing identified, nothing unloaded
