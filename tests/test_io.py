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
