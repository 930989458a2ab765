"""Every bundled data file parses, and every rule fires on its own example (and each language has enough)."""
import pytest

from tqcheck.checks.lexicon import OFF_BY_DEFAULT, bundled_languages, bundled_rule_files, load_rules
from tqcheck.checks.names import name_table
from tqcheck.checks.punctuation import punctuation_rules

MINIMUM = {"es": 60, "fr": 30, "de": 30, "pt": 30, "it": 30, "ru": 30, "uk": 30}


def test_all_seven_languages_have_rules():
    assert set(MINIMUM) <= set(bundled_languages())


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_rule_counts_and_versions(lang):
    files = bundled_rule_files(lang)
    assert all(f.version != "0" for f in files)
    idioms = [r for f in files for r in f.rules if r.category == "idiom"]
    assert len(idioms) >= MINIMUM[lang]


@pytest.mark.parametrize("rule", load_rules(None, sorted(OFF_BY_DEFAULT)), ids=lambda r: r.id)
def test_rule_fires_on_its_example(rule):
    assert rule.note and rule.suggestion and rule.mqm
    assert rule.fires(rule.example_source, rule.example_target), rule.id


@pytest.mark.parametrize("stem", ["es", "fr", "de", "it", "pt", "exonyms"])
def test_name_tables_parse(stem):
    table = name_table(stem)
    assert table, stem
    assert len({e.id for e in table}) == len(table)


def test_punctuation_rules_parse():
    assert {r.id for r in punctuation_rules()} >= {"punct-guillemet", "punct-inverted", "punct-hyphen-dash"}


def test_iter_table_yields_the_rows_of_read_table():
    from tqcheck.resources import iter_table, read_table

    rows = list(iter_table("names/gazetteer-places.tsv"))
    assert len(rows) > 40_000 and rows == read_table("names/gazetteer-places.tsv")
    assert rows[0].keys() == {"form", "english", "kind", "lang"}
    assert list(iter_table("names/no-such-table.tsv")) == []
