import pytest

from tqcheck.segment import segment_document


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("es", "El Sr. García llegó a EE.UU. ayer. Dijo «Vamos bien. Seguimos.» y se fue.",
         ["El Sr. García llegó a EE.UU. ayer.", "Dijo «Vamos bien. Seguimos.» y se fue."]),
        ("fr", "M. Dupont est arrivé. Il a dit « Nous verrons. Peut-être. » puis il est parti.",
         ["M. Dupont est arrivé.", "Il a dit « Nous verrons. Peut-être. » puis il est parti."]),
        ("de", "Das ist z. B. ein Test. Er sagte „Ja. Nein.“ und ging.",
         ["Das ist z. B. ein Test.", "Er sagte „Ja. Nein.“ und ging."]),
        ("ru", "Это т. е. проверка. Он сказал: «Да. Нет.» и ушёл.",
         ["Это т. е. проверка.", "Он сказал: «Да. Нет.» и ушёл."]),
        ("uk", "Це т. зв. перевірка. Він сказав: «Так. Ні.» і пішов.",
         ["Це т. зв. перевірка.", "Він сказав: «Так. Ні.» і пішов."]),
        ("it", "Il sig. Rossi è arrivato. Ha detto «Sì. No.» e poi è uscito.",
         ["Il sig. Rossi è arrivato.", "Ha detto «Sì. No.» e poi è uscito."]),
        ("pt", "O Sr. Silva chegou aos EUA. Disse «Sim. Não.» e saiu.",
         ["O Sr. Silva chegou aos EUA.", "Disse «Sim. Não.» e saiu."]),
        ("en", "He said we must (…) continue… and then he left. Mr. Smith agreed.",
         ["He said we must (…) continue… and then he left.", "Mr. Smith agreed."]),
    ],
)
def test_abbreviations_quotes_and_ellipses_do_not_split(lang, text, expected):
    assert [s.text for s in segment_document(text, lang)] == expected


def test_paragraphs_and_offsets():
    text = "Vía diplomática\n\nPrimera frase. Segunda frase.\n"
    sentences = segment_document(text, "es")
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Vía diplomática", 0), ("Primera frase.", 1), ("Segunda frase.", 1)]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_line_break_inside_a_paragraph_ends_a_sentence():
    sentences = segment_document("15/02/2022\nEl portavoz habló.", "es")
    assert [s.text for s in sentences] == ["15/02/2022", "El portavoz habló."]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The pilot was N. Wayne Hale. He flew well.", ["The pilot was N. Wayne Hale.", "He flew well."]),
    ("es", "Lo dijo M. Tremblay ayer. Luego se fue.", ["Lo dijo M. Tremblay ayer.", "Luego se fue."]),
    ("de", "Das Haus stammt aus dem 19. Jahrhundert. Es ist alt.",
     ["Das Haus stammt aus dem 19. Jahrhundert.", "Es ist alt."]),
    ("de", "Es geschah am 3. oktober, sagt er. Dann nicht mehr.",
     ["Es geschah am 3. oktober, sagt er.", "Dann nicht mehr."]),
])
def test_initials_and_lowercase_continuations_do_not_split(lang, text, expected):
    assert [s.text for s in segment_document(text, lang)] == expected
