import pytest

from helpers import run_check, spans
from tqcheck.checks.numbers import NumberCheck, extract_numbers, pair_numbers


@pytest.mark.parametrize("lang, source, target", [
    ("es", "1.500 soldados el 15/02/2022", "1,500 soldiers on 2022-02-15"),
    ("es", "3,5 millones", "3.5 million"),
    ("es", "3.500 millones", "3.5 billion"),
    ("es", "tres barcos", "3 ships"),
    ("es", "en el siglo XIX", "in the 19th century"),
    ("es", "en los años 60", "in the 1960s"),
    ("fr", "19 500 km2 et 1000 livres", "19,500 km² and 1,000 pounds"),
    ("de", "rund 5000 Menschen um 17 Uhr", "around 5,000 people at 5 p.m."),
    ("ru", "10 тысяч человек", "10,000 people"),
    ("ru", "тремя способами", "in 3 ways"),
])
def test_numbers_pair_across_locales_and_forms(lang, source, target):
    missing, extra = pair_numbers(extract_numbers(source, lang), extract_numbers(target, "en"))
    assert [n.text for n in missing if n.digits] == [] and [n.text for n in extra if n.digits] == []


@pytest.mark.parametrize("lang, source, target, expected, rule", [
    ("es", "Llegaron 1.500 soldados.", "Some 1,600 soldiers arrived.", ["1,600"], "number-mismatch"),
    ("fr", "Le bilan est de 12 morts.", "The toll is 21 dead.", ["21"], "number-mismatch"),
    ("de", "Der Umsatz stieg um 4,2 Prozent.", "Turnover rose by 4,2 percent.", ["4,2 percent"], "number-decimal-comma"),
    ("it", "Sono stati stanziati 3,5 milioni.", "3,5 million were allocated.", ["3,5 million"], "number-decimal-comma"),
    ("pt", "Foram vendidos 1.200 carros.", "1.200 cars were sold.", ["1.200 cars"], "number-thousands-dot"),
    ("ru", "В городе живут 250 тысяч человек.", "The city has 205,000 people.", ["205,000"], "number-mismatch"),
    ("uk", "Загинули 7 людей.", "Nine people died.", [None], "number-mismatch"),
    ("es", "La tormenta dejó 12 muertos.", "The storm left 12 dead and 40 injured.", ["40"], "number-mismatch"),
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
    ("es", "El tramo mide 136 km.", "The stretch is 85 miles long."),
])
def test_quiet_when_numbers_agree(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []
