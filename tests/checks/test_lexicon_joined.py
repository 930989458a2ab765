"""Lexicon expressions across the tokenizer's pieces (words written with apostrophes or hyphens) and ``||`` phrase
alternatives in one cell (issue 11, session 19)."""
import pytest

from tqcheck.checks.lexicon import Expression, LexiconCheck, load_rules, read_rule_file
from tqcheck.errors import InputError
from tqcheck.tokens import joined_words, tokenize
from tests.checks.helpers import run_check

HEADER = "id\tcategory\tsource\tenglish\tcondition\tsuggestion\tseverity\tmqm\tnote\texample_source\texample_target"


def entry(source: str, english: str, lang: str, example_source: str, example_target: str, rule_id: str = "x"):
    line = (f"{rule_id}\tidiom\t{source}\t{english}\t\tbetter\tminor\taccuracy/mistranslation\ta note\t"
            f"{example_source}\t{example_target}")
    [rule] = read_rule_file("house.tsv", lang, f"{HEADER}\n{line}\n").rules
    return rule


# ---- words written with apostrophes or hyphens ---------------------------------------------------------
@pytest.mark.parametrize("lang, source, english, example_source, example_target", [
    ("uk", "обов'язковий ~0 порядок", "obligatory ~0 order", "у обов’язковому порядку", "in obligatory order"),
    ("uk", "обов'язковий ~0 порядок", "obligatory ~0 order", "в обовʼязковому порядку", "in obligatory order"),
    ("ru", "взлётно-посадочный ~0 полоса", "take-off ~0 landing ~0 strip", "на взлётно-посадочной полосе",
     "on the take‑off landing strip"),
    ("pt", "guarda-chuva", "rain-guard", "levou os guarda-chuvas", "took the rain-guards"),
    ("fr", "aujourd'hui", "to ~0 day's", "le pain d'aujourd'hui", "the bread of to day's"),
    ("it", "dell'anno", "of ~0 the ~0 year", "la festa dell’anno", "the party of the year"),
])
def test_an_entry_written_whole_matches_the_pieces(lang, source, english, example_source, example_target):
    rule = entry(source, english, lang, example_source, example_target)
    hit = rule.fires(example_source, example_target)
    assert hit is not None
    # the flagged source span is the whole word, every piece of it
    assert set(example_source[hit.source[0]:hit.source[1]]) & set("'’ʼ-")


def test_a_whole_word_entry_needs_the_joined_word():
    rule = entry("guarda-chuva", "rain-guard", "pt", "levou o guarda-chuva", "took the rain-guard")
    assert rule.fires("levou o guarda-chuva", "took the rain-guard").source == (8, 20)
    assert rule.fires("levou o guarda chuva", "took the rain-guard") is None     # two words, not the compound
    assert rule.fires("a chuva caiu", "took the rain-guard") is None              # one piece alone


def test_entries_naming_the_pieces_still_match_every_apostrophe():
    # uk-fq-pidizd-porch is written "під ~0 їзд*"; U+02BC now splits a word as ' and ’ do
    [rule] = [r for r in load_rules("uk") if r.id == "uk-fq-pidizd-porch"]
    for apostrophe in "'’ʼ":
        assert rule.fires(f"Біля під{apostrophe}їзду стоїть машина.", "A car stands by the porch.") is not None
    assert [t.text for t in tokenize("підʼїзд", "uk")] == ["під", "їзд"]


def test_joined_words_read_runs_of_pieces():
    text = "le pain d'aujourd'hui"
    tokens = tokenize(text, "fr")
    joined = joined_words(tokens, text, 0, "fr")
    assert sorted((i, last) for i, runs in joined.items() for last, _ in runs) == [(2, 3), (2, 4), (3, 4)]
    assert "aujourd'hui" in dict(joined[3])[4]
    assert joined_words(tokenize("le pain", "fr"), "le pain", 0, "fr") == {}


# ---- phrase alternatives -------------------------------------------------------------------------------
def test_phrase_alternatives_match_either_phrase_and_no_mixture():
    e = Expression.parse("town ~0 hall || city ~0 council", gap=0)
    assert list(e.find(tokenize("the city council met", "en"))) == [(1, 2)]
    assert list(e.find(tokenize("the town hall met", "en"))) == [(1, 2)]
    assert list(e.find(tokenize("the town council met", "en"))) == []      # `town|city ~0 hall|council` would
    assert [p.text for p in e.phrases] == ["town ~0 hall", "city ~0 council"]


def test_an_empty_phrase_is_an_error():
    with pytest.raises(InputError, match="line 2: empty phrase"):
        entry("plantilla", "template ||", "es", "La plantilla votó.", "The template voted.")


def test_source_phrase_alternatives_each_reach_the_index():
    rule = entry("caja ~0 común || bote ~0 común", "common ~0 box|pot", "es", "Pagan de la caja común.",
                 "They pay from the common box.", rule_id="house-caja-comun")
    assert rule.fires("Pagan del bote común.", "They pay from the common pot.") is not None
    check = LexiconCheck()
    check._rules["es"] = [rule]
    found = run_check(check, "Lo pagan del bote común.", "They pay it from the common pot.", "es")
    assert [(f.rule, f.target_span.text) for f in found] == [("house-caja-comun", "common pot")]
    assert run_check(check, "Lo pagan del bote.", "They pay it from the common pot.", "es") == []


# entries merged into one with `||` (session 19): the retired entry's example still fires the kept one
MERGED = [
    ("de-ni-fell-des-baeren", "Hier wird das Fell des Bären verteilt, bevor er erlegt ist.",
     "Here the bear's fur is being handed out before it has been shot."),
    ("es-ni-sena-identidad", "La música es una seña de identidad del barrio.",
     "Music is a sign of identity of the neighbourhood."),
    ("es-ni-tiron-de-orejas", "Bruselas dio un tirón de orejas al Gobierno.",
     "Brussels gave the government a pull of the ears."),
    ("es-sp-brazos-cruzados", "No podemos quedarnos de brazos cruzados.", "We cannot stay with arms crossed."),
    ("fr-ni-feu-de-dieu", "Cette année, les ventes marchent du feu de Dieu.",
     "This year sales are going with the fire of God."),
    ("pt-ni-idade-da-reforma", "A idade da reforma sobe para 66 anos e nove meses.",
     "The age of reform rises to 66 years and nine months."),
    ("pt-sp-situacao-de-rua", "O número de pessoas em situação de rua dobrou.",
     "The number of people in a situation of street doubled."),
    ("pt-sp-encarregado-de-educacao", "A reunião com os encarregados de educação é na sexta.",
     "The meeting with those in charge of education is on Friday."),
    ("pt-sp-ordem-profissional", "A Ordem dos Advogados pediu mais juízes.", "The Lawyers' Order asked for more judges."),
    ("de-se-heimwerker", "Viele Heimwerker greifen selbst zur Bohrmaschine.",
     "Many homeworkers pick up the drill themselves."),
]


@pytest.mark.parametrize("rule_id, source, target", MERGED)
def test_merged_entries_keep_both_phrasings(rule_id, source, target):
    [rule] = [r for r in load_rules(rule_id[:2]) if r.id == rule_id]
    assert rule.english.others, "written with || alternatives"
    assert rule.fires(source, target) is not None
    assert rule.fires(rule.example_source, rule.example_target) is not None


def test_condition_words_written_whole_hold():
    # uk-se-hurtok: only-with ... в'язання (knitting) ...; no other of its words is in the sentence
    [rule] = [r for r in load_rules("uk") if r.id == "uk-se-hurtok"]
    for apostrophe in "'’ʼ":
        assert rule.fires(f"Бабуся відвідує гурток в{apostrophe}язання.", "Grandma attends a knitting circle.")
    assert rule.fires("Бабуся відвідує гурток.", "Grandma attends a circle.") is None
