import pytest

from helpers import run_check, spans
from tqcheck.checks.catalogue import rule_ids
from tqcheck.checks.region_forms import RegionFormCheck


@pytest.mark.parametrize("source, target, word", [
    ("Олійня працює на Вінниччині з 2015 року.", "The oil mill has worked in Vinnychchyna since 2015.",
     "Vinnychchyna"),
    ("Майстри з Івано-Франківщини привезли кераміку.", "Craftsmen from Ivano-Frankivshchyna brought ceramics.",
     "Ivano-Frankivshchyna"),
])
def test_region_form_romanised_is_found(source, target, word):
    findings = run_check(RegionFormCheck(), source, target, "uk")
    assert spans(findings) == [word]
    assert findings[0].rule == "name-region-uk" and findings[0].suggestion.endswith("region")


@pytest.mark.parametrize("lang, source, target", [
    ("uk", "Олійня працює на Вінниччині з 2015 року.", "The oil mill has worked in the Vinnytsia region since 2015."),
    # a historical region English keeps as it is, and a city
    ("uk", "Майстри зі Слобожанщини привезли кераміку.", "Craftsmen from Slobozhanshchyna brought ceramics."),
    ("uk", "Ярмарок відбувся у Вінниці.", "The fair took place in Vinnytsia."),
    ("ru", "Ярмарка прошла в Полтаве.", "The fair took place in Poltava."),
])
def test_region_named_in_english_or_not_listed_is_quiet(lang, source, target):
    assert run_check(RegionFormCheck(), source, target, lang) == []


def test_rule_is_catalogued_for_ukrainian_and_russian():
    assert "name-region-uk" in {r.id for r in rule_ids("uk")}
    assert "name-region-ru" in {r.id for r in rule_ids("ru")}
    assert "name-region-de" not in {r.id for r in rule_ids("de")}


@pytest.mark.parametrize("lang, source, target, word, suggestion", [
    ("ru", "Конкурс прошёл в Новосибирской области.", "The contest took place in Novosibirskaya Oblast.",
     "Novosibirskaya", "Novosibirsk region"),
    ("ru", "Мастера из Алтайского края привезли посуду.", "Craftsmen from Altaisky Krai brought tableware.",
     "Altaisky", "Altai Krai"),
    ("uk", "Кухню відкрили в Полтавській області.", "The kitchen opened in Poltavska Oblast.", "Poltavska",
     "Poltava Oblast"),
])
def test_an_oblasts_adjective_romanised_is_found(lang, source, target, word, suggestion):
    findings = run_check(RegionFormCheck(), source, target, lang)
    assert spans(findings) == [word]
    assert findings[0].rule == f"name-region-{lang}" and suggestion in findings[0].suggestion


@pytest.mark.parametrize("lang, source, target", [
    ("ru", "Конкурс прошёл в Новосибирской области.", "The contest took place in the Novosibirsk region."),
    ("ru", "Конкурс прошёл в Новосибирской области.", "The contest took place in Novosibirsk Oblast."),
    # not before область: a city district English keeps as it is, a krai English names by its adjective
    ("ru", "Школа находится в Кировском районе.", "The school is in the Kirovsky District."),
    ("ru", "Рыбаки Приморского края недовольны.", "Fishermen of Primorsky Krai are unhappy."),
    ("uk", "Кухню відкрили в Полтавській області.", "The kitchen opened in the Poltava region."),
])
def test_an_oblast_named_in_english_or_a_district_is_quiet(lang, source, target):
    assert run_check(RegionFormCheck(), source, target, lang) == []
