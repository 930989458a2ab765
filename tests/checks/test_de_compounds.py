"""German compounds and separable or prefixed verbs rendered part by part (``rules/de-en/compounds.tsv``,
session 17): the part-by-part English fires, the one-word or idiomatic English stays quiet."""
import pytest

from tqcheck.checks.lexicon import bundled_rule_files, load_rules

RULES = {r.id: r for r in load_rules("de")}

# (entry, source, part-by-part English worded unlike the entry's example)
FIRES = [
    ("de-co-hofladen", "Die Eier kaufen wir im Hofladen.", "We buy the eggs at the courtyard shop."),
    ("de-co-sternekoch", "Ein Spitzenkoch eröffnet ein Bistro.", "A top cook is opening a bistro."),
    ("de-co-schleuderpreis", "Die Ware ging zu Schleuderpreisen weg.", "The goods went at catapult prices."),
    ("de-co-mit-der-zeit-gehen", "Wer nicht mit der Zeit geht, verliert Kunden.",
     "Those who do not go with the time lose customers."),
    ("de-co-anschwaerzen", "Sie wurde beim Chef angeschwärzt.", "She was blackened to the boss."),
    ("de-co-ausweichen-auf", "Viele müssen auf das Umland ausweichen.", "Many have to evade to the surrounding area."),
    ("de-co-kinderstube", "Die Wiese ist eine Kinderstube für Rehkitze.", "The meadow is a children's room for fawns."),
    ("de-co-im-gruenen", "Das Hotel liegt ruhig im Grünen.", "The hotel is quietly located in the green."),
    ("de-fachbereich-literal", "Der Fachbereich Umwelt prüft den Antrag.",
     "The environment specialist area is examining the application."),
    ("de-co-klinken-putzen-verb-zuerst", "Die Kandidaten putzen Klinken.", "The candidates are polishing door handles."),
]

# (entry, source, English a careful translator writes)
QUIET = [
    ("de-co-hofladen", "Die Eier kaufen wir im Hofladen.", "We buy the eggs at the farm shop."),
    ("de-co-sternekoch", "Zwei Sterneköche kochen heute im Rathaus.", "Two star chefs cook in the town hall today."),
    ("de-co-mit-der-zeit-gehen", "Wer nicht mit der Zeit geht, verliert Kunden.",
     "Those who do not move with the times lose customers."),
    ("de-co-mit-der-zeit-gehen", "Wer nicht mit der Zeit geht, verliert Kunden.",
     "Those who do not go with the times lose customers."),
    ("de-co-ausweichen-getrennt", "Der Minister wich der Frage aus.", "The minister evaded the question."),
    ("de-co-kinderstube", "Ihm fehlt jede Kinderstube.", "He has no manners at all."),
    ("de-co-fertiggericht", "Fertiggerichte sind beliebt.", "Ready meals are popular."),
    ("de-co-im-gruenen", "Die Familien grillen im Grünen.", "The families have a barbecue in the countryside."),
    ("de-co-bio-kompositum", "Die Biologie des Tieres ist kaum erforscht.", "The animal's biology is barely researched."),
    ("de-co-gegensteuern-getrennt", "Die Steuern gegen die Inflation steigen.", "Taxes against inflation are rising."),
]


def test_the_compound_file_loads_with_its_entries():
    files = {f.path.rsplit("/", 1)[-1]: f for f in bundled_rule_files("de")}
    entries = files["compounds.tsv"].rules
    assert len(entries) >= 30 and all(r.id.startswith("de-co-") for r in entries)


@pytest.mark.parametrize("rule_id,source,target", FIRES, ids=[f[0] for f in FIRES])
def test_part_by_part_english_fires(rule_id, source, target):
    assert RULES[rule_id].fires(source, target, "de") is not None


@pytest.mark.parametrize("rule_id,source,target", QUIET, ids=[q[0] for q in QUIET])
def test_idiomatic_english_stays_quiet(rule_id, source, target):
    assert RULES[rule_id].fires(source, target, "de") is None


def test_hoechstnote_is_a_grade_and_a_course_of_evening_classes_is_no_exchange_rate():
    note = RULES["de-ff-note-grade"]
    assert note.fires("Die Höchstnote liegt bei 100 Punkten.", "The highest note is 100 points.", "de") is not None
    kurs = RULES["de-kurs-waehrung"]
    assert kurs.fires("Die Volkshochschule bietet einen Kurs an. Er kostet 89 Euro.",
                      "The adult education centre offers a course. It costs 89 euros.", "de") is None
    assert kurs.fires("Der Kurs des Euro stieg auf 1,10 Dollar.", "The course of the euro rose to 1.10 dollars.",
                      "de") is not None
