"""A figure kept with a unit of the same dimension but another unit (checks/number_units.py)."""
import pytest

from tests.checks.helpers import run_check
from tqcheck.checks.numbers import NumberCheck


@pytest.mark.parametrize("lang, source, target, span, suggestion", [
    ("it", "Servono tre chili di farina.", "You need three pounds of flour.", "three pounds",
     "three kilograms, or convert the figure"),
    ("it", "Ogni orto misura 50 metri quadrati.", "Each plot measures 50 square feet.", "50 square feet",
     "50 square metres, or convert the figure"),
    ("pt", "A prova tem 480 quilómetros.", "The race is 480 miles long.", "480 miles",
     "480 kilometres, or convert the figure"),
    ("ru", "Высота горки 9,5 метра.", "The slide is a 9.5-foot structure.", "9.5-foot",
     "9.5 metres, or convert the figure"),
    ("uk", "Квиток коштує 65 гривень.", "A ticket costs 65 dollars.", "65 dollars",
     "65 hryvnias, or convert the figure"),
    ("uk", "Навчання триває від 18 до 24 місяців.", "Training lasts 18 to 24 weeks.", "18 to 24 weeks",
     "18 to 24 months, or convert the figure"),
    ("es", "Cuesta 3 millones de euros.", "It costs $3 million.", "$3 million",
     "3 million euros, or convert the figure"),
    ("fr", "Le banc pèse 40 kilos.", "The bench weighs 40 pounds.", "40 pounds",
     "40 kilograms, or convert the figure"),
    ("de", "Die Reparatur dauert drei Wochen.", "The repair takes three months.", "three months",
     "three weeks, or convert the figure"),
    ("es", "El kilo cuesta 5 libras.", "A kilo costs 5 dollars.", "5 dollars", "5 pounds, or convert the figure"),
])
def test_kept_figure_with_another_unit(lang, source, target, span, suggestion):
    findings = [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"]
    assert [(f.target_span.text, f.suggestion) for f in findings] == [(span, suggestion)]
    assert findings[0].severity == "major" and findings[0].mqm == "accuracy/mistranslation"


@pytest.mark.parametrize("lang, source, target", [
    ("es", "Cuesta 3 millones de euros.", "It costs €3 million."),
    ("es", "La carrera tiene 480 kilómetros.", "The race is 480 kilometres (300 miles) long."),
    ("es", "La carrera tiene 480 kilómetros.", "The race is 300 miles long."),             # converted
    ("es", "Caerán entre 2 y 5 centímetros de lluvia.", "They will get 1 to 2 inches."),   # a range converted
    ("fr", "Il se trouvait à 30 mètres des buts.", "He was about 30 yards out."),           # 9%: a rounding
    ("pt", "Custa R$ 50.", "It costs 50 reais."),
    ("es", "Pesa 5 libras.", "It weighs 5 pounds."),                                      # libras: lb or £
    ("de", "Die Strecke ist 5 km lang und dauert 5 Stunden.", "The 5 km route takes 5 hours."),
    ("ru", "Ему 30 лет.", "He is 30 years old."),
])
def test_same_unit_or_converted_is_quiet(lang, source, target):
    assert [f.rule for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"] == []


@pytest.mark.parametrize("lang, source, target, span", [
    # session 14: volumes, temperatures, a weak fraction, a space-grouped range, rates
    ("de", "Das Becken fasst rund 1.300 Kubikmeter Wasser.", "The basin holds around 1,300 cubic feet of water.",
     "1,300 cubic feet"),
    ("fr", "Le savon est cuit à 120 °C.", "The soap is cooked at 120 °F.", "120 °F"),
    ("ru", "Ниже минус 25 градусов мойки закрываются.", "Below minus 25 degrees Fahrenheit, washes close.",
     "25 degrees Fahrenheit"),
    ("pt", "Vai ao forno a 320 graus.", "It goes into the oven at 320 degrees Fahrenheit.", "320 degrees Fahrenheit"),
    ("es", "Si te pasas medio milímetro, ya no canta.", "If you go half an inch too far, it no longer sings.",
     "half an inch"),
    ("uk", "Кілограм коштує від 1 500 до 3 000 доларів.", "A kilogram costs between 1,500 and 3,000 euros.",
     "1,500 and 3,000 euros"),
    ("es", "Las alfombras se venden a 95 euros el metro cuadrado.", "Rugs sell for €95 per square foot.",
     "95 per square foot"),
    ("it", "Il tartufo ha toccato i 4.500 euro al chilo.", "Truffles reached €4,500 per gram.", "4,500 per gram"),
    ("it", "Un buon cartaio produce circa 600 fogli al giorno.", "A good papermaker makes about 600 sheets a week.",
     "600 sheets a week"),
    ("ru", "Она печёт 40 тортов в неделю.", "She bakes 40 cakes a month.", "40 cakes a month"),
])
def test_changed_unit_session14(lang, source, target, span):
    findings = [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"]
    assert [f.target_span.text for f in findings] == [span]


@pytest.mark.parametrize("lang, source, target", [
    ("es", "Hace 27 grados.", "It is 80 degrees."),                                   # converted to Fahrenheit
    ("es", "Dio un giro de 180 grados.", "It made a 180-degree turn."),              # an angle
    ("fr", "Il fait 20 °C.", "It is 20 degrees."),
    ("it", "Costa 3 euro al giorno.", "It costs €3 a day."),
    ("de", "Er arbeitet 12 Stunden am Tag.", "He works 12 hours a day."),
    ("pt", "Custa 95 euros por metro quadrado.", "It costs €95 per square metre."),
    ("es", "Pesa medio kilo.", "It weighs half a kilo."),
    ("uk", "Кілограм коштує від 1 500 до 3 000 доларів.", "A kilogram costs between 1,500 and 3,000 dollars."),
])
def test_same_unit_session14_is_quiet(lang, source, target):
    assert [f.rule for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"] == []


@pytest.mark.parametrize("source, target, span", [
    # a rate fronted before the figure, as German puts its adverbials (pro Kilogramm 30 Gramm)
    ("In einem Fall wog eine Obstwaage pro Kilogramm 30 Gramm zu viel.",
     "In one case a fruit scale weighed 30 grams too much per pound.", "30"),
    # hectolitres kept as litres
    ("Die Brauerei stellt jährlich rund 1.800 Hektoliter Kölsch her.",
     "The brewery produces around 1,800 litres of Kölsch a year.", "1,800"),
])
def test_german_fronted_rate_and_hectolitres_session16(source, target, span):
    findings = [f for f in run_check(NumberCheck(), source, target, "de") if f.rule.startswith("number-unit")]
    assert [f.target_span.text.split()[0] for f in findings] == [span]


@pytest.mark.parametrize("source, target", [
    ("In einem Fall wog eine Obstwaage pro Kilogramm 30 Gramm zu viel.",
     "In one case a fruit scale weighed 30 grams too much per kilogram."),
    ("Die Brauerei stellt jährlich rund 1.800 Hektoliter Kölsch her.",
     "The brewery produces around 1,800 hectolitres of Kölsch a year."),
])
def test_german_fronted_rate_and_hectolitres_kept_are_quiet_session16(source, target):
    assert [f for f in run_check(NumberCheck(), source, target, "de") if f.rule.startswith("number-unit")] == []



# session 19: a unit of several words joined by hyphens (an 85-square-foot room); a price kept for a bare unit
# (no figure of its own) that the translation changed
@pytest.mark.parametrize("lang, source, target, span, message", [
    ("uk", "Нове приміщення площею 85 квадратних метрів.", "The new 85-square-foot premises.", "85-square-foot",
     "the source says 85 квадратних метрів; the translation keeps the figure but says square-foot"),
    ("it", "Un metro quadrato di terrazzo richiede tre giorni di lavoro e costa tra 180 e 260 euro.",
     "A square foot of terrazzo takes three days' work and costs between €180 and €260.", "square foot",
     "the source prices metro quadrato; the translation keeps the price but says square foot (another unit, so the "
     "price would change)"),
    ("ru", "По его словам, килограмм астраханского арбуза стоит 45 рублей.",
     "He says a pound of Astrakhan watermelon costs 45 roubles.", "pound",
     "the source prices килограмм; the translation keeps the price but says pound (another unit, so the price "
     "would change)"),
])
def test_hyphenated_unit_and_priced_bare_unit_session19(lang, source, target, span, message):
    findings = [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"]
    assert [(f.target_span.text, f.message) for f in findings] == [(span, message)]


@pytest.mark.parametrize("lang, source, target", [
    ("uk", "Нове приміщення площею 85 квадратних метрів.", "The new 85-square-metre premises."),
    ("it", "Un metro quadrato di terrazzo richiede tre giorni di lavoro e costa tra 180 e 260 euro.",
     "A square metre of terrazzo takes three days' work and costs between €180 and €260."),
    # the price converted with the unit: no price kept
    ("ru", "По его словам, килограмм астраханского арбуза стоит 45 рублей.",
     "He says a pound of Astrakhan watermelon costs about 20 roubles."),
    # the source unit named too (a conversion given beside it)
    ("ru", "По его словам, килограмм арбуза стоит 45 рублей.",
     "He says a kilogram (about two pounds) of watermelon costs 45 roubles."),
    # no price at all: a unit word used loosely
    ("ru", "Она сбросила лишние килограммы.", "She lost the extra pounds."),
])
def test_hyphenated_unit_and_priced_bare_unit_quiet_session19(lang, source, target):
    assert [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"] == []


def test_ukrainian_multiplier_after_a_consonant_session19():
    findings = run_check(NumberCheck(), "Це вдвічі більше, ніж торік.", "That is three times as many as last year.",
                         "uk")
    assert [(f.rule, f.target_span.text) for f in findings] == [("number-mismatch", "three times as")]
    assert run_check(NumberCheck(), "Це вдвічі більше, ніж торік.", "That is twice as many as last year.", "uk") == []


@pytest.mark.parametrize("lang, source, target, span", [
    # every case of a Russian or Ukrainian unit (the table lists a few): locative, instrumental
    ("uk", "Сорго родина вирощує на шести гектарах орендованої землі.", "The family grows sorghum on six acres of land.",
     "six acres"),
    ("ru", "Учёные предлагают ограничить размер раков 10 сантиметрами.", "Scientists propose a size of 10 inches.",
     "10 inches"),
    ("ru", "Площадь не превышает 40 квадратными метрами.", "The area is no more than 40 square feet.", "40 square feet"),
    # power
    ("ru", "Сбор для машин мощностью свыше 160 лошадиных сил вырос.", "The fee for cars over 160 kilowatts rose.",
     "160 kilowatts"),
    ("es", "Un coche de 150 CV cuesta 30.000 euros.", "A 150 kW car costs 30,000 euros.", "150 kW"),
])
def test_case_forms_and_power_session19(lang, source, target, span):
    findings = [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"]
    assert [f.target_span.text for f in findings] == [span]


@pytest.mark.parametrize("lang, source, target", [
    ("uk", "Сорго родина вирощує на шести гектарах орендованої землі.", "The family grows sorghum on six hectares."),
    ("ru", "Учёные предлагают ограничить размер раков 10 сантиметрами.", "Scientists propose a size of 10 centimetres."),
    ("ru", "Сбор для машин мощностью свыше 160 лошадиных сил вырос.", "The fee for cars over 160 horsepower rose."),
    ("es", "Un coche de 150 CV cuesta 30.000 euros.", "A 150 hp car costs 30,000 euros."),
])
def test_case_forms_and_power_kept_session19(lang, source, target):
    assert [f for f in run_check(NumberCheck(), source, target, lang) if f.rule == "number-unit"] == []
