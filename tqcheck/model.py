"""The dataclasses that flow through the pipeline, and the report-v1 contract."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
import re
from typing import Any, Iterable

SCHEMA = "tqcheck/report-v1"
_WORDS = re.compile(r"\w+")
SEVERITIES = ("minor", "major", "critical")
CATEGORIES = (
    "qe", "qe-span", "omission", "addition", "name", "title", "idiom", "number",
    "punctuation", "untranslated", "markup", "glossary", "consistency",
)


def severity_rank(severity: str) -> int:
    """0 for minor .. 2 for critical; used for --fail-on and sorting."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Span:
    """A slice of a document's original text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Document:
    """One side of a pair: the decoded original text and its sentences."""

    text: str
    lang: str
    path: str | None = None
    encoding: str = "utf-8"
    sentences: list[Sentence] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


@dataclass
class Segment:
    """An alignment link: source and target sentence indices (either may be empty)."""

    id: int
    source_ids: tuple[int, ...]
    target_ids: tuple[int, ...]
    similarity: float | None = None
    qe: float | None = None
    qe_raw: float | None = None          # the scorer's own scale (neural models), when it has one
    score: float | None = None           # the combined quality score, 0-100 (tqcheck.scoring.combined)
    document_points: float | None = None   # its part in the document score, where that is not its score

    @property
    def document_part(self) -> float | None:
        """What the segment contributes to the document score (weighted by its words)."""
        return self.score if self.document_points is None else self.document_points

    @property
    def kind(self) -> str:
        return f"{len(self.source_ids)}-{len(self.target_ids)}"


@dataclass(frozen=True)
class Occurrence:
    """Another place where a finding's problem recurs (same rule, same text)."""

    segment: int | None
    target_span: Span | None = None
    source_span: Span | None = None


@dataclass(frozen=True)
class Finding:
    """One problem. Where it recurs in the document, its first place is ``segment``/spans and the others are
    ``occurrences``; other rules that flagged the same span are listed in ``also``."""

    category: str
    severity: str
    rule: str
    mqm: str
    message: str
    suggestion: str
    segment: int | None
    target_span: Span | None = None
    source_span: Span | None = None
    occurrences: tuple[Occurrence, ...] = ()
    also: tuple[str, ...] = ()

    @property
    def places(self) -> tuple[Occurrence, ...]:
        """Every place of the problem, the first one included, in document order."""
        return (Occurrence(self.segment, self.target_span, self.source_span), *self.occurrences)


@dataclass
class Report:
    source: Document
    target: Document
    segments: list[Segment]
    findings: list[Finding]
    scorer: dict[str, Any]
    tool: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict)

    def segment_text(self, segment: Segment, side: str) -> str:
        doc = self.source if side == "source" else self.target
        ids = segment.source_ids if side == "source" else segment.target_ids
        return " ".join(doc.sentences[i].text for i in ids)

    @property
    def summary(self) -> dict[str, Any]:
        return summarise(QeStats().add(s.qe for s in self.segments),
                         ((f.category, f.severity) for f in self.findings),
                         document_score((s.document_part, self.segment_words(s)) for s in self.segments))

    def segment_words(self, segment: Segment) -> int:
        """The segment's weight in the document score: its source words (target words for an addition)."""
        return len(_WORDS.findall(self.segment_text(segment, "source") or self.segment_text(segment, "target")))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "tool": self.tool,
            "source": _doc_info(self.source),
            "target": _doc_info(self.target),
            "scorer": self.scorer,
            "summary": self.summary,
            "segments": [
                {
                    "id": s.id,
                    "score": s.score,
                    "kind": s.kind,
                    "source": self.segment_text(s, "source"),
                    "target": self.segment_text(s, "target"),
                    "source_sentences": list(s.source_ids),
                    "target_sentences": list(s.target_ids),
                    "similarity": None if s.similarity is None else round(s.similarity, 4),
                    "qe": None if s.qe is None else round(s.qe, 4),
                    "qe_raw": None if s.qe_raw is None else round(s.qe_raw, 6),
                }
                for s in self.segments
            ],
            "findings": [_finding_dict(f) for f in self.findings],
            **self.extra,
        }


def verdict(by_severity: dict[str, int]) -> str:
    """``fail`` with any critical or major finding, ``review`` with minor ones, else ``pass``."""
    if by_severity.get("critical") or by_severity.get("major"):
        return "fail"
    return "review" if by_severity.get("minor") else "pass"


def _doc_info(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "lang": doc.lang, "encoding": doc.encoding, "sentences": len(doc.sentences)}


def _finding_dict(f: Finding) -> dict[str, Any]:
    return asdict(f)


@dataclass
class QeStats:
    """Running qe figures of a report's segments, added in segment order (a streamed document a chunk at a
    time): the same sums as over the whole list."""
    segments: int = 0
    scored: int = 0
    total: float = 0.0
    lowest: float | None = None

    def add(self, values: Iterable[float | None]) -> "QeStats":
        for value in values:
            self.segments += 1
            if value is not None:
                self.scored += 1
                self.total += value
                self.lowest = value if self.lowest is None else min(self.lowest, value)
        return self


def summarise(qe: QeStats, findings: Iterable[tuple[str, str]], score: float | None = None) -> dict[str, Any]:
    """A report's ``summary`` from its qe figures, its findings' (category, severity) and its document score."""
    return {
        "score": score,
        "segments": qe.segments,
        "qe_mean": round(qe.total / qe.scored, 4) if qe.scored else None,
        "qe_min": round(qe.lowest, 4) if qe.scored else None,
        **finding_counts(findings),
    }


def finding_counts(findings: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The summary's finding figures (count, by category, by severity, verdict) from (category, severity)."""
    by_category: dict[str, int] = {}
    by_severity = {s: 0 for s in SEVERITIES}
    for category, severity in findings:
        by_category[category] = by_category.get(category, 0) + 1
        by_severity[severity] += 1
    return {
        "findings": sum(by_severity.values()),
        "by_category": dict(sorted(by_category.items())),
        "by_severity": by_severity,
        "verdict": verdict(by_severity),
    }


def document_score(scores: Iterable[tuple[float | None, int]]) -> float | None:
    """The document's score: its segments' scores weighted by their word counts (an omitted sentence scores 0 and
    weighs its words); None when no segment is scored."""
    return ScoreSum().add(scores).value()


@dataclass
class ScoreSum:
    """:func:`document_score` as running sums, added in segment order (a streamed document a chunk at a time, so
    that its segments' scores are not held: a list per segment was 120 MiB at 1,000,000 units)."""
    total: float = 0.0
    weight: float = 0.0

    def add(self, scores: Iterable[tuple[float | None, int]]) -> "ScoreSum":
        for score, words in scores:
            if score is not None:
                self.total += score * max(words, 1)
                self.weight += max(words, 1)
        return self

    def value(self) -> float | None:
        return round(self.total / self.weight, 2) if self.weight else None
