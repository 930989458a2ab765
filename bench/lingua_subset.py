"""Does ``lang.is_language(text, code)`` (a detector of two or three languages first) answer as
``lang.detect(text) == code`` (all eight) on real text? And what each holds in memory.

    python bench/lingua_subset.py [/work/shared/data]

Texts: every line of FLORES-200 devtest and NTREX-128 in all eight languages and the WMT21 newstest2021 de-en and
ru-en sources and references, each asked for every source language whose check would ask it (the untranslated
check's gates: five lower-case words, not plainly English, a Cyrillic letter for ru/uk). Prints the texts asked,
the disagreements (expected 0), and the RSS growth of each way on the FLORES English lines the check would ask (fresh processes).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tqcheck.lang import SOURCE_LANGUAGES

FILES = ["flores200_devtest/" + f for f in ("eng_Latn", "rus_Cyrl", "ukr_Cyrl", "deu_Latn", "fra_Latn", "spa_Latn",
                                            "por_Latn", "ita_Latn")]


def texts(data: Path) -> list[str]:
    out = []
    for name in FILES:
        out += (data / f"{name}.devtest").read_text(encoding="utf-8").splitlines()
    out += [p.read_text(encoding="utf-8") for p in sorted((data / "ntrex128").glob("newstest2019-*.txt"))]
    for pair in ("de-en", "ru-en"):
        for line in (data / "wmt21" / f"newstest2021.{pair}.ref-A.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            out += line.split("\t")[2:4]
    return [t for block in out for t in block.splitlines() if t.strip()]


def asked(text: str, code: str) -> bool:
    from tqcheck.checks import untranslated as u

    return (len(u._WORD.findall(text)) >= 5 and not u._plainly_english(text) and u._may_be_source(text, code))


_RSS = """
import sys
from tqcheck import lang
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
lines = sys.stdin.read().splitlines()
before = rss()
for t in lines:
    lang.detect(t) == sys.argv[1] if sys.argv[2] == 'all' else lang.is_language(t, sys.argv[1])
print(f"{rss() - before:.0f}")
"""


def main() -> None:
    from tqcheck import lang

    data = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    lines = list(dict.fromkeys(texts(data)))
    n = differ = 0
    for text in lines:
        codes = [c for c in SOURCE_LANGUAGES if asked(text, c)]
        if not codes:
            continue
        full = lang.detect(text)
        for code in codes:
            n += 1
            if (full == code) != lang.is_language(text, code):
                differ += 1
                print(f"differs for {code}: detect={full}: {text[:120]}")
    print(f"{len(lines):,} distinct lines; {n:,} (text, source language) questions the check would ask; "
          f"{differ} answered differently")
    english = (data / "flores200_devtest/eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    for code in ("de", "ru"):
        ask = "\n".join(t for t in english if asked(t, code))
        grown = {how: subprocess.run([sys.executable, "-c", _RSS, code, how], input=ask, text=True,
                                     capture_output=True, check=True).stdout.strip() for how in ("all", "subset")}
        print(f"RSS growth asking FLORES English lines whether they are {code}: eight languages {grown['all']} MiB, "
              f"is_language {grown['subset']} MiB")


if __name__ == "__main__":
    main()
