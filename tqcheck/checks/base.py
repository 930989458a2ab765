"""The Check protocol and the view of aligned segments that checks receive."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Protocol

from tqcheck.model import Document, Finding, Segment, Span
from tqcheck.tokens import SegmentTokens, Token, tokenize


@dataclass(frozen=True)
class SegmentView:
    """An aligned segment as checks see it: original text slices and their offsets.

    ``tokens`` and ``context_tokens`` (the token layer, ``tqcheck/tokens.py``) are computed on first use and
    then shared by every check; checks that never ask for them cost nothing.
    """

    segment: Segment
    source: str
    source_start: int
    target: str
    target_start: int
    source_context: str      # the source segment with one sentence either side (sense conditions)
    source_lang: str = ""
    target_lang: str = "en"
    context_start: int = 0
    source_sentences: tuple[tuple[int, int], ...] = ()   # (start, end) document offsets of its sentences
    target_sentences: tuple[tuple[int, int], ...] = ()

    @cached_property
    def tokens(self) -> SegmentTokens:
        """Source and target words (text, lemma, document offsets) and the word alignment between them."""
        return SegmentTokens(tokenize(self.source, self.source_lang, self.source_start),
                             tokenize(self.target, self.target_lang, self.target_start),
                             self.source_sentences, self.target_sentences)

    @cached_property
    def context_tokens(self) -> tuple[Token, ...]:
        """Words of ``source_context`` (no alignment), with document offsets."""
        return tokenize(self.source_context, self.source_lang, self.context_start)

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
    qe: bool = True          # quality estimation runs (an encoder is in use); False under --no-qe

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
    context, context_start = "", 0
    if ids:
        first = max(0, ids[0] - 1)
        last = min(len(source.sentences) - 1, ids[-1] + 1)
        context_start = source.sentences[first].start
        context = source.text[context_start:source.sentences[last].end]
    return SegmentView(segment, src_text, src_start, tgt_text, tgt_start, context, source.lang, target.lang,
                       context_start, _spans(source, ids), _spans(target, segment.target_ids))


def _spans(doc: Document, ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((doc.sentences[i].start, doc.sentences[i].end) for i in ids)


def text_slice(doc: Document, ids: tuple[int, ...]) -> tuple[str, int]:
    """The original text from the first to the last of these sentences, and where it starts."""
    if not ids:
        return "", 0
    start, end = doc.sentences[ids[0]].start, doc.sentences[ids[-1]].end
    return doc.text[start:end], start
