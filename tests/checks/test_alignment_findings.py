from tqcheck.checks.alignment import AlignmentCheck
from tqcheck.checks.base import CheckContext, build_views
from tqcheck.model import Document, Segment
from tqcheck.segment import segment_document

SOURCE = "El ministro llegó ayer a la capital.\n\nLa reunión duró tres horas largas.\n\nHabló.\n\nHubo un acuerdo final entre todos."
TARGET = "The minister arrived in the capital yesterday.\n\nIt rained all day long in the north.\n\nAn extra line with no source here."


def _findings(segments):
    src, tgt = Document(SOURCE, "es"), Document(TARGET, "en")
    src.sentences, tgt.sentences = segment_document(SOURCE, "es"), segment_document(TARGET, "en")
    return list(AlignmentCheck().run(CheckContext(src, tgt, build_views(src, tgt, segments))))


def test_low_qe_omissions_and_additions():
    findings = _findings([
        Segment(0, (0,), (0,), 0.95, 0.9),      # good: no finding
        Segment(1, (1,), (1,), 0.80, 0.01),     # qe below 0.02: major
        Segment(2, (2,), (), None, 0.0),        # one-word omission: minor
        Segment(3, (3,), (), None, 0.0),        # omission: major
        Segment(4, (), (2,), None, 0.0),        # addition: major
    ])
    assert [(f.segment, f.category, f.severity) for f in findings] == [
        (1, "qe", "major"), (2, "omission", "minor"), (3, "omission", "major"), (4, "addition", "major")]
    assert findings[1].source_span.text == "Habló."
    assert findings[2].target_span is None and findings[3].target_span.text == "An extra line with no source here."


def test_minor_qe_band():
    findings = _findings([Segment(0, (0,), (0,), 0.9, 0.05)])
    assert [(f.category, f.severity, f.rule) for f in findings] == [("qe", "minor", "qe-low")]
