import sys

import pytest

from tqcheck import heap, lang
from tqcheck.batch import chunks

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc_trim")


@linux
def test_trim_gives_freed_heap_pages_back():
    blocks = [bytearray(100_000) for _ in range(400)]       # under glibc's mmap threshold: on the heap
    for b in blocks:
        b[::4096] = b"\1" * len(b[::4096])                   # touch every page
    pinned = blocks.pop()                                   # the heap's top stays in use, so free() cannot shrink it
    held = heap.rss()
    del blocks
    assert heap.rss() > held - 20 * 2**20                  # freed, still resident
    assert heap.trim() is True
    assert heap.rss() < held - 30 * 2**20                   # 40 MB freed, given back
    del pinned


def test_detect_trims_only_after_loading(monkeypatch):
    calls = []
    monkeypatch.setattr(heap, "trim", lambda: calls.append(1) or True)

    class Detector:
        def detect_language_of(self, text):
            return None

    monkeypatch.setattr(lang, "_detector", lambda codes: Detector())
    sizes = iter([100 * 2**20, 100 * 2**20 + heap.GROWTH + 1, 200 * 2**20, 200 * 2**20 + 2**20])
    monkeypatch.setattr(heap, "rss", lambda: next(sizes))
    assert lang._detect("Der Text", ("de", "en")) is None
    assert calls == [1]                                     # grew by more than GROWTH: models loaded
    assert lang._detect("Der Text", ("de", "en")) is None
    assert calls == [1]                                     # 1 MiB: nothing loaded


def test_settle_heap_trims(monkeypatch):
    calls = []
    monkeypatch.setattr(heap, "trim", lambda: calls.append(1) or True)
    chunks.settle_heap()
    assert calls == [1]
