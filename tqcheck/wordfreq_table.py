"""wordfreq's Zipf frequencies from a compact, memory-mapped table: the same answers as
``wordfreq.zipf_frequency(word, lang)`` at about 10 bytes per listed word instead of a Python dict's ~120.

wordfreq keeps each language's `large` list as a dict of every word (Russian: 123 MiB of heap). Here each list is
converted once, streamed from wordfreq's own data file, into a cache file of sorted 64-bit word hashes and the
word's centibel band (``TQCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/tqcheck``, else ``~/.cache/tqcheck``);
lookups bisect the memory-mapped hashes. Tokenisation, number smashing and rounding are wordfreq's own functions,
applied in wordfreq's order, so an answer differs only if an unlisted word's hash equals a listed one's (odds about
one in 10^13 per word).
"""
from __future__ import annotations

import gzip
import hashlib
import math
import mmap
import os
import struct
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from wordfreq import available_languages, cB_to_freq, freq_to_zipf, zipf_to_freq
from wordfreq import zipf_frequency as wordfreq_zipf
from wordfreq.language_info import get_language_info
from wordfreq.numbers import digit_freq, smash_numbers
from wordfreq.tokens import lossy_tokenize

from tqcheck.cachedir import cache_dir

_MINIMUM = zipf_to_freq(0.0)   # wordfreq's floor for an unseen word: Zipf 0
_MAGIC = b"TQZIPF01"
_HEADER = struct.Struct("<8sQ")


def _key(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _read_bands(source: Path):
    """(word, centibel band) of a wordfreq cBpack, streamed: the file is never decoded whole."""
    import msgpack

    with gzip.open(source, "rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False)
        bands = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq header in {source}: {header!r}")
        for band in range(bands):
            for _ in range(unpacker.read_array_header()):
                yield unpacker.unpack(), band


def build(source: Path, target: Path) -> None:
    """Convert wordfreq's ``source`` list into a table at ``target`` (written atomically: workers may race)."""
    import numpy as np

    keys, bands = array("Q"), array("H")
    for word, band in _read_bands(source):
        keys.append(_key(word))
        bands.append(band)
    key_arr = np.frombuffer(keys, dtype=np.uint64)
    band_arr = np.frombuffer(bands, dtype=np.uint16)
    order = np.argsort(key_arr, kind="stable")
    key_arr, band_arr = key_arr[order], band_arr[order]
    # wordfreq's dict keeps a word's last (rarest) band when it is listed twice: keep the last of equal keys.
    last = np.append(key_arr[1:] != key_arr[:-1], True)
    key_arr, band_arr = key_arr[last], band_arr[last]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with open(partial, "wb") as out:
        out.write(_HEADER.pack(_MAGIC, len(key_arr)))
        out.write(key_arr.astype("<u8").tobytes())
        out.write(band_arr.astype("<u2").tobytes())
    os.replace(partial, target)


class Table:
    """One language's converted list, memory-mapped read-only."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        magic, count = _HEADER.unpack_from(self._map)
        if magic != _MAGIC or len(self._map) != _HEADER.size + 10 * count:
            raise ValueError(f"not a tqcheck word-frequency table: {path}")
        view = memoryview(self._map)
        start = _HEADER.size
        self._keys = view[start:start + 8 * count].cast("Q")
        self._bands = view[start + 8 * count:].cast("H")
        self._count = count

    def band(self, word: str) -> int | None:
        """The word's centibel band (its frequency is 10^(-band/100)), or None when it is not listed."""
        key = _key(word)
        i = bisect_left(self._keys, key)
        return self._bands[i] if i < self._count and self._keys[i] == key else None


def _source(lang: str) -> Path | None:
    path = available_languages("best").get(lang)
    return Path(path) if path else None


@lru_cache(maxsize=None)
def table(lang: str) -> Table | None:
    """The table of ``lang``'s list (converted on first use), or None where wordfreq must answer itself (a language
    code it maps to another list, a tokenizer that infers word breaks, a cache folder that cannot be written)."""
    from importlib.metadata import version

    source = _source(lang)
    if source is None or get_language_info(lang)["tokenizer"] == "jieba":
        return None
    stamp = hashlib.blake2b(f"{version('wordfreq')}|{source.name}|{source.stat().st_size}".encode(),
                            digest_size=6).hexdigest()
    path = cache_dir() / "wordfreq" / f"{lang}-{stamp}.zipf"
    try:
        if not path.exists():
            build(source, path)
        return Table(path)
    except OSError:                # no writable cache folder: wordfreq's own dict, same answers, more memory
        return None


# A language's spelling: the letter pairs of at least SPELLING_WORDS of its words of Zipf >= 3.5 (bands of -550 cB
# and up); its lists carry some foreign words, hence the count.
SPELLING_BAND = 550
SPELLING_WORDS = 5


@lru_cache(maxsize=None)
def letter_pairs(lang: str) -> frozenset[str]:
    """The pairs of adjacent letters the language's common words use (read once from wordfreq's list, about 0.2 s):
    a word with another pair (chh, bh in Spanish) is spelt in some other language."""
    source = _source(lang)
    if source is None:
        return frozenset()
    counts: dict[str, int] = {}
    for word, band in _read_bands(source):
        if band > SPELLING_BAND:
            break
        lower = word.lower()
        if lower.isalpha():
            for pair in {lower[i:i + 2] for i in range(len(lower) - 1)}:
                counts[pair] = counts.get(pair, 0) + 1
    return frozenset(pair for pair, n in counts.items() if n >= SPELLING_WORDS)


def spelt_in(word: str, lang: str) -> bool:
    """Every pair of adjacent letters of ``word`` is one ``lang``'s common words use (True where wordfreq has no
    list for it)."""
    pairs = letter_pairs(lang)
    lower = word.lower()
    return not pairs or all(lower[i:i + 2] in pairs for i in range(len(lower) - 1) if lower[i:i + 2].isalpha())


def zipf_frequency(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, answered from the table (wordfreq's defaults: list 'best',
    minimum 0)."""
    found = table(lang)
    if found is None:
        return wordfreq_zipf(word, lang)
    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return round(freq_to_zipf(_MINIMUM), 2)
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        band = found.band(smashed)
        if band is None:
            return round(freq_to_zipf(_MINIMUM), 2)
        freq = cB_to_freq(-band)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(freq_to_zipf(round(unrounded, leading_zeroes + 3)), 2)
