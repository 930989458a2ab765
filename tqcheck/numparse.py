"""Numbers in running text: every quantity a sentence states, with its span and the values it may stand for.

``parse(text, lang)`` reads digits in the language's separator convention, number words and ordinals (compounds
such as *dreiundzwanzig* or *quatre-vingt-dix*; Russian and Ukrainian words in any case by their pymorphy3 lemma),
fractions and counted nouns (*полтора*, a dozen, *сутки* = 24 hours), scale words (*млрд*, *billón*), Roman-numeral
centuries, clock times (24-hour and a.m./p.m.) and dates (numeric in either order, or written: *10 февраля*,
*десятого февраля*, February 10). The words are data: ``resources/numbers/<lang>.toml``.

A quantity's ``values`` are all its legitimate readings: floats for numbers, ``("date", month, day)`` and
``("time", hour, minute)``; two quantities agree when their readings meet.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from tqcheck import morph

CURRENCY = "$£€¥₽₴"
SPACES = " \u00a0\u202f\u2009"
_DIGITS = re.compile(r"(?<![\w.,])\d+(?:(?:[.,]\d+)|(?:['’][0-9]{3}(?!\d))|(?:[ \u00a0\u202f\u2009]\d{3}(?!\d)))*")
_CLOCK = re.compile(r"(?<![\w.,:])([01]?\d|2[0-4])(?:[:\u0589]|\s?h\s?(?=\d))([0-5]\d)(?!\d|[.,]\d)")
_NUM_DATE = re.compile(r"(?<![\w.,/])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|[.,]\d)")
_ISO_DATE = re.compile(r"(?<![\w.,/])(\d{4})-(\d{2})-(\d{2})(?![\w])")
_MONTH_YEAR = re.compile(r",?\s+(?:de\s+|del\s+|of\s+)?(?:19|20)\d\d(?!\d)")
_TRAILING_ZERO = re.compile(r"\d{1,3}\.\d\d0")
_DAY_MONTH = re.compile(r"(?<![\w.,/])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")      # 3/11 after a date cue
_ROMAN = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SCALE_WORD = re.compile(r"[ \u00a0\u202f-]?([^\W\d_]+)")    # 12 million, a 12-million-euro scheme
_ADJECTIVE_SCALE = re.compile(r"-([^\W\d_]+)")    # a figure, a hyphen, the ordinal of a scale word: 25-тысячный
_SCALES = (1e3, 1e6, 1e9)
_JOIN = re.compile(r"[\s\-‐–]{1,3}")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "ё": "е"})
_POS = frozenset({"NUMR", "ADJF", "NOUN"})
_ANY_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Quantity:
    """One number in a text: its span, kind (``number``, ``date``, ``time``) and every reading it allows."""

    start: int
    end: int
    text: str
    kind: str
    values: frozenset
    english: str                            # the value as English writes it (for suggestions)
    evidence: bool = True                   # written so plainly that a missing counterpart is worth reporting
    weak: bool = False                      # an article-like word ("un", "one"): explains a 1, never reported
    loose: frozenset = frozenset()          # readings against another kind (a time's hour, a date's day)
    scaled: bool = False                    # carries a scale word (3,5 millones)
    primary: float | None = None            # digits: the reading in the language's own convention
    # Target side only: the reading in the source language's separator convention, when it differs.
    foreign: float | None = None
    convention: str | None = None           # "decimal-comma" | "thousands-dot" | "thousands-space"
    parts: tuple = field(default=(), compare=False)   # a space-grouped target number read as separate numbers


@dataclass(frozen=True)
class Lang:
    """One language's number data, compiled once."""

    code: str
    decimal: str
    thousands: tuple[str, ...]
    words: dict                             # form or lemma -> ((value, type), ...)
    word_re: re.Pattern                     # candidates for number words
    clock_re: re.Pattern | None
    lemma_of: dict                          # ru/uk: every inflected form of a table word -> its lemma
    weak: frozenset
    lemmatise: bool
    compound: bool
    ordinal_endings: re.Pattern | None
    stem_fill: tuple[str, ...]
    ordinal_stems: dict
    ordinal_suffix: re.Pattern | None
    months: tuple                           # (compiled month regex, number)
    month_re: re.Pattern | None
    date_link: re.Pattern
    hour_words: re.Pattern | None
    day_parts: tuple                        # (compiled regex, "am" | "pm" | "night" | "day" | "ampm")
    clock_words: dict
    century_before: re.Pattern | None
    century_after: re.Pattern | None
    decade_suffix: re.Pattern | None
    units: tuple[str, ...]
    imperial: tuple[str, ...]
    military_time: re.Pattern | None        # 1200 GMT
    currency_scales: dict                   # after a currency sign only: £125m
    not_numbers: re.Pattern | None          # phrases with a number word that state no number (per cento)
    half_after: re.Pattern | None           # "y media" after a counted noun: una hora y media = 1.5 hours
    minute_after: re.Pattern | None = None  # minutes after an hour word: 17 часов 47 минут
    minute_word: re.Pattern | None = None   # a minute word after a number: 28. Minute, на 28-й хвилині
    compound_tail: re.Pattern | None = None  # ru/uk: what follows a genitive number in one word (месячн)
    ordinal_prefixes: tuple[str, ...] = ()  # a noun before an ordinal in one word (Tabellenvierten)
    ordinal_tail: re.Pattern | None = None  # a word after an ordinal's stem (fünftplatzierten)
    phone_before: re.Pattern | None = None  # words that announce a phone number (call ... on 116 123)
    one_period: re.Pattern | None = None    # a singular period after a figure 1 (1 year): a bare noun's article
    phrases: tuple = ()                     # (regex, values): phrases that say a number (the quarter-hour mark)
    any_phrase: re.Pattern | None = None    # one of the phrases starts here: a text without it needs no other test
    coin_words: frozenset = frozenset()     # hundreds words that also name a coin (quatre cents: 400 or 4 cents)
    weekdays: re.Pattern | None = None      # (en) day-of-week names: a date named by its weekday
    either_units: tuple[str, ...] = ()      # (en) units of both systems (degrees): a conversion only by their number
    currency_words: re.Pattern | None = None  # a currency name after an amount (euro, долларов): it is money
    century_names: tuple = ()               # (compiled word, century): il Seicento is the 17th century
    multiplicatives: tuple = ()             # (compiled word stem, factor): triplicar, verdoppelt, втрое, tripled
    any_multiplicative: re.Pattern | None = None  # one of their stems starts here: without it, none is tried
    multiplier_names: dict = field(default_factory=dict)  # (en) factor -> its word in a message: 3 -> triple
    ordinal_left: re.Pattern | None = None  # the source's ordinal notation, which English never writes (56.ª, 2ème)
    hour_words_24h: re.Pattern | None = None  # hour words of the 24-hour clock: 7h, 7 Uhr is 7 a.m., not 7 p.m.
    clock_minutes_24h: bool = False         # a time written with its minutes is on the 24-hour clock (6:30 = a.m.)
    clock_before: re.Pattern | None = None  # words that make the figure after them a time (alle 1.25, a las 3.00)
    date_before: re.Pattern | None = None   # words that make a day/month after them a date (a partir de 3/11)
    ratio_link: re.Pattern | None = None    # the words between a part and its whole: двое из трёх, one in three
    minus: re.Pattern | None = None         # a sign before a figure (минус 18, -18): a temperature below zero
    below_zero: re.Pattern | None = None    # (en) words that say a temperature is below zero without a sign


def _word_re(keys: list[str]) -> re.Pattern:
    """Candidates for number words: words that start as a table word or inflection does (three letters), which
    also finds compounds (dreiundzwanzig, duemila); a final period is kept for abbreviations (тыс.)."""
    prefixes = "|".join(re.escape(p) for p in sorted({k[:3].casefold() for k in keys}, key=len, reverse=True))
    inner = r"(?:'[^\W\d_]+)*" if any("'" in k for k in keys) else ""      # п'ять is one word; un'ora two
    return re.compile(rf"(?<![^\W\d_'])(?:{prefixes})[^\W\d_]*{inner}\.?", re.I)


def _alternation(words: dict) -> re.Pattern | None:
    if not words:
        return None
    body = "|".join(re.escape(k) for k in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])", re.I)


def _inflections(words: dict, code: str) -> dict[str, str]:
    """Every form of every table lemma (pymorphy3 lexemes: десятого, четырехсот, шостої), generated once, so that
    reading a text needs no morphological analysis."""
    forms: dict[str, str] = {}
    analyzer = morph.analyzer(code)
    for lemma in words:
        for parse in analyzer.parse(lemma):
            if parse.tag.POS in _POS and parse.normal_form.translate(_APOSTROPHES) == lemma:
                for form in parse.lexeme:
                    forms.setdefault(form.word.translate(_APOSTROPHES), lemma)
    return forms


def _readings(value: float | list) -> frozenset[float]:
    """A data value, or a list of every reading of an ambiguous phrase."""
    return frozenset(float(v) for v in (value if isinstance(value, list) else [value]))


def _value_key(v: float) -> float:
    return float(f"{v:.9g}")


@lru_cache(maxsize=None)
def language(code: str) -> Lang:
    """The compiled data of ``resources/numbers/<code>.toml``."""
    path = resources.files("tqcheck.resources") / "numbers" / f"{code}.toml"
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    words: dict[str, list] = {}
    for table, kind in (("cardinals", "unit"), ("ordinals", "ordinal"), ("hundreds", "hundred"), ("scales", "scale"),
                        ("fractions", "fraction"), ("vague", "vague"), ("scores", "score"),
                        ("decades", "unit")):
        for word, entry in d.get(table, {}).items():
            for value in entry if isinstance(entry, list) else [entry]:   # a list: every reading (quinzaine)
                if kind == "fraction" and float(value).is_integer() and value >= 2:
                    kind_here = "counted"       # dozen, сутки: multiply the number before them
                else:
                    kind_here = kind
                words.setdefault(word.casefold().translate(_APOSTROPHES), []).append((float(value), kind_here))
    for word in d.get("connectors", []):
        words.setdefault(word, []).append((0.0, "connector"))
    flags = 0 if d.get("months_case_sensitive") else re.I
    months = tuple((re.compile(rf"(?:{k})", flags), v) for k, v in d.get("months", {}).items())
    month_body = "|".join(f"(?:{k})" for k in d.get("months", {}))
    opt = lambda key, fl=re.I: re.compile(d[key], fl) if d.get(key) else None
    lemma_of = _inflections(words, code) if d.get("lemmatise") else {}
    return Lang(
        code=code, decimal=d["decimal"], thousands=tuple(d["thousands"]),
        word_re=_word_re(list(words) + list(lemma_of) + d.get("ordinal_prefixes", [])),
        clock_re=_alternation(d.get("clock_words", {})),
        words={k: tuple(v) for k, v in words.items()}, weak=frozenset(d.get("weak", [])),
        lemma_of=lemma_of,
        lemmatise=d.get("lemmatise", False), compound=d.get("compound", False),
        ordinal_endings=opt("ordinal_endings"), stem_fill=tuple(d.get("stem_fill", [""])),
        ordinal_stems={k: float(v) for k, v in d.get("ordinal_stems", {}).items()},
        ordinal_suffix=opt("ordinal_suffix", 0),
        months=months,
        month_re=re.compile(rf"(?<![^\W\d_])(?:{month_body})(?![^\W\d_])", flags) if month_body else None,
        date_link=re.compile("(?:" + d.get("date_link", r"\s+") + ")", re.I),
        hour_words=re.compile(rf"\s*(?:{d['hour_words']})(?![^\W\d_])", re.I) if d.get("hour_words") else None,
        day_parts=tuple((re.compile(rf"\s*(?:{rx})(?![^\W\d_])", 0 if code == "en" else re.I), part)
                        for rx, part in d.get("day_parts", [])),
        clock_words={k.casefold(): v for k, v in d.get("clock_words", {}).items()},
        century_before=re.compile(rf"(?<![^\W\d_])(?:{d['century_before']})\s+$", re.I)
        if d.get("century_before") else None,
        century_after=re.compile(rf"(?:{d.get('roman_suffix', '')})?\.?\s*(?:{d['century_after']})(?![^\W\d_])",
                                 re.I) if d.get("century_after") else None,
        decade_suffix=opt("decade_suffix", 0),
        units=tuple(d.get("units", {}).get("all", [])), imperial=tuple(d.get("units", {}).get("imperial", [])),
        either_units=tuple(d.get("units", {}).get("either", [])),
        currency_scales={k: float(v) for k, v in d.get("currency_scales", {}).items()},
        military_time=re.compile(rf"(?<![\w.,])(\d{{4}})(?=\s*(?:{d['military_time']})(?![^\W\d_]))")
        if d.get("military_time") else None,
        not_numbers=re.compile(rf"(?<![^\W\d_])(?:{d['not_numbers']})(?![^\W\d_])", re.I)
        if d.get("not_numbers") else None,
        half_after=re.compile(rf"[\s'’]+[^\W\d_]+\s+(?:{d['half_after']})(?![^\W\d_])", re.I)
        if d.get("half_after") else None,
        minute_after=re.compile(rf"\s*(?:и\s+|і\s+|y\s+|e\s+|et\s+|und\s+)?(\d{{1,2}})\s*(?:{d['minute_words']})"
                                r"(?![^\W\d_])", re.I) if d.get("minute_words") else None,
        minute_word=re.compile(rf"\s*(?:{d['minute_words']})(?![^\W\d_])", re.I) if d.get("minute_words") else None,
        compound_tail=re.compile(rf"(?:{d['compound_tail']})[^\W\d_]*$") if d.get("compound_tail") else None,
        ordinal_prefixes=tuple(d.get("ordinal_prefixes", [])),
        ordinal_tail=re.compile(d["ordinal_tail"], re.I) if d.get("ordinal_tail") else None,
        phone_before=re.compile(rf"(?<![^\W\d_])(?:{d['phone_before']})(?![^\W\d_])[^.;:!?\d]{{0,30}}$", re.I)
        if d.get("phone_before") else None,
        weekdays=re.compile(rf"(?<![^\W\d_])(?:{d['weekdays']})(?![^\W\d_])") if d.get("weekdays") else None,
        one_period=re.compile(rf"\s+(?:{d['one_period']})\b(?!-)") if d.get("one_period") else None,
        phrases=tuple((re.compile(rf"(?<![^\W\d_])(?:{k})(?![^\W\d_])", re.I), _readings(v))
                      for k, v in d.get("phrases", {}).items()),
        any_phrase=re.compile(rf"(?<![^\W\d_])(?:{'|'.join(f'(?:{k})' for k in d['phrases'])})", re.I)
        if d.get("phrases") else None,
        coin_words=frozenset(d.get("coin_words", [])),
        hour_words_24h=re.compile(rf"(?:{d['hour_words_24h']})$", re.I) if d.get("hour_words_24h") else None,
        clock_minutes_24h=d.get("clock_minutes_24h", False),
        date_before=re.compile(rf"(?<![^\W\d_])(?:{d['date_before']})\s+$", re.I) if d.get("date_before") else None,
        ratio_link=re.compile(rf"\s+(?:{d['ratio_link']})\s+", re.I) if d.get("ratio_link") else None,
        minus=re.compile(rf"(?:{d['minus']})\s*$", re.I) if d.get("minus") else None,
        below_zero=re.compile(rf"(?<![^\W\d_])(?:{d['below_zero']})(?![^\W\d_])", re.I)
        if d.get("below_zero") else None,
        clock_before=re.compile(rf"(?<![^\W\d_])(?:{d['clock_before']})\s+$", re.I) if d.get("clock_before") else None,
        ordinal_left=re.compile(rf"(?<![\d.,])(\d+)(?:{d['ordinal_left']})(?![^\W\d_])")
        if d.get("ordinal_left") else None,
        century_names=tuple((re.compile(rf"(?<![^\W\d_])(?:{k})(?![^\W\d_])"), int(v))
                            for k, v in d.get("century_names", {}).items()),
        multiplier_names={int(k): v for k, v in d.get("multiplier_names", {}).items()},
        multiplicatives=tuple((re.compile(rf"(?<![^\W\d_])(?:{k})[^\W\d_]*", re.I), v if v % 1 else int(v))
                              for k, v in d.get("multiplicatives", {}).items()),
        any_multiplicative=re.compile(rf"(?<![^\W\d_])(?:{'|'.join(f'(?:{k})' for k in d['multiplicatives'])})",
                                      re.I) if d.get("multiplicatives") else None,
        currency_words=re.compile(rf"(?:{d['currency_words']})(?![^\W\d_])", re.I) if d.get("currency_words") else None,
    )


# -- words -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=200_000)
def word_info(word: str, code: str) -> tuple:
    """``((value, type), ...)`` for a number word (type: unit, ordinal, hundred, scale, fraction, counted, vague,
    connector), or ``()``. Russian and Ukrainian words are looked up by lemma, German and Italian compounds split."""
    lang = language(code)
    w = word.casefold().translate(_APOSTROPHES)
    if w in lang.words:
        return lang.words[w]
    if lang.lemmatise:
        found = lang.words.get(lang.lemma_of.get(w, ""), ())
        if not found and lang.compound_tail is not None:   # четырёх|месячные, двух|летний: a number in a compound
            tail = lang.compound_tail.search(w)
            head = lang.words.get(lang.lemma_of.get(w[:tail.start()], ""), ()) if tail and tail.start() > 2 else ()
            found = tuple((v, "unit") for v, kind in head[:1] if kind in ("unit", "hundred"))
        return found
    if lang.compound:
        return _compound(w, lang)
    return ()


def _compound(w: str, lang: Lang) -> tuple:
    parts = _split(w, lang, {})
    if parts and len(parts) > 1:
        value = _compose_parts(parts)
        if value is not None:             # Zehntausende: tens of thousands, no number
            return ((value, "vague" if any(kind == "vague" for _, kind in parts) else "unit"),)
    if lang.ordinal_endings is None:
        return ()
    for prefix in lang.ordinal_prefixes:       # Tabellen|vierten
        if w.startswith(prefix) and len(w) > len(prefix) + 2:
            inner = _compound(w[len(prefix):], lang)
            return inner if inner and inner[0][1] == "ordinal" else ()
    if lang.ordinal_tail:                      # fünf|t|platzierten, sieb|t|größte, zwanzig|st|beste
        for m in re.finditer(r"s?t", w):
            if m.start() > 1 and lang.ordinal_tail.fullmatch(w, m.end()):
                parts = _split(w[:m.start()], lang, lang.ordinal_stems)
                value = _compose_parts(parts) if parts else None
                if value is not None:
                    return ((value, "ordinal"),)
    for cut in range(2, len(w) - 1):      # ordinal = stem + ending: zwanzig|sten, ers|ten, undic(i)|esimo
        if not lang.ordinal_endings.fullmatch(w, cut):
            continue
        for fill in lang.stem_fill:
            parts = _split(w[:cut] + fill, lang, lang.ordinal_stems)
            value = _compose_parts(parts) if parts else None
            if value is not None:
                return ((value, "ordinal"),)
    return ()


def _split(w: str, lang: Lang, extra: dict) -> list | None:
    """Cut a written-together number (zweihundertdreiundzwanzig) into table words, longest first."""
    if not w:
        return []
    for end in range(len(w), 0, -1):
        head = w[:end]
        info = lang.words.get(head) or (((extra[head], "unit"),) if head in extra else None)
        if not info:
            continue
        rest = _split(w[end:], lang, extra)
        if rest is not None:
            return [info[0]] + rest
    return None


def _compose_parts(parts: list) -> float | None:
    items = []
    for i, (value, kind) in enumerate(parts):
        if kind == "connector":               # drei|und|zwanzig: a unit joined to the tens after it
            if not items or i + 1 >= len(parts) or items[-1][1] != "unit" or parts[i + 1][0] % 10:
                return None
            unit = items.pop()[0]
            parts[i + 1] = (parts[i + 1][0] + unit, parts[i + 1][1])
            continue
        items.append((value, kind))
    composer = _Composer()
    for value, kind in items:
        if not composer.add(value, kind):
            return None
    return composer.value()


class _Composer:
    """Adds number words up into one value: units and tens add, hundreds multiply the number before them, a
    larger scale multiplies everything before it (dos mil millones), a fraction adds (dos y medio)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last: float | None = None
        self.last_scale = 0.0
        self.counted: float | None = None
        self.kinds: list[str] = []

    def add(self, value: float, kind: str) -> bool:
        if self.counted is not None:
            return False
        if kind == "score" and self.current % 100 == 4:        # quatre-vingt(s): 4 × 20
            self.current += value * 4 - 4
            self.last = value * 4
        elif kind in ("unit", "ordinal", "score"):
            if self.current and not _fits(self.last, value):
                return False
            if not self.current and self.total and value >= self.last_scale:
                return False
            self.current += value
            self.last = value
        elif kind == "hundred":
            if self.current >= 100 or (self.current and self.last and self.last < 1):
                return False
            self.current = (self.current or 1) * value
            self.last = value
        elif kind in ("scale", "vague"):
            if self.total and value > self.last_scale:
                self.total = (self.total + self.current) * value
            elif self.total and value == self.last_scale:
                return False
            else:
                self.total += (self.current or 1) * value
            self.current, self.last_scale, self.last = 0.0, value, value
        elif kind == "fraction":
            if self.kinds and set(self.kinds) <= {"ordinal"}:
                return False                # the first half, the second quarter: a part, not 1.5 or 2.25
            if not self.current and self.total and value < 1:
                self.total += value * self.last_scale        # tres millones y medio
            elif self.current and value < 1 and self.last and self.last >= 1:
                self.current += value
            elif not self.current and not self.total:
                self.current = value
            else:
                return False
            self.last = value
        elif kind == "counted":
            if self.kinds and set(self.kinds) <= {"ordinal"}:
                return False                # première quinzaine, first quarter: the first of those, not 15 or 3
            self.counted = value
        else:
            return False
        self.kinds.append(kind)
        return True

    def value(self) -> float:
        base = self.total + self.current
        if self.counted is not None:
            return (base or 1) * self.counted
        return base

    def readings(self) -> set[float]:
        values = {self.value()}
        if self.counted is not None and (self.total or self.current):
            values.add(self.total + self.current)      # двое суток: 48 hours or two days
        return values


def _fits(last: float | None, value: float) -> bool:
    """May ``value`` follow ``last`` in one number (twenty-three, ciento veinte, soixante-dix)?"""
    if last is None or last < 10 or not float(last).is_integer():
        return False
    magnitude = 10 ** (len(str(int(last))) - 1)
    if last % magnitude == 0 and value < magnitude:
        return True
    return last in (60, 80) and value < 20            # soixante-dix, quatre-vingt-douze


# -- digits ------------------------------------------------------------------------------------------------

def _interpret(token: str, decimal: str, thousands: tuple[str, ...]) -> float | None:
    """The value of a digit string in one separator convention, or None when it cannot be written so."""
    groups = re.split(r"[^\d]", token)
    seps = re.findall(r"[^\d]", token)
    if not seps:
        return float(token)
    if seps[-1] == decimal and seps.count(decimal) == 1:
        whole, frac, head = groups[:-1], groups[-1], seps[:-1]
    else:
        whole, frac, head = groups, None, seps
    if head:
        if len(set(head)) != 1 or head[0] not in thousands or not 1 <= len(whole[0]) <= 3:
            return None
        if any(len(g) != 3 for g in whole[1:]):
            return None
    number = "".join(whole)
    return float(f"{number}.{frac}") if frac is not None else float(number)


def digit_readings(token: str, lang: Lang) -> list[float]:
    """Readings of a digit string in the language's convention, then in English's (1.500 is 1500 or 1.5)."""
    out: list[float] = []
    for decimal, thousands in ((lang.decimal, lang.thousands), (".", (",",))):
        if decimal != lang.decimal and "." in lang.thousands and _TRAILING_ZERO.fullmatch(token):
            continue        # nobody writes 1.65 as 1.650: in a decimal-comma language 1.650 is 1650 only
        value = _interpret(token, decimal, thousands)
        if value is not None and value not in out:
            out.append(value)
    return out


def _convention(token: str, lang: Lang) -> str:
    if lang.decimal in token and _interpret(token, ".", (",",)) is None and "," in token:
        return "decimal-comma"
    if any(c in token for c in SPACES + "'’"):
        return "thousands-space"
    if "," in token and "." in token and token.rindex(",") > token.rindex("."):
        return "decimal-comma"
    return "thousands-dot" if "." in token else "decimal-comma"


# -- English rendering -------------------------------------------------------------------------------------

_SCALE_NAMES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def english_number(value: float, scaled: bool = False) -> str:
    """1500 -> "1,500"; 41.6e9 with a scale word -> "41.6 billion"; 0.5 -> "0.5"."""
    if scaled:
        for size, name in _SCALE_NAMES:
            if value >= size:
                return f"{_plain(value / size)} {name}"
    return _plain(value)


def _plain(value: float) -> str:
    value = _value_key(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def english_time(hour: int, minute: int) -> str:
    half = "a.m." if hour < 12 or hour == 24 else "p.m."
    twelve = hour % 12 or 12
    return f"{twelve}{f':{minute:02d}' if minute else ''} {half}"


def month_name(month: int) -> str:
    """The English name of a month (1-12)."""
    return _MONTHS[month - 1]


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# -- parsing -----------------------------------------------------------------------------------------------

def parse(text: str, code: str, source_code: str | None = None) -> list[Quantity]:
    """Every quantity in ``text`` (language ``code``), in text order. For a target text, ``source_code`` names the
    source language, whose separator convention gives each digit string its ``foreign`` reading."""
    lang = language(code)
    foreign = language(source_code) if source_code else None
    taken: list[tuple[int, int]] = []
    out: list[Quantity] = []
    figures = _ANY_DIGIT.search(text) is not None      # what the figure readers need (most sentences have none)
    if figures:
        out += _numeric_dates(text, lang, taken)
        out += _clocks(text, taken)
        out += _military(text, lang, taken)
    out += _centuries(text, lang, taken)
    out += _century_names(text, lang, taken)
    out += _multiplicatives(text, lang, taken)
    if lang.not_numbers is not None:         # before the digits too: "100 percent certain" states no figure
        taken += [m.span() for m in lang.not_numbers.finditer(text)]
    out += _phrases(text, lang, taken)
    if figures:
        out += _mixed_fractions(text, lang, taken)
        out += _digits(text, lang, foreign, taken)
    out += _words(text, lang, taken)
    out = [_with_half(text, lang, q) for q in out]
    out.sort(key=lambda q: q.start)
    out = _shared_scales(text, lang, out)
    out = _dates(text, lang, out)
    out = _times(text, lang, out)
    out = _composites(text, lang, out)
    out = _range_starts(text, out)
    out += _clock_words(text, lang, out)
    return sorted(out, key=lambda q: q.start)


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MIXED = re.compile(r"(?<![\w.,/])(\d{1,3})(?:[ \u00a0-]?([½¼¾⅓⅔])|[ \u00a0-]([1-9])/([2-9]|1[0-6]))(?![\d/])")


# Between the two ends of a range or a pair of figures whose scale word is written once, after the second (от 40 до
# 100 тысяч, 40–60 тысяч, entre 2 y 3 millones, zwischen 2 und 3 Millionen): the first figure has that scale too.
_SCALE_SHARED = re.compile(r"\s*(?:[-–—]|до|и|і|або|или|to|and|or|a|à|al|e|y|o|ou|et|bis|und|oder)\s*$", re.I)


def _shared_scales(text: str, lang: Lang, out: list[Quantity]) -> list[Quantity]:
    """A plain figure before a scaled one across a range or list link (``_SCALE_SHARED``) may carry its scale:
    that reading is added (40 in от 40 до 100 тысяч reads 40 and 40,000)."""
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind != "number" or b.kind != "number" or a.scaled or not b.scaled or b.primary is None:
            continue
        digits = re.match(r"\d+(?:[.,\s\u00a0]\d+)*", b.text)
        base = digit_readings(digits.group(), lang) if digits and lang.code != "en" else []
        if not base or not base[0] or not _SCALE_SHARED.match(text[a.end:b.start]):
            continue
        factor = b.primary / base[0]
        out[k] = replace(a, values=a.values | {_value_key(v * factor) for v in a.values})
    return out


_COMPOSITE_GAP = re.compile(r"[ \u00a0\u202f]+")


def _scale_factor(q: Quantity, lang: Lang) -> float | None:
    """The scale a figure with a scale word carries (1 млн: 10^6), from its digits and its value; None without one."""
    digits = re.match(r"\d+(?:[.,\s\u00a0\u202f]\d+)*", q.text)
    if not q.scaled or q.primary is None or digits is None:
        return None
    base = digit_readings(digits.group(), lang) if lang.code != "en" else [
        v for v in [_interpret(digits.group(), ".", (",",))] if v is not None]
    if not base or not base[0] or not float(base[0]).is_integer():
        return None                      # 1,5 млн is a figure of its own, not the start of an amount in parts
    factor = q.primary / base[0]
    return factor if factor in _SCALES or factor == 1e12 else None


def _composites(text: str, lang: Lang, out: list[Quantity]) -> list[Quantity]:
    """An amount written in parts, each scale word after its own figure (1 млн 62 тыс., 2 млрд 300 млн,
    2 тыс. 500, 1 Mio. 62.000): one number, their sum, when each part is smaller than the scale before it."""
    merged: list[Quantity] = []
    last = None                          # the scale of the last part of the amount merged[-1] (None: no amount)
    for q in out:
        a = merged[-1] if merged else None
        factor = last
        if a is not None and factor is None and a is not q:
            factor = _scale_factor(a, lang)
        below = _scale_factor(q, lang) if q.scaled else 1.0
        if a is None or factor is None or below is None or below >= factor or a.kind != "number" \
                or q.kind != "number" or q.primary is None or not 0 < q.primary < factor \
                or not float(q.primary).is_integer() or not _COMPOSITE_GAP.fullmatch(text, a.end, q.start):
            merged.append(q)
            last = None
            continue
        total = _value_key(a.primary + q.primary)
        # 2.3 billion, but 1,062,000 (not 1.062 million)
        size = next((size for size, _ in _SCALE_NAMES if total >= size), None)
        short = size is not None and round(total / size, 2) == total / size
        merged[-1] = Quantity(a.start, q.end, text[a.start:q.end], "number", frozenset({total}),
                              english_number(total, short), evidence=a.evidence or q.evidence,
                              scaled=True, primary=total)
        last = below if q.scaled else None
    return merged


def _mixed_fractions(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """3½ and 2 1/2 (with a scale word after: 2 1/2 million): one number, not a 3 and a 1/2."""
    out = []
    for m in _MIXED.finditer(text):
        whole = int(m.group(1))
        part = _VULGAR[m.group(2)] if m.group(2) else int(m.group(3)) / int(m.group(4))
        if part >= 1:
            continue
        stop, factor = m.end(), 1.0
        s = _SCALE_WORD.match(text, stop)
        info = [v for v, k in _scale_info(s.group(1), text, s.end(1), lang) if k == "scale"] if s else []
        if info:
            factor, stop = info[0], s.end(1)
        value = _value_key((whole + part) * factor)
        taken.append((m.start(), stop))
        # unscaled, the whole number alone also counts: 220 2/3 innings against "220 entrées et deux tiers"
        values = {value} if info else {value, float(whole)}
        out.append(Quantity(m.start(), stop, text[m.start():stop], "number", frozenset(values),
                            english_number(value, bool(info)), scaled=bool(info), primary=value))
    return out


def _free(taken: list, start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def _with_half(text: str, lang: Lang, q: Quantity) -> Quantity:
    """una hora y media, une heure et demie: the number and a half."""
    m = lang.half_after.match(text, q.end) if lang.half_after is not None and q.kind == "number" else None
    if m is None:
        return q
    values = frozenset(_value_key(v + 0.5) for v in q.values if isinstance(v, float))
    english = english_number(min(values))
    return replace(q, end=m.end(), text=text[q.start:m.end()], values=values, english=english, weak=False)


def _numeric_dates(text: str, lang: Lang, taken: list) -> list[Quantity]:
    out = []
    for m in _ISO_DATE.finditer(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            taken.append(m.span())
            out.append(_date(m.start(), m.end(), text, {(month, day)}))
            out.append(_year(m.start(1), m.end(1), text, float(year)))
    for m in _NUM_DATE.finditer(text):
        if not _free(taken, *m.span()):
            continue
        a, b = int(m.group(1)), int(m.group(3))
        readings = set()
        if 1 <= b <= 12 and 1 <= a <= 31:
            readings.add((b, a))                       # day.month, the convention of every source language
        if (lang.code == "en" or b > 12) and 1 <= a <= 12 and 1 <= b <= 31:
            readings.add((a, b))                       # month/day: English, or the only reading left
        if not readings:
            continue
        taken.append(m.span())
        out.append(_date(m.start(), m.start(4) - 1, text, readings))
        year = m.group(4)
        values = {float(year)} if len(year) == 4 else {float(year), 2000.0 + int(year), 1900.0 + int(year)}
        out.append(Quantity(m.start(4), m.end(4), year, "number", frozenset(values), year))
    if lang.date_before is not None:
        out += _day_months(text, lang, taken)
    return out


def _day_months(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """A day/month without a year after a date cue (a partir de 3/11, desde 01/06), or written with two figures each
    and a leading zero (marcada para 04/09: no fraction or score is written so): day first, as the source language
    writes it; without either 3/4 may be a fraction."""
    out = []
    for m in _DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        padded = len(m.group(1)) == len(m.group(2)) == 2 and "0" in (m.group(1)[0], m.group(2)[0])
        if 1 <= day <= 31 and 1 <= month <= 12 and _free(taken, *m.span()) \
                and (padded or lang.date_before.search(text, max(0, m.start() - 25), m.start())):
            taken.append(m.span())
            out.append(_date(m.start(), m.end(), text, {(month, day)}))
    return out


def _date(start: int, end: int, text: str, readings: set, evidence: bool = True) -> Quantity:
    month, day = sorted(readings)[0]
    return Quantity(start, end, text[start:end], "date", frozenset(("date", m, d) for m, d in readings),
                    f"{_MONTHS[month - 1]} {day}", evidence=evidence,
                    loose=frozenset(float(d) for _, d in readings))


def _year(start: int, end: int, text: str, value: float) -> Quantity:
    return Quantity(start, end, text[start:end], "number", frozenset({value}), _plain(value).replace(",", ""))


def _clocks(text: str, taken: list) -> list[Quantity]:
    out = []
    for m in _CLOCK.finditer(text):
        if _free(taken, *m.span()):
            taken.append(m.span())
            hour, minute = int(m.group(1)), int(m.group(2))
            out.append(_time(m.start(), m.end(), text, hour, minute, None))
    return out


def _military(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """Four-figure times before a time zone: 1200 GMT is 12:00."""
    if lang.military_time is None:
        return []
    out = []
    for m in lang.military_time.finditer(text):
        hour, minute = int(m.group(1)[:2]), int(m.group(1)[2:])
        if hour <= 23 and minute <= 59 and _free(taken, *m.span(1)):
            taken.append(m.span(1))
            time = _time(m.start(1), m.end(1), text, hour, minute, "24h")
            out.append(replace(time, values=time.values | {float(m.group(1))}))    # or 1500 hours of work
    return out


def _time(start: int, end: int, text: str, hour: int, minute: int, part: str | None,
          evidence: bool = True, explicit: bool = True, clock24: bool = False) -> Quantity:
    """A clock time; without a day part a 12-hour figure may be either half of the day (a las 6, 6:30)."""
    hours = {_apply_part(hour, part)} if part else {hour % 24}
    if part is None and 1 <= hour <= 12 and not clock24 and not (explicit and text[start:start + 1] == "0"):
        hours |= {hour % 12, hour % 12 + 12}
    values = frozenset(("time", h, minute) for h in hours)
    loose = {float(hour), float(hour % 12 or 12)} | {float(h) for h in hours}
    if minute:      # as written and on the 24-hour clock: 6.30 p.m. against a plain 18.30
        loose |= {v for h in {hour} | hours for v in (_value_key(h + minute / 100), float(h * 100 + minute))}
    first = min(hours) if part is None and hour < 12 else _apply_part(hour, part) if part else hour % 24
    return Quantity(start, end, text[start:end], "time", values, english_time(first, minute), evidence=evidence,
                    loose=frozenset(loose))


def _apply_part(hour: int, part: str) -> int:
    if part == "am":
        return 0 if hour == 12 else hour
    if part == "pm":
        return hour + 12 if hour < 12 else hour
    if part == "night":
        return 0 if hour == 12 else hour + 12 if 6 <= hour < 12 else hour
    if part == "day":
        return hour + 12 if 1 <= hour <= 6 else hour
    return hour


_ROMAN_ONE = rf"(?<![\w.])({_ROMAN})(?:e|er|ème|ᵉ)?(?![\w])"
# between two numerals of a list or range, with the article some languages repeat (el XIV, il XII, l'XI) and up to
# two lower-case words saying which part of the century (XIX і початку XX, XIX y principios del XX)
_ROMAN_LINK = (r"\s*(?:[-–—]|и|і|y|e|et|und|,|au|al|bis|до|по|a|à)\s*(?:[^\W\d_A-ZА-ЯЁІЇЄҐ]{3,12}\s+){0,2}"
               r"(?:(?:el|il|le|o|du|dem)\s+|l['’])?")
_ROMAN_RANGE = re.compile(r"\s*(?:[-–—]|au|al|bis|до|по|a|à)\s", re.I)
_ROMAN_RUN = re.compile(rf"{_ROMAN_ONE}(?:{_ROMAN_LINK}{_ROMAN_ONE})*")
_ROMAN_EACH = re.compile(_ROMAN_ONE)


def _centuries(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """Roman numerals next to a century word: XVII в., siglo XX, XXe siècle, and lists and ranges of them
    (siglos XI, XII y XIII; XV–XVII вв.; du XIe au XIIIe siècle)."""
    if lang.century_before is None and lang.century_after is None:
        return []
    out = []
    for run in _ROMAN_RUN.finditer(text):
        before = lang.century_before and lang.century_before.search(text, 0, run.start())
        after = lang.century_after and lang.century_after.match(text, run.end())
        if not (before or after):
            continue
        if before:
            taken.append(before.span())          # siglo is also a period word (un siglo = 100 años)
        numerals = list(_ROMAN_EACH.finditer(text, run.start(), run.end()))
        for k, m in enumerate(numerals):
            end = after.end() if after and k == len(numerals) - 1 else m.end()
            value = float(_roman(m.group(1)))
            taken.append((m.start(), end))
            out.append(Quantity(m.start(), end, text[m.start():end], "number", frozenset({value}),
                                f"{ordinal_en(int(value))} century"))
            if k and _ROMAN_RANGE.match(text[numerals[k - 1].end():m.start()] + " "):
                out += _between(out[-2], out[-1])
    return out


def _century_names(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """Centuries named by a word (Italian il Seicento: the 17th century, not 600); case-sensitive, as the lower-case
    word is the number."""
    out = []
    for rx, century in lang.century_names:
        for m in rx.finditer(text):
            if _free(taken, m.start(), m.end()):
                taken.append(m.span())
                out.append(Quantity(m.start(), m.end(), m.group(), "number", frozenset({float(century)}),
                                    f"{ordinal_en(century)} century"))
    return out


def _multiplicatives(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """Words that multiply (triplicar, verdoppelt, втрое, tripled): a kind of their own, compared only with each
    other, since a translation may say "rose by 200%" or "twice as many" instead."""
    out: list[Quantity] = []
    if lang.any_multiplicative is None or not lang.any_multiplicative.search(text):     # one scan, not one per stem
        return out
    for rx, factor in lang.multiplicatives:
        for m in rx.finditer(text):
            if _free(taken, m.start(), m.end()):
                taken.append(m.span())
                # loose: the factor may stand as a plain number on the other side (в 4 рази: "four times the"), or
                # as the percentage it adds or takes away (в полтора раза: "by 50%"; triplicó: "rose by 200%")
                out.append(Quantity(m.start(), m.end(), m.group(), "times", frozenset({("times", factor)}),
                                    language("en").multiplier_names.get(factor, f"{factor} times"),
                                    loose=frozenset({float(factor), _value_key((factor - 1) * 100),
                                                     _value_key((1 - 1 / factor) * 100)})))
    return out


def _between(first: Quantity, last: Quantity) -> list[Quantity]:
    """The centuries a range spans between its ends (XIe au XIIIe: the 12th too), to explain a translation that
    lists them; never reported as missing."""
    low, high = int(min(first.values)), int(max(last.values))
    return [replace(first, values=frozenset({float(v)}), english=f"{ordinal_en(v)} century", evidence=False,
                    weak=True) for v in range(low + 1, high)]


_ROMAN_WORD = re.compile(rf"(?<![\w.])({_ROMAN})(?![\w])")


def roman_values(text: str) -> frozenset[float]:
    """The values of the upper-case Roman numerals standing as words in ``text`` (XII Concurso, XII выставка):
    an ordinal English may write in figures (the 12th competition)."""
    return frozenset(float(_roman(m.group(1))) for m in _ROMAN_WORD.finditer(text))


def _roman(numeral: str) -> int:
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES[a]
        total += -value if b != " " and _ROMAN_VALUES[b] > value else value
    return total


def _digits(text: str, lang: Lang, foreign: Lang | None, taken: list) -> list[Quantity]:
    out = []
    for m in _DIGITS.finditer(text):
        start, end, token = m.start(), m.end(), m.group()
        if not _free(taken, start, end):
            continue
        spaced = any(c in token for c in SPACES)
        if spaced and (lang.code == "en" or not digit_readings(token, lang)):
            out += _space_parts(text, m, lang, foreign, taken)      # 84 447 in English; 0800 555 111
            continue
        out.append(_digit_quantity(text, start, end, lang, foreign, taken))
    return out


def _space_parts(text: str, m: re.Match, lang: Lang, foreign: Lang | None, taken: list) -> list[Quantity]:
    """A space-grouped figure in English: the source convention's one number, or several (in 2019 200 people)."""
    parts = []
    for p in re.finditer(r"\d+(?:[.,]\d+)*", m.group()):
        parts.append(_digit_quantity(text, m.start() + p.start(), m.start() + p.end(), lang, foreign, taken))
    value = _interpret(m.group(), foreign.decimal, foreign.thousands) if foreign else None
    if value is None:
        return parts
    whole = _digit_quantity(text, m.start(), m.end(), lang, None, taken)
    return [replace(whole, values=frozenset({value}), foreign=value, convention="thousands-space",
                    english=english_number(value), parts=tuple(parts))]


def _digit_quantity(text: str, start: int, end: int, lang: Lang, foreign: Lang | None, taken: list) -> Quantity:
    token = text[start:end]
    readings = digit_readings(token, lang) if lang.code != "en" else [
        v for v in [_interpret(token, ".", (",",))] if v is not None]
    other = _interpret(token, foreign.decimal, foreign.thousands) if foreign else None
    stop = end
    suffix = lang.ordinal_suffix.match(text, end) if lang.ordinal_suffix else None
    if suffix:
        stop = suffix.end()
    factor, scaled = 1.0, False
    after_currency = lang.currency_scales and text[max(0, start - 2):start].strip()[-1:] in CURRENCY
    while True:
        if after_currency and not scaled:                  # £125m, $5k: m is no metre after a currency
            c = re.match(r"([^\W\d_]+)(?![^\W\d_])", text[stop:])
            if c and c.group(1) in lang.currency_scales:
                factor, scaled, stop = lang.currency_scales[c.group(1)], True, stop + c.end()
                continue
        s = _SCALE_WORD.match(text, stop)
        info = [v for v, k in _scale_info(s.group(1), text, s.end(1), lang) if k == "scale"] if s else []
        if not info:
            break
        factor *= info[0]
        scaled, stop = True, s.end(1) + (1 if (s.group(1).casefold() + ".") in lang.words and
                                             text[s.end(1):s.end(1) + 1] == "." else 0)
    adjective = _ADJECTIVE_SCALE.match(text, stop) if not scaled else None
    sizes = [v for v, k in word_info(adjective.group(1), lang.code) if k == "ordinal" and v in _SCALES] \
        if adjective else []
    if sizes:                                               # 25-тысячная толпа: a 25,000-strong crowd
        factor, scaled, stop = sizes[0], True, adjective.end()
    decade = lang.decade_suffix.match(text, stop) if lang.decade_suffix and not scaled else None
    values = {_value_key(v * factor) for v in readings}
    if decade and len(token) in (2, 4):
        stop = decade.end()
        year = float(token)
        # the 1850s: 50, and a decade of the 19th century; the 60s: 1960 or 2060
        values |= {year % 100, year // 100 + 1} if year >= 1000 else {1900 + year, 2000 + year}
    # '22 (English: elsewhere an apostrophe elides, l'11), and 1950-53, Winter 1968/69: two figures for a year
    short_year = len(token) == 2 and ((lang.code == "en" and text[start - 1:start] in ("'", "’"))
                                      or re.search(r"\d{4}[-–/]$", text[:start]))
    if start > 0 and short_year:
        values |= {1900 + float(token), 2000 + float(token)}
    taken.append((start, stop))
    primary = readings[0] * factor if readings else (other or 0) * factor
    english = english_number(primary, scaled) if readings else ""
    if token.isdigit() and 1000 <= primary < 3000 and not scaled:
        english = token                                # a year: 2017, not 2,017 (2 тыс. is 2,000)
    q = Quantity(start, stop, text[start:stop], "number", frozenset(values), english, scaled=scaled,
                 primary=_value_key(primary) if readings else None)
    if other is not None and (not readings or other != readings[0]):
        q = replace(q, foreign=_value_key(other * factor), convention=_convention(token, foreign),
                    english=english_number(other * factor, scaled))
        if not readings:
            q = replace(q, values=frozenset({q.foreign}))
    return q


def _scale_info(word: str, text: str, end: int, lang: Lang) -> tuple:
    """The table entry of a scale word after a figure: млн., миллионов (by lemma), Milliarden."""
    if text[end:end + 1] == "." and (word.casefold() + ".") in lang.words:
        return lang.words[word.casefold() + "."]
    return word_info(word, lang.code)


def _words(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """Runs of number words, each composed into one value (veintitrés, двадцать пятого, three hundred)."""
    out: list[Quantity] = []
    run: list[tuple[int, int, tuple]] = []
    pending: tuple | None = None               # a connector waiting for the next number word
    prev_end = None
    # One regex finds the candidates (table words, their inflections, words that start like a compound); the
    # normalised copy has the same offsets (’ -> ', ё -> е are one character each).
    for m in lang.word_re.finditer(text.translate(_APOSTROPHES)):
        start, end = m.span()
        word = m.group()
        if word.endswith(".") and word.casefold() not in lang.words:
            word, end = word[:-1], end - 1
        # the table first: most candidates are no number word, and then place and context need no test
        info = word_info(word, lang.code)
        if info and (not _free(taken, start, end) or _century_of(text, lang, word, start)):
            info = ()
        if not info:
            out.extend(_phrase(text, lang, run))
            run, pending, prev_end = [], None, None
            continue
        joined = prev_end is not None and _JOIN.fullmatch(text[prev_end:start]) is not None
        if joined and text[prev_end:start].isspace() and _COUNTED_COMPOUND.match(text, end) \
                and not word_info(_COUNTED_COMPOUND.match(text, end).group(1), lang.code):
            joined = False        # thirty six-month traineeships: 30 of them, each of six months (not 36)
        if info[0][1] == "connector":
            if not (run and joined):
                out.extend(_phrase(text, lang, run))
                run = []
            pending = (start, end, info) if run else None
            prev_end = end
            continue
        if run and not joined:
            out.extend(_phrase(text, lang, run))
            run = []
        if pending and run:
            run.append(pending)
        pending = None
        run.append((start, end, info))
        prev_end = end
    out.extend(_phrase(text, lang, run))
    return out


_COUNTED_COMPOUND = re.compile(r"-([^\W\d_]+)")      # a number word hyphen-joined to what it counts (six-month)
_FIGURE_BEFORE = re.compile(r"\d[^\W\d_]{0,3}\.?\s+$")


def _century_of(text: str, lang: Lang, word: str, start: int) -> bool:
    """A century word after a figure (20. Jahrhundert, 17th century) names that century: no count of 100 years."""
    return bool(lang.century_after and lang.century_after.fullmatch(word)
                and _FIGURE_BEFORE.search(text, max(0, start - 12), start))


def _phrase(text: str, lang: Lang, run: list) -> list[Quantity]:
    """Split a run of number words where they stop composing (dos tres) and make one quantity of each part."""
    if not run:             # the usual case: a candidate word that is no number word ends an empty run
        return []
    out = []
    composer, first, last_end, words = _Composer(), None, None, []
    for start, end, info in run:
        value, kind = info[0]
        if kind == "connector":
            words.append((start, end, info))
            continue
        if first is not None and composer.add(value, kind):
            last_end = end
            words.append((start, end, info))
            continue
        if first is not None:
            out.append(_word_quantity(text, lang, first, last_end, composer, words))
        composer, first, last_end, words = _Composer(), start, end, [(start, end, info)]
        if not composer.add(value, kind):
            first = None
    if first is not None:
        out.append(_word_quantity(text, lang, first, last_end, composer, words))
    return out


def _word_quantity(text: str, lang: Lang, start: int, end: int, composer: _Composer, words: list) -> Quantity:
    values = {_value_key(v) for v in composer.readings()}
    number_words = [w for w in words if w[2][0][1] != "connector"]
    if len(number_words) == 1:
        values |= {_value_key(v) for v, k in number_words[0][2] if k != "connector"}
    elif composer.counted is not None:              # une quinzaine: 15 (days) or two (weeks)
        base = (composer.total + composer.current) or 1
        values |= {_value_key(base * v) for v, k in number_words[-1][2] if k == "counted"}
    last_word = text[number_words[-1][0]:number_words[-1][1]].casefold()
    if len(number_words) > 1 and last_word in lang.coin_words and not composer.total:
        values |= {_value_key(composer.current / v) for v, k in number_words[-1][2] if k == "hundred"}
    kinds = set(composer.kinds)
    cardinal = bool(kinds & {"unit", "ordinal", "hundred", "score"})
    value = composer.value()
    single = text[start:end].casefold()
    strong = cardinal or ("fraction" in kinds and "scale" in kinds)
    # A scale word alone (a million), or an English fraction (quarter), explains a number but is never reported.
    if lang.lemmatise:
        single = lang.lemma_of.get(single.translate(_APOSTROPHES), single)
    weak = (single in lang.weak or kinds <= {"scale", "vague"} or (lang.code == "en" and not strong)
            or (not strong and value < 1))                 # la Edad Media, половина: a word more than a number
    # English number words are the translator's choice of wording; only source words are evidence.
    evidence = strong and not weak and value >= 13 and "vague" not in kinds and lang.code != "en"
    scaled = bool(kinds & {"scale"}) and value >= 1e6
    english = ordinal_en(int(value)) if kinds == {"ordinal"} and value.is_integer() else english_number(value, scaled)
    return Quantity(start, end, text[start:end], "number", frozenset(values), english, evidence=evidence,
                    weak=weak, scaled=scaled)


def _dates(text: str, lang: Lang, items: list[Quantity]) -> list[Quantity]:
    """A day next to a month name becomes a date: 10 de febrero, десятого февраля, 10. Februar, February 10."""
    if lang.month_re is None:
        return items
    out = list(items)
    for m in lang.month_re.finditer(text):
        month = next(v for rx, v in lang.months if rx.fullmatch(m.group()))
        # a day after the month is English (February 10); elsewhere the day comes first, and a capitalised month
        # word before a figure is a name's (Rio de Janeiro, 5 de novembro)
        after = lang.code == "en" or m.group()[:1].islower()
        day = _day_before(text, lang, out, m.start()) or (_day_after(text, out, m.end()) if after else None)
        if day is None:
            if _MONTH_YEAR.match(text, m.end()):        # noviembre de 2028, December 2028: the month alone
                out.append(Quantity(m.start(), m.end(), m.group(), "month", frozenset({("month", month)}),
                                    _MONTHS[month - 1]))
            continue
        start, end = min(day.start, m.start()), max(day.end, m.end())
        d = int(next(iter(v for v in day.values if isinstance(v, float) and 1 <= v <= 31 and v.is_integer())))
        out.remove(day)
        out.append(_date(start, end, text, {(month, d)}))
    return sorted(out, key=lambda q: q.start)


def _is_day(q: Quantity) -> bool:
    return q.kind == "number" and not q.scaled and any(
        isinstance(v, float) and v.is_integer() and 1 <= v <= 31 for v in q.values) and len(q.values) <= 3


def _day_before(text: str, lang: Lang, items: list, start: int) -> Quantity | None:
    for q in items:
        article = q.weak and q.english[-2:] not in ("st", "nd", "rd", "th")     # un, einer, a couple: no day
        if q.end <= start and _is_day(q) and not article and lang.date_link.fullmatch(text[q.end:start]):
            return q
    return None


_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b)", re.I)


def _day_after(text: str, items: list, end: int) -> Quantity | None:
    """The day written after a month (February 10); not a percentage (between May and September, 21% more)."""
    for q in items:
        if q.start >= end and _is_day(q) and q.text[:1].isdigit() and re.fullmatch(r"\.?,?\s", text[end:q.start]) \
                and len(q.text) <= 4 and not _PERCENT_AFTER.match(text, q.end):
            return q
    return None


def _times(text: str, lang: Lang, items: list[Quantity]) -> list[Quantity]:
    """An hour followed by an hour word or a day part becomes a time: 18 Uhr, 6 p.m., шостої години вечора."""
    out: list[Quantity] = []
    for q in items:
        if out and out[-1].kind == "time" and q.start < out[-1].end:
            continue                                       # the minutes of the time before (17 часов 47 минут)
        hour_word, dotted, cued, bare = None, None, None, False
        if q.kind == "time" and q.text.isdigit():          # 1200 GMT: a 24-hour time already
            out.append(q)
            continue
        if q.kind == "time":
            hour, minute, stop, explicit = _clock_of(q), 0, q.end, True
            hour, minute = hour
        elif q.kind == "number" and not q.scaled and not q.weak and q.values and _small_hour(q):
            hour, minute, stop, explicit = int(min(v for v in q.values if isinstance(v, float))), 0, q.end, False
            dotted = re.fullmatch(r"(\d{1,2})[.,](\d{2})", q.text)
            if dotted and not (int(dotted.group(1)) <= 24 and int(dotted.group(2)) < 60):
                dotted = None
            if dotted:
                hour, minute = int(dotted.group(1)), int(dotted.group(2))
                # a point before two figures is no separator where the decimal mark is a comma (de 23.00 a 3.00)
                cued = (lang.clock_before is not None and lang.clock_before.search(text, max(0, q.start - 20), q.start)
                        or (lang.decimal == "," and "." in q.text and not _money_after(text, q.end, lang)))
            else:
                bare = _bare_hour(text, q, lang)
        else:
            out.append(q)
            continue
        if lang.hour_words is not None:
            hour_word = lang.hour_words.match(text, stop)
            if hour_word:
                stop = hour_word.end()
                minutes = lang.minute_after.match(text, stop) if lang.minute_after else None
                if minutes and int(minutes.group(1)) < 60 and minute == 0:
                    minute, stop = int(minutes.group(1)), minutes.end()
        part = None
        for rx, name in lang.day_parts:
            p = rx.match(text, stop)
            if p:
                part = ("am" if p.group().strip()[0] in "aA" else "pm") if name == "ampm" else name
                stop = p.end()
                break
        if q.kind != "time" and not hour_word and not part and not (dotted and cued) and not bare:
            out.append(q)
            continue
        if q.kind != "time" and hour > 24:
            out.append(q)
            continue
        clock24 = bool(hour_word and lang.hour_words_24h and lang.hour_words_24h.match(hour_word.group().strip())) \
            or (lang.clock_minutes_24h and (q.kind == "time" or bool(dotted) or bare))
        t = _time(q.start, stop, text, hour, minute, part, evidence=q.evidence or bool(part) or bool(hour_word),
                  explicit=explicit, clock24=clock24)
        out.append(t)
    return out


# Between the start of a range of hours and its end, which alone carries the hour word or day part (from 5 to 8 p.m.,
# von 17 bis 20 Uhr, с 17 до 20 часов, dalle 17 alle 20): the start is a time of the same clock.
RANGE_LINK = re.compile(r"\s*(?:[-–—]|to|till|until|and|bis|und|до|по|и|і|a|à|al|alle|às|ás|a las|e|et|y)\s*", re.I)


_RANGE_START = re.compile(r"(\d{1,2})(?:[.:]([0-5]\d))?")     # 5 or 4.30 (a British time read as a decimal alone)


def _range_starts(text: str, items: list[Quantity]) -> list[Quantity]:
    """A bare hour (with its minutes: 4.30) that starts a range ending in a time becomes a time, in the afternoon when
    the end has an afternoon day part and the start fits before it (5 to 8 p.m.: 17:00; 9 to 5 p.m., 8 to 8 p.m.,
    von 8 bis 20 Uhr: the morning)."""
    out = list(items)
    for i, (q, end) in enumerate(zip(items, items[1:])):
        start = _RANGE_START.fullmatch(q.text)
        if q.kind != "number" or end.kind != "time" or not start or int(start[1]) > 24 \
                or not RANGE_LINK.fullmatch(text, q.end, end.start):
            continue
        ends = {v[1] for v in end.values}
        hour, minute = int(start[1]), int(start[2] or 0)
        written = re.match(r"\d+", end.text)
        # the end's own day part (8 p.m.: written 8, read 20), not a 24-hour clock (20 Uhr: the start is 8 a.m.)
        afternoon = written is not None and int(written.group()) <= 12 <= min(ends)
        if len(ends) == 1 and afternoon and 1 <= hour < 12 and hour + 12 < min(ends):
            hour += 12
        out[i] = _time(q.start, q.end, text, hour, minute, None, evidence=q.evidence, explicit=False, clock24=True)
    return out


# A whole hour after a clock cue (alle 10, a las 9) is a time when the word after it, if any, is this common
# in the language (nella, del, в, los: function words), not a counted noun (alle 10 persone, до 10 человек).
BARE_HOUR_NEXT_ZIPF = 6.3


def _bare_hour(text: str, q: Quantity, lang: Lang) -> bool:
    """A whole hour after a clock cue of a 24-hour-clock language (*alle 10 nella sede*: 10 a.m.), with nothing
    after it but punctuation or a function word."""
    if lang.clock_before is None or not lang.clock_minutes_24h or not q.text.isdigit() or int(q.text) > 24:
        return False
    if not lang.clock_before.search(text, max(0, q.start - 20), q.start):
        return False
    after = re.match(r"\s*([^\W\d_]+)", text[q.end:])
    return after is None or (morph.zipf(after.group(1).lower(), lang.code) >= BARE_HOUR_NEXT_ZIPF
                             and not any(after.group(1).lower() == u.lower().rstrip("*") for u in lang.units))


def _money_after(text: str, end: int, lang: Lang) -> bool:
    """A currency word or sign right after a figure (1.50 euros): an amount, not a time."""
    after = text[end:end + 20]
    return any(sign in after[:3] for sign in CURRENCY) or bool(
        lang.currency_words and lang.currency_words.match(after.lstrip()))


def _clock_of(q: Quantity) -> tuple[int, int]:
    m = re.match(r"(\d{1,2})\D*(\d{2})", q.text)
    return int(m.group(1)), int(m.group(2))


def _small_hour(q: Quantity) -> bool:
    if re.fullmatch(r"\d{1,2}[.,]\d{2}", q.text):
        return True
    return any(isinstance(v, float) and v.is_integer() and 0 <= v <= 24 for v in q.values) and "." not in q.text


def _phrases(text: str, lang: Lang, taken: list) -> list[Quantity]:
    """Phrases that say a number without a number word (the quarter-hour mark = minute 15): they explain a source
    number, never count as evidence."""
    if lang.any_phrase is None or not lang.any_phrase.search(text):     # one scan instead of one per phrase
        return []
    out = []
    for rx, values in lang.phrases:
        for m in rx.finditer(text):
            if _free(taken, m.start(), m.end()):
                taken.append(m.span())
                out.append(Quantity(m.start(), m.end(), m.group(), "number", values, english_number(min(values)),
                                    evidence=False, weak=True))
    return out


def _clock_words(text: str, lang: Lang, items: list[Quantity]) -> list[Quantity]:
    if lang.clock_re is None:
        return []
    out = []
    for m in lang.clock_re.finditer(text):
        clock = lang.clock_words.get(m.group().casefold())
        if clock is None or any(q.start <= m.start() < q.end for q in items):
            continue
        hour, minute = (int(x) for x in clock.split(":"))
        out.append(replace(_time(m.start(), m.end(), text, hour, minute, "am" if hour == 0 else None, explicit=True),
                           values=frozenset({("time", hour, minute)}), evidence=False, weak=True))
    return out


def units(code: str) -> tuple[str, ...]:
    return language(code).units


def imperial(code: str) -> tuple[str, ...]:
    return language(code).imperial


def either_units(code: str) -> tuple[str, ...]:
    return language(code).either_units
