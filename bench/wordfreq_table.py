"""Prove tqcheck's compact word-frequency table answers as wordfreq does, and print what each costs.

    python bench/wordfreq_table.py /work/shared/data

For each language: every word of wordfreq's list gets the same centibel band from the table as from wordfreq's dict,
and every token of FLORES-200 devtest and NTREX-128 in that language (as written, lower-cased, and wordfreq's own
tokens; plus the English side) gets the same ``zipf_frequency``. Memory: RSS growth of wordfreq's dict vs the table
after the same look-ups, each measured in a fresh process.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FILES = {
    "en": ["flores200_devtest/eng_Latn.devtest", "ntrex128/newstest2019-src.eng.txt"],
    "ru": ["flores200_devtest/rus_Cyrl.devtest", "ntrex128/newstest2019-ref.rus.txt"],
    "uk": ["flores200_devtest/ukr_Cyrl.devtest", "ntrex128/newstest2019-ref.ukr.txt"],
    "de": ["flores200_devtest/deu_Latn.devtest", "ntrex128/newstest2019-ref.deu.txt"],
    "fr": ["flores200_devtest/fra_Latn.devtest", "ntrex128/newstest2019-ref.fra.txt"],
    "es": ["flores200_devtest/spa_Latn.devtest", "ntrex128/newstest2019-ref.spa.txt"],
    "pt": ["flores200_devtest/por_Latn.devtest", "ntrex128/newstest2019-ref.por.txt"],
    "it": ["flores200_devtest/ita_Latn.devtest", "ntrex128/newstest2019-ref.ita.txt"],
}


def tokens(data: Path, lang: str) -> set[str]:
    out: set[str] = set()
    for name in FILES[lang]:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            for word in re.findall(r"[\w'’-]+", line):
                out.update((word, word.lower()))
    return out


def check(data: Path, lang: str) -> tuple[int, int, int]:
    """(listed words, tokens, mismatches)."""
    import wordfreq

    from tqcheck import wordfreq_table

    table = wordfreq_table.table(lang)
    listed = wordfreq.get_frequency_list(lang)
    last = {w: band for band, words in enumerate(listed) for w in words}   # wordfreq's dict keeps the last band
    bad = sum(1 for w, band in last.items() if table.band(w) != band)
    words = tokens(data, lang)
    bad += sum(1 for w in words if wordfreq_table.zipf_frequency(w, lang) != wordfreq.zipf_frequency(w, lang))
    return len(last), len(words), bad


_RSS = """
import sys
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
words = sys.stdin.read().split()
import wordfreq, wordfreq.tokens
before = rss()
if sys.argv[2] == 'dict':
    from wordfreq import zipf_frequency
else:
    from tqcheck.wordfreq_table import zipf_frequency
for w in words:
    zipf_frequency(w, sys.argv[1])
print(rss() - before)
"""


def rss_mib(words: set[str], lang: str, how: str) -> float:
    out = subprocess.run([sys.executable, "-c", _RSS, lang, how], input="\n".join(words), text=True,
                         capture_output=True, check=True)
    return float(out.stdout)


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    print("| lang | listed words | FLORES+NTREX tokens | mismatches | RSS growth: wordfreq dict | table |")
    print("|---|---|---|---|---|---|")
    for lang in FILES:
        listed, n, bad = check(data, lang)
        words = tokens(data, lang)
        print(f"| {lang} | {listed:,} | {n:,} | {bad} | {rss_mib(words, lang, 'dict'):.0f} MiB "
              f"| {rss_mib(words, lang, 'table'):.0f} MiB |", flush=True)


if __name__ == "__main__":
    main()
