"""Session 19: amounts written in parts (1 млн 62 тыс.) read as their sum; a range whose two ends one slip changed (the
day part written once: "from 2.30 to 6.30 a.m." for de 14.30 a 18.30) is one finding; parts, percentages, glosses,
scale-step pairing and weekdays from the misses of sets 15 and 16."""
import pytest

from helpers import run_check
from tqcheck.checks.numbers import NumberCheck
from tqcheck.numparse import parse


@pytest.mark.parametrize("lang, text, values, english", [
    ("ru", "заложено 1 млн 62 тыс. рублей", [1062000.0], "1,062,000"),
    ("ru", "стоимость 2 млрд 300 млн рублей", [2.3e9], "2.3 billion"),
    ("ru", "цена 2 тыс. 500 рублей", [2500.0], "2,500"),
    ("ru", "1 млн 62 тыс. 500 рублей", [1062500.0], "1,062,500"),
    ("ru", "3 миллиона 200 тысяч человек", [3.2e6], "3.2 million"),
    ("uk", "вартість 1 млн 62 тис. гривень", [1062000.0], "1,062,000"),
    ("de", "kostet 1 Mio. 62.000 Euro", [1062000.0], "1,062,000"),
    ("en", "1 million 62 thousand roubles", [1062000.0], "1,062,000"),
])
def test_composite_amount_is_one_sum(lang, text, values, english):
    numbers = [q for q in parse(text, lang) if q.kind == "number"]
    assert [(sorted(q.values), q.english) for q in numbers] == [(values, english)]


@pytest.mark.parametrize("lang, text, values", [
    ("ru", "5 млн и 2 млрд", [[5e6], [2e9]]),                  # a larger scale after a smaller one: two amounts
    ("ru", "1 млн 2 млн", [[1e6], [2e6]]),                     # the same scale twice: no composite
    ("ru", "1,5 млн 200 тыс.", [[1.5e6], [2e5]]),              # a decimal figure is an amount of its own
    ("ru", "1 млн, 62 тыс.", [[1e6], [62000.0]]),              # a comma between: a list
    ("ru", "в 2019 году 300 тысяч", [[2019.0], [3e5]]),
])
def test_not_a_composite(lang, text, values):
    assert [sorted(q.values) for q in parse(text, lang) if q.kind == "number"] == values


def test_scaled_thousands_english_is_no_year():
    assert [q.english for q in parse("2 тыс. рублей", "ru")] == ["2,000"]


@pytest.mark.parametrize("lang, source, target", [
    ("ru", "В бюджет заложено 1 млн 62 тыс. рублей.", "The budget has 1,062,000 roubles."),
    ("ru", "В бюджет заложено 1 млн 62 тыс. рублей.", "The budget has 1.062 million roubles."),
    ("ru", "Стоимость 2 млрд 300 млн рублей.", "It costs 2.3 billion roubles."),
    ("uk", "Вартість 1 млн 62 тис. гривень.", "It costs 1,062,000 hryvnias."),
    ("de", "Es kostet 1 Mio. 62.000 Euro.", "It costs 1,062,000 euros."),
    ("ru", "Цена 2 тыс. 500 рублей.", "The price is 2,500 roubles."),
])
def test_composite_rendered_as_one_figure_is_quiet(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []


@pytest.mark.parametrize("lang, source, target, span, message", [
    ("ru", "В бюджет заложено 1 млн 62 тыс. рублей.", "The budget has 1,026,000 roubles.", "1,026,000",
     "source has 1,062,000 (1 млн 62 тыс.), translation has 1,026,000"),
    ("ru", "В бюджет заложено 1 млн 62 тыс. рублей.", "The budget has 1 million roubles.", "1 million",
     "source has 1,062,000 (1 млн 62 тыс.), translation has 1 million"),
    ("uk", "Вартість 1 млн 62 тис. гривень.", "It costs 1,620,000 hryvnias.", "1,620,000",
     "source has 1,062,000 (1 млн 62 тис.), translation has 1,620,000"),
])
def test_composite_changed_is_one_mismatch(lang, source, target, span, message):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.rule, f.target_span.text, f.message) for f in findings] == [("number-mismatch", span, message)]


def test_range_in_the_other_half_of_the_day_is_one_finding():
    findings = run_check(NumberCheck(), "El mercado abre de 14.30 a 18.30.", "The market opens from 2.30 to 6.30 a.m.",
                         "es")
    assert [(f.rule, f.target_span.text, f.source_span.text, f.suggestion) for f in findings] == [
        ("number-mismatch", "2.30 to 6.30 a.m.", "14.30 a 18.30", "2:30 p.m. to 6:30 p.m.")]
    assert findings[0].message.endswith(": the other half of the day")


@pytest.mark.parametrize("target", ["The market opens from 2.30 to 6.30 p.m.", "The market opens from 14:30 to 18:30."])
def test_range_in_the_right_half_is_quiet(target):
    assert run_check(NumberCheck(), "El mercado abre de 14.30 a 18.30.", target, "es") == []


def test_two_separate_slips_stay_two_findings():
    # not a range: two times in two clauses, each changed on its own
    findings = run_check(NumberCheck(), "Abre a las 14.30 y cierra a las 18.30.",
                         "It opens at 2.30 a.m. and closes at 6.30 a.m.", "es")
    assert [f.target_span.text for f in findings] == ["2.30 a.m.", "6.30 a.m."]


# session 19, from the misses and extras of sets 15 and 16
@pytest.mark.parametrize("lang, text, values", [
    ("en", "in the first half of 2026", [[1.0], [0.5], [2026.0]]),      # an ordinal and a part, not 1.5
    ("en", "one and a half", [[1.5]]),
    ("en", "between May and September, 21% more", [[21.0]]),            # a percentage, no day of September
])
def test_parts_and_percentages(lang, text, values):
    assert [sorted(q.values) for q in parse(text, lang)] == values


def test_september_21_is_still_a_date():
    assert [q.kind for q in parse("on September 21 they met", "en")] == ["date"]


def test_scale_step_pairs_before_text_order():
    source = "За первое полугодие 2026 года жители заложили ювелирных изделий на 3,2 млрд рублей."
    target = "Residents pawned jewellery worth 3.2 million roubles in the first half of 2026."
    findings = run_check(NumberCheck(), source, target, "ru")
    assert [(f.rule, f.target_span.text, f.message) for f in findings] == [
        ("number-mismatch", "3.2 million",
         "source has 3.2 billion (3,2 млрд), translation has 3.2 million: a scale word one step off")]


@pytest.mark.parametrize("target, expected", [
    ("The price has risen from R$28 to R$41 per arroba (15 kilos) in six months.", []),
    # a bracketed figure after an English word is no gloss of a kept term
    ("The price has risen from R$28 to R$41 per bag (15 kilos) in six months.", ["15 kilos"]),
])
def test_gloss_of_a_kept_term(target, expected):
    findings = run_check(NumberCheck(), "O preço da arroba subiu de R$ 28 para R$ 41 em seis meses.", target, "pt")
    assert [f.message.split("“")[1].split("”")[0] for f in findings if f.rule == "number-extra"] == \
        [e.split()[0] for e in expected]


def test_range_start_written_elsewhere_in_the_source():
    source = "Le moulin sera ouvert de 14 h à 18 h, jusqu'au 2 novembre."
    findings = run_check(NumberCheck(), source, "The mill will be open from 2 to 6 a.m., until 2 November.", "fr")
    assert [(f.rule, f.target_span.text) for f in findings] == [("number-mismatch", "2 to 6 a.m.")]
    assert run_check(NumberCheck(), source, "The mill will be open from 2 to 6 p.m., until 2 November.", "fr") == []


@pytest.mark.parametrize("lang, source, target, span, message", [
    ("de", "Der Markt öffnet am Dienstag.", "The market opens on Thursday.", "Thursday",
     "source has Tuesday (Dienstag), translation has Thursday"),
    ("ru", "Рынок откроется во вторник.", "The market opens on Thursday.", "Thursday",
     "source has Tuesday (вторник), translation has Thursday"),
    ("ru", "Рынок работает по средам.", "The market is open on Thursdays.", "Thursdays",
     "source has Wednesday (средам), translation has Thursdays"),
    ("uk", "Ринок відкриється у п’ятницю.", "The market opens on Saturday.", "Saturday",
     "source has Friday (п’ятницю), translation has Saturday"),
    ("pt", "A feira abre na quinta-feira.", "The fair opens on Friday.", "Friday",
     "source has Thursday (quinta-feira), translation has Friday"),
])
def test_changed_weekday(lang, source, target, span, message):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.rule, f.target_span.text, f.message) for f in findings] == [("number-mismatch", span, message)]


@pytest.mark.parametrize("lang, source, target", [
    ("de", "Der Markt öffnet am Dienstag.", "The market opens on Tuesday."),
    ("ru", "Это вредит окружающей среде.", "This harms the environment, he said on Monday."),   # среда: environment
    ("es", "Abre de lunes a viernes.", "It opens Monday to Thursday."),         # several days: a schedule, not judged
    ("it", "Domenica Rossi apre il negozio.", "Domenica Rossi opens the shop on Monday."),      # a name
    ("pt", "A feira abre na quinta.", "The fair opens on Friday."),             # quinta alone: also fifth, a farm
])
def test_weekday_quiet(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []
