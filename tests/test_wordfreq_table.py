"""The compact word-frequency table answers exactly as wordfreq's zipf_frequency."""
import pytest
import wordfreq

from tqcheck import wordfreq_table

def test_known_values(tables):
    assert wordfreq_table.zipf_frequency("the", "en") == 7.73
    assert wordfreq_table.zipf_frequency("zxqwv", "en") == 0.0


WORDS = ["the", "The", "house", "houses", "it's", "it’s", "don't", "New York", "2019", "1,500", "covid-19",
         "zxqwv", "", "...", "convocatoria", "Kyiv", "naïve", "Brzezinski", "twenty-one", "état"]


@pytest.fixture
def tables(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    wordfreq_table.table.cache_clear()
    yield tmp_path
    wordfreq_table.table.cache_clear()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_same_answers_as_wordfreq(tables, lang):
    for word in WORDS:
        assert wordfreq_table.zipf_frequency(word, lang) == wordfreq.zipf_frequency(word, lang), word
    assert list((tables / "wordfreq").glob(f"{lang}-*.zipf"))          # converted once, to the cache folder


def test_every_listed_word_keeps_its_band(tables):
    table = wordfreq_table.table("fr")
    bands = {w: band for band, words in enumerate(wordfreq.get_frequency_list("fr")) for w in words}
    assert all(table.band(w) == band for w, band in bands.items())
    assert table.band("zxqwvkj") is None


def test_a_table_is_reused_not_rebuilt(tables):
    wordfreq_table.table("en")
    path = next((tables / "wordfreq").glob("en-*.zipf"))
    stamp = path.stat().st_mtime_ns
    wordfreq_table.table.cache_clear()
    assert wordfreq_table.zipf_frequency("house", "en") == wordfreq.zipf_frequency("house", "en")
    assert path.stat().st_mtime_ns == stamp


def test_an_unwritable_cache_folder_falls_back_to_wordfreq(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocked))
    wordfreq_table.table.cache_clear()
    try:
        assert wordfreq_table.table("it") is None
        assert wordfreq_table.zipf_frequency("casa", "it") == wordfreq.zipf_frequency("casa", "it") > 4
    finally:
        wordfreq_table.table.cache_clear()
