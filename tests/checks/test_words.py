from tqcheck.checks.words import is_source_name, latin, quoted, words


def test_words_split_elisions_but_keep_hyphens_and_ukrainian_apostrophes():
    found = words("l'assessore dell'Istruzione, прем'єр вице-премьер")
    assert [w.text for w in found] == ["l", "assessore", "dell", "Istruzione", "прем'єр", "вице-премьер"]
    assert [w.initial for w in found] == [True, False, False, False, False, False]


def test_sentence_start_after_a_full_stop_or_quote():
    assert [w.initial for w in words("Hoy llueve. «Mañana no», dijo.")] == [True, False, True, False, False]


def test_quoted_spans():
    text = "the town hall (“mairie”) and 'junta' but not don't"
    assert [text[a:b] for a, b in quoted(text)] == ["“mairie”", "'junta'"]


def test_latin_spelling():
    assert latin("договора", "ru") == "dogovora"
    assert latin("угоду", "uk") == "uhodu"
    assert latin("fiscalização", "pt") == "fiscalizacao"


def test_source_names():
    found = {w.text: w for w in words("Ayer Sánchez viajó a Москва.")}
    assert is_source_name(found["Sánchez"], "es") and not is_source_name(found["Ayer"], "es")
    assert is_source_name(words("Иванов пришёл.")[0], "ru")


def test_words_after_spaces_and_elisions():
    # the character before a word is found by skipping spaces backwards (no slice of the text per word); a closing
    # quote counts as an opener, as before
    found = words("  Hola.\u00a0 Dijo l' Ayer — «\tno» dell’Istruzione")
    assert [(w.text, w.initial) for w in found] == [("Hola", True), ("Dijo", True), ("l", False), ("Ayer", False),
                                                    ("no", True), ("dell", True), ("Istruzione", False)]
