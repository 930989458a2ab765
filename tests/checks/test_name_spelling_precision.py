"""Name spellings in professional translations: the bearer's own spelling stays quiet, a real misspelling is found.

Each case pairs a correct translation (quiet) with a faulty variant of the same sentence (found), so that a fix for
a false finding cannot silence the rule."""
import pytest

from helpers import run_check
from tqcheck.checks.names import NameCheck
from tqcheck.checks.relayed_names import RelayedNameCheck
from tqcheck.checks.transliteration import TransliterationCheck

# (lang, source, correct English, faulty English, flagged span, rule of the faulty variant)
PAIRS = [
    # a foreign player's own spelling: a bare j is no German or French tell-tale; German sch is
    ("ru", "Кулибали ударил головой, затем последовал слабый удар Ови Эджарии.",
     "Coulibaly headed, then came a tame Ovie Ejaria strike.",
     "Coulibaly headed, then came a tame Ovie Edscharia strike.", "Edscharia", "name-translit-ru"),
    # an Estonian resident's passport spelling (hh for х) is his own; a transposition is a misspelling
    ("ru", "Об этом рассказал генеральный секретарь Центристской партии Михаил Корб.",
     "General Secretary of the Center Party Mihhail Korb said this.",
     "General Secretary of the Center Party Mikhial Korb said this.", "Mikhial Korb", "name-romanisation-ru"),
    # Игоре is the locative of the place Игора as well as of the given name Игорь
    ("ru", "На \"Игоре Драйв\" определились победители.", "Winners declared at Igora Drive.",
     "Winners declared at Igorja Drive.", "Igorja", "name-romanisation-ru"),
    # a foreign person's surname keeps its own spelling after an indeclinable foreign given name (Джеймі)
    ("uk", "Раніше генеральний директор Джеймі Сімінов зауважив це.", "Previously, CEO Jamie Siminoff remarked this.",
     "Previously, CEO Andrii Siminoff remarked this.", None, None),
    ("ru", "Сайфулло Хабибуллаевич Саипов причинил травмы.", "Sayfullo Habibullaevic Saipov caused injury.",
     "Sayfullo Khabibulayevich Saipov caused injury.", None, None),
    # a foreign person's surname in -а may be their own nominative; a Russified one in a plain oblique case is not
    ("uk", "Спортивний директор Джо Аллева подякував поліції.", "Athletic director Joe Alleva thanked the police.",
     "Athletic director Joe Alleva thanked the police.", None, None),
    ("ru", "Ущерб причинён Сайфулло Саиповым.", "The damage was caused by Sayfullo Saipov.",
     "The damage was caused by Sayfullo Saipovym.", "Sayfullo Saipovym", "name-romanisation-ru"),
    ("ru", "Прокуроры добиваются казни для Сайфулло Саипова.", "Prosecutors seek execution for Sayfullo Saipov.",
     "Prosecutors seek execution for Sayfullo Saipova.", "Sayfullo Saipova", "name-romanisation-ru"),
    # a Japanese compound place: its second part is no Slavic name (German w in a Slavic one is)
    ("uk", "Атомна електростанція Касівадзакі-Каріва працює у нормальному режимі.",
     "The Kashiwazaki-Kariwa nuclear power plant is operating normally.",
     "The Kashiwazaki-Kariwa nuclear power plant is operating normally.", None, None),
    ("ru", "Вечером прозвучала музыка Римского-Корсакова.", "In the evening, music by Rimsky-Korsakov was played.",
     "In the evening, music by Rimsky-Korsakow was played.", "Rimsky-Korsakow", "name-translit-ru"),
    # sch for щ is how many bearers write their names (Melaschenko); a dropped letter elsewhere is still found
    ("ru", "Экономист Андрей Мелащенко ожидает роста.", "Economist Andrey Melaschenko expects growth.",
     "Economist Andrey Melaschenk expects growth.", "Andrey Melaschenk", "name-romanisation-ru"),
]


@pytest.mark.parametrize("lang, source, correct, faulty, span, rule", PAIRS)
def test_own_spelling_quiet_misspelling_found(lang, source, correct, faulty, span, rule):
    assert run_check(TransliterationCheck(), source, correct, lang) == []
    if span is None:
        return
    findings = run_check(TransliterationCheck(), source, faulty, lang)
    assert [(f.target_span.text, f.rule) for f in findings] == [(span, rule)]


def test_foreign_given_name_spares_the_surname_but_not_a_slavic_one():
    source = "Раніше генеральний директор Андрій Сімінов зауважив це."
    findings = run_check(TransliterationCheck(), source, "Previously, CEO Andrii Siminoff remarked this.", "uk")
    assert [(f.target_span.text, f.rule) for f in findings] == [("Andrii Siminoff", "name-romanisation-uk")]


@pytest.mark.parametrize("lang, source, target, span, rule, fix", [
    # a typo in a Russian name is a misspelling, not "the German spelling"
    ("ru", "Российский хоккеист Александр Овечкин рассказал о подготовке.",
     "Aleskandr Ovechkin, a Russian player, spoke about the preparations.", "Aleskandr Ovechkin",
     "name-romanisation-ru", "Alexander Ovechkin"),
    ("ru", "Встреча пройдёт по адресу улица Калинина, 339.", "The meeting will be held at 339 Kalnin Street.",
     "Kalnin", "name-romanisation-ru", "Kalinin"),
    # a letter dropped from a Ukrainian name is no Russian reading of it (both read it Kavardarkov)
    ("uk", "— Ми за НАТО і ЄС, — заявив Кавардарков.", "\"We are for NATO and EU,\" Kavadarkov said.",
     "Kavadarkov", "name-romanisation-uk", "Kavardarkov"),
])
def test_misspelling_is_reported_as_such(lang, source, target, span, rule, fix):
    findings = run_check(TransliterationCheck(), source, target, lang)
    assert [(f.target_span.text, f.rule) for f in findings] == [(span, rule)]
    assert "spelling" not in findings[0].message and "reading" not in findings[0].message
    assert f"“{fix}”" in findings[0].suggestion


def test_relayed_needs_a_russian_surname_ending():
    """Spanish j for х: Erlij (an Argentine's own name; -лих is no Russian ending) stays, Dolgij (Долгих) does not."""
    quiet = ("Ariel Erlij y Hernán Ferruchi murieron en el ataque.", "Ariel Erlij and Hernán Ferruchi died in the attack.")
    assert run_check(RelayedNameCheck(), *quiet, "es") == []
    found = run_check(RelayedNameCheck(), "El atleta Iván Dolgij ganó la carrera.", "The athlete Iván Dolgij won the race.",
                      "es")
    assert [(f.target_span.text, f.rule, "Dolgikh" in f.suggestion) for f in found] == [
        ("Iván", "name-relayed-es", False), ("Dolgij", "name-relayed-es", True)]


def test_donbass_is_a_house_style_hint():
    source, target = "Президенты обсудили перемирие в Донбассе.", "The presidents discussed a truce in Donbass."
    assert run_check(NameCheck(), source, target, "ru") == []
    assert [f.rule for f in run_check(NameCheck(exonyms="all"), source, target, "ru")] == ["exo-donbass"]
