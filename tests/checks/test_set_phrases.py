"""Set phrases rendered word for word (``rules/<src>-en/set-phrases.tsv``): every language's file loads with
the bundled entries, each entry fires on its own example (``test_resources``), and the idiomatic English
rendering of the same source sentence gives no finding."""
import pytest

from tqcheck.checks.lexicon import bundled_rule_files, load_rules

LANGS = ["es", "fr", "de", "it", "pt", "ru", "uk"]

# (language, entry, source, the idiomatic English a careful translator writes): the entry stays quiet.
IDIOMATIC = [
    ("es", "es-sp-sin-embargo", "Sin embargo, el Gobierno no ha aprobado el presupuesto.",
     "However, the government has not approved the budget."),
    ("es", "es-sp-pasar-factura", "La crisis pasó factura al partido en las urnas.",
     "The crisis took its toll on the party at the polls."),
    ("es", "es-sp-mano-dura", "El candidato promete mano dura contra la delincuencia.",
     "The candidate promises a crackdown on crime."),
    ("fr", "fr-sp-faire-la-une", "L'affaire a fait la une de tous les journaux.",
     "The affair made the front page of every newspaper."),
    ("fr", "fr-sp-prendre-en-charge", "Les blessés ont été pris en charge par les pompiers.",
     "The injured were treated by the firefighters."),
    ("fr", "fr-sp-coup-d-envoi", "Le maire a donné le coup d'envoi du festival.",
     "The mayor kicked off the festival."),
    ("de", "de-sp-in-frage-kommen", "Für den Posten kommen drei Kandidaten in Frage.",
     "Three candidates are being considered for the post."),
    ("de", "de-sp-ins-wasser-fallen", "Das Konzert fällt wegen des Sturms ins Wasser.",
     "The concert has been called off because of the storm."),
    ("de", "de-sp-ueber-den-berg", "Die Wirtschaft ist noch nicht über den Berg.",
     "The economy is not yet out of the woods."),
    ("it", "it-sp-in-seguito-a", "La strada è stata chiusa in seguito a una frana.",
     "The road was closed following a landslide."),
    ("it", "it-sp-fare-acqua", "La difesa fa acqua da tutte le parti.",
     "The defence is falling apart."),
    ("it", "it-sp-nel-mirino", "Le banche sono nel mirino dell'antitrust.",
     "The banks are in the crosshairs of the competition authority."),
    ("pt", "pt-sp-dar-certo", "O plano deu certo.", "The plan worked."),
    ("pt", "pt-sp-meter-agua", "O ministro voltou a meter água.", "The minister blundered again."),
    ("pt", "pt-sp-preco-de-banana", "As casas foram vendidas a preço de banana.",
     "The houses were sold dirt cheap."),
    ("ru", "ru-sp-na-nosu", "Зима на носу, а отопления нет.",
     "Winter is just around the corner, and there is no heating."),
    ("ru", "ru-sp-v-litse", "Государство в лице министерства выкупило акции.",
     "The state, represented by the ministry, bought back the shares."),
    ("ru", "ru-sp-po-kraynei-mere", "Погибли по крайней мере пять человек.", "At least five people died."),
    ("uk", "uk-sp-na-nosi", "Зима на носі, а опалення немає.",
     "Winter is just around the corner, and there is no heating."),
    ("uk", "uk-sp-hlukhyi-kut", "Переговори зайшли в глухий кут.", "The negotiations reached a deadlock."),
    ("uk", "uk-sp-daty-radu", "Місто не може дати раду зі сміттям.", "The city cannot cope with the rubbish."),
]

# A sense condition keeps the literal reading out: the same words used literally give no finding.
LITERAL = [
    ("de", "de-sp-ueber-den-berg", "Die Straße führt über den Berg.", "The road leads over the mountain."),
    ("it", "it-sp-fare-acqua", "La nave fa acqua dopo l'urto con lo scoglio.",
     "The ship is making water after hitting the rock."),
    ("ru", "ru-sp-poezd-ushel", "Поезд ушёл с вокзала в семь утра.", "The train left the station at seven."),
]


def rule(lang: str, rule_id: str):
    return next(r for r in load_rules(lang) if r.id == rule_id)


# session 16 added es, fr, it and pt entries (version 2); session 19 merged es and pt entries with `||` (version 3)
VERSIONS = {"es": "3", "fr": "2", "it": "2", "pt": "3"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_set_phrase_file_loads_with_the_bundled_entries(lang):
    files = {f.path.rsplit("/", 1)[-1]: f for f in bundled_rule_files(lang)}
    phrases = files["set-phrases.tsv"]
    assert phrases.version == VERSIONS.get(lang, "1") and len(phrases.rules) >= 60
    assert all(r.id.startswith(f"{lang}-sp-") and r.category == "idiom" for r in phrases.rules)


@pytest.mark.parametrize("lang,rule_id,source,target", IDIOMATIC + LITERAL, ids=lambda v: v if isinstance(v, str)
                         and "-sp-" in v else None)
def test_idiomatic_or_literal_english_gives_no_finding(lang, rule_id, source, target):
    entry = rule(lang, rule_id)
    assert entry.fires(source, target) is None
    assert entry.fires(entry.example_source, entry.example_target) is not None


def test_every_language_has_three_idiomatic_counter_examples():
    assert {lang: sum(1 for c in IDIOMATIC if c[0] == lang) for lang in LANGS} == dict.fromkeys(LANGS, 3)
