"""Acceptance: the seed pair and the demo corpora against their reviewer keys (same matching as the hook)."""
import csv

import pytest

from conftest import CORPORA, SEED


def _hit(row, finding):
    gold = row["target_text"].casefold()
    span = finding.target_span or finding.source_span
    text = span.text.casefold() if span else ""
    categories = row["category"].split("|")
    if finding.category not in categories or not text:
        return False
    return gold in text or (text in gold and (finding.category == "punctuation" or len(text) >= 0.4 * len(gold)))


def _score(report, key_path):
    rows = list(csv.DictReader(open(key_path, encoding="utf-8"), delimiter="\t"))
    findings = [f for f in report.findings if f.category != "qe"]
    required = [r for r in rows if r["need"] == "required"]
    missed = [r for r in required if not any(_hit(r, f) for f in findings)]
    extra = [f for f in findings if not any(_hit(r, f) for r in rows)]
    return required, missed, extra


def test_seed_example(seed_report, capsys):
    required, missed, extra = _score(seed_report, SEED / "expected.tsv")
    with capsys.disabled():
        print(f"\nseed: {len(required) - len(missed)}/{len(required)} required rows flagged, "
              f"{len(extra)} findings outside the key")
    assert seed_report.source.lang == "es"
    assert not missed, [r["target_text"] for r in missed]
    assert len(extra) <= 2, [(f.category, f.target_span and f.target_span.text) for f in extra]


PAIRS = sorted(p.name.removesuffix(".expected.tsv") for p in CORPORA.glob("*.expected.tsv"))


@pytest.mark.parametrize("name", PAIRS)
def test_demo_corpus(checker, name, capsys):
    source = next(p for p in CORPORA.glob(f"{name}.*.txt") if not p.name.endswith(".en.txt"))
    report = checker.check(source, CORPORA / f"{name}.en.txt")
    required, missed, extra = _score(report, CORPORA / f"{name}.expected.tsv")
    with capsys.disabled():
        print(f"\n{name}: {len(required) - len(missed)}/{len(required)} required, {len(extra)} outside the key; "
              f"missed: {[r['category'] + ':' + r['target_text'] for r in missed]}; "
              f"extra: {[f.category + ':' + (f.target_span.text if f.target_span else '') for f in extra]}")
    assert len(required) - len(missed) >= 0.6 * len(required)
    assert len(extra) <= 2
