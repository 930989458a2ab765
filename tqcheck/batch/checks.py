"""Per-document delivery checks run by batch workers on a finished report: markup, glossary, name candidates.

* ``markup`` (bilingual inputs: XLIFF, TMX, TSV): inline-code placeholders, URLs and e-mail addresses present in
  the source unit but missing from the target (major), present only in the target (major), or the same codes in
  another order (minor). Numbers are compared by the pipeline's number check for every input.
* ``glossary``: a source term present with none of its required English terms (major), a forbidden English
  term used (major). See :mod:`tqcheck.batch.glossary`.
* name candidates for the delivery-wide "one name spelled two ways" check (:mod:`tqcheck.batch.consistency`):
  capitalised English words that resemble a capitalised word of their source segment.
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from anyascii import anyascii

from tqcheck.batch.glossary import Entry, find_term, tokens
from tqcheck.checks.base import SegmentView
from tqcheck.io.xliff import PLACEHOLDER
from tqcheck.model import Finding

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'{}]+", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TRAILING = ".,;:!?)]»”’'\""


def markup_findings(views: list[SegmentView]) -> Iterable[Finding]:
    for view in views:
        if not (view.source and view.target):
            continue
        yield from _codes(view)
        for kind, pattern in (("url", URL), ("email", EMAIL)):
            yield from _literals(view, kind, pattern)


def _codes(view: SegmentView) -> Iterable[Finding]:
    src = [(m.group(), m.start(), m.end()) for m in PLACEHOLDER.finditer(view.source)]
    tgt = [(m.group(), m.start(), m.end()) for m in PLACEHOLDER.finditer(view.target)]
    missing = Counter(t for t, _, _ in src) - Counter(t for t, _, _ in tgt)
    extra = Counter(t for t, _, _ in tgt) - Counter(t for t, _, _ in src)
    for code in sorted(missing):
        start, end = next((a, b) for t, a, b in src if t == code)
        yield Finding("markup", "major", "markup-tag-missing", "design/markup",
                      f"inline code {code} of the source is missing from the translation",
                      f"add {code} where it belongs in the translation", view.segment.id,
                      source_span=view.source_span(start, end))
    for code in sorted(extra):
        start, end = next((a, b) for t, a, b in tgt if t == code)
        yield Finding("markup", "major", "markup-tag-extra", "design/markup",
                      f"inline code {code} is in the translation but not in the source",
                      f"remove {code} or check the source", view.segment.id,
                      target_span=view.target_span(start, end))
    if not missing and not extra and [t for t, _, _ in src] != [t for t, _, _ in tgt]:
        yield Finding("markup", "minor", "markup-tag-order", "design/markup",
                      "inline codes are in a different order than in the source (check that they still nest and "
                      "enclose the right words)",
                      "source order: " + " ".join(t for t, _, _ in src), view.segment.id,
                      target_span=view.target_span(tgt[0][1], tgt[-1][2]))


def _literals(view: SegmentView, kind: str, pattern: re.Pattern) -> Iterable[Finding]:
    def found(text):
        out = []
        for m in pattern.finditer(text):
            value = m.group().rstrip(_TRAILING)
            out.append((value.casefold().rstrip("/"), m.start(), m.start() + len(value), value))
        return out

    src, tgt = found(view.source), found(view.target)
    missing = Counter(k for k, *_ in src) - Counter(k for k, *_ in tgt)
    extra = Counter(k for k, *_ in tgt) - Counter(k for k, *_ in src)
    label = "URL" if kind == "url" else "e-mail address"
    if sum(missing.values()) == 1 and sum(extra.values()) == 1:      # one changed: one finding, both spans
        _, s_start, s_end, s_value = next(x for x in src if x[0] in missing)
        _, t_start, t_end, t_value = next(x for x in tgt if x[0] in extra)
        yield Finding("markup", "major", f"markup-{kind}-changed", "accuracy/mistranslation",
                      f"the {label} {s_value} of the source is {t_value} in the translation",
                      f"keep {s_value} unchanged", view.segment.id, target_span=view.target_span(t_start, t_end),
                      source_span=view.source_span(s_start, s_end))
        return
    for key in sorted(missing):
        _, start, end, value = next(x for x in src if x[0] == key)
        yield Finding("markup", "major", f"markup-{kind}-missing", "accuracy/omission",
                      f"the {label} {value} of the source is missing or changed in the translation",
                      f"keep {value} unchanged", view.segment.id, source_span=view.source_span(start, end))
    for key in sorted(extra):
        _, start, end, value = next(x for x in tgt if x[0] == key)
        yield Finding("markup", "major", f"markup-{kind}-extra", "accuracy/mistranslation",
                      f"the {label} {value} is not in the source", "check it against the source", view.segment.id,
                      target_span=view.target_span(start, end))


def glossary_findings(views: list[SegmentView], entries: list[Entry], source_lang: str) -> Iterable[Finding]:
    for view in views:
        if not (view.source and view.target):
            continue
        src_toks, tgt_toks = tokens(view.source), tokens(view.target)
        flagged: set[tuple[int, int]] = set()
        for entry in entries:
            if entry.lang and entry.lang.split("-")[0].lower() != source_lang:
                continue
            src_at = find_term(entry.source, src_toks) if entry.source else None
            if entry.source and src_at is None:
                continue
            src_span = view.source_span(*src_at) if src_at else None
            if entry.targets and not any(find_term(t, tgt_toks) for t in entry.targets):
                allowed = " / ".join(f"“{t.text}”" for t in entry.targets)
                yield Finding("glossary", "major", "glossary-missing", "terminology/wrong-term",
                              f"glossary: “{entry.source.text}” should be translated as {allowed}"
                              + (f" ({entry.note})" if entry.note else ""),
                              f"use {allowed}", view.segment.id, source_span=src_span)
            for term in entry.forbidden:
                at = find_term(term, tgt_toks)
                if at is not None and at not in flagged:
                    flagged.add(at)
                    allowed = " / ".join(f"“{t.text}”" for t in entry.targets)
                    yield Finding("glossary", "major", "glossary-forbidden", "terminology/wrong-term",
                                  f"glossary: “{view.target[at[0]:at[1]]}” is a forbidden term"
                                  + (f" for “{entry.source.text}”" if entry.source else "")
                                  + (f" ({entry.note})" if entry.note else ""),
                                  f"use {allowed}" if allowed else "rephrase without it", view.segment.id,
                                  target_span=view.target_span(*at), source_span=src_span)


# ---- name candidates for the delivery-wide spelling check ------------------------------------------------------
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*[^\W\d_]")
_POSSESSIVE = re.compile(r"['’]s?$")


def name_candidates(views: list[SegmentView]) -> list[list]:
    """``[form, segment id, target start, target end, source word, run]`` for capitalised target words (4+ letters)
    that resemble a capitalised word of the same segment's source (transliterated): names carried over from the
    source. ``source word`` is the most similar source word (case-folded, original script); ``run`` the run of
    capitalised words the form is part of ("Volodymyr Zelensky")."""
    out = []
    for view in views:
        if not (view.source and view.target):
            continue
        source_names = {}
        for m in _CAPITALISED.finditer(view.source):
            if m.group()[0].isupper() and len(m.group()) >= 3:
                source_names.setdefault(_folded(m.group()), m.group().casefold())
        if not source_names:
            continue
        words = [m for m in _CAPITALISED.finditer(view.target)]
        runs = _runs(view.target, words)
        for k, match in enumerate(words):
            word = _POSSESSIVE.sub("", match.group())
            if len(word) < 4 or not word[0].isupper() or word.isupper():
                continue
            folded = _folded(word)
            best = max(((_ratio(folded, s), s) for s in source_names if _close(folded, s)), default=None)
            if best is not None and best[0] >= 0.7:
                start = view.target_start + match.start()
                out.append([word, view.segment.id, start, start + len(word), source_names[best[1]], runs[k]])
    return out


def _folded(word: str) -> str:
    return anyascii(word).casefold()


@lru_cache(maxsize=20_000)
def _ratio(a: str, b: str) -> float:
    """difflib's similarity of two names (cached, a few MiB at most: the same names recur across segments)."""
    return SequenceMatcher(None, a, b).ratio()


def _runs(text: str, words: list[re.Match]) -> list[str]:
    """For each capitalised word, the space-separated run of capitalised words around it."""
    runs: list[list[int]] = []
    for k, m in enumerate(words):
        if m.group()[0].isupper() and runs and words[runs[-1][-1]].group()[0].isupper() \
                and text[words[runs[-1][-1]].end():m.start()] == " ":
            runs[-1].append(k)
        else:
            runs.append([k])
    out = [""] * len(words)
    for run in runs:
        joined = " ".join(_POSSESSIVE.sub("", words[k].group()) for k in run)
        for k in run:
            out[k] = joined
    return out


def _close(a: str, b: str) -> bool:
    return a[:1] == b[:1] or a[:2] == b[:2]
