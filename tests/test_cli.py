import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import CORPORA, SEED, needs_seed
from tqcheck.cli import app

runner = CliRunner()
# a bundled pair: error handling and renderers need any real article, not the seed
ES = CORPORA / "es-artifacts.es.txt"
EN = CORPORA / "es-artifacts.en.txt"


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_version():
    result = _run("--version")
    assert result.exit_code == 0
    assert result.output.startswith("tqcheck ")


@needs_seed
def test_seed_json_report(tmp_path):
    out = tmp_path / "r.json"
    result = _run("check", SEED / "article.es.txt", SEED / "article.en.txt", "--format", "json", "-o", out,
                  "--fail-on", "never")
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "tqcheck/report-v1"
    assert report["source"]["lang"] == "es" and report["target"]["lang"] == "en"
    assert report["summary"]["segments"] >= 15
    assert all(0.0 <= s["qe"] <= 1.0 for s in report["segments"])
    assert set(report) >= {"schema", "tool", "source", "target", "scorer", "summary", "segments", "findings"}
    assert set(report["scorer"]) >= {"name", "encoder", "calibration"}
    from tqcheck.model import CATEGORIES, SEVERITIES

    for finding in report["findings"]:
        assert finding["category"] in CATEGORIES and finding["severity"] in SEVERITIES
        assert finding["rule"] and finding["mqm"] and finding["message"] and finding["suggestion"]
        span = finding["target_span"] or finding["source_span"]
        assert span["text"]


def _one_line_error(result, fragment):
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error:"), result.output
    assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_missing_file(tmp_path):
    _one_line_error(_run("check", tmp_path / "no.es.txt", EN), "no such file")


def test_directory_given(tmp_path):
    _one_line_error(_run("check", tmp_path, EN), "is a directory")


def test_empty_file(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("   \n", encoding="utf-8")
    _one_line_error(_run("check", empty, EN), "only whitespace")


def test_binary_file(tmp_path):
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    _one_line_error(_run("check", binary, EN), "binary")


def test_same_file_twice():
    _one_line_error(_run("check", EN, EN), "same file")


def test_swapped_files():
    _one_line_error(_run("check", EN, ES), "are the files swapped?")


def test_english_source():
    _one_line_error(_run("check", EN, CORPORA / "es-clean.en.txt"), "source looks like English")


def test_unsupported_language():
    _one_line_error(_run("check", ES, EN, "--source-lang", "zh"),
                    "unsupported source language 'zh'")


def test_output_is_never_an_input_and_never_overwritten(tmp_path):
    src = tmp_path / "a.es.txt"
    src.write_text(ES.read_text(encoding="utf-8"), encoding="utf-8")
    before = src.read_bytes()
    _one_line_error(_run("check", src, EN, "-o", src), "over an input file")
    assert src.read_bytes() == before
    existing = tmp_path / "report.json"
    existing.write_text("keep me", encoding="utf-8")
    _one_line_error(_run("check", src, EN, "-o", existing), "already exists")
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_console_script_runs_without_traceback(tmp_path):
    """The installed entry point, end to end, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "tqcheck.cli", "check", str(tmp_path / "missing.txt"), str(EN)],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("tqcheck: error:") and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt, marker", [("text", "verdict:"), ("segments", "source / target"),
                                         ("markdown", "| # | severity"),
                                         ("html", "<!doctype html>")])
def test_renderers(fmt, marker):
    result = _run("check", ES, EN, "--format", fmt, "--fail-on", "never")
    assert result.exit_code == 0
    assert marker in result.output


def test_tsv_input(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "El ministro llegó ayer a Madrid.\tThe minister arrived in Madrid yesterday.\n"
        "La reunión duró tres horas.\tThe meeting lasted three hours.\n"
        "Después habló con la prensa.\t\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = _run("check", pairs, "--format", "json", "-o", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [s["kind"] for s in report["segments"]] == ["1-1", "1-1", "1-0"]
    omission = [f for f in report["findings"] if f["category"] == "omission"]
    assert omission and omission[0]["source_span"]["text"] == "Después habló con la prensa."
    text = pairs.read_text(encoding="utf-8")
    span = omission[0]["source_span"]
    assert text[span["start"]:span["end"]] == span["text"]


def test_reference_adds_sacrebleu_scores(tmp_path):
    out = tmp_path / "r.json"
    result = _run("check", ES, EN, "--reference", EN,
                  "--format", "json", "-o", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    ref = json.loads(out.read_text(encoding="utf-8"))["reference"]
    assert ref["chrf++"] == 100.0 and ref["bleu"] == 100.0
    assert ref["chrf_signature"].startswith("nrefs:1")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(ref["segments"]) == report["summary"]["segments"]
    assert {r["chrf++"] for r in ref["segments"] if r["reference"]} == {100.0}
    text = _run("check", ES, EN, "--reference", EN,
                "--fail-on", "never")
    # rich wraps the line at the terminal width, and the path's length varies with the checkout's folder
    assert "chrF++ 100.0, BLEU 100.0; lowest chrF++: segment" in " ".join(text.output.split())


def test_segments_format_shows_every_segment_and_the_missing_side(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "El ministro llegó ayer a Madrid.\tThe minister arrived in Madrid yesterday.\n"
        "La reunión duró 3 horas.\tThe meeting lasted 5 hours.\n"
        "Después habló con la prensa.\t\n", encoding="utf-8")
    result = _run("check", pairs, "--format", "segments", "--encoder", "usem3", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines() if line.split()[:1] in (["0"], ["1"], ["2"])]
    assert [[row[0], row[2]] for row in rows] == [["0", "1-1"], ["1", "1-1"], ["2", "1-0"]]   # id, score, link
    assert rows[1][4:6] == ["major", "number"] and rows[2][1:6] == ["0", "1-0", "0.00", "major", "omission"]
    assert int(rows[1][1]) < int(rows[0][1])             # the changed number costs the segment its score
    assert "es  Después habló con la prensa." in result.output and "en  [no translation]" in result.output



def test_no_qe_checks_rules_only_and_embeds_nothing_for_pairs(tmp_path, monkeypatch):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("El ministro llegó a Madrid con 3 asesores.\tThe minister arrived in Madrid with 5 advisers.\n"
                     "Después habló con la prensa.\t\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = _run("check", pairs, "--no-qe", "--format", "json", "-o", out, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["scorer"] == {"name": "none"} and report["summary"]["qe_mean"] is None
    assert [s["qe"] for s in report["segments"]] == [None, None]
    assert sorted(f["rule"] for f in report["findings"]) == ["number-mismatch", "omission-sentence"]

    from tqcheck.encoders import base
    from tqcheck.pipeline import Checker
    from tqcheck.scoring import NoScorer

    monkeypatch.setattr(base.CachedEncoder, "encode", lambda *a, **k: pytest.fail("embedded with --no-qe"))
    checked = Checker(scorer=NoScorer()).check_pairs([("Hola a todos.", "Hello everyone.")], "es", "en")
    assert checked.segments[0].qe is None and checked.summary["verdict"] == "pass"
    assert _run("check", pairs, "--no-qe", "--model", "cometkiwi-22").exit_code == 2
    config = tmp_path / "tqcheck.toml"
    config.write_text("qe = false\n", encoding="utf-8")
    result = _run("check", pairs, "--config", config, "--format", "json", "--fail-on", "never")
    assert json.loads(result.output)["scorer"] == {"name": "none"}


def test_rules_lists_the_checks_rule_ids():
    result = runner.invoke(app, ["rules", "--pair", "ru-en"])
    assert result.exit_code == 0
    ids = {line.split("\t")[0] for line in result.stdout.splitlines()}
    assert {"cognate-rare", "false-friend-ru", "untranslated-romanised", "untranslated-word", "name-place-foreign",
            "number-mismatch", "number-thousands-space", "name-translit-ru", "ru-office-glava-mid", "ru-title-rank", "exo-kiev",
            "punct-unbalanced", "omission-sentence"} <= ids
    assert "false-friend-es" not in ids and "name-relayed-de" not in ids
    de_ids = {line.split("\t")[0] for line in runner.invoke(app, ["rules", "--pair", "de-en"]).stdout.splitlines()}
    assert "name-relayed-de" in de_ids and "name-translit-ru" not in de_ids
    # source abbreviations are listed for Latin-script languages too (PIB, EZB); romanisation only for ru/uk
    assert "untranslated-abbreviation" in ids and "untranslated-abbreviation" in de_ids
    assert "untranslated-romanised" not in de_ids
