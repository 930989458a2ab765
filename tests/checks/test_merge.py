"""One finding per problem: overlaps merged into ``also``, repeats grouped into ``occurrences``."""
from tqcheck.checks.merge import merge_findings
from tqcheck.model import Finding, Occurrence, Span


def _f(rule, segment, start, end, text, category="idiom", severity="major", suggestion="fix"):
    return Finding(category, severity, rule, "accuracy/mistranslation", f"{rule} says so", suggestion, segment,
                   target_span=Span(start, end, text))


def test_overlapping_findings_of_two_rules_become_one_with_the_stronger_rule():
    listed = _f("es-canciller", 3, 10, 33, "German Foreign Minister", category="title")
    generic = _f("title-office-mismatch", 3, 17, 33, "Foreign Minister", category="title", severity="minor")
    merged = merge_findings([generic, listed])
    assert [(f.rule, f.also) for f in merged] == [("es-canciller", ("title-office-mismatch",))]
    assert merged[0].target_span.text == "German Foreign Minister"


def test_equal_severity_keeps_the_finding_produced_first():
    first = _f("es-dispositivo", 1, 0, 11, "such device")
    second = _f("cognate-false-friend", 1, 5, 11, "device")
    assert [(f.rule, f.also) for f in merge_findings([first, second])] == [("es-dispositivo", ("cognate-false-friend",))]


def test_findings_in_other_segments_or_apart_stay_separate():
    a = _f("r1", 1, 0, 5, "alpha")
    b = _f("r2", 1, 6, 10, "beta")
    c = _f("r3", 2, 0, 5, "alpha")
    assert [f.rule for f in merge_findings([a, b, c])] == ["r1", "r2", "r3"]


def test_punctuation_does_not_swallow_a_name_inside_the_quote():
    quote = _f("punct-guillemets", 4, 0, 30, "«Shoigú said it was over»", category="punctuation")
    name = _f("es-name-accent", 4, 1, 7, "Shoigú", category="name")
    assert sorted(f.category for f in merge_findings([quote, name])) == ["name", "punctuation"]


def test_a_repeated_problem_is_one_finding_with_every_place():
    places = [_f("translit-de", seg, start, start + 8, "Selenskyj") for seg, start in ((5, 40), (0, 3), (9, 12))]
    merged = merge_findings(places)
    assert len(merged) == 1
    finding = merged[0]
    assert (finding.segment, finding.target_span.start) == (0, 3)
    assert finding.occurrences == (Occurrence(5, Span(40, 48, "Selenskyj")), Occurrence(9, Span(12, 20, "Selenskyj")))
    assert [p.segment for p in finding.places] == [0, 5, 9]


def test_repeats_with_another_suggestion_or_severity_mix():
    a = _f("r", 1, 0, 4, "Kiev", severity="minor", suggestion="Kyiv")
    b = _f("r", 2, 0, 4, "kiev", severity="major", suggestion="Kyiv")
    c = _f("r", 3, 0, 4, "Kiev", suggestion="Kyiv, Ukraine")
    merged = merge_findings([a, b, c])
    assert [(f.segment, f.severity, len(f.occurrences)) for f in merged] == [(1, "major", 1), (3, "major", 0)]


def test_omissions_are_never_merged_or_grouped():
    omissions = [Finding("omission", "major", "omission-sentence", "accuracy/omission", "not translated", "translate it",
                         seg, source_span=Span(0, 4, "Same")) for seg in (1, 2)]
    assert merge_findings(omissions) == omissions


def test_pipeline_reports_a_misspelt_name_once_with_its_places():
    from tqcheck import Checker
    from tqcheck.scoring import NoScorer

    source = ["El ministro Serguéi Lavrov llegó a Madrid.", "Serguéi Lavrov habló con la prensa.",
              "Después, Serguéi Lavrov se fue."]
    target = ["Minister Serguéi Lavrov arrived in Madrid.", "Serguéi Lavrov spoke to the press.",
              "Afterwards, Serguéi Lavrov left."]
    report = Checker(scorer=NoScorer()).check_pairs(zip(source, target), "es", "en")
    names = [f for f in report.findings if f.category == "name"]
    assert len(names) == 1 and names[0].target_span.text == "Serguéi"
    assert [p.segment for p in names[0].places] == [0, 1, 2]
    assert report.to_dict()["findings"][0]["occurrences"][0]["target_span"]["text"] == "Serguéi"


def test_punctuation_inside_a_quote_is_a_second_problem_but_the_same_marks_merge():
    quote = _f("punct-guillemet", 8, 0, 40, "«Every hectare (…) we still have years»", category="punctuation")
    ellipsis = _f("punct-paren-ellipsis", 8, 15, 18, "(…)", category="punctuation", severity="minor")
    spacing = _f("punct-guillemet-space", 8, 0, 39, "«Every hectare (…) we still have years", category="punctuation")
    merged = merge_findings([quote, ellipsis, spacing])
    assert [(f.rule, f.also) for f in merged] == [("punct-guillemet", ("punct-guillemet-space",)),
                                                  ("punct-paren-ellipsis", ())]


def test_every_place_of_a_repeated_problem_lowers_its_segment_score():
    from tqcheck.scoring.combined import QualityScore, load_score_model

    quality = QualityScore(load_score_model("usem3"), 0.9, 0.1)
    repeated = merge_findings([_f("r", seg, 0, 4, "Kiev") for seg in (0, 2)])
    assert len(repeated) == 1
    scores = quality.final([90.0, 90.0, 90.0], [0, 1, 2], repeated)
    assert scores[0] == scores[2] < scores[1] == 90.0


def test_a_longer_span_that_holds_the_other_covers_the_problem_best():
    title = _f("pt-junta-de-freguesia", 2, 4, 9, "junta", category="title")
    kept = _f("untranslated-word", 2, 4, 22, "junta de freguesia", category="untranslated")
    merged = merge_findings([title, kept])
    assert [(f.rule, f.also, f.target_span.text) for f in merged] == [
        ("untranslated-word", ("pt-junta-de-freguesia",), "junta de freguesia")]


def test_a_more_severe_name_inside_a_longer_span_stays_the_names():
    title = _f("es-aposicion-cargo-nombre", 1, 0, 44, "the Russian Defense Minister, Sergei Shoigú,",
               category="title", severity="minor")
    name = _f("es-name-shoigu", 1, 37, 43, "Shoigú", category="name")
    assert [(f.rule, f.also) for f in merge_findings([title, name])] == [("es-name-shoigu",
                                                                          ("es-aposicion-cargo-nombre",))]


def test_on_the_same_span_a_list_rule_wins_over_a_generic_signal():
    generic = _f("untranslated-word", 1, 9, 18, "hemicycle", category="untranslated")
    listed = _f("fr-hemicycle", 1, 9, 18, "hemicycle", severity="minor")
    assert [(f.rule, f.also, f.severity) for f in merge_findings([generic, listed])] == [
        ("fr-hemicycle", ("untranslated-word",), "major")]


def test_an_office_rule_does_not_take_a_word_left_untranslated():
    generic = _f("untranslated-word", 1, 4, 14, "vereadores", category="untranslated")
    office = _f("pt-office-vereador", 1, 4, 14, "vereadores", category="title", severity="minor")
    assert [(f.rule, f.also) for f in merge_findings([office, generic])] == [
        ("untranslated-word", ("pt-office-vereador",))]


def test_a_number_and_a_word_beside_it_are_two_problems():
    number = _f("number-decimal-comma", 3, 0, 10, "4,4 scossa", category="number")
    word = _f("untranslated-word", 3, 4, 10, "scossa", category="untranslated")
    assert sorted(f.rule for f in merge_findings([number, word])) == ["number-decimal-comma", "untranslated-word"]


def _g(rule, segment, target, source, category="idiom", severity="major", suggestion="fix"):
    """A finding with target and source spans: (start, end, text) each."""
    return Finding(category, severity, rule, "accuracy/mistranslation", f"{rule} says so", suggestion, segment,
                   target_span=Span(*target), source_span=Span(*source))


def test_a_scale_word_beside_the_number_is_the_numbers_problem():
    # session 18: "1.2 milliard": number-mismatch on "1.2" and fr-milliard on "milliard" are one problem, one advice
    text = "It costs 1.2 milliard euros."
    number = _g("number-mismatch", 2, (9, 12, "1.2"), (40, 52, "1,2 milliard"), category="number",
                suggestion="1.2 billion")
    word = _g("fr-milliard", 2, (13, 21, "milliard"), (44, 52, "milliard"), suggestion="billion")
    merged = merge_findings([word, number], text)
    assert [(f.rule, f.target_span, f.also, f.suggestion) for f in merged] == [
        ("number-mismatch", Span(9, 21, "1.2 milliard"), ("fr-milliard",), "1.2 billion")]
    # a list word inside the number's span (es billón: "one billion") joins it at its higher severity
    number = _g("number-mismatch", 0, (0, 11, "one billion"), (0, 6, "billón"), category="number")
    word = _g("es-billon", 0, (4, 11, "billion"), (0, 6, "billón"), severity="critical")
    assert [(f.rule, f.target_span.text, f.severity, f.also) for f in merge_findings([number, word])] == [
        ("number-mismatch", "one billion", "critical", ("es-billon",))]


def test_a_list_word_on_other_source_words_or_apart_stays_its_own_problem():
    text = "It costs 1.2 milliard euros, a huge sum."
    number = _g("number-mismatch", 2, (9, 12, "1.2"), (40, 43, "1,2"), category="number")
    word = _g("fr-milliard", 2, (13, 21, "milliard"), (44, 52, "milliard"))      # not inside the number's source
    assert len(merge_findings([number, word], text)) == 2
    number = _g("number-mismatch", 2, (9, 12, "1.2"), (40, 52, "1,2 milliard"), category="number")
    far = _g("fr-milliard", 2, (29, 35, "a huge"), (44, 52, "milliard"))          # not touching in the target
    generic = _g("untranslated-word", 2, (13, 21, "milliard"), (44, 52, "milliard"), category="untranslated")
    assert len(merge_findings([number, far], text)) == 2
    assert len(merge_findings([number, generic], text)) == 2                     # a generic signal: no list rule


def test_two_findings_of_one_category_on_the_same_source_words_side_by_side_are_one():
    # "mayor's lieutenant" for teniente de alcalde: the rank signal on "mayor", the list entry on "lieutenant"
    text = "The mayor's lieutenant for Urban Planning spoke."
    rank = _g("es-title-rank", 4, (4, 9, "mayor"), (100, 119, "teniente de alcalde"), category="title",
              suggestion="deputy (vice) mayor")
    listed = _g("es-teniente-alcalde", 4, (12, 22, "lieutenant"), (100, 119, "teniente de alcalde"),
                category="title", suggestion="deputy mayor")
    merged = merge_findings([rank, listed], text)
    assert [(f.rule, f.target_span.text, f.also) for f in merged] == [
        ("es-teniente-alcalde", "mayor's lieutenant", ("es-title-rank",))]
    # the longer source span wins: "law-protection organs" for правоохранительных органах
    text = "The law-protection organs opened a case."
    word = _g("ru-pravoohranitelnye-law-protection", 1, (4, 18, "law-protection"), (10, 28, "правоохранительных"),
              severity="minor")
    phrase = _g("ru-pravoohranitelnye-organy", 1, (19, 25, "organs"), (10, 36, "правоохранительных органах"),
                severity="minor")
    assert [(f.rule, f.target_span.text) for f in merge_findings([word, phrase], text)] == [
        ("ru-pravoohranitelnye-organy", "law-protection organs")]
    # another category, or other words between them: two problems
    name = _g("name-translit-ru", 4, (12, 22, "lieutenant"), (100, 119, "teniente de alcalde"), category="name")
    assert len(merge_findings([rank, name], "The mayor's lieutenant for Urban Planning spoke.")) == 2
    apart = _g("es-teniente-alcalde", 4, (27, 32, "Urban"), (100, 119, "teniente de alcalde"), category="title")
    assert len(merge_findings([rank, apart], "The mayor's lieutenant for Urban Planning spoke.")) == 2


def test_a_scale_word_takes_what_it_holds_into_the_number():
    # untranslated-word on "milliard" folds into fr-milliard, which folds into the number: one finding
    text = "It costs 1.2 milliard euros."
    number = _g("number-mismatch", 2, (9, 12, "1.2"), (40, 52, "1,2 milliard"), category="number")
    word = _g("fr-milliard", 2, (13, 21, "milliard"), (44, 52, "milliard"))
    generic = _g("untranslated-word", 2, (13, 21, "milliard"), (44, 52, "milliard"), category="untranslated")
    assert [(f.rule, f.target_span.text, f.also) for f in merge_findings([word, number, generic], text)] == [
        ("number-mismatch", "1.2 milliard", ("fr-milliard", "untranslated-word"))]
