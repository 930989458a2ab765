"""Sentence splitting inside paragraphs: sentencex, patched with per-language abbreviation data."""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from importlib import resources

from sentencex import segment as _sentencex_segment

from tqcheck.io.text import Paragraph, split_paragraphs
from tqcheck.model import Sentence

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> tuple[str, ...]:
    """Abbreviations after which sentencex must not end a sentence (``resources/abbreviations/<lang>.txt``)."""
    path = resources.files("tqcheck.resources") / "abbreviations" / f"{lang}.txt"
    if not path.is_file():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def _abbreviation_end(lang: str) -> re.Pattern[str] | None:
    abbrs = abbreviations(lang)
    if not abbrs:
        return None
    # "re:" lines are patterns (German ordinals: "19."); the others are literal abbreviations.
    alternatives = "|".join(a[3:] if a.startswith("re:") else re.escape(a)
                            for a in sorted(abbrs, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s(«\"“„‘'-])(?:{alternatives})$")


def split_sentences(text: str, lang: str, start: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of one paragraph (offsets shifted by ``start``)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            spans.extend(_split_line(line.group(), lang, start + line.start()))
    return spans


def _split_line(line: str, lang: str, offset: int) -> list[tuple[int, int]]:
    pieces: list[list[int]] = []
    pos = 0
    for piece in _sentencex_segment(lang, line):
        stripped = piece.strip()
        if not stripped:
            continue
        begin = line.index(stripped, pos)
        pos = begin + len(stripped)
        pieces.append([begin, pos])
    merged = _merge_after_abbreviations(line, pieces, lang)
    return [(offset + b, offset + e) for b, e in _cut_overlong(line, merged)]


MAX_SENTENCE = 1000                     # characters; longer "sentences" are lists, tables or unpunctuated text
_CLAUSE_END = re.compile(r"[,;:)\]»”]\s|\s[-–—]\s")


def _cut_overlong(line: str, pieces: list[list[int]]) -> list[list[int]]:
    """Cut pieces over :data:`MAX_SENTENCE` characters at the last clause boundary (else space) in the second half of
    each stretch, so that embedding and alignment stay linear in the text's size; warns (UserWarning) per line."""
    out: list[list[int]] = []
    for begin, end in pieces:
        while end - begin > MAX_SENTENCE:
            window = line[begin + MAX_SENTENCE // 2:begin + MAX_SENTENCE]
            cuts = [m.end() for m in _CLAUSE_END.finditer(window)] or [m.end() for m in re.finditer(r"\s+", window)]
            cut = begin + MAX_SENTENCE // 2 + cuts[-1] if cuts else begin + MAX_SENTENCE
            stripped = line[begin:cut].rstrip()
            out.append([begin, begin + len(stripped)])
            begin = cut + len(line[cut:end]) - len(line[cut:end].lstrip())
        out.append([begin, end])
    if len(out) > len(pieces):
        warnings.warn(f"{len(out) - len(pieces)} cut(s) in a sentence over {MAX_SENTENCE} characters (no sentence "
                      "punctuation: a list, a table or run-on text?), made at clause or word boundaries", stacklevel=2)
    return out


# Breaks no language here makes: after a one-letter initial ("N. Wayne Hale", "M. Tremblay"), and before a
# lower-case letter ("des 19. Jahrhunderts").
_INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")
_LOWER_START = re.compile(r"^[^\W\d_]", re.U)


def _merge_after_abbreviations(line: str, pieces: list[list[int]], lang: str) -> list[list[int]]:
    pattern = _abbreviation_end(lang)
    merged: list[list[int]] = []
    for piece in pieces:
        if merged and _false_break(line[merged[-1][0]:merged[-1][1]], line[piece[0]:piece[1]], pattern):
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    return merged


def _false_break(before: str, after: str, abbreviation: re.Pattern[str] | None) -> bool:
    if abbreviation is not None and abbreviation.search(before):
        return True
    if _INITIAL_END.search(before) and before[-2].isupper():
        return True
    return bool(_LOWER_START.match(after)) and after[0].islower()


def segment_document(text: str, lang: str) -> list[Sentence]:
    """Split a whole document: paragraphs by blank lines, then sentences."""
    sentences: list[Sentence] = []
    for paragraph in split_paragraphs(text):
        sentences.extend(_paragraph_sentences(paragraph, lang, len(sentences)))
    return sentences


def _paragraph_sentences(paragraph: Paragraph, lang: str, first: int) -> list[Sentence]:
    spans = split_sentences(paragraph.text, lang, paragraph.start)
    return [
        Sentence(first + k, b, e, paragraph.text[b - paragraph.start:e - paragraph.start], paragraph.index)
        for k, (b, e) in enumerate(spans)
    ]
