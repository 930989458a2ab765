"""--reference: the reference aligned to the translation's sentences, chrF++ per segment."""
from tqcheck.model import Document, Report, Segment, Sentence
from tqcheck.scoring.reference import add_reference_scores, align_to_reference

HYPS = ["The minister arrived in Madrid on Monday.", "He met the press.",
        "The talks lasted three hours and ended without agreement.", "A new round is planned for May."]
REFS = ["The minister arrived in Madrid on Monday.", "Before that he visited Toledo.", "He then met the press.",
        "The talks lasted three hours.", "They ended without agreement.", "Another round is planned for May."]


def test_reference_sentences_are_aligned_one_to_one_two_and_left_out():
    assert align_to_reference(HYPS, REFS) == {0: (0,), 1: (2,), 2: (3, 4), 3: (5,)}
    assert align_to_reference([], REFS) == {} and align_to_reference(HYPS, []) == {}


def test_each_segment_gets_the_chrf_of_its_aligned_reference(tmp_path):
    text = " ".join(HYPS)
    sentences, pos = [], 0
    for k, hyp in enumerate(HYPS):
        start = text.index(hyp, pos)
        sentences.append(Sentence(k, start, start + len(hyp), hyp, 0))
        pos = start + len(hyp)
    target = Document(text, "en", "t.txt")
    target.sentences = sentences
    source = Document("", "es", "s.txt")
    segments = [Segment(0, (), (0,)), Segment(1, (), (1, 2)), Segment(2, (), ()), Segment(3, (), (3,))]
    report = Report(source, target, segments, [], {}, {})
    reference = tmp_path / "ref.txt"
    reference.write_text(" ".join(REFS) + "\n", encoding="utf-8")
    add_reference_scores(report, reference)
    rows = report.extra["reference"]["segments"]
    assert [r["reference"] for r in rows] == [REFS[0], " ".join(REFS[2:5]), "", REFS[5]]
    assert rows[0]["chrf++"] == 100.0 and rows[2]["chrf++"] is None
    assert 40 < rows[3]["chrf++"] < 100 and 40 < rows[1]["chrf++"] < 100
