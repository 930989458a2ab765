import tomllib
from importlib import resources

import pytest

from helpers import run_check, spans
from tqcheck.checks.titles import TitleCheck, offices

LANGS = ("es", "fr", "de", "pt", "it", "ru", "uk")

# (source, English with a literal rendering or another office's title, flagged span, rule, suggestion contains)
WRONG = {
    "es": ("El consejero de Sanidad de la Junta, Jesús Aguirre, anunció nuevas medidas.",
           "The Junta's health counsellor, Jesús Aguirre, announced new measures.",
           "counsellor", "es-office-consejero-autonomico", "regional minister"),
    "fr": ("Trois conseillers municipaux de l'opposition ont quitté la séance.",
           "Three opposition municipal counsellors left the meeting.",
           "municipal counsellors", "fr-office-conseiller-municipal", "councillor"),
    "de": ("Der Bürgermeister der Stadt eröffnete am Samstag die Ausstellung.",
           "The city's burgomaster opened the exhibition on Saturday.",
           "burgomaster", "de-office-buergermeister", "mayor"),
    "pt": ("O presidente da Câmara Municipal de Lisboa, Carlos Moedas, inaugurou a ponte.",
           "The president of the Municipal Chamber of Lisbon, Carlos Moedas, opened the bridge.",
           "president of the Municipal Chamber", "pt-office-presidente-camara", "mayor"),
    "it": ("Il sindaco di Milano ha incontrato i commercianti del centro.",
           "The syndic of Milan met the shopkeepers of the centre.",
           "syndic", "it-office-sindaco", "mayor"),
    "ru": ("Глава МИД России Сергей Лавров провел переговоры в Анкаре.",
           "The head of the MFA of Russia Sergei Lavrov held talks in Ankara.",
           "head of the MFA", "ru-office-glava-mid", "foreign minister"),
    "uk": ("Очільник МЗС Дмитро Кулеба заявив про нові санкції.",
           "The head of the MFA Dmytro Kuleba announced new sanctions.",
           "head of the MFA", "uk-office-holova-mzs", "foreign minister"),
}

RIGHT = {
    "es": "Jesús Aguirre, the regional health minister, announced new measures.",
    "fr": "Three opposition town councillors left the meeting.",
    "de": "The mayor opened the exhibition on Saturday.",
    "pt": "Lisbon mayor Carlos Moedas opened the bridge.",
    "it": "The mayor of Milan met shopkeepers from the city centre.",
    "ru": "Russian Foreign Minister Sergei Lavrov held talks in Ankara.",
    "uk": "Foreign Minister Dmytro Kuleba announced new sanctions.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_literal_office_is_flagged_with_the_english_title(lang):
    source, target, span, rule, suggestion = WRONG[lang]
    findings = run_check(TitleCheck(defer_to_lexicon=False), source, target, lang)
    assert spans(findings) == [span]
    assert findings[0].rule == rule and findings[0].category == "title"
    assert suggestion in findings[0].suggestion


@pytest.mark.parametrize("lang", LANGS)
def test_press_title_is_quiet(lang):
    assert run_check(TitleCheck(defer_to_lexicon=False), WRONG[lang][0], RIGHT[lang], lang) == []


def test_canciller_is_foreign_minister_in_latin_america_and_chancellor_next_to_germany():
    check = TitleCheck(defer_to_lexicon=False)
    latam = "El canciller mexicano Marcelo Ebrard viajó a Washington."
    found = run_check(check, latam, "Mexican Chancellor Marcelo Ebrard travelled to Washington.", "es")
    assert spans(found) == ["Chancellor"] and found[0].severity == "major" and found[0].suggestion == "foreign minister"
    assert run_check(check, latam, "Mexican Foreign Minister Marcelo Ebrard travelled to Washington.", "es") == []
    german = "El canciller alemán Olaf Scholz llegó a Madrid."
    found = run_check(check, german, "German Foreign Minister Olaf Scholz arrived in Madrid.", "es")
    assert spans(found) == ["Foreign Minister"] and found[0].suggestion == "chancellor"
    assert run_check(check, german, "German Chancellor Olaf Scholz arrived in Madrid.", "es") == []


def test_another_office_is_not_flagged_when_the_right_title_is_there_too():
    source = "El canciller argentino se reunió con el canciller alemán Olaf Scholz."
    target = "The Argentine foreign minister met German Chancellor Olaf Scholz."
    assert run_check(TitleCheck(defer_to_lexicon=False), source, target, "es") == []


def test_german_compound_office():
    source = "Bundesaußenministerin Annalena Baerbock reiste nach Kiew."
    found = run_check(TitleCheck(), source, "Federal outside minister Annalena Baerbock travelled to Kyiv.", "de")
    assert spans(found) == ["outside minister"]


def test_ukrainian_vice_premier():
    source = "Віцепрем'єр Михайло Федоров представив новий застосунок."
    found = run_check(TitleCheck(), source, "Vice-premier Mykhailo Fedorov presented a new app.", "uk")
    assert spans(found) == ["Vice-premier"] and found[0].suggestion == "deputy prime minister"


def test_a_list_rule_on_the_same_span_wins():
    # es-canciller-latam (rules/es-en/titles.tsv) already flags it: the office table stays quiet by default.
    source, target = "El canciller mexicano viajó a Washington.", "The Mexican chancellor travelled to Washington."
    assert run_check(TitleCheck(), source, target, "es") == []
    assert spans(run_check(TitleCheck(defer_to_lexicon=False), source, target, "es")) == ["chancellor"]


@pytest.mark.parametrize("lang", LANGS)
def test_office_tables_load_with_required_fields(lang):
    table = offices(lang)
    assert len(table) >= 5
    raw = tomllib.loads((resources.files("tqcheck.resources") / "offices" / f"{lang}.toml").read_text("utf-8"))
    for office in raw["office"]:
        assert office["id"].startswith(f"{lang}-office-")
        assert office["english"] and (office.get("literal") or office.get("other")), office["id"]
    assert len({o.id for o in table}) == len(table)
