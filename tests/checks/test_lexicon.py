"""Lexicon entries by lemma: expressions, sense conditions, the tie to the source, user files."""
import pytest
from helpers import run_check, spans
from typer.testing import CliRunner

from tqcheck.checks import lexicon
from tqcheck.checks.lexicon import Expression, LexiconCheck, load_rules, read_rule_file
from tqcheck.cli import app
from tqcheck.errors import InputError
from tqcheck.tokens import tokenize

RULES = {r.id: r for r in load_rules(None)}

# Entries generalised beyond their first example (other inflections, the adverb of the same false friend,
# words in between, no protest word around): each must fire on this second example, flagging this span.
SECOND_EXAMPLES = [
    ("es-actual", "La situación actual es preocupante.", "The actual situation is worrying.", "actual"),
    ("es-eventual", "Eventualmente podría haber retrasos en la obra.",
     "Eventually there could be delays in the works.", "Eventually"),
    ("es-sensible", "Los precios bajaron sensiblemente en marzo.", "Prices fell sensibly in March.", "sensibly"),
    ("es-asistir", "La ministra asistió ayer a la reunión del consejo.",
     "The minister assisted yesterday the council meeting.", "assisted"),
    ("es-manifestacion", "La manifestación terminó pacíficamente.", "The manifestation ended peacefully.",
     "manifestation"),
    ("es-realizar", "El ejército realizará nuevas pruebas el lunes.", "The army will realise new tests on Monday.",
     "realise new tests"),
    ("es-exito", "Sus dos últimos discos fueron grandes éxitos de ventas.", "His last two albums were big sales exits.",
     "exits"),
    ("es-embarazada", "Las mujeres embarazadas recibirán la vacuna primero.",
     "Embarrassed women will receive the vaccine first.", "Embarrassed"),
    ("es-compromiso", "Los compromisos adquiridos en la cumbre no se han cumplido.",
     "The compromises made at the summit have not been fulfilled.", "compromises"),
    ("es-discusion-pelea", "La discusión entre los vecinos terminó con un herido.",
     "The discussion between the neighbours ended with one man injured.", "discussion"),
    ("es-largo", "Fue un proceso muy largo y costoso.", "It was a very large and costly process.", "large"),
    ("es-atentado", "El atentado de ayer fue reivindicado por el grupo.", "Yesterday's attempt was claimed by the group.",
     "attempt"),
    ("es-presunto", "La policía detuvo a un hombre presuntamente implicado en el robo.",
     "Police arrested a man presumably involved in the robbery.", "presumably"),
    ("de-aktuell", "Aktuell arbeiten dort rund 500 Menschen.", "Actually, around 500 people work there.", "Actually"),
    ("de-sensibel", "Der Minister reagierte sehr sensibel auf die Kritik.",
     "The minister reacted very sensibly to the criticism.", "sensibly"),
    ("fr-actuel", "Les dirigeants actuels du parti ont refusé.", "The party's actual leaders refused.", "actual"),
    ("it-attuale", "Gli attuali dirigenti del partito hanno rifiutato.", "The party's actual leaders refused.", "actual"),
    ("ru-aktualnyj", "Эта проблема остаётся актуальной для многих регионов.",
     "This problem remains actual for many regions.", "actual"),
    ("uk-aktualnyj", "Ця проблема залишається актуальною для багатьох регіонів.",
     "This problem remains actual for many regions.", "actual"),
    # "este" is "this" before a noun; only "el/al/del este" is the east, which keeps the compass sense out
    ("es-ff-direccion-gestion", "La dirección de la empresa presentó este jueves los datos a los sindicatos.",
     "The direction of the company presented the data to the unions this Thursday.", "direction"),
    # Christian clergy and shrine words place a храм among churches as much as церковь does (not "priests":
    # ancient temples had them too)
    ("ru-hram", "Архимандрит вынес святыню из храма.", "The archimandrite carried the relic out of the temple.",
     "temple"),
    ("uk-hram", "Архімандрит виніс святиню з храму.", "The archimandrite carried the relic out of the temple.",
     "temple"),
]


@pytest.mark.parametrize("rule_id, source, target, flagged", SECOND_EXAMPLES, ids=[e[0] for e in SECOND_EXAMPLES])
def test_generalised_entry_fires_on_its_second_example(rule_id, source, target, flagged):
    rule = RULES[rule_id]
    hit = rule.fires(source, target)
    assert hit is not None
    assert target[slice(*hit.target)] == flagged


def test_expression_allows_words_in_between_unless_told_otherwise():
    tokens = tokenize("Asistió ayer a la reunión.", "es")
    assert [tokens[i].text for i in next(Expression.parse("asistir a").find(tokens))] == ["Asistió", "a"]
    assert next(Expression.parse("asistir ~0 a").find(tokens), None) is None
    assert next(Expression.parse("asist* reunión").find(tokens), None) == (0, 4)


def test_sense_condition_keeps_the_other_sense_out():
    # "asistir a los heridos" is to help them: English "assist" is right there.
    assert RULES["es-asistir"].fires("Los médicos asistieron a los heridos tras la reunión.",
                                     "Doctors assisted the wounded after the meeting.") is None
    # "atentado contra su vida" is an attempt on his life.
    assert RULES["es-atentado"].fires("Sobrevivió a un atentado contra su vida en 2019.",
                                      "He survived an attempt on his life in 2019.") is None


# Correct translations that the news entries must leave alone: the English word is right in this sense.
COUNTER_EXAMPLES = [
    ("es-facilitar-datos", "El acuerdo facilitará el acceso a los datos.",
     "The agreement will facilitate access to the data."),
    ("es-renta", "La renta del departamento subió otra vez.", "The rent on the apartment went up again."),
    ("es-ignorar", "El gobierno ignoró las advertencias de los expertos.",
     "The government ignored the experts' warnings."),
    ("es-tomar-posesion", "La policía tomó posesión de la finca.", "Police took possession of the estate."),
    ("pt-tomar-posse", "O banco tomou posse do imóvel.", "The bank took possession of the property."),
    ("fr-parquet", "Le parquet en bois de la salle a brûlé.", "The wooden parquet of the hall burned."),
    ("it-crudo", "Il film usa un linguaggio crudo.", "The film uses crude language."),
    ("it-assumere", "I lavoratori hanno assunto un atteggiamento ostile.",
     "The workers assumed a hostile attitude."),
    ("ru-kommunalnye-uslugi", "Они жили в коммунальной квартире.", "They lived in a communal apartment."),
    ("ru-karer", "Он сделал блестящую карьеру в банке.", "He had a brilliant career at the bank."),
    ("uk-kariier", "Він зробив блискучу кар'єру в банку.", "He had a brilliant career at the bank."),
    ("uk-komunalni-posluhy", "Вони жили в комунальній квартирі.", "They lived in a communal apartment."),
    ("es-procesar", "Los funcionarios quieren procesar a los solicitantes más deprisa ante el tribunal.",
     "Officials want to process the applicants more quickly before the court."),
    ("fr-retraite", "L'armée a dû battre en retraite.", "The army had to retreat."),
    ("pt-esquadra", "A esquadra da Marinha partiu de Lisboa.", "The Navy squadron sailed from Lisbon."),
]


@pytest.mark.parametrize("rule_id, source, target", COUNTER_EXAMPLES, ids=[e[0] for e in COUNTER_EXAMPLES])
def test_news_entry_leaves_the_correct_sense_alone(rule_id, source, target):
    assert RULES[rule_id].fires(source, target) is None


def test_english_word_in_the_other_sentence_of_a_segment_is_not_the_rendering():
    check = LexiconCheck()
    source = "El actual presidente habló ayer. Los costes de la obra crecieron mucho."
    faulty = "The actual president spoke yesterday. The costs of the works grew a lot."
    unrelated = "The current president spoke yesterday. The actual costs of the works grew a lot."
    assert spans(run_check(check, source, faulty, "es")) == ["actual"]
    assert run_check(check, source, unrelated, "es") == []


def test_finding_offsets_point_into_the_documents():
    source = "Primera frase.\n\nLa manifestación terminó pacíficamente."
    target = "First sentence.\n\nThe manifestation ended peacefully."
    [finding] = run_check(LexiconCheck(), source, target, "es")
    assert (finding.rule, finding.target_span.text, finding.source_span.text) == \
        ("es-manifestacion", "manifestation", "manifestación")
    assert target[finding.target_span.start:finding.target_span.end] == "manifestation"
    assert source[finding.source_span.start:finding.source_span.end] == "manifestación"


def test_a_view_forgets_its_token_layers_past_the_kept_segments_and_computes_the_same_again(monkeypatch):
    from tqcheck.checks import base
    from tqcheck.model import Document, Segment
    from tqcheck.segment import segment_document

    monkeypatch.setattr(base, "KEPT_LAYERS", 2)
    source = "La manifestación terminó.\n\nEl actual presidente habló.\n\nLos precios bajaron."
    target = "The manifestation ended.\n\nThe actual president spoke.\n\nPrices fell."
    src, tgt = Document(source, "es"), Document(target, "en")
    src.sentences, tgt.sentences = segment_document(source, "es"), segment_document(target, "en")
    views = base.build_views(src, tgt, [Segment(k, (k,), (k,)) for k in range(3)])
    first = views[0].tokens
    views[1].tokens, views[1].context_tokens, views[2].tokens
    assert ["tokens" in v.__dict__ for v in views] == [False, True, True]
    assert views[0].tokens is not first and views[0].tokens.target == first.target
    assert [t.text for t in first.source] == ["La", "manifestación", "terminó"]


def test_the_lexicon_check_finds_the_same_with_one_segment_s_layers_kept(monkeypatch):
    from tqcheck.checks import base

    source = "La manifestación terminó.\n\nEl actual presidente habló.\n\nLos precios bajaron sensiblemente."
    target = "The manifestation ended.\n\nThe actual president spoke.\n\nPrices fell sensibly."
    kept = [(f.rule, f.target_span) for f in run_check(LexiconCheck(), source, target, "es")]
    monkeypatch.setattr(base, "KEPT_LAYERS", 1)
    assert [(f.rule, f.target_span) for f in run_check(LexiconCheck(), source, target, "es")] == kept
    assert [rule for rule, _ in kept] == ["es-manifestacion", "es-actual", "es-sensible"]


HEADER = ("id\tcategory\tsource\tenglish\tcondition\tsuggestion\tseverity\tmqm\tnote\texample_source\t"
          "example_target")
USER_ENTRY = ("house-plantilla\tidiom\tplantilla\ttemplate\tnot-with: documento|formulario\tstaff / workforce\t"
              "major\taccuracy/mistranslation\tA company's \"plantilla\" is its staff.\t"
              "La plantilla de la fábrica irá a la huelga.\tThe factory's template will go on strike.")


def test_user_lexicon_in_the_new_format(tmp_path):
    path = tmp_path / "house.tsv"
    path.write_text(f"# version: 3\n{HEADER}\n{USER_ENTRY}\n", encoding="utf-8")
    [rule] = read_rule_file(path, "*").rules
    assert rule.fires(rule.example_source, rule.example_target, "es")
    findings = run_check(LexiconCheck([path]), "Toda la plantilla votó la huelga.", "The whole template voted.",
                         "es")
    assert [(f.rule, f.target_span.text) for f in findings] == [("house-plantilla", "template")]
    assert run_check(LexiconCheck([path]), "Rellene la plantilla del formulario.", "Fill in the form template.",
                     "es") == []


def test_user_lexicon_in_the_legacy_regex_format_is_converted_on_load(tmp_path):
    path = tmp_path / "old.tsv"
    path.write_text("id\tcategory\tsource\ttarget\tcontext\tsuggestion\tseverity\tmqm\tnote\texample_source\t"
                    "example_target\nold-plantilla\tidiom\t\\bplantillas?\\b\t\\btemplates?\\b\t\tstaff\tmajor\t"
                    "accuracy/mistranslation\tstaff\tLa plantilla irá a la huelga.\tThe template will strike.\n",
                    encoding="utf-8")
    [rule] = read_rule_file(path, "*").rules
    assert rule.source is None and rule.source_re.pattern == r"\bplantillas?\b"
    assert rule.fires(rule.example_source, rule.example_target, "es")


def test_a_bad_condition_says_which_words_are_allowed(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(f"{HEADER}\n{USER_ENTRY.replace('not-with:', 'unless:')}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv: line 2: bad condition 'unless: .*only-with, not-with"):
        read_rule_file(path, "*")


def test_cli_lists_and_applies_a_user_lexicon(tmp_path):
    path = tmp_path / "house.tsv"
    path.write_text(f"{HEADER}\n{USER_ENTRY}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--pair", "es-en", "--lexicon", str(path)])
    assert result.exit_code == 0, result.output
    assert "house-plantilla\tidiom\tmajor" in result.output


def test_a_name_carried_over_is_not_a_false_friend():
    # es-sano: "sano" is healthy, English "sane" is not; but Sane here is a footballer's name in both texts.
    assert RULES["es-sano"].fires("Hizo un pase al flanco izquierdo para Leroy Sane.",
                                  "He passed along the left flank to Leroy Sane.") is None


def test_a_name_at_the_start_of_a_sentence_is_known_from_the_sentence_before():
    # The same name opens the next sentence: capitalised there anyway, so only the sentence before shows it is a name.
    source = "Hizo un pase al flanco izquierdo para Leroy Sane.\n\nSane le dio algunos toques antes de tirar."
    target = "He passed along the left flank to Leroy Sane.\n\nSane took a few touches before shooting."
    assert run_check(LexiconCheck(), source, target, "es") == []
    alone = run_check(LexiconCheck(), source.split("\n\n")[1], target.split("\n\n")[1], "es")
    assert [f.rule for f in alone] == ["es-sano"]


def test_a_name_carried_over_without_its_case_ending():
    # de-gymnasium: a school's own name (des Sankt-Jakobus-Gymnasiums) kept in English is no false friend
    rule = RULES["de-gymnasium"]
    assert rule.fires("Das erlebten die 9. Klassen des Sankt-Jakobus-Gymnasiums in Abtsgmünd.",
                      "This was experienced by 9th graders of the Sankt-Jakobus-Gymnasium in Abtsgmünd.") is None
    assert rule.fires("Das erlebten die 9. Klassen des Gymnasiums in Abtsgmünd.",
                      "This was experienced by 9th graders of the gymnasium in Abtsgmünd.")


def test_a_name_in_cyrillic_carried_over_is_not_a_false_friend():
    # ru-lt-baton (optional list): "батон" is a loaf, but Батон-Руж is Baton Rouge.
    [rule] = [r for r in load_rules("ru", ["languagetool-false-friends"]) if r.id == "ru-lt-baton"]
    assert rule.fires("Как сообщила полиция Батон-Ружа, подозреваемый арестован.",
                      "The suspect has been arrested, the Baton Rouge police said.") is None
    assert rule.fires(rule.example_source, rule.example_target)


def test_optional_bundled_list_is_off_until_named():
    assert not any(r.id.startswith("de-lt-") for r in load_rules("de"))
    named = load_rules("de", ["languagetool-false-friends"])
    assert any(r.id == "de-lt-rezept" for r in named)
    assert not any(r.id.startswith("es-lt-") for r in named)


def test_config_lexicons_take_the_new_format(tmp_path):
    from tqcheck.checks import build_checks
    from tqcheck.config import Config

    (tmp_path / "house.tsv").write_text(f"{HEADER}\n{USER_ENTRY}\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('lexicons = ["house.tsv", "languagetool-false-friends"]\n',
                                           encoding="utf-8")
    [check] = [c for c in build_checks(Config.load(tmp_path / "tqcheck.toml")) if c.name == "lexicon"]
    findings = run_check(check, "La plantilla recibió el nuevo formulario de vacaciones. Lea el prospecto.",
                         "The template received the new holiday form. Read the prospect.", "es")
    assert [f.rule for f in findings] == ["es-lt-prospecto"]
    findings = run_check(check, "La plantilla de la empresa irá a la huelga.", "The company's template will strike.",
                         "es")
    assert [f.rule for f in findings] == ["house-plantilla"]


@pytest.mark.parametrize("lang", ["de", "es", "fr", "it", "pt", "ru", "uk"])
def test_the_index_offers_every_entry_on_its_own_example(lang):
    # The check tries a segment only against the index's candidates: an entry it left out would never fire.
    from tqcheck.checks.lexicon import _Index, example_view

    rules = load_rules(lang)
    index = _Index(rules)
    missed = [r.id for r in rules if r.id not in {c.id for c in index.candidates(
        example_view(r.example_source, r.example_target, lang))}]
    assert len(rules) > 10 and missed == []


def test_the_index_leaves_out_entries_whose_first_word_is_absent():
    from tqcheck.checks.lexicon import _Index, example_view

    rules = load_rules("ru")
    offered = _Index(rules).candidates(example_view("Погода сегодня хорошая.", "The weather is fine today.", "ru"))
    assert len(offered) < len(rules) // 4


def test_the_index_leaves_out_entries_missing_a_later_word():
    # "в" starts several entries (в связи с, в качестве ...): a segment with "в" but none of their other words is
    # tried against none of them, one that holds every word of one is tried against that one.
    from tqcheck.checks.lexicon import _Index, example_view

    rules = load_rules("ru")
    index = _Index(rules)
    starting = [r for r in rules if r.source and "в" in r.source.words[0].forms and len(r.source.words) > 1]
    offered = {r.id for r in index.candidates(example_view("Он живёт в Москве.", "He lives in Moscow.", "ru"))}
    assert len(starting) > 2 and offered.isdisjoint(r.id for r in starting)
    rule = starting[0]
    assert rule.id in {r.id for r in index.candidates(example_view(rule.example_source, rule.example_target, "ru"))}


# ---- pronoun sets (rules/pronouns.tsv, session 16) ----------------------------------------------------------
def test_a_listed_possessive_stands_for_every_person_in_source_and_english():
    entry = {r.id: r for r in load_rules("es")}["es-hacer-su-agosto"]
    source = "«Diciembre es cuando hacemos nuestro agosto», resume Guadalupe."
    assert entry.fires(source, "\"December is when we make our August,\" says Guadalupe.") is not None
    assert entry.fires(source, "\"December is when we make a killing,\" says Guadalupe.") is None


def test_a_listed_reflexive_stands_for_every_person():
    entry = {r.id: r for r in load_rules("pt")}["pt-sp-cair-em-si"]
    assert entry.fires("Ainda não caí em mim.", "I still haven't fallen into myself.") is not None
    assert entry.fires("Ainda não caí em mim.", "It still hasn't sunk in.") is None


def test_an_ambiguous_pronoun_alone_widens_nothing():
    her = lexicon.pronoun_sets(lexicon.Expression.parse("tell ~0 her"), "en")
    assert her.words[1].forms == frozenset({"her"})
    their = lexicon.pronoun_sets(lexicon.Expression.parse("their ~0 turn"), "en")
    assert {"our", "my", "her"} <= their.words[0].forms
    verb = lexicon.pronoun_sets(lexicon.Expression.parse("im ~0 Bilde ~0 sein"), "de")
    assert verb.words[2].forms == frozenset({"sein"})
