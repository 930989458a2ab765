"""User configuration: extra lexicons, ignore lists, disabled checks (``tqcheck.toml``)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.align import AlignParams
from tqcheck.errors import InputError
from tqcheck.model import Finding

DEFAULT_FILE = "tqcheck.toml"
DISABLE_KINDS = ("check", "category", "rule")


@dataclass
class Config:
    """Everything a user can change without code.

    ``tqcheck.toml``::

        lexicons = ["my-terms.tsv"]            # extra rule files, same format as the bundled ones
        disable = ["punctuation", "es-agenda"] # checks, categories or rule ids to switch off; a plain name
                                               # switches off all three of that name, a prefixed one only its
                                               # kind: "check:untranslated" (the sentence check, not the
                                               # untranslated category), "category:untranslated", "rule:number-extra"
        qe = false                             # rules only: no quality estimation (as --no-qe)
        [ignore]
        rules = ["es-en.precisar"]             # silence rule ids
        texts = ["Kiev"]                       # silence findings whose target text is this (case-insensitive)
        segments = [3]                         # silence whole segments by id
    """

    lexicons: list[Path] = field(default_factory=list)
    disable: set[str] = field(default_factory=set)
    ignore_rules: set[str] = field(default_factory=set)
    ignore_texts: set[str] = field(default_factory=set)
    ignore_segments: set[int] = field(default_factory=set)
    align_params: AlignParams = field(default_factory=lambda: AlignParams(midpoint=0.0, scale=1.0))
    options: dict[str, Any] = field(default_factory=dict)
    qe: bool = True

    def __post_init__(self) -> None:
        for entry in self.disable:
            kind, sep, name = entry.partition(":")
            if sep and (kind not in DISABLE_KINDS or not name):
                raise InputError(f"disable: {entry!r} — a prefix must be one of "
                                 f"{', '.join(k + ':' for k in DISABLE_KINDS)}")

    def switched_off(self, kind: str, name: str) -> bool:
        """Whether ``disable`` names this check, category or rule id (``kind``), plainly or with its prefix."""
        return name in self.disable or f"{kind}:{name}" in self.disable

    def drops(self, rule: str, category: str) -> bool:
        """Whether a finding of this rule id and category is switched off."""
        return self.switched_off("rule", rule) or self.switched_off("category", category)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Config:
        """Read ``path``, or ``./tqcheck.toml`` when it exists, else defaults."""
        if path is None:
            if not Path(DEFAULT_FILE).is_file():
                return cls()
            path = DEFAULT_FILE
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: no such config file") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not a valid TOML config ({exc})") from None
        ignore = data.get("ignore", {})
        base = path.parent
        if not isinstance(data.get("qe", True), bool):
            raise InputError(f"{path}: qe must be true or false, not {data['qe']!r}")
        return cls(
            lexicons=[base / p for p in data.get("lexicons", [])],
            disable=set(data.get("disable", [])),
            ignore_rules=set(ignore.get("rules", [])),
            ignore_texts={t.casefold() for t in ignore.get("texts", [])},
            ignore_segments={int(s) for s in ignore.get("segments", [])},
            options=data.get("options", {}),
            qe=data.get("qe", True),
        )

    def is_ignored(self, finding: Finding, ctx=None) -> bool:
        if finding.rule in self.ignore_rules or self.drops(finding.rule, finding.category):
            return True
        if finding.segment in self.ignore_segments:
            return True
        text = finding.target_span.text.casefold() if finding.target_span else None
        return text is not None and text in self.ignore_texts
