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


def test_rule_is_catalogued_for_ukrainian_only():
    assert "name-region-uk" in {r.id for r in rule_ids("uk")}
    assert "name-region-ru" not in {r.id for r in rule_ids("ru")}
