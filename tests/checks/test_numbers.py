import pytest

from helpers import run_check, spans
from tqcheck.checks.numbers import NumberCheck, number_atoms


def test_atoms_ignore_locale_and_date_order():
    assert number_atoms("1.500 soldados el 15/02/2022", "es") == number_atoms("1,500 soldiers on 2022-02-15", "en")
    assert number_atoms("3,5 millones", "es") == number_atoms("3.5 million", "en")
    assert number_atoms("tres barcos", "es") == number_atoms("3 ships", "en")


@pytest.mark.parametrize("lang, source, target, expected, rule", [
    ("es", "Llegaron 1.500 soldados.", "Some 1,600 soldiers arrived.", ["1,600"], "number-mismatch"),
    ("fr", "Le bilan est de 12 morts.", "The toll is 21 dead.", ["21"], "number-mismatch"),
    ("de", "Der Umsatz stieg um 4,2 Prozent.", "Turnover rose by 4,2 percent.", ["4,2 percent"], "number-decimal-comma"),
    ("it", "Sono stati stanziati 3,5 milioni.", "3,5 million were allocated.", ["3,5 million"], "number-decimal-comma"),
    ("pt", "Foram vendidos 1.200 carros.", "1.200 cars were sold.", ["1.200 cars"], "number-thousands-dot"),
    ("ru", "В городе живут 250 тысяч человек.", "The city has 205,000 people.", ["205,000"], "number-mismatch"),
    ("uk", "Загинули 7 людей.", "Nine people died.", [None], "number-mismatch"),
])
def test_flags_number_errors(lang, source, target, expected, rule):
    findings = run_check(NumberCheck(), source, target, lang)
    assert spans(findings) == expected
    assert findings[0].rule == rule


@pytest.mark.parametrize("lang, source, target", [
    ("es", "Llegaron 1.500 soldados el 15/02/2022.", "Some 1,500 soldiers arrived on 2022-02-15."),
    ("fr", "Le bilan est de trois morts et 2,5 millions d'euros.", "The toll is 3 dead and 2.5 million euros."),
    ("de", "Um 10.30 Uhr begann die Sitzung.", "The meeting began at 10:30."),
    ("ru", "Это произошло в 2021 году.", "It happened in 2021."),
    ("uk", "Два міністри прибули.", "Two ministers arrived."),
])
def test_quiet_when_numbers_agree(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []
