import pytest

from helpers import run_check, spans
from tqcheck.checks.sister_calques import SisterCalqueCheck, carried_rules, sisters

# (source, word-for-word English, the calque's span, the sister language named, a word of the suggestion)
CARRIED = {
    "fr": ("Le cahier des charges impose des amandes de Provence.",
           "The book of charges requires almonds from Provence.", "book of charges", "Portuguese", "specifications"),
    "es": ("Los dueños de los tablaos están en pie de guerra contra la nueva ordenanza.",
           "The owners of the tablaos are on a war footing against the new bylaw.", "war footing", "Italian", "arms"),
}


@pytest.mark.parametrize("lang", sorted(CARRIED))
def test_calque_a_sister_language_lists(lang):
    source, target, span, sister, suggestion = CARRIED[lang]
    findings = run_check(SisterCalqueCheck(), source, target, lang)
    assert spans(findings) == [span]
    assert findings[0].rule == f"sister-calque-{lang}" and findings[0].severity == "minor"
    assert sister in findings[0].message and suggestion in findings[0].suggestion


@pytest.mark.parametrize("lang, source, target", [
    # the right English
    ("fr", "Le cahier des charges impose des amandes de Provence.", "The specifications require almonds from Provence."),
    # it tenere conto is not pt tomar conta: "take account of" is right here
    ("it", "Il comune terrà conto delle proposte dei residenti.", "The council will take account of residents' proposals."),
    # a name translated word for word, not a calque (fr marché public is a public contract)
    ("pt", "O Mercado Público abre às oito horas.", "The Public Market opens at eight o'clock."),
    # another content word inside the English match: not it ordine del giorno
    ("fr", "Il livre les commandes en trois jours.", "He delivers the orders in three days."),
    # es sin comerlo ni beberlo: the words farther apart than the Spanish expression lets them be
    ("pt", "O bolo come depois de beber o chá.", "The cake is eaten after drinking the tea."),
])
def test_quiet_where_the_english_is_no_sister_calque(lang, source, target):
    assert run_check(SisterCalqueCheck(), source, target, lang) == []


def test_only_romance_languages_carry_and_only_phrases():
    assert sisters("de") == () and carried_rules("ru") == ()
    assert set(sisters("it")) == {"es", "fr", "pt"}
    assert carried_rules("fr") and all(sister != "fr" for sister, _ in carried_rules("fr"))


def test_the_sister_entrys_sense_condition_is_carried():
    # es segunda vuelta is the runoff of an election (its condition: an election word near); an Italian horse
    # race decided al secondo giro was decided on the second lap (set 2, it-06-palio)
    race = ("La corsa, partita dopo una mossa lunga e nervosa, si è decisa al secondo giro. Alla curva di San "
            "Martino la Lupa ha superato la Torre.",
            "The race, which started after a long and tense start, was decided on the second lap. At the San "
            "Martino bend Lupa overtook Torre.")
    assert run_check(SisterCalqueCheck(), *race, "it") == []
    # the condition's Spanish words (votaciones) found in the Italian source by word vectors (votazioni)
    vote = ("Il nuovo rettore è stato eletto al secondo giro di votazioni.",
            "The new rector was elected in the second lap of voting.")
    findings = run_check(SisterCalqueCheck(), *vote, "it")
    assert spans(findings) == ["second lap"] and "es-segunda-vuelta" in findings[0].message
