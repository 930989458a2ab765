import pytest

from helpers import run_check, spans
from tqcheck.checks.transliteration import TransliterationCheck, romanise


@pytest.mark.parametrize("word, lang, expected", [
    ("Шойгу", "ru", "Shoigu"), ("Песков", "ru", "Peskov"), ("Дмитро", "uk", "Dmytro"),
    ("Київ", "uk", "Kyiv"), ("Запоріжжя", "uk", "Zaporizhzhia"), ("Юрий", "cyrl-de", "Jurij"),
])
def test_romanise(word, lang, expected):
    assert romanise(word, lang) == expected


@pytest.mark.parametrize("lang, source, target, expected", [
    ("ru", "Об этом сообщил губернатор Юрий Щербаков.", "This was reported by Governor Jurij Scherbakov.",
     ["Jurij Scherbakov"]),
    ("uk", "Про це розповів директор Дмитро Левченко.", "This was said by director Dmitro Levchenko.",
     ["Dmitro Levchenko"]),
    ("ru", "Выступил министр Сергей Лавров.", "Minister Sergej Lavrov spoke.", ["Sergej Lavrov"]),
])
def test_flags_foreign_romanisation(lang, source, target, expected):
    assert spans(run_check(TransliterationCheck(), source, target, lang)) == expected


@pytest.mark.parametrize("lang, source, target", [
    ("ru", "Об этом сообщили в Вашингтоне и на Сулавеси.", "This was reported in Washington and on Sulawesi."),
    ("uk", "Про це розповів директор Дмитро Левченко в Києві.", "Director Dmytro Levchenko said this in Kyiv."),
    ("ru", "Выступил министр Сергей Лавров.", "Minister Sergei Lavrov spoke."),
    ("uk", "Максін Вотерс виступила в Twitter.", "Maxine Waters spoke on Twitter."),
])
def test_quiet_on_english_romanisation(lang, source, target):
    assert run_check(TransliterationCheck(), source, target, lang) == []
