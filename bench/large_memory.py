"""Rules-only cost of a large translation memory: peak RSS and CPU per unit of ``tqcheck batch --no-qe``.

    python bench/large_memory.py write DIR --units 100000 [--data /work/shared/data]
    python bench/large_memory.py run DIR OUT [--pythonpath PATH] [--jobs 1] [--langs ru,de]

``write`` builds DIR/ru/ru-en.tmx and DIR/de/de-en.tsv of --units units each by repeating the 4,009 distinct real
pairs of WMT21 newstest2021 (ref-A), FLORES-200 devtest and NTREX-128 (ru-en and de-en); every TMX unit gets its
own id (``u<n>``), a TSV unit is identified by its line. ``--distinct`` takes the pairs from every WMT21 newstest2021
translation of the pair instead (both references and all system outputs; with FLORES and NTREX 15,623 distinct de-en
and 12,635 ru-en pairs, many distinct targets per source), so that per-word caches are not flattered by
4,000 pairs repeated. ``run`` checks each folder with one
``/usr/bin/time -v python -m tqcheck.cli batch DIR -o OUT --no-qe --jobs J --fail-on never --quiet`` and prints
peak RSS (MiB of VmHWM; with --jobs > 1 the largest process), CPU (user + sys, start-up included) and wall time per
unit, and the 1-minute load average at the end.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

PAIRS = {
    "ru": ("rus_Cyrl", "newstest2019-ref.rus.txt"),
    "de": ("deu_Latn", "newstest2019-ref.deu.txt"),
}


def real_pairs(data: Path, lang: str) -> list[tuple[str, str]]:
    """WMT21 newstest (source, ref-A), then FLORES-200 devtest and NTREX-128 (source, English)."""
    pairs = []
    for line in (data / "wmt21" / f"newstest2021.{lang}-en.ref-A.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 4 and cols[2].strip() and cols[3].strip():
            pairs.append((cols[2], cols[3]))
    flores, ntrex = PAIRS[lang]
    for src, tgt in ((data / "flores200_devtest" / f"{flores}.devtest", data / "flores200_devtest" / "eng_Latn.devtest"),
                     (data / "ntrex128" / ntrex, data / "ntrex128" / "newstest2019-src.eng.txt")):
        pairs += zip(src.read_text(encoding="utf-8").splitlines(), tgt.read_text(encoding="utf-8").splitlines())
    return [(s.replace("\t", " "), t.replace("\t", " ")) for s, t in pairs if s.strip() and t.strip()]


def system_pairs(data: Path, lang: str) -> list[tuple[str, str]]:
    """Every distinct (source, translation) of WMT21 newstest2021 (references and system outputs, file by file),
    then FLORES-200 devtest and NTREX-128."""
    pairs: dict[tuple[str, str], None] = {}
    for path in sorted((data / "wmt21").glob(f"newstest2021.{lang}-en.*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) == 4 and cols[2].strip() and cols[3].strip():
                pairs.setdefault((cols[2], cols[3]))
    for pair in real_pairs(data, lang):
        pairs.setdefault(pair)
    return list(pairs)


def write_tmx(pairs: list[tuple[str, str]], path: Path, units: int, lang: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="{lang}" '
                 'creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" '
                 'datatype="plaintext"/><body>\n')
        for k in range(units):
            s, t = pairs[k % len(pairs)]
            fh.write(f'<tu tuid="u{k}"><tuv xml:lang="{lang}"><seg>{escape(s)}</seg></tuv>'
                     f'<tuv xml:lang="en"><seg>{escape(t)}</seg></tuv></tu>\n')
        fh.write("</body></tmx>\n")


def write_tsv(pairs: list[tuple[str, str]], path: Path, units: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(units):
            fh.write("%s\t%s\n" % pairs[k % len(pairs)])


def write(args) -> None:
    for lang in ("ru", "de"):
        folder = args.dir / lang
        folder.mkdir(parents=True, exist_ok=True)
        pairs = (system_pairs if args.distinct else real_pairs)(args.data, lang)
        if lang == "ru":
            path = folder / "ru-en.tmx"
            write_tmx(pairs, path, args.units, lang)
        else:
            path = folder / "de-en.tsv"
            write_tsv(pairs, path, args.units)
        print(f"{path}: {args.units:,} units of {len(set(pairs)):,} distinct pairs, {path.stat().st_size / 2**20:.1f} MiB")


def run(args) -> None:
    env = dict(os.environ, PYTHONPATH=args.pythonpath)
    for lang in args.langs.split(","):
        out = args.out / lang
        cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "tqcheck.cli", "batch", str(args.dir / lang), "-o",
               str(out), "--no-qe", "--jobs", str(args.jobs), "--fail-on", "never", "--quiet", "--force"]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=args.dir)   # not -m's cwd first on sys.path
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr[-3000:])
        stat = {k: float(v) for k, v in re.findall(r"\t(User time|System time|Maximum resident)[^:]*: ([\d.]+)",
                                                    done.stderr)}
        clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)",
                          done.stderr).groups()
        wall = 3600 * float(clock[0] or 0) + 60 * float(clock[1]) + float(clock[2])
        units = sum(1 for _ in open(next((args.dir / lang).iterdir()), encoding="utf-8")
                    if _.startswith(("<tu ",)) or "\t" in _)
        cpu = stat["User time"] + stat["System time"]
        print(f"{lang}: {units:,} units, CPU {cpu:.1f} s = {1000 * cpu / units:.2f} ms/unit, peak RSS "
              f"{stat['Maximum resident'] / 1024:.0f} MiB, wall {wall:.0f} s = {1000 * wall / units:.2f} ms/unit, load "
              f"{os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(required=True)
    w = sub.add_parser("write")
    w.add_argument("dir", type=Path)
    w.add_argument("--units", type=int, default=100_000)
    w.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    w.add_argument("--distinct", action="store_true", help="every WMT21 system output, not 4,009 pairs repeated")
    w.set_defaults(func=write)
    r = sub.add_parser("run")
    r.add_argument("dir", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("--pythonpath", default=str(Path(__file__).resolve().parent.parent))
    r.add_argument("--jobs", type=int, default=1)
    r.add_argument("--langs", default="ru,de", help="which of DIR/ru, DIR/de to check")
    r.set_defaults(func=run)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
