"""Does unloading lingua models change any ``lang.is_language`` answer?

    python bench/lingua_unload.py [--data /work/shared/data] [--lines 25] [--identified]

Asks ``is_language(text, code)`` for the first --lines FLORES-200 devtest lines of all eight languages and their
first eight words (short texts use every n-gram model), for each of the seven source languages, once in a process
that unloads after every confirmation and once in one that never does, and prints how many answers differ.
``--identified``: instead, before each source language's questions, that language's and English's first --lines
lines are identified as a document's are (``pipeline.identify_languages``, which loads the models of every
language of the alphabet), once in a process that then unloads what the checks do not use (``lang.identified``)
and once in one that keeps them (both unload after confirmations as usual).
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


def _lines(data: Path, code: str, lines: int) -> list[str]:
    return (data / "flores200_devtest" / f"{FILES[code]}.devtest").read_text(encoding="utf-8").splitlines()[:lines]


def _texts(data: Path, lines: int) -> list[str]:
    texts = []
    for code in FILES:
        rows = _lines(data, code, lines)
        texts += rows + [" ".join(r.split()[:8]) for r in rows]
    return texts


def ask(data: Path, lines: int, releases: int) -> list[bool]:
    from tqcheck import lang

    lang.RELEASES = releases
    texts = _texts(data, lines)
    return [lang.is_language(t, code) for t in texts for code in CODES]


def ask_identified(data: Path, lines: int, unload: bool) -> list[bool]:
    from tqcheck import lang, pipeline

    if not unload:
        pipeline.identified = lambda code: None
    texts, english = _texts(data, lines), "\n".join(_lines(data, "en", lines))
    answers = []
    for code in CODES:
        lang.is_language.cache_clear()          # every question asked of lingua again, after this identification
        assert pipeline.identify_languages("\n".join(_lines(data, code, lines)), english, None, None) == (code, "en")
        answers += [lang.is_language(t, code) for t in texts]
    return answers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--lines", type=int, default=25)
    parser.add_argument("--identified", action="store_true")
    parser.add_argument("--releases", type=int, help=argparse.SUPPRESS)     # the child process's setting
    args = parser.parse_args()
    if args.releases is not None:
        answers = ask_identified(args.data, args.lines, bool(args.releases)) if args.identified \
            else ask(args.data, args.lines, args.releases)
        print(json.dumps(answers))
        return
    answers = {}
    for releases in (0, 10**9):
        out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--lines", str(args.lines),
                              "--releases", str(releases)] + (["--identified"] if args.identified else []),
                             capture_output=True, text=True, check=True).stdout
        answers[releases] = json.loads(out)
    never, always = answers[0], answers[10**9]
    what = "unloading after identification" if args.identified else "unloading after every confirmation"
    print(f"{len(never):,} questions, {sum(never):,} yes; {what}: {sum(a != b for a, b in zip(never, always))} "
          "answers differ")


if __name__ == "__main__":
    main()
