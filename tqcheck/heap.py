"""Giving freed heap memory back to the operating system (glibc), so that it does not stay in the peak RSS.

Loading lingua's n-gram models (on threads of their own) parses compressed files into hash maps and frees the
buffers; glibc keeps the freed pages in each thread's malloc arena, where the Python heap of the main thread never
reuses them: a German and an English detector leave 48 MiB of such pages, the eight-language one 42 MiB more.
A chunk's pipeline state, freed at its end, is likewise kept. ``malloc_trim(0)`` returns them; results never change.
"""
from __future__ import annotations

import ctypes
import sys
from functools import lru_cache

GROWTH = 4 * 2**20      # bytes of RSS growth after which a call is taken to have loaded data worth trimming


@lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):                   # musl or another libc: nothing to call
        return None


def trim() -> bool:
    """Return the free pages of every malloc arena to the system; False where glibc's ``malloc_trim`` is absent."""
    function = _malloc_trim()
    if function is None:
        return False
    function(0)
    return True


def rss() -> int:
    """This process's resident set in bytes (0 where /proc is absent)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _page_size()
    except OSError:
        return 0


@lru_cache(maxsize=1)
def _page_size() -> int:
    import resource

    return resource.getpagesize()
