"""Sentence splitting inside paragraphs: sentencex, patched with per-language abbreviation data."""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sentencex import segment as _sentencex_segment

from tqcheck.io.text import Paragraph, split_paragraphs
from tqcheck.model import Sentence

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=None)
def _data_lines(name: str) -> tuple[str, ...]:
    """Non-comment lines of ``resources/abbreviations/<name>.txt`` (none when the file is absent)."""
    path = resources.files("tqcheck.resources") / "abbreviations" / f"{name}.txt"
    if not path.is_file():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def abbreviations(lang: str) -> tuple[str, ...]:
    """Entries of ``resources/abbreviations/<lang>.txt`` (format in that folder's README)."""
    return _data_lines(lang)


@dataclass(frozen=True)
class _Rules:
    """One language's break rules, compiled from its data files."""

    never_final: re.Pattern[str] | None      # before ends with an abbreviation that never ends a sentence
    final_before_opener: re.Pattern[str] | None   # ... that ends one only before a sentence opener
    openers: frozenset[str]                  # words that begin sentences (``<lang>.openers.txt``)
    words: re.Pattern[str] | None            # words sentencex takes for abbreviations: a sentence may end there
    conditional_split: re.Pattern[str] | None    # a "?" abbreviation, then space: split if an opener follows
    brands: re.Pattern[str] | None           # names with inner punctuation (``brands.txt``): never split inside
    attribution: re.Pattern[str] | None      # capitalised words then a speech verb (``<lang>.speech.txt``)


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    never, conditional, words = [], [], []
    for entry in abbreviations(lang):
        if entry.startswith("!"):
            words.append(re.escape(entry[1:]))
        elif entry.startswith("?"):
            conditional.append(_alternative(entry[1:]))
        else:
            never.append(_alternative(entry))
    brands = sorted(_data_lines("brands"), key=len, reverse=True)
    return _Rules(
        _ending(never), _ending(conditional), frozenset(_data_lines(f"{lang}.openers")),
        re.compile(rf"(?<!\w)(?:{'|'.join(words)})\.(\s+)(?=[^\W\d_])") if words else None,
        re.compile(rf"(?:^|(?<=[\s(«\"“„‘'-]))(?:{'|'.join(conditional)})(\s+)(?=\S)") if conditional else None,
        re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, brands))})(?![\w])") if brands else None,
        _attribution(_data_lines(f"{lang}.speech")),
    )


def _attribution(verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """'"Why not?" Zhukov wrote ...': up to four capitalised words, then a speech verb."""
    if not verbs:
        return None
    return re.compile(rf"^(?:[^\W\d_][\w.'’-]*\s+){{1,4}}(?:{'|'.join(map(re.escape, verbs))})\b")


def _alternative(entry: str) -> str:
    # "re:" lines are patterns (German ordinals: "19."); the others are literal abbreviations.
    return entry[3:] if entry.startswith("re:") else re.escape(entry)


def _ending(alternatives: list[str]) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(rf"(?:^|[\s(«\"“„‘'-])(?:{'|'.join(ordered)})$")


def split_sentences(text: str, lang: str, start: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of one paragraph (offsets shifted by ``start``)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            spans.extend(_split_line(line.group(), lang, start + line.start()))
    return spans


def _split_line(line: str, lang: str, offset: int) -> list[tuple[int, int]]:
    rules = _rules(lang)
    pieces: list[list[int]] = []
    pos = 0
    for piece in _sentencex_segment(lang, line):
        stripped = piece.strip()
        if not stripped:
            continue
        begin = line.index(stripped, pos)
        pos = begin + len(stripped)
        pieces.extend(_split_after_words(line, begin, pos, rules))
    merged = _merge_false_breaks(line, pieces, rules)
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


def _split_after_words(line: str, begin: int, end: int, rules: _Rules) -> list[list[int]]:
    """Split a piece where sentencex missed a break: after a word it took for an abbreviation ("votó en
    contra. El ministro"), before a capital; after a "?" abbreviation ("en EE.UU. El presidente"), before an
    opener."""
    cuts = []
    if rules.words is not None:
        cuts += [m for m in rules.words.finditer(line, begin, end) if line[m.end()].isupper()]
    if rules.conditional_split is not None:
        cuts += [m for m in rules.conditional_split.finditer(line, begin, end)
                 if _starts_with_opener(line[m.end():end], rules.openers)]
    out = []
    for match in sorted(cuts, key=lambda m: m.start(1)):
        if match.start(1) > begin:
            out.append([begin, match.start(1)])
            begin = match.end()
    return out + [[begin, end]]


# Breaks no language here makes: where no space follows the punctuation; around a piece without a letter or
# digit; after a one-letter initial ("N. Wayne Hale", "M. Tremblay"); before a
# lower-case letter ("des 19. Jahrhunderts"), also after a dash (a quote's attribution: «Да!» — сказал он.).
_INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")
_LOWER_START = re.compile(r"^(?:[-–—]\s*)?([^\W\d_])", re.U)
_WORD_CHAR = re.compile(r"\w")
_STRAY = re.compile(r"\w{1,2}")                 # one or two letters, no punctuation: a typo's leftover
_QUOTE_END = re.compile(r"[?!…][\"”»’']$")
_LIST_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-z])\)\s")      # (1) , 2) , (b) : an item of a list inside the sentence
_TERMINAL = re.compile(r"[.!?…][\"”»’')\]]*$")
_FIRST_WORD = re.compile(r"^[\"“„«'‘(\[]*([^\W\d_]+)")


def _merge_false_breaks(line: str, pieces: list[list[int]], rules: _Rules) -> list[list[int]]:
    merged: list[list[int]] = []
    for piece in pieces:
        if merged and _false_break(line, merged[-1], piece, rules):
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    return merged


def _false_break(line: str, before_span: list[int], after_span: list[int], rules: _Rules) -> bool:
    if before_span[1] == after_span[0]:
        return True                              # no space: "NHL.Com", "+19...+24", "Яндекс.Такси"
    before, after = line[before_span[0]:before_span[1]], line[after_span[0]:after_span[1]]
    if not _WORD_CHAR.search(before) or not _WORD_CHAR.search(after) or _STRAY.fullmatch(after.strip()):
        return True                              # a stray ".", "…" or word ("... customs. I", "... costumes. Eu")
    brand_end = False
    if rules.brands is not None:
        for match in rules.brands.finditer(line, max(0, before_span[1] - 40), min(len(line), after_span[0] + 40)):
            if match.start() < before_span[1] and match.end() > after_span[0]:
                return True                      # ".NET", "ASP.NET": the break is inside the name
            brand_end = brand_end or match.end() == before_span[1]
    if rules.never_final is not None and rules.never_final.search(before):
        return True
    if brand_end or (rules.final_before_opener is not None and rules.final_before_opener.search(before)):
        return not _starts_with_opener(after, rules.openers)
    if _INITIAL_END.search(before) and before[-2].isupper():
        return True
    if _LIST_MARKER.match(after) and not _TERMINAL.search(before):
        return True                              # "... definiert: (1) Fluss, (2) Dichte und (3) ...": one sentence
    if rules.attribution is not None and _QUOTE_END.search(before) and rules.attribution.match(after):
        return True
    lower = _LOWER_START.match(after)
    return bool(lower) and lower.group(1).islower()


def _starts_with_opener(text: str, openers: frozenset[str]) -> bool:
    word = _FIRST_WORD.match(text)
    return bool(word) and word.group(1) in openers


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
