import re

import pytest

from helpers import run_check, spans
from numbers_pairs import PAIRS
from tqcheck.checks.numbers import NumberCheck
from tqcheck.numparse import parse

CORRECT = [(lang, src, tgt) for lang, pairs in PAIRS.items() for src, tgt in pairs]


def _changed(target: str) -> tuple[str, str]:
    """The target with the last digit of one figure changed (9 becomes 8, others go up by one): the first figure
    that does not open a date or a clock time (12/21/2017 -> 12/21/2018, 12:12 -> 12:13)."""
    m = re.search(r"(?<!\d)\d+(?!\d|[/:]\d)", target)
    digits = m.group()
    last = "8" if digits[-1] == "9" else str(int(digits[-1]) + 1)
    new = digits[:-1] + last
    return target[:m.start()] + new + target[m.end():], new


def test_every_language_has_twenty_pairs():
    assert {lang: len(pairs) >= 20 for lang, pairs in PAIRS.items()} == {lang: True for lang in PAIRS}


@pytest.mark.parametrize("lang, source, target", CORRECT)
def test_correct_translation_has_no_number_finding(lang, source, target):
    assert [(f.rule, f.message) for f in run_check(NumberCheck(), source, target, lang)] == []


@pytest.mark.parametrize("lang, source, target", CORRECT)
def test_one_changed_number_is_found(lang, source, target):
    wrong, new = _changed(target)
    findings = run_check(NumberCheck(), source, wrong, lang)
    assert [f.rule for f in findings] == ["number-mismatch"]
    assert new in findings[0].target_span.text


@pytest.mark.parametrize("lang, text, values", [
    ("ru", "десятого февраля", {("date", 2, 10)}),
    ("ru", "более четырехсот", {400.0}),
    ("uk", "з шостої години вечора", {("time", 18, 0)}),
    ("ru", "Пятый канал", {5.0}),
    ("ru", "сутки", {24.0}),
    ("uk", "доба", {24.0}),
    ("ru", "полтора миллиона", {1.5e6}),
    ("ru", "города-миллионники", {1e6}),
    ("ru", "XVII в.", {17.0}),
    ("uk", "XX ст.", {20.0}),
    ("es", "siglo XX", {20.0}),
    ("fr", "XXe siècle", {20.0}),
    ("it", "nel Seicento", {17.0}),             # a century named by its hundreds, capitalised
    ("it", "seicento euro", {600.0}),
    ("de", "20. Jahrhundert", {20.0}),
    ("de", "dreiundzwanzig", {23.0}),
    ("de", "einundzwanzigsten", {21.0}),
    ("es", "veintitrés", {23.0}),
    ("fr", "quatre-vingt-dix", {90.0}),
    ("it", "duemilaventidue", {2022.0}),
    ("pt", "vinte e três", {23.0}),
    ("fr", "41,6 milliards", {41.6e9}),
    ("de", "2 Milliarden", {2e9}),
    ("es", "1,2 billones", {1.2e12}),
    ("ru", "3 трлн", {3e12}),
    ("es", "dos mil millones", {2e9}),
    ("fr", "84\u202f447", {84447.0}),
    ("de", "1'000", {1000.0}),
    ("en", "12 a.m.", {("time", 0, 0)}),
    ("en", "12 p.m.", {("time", 12, 0)}),
    ("en", "12:12 A.M.", {("time", 0, 12)}),
    ("en", "6pm", {("time", 18, 0)}),
    ("en", "two and a half million", {2.5e6}),
    ("en", "10 February", {("date", 2, 10)}),
    ("en", "February 10", {("date", 2, 10)}),
])
def test_parse_values(lang, text, values):
    assert [set(q.values) for q in parse(text, lang)] == [values]


def test_numeric_date_order():
    assert set(parse("21.12.2017", "ru")[0].values) == {("date", 12, 21)}
    assert set(parse("10.02.2022", "es")[0].values) == {("date", 2, 10)}
    assert set(parse("10/2/2022", "en")[0].values) == {("date", 10, 2), ("date", 2, 10)}


@pytest.mark.parametrize("lang, source, target, faulty", [
    # a period, an approximate count or an adverb in English for the source's number
    ("ru", "Это продолжалось двести лет.", "This went on for two centuries.", "This went on for three centuries."),
    ("fr", "Il a été réélu à 100 % en 2007.", "He was completely re-elected in 2007.", "He was re-elected in 2007."),
    ("fr", "Il a voyagé pendant une quinzaine de jours.", "He travelled for two weeks.", "He travelled for three weeks."),
    # an ordinal before a period word: the first of those periods, not a count of 15 days
    ("fr", "Le vote aura lieu dans la première quinzaine d'octobre.", "The vote will take place in the first half "
     "of October.", "The vote will take place on October 25."),
    ("es", "La deuda creció en el primer trimestre.", "The debt grew in the first quarter.",
     "The debt grew in the first 3 quarters of 2020."),
    # a match's minute said as a phrase
    ("es", "Pidió un penalti en el minuto 15.", "He wanted a penalty on the quarter-hour mark.",
     "He wanted a penalty on the half-hour mark."),
    ("it", "Voleva un rigore allo scadere del quindicesimo.", "He wanted a penalty on the quarter-hour mark.",
     "He wanted a penalty on the hour mark."),
    # "a thirty-second video" lasts 30 seconds
    ("pt", "Um cão num vídeo de trinta segundos tem mais hipóteses.", "A dog in a thirty-second video has a better "
     "chance.", "A dog in a forty-second video has a better chance."),
    ("it", "Le meridiane più antiche risalgono al Seicento.", "The oldest sundials date from the 17th century.",
     "The oldest sundials date from the 16th century."),
    ("it", "Hanno restaurato la grande serra settecentesca.", "They restored the large 18th-century glasshouse.",
     "They restored the large 17th-century glasshouse."),
    # a plain 18.30 in the source is a time on the 24-hour clock: 6.30 p.m.
    ("it", "L'ingresso sarà gratuito dalle 8.15 alle 18.30.", "Admission will be free from 8.15 am to 6.30 pm.",
     "Admission will be free from 8.15 am to 4.30 pm."),
])
def test_number_said_in_other_words(lang, source, target, faulty):
    assert [(f.rule, f.message) for f in run_check(NumberCheck(), source, target, lang)] == []
    assert run_check(NumberCheck(), source, faulty, lang) != []


def _one(lang, source, target):
    findings = run_check(NumberCheck(), source, target, lang)
    assert len(findings) == 1, [(f.rule, f.message) for f in findings]
    return findings[0]


@pytest.mark.parametrize("lang, source, target, span, message, suggestion", [
    ("ru", "Бюджет составит 41,6 млрд рублей.", "The budget will be 41.6 trillion roubles.", "41.6 trillion",
     "source has 41.6 billion (41,6 млрд), translation has 41.6 trillion: a scale word one step off", "41.6 billion"),
    ("fr", "L'État versera 3 milliards d'euros.", "The state will pay 3 million euros.", "3 million",
     "source has 3 billion (3 milliards), translation has 3 million: a scale word one step off", "3 billion"),
    ("de", "Der Bund zahlt 2 Milliarden Euro.", "The federal government pays 2 trillion euros.", "2 trillion",
     "source has 2 billion (2 Milliarden), translation has 2 trillion: a scale word one step off", "2 billion"),
    ("es", "La deuda es de 1,2 billones de pesos.", "The debt is 1.2 billion pesos.", "1.2 billion",
     "source has 1.2 trillion (1,2 billones), translation has 1.2 trillion: a scale word one step off".replace(
         "translation has 1.2 trillion", "translation has 1.2 billion"), "1.2 trillion"),
    ("es", "La ley entró en vigor el 10.02.2022.", "The law came into force on October 2, 2022.", "October 2",
     "source has February 10 (10.02), translation has October 2: day and month swapped", "February 10"),
    ("de", "Der Zug fährt um 18:00 ab.", "The train leaves at 8 p.m.", "8 p.m.",
     "source has 6 p.m. (18:00), translation has 8 p.m.", "6 p.m."),
    ("de", "Der Zug fährt um 18:00 ab.", "The train leaves at 6 a.m.", "6 a.m.",
     "source has 6 p.m. (18:00), translation has 6 a.m.: the other half of the day", "6 p.m."),
    # an hour word of the 24-hour clock: 7h and 7 Uhr are 7 a.m.
    ("pt", "A Câmara quer limitar o funcionamento entre a meia-noite e as 7h.", "The council wants to restrict "
     "opening between midnight and 7 p.m.", "7 p.m.", "source has 7 a.m. (7h), translation has 7 p.m.: the other half "
     "of the day", "7 a.m."),
    ("de", "Der Zug fährt um 7 Uhr ab.", "The train leaves at 7 p.m.", "7 p.m.",
     "source has 7 a.m. (7 Uhr), translation has 7 p.m.: the other half of the day", "7 a.m."),
    ("es", "Llegaron 1.500 soldados.", "Some 1,600 soldiers arrived.", "1,600",
     "source has 1,500 (1.500), translation has 1,600", "1,500"),
    ("ru", "На площади собрались более четырехсот человек.", "More than 500 people gathered.", "500",
     "source has 400 (четырехсот), translation has 500", "400"),
    ("uk", "Загинули 7 людей.", "Nine people died.", "Nine", "source has 7 (7), translation has Nine", "7"),
    # the decimals of a fraction are no figure of their own: 1 is not written in 0,1
    ("ru", "Подрядчик заплатит штраф 0,1% от стоимости контракта.", "The contractor will pay 1% of the contract value.",
     "1", "source has 0.1 (0,1), translation has 1", "0.1"),
])
def test_changed_value(lang, source, target, span, message, suggestion):
    f = _one(lang, source, target)
    assert (f.rule, f.severity, f.mqm, f.target_span.text, f.message, f.suggestion) == (
        "number-mismatch", "major", "accuracy/mistranslation", span, message, suggestion)
    assert f.source_span is not None


@pytest.mark.parametrize("lang, source, target, expected, rule, message, suggestion", [
    ("es", "Cuesta 5.352 pesos.", "It costs 5.352 pesos.", ["5.352"], "number-thousands-dot",
     "thousands point kept from the source convention (“5.352”): in English it reads as 5.352; write 5,352",
     "5,352"),
    ("de", "Der Umsatz stieg um 4,2 Prozent.", "Turnover rose by 4,2 percent.", ["4,2"],
     "number-decimal-comma", "decimal comma kept from the source convention (“4,2”): English writes 4.2",
     "4.2"),
    ("it", "Sono stati stanziati 3,5 milioni.", "3,5 million were allocated.", ["3,5 million"],
     "number-decimal-comma", "decimal comma kept from the source convention (“3,5”): English writes 3.5 million",
     "3.5 million"),
    ("es", "El museo recibió 1.250.000 visitantes.", "The museum received 1.250.000 visitors.",
     ["1.250.000"], "number-thousands-dot",
     "thousands point kept from the source convention (“1.250.000”): write 1,250,000", "1,250,000"),
    ("ru", "В городе 84 447 жителей.", "The town has 84 447 residents.", ["84 447"],
     "number-thousands-space", "thousands space kept from the source convention (“84 447”): English writes 84,447",
     "84,447"),
    # the currency sign before the figure is part of the span; the word after it is not: the slip is the figure's
    ("it", "Costa tra i 1.500 e i 4.000 euro.", "It costs between €1.500 and €4,000.", ["€1.500"],
     "number-thousands-dot", "thousands point kept from the source convention (“1.500”): in English it reads as "
     "1.5; write 1,500", "€1,500"),
    ("pt", "Uma lavagem custa em média 4,50 euros.", "A wash costs 4,50 on average.", ["4,50"],
     "number-decimal-comma", "decimal comma kept from the source convention (“4,50”): English writes 4.5", "4.5"),
])
def test_separator_convention(lang, source, target, expected, rule, message, suggestion):
    f = _one(lang, source, target)
    assert (spans([f]), f.rule, f.mqm, f.message, f.suggestion) == (expected, rule, "locale/convention", message,
                                                                     suggestion)


def test_every_separator_slip_is_reported():
    findings = run_check(NumberCheck(), "Cuesta 5.352 pesos y 1.200 dólares, un 3,5 % más.",
                         "It costs 5.352 pesos and 1.200 dollars, 3,5% more.", "es")
    assert [(f.rule, f.target_span.text) for f in findings] == [
        ("number-thousands-dot", "5.352"), ("number-thousands-dot", "1.200"),
        ("number-decimal-comma", "3,5")]


def test_missing_and_extra():
    f = _one("es", "Murieron 12 personas el 3 de mayo.", "People died on May 3.")
    assert (f.rule, f.mqm, f.source_span.text, f.message) == (
        "number-missing", "accuracy/omission", "12", "the source has 12 (12), not in the translation")
    f = _one("es", "La tormenta dejó 12 muertos.", "The storm left 12 dead and 40 injured.")
    assert (f.rule, f.mqm, f.target_span.text, f.message) == (
        "number-extra", "accuracy/addition", "40", "the translation has “40”, not in the source")


@pytest.mark.parametrize("lang, source, target", [
    ("es", "Llegaron 1.500 soldados el 15/02/2022.", "Some 1,500 soldiers arrived on 2022-02-15."),
    ("fr", "Le bilan est de trois morts et 2,5 millions d'euros.", "The toll is 3 dead and 2.5 million euros."),
    ("ru", "Это произошло в 2021 году.", "It happened in 2021."),
    ("uk", "Два міністри прибули.", "Two ministers arrived."),
    ("es", "El tramo mide 136 km.", "The stretch is 85 miles long."),
    ("es", "en los años 60", "in the 1960s"),
    ("ru", "тремя способами", "in 3 ways"),
    ("de", "rund 5000 Menschen um 17 Uhr", "around 5,000 people at 5 p.m."),
    ("es", "Nos vemos a mediodía.", "See you at 12 p.m."),
    ("de", "Der Zug fährt um 7 Uhr abends ab.", "The train leaves at 7 p.m."),   # a day part overrides the clock
    ("es", "Faltan donantes de los grupos 0 negativo y A negativo.", "Donors of O negative and A negative are short."),
    ("es", "El horario se ampliará a las 24 horas a partir de enero.", "The service will run around the clock from "
     "January."),
    ("de", "Gesucht wird Blutgruppe 0.", "Blood group O is needed."),                 # the blood group, no figure
    ("pt", "Abre às 7h da tarde.", "It opens at 7 p.m."),
    ("fr", "la guerre de Corée (1950-1953)", "the 1950-53 Korea War"),
    ("it", "per 125 milioni di sterline", "for £125m"),
    ("uk", "Головне русло Амазонки — 6,387 км.", "The main Amazon River is 6,387 km."),
    ("de", "Katrina befand sich innerhalb von 64 Kilometern von der Grenze.", "Katrina was within 40 miles of the border."),
    ("es", "Retiraron el vehículo a las 12:00 GMT.", "The vehicle was taken away at 1200 GMT."),
    ("fr", "du XIe au XIIIe siècle", "in the 11th to 13th centuries"),
    ("de", "Zehntausende wurden vertrieben.", "Tens of thousands were displaced."),
    ("it", "con venti a 85 miglia all'ora", "with winds of 85 miles per hour"),
    ("ru", "В России 16 городов-миллионников.", "Russia has 16 cities of 1 million or more."),
    ("uk", "Рятувальники працювали понад добу.", "Rescuers worked for more than a day."),
])
def test_quiet_when_numbers_agree(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []


@pytest.mark.parametrize("lang, source, target, faulty", [
    ("uk", "Колеги чекали, що я розвернуся на 180 градусів.", "Colleagues expected me to do a U-turn.",
     "Colleagues expected me to change course."),
    ("es", "El Gobierno dio un giro de 180 grados.", "The government made an about-face.",
     "The government made a turn."),
])
def test_a_half_turn_said_in_words(lang, source, target, faulty):
    assert run_check(NumberCheck(), source, target, lang) == []
    assert [f.rule for f in run_check(NumberCheck(), source, faulty, lang)] == ["number-missing"]


@pytest.mark.parametrize("lang, source, target, faulty", [
    ("ru", "Затем клетки должны быть 0ведены повторно.", "The cells must then be reinjected.",
     "The cells must then be reinjected 3 times."),
    ("it", "Aveva una media di 5,6 punti e 2,6 2,6 rimbalzi a partita.", "He averaged 5.6 points and 2.6 rebounds.",
     "He averaged 5.6 points and 3.6 rebounds."),
])
def test_slips_in_the_source_are_no_numbers(lang, source, target, faulty):
    # a figure typed inside a word, a figure typed twice: the faulty English still differs from the source
    assert run_check(NumberCheck(), source, target, lang) == []
    assert run_check(NumberCheck(), source, faulty, lang) != []


def test_a_converted_measure_with_its_unit_left_unsaid():
    source = ("Caerán entre 2 y 5 centímetros de lluvia, con posibilidad de llegar a los 10 en lugares aislados, en "
              "otras 3 zonas.")
    assert run_check(NumberCheck(), source, "Other 3 areas are likely to get 1 to 2 inches, with isolated totals up to 4 "
                     "inches possible.", "es") == []
    # a counted noun after the number is no elided unit: 3 zonas must be translated
    assert [f.rule for f in run_check(NumberCheck(), source, "Other areas are likely to get 1 to 2 inches, with "
                                      "isolated totals up to 4 inches possible.", "es")] == ["number-missing"]


def test_degrees_are_a_conversion_only_where_their_figure_changed():
    # degrees are Celsius or Fahrenheit: "30 degrees" for "30 grados" converted nothing, so the race's distance
    # is still compared; "80 degrees" for "27 grados" converted, so the sentence's measures are not
    source = "La carrera de 42 kilómetros se corrió a 30 grados."
    assert [f.rule for f in run_check(NumberCheck(), source, "The 24-kilometre race was run at 30 degrees.", "es")] \
        == ["number-mismatch"]
    assert run_check(NumberCheck(), source, "The 26-mile race was run at 30 degrees.", "es") == []
    assert run_check(NumberCheck(), "La carrera de 42 kilómetros se corrió a 27 grados.",
                     "The 26-mile race was run at 80 degrees.", "es") == []


def test_a_figure_that_names_a_club_in_the_source_document():
    # Sechzig is TSV 1860's nickname: the English names the club by its figure; elsewhere 1860 is extra
    source = "Der TSV 1860 steht im Finale.\n\nMünchen - Sechzigs Gegner steht fest."
    target = "TSV 1860 is in the final.\n\nMunich - 1860s opponent has been determined."
    assert run_check(NumberCheck(), source, target, "de") == []
    assert [f.rule for f in run_check(NumberCheck(), source.split("\n\n")[1], target.split("\n\n")[1], "de")] \
        == ["number-extra"]


def test_a_date_named_by_its_weekday_is_said():
    source = "« Les femmes n'oublieront pas », a-t-elle déclaré le 28 septembre dernier selon le journal."
    assert run_check(NumberCheck(), source, '"Women will not forget," she said on Friday, according to the paper.',
                     "fr") == []
    # another date beside the weekday is still a changed date; no weekday, still missing
    assert [f.rule for f in run_check(NumberCheck(), source, '"Women will not forget," she said on Friday, '
                                      "September 29, according to the paper.", "fr")] == ["number-mismatch"]
    assert [f.rule for f in run_check(NumberCheck(), source, '"Women will not forget," she said, according to the '
                                      "paper.", "fr")] == ["number-missing"]


def test_an_anniversary_word_says_its_number():
    source = "Die Stadt feiert ihr 100-jähriges Bestehen mit einem Fest."
    assert run_check(NumberCheck(), source, "The city celebrates its centennial with a festival.", "de") == []
    assert run_check(NumberCheck(), source, "The city celebrates its anniversary with a festival.", "de") != []


def test_a_team_named_by_its_eleven_states_no_number():
    source = "Holt ha scelto la solita formazione che ha strappato un punto all'Hearts la scorsa settimana."
    assert run_check(NumberCheck(), source, "Holt went with the same Livi 11 which took a point off Hearts last week.",
                     "it") == []
    assert [f.rule for f in run_check(NumberCheck(), source, "Holt went with the same Livi 11 which took 2 points "
                                      "off Hearts last week.", "it")] == ["number-extra"]


def test_a_year_added_to_a_date_the_source_gives_without_one():
    target = "Searches have become far more intrusive in the post-September 11, 2001 era."
    assert run_check(NumberCheck(), "Las inspecciones se han vuelto más invasivas con posterioridad al 11 de "
                     "septiembre.", target, "es") == []
    # a source year is still compared
    findings = run_check(NumberCheck(), "Las inspecciones se han vuelto más invasivas con posterioridad al 11 de "
                         "septiembre de 2002.", target, "es")
    assert [(f.rule, f.target_span.text) for f in findings] == [("number-mismatch", "2001")]


def test_english_number_words_kept_in_the_source():
    # a Queensland town named in English in an Italian sentence; its English name is 1770
    source = "Le cubomeduse compaiono vicino alle spiagge a nord di Seventeen Seventy."
    assert run_check(NumberCheck(), source, "Box jellyfish occur near beaches north of 1770.", "it") == []
    assert [f.rule for f in run_check(NumberCheck(), source, "Box jellyfish occur near beaches north of 1780.", "it")] \
        == ["number-extra"]


# A conversion into the readers' currency in brackets right after an amount: added, dropped or redone at another
# rate by the translation, never a number of the text.
@pytest.mark.parametrize("lang, source, target", [
    ("it", "Nuovi dazi su articoli per 200 miliardi di dollari (175 miliardi di euro).",
     "New tariffs affecting $200 billion (£150 billion) worth of items."),
    ("de", "Die Kosten stiegen auf 3,1 Milliarden €.", "The cost reached €3.1billion ($3.6bn)."),
    ("pt", "Custou 2 milhões de libras (2,3 milhões de euros).", "It cost £2 million."),
    ("ru", "Ущерб оценивается в 5 млрд рублей (около 70 млн долларов).", "The damage is put at 5 billion rubles."),
    ("es", "Ha alcanzado los 3100 millones de € (3600 millones de $).", "It has reached €3.1billion ($3.6bn)."),
    ("de", "Forderungen von rund 66 Milliarden US-Dollar (rund 59 Milliarden Euro).",
     "Claims of circa 66 billion US dollar debt (about 59 billion euros)."),
])
def test_bracketed_currency_conversion_is_quiet(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []


@pytest.mark.parametrize("lang, source, target, rule", [
    ("it", "Nuovi dazi su articoli per 200 miliardi di dollari (175 miliardi di euro).",
     "New tariffs affecting $250 billion (£150 billion) worth of items.", "number-mismatch"),
    ("de", "Die Kosten stiegen auf 3,1 Milliarden €.", "The cost reached €3.6billion ($3.6bn).", "number-mismatch"),
    ("es", "Murieron 12 personas (todas adultas).", "People (all adults) died.", "number-missing"),
    ("en", "Hubo 5 heridos.", "There were 5 injured (3 of them children).", "number-extra"),
])
def test_amounts_around_a_conversion_are_still_compared(lang, source, target, rule):
    lang = "es" if lang == "en" else lang
    assert [f.rule for f in run_check(NumberCheck(), source, target, lang)] == [rule]


# Professional translations write the same quantities in another form: these must stay quiet ...
PROFESSIONAL = [
    ("es", "Se esperan temperaturas de unos 27 grados en el sur.", "Temperatures in the 80s are expected in the south."),
    ("pt", "Temperaturas entre os 27 e os 30 graus no sul.", "Widespread 80s in the south."),
    ("de", "Die Stadt erreichte am Dienstag 27 ºC.", "The city reached 80 degrees on Tuesday."),
    ("pt", "Estavam 26º na costa norte.", "It was 80 degrees on the north shore."),
    ("ru", "Он стоял примерно в 27 метрах от ворот.", "He stood about 30 yards from the goal."),
    ("uk", "Експертиза підтвердила, що 249-кілограмовий кабан напав на фермера.",
     "The examination confirmed that the 550 pound hog attacked the farmer."),
    ("de", "Der Gürtel erstreckt sich über 80 km.", "The belt stretches 80 km (50 mi)."),
    ("fr", "Le fleuve est long de 6 387 km (3 980 miles).", "The river is 6,387 km (3,980 miles)."),
    ("it", "Può chiamare gratuitamente il numero 116 123.", "You can call free on 116 123."),
    ("es", "Presentaron su colección primavera-verano de 2019.", "They unveiled their SS19 collection."),
    ("es", "entre los siglos X-XI y el XIV", "between the 10th - 11th centuries and the 14th century"),
    ("it", "copre l'XI, il XII e il XIII secolo", "covers the 11th, 12th, and 13th centuries"),
    ("fr", "du XIe au XIIIe siècle", "in the 11th, 12th, and 13th centuries"),
    ("de", "Sie begannen mit einem Sieg gegen den Fünftplatzierten.", "They started with a win against the 5th seed."),
    ("de", "Japan ist die siebtgrößte Insel der Welt.", "Japan is the 7th largest island in the world."),
    ("de", "Er spielt beim Tabellenvierten.", "He plays for the 4th ranked team."),
    ("de", "Frankfurt verlor das Achtelfinal-Hinspiel.", "Frankfurt lost the last 16 first leg."),
    ("ru", "В 17 часов 47 минут пожар потушили.", "At 5:47 p.m., the fire was put out."),
    ("ru", "Сигнал поступил в 01։23.", "The alert came at 1:23 a.m."),
    ("de", "ihre Töchter (3½ und 1½ Jahre alt)", "their daughters (3 1/2 and 1 1/2 years old)"),
    ("es", "Estaba en sus veintes.", "He was in his 20s."),
    ("de", "ein Mann in den Vierzigern", "a man in his 40s"),
    ("fr", "Vous pouvez appeler au\u00a0116\u00a0123.", "You can call free on 116 123."),
    ("de", "Träger des Viktoriakreuzes im 1. Weltkrieg", "WW1 Victoria Cross holder"),
    ("ru", "В России 5765 больных COVID-19 за сутки", "In Russia, 5765 COVID cases in the past 24 hours"),
    ("de", "im Winter 1968/69 der erste Hit", "the first hit in the winter of 1968/1969"),
    ("ru", "Бюджет сократят на $10 млн.", "The budget will be cut by $10 mln."),
    ("fr", "300 retraits en 220 manches et deux tiers", "300 strikeouts in 220 2/3 innings"),
    ("ru", "Теперь у нас есть четырёхмесячные мыши.", "We now have 4-month-old mice."),
    ("uk", "Тепер у нас є чотиримісячні миші.", "We now have 4-month-old mice."),
    ("es", "Tiene la absoluta certeza de que fue él.", "She is 100 percent certain that it was him."),
    ("de", "Bouchard glich in der 28. Minute aus.", "Bouchard equalised on 27:37."),
    ("ru", "Штраф составит более двух с половиной миллионов тенге.", "The fine is over 2 1/2 million tenge."),
    ("uk", "Штраф становитиме два з половиною мільйони гривень.", "The fine will be 2.5 million hryvnias."),
    ("ru", "Он скончался, заявил в субботу начальник полиции.", "He died, the police chief said Saturday, per 247sports."),
    ("ru", "Либо 400 часов общественных работ, либо лишение свободы до года.",
     "Or 400 hours of community service, or up to 1 year of incarceration."),
    ("pt", "Não jogou até ao empate a dois golos com o Villarreal.", "He did not play until the 2-2 draw with Villarreal."),
    ("uk", "Салліван забив на чотирнадцятій хвилині (13:10).", "Sullivan scored on 13:10."),
]


@pytest.mark.parametrize("lang, source, target", PROFESSIONAL)
def test_professional_variation_is_quiet(lang, source, target):
    assert [(f.rule, f.message) for f in run_check(NumberCheck(), source, target, lang)] == []


# ... and the same pairs with a real slip must still be found.
@pytest.mark.parametrize("lang, source, target, rule", [
    ("it", "Può chiamare il numero 116 123.", "You can call free on 116 124.", "number-mismatch"),
    ("es", "Presentaron su colección primavera-verano de 2019.", "They unveiled their SS18 collection.",
     "number-missing"),
    ("fr", "du XIe au XIIIe siècle", "in the 11th, 12th, and 14th centuries", "number-mismatch"),
    ("de", "Sie begannen mit einem Sieg gegen den Fünftplatzierten.", "They started with a win against the 6th seed.",
     "number-mismatch"),
    ("de", "Er spielt beim Tabellenvierten.", "He plays for the 5th ranked team.", "number-mismatch"),
    ("ru", "В 17 часов 47 минут пожар потушили.", "At 5:48 p.m., the fire was put out.", "number-mismatch"),
    ("de", "ihre Töchter (3½ und 1½ Jahre alt)", "their daughters (3 1/2 and 2 1/2 years old)", "number-mismatch"),
    ("de", "ein Mann in den Vierzigern", "a man in his 50s", "number-mismatch"),
    ("de", "Frankfurt verlor im Achtelfinale.", "Frankfurt lost in the last 8.", "number-mismatch"),
    ("es", "La ciudad tiene 84 447 habitantes.", "The city has 84 447 inhabitants.", "number-thousands-space"),
    ("ru", "В России 5765 больных COVID-19 за сутки", "In Russia, 5765 COVID-20 cases in the past 24 hours",
     "number-extra"),
    ("de", "im Winter 1968/69 der erste Hit", "the first hit in the winter of 1968/1970", "number-mismatch"),
    ("ru", "Бюджет сократят на $10 млн.", "The budget will be cut by $10 bln.", "number-mismatch"),
    ("ru", "Теперь у нас есть четырёхмесячные мыши.", "We now have 5-month-old mice.", "number-mismatch"),
    ("es", "Los precios subieron sin parar.", "Prices rose 100 percent.", "number-extra"),
    ("ru", "Штраф составит более двух с половиной миллионов тенге.", "The fine is over 3 1/2 million tenge.",
     "number-mismatch"),
    ("pt", "Não jogou até ao empate a dois golos com o Villarreal.", "He did not play until the 3-3 draw with Villarreal.",
     "number-mismatch"),
    ("ru", "Либо 400 часов общественных работ, либо лишение свободы до 3 лет.",
     "Or 400 hours of community service, or up to 1 year of incarceration.", "number-missing"),
    ("ru", "Он скончался, заявил в субботу начальник полиции.", "He died on 247 days, the police chief said Saturday.",
     "number-extra"),
    ("de", "Bouchard glich in der 28. Minute aus.", "Bouchard equalised on 29:37.", "number-mismatch number-extra"),
    ("uk", "Салліван забив на чотирнадцятій хвилині (13:10).", "Sullivan scored on 13:50.", "number-missing"),
])
def test_professional_variation_with_a_slip_is_found(lang, source, target, rule):
    assert [f.rule for f in run_check(NumberCheck(), source, target, lang)] == rule.split()


# Generic causes of false number findings on professional translations (FLORES, NTREX, WMT21) ...
@pytest.mark.parametrize("lang, source, target", [
    ("it", "Apia fu fondata tra il 1850 e il 1860.", "Apia was founded in the 1850s."),
    ("ru", "По сообщениям ему было от 20-ти до 30-ти лет.", "He was reportedly aged in his 20s."),
    ("de", "Eine Autofahrerin war mit ihren beiden Kindern (3, 5) unterwegs.",
     "A driver was traveling with her two children (3,5)."),
    ("fr", "Il est arrivé aux États-Unis avec quatre cents à son nom.", "He arrived in the US with 4 cents to his name."),
])
def test_professional_wording_of_numbers_is_quiet(lang, source, target):
    assert [(f.rule, f.message) for f in run_check(NumberCheck(), source, target, lang)] == []


# ... while the same sentences with a real slip are still found.
@pytest.mark.parametrize("lang, source, target, rule", [
    ("it", "Apia fu fondata tra il 1850 e il 1870.", "Apia was founded in the 1850s.", "number-missing"),
    ("ru", "По сообщениям ему было от 20-ти до 30-ти лет.", "He was reportedly aged in his 30s.", "number-missing"),
    ("de", "Eine Autofahrerin war mit ihren beiden Kindern (3, 6) unterwegs.",
     "A driver was traveling with her two children (3,5).", "number-decimal-comma number-mismatch number-extra"),
    ("de", "Der Wagen fuhr 3,5 Kilometer.", "The car drove 3,5 kilometers.", "number-decimal-comma"),
    ("fr", "Il est arrivé aux États-Unis avec quatre cents à son nom.", "He arrived in the US with 5 cents to his name.",
     "number-mismatch"),
    ("fr", "Quatre cents personnes sont venues.", "Four hundred people came, 500 in all.", "number-extra"),
])
def test_professional_wording_with_a_slip_is_found(lang, source, target, rule):
    assert [f.rule for f in run_check(NumberCheck(), source, target, lang)] == rule.split()


@pytest.mark.parametrize("source, target, rules", [
    # the Italian repeats the 57% of the sentence before where the English says "Of those"
    ("Il 57% degli intervistati conosceva la proposta.\n\nDi questo 57%, il 70% voterebbe sì.",
     "57 percent of respondents knew the proposal.\n\nOf those, 70 percent would vote yes.", []),
    # a figure the sentence before did not state on both sides is still missing
    ("Il 57% degli intervistati conosceva la proposta.\n\nDi questo 58%, il 70% voterebbe sì.",
     "57 percent of respondents knew the proposal.\n\nOf those, 70 percent would vote yes.", ["number-missing"]),
    # the English adds a figure the document stated before (своей ровеснице: "also 31")
    ("Il 57% degli intervistati conosceva la proposta.\n\nNessun commento.\n\nDi questo 57%, il 70% voterebbe sì.",
     "57 percent of respondents knew the proposal.\n\nNo comment.\n\nOf those, 70 percent would vote yes.", []),
    ("Il 57% degli intervistati conosceva la proposta.\n\nIl 70% voterebbe sì.",
     "57 percent of respondents knew the proposal.\n\nOf those 57 percent, 70 percent would vote yes.", []),
    # a changed figure is still a mismatch, even when the wrong one was stated before
    ("Il 57% degli intervistati conosceva la proposta.\n\nIl 70% voterebbe sì.",
     "57 percent of respondents knew the proposal.\n\n57 percent would vote yes.", ["number-mismatch"]),
    # small counts recur on their own: a dropped "two" is still an omission
    ("Sono morte 3 persone.\n\nAltre 3 sono rimaste ferite.",
     "3 people died.\n\nOthers were injured.", ["number-missing"]),
])
def test_figure_restated_from_the_segment_before(source, target, rules):
    assert [f.rule for f in run_check(NumberCheck(), source, target, "it")] == rules


@pytest.mark.parametrize("source, target, lang, found", [
    # a digit dropped: 35000 stands inside 350000 but is not that figure
    ("Пишите по адресу: 350000, г. Краснодар, улица Красная, 122.",
     "Write to 122 Krasnaya Street, Krasnodar, 35000.", "ru", [("number-mismatch", "35000")]),
    ("Pisa ganó 350000 euros.", "Pisa won 350000 euros.", "es", []),
    # a figure inside a code on the other side is still no number of its own (Fórmula 1: F1)
    ("Ganó la carrera de Fórmula 1 en Mónaco.", "He won the F1 race in Monaco.", "es", []),
])
def test_a_figure_inside_a_longer_one_is_not_written(source, target, lang, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.rule, f.target_span.text if f.target_span else None) for f in findings] == found


@pytest.mark.parametrize("lang, source, target, span, suggestion", [
    ("es", "Es la 56.ª edición del certamen.", "It is the 56.ª edition of the contest.", "56.ª", "56th"),
    ("pt", "O 1.º lugar ficou com Braga.", "The 1.º place went to Braga.", "1.º", "1st"),
    ("fr", "Il habite dans le 2e arrondissement.", "He lives in the 2ème arrondissement.", "2ème", "2nd"),
    ("it", "Le nuove regole valgono dal 1° gennaio.", "The new rules apply from 1° January.", "1°", "1st"),
    ("pt", "A feira abre a 1º de maio.", "The fair opens on 1º May.", "1º", "1st"),
])
def test_ordinal_left_in_source_notation(lang, source, target, span, suggestion):
    findings = [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-ordinal-notation"]
    assert [(f.target_span.text, f.suggestion, f.mqm) for f in findings] == [(span, suggestion, "locale/convention")]


@pytest.mark.parametrize("lang, source, target", [
    ("it", "Fuori ci sono 26º gradi.", "It is 26º outside."),             # a bare º is a degree sign too
    ("es", "Es la 56.ª edición.", "It is the 56th edition."),
    ("fr", "Au XXe siècle.", "In the 20th century."),
    ("it", "Ci sono 30 gradi all'ombra dal 1° gennaio.", "It is 30° in the shade from 1 January."),
])
def test_english_ordinals_are_quiet(lang, source, target):
    assert [f.rule for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-ordinal-notation"] == []


@pytest.mark.parametrize("lang,source,target,span,message", [
    # a time written with its minutes is on the 24-hour clock: 6.00, 6h00, 4:30 are in the morning
    ("es", "Los pilotos se reúnen a las 6.00 en el campo.", "The pilots meet at 6 pm on the field.", "6 pm",
     "source has 6 a.m. (6.00), translation has 6 pm: the other half of the day"),
    ("pt", "Os pescadores saem às 6h00 para evitar o calor.", "The fishermen leave at 6 p.m. to avoid the heat.",
     "6 p.m.", "source has 6 a.m. (6h00), translation has 6 p.m.: the other half of the day"),
    ("fr", "Les boulangers commencent dès 5 h 30.", "The bakers start from 5.30 p.m.", "5.30 p.m.",
     "source has 5:30 a.m. (5 h 30), translation has 5.30 p.m.: the other half of the day"),
    ("it", "La scossa è stata registrata alle 1.25 di giovedì.", "The tremor struck at 1.25 p.m. on Thursday.",
     "1.25 p.m.", "source has 1:25 a.m. (1.25), translation has 1.25 p.m.: the other half of the day"),
    ("de", "Die Bäckerei öffnet um 6:30.", "The bakery opens at 6.30 p.m.", "6.30 p.m.",
     "source has 6:30 a.m. (6:30), translation has 6.30 p.m.: the other half of the day"),
    ("ru", "Смена начинается в 6:00.", "The shift starts at 6 p.m.", "6 p.m.",
     "source has 6 a.m. (6:00), translation has 6 p.m.: the other half of the day"),
    ("uk", "Пекарі приходять о 4:30.", "The bakers arrive at 4.30 p.m.", "4.30 p.m.",
     "source has 4:30 a.m. (4:30), translation has 4.30 p.m.: the other half of the day"),
])
def test_a_time_with_minutes_is_on_the_24_hour_clock(lang, source, target, span, message):
    f = _one(lang, source, target)
    assert (f.rule, f.target_span.text, f.message) == ("number-mismatch", span, message)


@pytest.mark.parametrize("lang,source,target", [
    ("es", "Los pilotos se reúnen a las 6.00 en el campo.", "The pilots meet at 6 a.m. on the field."),
    ("es", "El concierto empieza a las 8:00 de la tarde.", "The concert starts at 8 p.m."),
    ("it", "Il negozio chiude alle 7.30 di sera.", "The shop closes at 7.30 p.m."),
    ("ru", "Смена начинается в 6:00 вечера.", "The shift starts at 6 p.m."),
    ("es", "El kilo cuesta 3.50 euros.", "A kilo costs 3.50 euros."),
])
def test_a_time_with_minutes_in_the_right_half_is_quiet(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []


@pytest.mark.parametrize("lang,source,target,span,message", [
    # a day/month without a year after a date cue is day first; an article elsewhere gives no day to the date
    ("pt", "A nova tabela vale a partir de 3/11.", "The new table applies from March 11.", "March 11",
     "source has November 3 (3/11), translation has March 11: day and month swapped"),
    ("es", "Las inscripciones siguen abiertas hasta el 15/8.", "Registration stays open until 8/15.", None, None),
    ("it", "Un premio sarà pagato dal 07/01/2027.", "A prize will be paid from July 1, 2027.", "July 1",
     "source has January 7 (07/01), translation has July 1: day and month swapped"),
])
def test_a_day_and_month_in_the_source_order(lang, source, target, span, message):
    findings = run_check(NumberCheck(), source, target, lang)
    if span is None:
        assert findings == []
    else:
        assert [(f.rule, f.target_span.text, f.message) for f in findings] == [("number-mismatch", span, message)]


@pytest.mark.parametrize("lang,source,target", [
    ("es", "Obtuvo el 3/4 de los votos.", "He won three quarters of the votes."),
    ("pt", "Ganhou 3/4 dos votos.", "He won three quarters of the votes."),
])
def test_a_fraction_without_a_date_cue_is_no_date(lang, source, target):
    assert [q.kind for q in parse(source, lang)] == ["number", "number"]


@pytest.mark.parametrize("target,found", [
    ("The budget is 1.65 million euros.", ["1.65 million"]),
    ("The budget is 1.65 billion euros.", []),
    ("The budget is 1,650 million euros.", []),
])
def test_a_thousands_point_with_a_trailing_zero_is_no_decimal(target, found):
    findings = run_check(NumberCheck(), "El presupuesto es de 1.650 millones de euros.", target, "es")
    assert [f.target_span.text for f in findings] == found


# A scale word written once after the second figure of a range or pair applies to the first too.
@pytest.mark.parametrize("lang, source, target", [
    ("ru", "Штраф составляет от 40 до 100 тысяч рублей.", "The fine ranges from 40,000 to 100,000 roubles."),
    ("ru", "Авторская работа может обойтись в 40–60 тысяч.", "An original piece can cost 40,000 to 60,000."),
    ("uk", "Компенсація становитиме від 200 до 500 тисяч гривень.", "Compensation will be 200,000 to 500,000 hryvnias."),
    ("es", "El proyecto costará entre 2 y 3 millones de euros.", "The project will cost between 2 and 3 million euros."),
    ("es", "El proyecto costará entre 2 y 3 millones de euros.",
     "The project will cost between 2 million and 3 million euros."),
])
def test_shared_scale_word_reads_on_both_figures(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []


def test_a_different_first_figure_is_still_reported():
    findings = run_check(NumberCheck(), "Штраф составляет от 40 до 100 тысяч рублей.",
                         "The fine ranges from 50,000 to 100,000 roubles.", "ru")
    assert [f.rule for f in findings] == ["number-mismatch"]


# Centuries in a list with a word between (XIX і початку XX: the 19th and early 20th) or in the genitive plural
@pytest.mark.parametrize("lang, source, target", [
    ("uk", "Третина книжок — видання XIX і початку XX століття.",
     "A third of the books were published in the 19th and early 20th centuries."),
    ("uk", "Для XVIII–XIX століть важливими є ревізькі казки.",
     "For the 18th and 19th centuries, revision tales are important."),
    ("es", "Son edificios de los siglos XIX y principios del XX.",
     "They are buildings from the 19th and early 20th centuries."),
])
def test_centuries_with_a_word_between(lang, source, target):
    assert run_check(NumberCheck(), source, target, lang) == []


def test_a_capitalised_month_word_in_a_place_name_is_no_date():
    source = "Rio de Janeiro, 5 de novembro de 2025 – A prefeitura vai abrir 48 quiosques."
    target = "Rio de Janeiro, 5 November 2025 – City hall is to open 48 kiosks."
    assert run_check(NumberCheck(), source, target, "pt") == []


@pytest.mark.parametrize("lang,source,target,found", [
    # a month named with its year but no day is compared with the translation's month
    ("es", "Las obras terminarán en noviembre de 2028.", "The works will end in December 2028.",
     [("December", "source has November (noviembre), translation has December")]),
    ("ru", "Работы завершатся в ноябре 2028 года.", "The works will end in October 2028.",
     [("October", "source has November (ноябре), translation has October")]),
    ("de", "Die Arbeiten enden im März 2028.", "The work ends in March 2028.", []),
    ("it", "I lavori finiranno a novembre 2028.", "The works will end in late 2028.", []),
])
def test_a_month_with_its_year(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # words that multiply are compared with each other only
    ("es", "El número de usuarios se multiplicó por dos en un año.", "The number of users tripled in a year.",
     [("tripled", "source has double (multiplicó por dos), translation has tripled")]),
    ("de", "Die Zahl der Anmeldungen hat sich verdoppelt.", "The number of registrations has tripled.",
     [("tripled", "source has double (verdoppelt), translation has tripled")]),
    ("ru", "Цены выросли втрое.", "Prices doubled.", [("doubled", "source has triple (втрое), translation has doubled")]),
    ("uk", "Кількість відвідувачів потроїлася.", "The number of visitors doubled.",
     [("doubled", "source has triple (потроїлася), translation has doubled")]),
    ("it", "Le richieste sono raddoppiate.", "Requests have doubled.", []),
    ("ru", "Цены выросли втрое.", "Prices rose threefold.", []),
    ("ru", "Утром цены выросли.", "In the morning prices rose.", []),
])
def test_words_that_multiply(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # session 14: "N times as many" is a multiplier; a whole hour after a clock cue, or H.MM where the decimal mark is
    # a comma, is a time on the 24-hour clock; a figure in degrees the source's temperature does not convert to
    ("uk", "Вона пече 40 тортів на місяць, а в сезон — удвічі більше.",
     "She bakes 40 cakes a month, and three times as many in season.",
     [("three times as", "source has double (удвічі), translation has three times as")]),
    ("ru", "Цены выросли в три раза.", "Prices are twice as high.",
     [("twice as", "source has triple (в три раза), translation has twice as")]),
    ("it", "Il corso si terrà sabato alle 10 nella sede del Bioparco.",
     "The course will be held on Saturday at 10 p.m. at the Bioparco.",
     [("10 p.m.", "source has 10 a.m. (10), translation has 10 p.m.: the other half of the day")]),
    ("es", "Trabajarán de 23.00 a 3.00 los jueves.", "They will work from 11 pm to 3 pm on Thursdays.",
     [("3 pm", "source has 3 a.m. (3.00), translation has 3 pm: the other half of the day")]),
    ("uk", "Заборонено при температурі нижче мінус п'яти градусів.", "It is banned below minus 15 degrees.",
     [("15", "source has 5 (п'яти), translation has 15")]),
    ("es", "Pesa 4 kilos y está a 27 grados.", "It weighs 4 kilos and is at 80 degrees.", []),
    ("it", "Il corso si terrà alle 20 nella sede.", "The course will be held at 8 p.m. at the headquarters.", []),
    ("it", "Il premio andrà alle 10 persone più votate.", "The prize will go to the 10 most voted people.", []),
    ("es", "Cuesta 1.50 euros.", "It costs 1.50 euros.", []),
    ("uk", "Ціни зросли у три рази.", "Prices are three times higher.", []),
    # professional translations (NTREX): a rough conversion, a difference of temperatures, a factor in figures
    ("it", "Una giornata di sole con quasi 30 gradi.", "It was a sunny 80 degrees outside.", []),
    ("de", "Es besteht ein Temperaturunterschied von fast 12 ºC.", "There is nearly a 20-degree temperature difference.",
     []),
    ("uk", "Ви заплатите в 4 рази більше стандартного тарифу.", "You can expect to pay four times the normal fare.", []),
])
def test_multipliers_hours_and_degrees(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # session 14: a time left as the source writes it; a day/month written month first
    ("fr", "Une conférence organisée à 18 h 30 au siège.", "A conference held at 18 h 30 at the headquarters.",
     [("number-time-notation", "18 h 30", "18:30")]),
    ("pt", "A sessão começa às 9h15.", "The session starts at 9h15.", [("number-time-notation", "9h15", "9:15")]),
    ("it", "Le iscrizioni resteranno aperte fino al 12/9 presso l'Ufficio.",
     "Registration will remain open until 9/12 at the office.", [("number-date-order", "9/12", "12 September")]),
    ("fr", "Une conférence organisée à 18 h 30 au siège.", "A conference held at 6.30 p.m. at the headquarters.", []),
    ("it", "Le iscrizioni resteranno aperte fino al 12/9 presso l'Ufficio.",
     "Registration will remain open until 12 September at the office.", []),
    ("it", "Le iscrizioni resteranno aperte fino al 12/9 presso l'Ufficio.",
     "Registration will remain open until 12/9 at the office.", []),
])
def test_time_and_date_notation(lang, source, target, found):
    findings = [f for f in run_check(NumberCheck(), source, target, lang)
                if f.rule in ("number-time-notation", "number-date-order")]
    assert [(f.rule, f.target_span.text, f.suggestion) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # session 14: a part of a whole (ratio words per language: ratio_link)
    ("ru", "По словам Хамитовой, отсеиваются примерно двое из трёх.", "According to her, roughly one in three are weeded out.",
     [("one in three", "source has 2 of 3 (двое из трёх), translation has one in three")]),
    ("es", "Dos de cada tres vecinos votaron.", "One in three residents voted.",
     [("One in three", "source has 2 of 3 (Dos de cada tres), translation has One in three")]),
    ("de", "3 von 10 Kindern fehlen.", "4 out of 10 children are missing.",
     [("4 out of 10", "source has 3 of 10 (3 von 10), translation has 4 out of 10")]),
    ("es", "Dos de cada tres vecinos votaron.", "Two in three residents voted.", []),
    ("it", "Sette su dieci italiani leggono.", "Seven out of 10 Italians read.", []),
    ("ru", "В 2020 году из 10 школ две закрылись.", "In 2020, two of the 10 schools closed.", []),
])
def test_parts_of_a_whole(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # session 14: a scale word one step off, however the amount is said (a bare scale word, a number word)
    ("es", "La cartera superó por primera vez el billón de euros.", "The loan book topped one billion euros for the first time.",
     [("one billion", "source has 1 trillion (billón), translation has one billion: a scale word one step off")]),
    ("de", "Die Kosten liegen bei einer Milliarde Euro.", "Costs are one million euros.",
     [("one million", "source has 1 billion (einer Milliarde), translation has one million: a scale word one step off")]),
    ("es", "La cartera superó el billón de euros.", "The book topped one trillion euros.", []),
    ("fr", "Un milliard de personnes vivent ici.", "A billion people live here.", []),
    ("es", "Espera movilizar varios miles de millones de euros.", "It hopes to mobilise several billion euros.", []),
])
def test_scale_word_one_step_off(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # session 15: a range of hours whose end alone carries the clock (the start is a time of the same clock)
    ("de", "Jeden Dienstag wird von 17 bis 20 Uhr gekocht.", "Every Tuesday the group cooks from 5 to 8 p.m.", []),
    ("ru", "Клуб работает с 9 до 17 часов.", "The club is open from 9 a.m. to 5 p.m.", []),
    ("de", "Der Kuckuck ruft zur vollen Stunde, von 8 bis 20 Uhr.", "The cuckoo calls every hour from 8 a.m. to 8 p.m.",
     []),
    ("de", "Jeden Dienstag wird von 17 bis 20 Uhr gekocht.", "Every Tuesday the group cooks from 6 to 8 p.m.",
     [("6", "source has 5 p.m. (17), translation has 6")]),
    # a decade of a century as a German adjective or compound
    ("de", "Viele Geräte stammen noch aus den sechziger Jahren.", "Many units date back to the 1960s.", []),
    ("de", "Die Halle stammt aus den Siebzigerjahren.", "The hall dates from the 1970s.", []),
    ("de", "Die Halle stammt aus den Siebzigerjahren.", "The hall dates from the 1960s.",
     [("1960s", "source has 70 (Siebzigerjahren), translation has 1960s")]),
    # a day/month with a leading zero is a date without a cue; the figures of two are no fraction
    ("pt", "A reunião está marcada para 04/09, às 19h.", "The meeting is scheduled for 4 September at 7 p.m.", []),
    ("pt", "A reunião está marcada para 04/09, às 19h.", "The meeting is scheduled for 9 April at 7 p.m.",
     [("9 April", "source has September 4 (04/09), translation has 9 April: day and month swapped")]),
    # a number word hyphen-joined to what it counts is no part of the number word before it
    ("it", "Finanzia trenta tirocini di sei mesi.", "It funds thirty six-month traineeships.", []),
    ("it", "Finanzia trentasei tirocini.", "It funds thirty six-month traineeships.",
     [("thirty", "source has 36 (trentasei), translation has thirty")]),
])
def test_session15_number_readings(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang,source,target,found", [
    # session 15: a temperature below zero whose figure the translation keeps without its sign
    ("ru", "При температуре воздуха минус 18 градусов окунулись 120 человек.",
     "At an air temperature of 18 degrees, 120 people plunged in.",
     [("18", "source has minus 18 (below zero), translation has 18: the sign is lost")]),
    ("de", "Bei minus 5 Grad froren 20 Leute.", "At 5 degrees, 20 people froze.",
     [("5", "source has minus 5 (below zero), translation has 5: the sign is lost")]),
    ("ru", "При температуре воздуха минус 18 градусов окунулись 120 человек.",
     "At an air temperature of minus 18 degrees, 120 people plunged in.", []),
    ("uk", "При температурі -18 градусів вийшли 120 людей.", "At -18C, 120 people came out.", []),
    ("ru", "При минус 18 градусах окунулись 120 человек.", "At 18 degrees below zero, 120 people plunged in.", []),
    ("es", "Hacía al menos 18 grados.", "It was at least 18 degrees.", []),
    ("ru", "Хотя по сравнению с нормой всё же на 2 - 3 градуса прохладнее.",
     "But it will still be 2–3 degrees cooler than the norm.", []),                  # a range's dash, no sign
    ("fr", "Il faisait au moins 18 degrés.", "It was at least 18 degrees.", []),
])
def test_a_lost_minus_sign(lang, source, target, found):
    findings = run_check(NumberCheck(), source, target, lang)
    assert [(f.target_span.text, f.message) for f in findings] == found


@pytest.mark.parametrize("lang, source, target, faulty", [
    # a Roman numeral before a noun is an ordinal English writes in figures or words
    ("es", "Guijuelo acogió la final del XII Concurso Nacional de Cortadores de Jamón.",
     "Guijuelo hosted the final of the 12th National Ham Carving Competition.",
     "Guijuelo hosted the final of the 13th National Ham Carving Competition."),
    ("ru", "В Вологде открылась XII Международная выставка кружева.",
     "The twelfth International Lace Exhibition opened in Vologda.",
     "The 11th International Lace Exhibition opened in Vologda."),
    # an ordinal whose stem drops its last vowel (ventiquattr|esima)
    ("it", "Si è aperta a Jesolo la ventiquattresima edizione del festival.",
     "The 24th festival opened in Jesolo.", "The 25th festival opened in Jesolo."),
    # the start of a range of times takes the day part of its end, minutes after a point too (session 16)
    ("es", "Se encuentran de 16.30 a 19.30 en el antiguo matadero.", "They meet from 4.30 to 7.30 pm in the old "
     "slaughterhouse.", "They meet from 5.30 to 7.30 pm in the old slaughterhouse."),
    # a multiplier said as the percentage it adds (session 16)
    ("ru", "Число пунктов выдачи за год выросло почти в полтора раза.", "The number of pickup points has risen by "
     "almost 50% in a year.", "The number of pickup points has risen by almost 40% in a year."),
    ("uk", "Кількість пунктів видачі зросла у півтора рази.", "The number of pickup points rose by 50%.",
     "The number of pickup points rose by 60%."),
    ("es", "Las ventas se triplicaron el año pasado.", "Sales rose by 200% last year.",
     "Sales rose by 150% last year."),
    # a scale word joined to its figure by a hyphen
    ("es", "Madrid abrirá una línea de subvenciones de 12 millones de euros.",
     "Madrid will open a 12-million-euro subsidy scheme.", "Madrid will open a 15-million-euro subsidy scheme."),
])
def test_ordinals_and_scales_written_another_way(lang, source, target, faulty):
    assert [(f.rule, f.message) for f in run_check(NumberCheck(), source, target, lang)] == []
    assert run_check(NumberCheck(), source, faulty, lang) != []


def test_a_clock_word_against_another_hour_is_a_changed_time():
    source = "Le domande potranno essere presentate fino alle 12 del 28 febbraio."
    assert run_check(NumberCheck(), source, "Applications can be submitted until noon on 28 February.", "it") == []
    f = _one("it", source, "Applications can be submitted until midnight on 28 February.")
    assert (f.rule, f.target_span.text, f.source_span.text) == ("number-mismatch", "midnight", "12")


@pytest.mark.parametrize("lang, source, target, evidence", [
    # session 18: a separator carried over carries the source number it copies as its evidence
    ("es", "La obra costó 2,4 millones de euros.", "The work cost 2,4 million euros.", "2,4 millones"),
    ("de", "Es kamen 1.500 Besucher.", "1.500 visitors came.", "1.500"),
])
def test_a_separator_finding_carries_the_source_number(lang, source, target, evidence):
    found = run_check(NumberCheck(), source, target, lang)
    assert [f.source_span.text for f in found] == [evidence]


def test_a_finding_with_no_source_words_gets_its_segment_as_evidence():
    from tqcheck.checks.base import build_views
    from tqcheck.model import Document, Finding, Segment, Span
    from tqcheck.pipeline import _with_source_evidence
    from tqcheck.segment import segment_document
    src, tgt = Document("Dijo: «Vamos».", "es"), Document("He said: «Let's go».", "en")
    src.sentences, tgt.sentences = segment_document(src.text, "es"), segment_document(tgt.text, "en")
    views = {v.segment.id: v for v in build_views(src, tgt, [Segment(0, (0,), (0,), None, 0.9)])}
    mark = Finding("punctuation", "minor", "punct-guillemet", "fluency/punctuation", "m", "s", 0,
                   target_span=Span(9, 10, "«"))
    assert _with_source_evidence(mark, views).source_span.text == "Dijo: «Vamos»."
    added = Finding("addition", "major", "addition-sentence", "accuracy/addition", "m", "s", 0,
                    target_span=Span(0, 5, "He sa"))
    assert _with_source_evidence(added, views).source_span is None      # an added sentence has no source


@pytest.mark.parametrize("lang, source, converted, slipped", [
    ("ru", "Двигатель мощностью 160 л.с. установлен на машину.", "The 118 kW engine is fitted to the car.",
     "The 180 hp engine is fitted to the car."),
    ("de", "Der Motor leistet 150 PS und kostet 20.000 Euro.", "The 110 kW engine costs 20,000 euros.",
     "The 110 kW engine costs 25,000 euros."),
    ("es", "Un motor de 100 kilovatios.", "A 134 hp engine.", "A 134 kW engine."),
])
def test_a_measure_converted_into_another_unit_of_its_dimension_is_no_mismatch(lang, source, converted, slipped):
    # horsepower to kilowatts changes the figure; the same unit with another figure, or an amount of money beside
    # the conversion, is still compared
    assert run_check(NumberCheck(), source, converted, lang) == []
    assert [f.rule for f in run_check(NumberCheck(), source, slipped, lang)] == ["number-mismatch"]
