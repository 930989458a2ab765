"""The Check protocol and the view of aligned segments that checks receive."""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Protocol

from tqcheck.model import Document, Finding, Segment, Span
from tqcheck.tokens import Joined, SegmentTokens, Token, joined_words, tokenize

# A word after a letter or a clause mark and a space: not the first word of a sentence.
_INSIDE_WORD = re.compile(r"(?<=[^\W_])[,;:]?\s+([^\W\d_]+)")


KEPT_LAYERS = 128        # segments of one document whose token layers stay in memory at once


class Layers:
    """The views of one document that hold a token layer, the ``kept`` computed last: when one more is computed, the
    oldest view forgets its layers (and computes them again if asked: the same layers). Checks run one after
    another over every segment, and only the lexicon check reads every segment's layers; later checks ask for a few
    (``lexicon_flags`` of a segment with a finding). So a run-on paragraph of 200,000 words (1,500 segments of 1,000
    characters) holds 128 segments' layers, not 0.6 KB for each of its words until the last check."""

    def __init__(self, kept: int = KEPT_LAYERS):
        self._views: deque[SegmentView] = deque(maxlen=kept)
        self._held: set[int] = set()     # id() of the views in _views: by identity, two views may hold equal text

    def computed(self, view: SegmentView) -> None:
        """``view`` has computed a layer; the oldest view forgets its layers when more than ``kept`` hold one."""
        if id(view) in self._held:
            return
        if len(self._views) == self._views.maxlen:
            oldest = self._views[0]
            oldest.__dict__.pop("tokens", None)         # cached_property values live in the instance dict
            oldest.__dict__.pop("context_tokens", None)
            oldest.__dict__.pop("source_joined", None)
            oldest.__dict__.pop("target_joined", None)
            oldest.__dict__.pop("context_joined", None)
            self._held.discard(id(oldest))
        self._views.append(view)
        self._held.add(id(view))


@dataclass(frozen=True)
class SegmentView:
    """An aligned segment as checks see it: original text slices and their offsets.

    ``tokens`` and ``context_tokens`` (the token layer, ``tqcheck/tokens.py``) are computed on first use and
    then shared by every check; checks that never ask for them cost nothing. Views of one document share
    ``layers``, which bounds how many of them hold their layers at once.
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
    target_context: str = ""  # the target segment with one sentence either side
    layers: Layers | None = field(default=None, compare=False, repr=False)

    @cached_property
    def tokens(self) -> SegmentTokens:
        """Source and target words (text, lemma, document offsets) and the word alignment between them."""
        self._computed()
        return SegmentTokens(tokenize(self.source, self.source_lang, self.source_start),
                             tokenize(self.target, self.target_lang, self.target_start),
                             self.source_sentences, self.target_sentences)

    @cached_property
    def source_joined(self) -> Joined:
        """The source's words written with apostrophes or hyphens, read whole (``tokens.joined_words``: the lexicon
        matches entries written as the whole word against their pieces)."""
        return joined_words(self.tokens.source, self.source, self.source_start, self.source_lang)

    @cached_property
    def target_joined(self) -> Joined:
        """``source_joined`` of the target."""
        return joined_words(self.tokens.target, self.target, self.target_start, self.target_lang)

    @cached_property
    def context_joined(self) -> Joined:
        """``joined`` of ``context_tokens``."""
        return joined_words(self.context_tokens, self.source_context, self.context_start, self.source_lang)

    @cached_property
    def context_tokens(self) -> tuple[Token, ...]:
        """Words of ``source_context`` (no alignment), with document offsets."""
        self._computed()
        return tokenize(self.source_context, self.source_lang, self.context_start)

    @cached_property
    def target_names(self) -> frozenset[str]:
        """Words written capitalised inside a sentence of ``target_context``: in English, names."""
        return frozenset(m.group(1) for m in _INSIDE_WORD.finditer(self.target_context) if m.group(1)[0].isupper())

    def _computed(self) -> None:
        if self.layers is not None:
            self.layers.computed(self)

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
    layers = Layers(KEPT_LAYERS)        # read at call time: tests lower it
    return [_view(source, target, s, layers) for s in segments]


def _view(source: Document, target: Document, segment: Segment, layers: Layers | None = None) -> SegmentView:
    src_text, src_start = text_slice(source, segment.source_ids)
    tgt_text, tgt_start = text_slice(target, segment.target_ids)
    ids = segment.source_ids
    context, context_start = _context(source, ids)
    return SegmentView(segment, src_text, src_start, tgt_text, tgt_start, context, source.lang, target.lang,
                       context_start, _spans(source, ids), _spans(target, segment.target_ids),
                       _context(target, segment.target_ids)[0], layers)


def _context(doc: Document, ids: tuple[int, ...]) -> tuple[str, int]:
    """The text of these sentences with one sentence either side, and where it starts."""
    if not ids:
        return "", 0
    first = max(0, ids[0] - 1)
    last = min(len(doc.sentences) - 1, ids[-1] + 1)
    start = doc.sentences[first].start
    return doc.text[start:doc.sentences[last].end], start


def _spans(doc: Document, ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((doc.sentences[i].start, doc.sentences[i].end) for i in ids)


def text_slice(doc: Document, ids: tuple[int, ...]) -> tuple[str, int]:
    """The original text from the first to the last of these sentences, and where it starts."""
    if not ids:
        return "", 0
    start, end = doc.sentences[ids[0]].start, doc.sentences[ids[-1]].end
    return doc.text[start:end], start
