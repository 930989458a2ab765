import pytest

from tqcheck.checks import build_checks
from tqcheck.config import Config
from tqcheck.errors import InputError
from tqcheck.model import Finding


def _finding(rule: str, category: str) -> Finding:
    return Finding(category, "major", rule, "accuracy/untranslated", "m", "s", 0)


def _checks(disable: set[str]) -> set[str]:
    return {c.name for c in build_checks(Config(disable=disable))}


def test_plain_name_switches_off_check_category_and_rule():
    cfg = Config(disable={"untranslated"})
    assert "untranslated" not in _checks({"untranslated"})
    assert cfg.drops("untranslated-word", "untranslated") is True


def test_check_prefix_keeps_the_category():
    cfg = Config(disable={"check:untranslated"})
    assert "untranslated" not in _checks({"check:untranslated"})
    assert "untranslated-word" in _checks({"check:untranslated"})
    assert cfg.is_ignored(_finding("untranslated-word", "untranslated")) is False


def test_category_prefix_keeps_the_checks_running_and_drops_their_findings():
    cfg = Config(disable={"category:untranslated"})
    assert {"untranslated", "untranslated-word"} <= _checks({"category:untranslated"})
    assert cfg.is_ignored(_finding("untranslated-word", "untranslated")) is True
    assert cfg.is_ignored(_finding("number-extra", "number")) is False


def test_rule_prefix_drops_one_rule_only():
    cfg = Config(disable={"rule:untranslated-word"})
    assert "untranslated-word" in _checks({"rule:untranslated-word"})
    assert cfg.is_ignored(_finding("untranslated-word", "untranslated")) is True
    assert cfg.is_ignored(_finding("untranslated-sentence", "untranslated")) is False


def test_unknown_prefix_is_an_input_error(tmp_path):
    path = tmp_path / "tqcheck.toml"
    path.write_text('disable = ["checks:number"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="check:, category:, rule:"):
        Config.load(path)
