"""The Check protocol and the view of aligned segments that checks receive."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol

from tqcheck.model import Document, Finding, Segment, Span


@dataclass(frozen=True)
class SegmentView:
    """An aligned segment as checks see it: original text slices and their offsets."""

    segment: Segment
    source: str
    source_start: int
    target: str
    target_start: int
    source_context: str      # the source segment with one sentence either side (sense conditions)

    def source_span(self, start: int, end: int) -> Span:
        return Span(self.source_start + start, self.source_start + end, self.source[start:end])

    def target_span(self, start: int, end: int) -> Span:
        return Span(self.target_start + start, self.target_start + end, self.target[start:end])


@dataclass
class CheckContext:
    source: Document
    target: Document
    segments: list[SegmentView]
    options: dict = field(default_factory=dict)

    @property
    def source_lang(self) -> str:
        return self.source.lang

    @property
    def aligned(self) -> list[SegmentView]:
        """Segments with text on both sides."""
        return [v for v in self.segments if v.source and v.target]


class Check(Protocol):
    name: str

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        ...


def build_views(source: Document, target: Document, segments: list[Segment]) -> list[SegmentView]:
    return [_view(source, target, s) for s in segments]


def _view(source: Document, target: Document, segment: Segment) -> SegmentView:
    src_text, src_start = text_slice(source, segment.source_ids)
    tgt_text, tgt_start = text_slice(target, segment.target_ids)
    ids = segment.source_ids
    context = ""
    if ids:
        first = max(0, ids[0] - 1)
        last = min(len(source.sentences) - 1, ids[-1] + 1)
        context = source.text[source.sentences[first].start:source.sentences[last].end]
    return SegmentView(segment, src_text, src_start, tgt_text, tgt_start, context)


def text_slice(doc: Document, ids: tuple[int, ...]) -> tuple[str, int]:
    """The original text from the first to the last of these sentences, and where it starts."""
    if not ids:
        return "", 0
    start, end = doc.sentences[ids[0]].start, doc.sentences[ids[-1]].end
    return doc.text[start:end], start
