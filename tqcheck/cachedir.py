"""Where tqcheck keeps files it derives from installed packages (converted word lists, unpacked model tables)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``TQCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/tqcheck``, else ``~/.cache/tqcheck``; created by whoever writes."""
    explicit = os.environ.get("TQCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tqcheck"
