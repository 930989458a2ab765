import pytest

from helpers import run_check, spans
from tqcheck.checks.catalogue import rule_ids
from tqcheck.checks.family_names import FamilyNameCheck


@pytest.mark.parametrize("source, target, word, suggestion", [
    ("Подружжя Тетяна та Богдан Мельничуки вичавлюють тут олію.",
     "The couple Tetiana and Bohdan Melnychuky press oil here.", "Melnychuky", "the Melnychuk family"),
    ("Родинне підприємство Гончаренків смажить насіння.", "The Honcharenkiv family business roasts seeds.",
     "Honcharenkiv", "the Honcharenko family"),
])
def test_surname_plural_case_form_romanised_is_found(source, target, word, suggestion):
    findings = run_check(FamilyNameCheck(), source, target, "uk")
    assert spans(findings) == [word]
    assert findings[0].rule == "name-family-uk" and findings[0].suggestion == suggestion


@pytest.mark.parametrize("lang, source, target", [
    ("uk", "Родинне підприємство Гончаренків смажить насіння.", "The Honcharenko family business roasts seeds."),
    ("uk", "Подружжя Тетяна та Богдан Мельничуки вичавлюють тут олію.",
     "The couple Tetiana and Bohdan Melnychuk press oil here."),
    # plural places are inanimate; a people's name in English form is no romanisation
    ("uk", "Ярмарок відбувся в Черкасах і Сумах.", "The fair took place in Cherkasy and Sumy."),
    ("uk", "Гуцули зустрілися в Косові.", "The Hutsuls met in Kosiv."),
    ("ru", "Ивановы открыли пекарню.", "The Ivanovy opened a bakery."),      # Russian: not measured, off
    # foreign names pymorphy3 guesses as plural case forms (Феррелла, Еріка)
    ("uk", "Елізабет Феррелл закликала громадськість допомогти.", "Elisabeth Ferrell urged the public to help."),
    ("uk", "У сагах говориться, що Ерік Рудий був вигнаний.", "The sagas say that Erik the Red was exiled."),
])
def test_family_named_in_english_or_other_plural_is_quiet(lang, source, target):
    assert run_check(FamilyNameCheck(), source, target, lang) == []


def test_rule_is_catalogued_for_ukrainian():
    assert "name-family-uk" in {r.id for r in rule_ids("uk")}
