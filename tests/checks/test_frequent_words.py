"""Frequent words whose look-alike misleads (``rules/<src>-en/frequent-words.tsv``, issue 11 session 18): each file
loads with its ids, the entries fire on faulty pairs written apart from their examples, and the idiomatic English of
the same source gives no finding; the sweep's decisions name only entries that exist."""
import csv
from pathlib import Path

import pytest

from tqcheck.checks.lexicon import bundled_rule_files, load_rules

LANGS = ["es", "fr", "it", "pt"]
BENCH = Path(__file__).resolve().parents[2] / "bench"

# (language, entry, source, a faulty English rendering, the flagged span)
FAULTY = [
    ("es", "es-fw-intento", "La policía frustró un intento de secuestro en el aparcamiento.",
     "Police foiled a kidnapping intent in the car park.", "intent"),
    ("es", "es-fw-celebrar-reunion", "La reunión se celebró a puerta cerrada en el ayuntamiento.",
     "The meeting was celebrated behind closed doors at the town hall.", "celebrated"),
    ("es", "es-fw-mayor-persona", "La residencia atiende a 80 mayores.",
     "The home cares for 80 mayors.", "mayors"),
    ("pt", "pt-fw-time-equipe", "O técnico do time deu entrevista depois do jogo.",
     "The time's coach gave an interview after the game.", "time"),
    ("pt", "pt-fw-golpe-fraude", "A quadrilha aplicava o golpe em idosos pelo telefone.",
     "The gang ran the blow on elderly people over the phone.", "blow"),
    ("fr", "fr-fw-vol-larcin", "Deux mineurs ont été interpellés pour vol de scooter.",
     "Two minors were arrested for scooter flight.", "flight"),
    ("fr", "fr-fw-personnel-staff", "La direction promet de recruter du personnel soignant.",
     "Management promises to recruit nursing personal.", "personal"),
    ("it", "it-fw-comune-municipio", "Il sindaco ha spiegato che il Comune non ha fondi per la strada.",
     "The mayor explained that the Common has no funds for the road.", "Common"),
    ("it", "it-fw-macchina-auto", "L'uomo è stato investito da una macchina sulle strisce pedonali.",
     "The man was hit by a machine on the pedestrian crossing.", "machine"),
]

# (language, entry, source, the idiomatic English a careful translator writes): the entry stays quiet.
IDIOMATIC = [
    ("es", "es-fw-vecino-residente", "Los vecinos de Zaragoza podrán votar los presupuestos participativos.",
     "Zaragoza residents will be able to vote on the participatory budget."),
    ("pt", "pt-fw-renda-rendimento", "A renda média das famílias caiu no último ano, segundo o IBGE.",
     "Average household income fell last year, according to IBGE."),
    ("fr", "fr-fw-course-competition", "Il a remporté la course devant 200 coureurs.",
     "He won the race ahead of 200 runners."),
    ("it", "it-fw-paese-borgo", "Il paese conta 3.000 abitanti e domenica festeggia il patrono.",
     "The village has 3,000 inhabitants and celebrates its patron saint on Sunday."),
]


def rule(lang: str, rule_id: str):
    return next(r for r in load_rules(lang) if r.id == rule_id)


@pytest.mark.parametrize("lang", LANGS)
def test_the_frequent_words_file_loads_with_the_bundled_entries(lang):
    files = {f.path.rsplit("/", 1)[-1]: f for f in bundled_rule_files(lang)}
    entries = files["frequent-words.tsv"]
    assert entries.version == "1" and len(entries.rules) >= 20
    assert all(r.id.startswith(f"{lang}-fw-") and r.category == "idiom" for r in entries.rules)


@pytest.mark.parametrize("lang,rule_id,source,target,flagged", FAULTY, ids=[c[1] for c in FAULTY])
def test_an_entry_fires_on_a_second_faulty_pair(lang, rule_id, source, target, flagged):
    hit = rule(lang, rule_id).fires(source, target)
    assert hit is not None and target[hit.target[0]:hit.target[1]] == flagged


@pytest.mark.parametrize("lang,rule_id,source,target", IDIOMATIC, ids=[c[1] for c in IDIOMATIC])
def test_idiomatic_english_gives_no_finding(lang, rule_id, source, target):
    entry = rule(lang, rule_id)
    assert entry.fires(source, target) is None
    assert entry.fires(entry.example_source, entry.example_target) is not None


def test_the_sweep_decisions_name_existing_entries():
    with (BENCH / "sense_sweep_romance" / "kept.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    ids = {r.id for lang in LANGS for r in load_rules(lang)}
    added = [r for r in rows if r["status"] == "added"]
    assert len(added) >= 100
    assert all(set(r["entry"].split(",")) <= ids for r in added)
    assert all(r["note"] for r in rows if r["status"] == "dropped")
