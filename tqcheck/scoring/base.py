"""The Scorer protocol: reference-free quality estimation of aligned segments."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class QEItem:
    source: str
    target: str
    similarity: float | None = None   # the aligner's cosine, when the scorer can reuse it


class Scorer(Protocol):
    name: str

    def score(self, items: list[QEItem], source_lang: str) -> list[float]:
        """One qe in [0, 1] per item (1 = adequate translation)."""
        ...

    def info(self) -> dict[str, Any]:
        """What the report records about this scorer so that scores are reproducible."""
        ...
