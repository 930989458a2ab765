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

    def score(self, items: list[QEItem], source_lang: str) -> list[float | None]:
        """One qe in [0, 1] per item (1 = adequate translation), or None where it is not scored."""
        ...

    def info(self) -> dict[str, Any]:
        """What the report records about this scorer so that scores are reproducible."""
        ...


class NoScorer:
    """QE switched off (``--no-qe``): every qe is None and nothing is embedded for scoring, so pre-segmented input
    (TSV, TMX, XLIFF) embeds nothing at all; text pairs are still embedded to be aligned."""

    name = "none"

    def score(self, items: list[QEItem], source_lang: str) -> list[float | None]:
        return [None] * len(items)

    def info(self) -> dict[str, Any]:
        return {"name": self.name}

