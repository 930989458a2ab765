"""Senses of the most frequent Russian and Ukrainian words (``rules/<src>-en/frequent.tsv``, session 18): the files
load, the idiomatic English of each entry's own example stays quiet, the entries fire through the whole pipeline,
and every ``keep`` row of the frequency sweep (``bench/sense_sweep-<src>.tsv``) names entries that exist."""
import csv
import re
from pathlib import Path

import pytest

from tqcheck import Checker
from tqcheck.checks.lexicon import bundled_rule_files, load_rules
from tqcheck.config import Config
from tqcheck.scoring import NoScorer

BENCH = Path(__file__).resolve().parents[2] / "bench"

# (language, entry, source, the English a careful translator writes): the entry stays quiet.
IDIOMATIC = [
    ("ru", "ru-fq-mashina-car", "Водитель оставил машину у подъезда и ушёл.",
     "The driver left the car at the entrance and walked off."),
    ("ru", "ru-fq-v-razmere", "Суд назначил штраф в размере пяти тысяч рублей.",
     "The court imposed a fine of five thousand roubles."),
    ("ru", "ru-fq-premiya", "Сотрудники получили премию по итогам года.",
     "The employees received a bonus at the end of the year."),
    ("ru", "ru-fq-sledstvie-inquiry", "Следствие по уголовному делу продолжается.",
     "The investigation into the criminal case continues."),
    ("ru", "ru-fq-palata-ward", "Больного перевели из реанимации в обычную палату.",
     "The patient was moved from intensive care to an ordinary ward."),
    ("ru", "ru-fq-grafik-schedule", "Энергетики опубликовали график плановых отключений.",
     "Power engineers published the schedule of planned outages."),
    ("ru", "ru-fq-podezd-porch", "Компания обслуживает домофоны в трёх тысячах подъездов.",
     "The company services intercoms in three thousand entrances."),
    ("uk", "uk-fq-koshty-funds", "Бюджетні кошти витратили на ремонт школи.",
     "Budget funds were spent on repairing the school."),
    ("uk", "uk-fq-provadzhennia", "Поліція відкрила кримінальне провадження за фактом крадіжки.",
     "Police opened criminal proceedings over the theft."),
    ("uk", "uk-fq-rodyna-family", "Уся родина зібралася за святковим столом.",
     "The whole family gathered at the festive table."),
    ("uk", "uk-fq-brak", "Лікарні відчувають брак кадрів.", "Hospitals are short of staff."),
    ("uk", "uk-fq-zbory-meeting", "Загальні збори акціонерів відбудуться у травні.",
     "The general meeting of shareholders will take place in May."),
]

# Faulty pairs written apart from the entries' examples, run through the whole pipeline (alignment, ties, merging).
PIPELINE = [
    ("ru", "ru-fq-perevod-transfer", "Мошенники убедили пенсионерку сделать перевод на чужую карту.",
     "Fraudsters persuaded a pensioner to make a translation to someone else's card.", "translation"),
    ("ru", "ru-fq-banka-jar", "Каждую осень бабушка закатывала огурцы в стеклянные банки.",
     "Every autumn grandmother sealed cucumbers in glass banks.", "banks"),
    ("uk", "uk-fq-slidstvo", "Слідство встановило, що чоловік діяв сам.",
     "The consequence established that the man acted alone.", "consequence"),
    ("uk", "uk-fq-zmina-shift", "Лікар відпрацював нічну зміну і поїхав додому.",
     "The doctor worked a night change and went home.", "change"),
]


def rule(lang: str, rule_id: str):
    return next(r for r in load_rules(lang) if r.id == rule_id)


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_the_frequent_senses_file_loads_with_the_bundled_entries(lang):
    files = {f.path.rsplit("/", 1)[-1]: f for f in bundled_rule_files(lang)}
    entries = files["frequent.tsv"]
    assert entries.version == "1" and len(entries.rules) >= 60
    assert all(r.id.startswith(f"{lang}-fq-") and r.category == "idiom" for r in entries.rules)


@pytest.mark.parametrize("lang,rule_id,source,target", IDIOMATIC, ids=[c[1] for c in IDIOMATIC])
def test_idiomatic_english_gives_no_finding(lang, rule_id, source, target):
    entry = rule(lang, rule_id)
    assert entry.fires(source, target) is None
    assert entry.fires(entry.example_source, entry.example_target) is not None


@pytest.fixture(scope="module")
def checker():
    return Checker(scorer=NoScorer(), config=Config(qe=False))


@pytest.mark.parametrize("lang,rule_id,source,target,span", PIPELINE, ids=[c[1] for c in PIPELINE])
def test_the_entry_fires_through_the_pipeline(checker, lang, rule_id, source, target, span):
    report = checker.check_pairs([(source, target)], source_lang=lang, target_lang="en")
    found = [f for f in report.findings if f.rule == rule_id or rule_id in f.also]
    assert [f.target_span.text for f in found] == [span]


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_kept_lemma_of_the_sweep_names_existing_entries(lang):
    ids = {r.id for r in load_rules(lang)}
    with (BENCH / f"sense_sweep-{lang}.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    kept = [r for r in rows if r["decision"] in {"keep", "keep-covered"}]
    assert len(rows) > 3000 and len(kept) >= 50
    for row in kept:
        named = set(re.findall(rf"\b{lang}-[a-z0-9-]*[a-z0-9]", row["note"])) | set(
            re.findall(r"\bfalse-friend-ru\b", row["note"]))
        assert named, row["lemma"]
        assert named - {"false-friend-ru"} <= ids, (row["lemma"], named - ids)
