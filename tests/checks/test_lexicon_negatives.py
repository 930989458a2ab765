"""Each entry with a sense condition stays quiet on a correct pair where its literal English is right
(``bench/lexicon_negatives/<src>.tsv``) and still fires on its own example; entries fire on second faulty pairs
written apart from their examples (``bench/lexicon_variants/<src>.tsv``)."""
import csv
from pathlib import Path

import pytest

from tqcheck.checks.lexicon import load_rules

BENCH = Path(__file__).resolve().parents[2] / "bench"


def pairs(folder: str) -> list[tuple[str, str, str, str]]:
    """(language, entry id, source, target) of every ``bench/<folder>/<src>.tsv``."""
    out = []
    for path in sorted((BENCH / folder).glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            out += [(path.stem, r["id"], r["source"], r["target"])
                    for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return out


def negatives() -> list[tuple[str, str, str, str]]:
    return pairs("lexicon_negatives")


RULES = {lang: {r.id: r for r in load_rules(lang)} for lang in {n[0] for n in negatives() + pairs("lexicon_variants")}}


def test_there_are_negatives_for_german_russian_and_ukrainian():
    assert {"de", "ru", "uk"} <= set(RULES) and len(negatives()) >= 60


@pytest.mark.parametrize("lang,rule_id,source,target", negatives(), ids=lambda v: v if isinstance(v, str) and
                         "-" in v and " " not in v else None)
def test_entry_is_quiet_where_the_literal_english_is_right(lang, rule_id, source, target):
    rule = RULES[lang][rule_id]
    assert rule.fires(source, target) is None
    assert rule.fires(rule.example_source, rule.example_target) is not None


@pytest.mark.parametrize("lang,rule_id,source,target", pairs("lexicon_variants"),
                         ids=lambda v: v if isinstance(v, str) and "-" in v and " " not in v else None)
def test_entry_fires_on_a_second_faulty_pair(lang, rule_id, source, target):
    assert RULES[lang][rule_id].fires(source, target) is not None
