"""QE scorers: a protocol, the embedding scorer and its calibration."""
from tqcheck.scoring.base import QEItem, Scorer
from tqcheck.scoring.calibration import Calibration, load_calibration
from tqcheck.scoring.embedding import EmbeddingScorer

__all__ = ["QEItem", "Scorer", "Calibration", "load_calibration", "EmbeddingScorer"]
