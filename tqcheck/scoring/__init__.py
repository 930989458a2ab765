"""QE scorers: a protocol, the embedding scorer and its calibration, and QE switched off."""
from tqcheck.scoring.base import NoScorer, QEItem, Scorer
from tqcheck.scoring.calibration import Calibration, load_calibration
from tqcheck.scoring.embedding import EmbeddingScorer

__all__ = ["NoScorer", "QEItem", "Scorer", "Calibration", "load_calibration", "EmbeddingScorer"]
