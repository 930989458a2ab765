"""Build ``tqcheck/resources/subdivisions.tsv``: the names of the regions, departments, provinces and districts of
the countries that write es, fr, it and pt (ISO 3166-2), which English keeps as they are (the Manche, the Var,
the Marche): a capitalised word of the source that is one of them is a place's name, not an institution's common
noun left untranslated (``untranslated-name-word``).

Run once at build time (``pip install pycountry``: LGPL-2.1, its data from Debian's iso-codes, LGPL-2.1); tqcheck
reads only the TSV it writes.

usage: python bench/build_subdivisions.py [--output tqcheck/resources/subdivisions.tsv]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

COUNTRIES = {
    "es": ("ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA",
           "UY"),
    "fr": ("FR", "BE", "CH", "LU"),
    "it": ("IT", "CH"),
    "pt": ("PT", "BR", "AO", "MZ"),
}
HEADER = """# title: Regions, departments, provinces and districts of the countries that write es, fr, it, pt (ISO 3166-2)
# version: 1
# sources: ISO 3166-2 subdivision names from Debian iso-codes (LGPL-2.1) via pycountry {version} (LGPL-2.1), built by bench/build_subdivisions.py
# use: checks/untranslated.py (rule untranslated-name-word): a capitalised word that is one of these names (the Manche, the Var, the Marche) names a place English keeps as it is, not an institution's common noun
lang\tname\tcountry\ttype
"""


def names(raw: str) -> list[str]:
    """'Galicia [Galicia]', 'Valencia / València': every spelling."""
    return [n.strip() for n in re.split(r"\s*(?:\[|\]|/)\s*", raw) if n.strip()]


def main() -> None:
    import pycountry

    parser = argparse.ArgumentParser()
    parser.add_argument("--output", type=Path, default=Path("tqcheck/resources/subdivisions.tsv"))
    args = parser.parse_args()
    rows = set()
    for lang, countries in COUNTRIES.items():
        for country in countries:
            for sub in pycountry.subdivisions.get(country_code=country) or ():
                rows.update((lang, name, country, sub.type) for name in names(sub.name))
    from importlib.metadata import version
    text = HEADER.format(version=version("pycountry")) + "".join("\t".join(r) + "\n" for r in sorted(rows))
    args.output.write_text(text, encoding="utf-8")
    print(f"{len(rows)} names -> {args.output}")


if __name__ == "__main__":
    main()
