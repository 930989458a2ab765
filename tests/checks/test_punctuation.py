import pytest

from helpers import run_check, spans
from tqcheck.checks.punctuation import PunctuationCheck


@pytest.mark.parametrize("lang, source, target, expected", [
    ("es", "Dijo: «ya basta».", "He said: «enough».", ["«enough»"]),
    ("es", "¿Cuánto durará?", "¿How long will it last?", ["¿"]),
    ("es", "Las posibilidades -de diálogo- siguen.", "The possibilities -for dialogue- remain.", ["-for dialogue-"]),
    ("es", "«Hay que seguir (…) sin pausa».", "“We must go on (…) without pause.”", ["(…)"]),
    ("fr", "Il a dit : « non ».", "He said : “no”.", [" "]),
    ("de", "Er sagte „nein“.", "He said „no“.", ["„"]),
    ("it", "Ha detto «no».", "He said  “no”.", ["  "]),
    ("pt", "Disse «não».", "He said (no.", ["("]),
    ("ru", "Он сказал: «нет».", "He said: «no».", ["«no»"]),
    ("uk", "Він сказав: «ні».", "He said: «no».", ["«no»"]),
    ("es", "El 70 % de los socios votó.", "70 % of the members voted.", ["70 %"]),
    ("fr", "Une hausse de 3,5\u00a0%.", "A rise of 3.5\u00a0%.", ["3.5\u00a0%"]),
    ("ru", "«Мы знали», — сказал юрист.", "“We knew,” — said the lawyer.", [",” —"]),
    ("uk", "— Ми вклали 400 мільйонів.", "— We have invested 400 million.", ["— "]),
    ("es", "—No lo esperábamos —explicó Marín.", "We did not expect it —explained Marín.", ["—explained"]),
    ("it", "«È insostenibile – spiega l'infermiera.", "\"It is unsustainable – explains the nurse.", ["– explains"]),
    ("es", "Una médica —que trabaja en Vallecas—, dice.", "A doctor —who works in Vallecas—, says.", ["—,"]),
])
def test_flags_source_typography(lang, source, target, expected):
    assert spans(run_check(PunctuationCheck(), source, target, lang)) == expected


@pytest.mark.parametrize("lang, source, target", [
    ("es", "Dijo: «ya basta».", "He said: “enough.”"),
    ("fr", "Un accord franco-allemand.", "A Franco-German deal, signed in 2020-21, holds."),
    ("de", "Er sagte „nein“.", "He said — briefly — “no” (twice)."),
    ("ru", "Он сказал: «нет».", "He said: \"no\". The 5-4 vote passed."),
    ("es", "El 70 % de los socios votó.", "70% of the members voted."),
    ("es", "El plan, que costará 5 millones, sigue.", "The plan – said to cost $5m – goes on."),
    ("ru", "«Мы знали», — сказал юрист.", "“We knew,” said the lawyer — and left."),
])
def test_quiet_on_english_typography(lang, source, target):
    assert run_check(PunctuationCheck(), source, target, lang) == []


def test_quote_opened_and_left_open_at_paragraph_end_is_english_convention():
    findings = run_check(PunctuationCheck(), "Dijo: «seguimos.", "He said: “we go on.", "es")
    assert findings == []


def test_dashes_of_one_quotation_are_one_finding():
    findings = run_check(PunctuationCheck(), "— Діти бояться сирен, — каже вчителька Олена.",
                         "— Children are afraid of the sirens, — says teacher Olena.", "uk")
    assert [(f.rule, f.target_span.text) for f in findings] == [
        ("punct-dialogue-dash", "— Children are afraid of the sirens, —")]
