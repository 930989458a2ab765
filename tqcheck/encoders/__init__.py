"""Sentence encoders: a small protocol and a registry keyed by name."""
from tqcheck.encoders.base import ENCODERS, CachedEncoder, Encoder, load_encoder

__all__ = ["ENCODERS", "CachedEncoder", "Encoder", "load_encoder"]
