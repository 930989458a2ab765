import pytest

from helpers import run_check, spans
from tqcheck.checks.untranslated import UntranslatedCheck

LEFT_IN_SOURCE = {
    "es": "El gobierno aprobó ayer el presupuesto para el próximo año.",
    "fr": "Le gouvernement a approuvé hier le budget de l'année prochaine.",
    "de": "Die Regierung hat gestern den Haushalt für das nächste Jahr beschlossen.",
    "pt": "O governo aprovou ontem o orçamento para o próximo ano.",
    "it": "Il governo ha approvato ieri il bilancio per il prossimo anno.",
    "ru": "Правительство вчера одобрило бюджет на следующий год.",
    "uk": "Уряд учора схвалив бюджет на наступний рік.",
}


@pytest.mark.parametrize("lang", sorted(LEFT_IN_SOURCE))
def test_flags_sentence_left_in_the_source_language(lang):
    source = LEFT_IN_SOURCE[lang]
    assert spans(run_check(UntranslatedCheck(), source, source, lang)) == [source]


@pytest.mark.parametrize("lang", sorted(LEFT_IN_SOURCE))
def test_quiet_on_english_and_short_lines(lang):
    english = "Yesterday the government approved the budget for next year."
    assert run_check(UntranslatedCheck(), LEFT_IN_SOURCE[lang], english, lang) == []
    headline = LEFT_IN_SOURCE[lang].split()[0]
    assert run_check(UntranslatedCheck(), headline, headline, lang) == []


def test_a_rewritten_sentence_in_the_source_language_is_caught_too():
    target = "Правительство вчера одобрило новый бюджет страны на будущий год."
    assert spans(run_check(UntranslatedCheck(), LEFT_IN_SOURCE["ru"], target, "ru")) == [target]


def test_a_target_without_cyrillic_letters_is_not_asked_of_lingua_for_a_cyrillic_source(monkeypatch):
    def fail(text, code):
        raise AssertionError(f"lingua asked about {text!r}")

    monkeypatch.setattr("tqcheck.checks.untranslated.is_language", fail)
    german = "Die Regierung hat den neuen Haushalt für das kommende Jahr gestern beschlossen."
    assert run_check(UntranslatedCheck(), LEFT_IN_SOURCE["ru"], german, "ru") == []
    with pytest.raises(AssertionError, match="lingua asked"):
        run_check(UntranslatedCheck(), LEFT_IN_SOURCE["de"], german, "de")
