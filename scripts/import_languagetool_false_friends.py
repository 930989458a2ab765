"""Write tqcheck/resources/false-friends/languagetool.tsv from LanguageTool's false-friends.xml.

Keeps the rule groups with a one-token pattern in one of tqcheck's source languages that has English meanings,
and the English look-alike(s) of the same group. The output keeps LanguageTool's licence (LGPL-2.1-or-later) and
attribution in its header: it is a separate data file, not mixed into tqcheck's own data.

usage: python scripts/import_languagetool_false_friends.py [--xml ../shared/data/languagetool-false-friends/false-friends.xml]
"""
from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from pathlib import Path

LANGS = ("es", "fr", "de", "it", "pt", "ru", "uk")
COMMIT = "00b3c55eaf22af0bd229e4bd9797a1251618cf4e"
HEADER = f"""# title: source-language false friends of English words, from LanguageTool's false-friends.xml
# version: 1
# licence: LGPL-2.1-or-later (GNU Lesser General Public License version 2.1, or at your option any later version)
# copyright: (C) 2001-2016 Daniel Naber (http://www.danielnaber.de) and the LanguageTool contributors
# source: https://github.com/languagetool-org/languagetool languagetool-core/src/main/resources/org/languagetool/rules/false-friends.xml at commit {COMMIT}
# derived by scripts/import_languagetool_false_friends.py: one-token rules in es/fr/de/it/pt/ru/uk with English meanings, joined with the English look-alike of the same rule group; '|' separates alternatives
"""
COLUMNS = ("group", "lang", "source", "english", "meanings")
_PLAIN = re.compile(r"^[^\W\d_]+(?:\|[^\W\d_]+)*$")


def alternatives(token: ET.Element) -> list[str] | None:
    """The token's words, or None when it is more than a plain word or an alternation of words."""
    text = (token.text or "").strip()
    if token.get("negate") or token.get("skip") or not _PLAIN.match(text):
        return None
    return [w.lower() for w in text.split("|")] if token.get("regexp") == "yes" else [text.lower()]


def rows(xml: Path):
    for group in ET.parse(xml).getroot().iter("rulegroup"):
        english: list[str] = []
        for rule in group.findall("rule"):
            pattern = rule.find("pattern")
            tokens = pattern.findall("token")
            if pattern.get("lang") == "en" and len(tokens) == 1 and (words := alternatives(tokens[0])):
                english += words
        if not english:
            continue
        for rule in group.findall("rule"):
            pattern = rule.find("pattern")
            tokens = pattern.findall("token")
            meanings = [t.text.strip() for t in rule.findall("translation") if t.get("lang") == "en" and t.text]
            if pattern.get("lang") in LANGS and len(tokens) == 1 and meanings and (words := alternatives(tokens[0])):
                look_alikes = [e for e in english if e not in {m.lower() for m in meanings}]
                if look_alikes:
                    yield (group.get("id"), pattern.get("lang"), "|".join(words), "|".join(dict.fromkeys(look_alikes)),
                           "|".join(meanings))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--xml", type=Path,
                        default=Path("../shared/data/languagetool-false-friends/false-friends.xml"))
    parser.add_argument("--out", type=Path, default=Path("tqcheck/resources/false-friends/languagetool.tsv"))
    args = parser.parse_args()
    found = sorted(set(rows(args.xml)), key=lambda r: (r[1], r[0], r[2]))
    body = "".join("\t".join(r) + "\n" for r in found)
    args.out.write_text(HEADER + "\t".join(COLUMNS) + "\n" + body, encoding="utf-8")
    print(f"{args.out}: {len(found)} entries")


if __name__ == "__main__":
    main()
