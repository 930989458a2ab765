import codecs

import pytest

from tqcheck.errors import InputError
from tqcheck.io import decode, read_text, read_tsv_pairs, split_paragraphs

SPANISH = "El señor García llegó ayer a Moscú. «Vamos bien», dijo el portavoz.\n\nSegundo párrafo aquí."


def test_utf8_with_and_without_bom(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_bytes(SPANISH.encode("utf-8"))
    bom = tmp_path / "b.txt"
    bom.write_bytes(codecs.BOM_UTF8 + SPANISH.encode("utf-8"))
    assert read_text(plain) == (SPANISH, "utf-8")
    assert read_text(bom) == (SPANISH, "utf-8-sig")


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SPANISH.encode("utf-16"))
    assert read_text(path) == (SPANISH, "utf-16")


def test_legacy_encoding_is_detected_and_reported():
    data = (SPANISH * 3).encode("cp1252")
    text, encoding = decode(data)
    assert text == SPANISH * 3
    assert encoding in {"cp1252", "iso8859_1", "latin_1", "iso8859_15"}


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"  \n\t\n  ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
    ],
)
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)    # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(InputError, match="larger than the 10 MB limit"):
        read_text(path)


def test_paragraph_offsets_point_into_the_original_text():
    text = "Titular\n\n  Primer párrafo. Segunda frase.\r\n\r\nÚltimo.\n"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["Titular", "Primer párrafo. Segunda frase.", "Último."]
    for p in paragraphs:
        assert text[p.start:p.end] == p.text


def test_tsv_pairs_offsets(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Hola.\tHello.\n\nAdiós.\tGoodbye.\n", encoding="utf-8")
    text, _, pairs = read_tsv_pairs(path)
    assert [(text[a:b], text[c:d]) for (a, b), (c, d) in pairs] == [("Hola.", "Hello."), ("Adiós.", "Goodbye.")]


def test_tsv_with_wrong_columns(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Hola.\tHello.\textra\n", encoding="utf-8")
    with pytest.raises(InputError, match="pairs.tsv:1: expected"):
        read_tsv_pairs(path)


# ---- streaming readers (tqcheck.io.stream) -------------------------------------------------------------------
SPANISH_PAIRS = [("Hola, buenos días.", "Hello, good morning."), ("El tren sale a las diez.", "The train leaves at ten."),
                 ("Gracias por su visita.", "Thank you for your visit."), ("Hasta mañana.", "See you tomorrow."),
                 ("La reunión empieza pronto.", "The meeting starts soon.")]


def test_tsv_windows_cut_the_text_as_a_whole_read_does(tmp_path):
    from tqcheck.io.stream import scan, windows

    path = tmp_path / "pairs.tsv"
    lines = [f"{s}\t{t}" for s, t in SPANISH_PAIRS]
    path.write_bytes(codecs.BOM_UTF8 + ("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n").encode("utf-8"))
    plan = scan(str(path), "tsv")
    assert plan["pairs"] == 5 and plan["langs"] == ["es", "en"] and plan["encoding"] == "utf-8-sig"
    text, _, pairs = read_tsv_pairs(path)
    got = list(windows(str(path), plan, 2, set()))
    assert [k for k, _ in got] == [0, 1, 2] and [w["own"] for _, w in got] == [[0, 2], [2, 4], [4, 5]]
    assert [w["base"] for _, w in got] == [0, 1, 3]                  # one pair of context before
    for _, w in got:                                                 # the window is the file's text where it starts
        assert text[w["start"]:w["start"] + len(w["text"])] == w["text"]
    assert got[1][1]["text"].split("\n")[1] == ""                    # the blank line kept
    assert [k for k, _ in windows(str(path), plan, 2, {0, 2})] == [1]


def test_bilingual_windows_carry_unit_ids_and_skip_what_is_not_checked(tmp_path):
    from batch.batchkit import XLIFF_12

    from tqcheck.io.stream import scan, windows

    path = tmp_path / "ui.xlf"
    path.write_text(XLIFF_12, encoding="utf-8")
    plan = scan(str(path), "xliff")
    assert (plan["pairs"], plan["skipped"], plan["format"]) == (4, 2, "xliff-1.2")   # units 4 (new) and 5 (no)
    got = [w for _, w in windows(str(path), plan, 3, set())]
    assert [[u["id"] for u in w["units"]] for w in got] == [["1", "2", "3"], ["6"]]
    assert got[1]["pairs"][0][1] == "The minister presented the 2023 budget to Parliament."   # context: unit 3
    first = got[0]["pairs"]
    assert got[1]["src_off"] == sum(len(s) + 2 for s, _ in first[:2])                      # joined by blank lines


@pytest.mark.parametrize("name, content", [("cols.tsv", "Hola.\tHello.\textra\n"), ("latin.tsv", None),
                                           ("cut.tmx", '<?xml version="1.0"?><tmx version="1.4"><body><tu>')])
def test_unusual_files_are_left_to_the_whole_reader(tmp_path, name, content):
    from tqcheck.io.stream import scan

    path = tmp_path / name
    if content is None:
        path.write_bytes("Adiós.\tGoodbye.\n".encode("cp1252"))
    else:
        path.write_text(content, encoding="utf-8")
    assert scan(str(path), name.split(".")[1]) is None


def test_streaming_has_no_size_limit(tmp_path, monkeypatch):
    from tqcheck.io.stream import scan

    monkeypatch.setattr("tqcheck.io.text.MAX_BYTES", 10)
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{s}\t{t}\n" for s, t in SPANISH_PAIRS), encoding="utf-8")
    assert scan(str(path), "tsv")["pairs"] == 5
