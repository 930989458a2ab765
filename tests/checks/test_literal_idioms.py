"""Idioms whose word-for-word English is found by word vectors (``english`` = ``@literal``, session 12): the entry
lists no wording, so any literal rendering of the idiom's images fires, and the idiomatic English stays quiet."""
import pytest

from tqcheck.checks import lexicon
from tqcheck.checks.lexicon import bundled_rule_files, load_rules, read_rule_file

LANGS = ["de", "es", "fr", "it", "pt", "ru"]

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


def test_ukrainian_has_no_word_vectors_so_a_literal_entry_stays_quiet():
    entry = user_entry()
    assert entry.fires("Медсестри ледве тримаються.", "The nurses walk on their gums.", "uk") is None


def test_listed_entries_do_not_fall_back_on_word_vectors_by_default():
    # dev sets 1-8: one row for 17 false findings; set 9: no row for 30 (bench/idiom_literal.py, session 12)
    assert lexicon.LITERAL_FALLBACK is False
    entry = rule("de", "de-ni-fell-des-baeren")
    assert entry.fires("Man verteilt das Fell des Bären, bevor er erlegt ist.",
                       "They are handing out the bear's fur before it has been shot.") is None
