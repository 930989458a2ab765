import pytest

from helpers import run_check, spans
from tqcheck.checks.cognates import CognateCheck, cognate, false_friends
from tqcheck.resources import read_table

# (source, English with a rare cognate of a common source word, the cognate)
RARE_COGNATES = {
    "es": ("El Ayuntamiento abrirá en marzo la convocatoria de ayudas al alquiler.",
           "The city council will open in March the convocatory of rental aid.", "convocatory"),
    "fr": ("La disponibilité des lits reste limitée dans les hôpitaux de la région.",
           "The disponibility of beds remains limited in the region's hospitals.", "disponibility"),
    "de": ("Die Abiturienten des Landes schreiben am Montag die Mathematikprüfung.",
           "The state's abiturients sit the mathematics exam on Monday.", "abiturients"),
    "pt": ("A contratação de professores ficará a cargo da prefeitura.",
           "The contratation of teachers will be the responsibility of the city hall.", "contratation"),
    "it": ("La programmazione degli interventi sarà presentata dalla Regione a giugno.",
           "The programmation of the works will be presented by the Region in June.", "programmation"),
    "ru": ("Регион получит дотации из федерального бюджета.",
           "The region will receive dotations from the federal budget.", "dotations"),
    "uk": ("Громади отримають дотації з державного бюджету.",
           "The communities will receive dotations from the state budget.", "dotations"),
}

# The same sentences as a professional would write them: quiet.
PROFESSIONAL = {
    "es": "The city council will open applications for rental aid in March.",
    "fr": "Bed availability remains limited in the region's hospitals.",
    "de": "The state's school-leavers sit the mathematics exam on Monday.",
    "pt": "Hiring teachers will be the responsibility of the city hall.",
    "it": "The region will present its schedule of works in June.",
    "ru": "The region will receive subsidies from the federal budget.",
    "uk": "The communities will receive subsidies from the state budget.",
}


@pytest.mark.parametrize("lang", sorted(RARE_COGNATES))
def test_rare_cognate_of_a_common_source_word(lang):
    source, target, word = RARE_COGNATES[lang]
    findings = run_check(CognateCheck(), source, target, lang)
    assert spans(findings) == [word]
    assert findings[0].rule == "cognate-rare" and findings[0].severity == "minor"
    assert findings[0].category == "idiom"


@pytest.mark.parametrize("lang", sorted(PROFESSIONAL))
def test_professional_rendering_is_quiet(lang):
    assert run_check(CognateCheck(), RARE_COGNATES[lang][0], PROFESSIONAL[lang], lang) == []


def test_rare_word_in_capitals_or_quotes_is_a_name_not_a_cognate():
    source = "El buque «Convocatoria» zarpó ayer."
    assert run_check(CognateCheck(), source, "The ship “Convocatoria” sailed yesterday.", "es") == []
    assert run_check(CognateCheck(), source, "The ship 'convocatory' sailed yesterday.", "es") == []


def test_the_same_word_is_not_a_cognate_but_an_untranslated_word():
    assert not cognate("convocatoria", "convocatoria", "es")
    assert not cognate("convocatorias", "convocatoria", "es")
    assert cognate("contrahents", "kontrahenten", "de")
    assert not cognate("wagonways", "wagons", "fr")     # an English compound, not the French word


# LanguageTool pairs that no bundled list rule covers: (source, faulty English, look-alike, a meaning)
FALSE_FRIENDS = {
    "es": ("El prospecto del medicamento no menciona ese efecto.",
           "The prospect of the medicine does not mention that effect.", "prospect", "brochure"),
    "fr": ("Les adeptes du vélo se sont réunis devant la mairie.",
           "The adepts of cycling gathered in front of the town hall.", "adepts", "follower"),
    "de": ("Der Unternehmer eröffnete am Montag ein neues Werk in Sachsen.",
           "The undertaker opened a new plant in Saxony on Monday.", "undertaker", "business person"),
    "it": ("La concorrenza dei porti del nord preoccupa gli operatori di Genova.",
           "The concurrence of the northern ports worries Genoa's operators.", "concurrence", "competition"),
    "ru": ("Трансляция матча начнется в восемь вечера.",
           "The translation of the match will start at eight in the evening.", "translation", "broadcast"),
}


@pytest.mark.parametrize("lang", sorted(FALSE_FRIENDS))
def test_languagetool_false_friend_pair(lang):
    source, target, word, meaning = FALSE_FRIENDS[lang]
    findings = run_check(CognateCheck(), source, target, lang)
    assert spans(findings) == [word]
    assert findings[0].rule == f"false-friend-{lang}"
    assert meaning in findings[0].message and meaning in findings[0].suggestion


def test_false_friend_pair_is_quiet_on_the_right_translation():
    source, _, _, _ = FALSE_FRIENDS["ru"]
    assert run_check(CognateCheck(), source, "The broadcast of the match will start at 8 pm.", "ru") == []


def test_entries_turned_off_stay_off_and_name_real_entries():
    listed = {(r["lang"], r["source"]) for path in ("languagetool.tsv", "carried.tsv")
              for r in read_table(f"false-friends/{path}")}
    off = [(r["lang"], r["source"]) for r in read_table("false-friends/languagetool-off.tsv")]
    assert off and all(entry in listed for entry in off)
    assert "forma" not in false_friends("es") and "actual" in false_friends("es")


# Pairs carried to a sister Romance language's cognate (carried.tsv): (source, faulty English, look-alike, meaning,
# the seed named in the message)
CARRIED = {
    "pt": ("Os alunos aprendem um segundo idioma a partir dos oito anos.",
           "Pupils learn a second idiom from the age of eight.", "idiom", "language", "Spanish “idioma”"),
    "es": ("La etiqueta del envase indica la fecha de caducidad.",
           "The etiquette on the package shows the expiry date.", "etiquette", "label", "Italian “etichetta”"),
}


@pytest.mark.parametrize("lang", sorted(CARRIED))
def test_false_friend_carried_from_a_sister_language(lang):
    source, target, word, meaning, seed = CARRIED[lang]
    findings = run_check(CognateCheck(), source, target, lang)
    assert spans(findings) == [word]
    assert findings[0].rule == f"false-friend-{lang}"
    assert seed in findings[0].message and meaning in findings[0].suggestion


def test_carried_pair_is_quiet_on_the_right_translation_and_when_turned_off():
    assert run_check(CognateCheck(), CARRIED["pt"][0], "Pupils learn a second language from the age of eight.",
                     "pt") == []
    assert "idioma" in false_friends("pt") and "carpete" not in false_friends("pt")   # carpete is a carpet


def test_carried_rows_name_a_seed_of_another_language_and_keep_the_licence():
    from importlib import resources
    rows = read_table("false-friends/carried.tsv")
    assert rows and all(r["lang"] != r["from_lang"] and float(r["sim_source"]) >= 0.8 for r in rows)
    for row in rows:
        seeds = read_table(row["from_file"])
        assert any(row["from_source"] in s["source"].split("|") for s in seeds), row
    text = (resources.files("tqcheck.resources") / "false-friends" / "carried.tsv").read_text(encoding="utf-8")
    assert "LGPL-2.1-or-later" in text.split("\ngroup\t")[0]


def test_languagetool_data_keeps_its_licence_and_attribution():
    from importlib import resources
    text = (resources.files("tqcheck.resources") / "false-friends" / "languagetool.tsv").read_text(encoding="utf-8")
    header = text.split("\ngroup\t")[0]
    assert "LGPL-2.1-or-later" in header and "Daniel Naber" in header and "languagetool-org" in header


def test_a_list_rule_on_the_same_span_wins():
    # es-actual (rules/es-en/idioms.tsv) already flags "actual"; the LanguageTool pair stays quiet there.
    source, target = "La situación actual del país preocupa a los inversores.", "The actual situation worries investors."
    assert run_check(CognateCheck(), source, target, "es") == []


def test_one_finding_per_english_word():
    source = "Der Unternehmer und sein Sohn, auch Unternehmer, eröffneten ein Werk."
    target = "The undertaker and his son, also an undertaker, opened a plant."
    found = run_check(CognateCheck(), source, target, "de")
    assert spans(found) == ["undertaker", "undertaker"]
    assert [f.source_span.text for f in found] == ["Unternehmer", "Unternehmer"]
    assert found[0].target_span.start != found[1].target_span.start


@pytest.mark.parametrize("lang, source", [
    ("fr", "« Cela indique qu’elle ne possède pas le tempérament nécessaire pour être membre du Congrès."),
    ("pt", "Isso sugere que ela não tem o temperamento para ser uma Congressista."),
])
def test_misspelt_cognate_is_called_a_misspelling(lang, source):
    findings = run_check(CognateCheck(), source, "This suggests she doesn't have the temperment to be a Member of "
                                                 "Congress.", lang)
    assert [(f.rule, f.target_span.text, f.suggestion, f.mqm) for f in findings] == [
        ("cognate-rare", "temperment", "write “temperament”", "fluency/spelling")]
    assert "a misspelling of “temperament”" in findings[0].message


def test_english_compound_is_no_cognate():
    source = ("Obwohl die Fördergleise nur aus parallelen Holzbrettern bestanden, erlaubten sie den Pferden, welche die "
              "Waggons zogen, höhere Geschwindigkeiten.")
    target = "Although wagonways merely consisted of parallel planks, they allowed horses to achieve greater speeds."
    assert run_check(CognateCheck(), source, target, "de") == []


def test_a_rare_english_term_about_as_frequent_as_the_source_word_is_no_cognate():
    # pipistrelle (Zipf 1.5) is the English name of the bat; it pipistrelli (3.2) is not 100 times as frequent.
    source = "Lo studio seguirà pipistrelli comuni e soprano nei giardini."
    assert run_check(CognateCheck(), source, "The study will follow common and soprano pipistrelles in the gardens.",
                     "it") == []
    # capacitation (1.2) against es capacitación (4.2): carried over.
    assert spans(run_check(CognateCheck(), "El personal recibirá una capacitación en marzo.",
                           "The staff will receive a capacitation in March.", "es")) == ["capacitation"]


# A word English has never seen (Zipf 0) mirroring a known source word, however uncommon in its own language;
# a rare one (Zipf 1.5-2.0) whose cognate key is one letter from the source word's; Cyrillic ж/-ge, г/g, -olog/-ologist.
UNSEEN_COGNATES = [
    ("pt", "O plano prevê a dinamização do comércio local.", "The plan provides for the dynamization of local trade.",
     "dynamization"),
    ("fr", "Les pompiers ont procédé à la désincarcération du conducteur.",
     "The firefighters carried out the disincarceration of the driver.", "disincarceration"),
    ("uk", "Собак шукати вибухівку навчають кінологи.", "The dogs are trained to find explosives by cynologists.",
     "cynologists"),
    ("ru", "Кинологи полиции провели показательные выступления.", "Police cynologists gave a demonstration.",
     "cynologists"),
    ("uk", "Дітей у садочку оглядають педіатр і дефектолог.",
     "The kindergarten's children are examined by a paediatrician and a defectologist.", "defectologist"),
]
FORMED_IN_ENGLISH = [   # English word formation or an established loan, however rare: quiet
    ("fr", "Le technicien assure le reprofilage des roues.", "The technician handles wheel reprofiling."),
    ("fr", "Il faudra réinjecter l'eau dans la nappe.", "The water will have to be reinjecting into the aquifer."),
    ("ru", "Станция выработала миллион гигакалорий.", "The plant produced a million gigacalories."),
    ("uk", "Сир коштує 400 гривень за кілограм.", "The cheese costs 400 hryvnias a kilogram."),
    ("it", "Le imprese coloniali arruolavano i coloni.", "The colonisers' companies enlisted the settlers."),
    # left to the untranslated and titles checks: a source word kept, romanised or not, and an office's calque
    ("pt", "Cada família comprou um manjerico para a festa.", "Each family bought a manjerico for the festival."),
    ("ru", "Почтальоны вышли на забастовку.", "The pochtalyony went on strike."),
    ("pt", "O bastonário da Ordem dos Engenheiros criticou a lei.", "The bastonary of the Order of Engineers criticised it."),
]


@pytest.mark.parametrize("lang, source, target, word", UNSEEN_COGNATES)
def test_cognate_english_has_never_seen_or_one_letter_apart(lang, source, target, word):
    findings = run_check(CognateCheck(), source, target, lang)
    assert [(f.rule, f.target_span.text) for f in findings] == [("cognate-rare", word)]


@pytest.mark.parametrize("lang, source, target", FORMED_IN_ENGLISH)
def test_english_word_formation_and_loans_are_no_cognates(lang, source, target):
    assert run_check(CognateCheck(), source, target, lang) == []


def test_cyrillic_spelling_correspondences():
    assert cognate("montage", "montazh", "ru") and cognate("biology", "biolohiia", "uk")
    assert cognate("humanitarian", "humanitarnyi", "uk")     # uk г is h here: both readings are tried
    assert not cognate("colonisers", "coloniale", "it", strict=True) and cognate("cathedra", "kafedra", "uk", True)


# An entry listed as an adverb catches the adjective and back (derivation.tsv): (source, English, look-alike).
DERIVED = {
    "es": ("Los vecinos reaccionaron comprensiblemente con enfado.",
           "The residents comprehensively reacted with anger.", "comprehensively"),   # listed: comprensible
    "it": ("Il risultato definitivo arriverà domani.",
           "The definite result will arrive tomorrow.", "definite"),            # listed: definitivamente
    "de": ("Die Buslinie wird seit Jahren rentabel betrieben.",
           "The bus line has been run rentably for years.", "rentably"),        # listed English: rentable
}
DERIVED_RIGHT = {
    "es": "The residents understandably reacted with anger.",
    "it": "The final result will arrive tomorrow.",
    "de": "The bus line has been run profitably for years.",
}


@pytest.mark.parametrize("lang", sorted(DERIVED))
def test_false_friend_in_the_other_part_of_speech(lang):
    source, target, word = DERIVED[lang]
    findings = run_check(CognateCheck(), source, target, lang)
    assert spans(findings) == [word] and findings[0].rule == f"false-friend-{lang}"
    assert run_check(CognateCheck(), source, DERIVED_RIGHT[lang], lang) == []


def test_derivation_ties_adverbs_to_adjectives():
    from tqcheck.checks.cognates import english_lemmas, source_keys
    assert "actual" in source_keys("actualmente", "es") and "definitivamente" in source_keys("definitivo", "it")
    assert "actuel" in source_keys("actuellement", "fr")
    assert {"actual", "actually"} <= english_lemmas("actually") and "definitely" in english_lemmas("definite")


def test_a_short_quoted_source_title_is_a_name():
    # "Актуальная камера" is an Estonian news programme, kept in Estonian; the same word outside a title is a cognate
    title = "Протесты прошли в Денвере, сообщила в воскресенье \"Актуальная камера\"."
    assert run_check(CognateCheck(), title, "Protests were held in Denver, Aktuaalne kaamera reported on Sunday.",
                     "ru") == []
    plain = "Протесты снимала камера на крыше."
    assert spans(run_check(CognateCheck(), plain, "The protests were filmed by a kaamera on the roof.", "ru")) == \
        ["kaamera"]


def test_a_pair_a_list_rule_covers_is_left_to_its_sense_conditions():
    # it-libreria stays quiet on a music library (not-with: musical*); LanguageTool's LIBRARY entry must too, and both
    # still speak of a bookshop
    music = "Può includere calendari, librerie musicali e altri strumenti."
    assert run_check(CognateCheck(), music, "It can contain calendars, music libraries and other tools.", "it") == []
    shop = "Ha aperto una piccola libreria nel centro di Bologna."
    found = run_check(CognateCheck(), shop, "She opened a small library in the centre of Bologna.", "it")
    assert found == []      # the list rule it-libreria reports this one (tests/checks/test_lexicon.py)
    from tqcheck.checks.lexicon import LexiconCheck
    assert [f.rule for f in run_check(LexiconCheck(), shop, "She opened a small library in the centre of Bologna.",
                                      "it")] == ["it-libreria"]


def test_a_false_friend_whose_meaning_another_word_renders_is_quiet():
    # "eventuell" is rendered by "perhaps" (possibly); "eventually" translates something else of the sentence
    source = "Er wird wieder vor die Wähler treten und eventuell vor eine Jury."
    assert run_check(CognateCheck(), source, "He will face the voters again, and perhaps eventually a jury.", "de") == []
    from tqcheck.checks.lexicon import LexiconCheck
    assert run_check(LexiconCheck(), source, "He will face the voters again, and perhaps eventually a jury.", "de") == []
    # without "perhaps" the false friend is reported (by the list rule de-eventuell, which the generic entry defers to)
    assert [f.rule for f in run_check(LexiconCheck(), source, "He will face the voters again, and eventually a jury.",
                                      "de")] == ["de-eventuell"]


def test_rendered_elsewhere_needs_a_near_meaning():
    from tqcheck.checks.cognates import _rendered_elsewhere, false_friends
    from tqcheck.checks.words import words
    entry = false_friends("de")["eventuell"][0]
    for text, expected in (("and perhaps eventually a jury", True), ("and eventually a jury", False)):
        target = words(text)
        lookalike = next(w for w in target if w.text == "eventually")
        assert _rendered_elsewhere(entry, lookalike, target, "de") is expected


def test_the_articles_subject_is_no_cognate():
    """A term the English keeps three times or more is kept on purpose, not a carried cognate (pysanka, a loan now,
    was the first such case)."""
    source = ("Школа має свого дефектолога.\n\nДефектолог працює щодня.\n\nДефектологом є Олена.")
    target = ("The school has its own defectologist.\n\nThe defectologist works every day.\n\n"
              "The defectologist is Olena.")
    assert run_check(CognateCheck(), source, target, "uk") == []
    assert spans(run_check(CognateCheck(), source.split("\n\n")[0], target.split("\n\n")[0], "uk")) == ["defectologist"]


# Session 16: an English word English knows but seldom uses (Zipf 2.0-2.5) carried over for a source word 10
# times as frequent whose cognate key it shares exactly; a word English has never seen whose vowels were respelt near its start.
UNCOMMON_COGNATES = [
    ("ru", "Администрация сада ввела продажу билетов на сеансы.",
     "The garden's management introduced tickets for seances.", "seances"),
    ("uk", "Музей продає квитки на сеанси по пів години.",
     "The museum sells tickets for half-hour seances.", "seances"),
    ("ru", "Из-за прошлогоднего ажиотажа администрация ввела билеты.",
     "Because of last year's agiotage, the management introduced tickets.", "agiotage"),
    ("fr", "Les moniteurs vérifient les mousquetons avant chaque parcours.",
     "The instructors check the musketoons before each course.", "musketoons"),
]
UNCOMMON_RIGHT = [   # the same sources rendered as a professional would, and true cognates at that frequency: quiet
    ("ru", "Администрация сада ввела продажу билетов на сеансы.",
     "The garden's management introduced tickets for timed sessions."),
    ("uk", "Музей продає квитки на сеанси по пів години.",
     "The museum sells tickets for half-hour sessions."),
    ("ru", "Из-за прошлогоднего ажиотажа администрация ввела билеты.",
     "Because of last year's frenzy, the management introduced tickets."),
    ("fr", "Les moniteurs vérifient les mousquetons avant chaque parcours.",
     "The instructors check the carabiners before each course."),
    # true cognates in that band, the source word less than 10 times as frequent (FLORES: solemnity 2.5 /
    # solemnidad 3.1, egocentric 2.5 / égocentriques 3.0; sacristy 2.3 / sacristía 3.1)
    ("es", "Dele al lugar toda la dignidad, la solemnidad y el respeto que amerita.",
     "Please treat the site with all of the dignity, solemnity and respect it deserves."),
    ("fr", "Les Parisiens ont la réputation d'être égocentriques, grossiers et arrogants.",
     "Parisians have a reputation for being egocentric, rude and arrogant."),
    ("es", "El párroco guarda los cálices en la sacristía.", "The parish priest keeps the chalices in the sacristy."),
    ("pt", "Os Sundarbans são o maior cinturão de mangue litoral do mundo.",
     "The Sundarbans are the largest littoral mangrove belt in the world."),    # littoral 2.7 / litoral 4.2
    ("es", "El laboratorio municipal analiza el agua del río.",
     "The municipal laboratory analyses the river water."),       # a common English word
]


@pytest.mark.parametrize("lang, source, target, word", UNCOMMON_COGNATES)
def test_uncommon_or_respelt_cognate_carried_over(lang, source, target, word):
    findings = run_check(CognateCheck(), source, target, lang)
    assert [(f.rule, f.target_span.text) for f in findings] == [("cognate-rare", word)]


@pytest.mark.parametrize("lang, source, target", UNCOMMON_RIGHT)
def test_right_rendering_or_true_cognate_at_that_frequency_is_quiet(lang, source, target):
    assert run_check(CognateCheck(), source, target, lang) == []


def test_session16_spelling_correspondences():
    assert cognate("seance", "seans", "ru", strict=True) and cognate("consistory", "consistorio", "es", strict=True)
    assert cognate("agiotage", "azhiotazh", "ru", strict=True)
    assert cognate("musketoons", "mousquetons", "fr", loose=True) and not cognate("musketoons", "mousquetons", "fr")
    assert not cognate("mustard", "mousquetons", "fr", loose=True)
