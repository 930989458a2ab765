"""Italian wrong senses, set phrases and offices of local news (session 13): ``rules/it-en/senses.tsv`` loads with
its ids, the idiomatic English of the same source stays quiet, and the widened guards of older entries fire in the
word orders and contexts they used to miss (it-assistere, it-se-confrontare-con)."""
import pytest

from tqcheck.checks.lexicon import bundled_rule_files, load_rules


def rule(rule_id: str):
    return next(r for r in load_rules("it") if r.id == rule_id)


# (entry, source, the English a careful translator writes): the entry stays quiet.
IDIOMATIC = [
    ("it-se-ricorso", "Il Comune ha presentato ricorso al Tar contro la sentenza.",
     "The council lodged an appeal with the regional administrative court against the ruling."),
    ("it-se-diffidente", "All'inizio molti genitori erano diffidenti.", "At first many parents were wary."),
    ("it-se-elementi-organico", "Oggi la banda conta 46 elementi.", "Today the band has 46 members."),
    ("it-se-formazione-corso", "Il Comune organizza un corso di formazione per i volontari.",
     "The council is organising a training course for the volunteers."),
    ("it-se-evadere-pratiche", "Abbiamo più ordini di quanti riusciamo a evadere.",
     "We have more orders than we can fill."),
    ("it-sp-tirare-avanti", "Il negozio tira avanti solo grazie all'aiuto della figlia.",
     "The shop only gets by thanks to his daughter's help."),
    ("it-sp-sonni-tranquilli", "Con il nuovo filtro ora dormo sonni tranquilli.",
     "With the new filter I can now sleep easy."),
    ("it-sp-buon-viso", "Abbiamo dovuto fare buon viso a cattivo gioco.", "We had to make the best of it."),
    ("it-se-cava", "Nelle cave di marmo lavorano ancora trecento persone.",
     "Three hundred people still work in the marble quarries."),
    ("it-se-viabilita", "Il cantiere causerà modifiche alla viabilità del centro.",
     "The roadworks will change traffic arrangements in the centre."),
]

# Guards widened this session: the verb after its object (Alla commemorazione ha assistito), a rescue drill attended
# (assistere a simulazioni di soccorso), and confrontare ... con of things compared.
WIDENED = [
    ("it-assistere", "Alla commemorazione ha assistito una delegazione arrivata da Varsavia.",
     "A delegation from Warsaw assisted at the commemoration.", "assisted"),
    ("it-assistere", "I visitatori potranno assistere a simulazioni di soccorso.",
     "Visitors will be able to assist in rescue simulations.", "assist"),
    ("it-se-confrontare-con", "I ricercatori li confronteranno con altri meteoriti della collezione.",
     "Researchers will confront them with other meteorites in the collection.", "confront"),
]


def test_the_senses_file_loads_with_its_own_ids():
    files = {f.path.rsplit("/", 1)[-1]: f for f in bundled_rule_files("it")}
    entries = files["senses.tsv"]
    assert entries.version == "1" and len(entries.rules) >= 150
    assert all(r.id.startswith("it-se-") and r.category in {"idiom", "title"} for r in entries.rules)


@pytest.mark.parametrize("rule_id,source,target", IDIOMATIC, ids=[c[0] for c in IDIOMATIC])
def test_idiomatic_english_gives_no_finding(rule_id, source, target):
    entry = rule(rule_id)
    assert entry.fires(source, target) is None
    assert entry.fires(entry.example_source, entry.example_target) is not None


@pytest.mark.parametrize("rule_id,source,target,flagged", WIDENED, ids=[c[0] for c in WIDENED])
def test_a_widened_guard_fires_where_it_used_to_stay_quiet(rule_id, source, target, flagged):
    hit = rule(rule_id).fires(source, target)
    assert hit is not None and target[hit.target[0]:hit.target[1]].lower() == flagged


def test_assistere_stays_quiet_where_the_source_means_helping():
    assert rule("it-assistere").fires("I volontari hanno assistito i feriti e aiutato i soccorritori.",
                                      "The volunteers assisted the injured and helped the rescuers.") is None
