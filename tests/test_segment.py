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


def _texts(text, lang):
    return [s.text for s in segment_document(text, lang)]


@pytest.mark.parametrize("text, expected", [
    # a.m./p.m. in every spelling: no break mid-sentence, a break before a sentence opener
    ("The vote closes at 5 p.m. Tuesday in every state. Results follow.",
     ["The vote closes at 5 p.m. Tuesday in every state.", "Results follow."]),
    ("It ended at 9 P.M. Friday. Then we ate.", ["It ended at 9 P.M. Friday.", "Then we ate."]),
    ("Doors open at 9 a.m. sharp and close at 10 A.M. Monday. Good.",
     ["Doors open at 9 a.m. sharp and close at 10 A.M. Monday.", "Good."]),
    ("The blast came at 11 p.m. The police arrived soon after.",
     ["The blast came at 11 p.m.", "The police arrived soon after."]),
    ("It starts at 9 am. The rest follows.", ["It starts at 9 am.", "The rest follows."]),
    ("The train left at 6 pm. Monday was quiet.", ["The train left at 6 pm. Monday was quiet."]),
    # initials
    ("The book by J. R. R. Tolkien sold well. He was British.", ["The book by J. R. R. Tolkien sold well.", "He was British."]),
    ("President George W. Bush spoke. He left.", ["President George W. Bush spoke.", "He left."]),
    # company forms and country initials, mid-sentence and at the end
    ("Apple Inc. Chief Tim Cook spoke. Sales rose.", ["Apple Inc. Chief Tim Cook spoke.", "Sales rose."]),
    ("He works at Apple Inc. The company is big.", ["He works at Apple Inc.", "The company is big."]),
    ("Acme Ltd. Director Jane Roe and Foo Corp. Chairman Bo Li met Bar Co. Lawyers. It went well.",
     ["Acme Ltd. Director Jane Roe and Foo Corp. Chairman Bo Li met Bar Co. Lawyers.", "It went well."]),
    ("U.S. Steel and the U.K. Treasury joined U.N. Agencies and E.U. Officials. Talks begin.",
     ["U.S. Steel and the U.K. Treasury joined U.N. Agencies and E.U. Officials.", "Talks begin."]),
    ("Troops left the U.S. They landed in Kabul.", ["Troops left the U.S.", "They landed in Kabul."]),
    # items of a list inside a sentence
    ("Three things matter: (1) flow, (2) density and (3) speed. Then we drove.",
     ["Three things matter: (1) flow, (2) density and (3) speed.", "Then we drove."]),
    ("He listed them. (1) Flow is first.", ["He listed them.", "(1) Flow is first."]),
    ("His comments come as US. Secretary of State Mike Pompeo visits. He left the US. They cheered.",
     ["His comments come as US. Secretary of State Mike Pompeo visits.", "He left the US.", "They cheered."]),
    # a stray letter after the last sentence is no sentence of its own
    ("The religion had bound European states together. I", ["The religion had bound European states together. I"]),
    ("It ended. Ok. Then we left.", ["It ended.", "Ok.", "Then we left."]),
    # titles and other abbreviations that never end a sentence
    ("He met St. Peter, Dr. Who, Mr. and Mrs. Smith, No. 5 vs. No. 6 and approx. 40 people. Fine.",
     ["He met St. Peter, Dr. Who, Mr. and Mrs. Smith, No. 5 vs. No. 6 and approx. 40 people.", "Fine."]),
    ("We sold pears, apples, etc. Prices rose. They bought books, pens, etc. The rest was sold.",
     ["We sold pears, apples, etc. Prices rose.", "They bought books, pens, etc.", "The rest was sold."]),
    # brand names with dots, decimals
    ("Booking.com and Yahoo! Japan say Amazon.com uses .NET, ASP.NET and Node.js in 2.5 percent of cases. Fine.",
     ["Booking.com and Yahoo! Japan say Amazon.com uses .NET, ASP.NET and Node.js in 2.5 percent of cases.", "Fine."]),
    (". Scientists say the plumage was brown. It was small.", [". Scientists say the plumage was brown.", "It was small."]),
    ("Shares fell 3.5 percent to $12.75. Analysts shrugged.", ["Shares fell 3.5 percent to $12.75.", "Analysts shrugged."]),
])
def test_english_abbreviations_times_initials_and_brands(text, expected):
    assert _texts(text, "en") == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Die Mauer fiel am 9. November, die Einheit kam am 3. Oktober 1990. Dann nicht mehr.",
     ["Die Mauer fiel am 9. November, die Einheit kam am 3. Oktober 1990.", "Dann nicht mehr."]),
    ("de", "Die Zahl der Toten stieg auf 12. Die Polizei ermittelt.", ["Die Zahl der Toten stieg auf 12.", "Die Polizei ermittelt."]),
    ("de", "Der Umsatz lag bei 3 Mio. Euro. Das war wenig.", ["Der Umsatz lag bei 3 Mio. Euro.", "Das war wenig."]),
    ("de", "Die Firma Booking.com und die U.S.-Regierung sagen es. Gut.",
     ["Die Firma Booking.com und die U.S.-Regierung sagen es.", "Gut."]),
    ("es", "La oposición votó en contra. El ministro habló.", ["La oposición votó en contra.", "El ministro habló."]),
    ("es", "Vive en EE.UU. El presidente habló. Viajó a EE.UU. y Canadá con el Sr. Pérez.",
     ["Vive en EE.UU.", "El presidente habló.", "Viajó a EE.UU. y Canadá con el Sr. Pérez."]),
    ("es", "Abre a las 9 a. m. Hora de Madrid, cada día. Luego cierra.",
     ["Abre a las 9 a. m. Hora de Madrid, cada día.", "Luego cierra."]),
    ("es", "Cierra a las 8 p. m. Todos se van. Luego nada.", ["Cierra a las 8 p. m.", "Todos se van.", "Luego nada."]),
    ("fr", "Il est né en 52 av. J.-C. Rome le savait. M. Dupont l'a dit.",
     ["Il est né en 52 av. J.-C. Rome le savait.", "M. Dupont l'a dit."]),
    ("it", "Lavora per Fiat S.p.A. Torino è lontana. La Fiat S.p.A. Il gruppo cresce.",
     ["Lavora per Fiat S.p.A. Torino è lontana.", "La Fiat S.p.A.", "Il gruppo cresce."]),
    ("pt", "A igreja St. Martin's foi fundada uma década mais tarde pelo Rev. David Johnson. Depois mudou.",
     ["A igreja St. Martin's foi fundada uma década mais tarde pelo Rev. David Johnson.", "Depois mudou."]),
    ("pt", "Trabalha na Petrobras S.A. Ela cresce. O Sr. Silva concorda.",
     ["Trabalha na Petrobras S.A.", "Ela cresce.", "O Sr. Silva concorda."]),
    ("ru", "Это было в 1990 г. В Москве шёл снег. Сервис Яндекс.Такси и Mail.Ru растут.",
     ["Это было в 1990 г.", "В Москве шёл снег.", "Сервис Яндекс.Такси и Mail.Ru растут."]),
    ("ru", "Об этом пишет сайт NHL.Com. Будет не выше +19...+24 градусов. Всё.",
     ["Об этом пишет сайт NHL.Com.", "Будет не выше +19...+24 градусов.", "Всё."]),
    ("ru", "Бюджет составил 5 млрд. руб. Москва довольна.", ["Бюджет составил 5 млрд. руб. Москва довольна."]),
    ("uk", "Це сталося у 2014 р. У Києві було холодно. Бюджет – 5 млн. грн.",
     ["Це сталося у 2014 р.", "У Києві було холодно.", "Бюджет – 5 млн. грн."]),
])
def test_source_language_abbreviations(lang, text, expected):
    assert _texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("ru", "«Мы не сдадимся!» — сказал он. Потом ушёл.", ["«Мы не сдадимся!» — сказал он.", "Потом ушёл."]),
    ("ru", "«Цитата», - говорил он. «Нет.» - ответила она. Все ушли.",
     ["«Цитата», - говорил он.", "«Нет.» - ответила она.", "Все ушли."]),
    ("uk", "«Ми не здамося!» - сказав він журналістам. Потім пішов.",
     ["«Ми не здамося!» - сказав він журналістам.", "Потім пішов."]),
    ("uk", "«Це неможливо», — сказав він. «Так?» – перепитала вона.",
     ["«Це неможливо», — сказав він.", "«Так?» – перепитала вона."]),
    ("es", "«¡No lo sé!» —dijo él. Luego se fue.", ["«¡No lo sé!» —dijo él.", "Luego se fue."]),
    ("fr", "« Je ne sais pas ! » — a-t-il dit. Puis il est parti.", ["« Je ne sais pas ! » — a-t-il dit.", "Puis il est parti."]),
    ("it", "«Non lo so!» - ha detto lui. Poi è uscito.", ["«Non lo so!» - ha detto lui.", "Poi è uscito."]),
    ("pt", "«Não sei!» — disse ele. Depois saiu.", ["«Não sei!» — disse ele.", "Depois saiu."]),
])
def test_quote_attribution_after_a_dash_stays_with_its_quote(lang, text, expected):
    assert _texts(text, lang) == expected


def test_a_new_sentence_after_a_dash_and_a_capital_is_kept():
    assert _texts("«Нет!» — Путин ушёл. Всё.", "ru") == ["«Нет!»", "— Путин ушёл.", "Всё."]


@pytest.mark.parametrize("text, expected", [
    ('"Artem, maybe it\'s time for a duet?" Zhukov wrote under a video. Fans loved it.',
     ['"Artem, maybe it\'s time for a duet?" Zhukov wrote under a video.', "Fans loved it."]),
    ("“Never!” Prime Minister Boris Johnson said on Friday. Talks went on.",
     ["“Never!” Prime Minister Boris Johnson said on Friday.", "Talks went on."]),
    ("“Will it work?” The answer came quickly.", ["“Will it work?”", "The answer came quickly."]),
])
def test_english_attribution_after_a_quoted_question_stays_with_it(text, expected):
    assert _texts(text, "en") == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("ru", "Церковь Св. Мартина построена позже. Она стоит на 125-й улице.",
         ["Церковь Св. Мартина построена позже.", "Она стоит на 125-й улице."]),
        ("ru", "Об этом заявил начальник полиции Мерфи Дж. Пол. Он добавил, что следствие идёт.",
         ["Об этом заявил начальник полиции Мерфи Дж. Пол.", "Он добавил, что следствие идёт."]),
        ("uk", "З'являться бренди Revlon, Essie та Dr. PawPaw. Це новинка.",
         ["З'являться бренди Revlon, Essie та Dr. PawPaw.", "Це новинка."]),
        ("es", "Recuerda los chistes de Atkinson en el papel de Mr. Bean. Todos rieron.",
         ["Recuerda los chistes de Atkinson en el papel de Mr. Bean.", "Todos rieron."]),
        ("es", "Su fama duró hasta aproximadamente 1100 d. C. y luego decayó.",
         ["Su fama duró hasta aproximadamente 1100 d. C. y luego decayó."]),
    ],
)
def test_titles_saints_and_eras_do_not_cut_a_sentence(lang, text, expected):
    """Each of these cuts left half a sentence unaligned: an omission the translator never made."""
    assert [s.text for s in segment_document(text, lang)] == expected
