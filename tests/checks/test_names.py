import pytest

from helpers import run_check, spans
from tqcheck.checks.names import NameCheck


@pytest.mark.parametrize("lang, source, target, expected", [
    ("es", "El ministro Serguéi Shoigú habló.", "Minister Serguéi Shoigú spoke.", ["Serguéi", "Shoigú"]),
    ("fr", "Sergueï Lavrov est arrivé.", "Sergueï Lavrov arrived.", ["Sergueï"]),
    ("de", "Wolodymyr Selenskyj sprach.", "Wolodymyr Selenskyj spoke.", ["Wolodymyr", "Selenskyj"]),
    ("es", "Scholz visitó Kiev.", "Scholz visited Kiev.", ["Kiev"]),
])
def test_flags_transcriptions_and_exonyms(lang, source, target, expected):
    assert spans(run_check(NameCheck(), source, target, lang)) == expected


@pytest.mark.parametrize("lang, source, target", [
    ("es", "José Sánchez y Sergei Shoigu hablaron en Kyiv.", "José Sánchez and Sergei Shoigu spoke in Kyiv."),
    ("fr", "François Bayrou a rencontré Dmitry Peskov.", "François Bayrou met Dmitry Peskov."),
    ("de", "Jürgen Müller besuchte Kyjiw.", "Jürgen Müller visited Kyiv."),
    ("pt", "O ministro João Gonçalves chegou a São Paulo.", "Minister João Gonçalves arrived in São Paulo."),
    ("it", "Il ministro Niccolò Rossi è arrivato.", "Minister Niccolò Rossi arrived."),
])
def test_quiet_on_english_forms_and_native_names(lang, source, target):
    assert run_check(NameCheck(), source, target, lang) == []


def test_same_name_two_spellings():
    findings = run_check(NameCheck(exonyms="off"),
                         "Habló Zelenski.\n\nZelenski insistió.", "Zelensky spoke.\n\nZelénsky insisted.", "es")
    assert [(f.rule, f.target_span.text) for f in findings] == [("name-two-spellings", "Zelénsky")]
