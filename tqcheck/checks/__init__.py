"""Checks: each one receives the aligned segments and yields findings."""
from __future__ import annotations

from tqcheck.checks.alignment import AlignmentCheck
from tqcheck.checks.base import Check, CheckContext, SegmentView
from tqcheck.checks.cognate_sense import CognateSenseCheck
from tqcheck.checks.cognates import CognateCheck
from tqcheck.checks.family_names import FamilyNameCheck
from tqcheck.checks.lexicon import LexiconCheck
from tqcheck.checks.name_counterparts import NameCounterpartCheck
from tqcheck.checks.names import NameCheck
from tqcheck.checks.numbers import NumberCheck
from tqcheck.checks.punctuation import PunctuationCheck
from tqcheck.checks.region_forms import RegionFormCheck
from tqcheck.checks.relayed_names import RelayedNameCheck
from tqcheck.checks.sister_calques import SisterCalqueCheck
from tqcheck.checks.swapped_names import SwappedNameCheck
from tqcheck.checks.transliteration import TransliterationCheck
from tqcheck.checks.titles import TitleCheck
from tqcheck.checks.untranslated import UntranslatedCheck, UntranslatedWordCheck

# name -> factory(config); the order here is the order findings are produced in.
REGISTRY = {
    "alignment": lambda config: AlignmentCheck(),
    "lexicon": lambda config: LexiconCheck(config.lexicons),
    "name": lambda config: NameCheck(exonyms=config.options.get("exonyms", "default")),
    "transliteration": lambda config: TransliterationCheck(),
    "region-form": lambda config: RegionFormCheck(),
    "family-name": lambda config: FamilyNameCheck(),
    "relayed-name": lambda config: RelayedNameCheck(),
    "name-counterpart": lambda config: NameCounterpartCheck(report_missing=_missing_names(config)),
    "swapped-name": lambda config: SwappedNameCheck(),
    "number": lambda config: NumberCheck(),
    "punctuation": lambda config: PunctuationCheck(),
    "untranslated": lambda config: UntranslatedCheck(),
    "untranslated-word": lambda config: UntranslatedWordCheck(),
    "cognate": lambda config: CognateCheck(),
    "cognate-sense": lambda config: CognateSenseCheck(),
    "title": lambda config: TitleCheck(),
    # last: a hint carried from another language's list gives way to every check on the same span (an office)
    "sister-calque": lambda config: SisterCalqueCheck(),
}


def _missing_names(config) -> bool | str:
    """``[options] missing_names``: "vectors" (those the word vectors confirm; the default since session 14), true
    (all) or false (none but full East Slavic names, the default of a rules-only run, which loads no model)."""
    mode = config.options.get("missing_names", "vectors" if config.qe else False)
    return "vectors" if mode == "vectors" else bool(mode)


def build_checks(config) -> list[Check]:
    return [factory(config) for name, factory in REGISTRY.items() if not config.switched_off("check", name)]


__all__ = ["REGISTRY", "Check", "CheckContext", "SegmentView", "build_checks"]
