from helpers import run_check, spans
from tqcheck.checks.untranslated import UntranslatedCheck


def test_flags_sentence_left_in_the_source_language():
    source = "El gobierno aprobó ayer el presupuesto para el próximo año."
    findings = run_check(UntranslatedCheck(), source, source, "es")
    assert spans(findings) == [source]
    ru = "Правительство вчера одобрило бюджет на следующий год."
    assert spans(run_check(UntranslatedCheck(), ru, "Правительство вчера одобрило новый бюджет страны.", "ru"))


def test_quiet_on_english_and_short_lines():
    assert run_check(UntranslatedCheck(), "El gobierno aprobó ayer el presupuesto.",
                     "The government approved the budget yesterday.", "es") == []
    assert run_check(UntranslatedCheck(), "Vía diplomática", "Vía diplomática", "es") == []
