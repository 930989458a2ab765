"""Does unloading the other languages' lingua models after a confirmation change any ``lang.is_language`` answer?

    python bench/lingua_unload.py [--data /work/shared/data] [--lines 25]

Asks ``is_language(text, code)`` for the first --lines FLORES-200 devtest lines of all eight languages and their
first eight words (short texts use every n-gram model), for each of the seven source languages, once in a process
that unloads after every confirmation and once in one that never does, and prints how many answers differ.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

FILES = {"de": "deu_Latn", "en": "eng_Latn", "fr": "fra_Latn", "es": "spa_Latn", "it": "ita_Latn",
         "pt": "por_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl"}
CODES = ("de", "fr", "es", "it", "pt", "ru", "uk")


def ask(data: Path, lines: int, releases: int) -> list[bool]:
    from tqcheck import lang

    lang.RELEASES = releases
    texts = []
    for name in FILES.values():
        rows = (data / "flores200_devtest" / f"{name}.devtest").read_text(encoding="utf-8").splitlines()[:lines]
        texts += rows + [" ".join(r.split()[:8]) for r in rows]
    return [lang.is_language(t, code) for t in texts for code in CODES]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--lines", type=int, default=25)
    parser.add_argument("--releases", type=int, help=argparse.SUPPRESS)     # the child process's setting
    args = parser.parse_args()
    if args.releases is not None:
        print(json.dumps(ask(args.data, args.lines, args.releases)))
        return
    answers = {}
    for releases in (0, 10**9):
        out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--lines", str(args.lines),
                              "--releases", str(releases)], capture_output=True, text=True, check=True).stdout
        answers[releases] = json.loads(out)
    never, always = answers[0], answers[10**9]
    print(f"{len(never):,} questions, {sum(never):,} yes; unloading after every confirmation: "
          f"{sum(a != b for a, b in zip(never, always))} answers differ")


if __name__ == "__main__":
    main()
