"""simplemma's low-memory dictionaries (``morph.lemma`` / ``morph.is_known``) answer as its default ones.

    python bench/lemma_low_memory.py [/work/shared/data]

Every word of FLORES-200 devtest and NTREX-128 in each simplemma language tqcheck uses (as written and
lower-cased) is lemmatised and looked up both ways; prints the words, the differences (expected 0) and the RSS
growth of each way (fresh processes).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FILES = {"en": ("eng_Latn", "newstest2019-src.eng.txt"), "de": ("deu_Latn", "newstest2019-ref.deu.txt"),
         "fr": ("fra_Latn", "newstest2019-ref.fra.txt"), "es": ("spa_Latn", "newstest2019-ref.spa.txt"),
         "pt": ("por_Latn", "newstest2019-ref.por.txt"), "it": ("ita_Latn", "newstest2019-ref.ita.txt"),
         "ru": ("rus_Cyrl", "newstest2019-ref.rus.txt"), "uk": ("ukr_Cyrl", "newstest2019-ref.ukr.txt")}

_RUN = """
import sys, simplemma
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
words, low = sys.stdin.read().split(), sys.argv[2] == 'low'
before = rss()
out = [(simplemma.lemmatize(w, sys.argv[1], low_memory=low), simplemma.is_known(w, sys.argv[1], low_memory=low))
       for w in words]
print(f"{rss() - before:.0f}")
print("\\n".join(f"{a}\\t{b}" for a, b in out))
"""


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    print("| lang | words | differences | RSS growth: default | low_memory |")
    print("|---|---|---|---|---|")
    for lang, (flores, ntrex) in FILES.items():
        text = (data / "flores200_devtest" / f"{flores}.devtest").read_text(encoding="utf-8") + \
            (data / "ntrex128" / ntrex).read_text(encoding="utf-8")
        words = sorted({v for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text) for v in (w, w.lower())})
        runs = {how: subprocess.run([sys.executable, "-c", _RUN, lang, how], input="\n".join(words), text=True,
                                    capture_output=True, check=True).stdout.split("\n", 1) for how in ("default", "low")}
        differ = sum(a != b for a, b in zip(runs["default"][1].splitlines(), runs["low"][1].splitlines()))
        print(f"| {lang} | {len(words):,} | {differ} | {runs['default'][0]} MiB | {runs['low'][0]} MiB |", flush=True)


if __name__ == "__main__":
    main()
