"""name-swapped (session 15): a name of the article written where the source segment names another person."""
import pytest

from helpers import run_check
from tqcheck.checks.swapped_names import SwappedNameCheck


def found(source, target, lang):
    return [(f.rule, f.target_span.text) for f in run_check(SwappedNameCheck(), source, target, lang)]


@pytest.mark.parametrize("lang, source, target, expected", [
    ("es", "El alcalde, Julián Hernando, inauguró la sala. También asistió el delegado, Tomás Ayllón. "
           "Ayllón recordó que la provincia pierde población.",
     "The mayor, Julián Hernando, opened the room. Also attending was the delegate, Tomás Ayllón. "
     "Hernando recalled that the province is losing population.", [("name-swapped", "Hernando")]),
    ("pt", "O engraxate Moura atende 35 clientes.\n\nO presidente, Jorge Damasceno, pede apoio. Moura, por sua vez, "
           "não pensa em parar.",
     "The shoeshiner Moura serves 35 customers.\n\nThe president, Jorge Damasceno, is asking for support. "
     "Damasceno, for his part, has no intention of stopping.",
     [("name-swapped", "Damasceno")]),
    ("fr", "La présidente, Claire Berthomieu, a reçu Paul Vandeputte. Selon Vandeputte, le quai sera rénové.",
     "The president, Claire Berthomieu, received Paul Vandeputte. According to Berthomieu, the quay will be "
     "renovated.", [("name-swapped", "Berthomieu")]),
    ("it", "Parla Roberto Gatti, presidente del comitato, accanto a Marta Invernizzi. Invernizzi chiede più aree.",
     "Roberto Gatti, chairman of the committee, speaks beside Marta Invernizzi. Gatti wants more areas.",
     [("name-swapped", "Gatti")]),
    ("de", "Präsidentin ist Gisela Harms-Oltmanns, Kassenwart ist Dieter Plog. „Wir wachsen“, sagt Plog.",
     "The president is Gisela Harms-Oltmanns, the treasurer Dieter Plog. “We are growing,” says Harms-Oltmanns.",
     [("name-swapped", "Harms-Oltmanns")]),
    ("ru", "Данные привёл председатель комитета Руслан Гарифуллин. Владелица бара Алина Хабибуллина ему возразила. "
           "По подсчётам Хабибуллиной, выручка выросла.",
     "The figures were given by committee chairman Ruslan Garifullin. Bar owner Alina Khabibullina disagreed. "
     "Garifullin calculated that revenue had grown.", [("name-swapped", "Garifullin")]),
    ("uk", "Про це розповів інженер Олег Стоянов, а викладачка Людмила Кравець погодилася. Стоянов додав, що вчиться.",
     "Engineer Oleh Stoianov said so, and teacher Liudmyla Kravets agreed. Kravets added that he is learning.",
     [("name-swapped", "Kravets")]),
])
def test_flags_a_name_written_for_another(lang, source, target, expected):
    assert found(source, target, lang) == expected


@pytest.mark.parametrize("lang, source, target", [
    # the same names as often on both sides
    ("es", "El alcalde, Julián Hernando, recibió a Tomás Ayllón. Ayllón recordó que la provincia pierde población.",
     "The mayor, Julián Hernando, received Tomás Ayllón. Ayllón recalled that the province is losing population."),
    # a name for a pronoun, no other name dropped: not a swap
    ("pt", "O presidente, Jorge Damasceno, pede apoio. Ele não pensa em parar, diz Moura.",
     "The president, Jorge Damasceno, is asking for support. Damasceno has no intention of stopping, says Moura."),
    # a name dropped for a pronoun, no other added
    ("it", "Parla Roberto Gatti accanto a Marta Invernizzi. Invernizzi chiede più aree.",
     "Roberto Gatti speaks beside Marta Invernizzi. She wants more areas."),
    # a capitalised first word is no name (Selon), a place is left out (Paris for la capitale)
    ("fr", "Claire Berthomieu vit à Paris avec Paul Vandeputte. Selon Vandeputte, la capitale change.",
     "Claire Berthomieu lives in Paris with Paul Vandeputte. According to Vandeputte, Paris is changing."),
    # two readings of one Cyrillic word are one person
    ("ru", "Владелица проката Тамара Елисеева довольна. По словам Елисеевой, спрос растёт, говорит Петров.",
     "The owner Tamara Yeliseyeva is pleased. According to Yeliseyeva, demand is growing, says Petrov."),
    ("uk", "Про це розповів інженер Олег Стоянов, а викладачка Людмила Кравець погодилася. Стоянов додав, що вчиться.",
     "Engineer Oleh Stoianov said so, and teacher Liudmyla Kravets agreed. Stoianov added that he is learning."),
    ("de", "Präsidentin ist Gisela Harms-Oltmanns, Kassenwart ist Dieter Plog. „Wir wachsen“, sagt Plog.",
     "The president is Gisela Harms-Oltmanns, the treasurer Dieter Plog. “We are growing,” says Plog."),
])
def test_keeps_quiet_on_names_as_the_source_writes_them(lang, source, target):
    assert found(source, target, lang) == []


@pytest.mark.parametrize("lang, source, target, expected", [
    # one mention of a name kept, another changed: a near spelling, or a name no source word accounts for
    ("it", "Parla Roberto Gatti, presidente del comitato. Gatti chiede che le aree chiudano alle 22.",
     "Roberto Gatti, chairman of the committee, speaks. Gotti wants the areas to close at 10pm.",
     [("name-changed", "Gotti")]),
    # the changed mention in a segment of its own, the name written right in another (sentence segments)
    ("it", "Parla Roberto Gatti, presidente del comitato.\n\nGatti chiede che le aree chiudano alle 22.",
     "Roberto Gatti, chairman of the committee, speaks.\n\nGotti wants the areas to close at 10pm.",
     [("name-changed", "Gotti")]),
    ("it", "Protesta Salvatore Capasso, presidente dell'Unione. Capasso teme che molti chiudano.",
     "Salvatore Capasso, president of the Union, protests. Caputo fears that many will close.",
     [("name-replaced", "Caputo")]),
    ("es", "Lo explica Lucía Ferrándiz, la directora. Ferrándiz recuerda que el taller abrió en 1990.",
     "Lucía Ferrándiz, the director, explains. Ferrandez recalls that the workshop opened in 1990.",
     [("name-changed", "Ferrandez")]),
    ("ru", "Реставрацию провела художница Галина Решетникова. «Было сложно», — рассказала Решетникова.",
     "The restoration was carried out by artist Galina Reshetnikova. “It was hard,” Belskaya said.",
     [("name-replaced", "Belskaya")]),
])
def test_flags_one_mention_of_a_name_changed(lang, source, target, expected):
    assert found(source, target, lang) == expected


@pytest.mark.parametrize("lang, source, target", [
    # a name for a pronoun, and an English word or a place where the source has none
    ("it", "Parla Roberto Gatti, presidente del comitato. Gatti chiede che le aree chiudano alle 22.",
     "Roberto Gatti, chairman of the committee, speaks. He wants the areas in Milan to close at 10pm."),
    # a place's English name where the source writes its own
    ("es", "Lo explica Lucía Ferrándiz, la directora. Ferrándiz recuerda que abrió en Sevilla en 1990.",
     "Lucía Ferrándiz, the director, explains. She recalls that it opened in Seville in 1990."),
    ("ru", "Реставрацию провела художница Галина Решетникова. «Было сложно», — рассказала Решетникова.",
     "The restoration was carried out by artist Galina Reshetnikova. “It was hard,” she said."),
    # English's own form of a place, same consonants (professional translations, FLORES)
    ("pt", "Ela atravessa o rio Oiapoque para ligar as cidades de Oiapoque, no Brasil, e São Jorge do Oiapoque.",
     "It spans the Oyapock River to link the cities of Oiapoque in Brazil and Saint-Georges de l'Oyapock."),
    # a name of a thing the source leaves out where it names a person (NTREX)
    ("fr", "Le Brexit divise. Le journal publia une photo de Theresa May, et Boris Johnson attaqua ses plans."
           "\n\nTheresa May répondit.",
     "Brexit divides. Next to her on the front page, Boris Johnson attacked her plans for Brexit."
     "\n\nTheresa May replied."),
    # the name with an English ending (NTREX)
    ("es", "Lo dijo Ethel Rosenberg.\n\nLos dos Rosenberg fueron ejecutados en 1953.",
     "Ethel Rosenberg said so.\n\nBoth Rosenbergs were put to death in 1953."),
    # a thing's name (no person's in full) and a short form (NTREX)
    ("es", "El plan sufre los ataques de los favorables al Brexit.\n\nEl Brexit divide.",
     "The plan is under attack from Remainers.\n\nBrexit divides."),
    # a thing's name after an article, though the source writes it in a run elsewhere (NTREX)
    ("es", "Lo dijo el líder del partido Brexit Nigel Farage.\n\nEl plan sufre los ataques de los favorables al "
           "Brexit.",
     "The leader of the Brexit party Nigel Farage said so.\n\nThe plan is under attack from Remainers."),
    ("it", "Ronaldo giocò con Cristiano Juventus.\n\nSi unirà all'italiana Juventus.",
     "Ronaldo played with Cristiano Juventus.\n\nHe moved to Italian giants Juve."),
    # a word of a longer name the source repeats
    ("pt", "O porta-voz do Medecines Sans Frontiere, Medecines Sans Frontiere, disse que a situação é má.",
     "Spokesman for Medecines Sans Frontiere Richard Veerman said the situation is bad."),
    # a hyphenated Cyrillic place read part by part, names English does not romanise (Гиннес: Guinness), titles
    ("ru", "Первая леди Кристина Киршнер выступила в Ла-Плате, в 50 километрах от Буэнос-Айреса. Г-жа Киршнер "
           "выступила в театре провинции Буэнос-Айрес, как записано в книге Гиннеса.",
     "First Lady Cristina Kirchner spoke in La Plata, 50 kilometres from Buenos Aires. Mrs. Kirchner spoke at the "
     "theatre of Buenos Aires province, as the Guinness book records."),
    ("uk", "Раніше генеральний директор Рінг Джеймі Сімінов зауважив, що компанія утворилася в гаражі.",
     "Previously, Ring's CEO, Jamie Siminoff, remarked the company started in his garage."),
])
def test_quiet_on_a_mention_dropped_or_accounted_for(lang, source, target):
    assert found(source, target, lang) == []


def test_the_name_index_finds_what_every_name_tried_against_every_word_finds():
    """_NameIndex (session 17) compares a word with the names it could be: the same names, in the same order, as
    ``is_accepted`` over every name."""
    from tqcheck.checks import transliteration as tr
    from tqcheck.checks.swapped_names import _NameIndex

    names = {"гарифуллин", "хабибуллина", "елисеева", "елисеев", "петров", "чайковский", "юлия", "щукин", "киев"}
    index = _NameIndex(names, "ru")
    words = ["Garifullin", "Khabibullina", "Habibullina", "Yeliseyeva", "Eliseeva", "Yeliseyev", "Petrov", "Petrow",
             "Tchaikovsky", "Chaykovskiy", "Yulia", "Iulia", "Shchukin", "Kyiv", "Kiev", "Moscow", "The", "Щукин"]
    for word in words:
        assert index.matches(word) == [n for n in names if tr.is_accepted(word, n.capitalize(), "ru")], word
    assert index.matches("Petrov") == ["петров"]
    assert index.matches("Moscow") == []


@pytest.mark.parametrize("lang, source, target, evidence", [
    # session 18: each finding carries its source evidence, the source's word for the name the target lacks
    ("es", "El alcalde, Julián Hernando, inauguró la sala. También asistió el delegado, Tomás Ayllón. "
           "Ayllón recordó que la provincia pierde población.",
     "The mayor, Julián Hernando, opened the room. Also attending was the delegate, Tomás Ayllón. "
     "Hernando recalled that the province is losing population.", ("Ayllón", 90)),
    ("it", "Protesta Salvatore Capasso, presidente dell'Unione. Capasso teme che molti chiudano.",
     "Salvatore Capasso, president of the Union, protests. Caputo fears that many will close.", ("Capasso", 52)),
    ("ru", "Реставрацию провела художница Галина Решетникова. «Было сложно», — рассказала Решетникова.",
     "The restoration was carried out by artist Galina Reshetnikova. “It was hard,” Belskaya said.",
     ("Решетникова", 78)),
])
def test_the_finding_carries_the_source_word_of_the_name(lang, source, target, evidence):
    findings = run_check(SwappedNameCheck(), source, target, lang)
    assert [(f.source_span.text, f.source_span.start) for f in findings] == [evidence]
