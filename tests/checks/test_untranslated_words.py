import pytest

from helpers import run_check, spans
from tqcheck.checks.untranslated import UntranslatedWordCheck, established_loans

# (source, English with one source word left in it, that word)
LEFT_IN = {
    "es": ("El ayuntamiento aprobó ayer el presupuesto de 2024.",
           "The ayuntamiento approved the 2024 budget yesterday.", "ayuntamiento"),
    "fr": ("La mairie a annoncé la fermeture des écoles jeudi.",
           "The mairie announced the closure of the schools on Thursday.", "mairie"),
    "de": ("Die Regierung will das Kindergeld im Januar erhöhen.",
           "The government wants to raise the Kindergeld in January.", "Kindergeld"),
    "pt": ("A prefeitura anunciou novas linhas de ônibus.",
           "The prefeitura announced new bus lines.", "prefeitura"),
    "it": ("Il comune ha chiuso le scuole per la neve.",
           "The comune closed the schools because of the snow.", "comune"),
    "ru": ("Стороны подписали договор о сотрудничестве.",
           "The parties signed a dogovor on cooperation.", "dogovor"),
    "uk": ("Сторони підписали угоду про співпрацю.",
           "The parties signed an uhodu on cooperation.", "uhodu"),
}

TRANSLATED = {
    "es": "The city council approved the 2024 budget yesterday.",
    "fr": "The town hall announced on Thursday that schools would close.",
    "de": "The government wants to raise child benefit in January.",
    "pt": "City hall announced new bus routes.",
    "it": "The town council closed the schools because of the snow.",
    "ru": "The parties signed a cooperation agreement.",
    "uk": "The parties signed a cooperation agreement.",
}


@pytest.mark.parametrize("lang", sorted(LEFT_IN))
def test_source_word_left_in_the_english(lang):
    source, target, word = LEFT_IN[lang]
    findings = run_check(UntranslatedWordCheck(), source, target, lang)
    assert spans(findings) == [word]
    rule = "untranslated-romanised" if lang in ("ru", "uk") else "untranslated-word"
    assert findings[0].rule == rule and findings[0].category == "untranslated"


@pytest.mark.parametrize("lang", sorted(TRANSLATED))
def test_translated_word_is_quiet(lang):
    assert run_check(UntranslatedWordCheck(), LEFT_IN[lang][0], TRANSLATED[lang], lang) == []


@pytest.mark.parametrize("lang, source, target", [
    ("ru", "Выборы в Курской области пройдут в сентябре.", "Elections in the Kursk oblast will take place in September."),
    ("uk", "Засідання Верховної Ради перенесли на вівторок.", "The session of the Verkhovna Rada was moved to Tuesday."),
    ("ru", "На даче у губернатора прошел обыск.", "The governor's dacha was searched."),
    ("uk", "У громаді відкрили новий центр.", "A new centre opened in the hromada."),
])
def test_established_loans_are_allowed(lang, source, target):
    assert run_check(UntranslatedWordCheck(), source, target, lang) == []


def test_romanised_word_is_caught_in_any_case_form():
    source = "Выборы в Курской области пройдут в сентябре, заявили в избиркоме."
    target = "The vybory in the Kursk oblast will take place in September, the election commission said."
    assert spans(run_check(UntranslatedWordCheck(), source, target, "ru")) == ["vybory"]


def test_romanised_name_is_not_an_untranslated_word():
    source = "Кузьминов выиграл два заезда, сообщил Петров."
    target = "Kuzminov won two races, Petrov said."
    assert run_check(UntranslatedWordCheck(), source, target, "ru") == []


def test_quoted_source_word_is_cited_not_left_untranslated():
    source, _, _ = LEFT_IN["fr"]
    assert run_check(UntranslatedWordCheck(), source, "The town hall (“mairie”) announced the closure.", "fr") == []


def test_german_name_is_not_an_untranslated_noun():
    source = "Kretschmann besuchte am Montag Stuttgart."
    assert run_check(UntranslatedWordCheck(), source, "Kretschmann visited Stuttgart on Monday.", "de") == []


def test_loans_are_data():
    assert {"oblast", "duma", "dacha", "kolkhoz"} <= established_loans("ru")
    assert "rada" in established_loans("uk") and "rada" not in established_loans("ru")


def test_romanisation_variants_count_too():
    source = "В пяти километрах от хутора произошло ДТП."
    target = "A road accident occurred five kilometres from the hutor."
    assert spans(run_check(UntranslatedWordCheck(), source, target, "ru")) == ["hutor"]


def test_latin_word_in_a_cyrillic_source_is_not_a_romanisation():
    source = "Жительницу Костаная задержали, передает zakon.kz."
    target = "A resident of Kostanay was detained, zakon.kz reported."
    assert run_check(UntranslatedWordCheck(), source, target, "ru") == []


def test_capitalised_romanisation_is_a_name():
    # сейм is written in lower case in Russian; Seimas is the Lithuanian parliament's English name.
    source, target = "Коалиция сейма одобрила закон.", "The Seimas coalition approved the law."
    assert run_check(UntranslatedWordCheck(), source, target, "ru") == []


@pytest.mark.parametrize("lang, source, target", [
    ("es", "Por ejemplo, caro significa costoso, mientras que carro quiere decir automóvil.",
     "For example, caro means dear, whereas carro means chariot."),
    ("pt", "A palavra vem do latim civis, que significa cidadão.", "The word comes from the Latin civis, meaning citizen."),
    ("de", "Probieren Sie, was als Berliner, Pfannkuchen oder Krapfen bezeichnet wird.",
     "Try what are called Berliner, Pfannkuchen or Krapfen."),
    ("de", "Dort treffen die Löwen auf die Würzburger Kickers.", "There the Lions meet the Würzburger Kickers."),
])
def test_word_mentioned_or_inside_a_name_is_quiet(lang, source, target):
    assert run_check(UntranslatedWordCheck(), source, target, lang) == []


@pytest.mark.parametrize("lang, source, target, word", [
    ("es", "El carro quedó aparcado frente a la casa.", "The carro was parked in front of the house.", "carro"),
    ("de", "Die Regierung will das Kindergeld erhöhen, sagte der Minister.",
     "The government wants to raise the Kindergeld, the minister said.", "Kindergeld"),
])
def test_word_used_not_mentioned_is_found(lang, source, target, word):
    assert spans(run_check(UntranslatedWordCheck(), source, target, lang)) == [word]
