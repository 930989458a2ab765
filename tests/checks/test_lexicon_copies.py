"""A capitalised common noun of the source copied into the English is read by the lexicon entry that names the copy
(``lexicon.copies``, issue 11 session 19); names stay names."""
from tqcheck.checks.lexicon import LexiconCheck, copies, example_view, load_rules

RULES = {r.id: r for r in load_rules("es")}


def test_a_copied_common_noun_is_read_by_its_entry():
    rule = RULES["es-fw-junta-organo"]
    hit = rule.fires("Ayer la Junta de Gobierno Local aprobó el plan.",
                     "Yesterday the Junta de Gobierno Local approved the plan.")
    assert hit is not None and hit.target == (14, 19)           # "Junta"
    rule = RULES["es-consejeria"]
    assert rule.fires("Ayer la Consejería de Sanidad aprobó el plan.",
                      "Yesterday the Consejeria de Sanidad approved the plan.").target == (14, 24)


def test_the_lower_case_copy_fired_before_and_still_does():
    rule = RULES["es-fw-junta-organo"]
    assert rule.fires("Ayer la junta de gobierno local aprobó el plan.",
                      "Yesterday the junta de gobierno local approved the plan.") is not None


def test_a_name_that_english_uses_stays_a_name():
    # Plaza Mayor: mayor is a common English word (Zipf 4.6), so the copy keeps the name, as before
    rule = RULES["es-fw-mayor-persona"]
    source, target = ("El desfile de las personas mayores terminó en la Plaza Mayor.",
                      "The parade of the elderly ended in the Plaza Mayor.")
    assert rule.fires(source, target) is None
    view = example_view(source, target, "es")
    assert copies(view, tuple(range(len(view.tokens.source))), tuple(range(len(view.tokens.target)))) == frozenset()


def test_copies_needs_a_common_source_word_and_a_rare_english_copy():
    view = example_view("Ayer la Junta de Gobierno Local aprobó el plan con Zubizarreta.",
                        "Yesterday the Junta de Gobierno Local approved the plan with Zubizarreta.", "es")
    every = tuple(range(len(view.tokens.source)))
    found = {view.tokens.target[j].text for j in copies(view, every, tuple(range(len(view.tokens.target))))}
    # Junta: es 4.8, en 3.3. Gobierno (en 0.9) stands beside Local, a copy English uses (5.6), read as a name;
    # Zubizarreta is no common Spanish word
    assert found == {"Junta"}
    # only the entry's own source words count
    assert copies(view, (), tuple(range(len(view.tokens.target)))) == frozenset()


def test_the_check_reports_the_copied_common_noun():
    from tests.checks.helpers import run_check

    found = run_check(LexiconCheck(), "Ayer la Junta de Gobierno Local aprobó el plan.",
                      "Yesterday the Junta de Gobierno Local approved the plan.", "es")
    assert [(f.rule, f.target_span.text) for f in found] == [("es-fw-junta-organo", "Junta")]


def test_a_copy_inside_a_name_stays_a_name():
    # professional translation (WMT21 de-en): the school's name is kept, the entry stays quiet
    [rule] = [r for r in load_rules("de") if r.id == "de-gymnasium"]
    source = "Das erlebten die 9. Klassen des Sankt-Jakobus-Gymnasiums in Abtsgmünd."
    assert rule.fires(source, "This was experienced by 9th graders of the Sankt-Jakobus-Gymnasium in Abtsgmünd.") is None
    # the plain common noun copied is read
    assert rule.fires("Das erlebten die 9. Klassen des Gymnasiums in Abtsgmünd.",
                      "This was experienced by 9th graders of the Gymnasium in Abtsgmünd.") is not None
