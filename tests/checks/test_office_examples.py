"""Every office of ``resources/offices/<src>.toml`` that carries an example flags it (by its own id)."""
import tomllib
from importlib import resources

import pytest

from helpers import run_check
from tqcheck.checks.titles import TitleCheck


def examples() -> list[tuple[str, str, str, str]]:
    out = []
    for path in sorted((resources.files("tqcheck.resources") / "offices").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".toml"):
            lang = path.name[:-5]
            out += [(lang, o["id"], o["example_source"], o["example_target"])
                    for o in tomllib.loads(path.read_text(encoding="utf-8")).get("office", []) if "example_source" in o]
    return out


def test_german_russian_and_ukrainian_offices_have_examples():
    assert {lang for lang, *_ in examples()} >= {"de", "ru", "uk"} and len(examples()) >= 60


@pytest.mark.parametrize("lang,office_id,source,target", examples(), ids=[e[1] for e in examples()])
def test_office_flags_its_example(lang, office_id, source, target):
    findings = run_check(TitleCheck(defer_to_lexicon=False), source, target, lang)
    assert office_id in [f.rule for f in findings]
