"""Cosine -> qe calibration per encoder, read from ``resources/calibration.toml``."""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Calibration:
    """``qe = sigmoid((cos - midpoint) / scale)``: qe 0.5 is equally likely a translation or not."""

    encoder: str
    midpoint: float
    scale: float
    data: str
    align: tuple[tuple[str, float], ...] = ()   # AlignParams tuned for this encoder's similarity scale

    def logit(self, cos: float) -> float:
        return (cos - self.midpoint) / self.scale

    def qe(self, cos: float) -> float:
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.logit(cos)))))

    def describe(self) -> str:
        return f"sigmoid((cos - {self.midpoint:.4f}) / {self.scale:.4f}); fit on {self.data}"


@lru_cache(maxsize=None)
def load_calibration(encoder: str, lang: str | None = None) -> Calibration:
    """The encoder's calibration for source language ``lang``, or its all-language fit."""
    table = tomllib.loads((resources.files("tqcheck.resources") / "calibration.toml").read_text(encoding="utf-8"))
    entry = table[encoder]
    align = tuple((k, float(v)) for k, v in sorted(entry.get("align", {}).items()))
    fit = entry.get("lang", {}).get(lang or "") or entry
    return Calibration(encoder, float(fit["midpoint"]), float(fit["scale"]), fit["data"], align)
