"""QE from calibrated cross-lingual embedding similarity (the offline default)."""
from __future__ import annotations

from typing import Any

import numpy as np

from tqcheck.encoders import CachedEncoder
from tqcheck.scoring.base import QEItem
from tqcheck.scoring.calibration import load_calibration


class EmbeddingScorer:
    """Reuses the aligner's cosine when present; embeds only what it must."""

    def __init__(self, encoder: CachedEncoder):
        self.encoder = encoder
        self.calibration = load_calibration(encoder.name)
        self.name = f"embedding-{encoder.name}"

    def score(self, items: list[QEItem], source_lang: str) -> list[float]:
        self.calibration = load_calibration(self.encoder.name, source_lang)   # info() reports the one used
        todo = [k for k, item in enumerate(items) if item.similarity is None]
        cosines = [item.similarity for item in items]
        if todo:
            src = self.encoder.encode([items[k].source for k in todo])
            tgt = self.encoder.encode([items[k].target for k in todo])
            for k, cos in zip(todo, np.sum(src * tgt, axis=1)):
                cosines[k] = float(cos)
        return [self.calibration.qe(c) for c in cosines]

    def info(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "encoder": f"{self.encoder.name}=={self.encoder.version}",
            "calibration": self.calibration.describe(),
        }
