"""Calques and idioms rendered word for word that a sister language's list knows (``sister-calque-<src>``).

Romance languages share most of their news calques and idioms word for word: es *ojo de la cara*, pt *olhos da
cara*, it *occhio della testa* all come out as "the eye of the face/head", fr *cahier des charges* and pt *caderno
de encargos* as "book of charges". A lexicon entry (``rules/<sister>-en``, category idiom) whose listed English
holds two content words or more is carried to its sister languages (``resources/sister-languages.tsv``) by that
English alone: it fires where the English is in the target, is not one of the entry's suggested renderings, and
each of its content words is a word-for-word rendering of a content word of the aligned source (word vectors,
the lexicon's literal-rendering thresholds), the two tied by the alignment. The source language's own entries
judge first: a span one of them considers (source and English words present) is left to it. The entry's source
expression must be the same one (each of its content words near a source word found, by word vectors or spelling:
it *tenere conto* is no pt *tomar conta*), and no other content word may sit inside the English match. The sister
entry's sense conditions are carried (session 18; es *segunda vuelta* "second lap" of an election, not of an
Italian horse race's *secondo giro*): an English condition as written, a source one through its words' matches in
the source (word vectors or the same spelling, as for the expression); an entry with a source regex of context is
not carried. A hint (``minor``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

import numpy as np

from tqcheck import wordvec
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.lexicon import (LITERAL_MEAN, LITERAL_SIMILARITY, LITERAL_WIDTH, Rule, _content, _suggested,
                                    _vector_spellings, bundled_rule_files, load_rules, tied)
from tqcheck.checks.words import data_signature, lexicon_owned, overlaps
from tqcheck.lang import name
from tqcheck.model import Finding
from tqcheck.resources import read_table
from tqcheck.tokens import fold

MIN_CONTENT = 2          # content words of the listed English: one word alone is a false friend, the cognates'
SISTER_SIMILARITY = 0.70  # word-vector cosine of each content word of the sister entry's source expression with one
SISTER_SPELLING = 0.60    # of the source words found, or difflib ratio of their spellings: the same expression (pt
                          # caderno de encargos / fr cahier des charges; not pt tomar conta / it tenere conto, 0.66
                          # and 0.36: "take account of" is a calque of the one and the right English of the other)
SOURCE_SLACK = 1          # source words found span at most the English match's words and this many more
PUNCTUATION = re.compile(r"[,;:.!?()\[\]«»\"“”]")
SKIPPED_FILES = ("titles.tsv",)   # offices have their own check and differ between countries


@lru_cache(maxsize=None)
def sisters(lang: str) -> tuple[str, ...]:
    return tuple(s for r in read_table("sister-languages.tsv") if r["lang"] == lang for s in r["sisters"].split("|"))


@lru_cache(maxsize=None)
def carried_rules(lang: str) -> tuple[tuple[str, Rule], ...]:
    """(sister language, entry) of every sister entry with a listed English of ``MIN_CONTENT`` content words."""
    out = []
    for sister in sisters(lang):
        for rule in load_rules(sister):
            if rule.category != "idiom" or rule.english is None or rule.target_re is not None or rule.literal \
                    or rule.origin.endswith(SKIPPED_FILES) or rule.context_re is not None:
                continue
            # each phrase of a ``||`` cell on its own, as the separate entries they once were
            for phrase in rule.english.phrases:
                content = sum(1 for w in phrase.words if any(_content(f, "en") for f in w.forms))
                if content >= MIN_CONTENT:
                    out.append((sister, rule if phrase is rule.english else replace(rule, english=phrase)))
    return tuple(out)


def word_for_word(view: SegmentView, english: list[int]) -> tuple[int, ...] | None:
    """The source content words that the English content words ``english`` (target token indices) render one by
    one by word vectors, close together; None where one has no such source word."""
    seg, lang = view.tokens, view.source_lang
    content = [t for t in seg.source if _content(t.lower, lang)]
    if not content:
        return None
    spellings = [_vector_spellings(t, lang) for t in content]
    width = max(map(len, spellings))
    rows = [s[min(k, len(s) - 1)] for k in range(width) for s in spellings]
    sims = wordvec.similarity_matrix(rows, [seg.target[j].lower for j in english])
    sims = np.max(sims.reshape(width, len(content), len(english)), axis=0)     # source word x English word
    best = sims.max(axis=0)
    if best.min() < LITERAL_SIMILARITY or best.mean() < LITERAL_MEAN:
        return None
    chosen = sorted({content[int(i)].index for i in sims.argmax(axis=0)})
    if len(chosen) < len(english) or chosen[-1] - chosen[0] > english[-1] - english[0] + SOURCE_SLACK:
        return None      # two English words from one source word, or scattered ones: not word for word
    if all(seg.source[i].text[:1].isupper() for i in chosen):
        return None      # a name (Mercado Público), translated word for word as names are
    return tuple(chosen)


def same_expression(view: SegmentView, source: tuple[int, ...], rule: Rule, sister: str) -> bool:
    """Every content word of the sister entry's source expression has a match among the source words found (word
    vectors or spelling), in the same order and no farther apart than the expression lets its words be: sister
    Romance expressions keep their words' order and length (fr *pays ... monde* is no it *tutto il mondo è paese*,
    pt *come depois de beber* no es *sin comerlo ni beberlo*)."""
    if rule.source is None:
        return False
    at_words = [k for k, w in enumerate(rule.source.words) if any(_content(f, sister) for f in w.forms)]
    if len(at_words) < MIN_CONTENT:
        return False     # one image word (fazer anos: anos) is no evidence that the two expressions are one
    words = [sorted(rule.source.words[k].forms) for k in at_words]
    tokens = [view.tokens.source[i] for i in source]
    found = [t.text.lower() for t in tokens] + [t.lemma for t in tokens]
    sims = wordvec.similarity_matrix([f for w in words for f in w], found)
    at, last = 0, None
    for n, w in enumerate(words):
        near = [max(float(sims[at:at + len(w), k].max()), float(sims[at:at + len(w), k + len(tokens)].max()))
                for k in range(len(tokens))]
        spelt = [any(SequenceMatcher(None, fold(f), fold(g)).ratio() >= SISTER_SPELLING for f in w
                     for g in (found[k], found[k + len(tokens)])) for k in range(len(tokens))]
        fits = [k for k in range(len(tokens)) if near[k] >= SISTER_SIMILARITY or spelt[k]]
        if not fits:
            return False
        best = max(fits, key=lambda k: (spelt[k], near[k]))
        if last is not None:
            reach = sum(rule.source.gaps[k] + 1 for k in range(at_words[n - 1], at_words[n]))
            if best <= last or source[best] - source[last] > reach:
                return False
        last = best
        at += len(w)
    return True


def conditions_hold(view: SegmentView, rule: Rule, sister: str) -> bool:
    """The sister entry's sense conditions on this segment: an English one as the entry's own check reads it; a
    source one, written in the sister language, by its words' counterparts among the source words of its scope
    (the segment, or the sentences around it): a word of the same spelling or one whose word vector is within
    ``SISTER_SIMILARITY`` (es *elecciones*: it *elezioni*)."""
    for condition in rule.conditions:
        if condition.keyword.side == "target":
            if not condition.holds(view):
                return False
            continue
        tokens = view.context_tokens if condition.keyword.scope == "paragraph" else view.tokens.source
        words = [w for e in condition.words for w in e.words]
        if words and tokens and (_counterpart(words, tokens) != condition.keyword.require):
            return False
    return True


def _counterpart(words: list, tokens) -> bool:
    """A source token renders one of a condition's sister-language words (its forms, or a prefix of four letters
    or more): written alike (a prefix *candidat-*: it *candidati*) or by word vectors."""
    if any(w.matches(t) for w in words for t in tokens):
        return True
    written = sorted({f for w in words for f in w.forms} | {p for w in words for p in w.prefixes if len(p) >= 4})
    found = sorted({t.lower for t in tokens if t.lower.isalpha() and len(t.lower) >= 3})
    if not written or not found:
        return False
    return float(wordvec.similarity_matrix(written, found).max()) >= SISTER_SIMILARITY


def loose_words(view: SegmentView, match: tuple[int, ...]) -> bool:
    """A content word or a punctuation mark inside the English match that is none of its words ("orders in three
    days" for "order of the day", "wire, which can be twisted"): the words are another phrase's."""
    tokens = view.tokens.target
    text = view.target[tokens[match[0]].start - view.target_start:tokens[match[-1]].end - view.target_start]
    return PUNCTUATION.search(text) is not None or any(
        _content(tokens[j].lower, "en") for j in range(match[0], match[-1] + 1) if j not in match)


class SisterCalqueCheck:
    name = "sister-calque"

    def signature(self, lang: str) -> dict:
        files = [f"{f.path}@v{f.version}" for s in sisters(lang) for f in bundled_rule_files(s)]
        return {"files": list(data_signature("sister-languages.tsv")) + files, "entries": len(carried_rules(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        rules = carried_rules(lang)
        if not rules or not wordvec.vector_language(lang):
            return
        for view in ctx.aligned:
            seg = view.tokens
            forms = frozenset(f for t in seg.target for f in t.forms)
            owned, flagged = None, []
            for sister, rule in rules:
                first = rule.english.words[0]
                if first.forms.isdisjoint(forms) and not first.prefixes:
                    continue
                for match in rule.english.find(seg.target):
                    english = [j for j in match if _content(seg.target[j].lower, "en")]
                    span = (seg.target[match[0]].start - view.target_start, seg.target[match[-1]].end - view.target_start)
                    if len(english) < MIN_CONTENT or overlaps(span, flagged) or loose_words(view, match) \
                            or _suggested(rule.suggestion, seg.target):
                        continue
                    source = word_for_word(view, english)
                    if source is None or not tied(seg, source, match, view.target_names) \
                            or not same_expression(view, source, rule, sister) \
                            or not conditions_hold(view, rule, sister):
                        continue
                    owned = lexicon_owned(view, lang, "idiom") if owned is None else owned
                    if overlaps(span, owned):
                        continue
                    flagged.append(span)
                    src = (seg.source[source[0]].start - view.source_start, seg.source[source[-1]].end - view.source_start)
                    target, source_span = view.target_span(*span), view.source_span(*src)
                    yield Finding(
                        "idiom", "minor", f"sister-calque-{lang}", rule.mqm,
                        f"“{target.text}” renders “{source_span.text}” word for word, a calque that the "
                        f"{name(sister)} list knows ({rule.id}): {rule.note}",
                        rule.suggestion, view.segment.id, target_span=target, source_span=source_span)
