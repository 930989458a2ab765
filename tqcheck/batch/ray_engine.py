"""Checking documents on a Ray cluster (``tqcheck batch --engine ray``), behind the interface of local.py.

``run_documents(specs, settings, jobs, on_result)`` checks ``(spec, input fingerprint)`` pairs and calls
``on_result(record)`` once per document, like :func:`tqcheck.batch.local.run_documents`; run.py journals the
records and writes summary.json, findings.csv and report.html with the same code for both engines, so the outputs
are byte-identical to ``--engine local``.

How the work flows (Ray Data, streaming):

* Each document is a row of a Ray Dataset (``from_items``; up to 4 documents per block, a task, with at least 8
  blocks per actor; one row per block everywhere else, so that chunks spread over the actors). TSV and TMX files of
  ``TQCHECK_RAY_STREAM_BYTES`` or more (default 1 MiB) are not read by the driver: a read task
  (:class:`_PairStream`) streams the file twice (a first pass validates it, counts its pairs and identifies its
  languages exactly as the local engine does; a second pass cuts it) and yields pre-segmented chunks of
  ``TQCHECK_RAY_CHUNK_PAIRS`` pairs (default 2000), each with one pair of context on either side. A file the
  first pass finds anything wrong with (wrong encoding, bad columns, malformed XML...) is checked whole instead,
  by the local code, so that its error record is the local engine's.
* ``map_batches`` runs :class:`_CheckActor`, a callable class: an actor pool where each actor builds one Checker
  (encoder loaded once) with the local engine's worker code and checks documents (``check_document``) and chunks.
  Chunk results carry absolute segment ids and text offsets.
* The driver iterates over the results as they arrive: a document's record goes to ``on_result``; a chunk is
  written to a spool folder (``.tqcheck-journal/ray/`` under the output folder) and, once all chunks of a document
  are there, merged into the record the local engine would have made, except that its segments stay in the chunk
  files, which the record lists in ``parts`` and the journal takes over (:mod:`tqcheck.batch.records`). The only cross-segment check of the
  pipeline, "one name spelled two ways in one translation" (``name-two-spellings``), is run at the merge over the
  whole document with the pipeline's own code; the lexicon's context sentence comes from the context pairs.
* Fault tolerance: actors are restarted and their tasks retried by Ray (``max_restarts=-1``,
  ``max_task_retries=2``); results are keyed by document and chunk, so a retried task cannot count twice.
  Whatever is still missing after the dataset ran (a document that keeps killing its worker) is retried once in a
  second dataset; what is missing after that is recorded as the local engine records a dead worker.
* ``--resume``: finished documents come from the journal (run.py); chunks already spooled for a document that was
  cut off are not checked again.

Differences that remain: embeddings are computed in batches, and a chunk's batches are not the whole document's,
so an embedding may differ in the 7th decimal; qe is reported with 4 (no difference seen on 1,000 FLORES pairs).
The driver never holds an input file nor a whole streamed document: it holds a chunk result at a time while
checking, a chunk file at a time while merging (plus the document's findings) and while writing the outputs
(outputs.py), so its memory does not grow with the input (bench/scale.py).

Knobs (environment, read by the driver): TQCHECK_RAY_STREAM_BYTES, TQCHECK_RAY_CHUNK_PAIRS (above);
TQCHECK_RAY_CRASH_ONCE, a test hook (:meth:`_CheckActor._maybe_crash`). TQCHECK_* variables are passed on to the
cluster's workers (TQCHECK_MAX_BYTES...).

Ray is imported only here, and only when the engine runs (``pip install tqcheck[ray]``).
"""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import logging
import math
import os
import pickle
import shutil
import signal
import sys
import tempfile
import traceback
import warnings
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings
from tqcheck.errors import InputError

STREAMABLE = ("tsv", "tmx")
TWO_SPELLINGS = "name-two-spellings"
_SAMPLE = 3000          # characters language identification looks at (tqcheck.lang)


def chunk_pairs() -> int:
    return max(1, int(os.environ.get("TQCHECK_RAY_CHUNK_PAIRS", 2000)))


def stream_bytes() -> int:
    return int(os.environ.get("TQCHECK_RAY_STREAM_BYTES", 1 << 20))


# ---- on the driver ---------------------------------------------------------------------------------------------
def run_documents(
    specs: list[tuple[DocSpec, str]],
    settings: BatchSettings,
    jobs: int,
    on_result: Callable[[dict], None],
    *,
    address: str | None = None,
    spool: Path | None = None,
) -> None:
    """Check ``(spec, input fingerprint)`` pairs on Ray, calling ``on_result(record)`` as each document finishes.

    ``jobs``: actors (0: one per CPU of the cluster). ``address``: the cluster (``auto``, ``HOST:PORT``); None
    starts a local cluster sized to this machine, unless this process is already connected to one. ``spool``:
    where chunk results wait for their document (default: a temporary folder).
    """
    check_address(address)
    if not specs:
        return
    ray = _import_ray()
    started = _connect(ray, address)
    try:
        with contextlib.ExitStack() as stack:
            if spool is None:
                spool = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tqcheck-ray-")))
            _Run(ray, settings, jobs, on_result, Path(spool)).run(specs)
    finally:
        if started:
            ray.shutdown()


def check_address(address: str | None) -> None:
    """Refuse a Ray Client address: Ray Data 2.60 needs the driver's own core worker (block reference counting),
    which a Ray Client lacks."""
    if address and address.startswith("ray://"):
        raise InputError("--address ray://... (Ray Client) cannot drive Ray Data: run tqcheck on a node of the "
                         "cluster with --address auto (logged in there, or through 'ray job submit -- tqcheck batch "
                         "...')")


def _import_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise InputError("--engine ray needs Ray: pip install 'tqcheck[ray]'") from None
    return ray


def _connect(ray, address: str | None) -> bool:
    """Join the cluster; True when this call started or joined it (and must shut it down)."""
    if ray.is_initialized():
        return False
    env = {k: v for k, v in os.environ.items() if k.startswith("TQCHECK_")}
    options = {"log_to_driver": False}
    if env:
        options["runtime_env"] = {"env_vars": env}
    try:
        if address:
            ray.init(address=address, logging_level=logging.WARNING, **options)
        else:                      # a cluster for this run only: no dashboard, and Ray's notices kept quiet
            ray.init(address="local", num_cpus=os.cpu_count() or 1, include_dashboard=False,
                     logging_level=logging.ERROR, **options)
    except Exception as exc:       # ConnectionError, ValueError, RuntimeError... depending on what is wrong
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        raise InputError(f"cannot start or join {where}: {exc}") from None
    return True


class _Stream:
    """A document streamed in chunks: where its chunks are spooled, its plan, which chunks are done."""

    def __init__(self, spec: DocSpec, fingerprint: str, root: Path, size: int):
        self.spec, self.fingerprint = spec, fingerprint
        key = hashlib.sha1(f"{spec.id}\0{fingerprint}\0{size}".encode("utf-8")).hexdigest()[:24]
        self.folder = root / key
        self.info: dict | None = None
        self.done: set[int] = set()
        if self.folder.is_dir():                      # --resume: what an interrupted run spooled
            try:
                self.info = json.loads((self.folder / "info.json").read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                self.info = None
            for path in self.folder.glob("chunk-*.json"):
                self.done.add(int(path.stem.split("-")[1]))

    def part(self, k: int) -> Path:
        return self.folder / f"chunk-{k:06d}.json"

    @property
    def complete(self) -> bool:
        return self.info is not None and len(self.done) >= self.info["chunks"]


class _Run:
    def __init__(self, ray, settings: BatchSettings, jobs: int, on_result, spool: Path):
        self.ray, self.settings, self.jobs, self.on_result, self.spool = ray, settings, jobs, on_result, spool
        self.finished: set[str] = set()
        self.streams: dict[str, _Stream] = {}

    def run(self, specs: list[tuple[DocSpec, str]]) -> None:
        from tqcheck.batch.local import crashed_record

        size = chunk_pairs()
        threshold = stream_bytes()
        whole: list[tuple[DocSpec, str]] = []
        for spec, fingerprint in specs:
            if spec.kind in STREAMABLE and _size(spec.source) >= threshold:
                self.streams[spec.id] = _Stream(spec, fingerprint, self.spool, size)
            else:
                whole.append((spec, fingerprint))
        for stream in list(self.streams.values()):
            if stream.complete:                       # all chunks spooled before an interruption: merge now
                self._merge(stream)
        for attempt in range(2):
            pending_whole = [(s, f) for s, f in whole if s.id not in self.finished]
            pending_streams = [s for s in self.streams.values() if s.spec.id not in self.finished]
            if not (pending_whole or pending_streams):
                break
            try:
                self._execute(pending_whole, pending_streams, size, isolate=attempt > 0)
            except (KeyboardInterrupt, InputError):
                raise
            except Exception as exc:   # the dataset failed as a whole (actors that cannot start...): say so
                raise InputError(f"the Ray engine failed ({type(exc).__name__}: {str(exc).strip()[:500]}); documents "
                                 "finished so far are journalled: fix the cluster (is this version of tqcheck "
                                 "installed on every node?) and rerun with --resume") from None
        for spec, fingerprint in specs:               # still missing: its worker kept dying
            if spec.id not in self.finished:
                self.finished.add(spec.id)
                self.on_result(crashed_record(spec, fingerprint))

    def _execute(self, whole: list, streams: list[_Stream], size: int, isolate: bool) -> None:
        ray = self.ray
        iterator = None
        with _data_context(), _without_ray_actor_notice():
            try:
                cwd = os.getcwd()
                parts = []
                actors = self._actors(len(whole) + (1 << 30 if streams else 0))
                if whole:
                    # A few documents per block (a task): less overhead per document than one each, and still
                    # several blocks per actor. A retry (isolate) has one document per block, so that a document
                    # that kills its worker takes no other with it.
                    per_block = 1 if isolate else max(1, min(4, len(whole) // (8 * actors)))
                    rows = [{"task": pickle.dumps(("doc", spec, fp))} for spec, fp in whole]
                    parts.append(ray.data.from_items(rows, override_num_blocks=math.ceil(len(rows) / per_block)))
                if streams:
                    # one read task per streamed document; a few at a time (reading is much faster than checking)
                    source = _PairStream([(s.spec, s.fingerprint, sorted(s.done)) for s in streams], size, cwd)
                    parts.append(ray.data.read_datasource(source, num_cpus=0, concurrency=min(len(streams), 4),
                                                          override_num_blocks=len(streams)))
                dataset = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
                dataset = dataset.map_batches(
                    _CheckActor, fn_constructor_args=(self.settings, cwd, os.environ.get("TQCHECK_RAY_CRASH_ONCE")),
                    batch_size=1, batch_format="pyarrow", compute=self._pool(actors), num_cpus=1,
                    max_task_retries=2,
                )
                iterator = iter(dataset.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1))
                for batch in iterator:
                    for raw in batch.column("task").to_pylist():
                        self._handle(pickle.loads(raw))
            finally:
                if iterator is not None and hasattr(iterator, "close"):
                    iterator.close()

    def _actors(self, work: int) -> int:
        """One actor (one CPU) per job, or per CPU of the cluster; never more than there is work for."""
        cpus = max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        return max(1, min(self.jobs if self.jobs > 0 else cpus, work))

    def _pool(self, actors: int):
        """A pool of that size; one that can grow when more are asked for than fit now (an autoscaling cluster
        adds nodes)."""
        from ray.data import ActorPoolStrategy

        cpus = max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        if actors <= cpus:
            return ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=2)
        return ActorPoolStrategy(min_size=cpus, max_size=actors, max_tasks_in_flight_per_actor=2)

    def _handle(self, message: tuple) -> None:
        kind, doc_id = message[0], message[1]
        if doc_id in self.finished:
            return                                    # a retried task's duplicate
        if kind == "doc":
            self.finished.add(doc_id)
            self.on_result(json.loads(message[2]))
            return
        stream = self.streams[doc_id]
        if kind == "info":
            stream.folder.mkdir(parents=True, exist_ok=True)
            _write(stream.folder / "info.json", json.dumps(message[2]))
            stream.info = message[2]
        elif kind == "chunk":
            k = message[2]
            if k not in stream.done:
                stream.folder.mkdir(parents=True, exist_ok=True)
                _write(stream.part(k), message[3])
                stream.done.add(k)
        if stream.complete:
            self._merge(stream)

    def _merge(self, stream: _Stream) -> None:
        paths = [stream.part(k) for k in range(stream.info["chunks"])]
        record = merge_chunks(stream.spec, stream.fingerprint, stream.info, paths, self.settings)
        self.finished.add(stream.spec.id)
        self.on_result(record)                 # takes the chunk files the record lists (Journal.save moves them)
        shutil.rmtree(stream.folder, ignore_errors=True)


@contextlib.contextmanager
def _data_context():
    """Ray Data settings for one run of the engine, restored afterwards (library use)."""
    from ray.data import DataContext

    with warnings.catch_warnings():
        # Ray Data's deprecation notices (its own settings; max_task_retries goes through ray_remote_args,
        # deprecated but not removed in the pinned Ray: without it a document that always kills its worker would be
        # retried for ever), and its advice to read a single streamed file with more tasks (its chunks spread anyway)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
        context = DataContext.get_current()
        saved = {name: getattr(context, name) for name in
                 ("max_errored_blocks", "enable_progress_bars", "print_on_execution_start", "target_max_block_size")}
        data_logger = logging.getLogger("ray.data")
        level = data_logger.level
        # A task that fails after its retries loses its block, not the run: what is missing is retried (_Run.run).
        context.max_errored_blocks = -1
        # One row (a document, a chunk, a result) per block: Ray Data would otherwise pack the chunks a read task
        # yields into blocks of up to 128 MB, and a block goes to one actor: no parallelism within a document.
        context.target_max_block_size = 1
        context.enable_progress_bars = False          # tqcheck has its own progress bar
        context.print_on_execution_start = False
        data_logger.setLevel(logging.ERROR)            # its progress lines; errors (a lost block) still show
        try:
            yield
        finally:
            for name, value in saved.items():
                setattr(context, name, value)
            data_logger.setLevel(level)


_ACTOR_NOTICE = b"has constructor arguments in the object store and max_restarts > 0"


@contextlib.contextmanager
def _without_ray_actor_notice():
    """Ray 2.60's core worker logs an error line for every Ray Data actor it creates ("... has constructor arguments
    in the object store and max_restarts > 0 ...", ray-project/ray#57733: Ray Data passes its own arguments that
    way), written by C++ straight to file descriptor 2. While the dataset runs, descriptor 2 goes to a temporary
    file, whose lines are passed on afterwards, that notice left out. (The progress bar writes to its own copy of
    the terminal, run._Progress.)"""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):               # no descriptor 2 to take over
        yield
        return
    with tempfile.TemporaryFile() as spill:
        os.dup2(spill.fileno(), 2)
        try:
            yield
        finally:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            spill.seek(0)
            for line in spill:
                if _ACTOR_NOTICE not in line:
                    os.write(2, line)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _write(path: Path, text: str) -> None:
    from tqcheck.batch.journal import atomic_write

    atomic_write(path, text)


def merge_chunks(spec: DocSpec, fingerprint: str, info: dict, paths: list[Path], settings: BatchSettings) -> dict:
    """The record of a streamed document from its chunk files (in order): the local engine's record, except that
    its segments stay in the chunk files, listed in ``parts`` (:mod:`tqcheck.batch.records`). Each file is read
    once, and twice more when names may be spelled two ways; what is held is the findings."""
    from tqcheck.batch.local import apply_overrides
    from tqcheck.batch.summary import finding_key
    from tqcheck.checks.names import two_spellings
    from tqcheck.model import QeStats, document_score, summarise

    record = {"id": spec.id, "kind": spec.kind, "source": spec.source_name, "target": spec.target_name,
              "input": fingerprint, "read_path": spec.source, "status": "ok", "error": None}
    findings, qe, scores = [], QeStats(), []
    words, head, spellings = 0, None, False
    for path in paths:
        part = _read(path)
        if part.get("error"):
            record.update(status="error", error=part["error"])
            return record
        head = head or part["head"]
        spellings = spellings or part["two_spellings"]
        findings += part["findings"]
        qe.add(part["qe"])
        scores += part["score"]
        words += part["words"]
    if spellings:          # the pipeline's whole-document check, on the whole document's views
        found = [f for f in two_spellings(partial(_views, paths)) if not settings.config.is_ignored(f)]
        findings += [asdict(f) for f in apply_overrides(found, settings)]
    findings.sort(key=finding_key)
    count = qe.segments
    summary = summarise(qe, ((f["category"], f["severity"]) for f in findings), document_score(scores))
    report = {
        "schema": head["schema"], "tool": head["tool"],
        "source": {"path": spec.source_name, "lang": head["source"]["lang"], "encoding": head["source"]["encoding"],
                   "sentences": count},
        "target": {"path": spec.target_name or spec.source_name, "lang": head["target"]["lang"],
                   "encoding": head["target"]["encoding"], "sentences": count},
        "scorer": head["scorer"], "summary": summary, "findings": findings, **head["extra"],
    }
    record.update(report=report, words=words, parts=[str(p) for p in paths])
    if spec.kind == "tmx":
        record.update(format=info["format"], skipped_units=info["skipped"])
    return record


def _read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _views(paths: list[Path]):
    """The aligned segment views of a streamed document, read from its chunk files."""
    from tqcheck.checks.base import SegmentView
    from tqcheck.model import Segment

    for path in paths:
        part = _read(path)
        for seg, (s, t), p in zip(part["segments"], part["slices"], part["positions"]):
            if s and t:
                yield SegmentView(Segment(seg["id"], (), ()), s, p[0], t, p[2], "")


# ---- in the actors -----------------------------------------------------------------------------------------------
def _enter(cwd: str | None) -> None:
    """Relative paths (inputs, lexicons, glossary) mean what they mean on the driver."""
    if cwd and os.path.isdir(cwd):
        os.chdir(cwd)


class _CheckActor:
    """One per actor: builds the Checker once (the local engine's worker code), then checks rows."""

    def __init__(self, settings: BatchSettings, cwd: str | None, crash_once: str | None = None):
        from tqcheck.batch import local

        _enter(cwd)
        local.init_worker(settings, ignore_sigint=True)
        try:
            local.worker_checker()                     # the encoder, loaded now; a failure is reported per document
        except Exception:
            pass
        self.settings = settings
        self.crash_once = crash_once

    def __call__(self, batch):
        import pyarrow as pa

        out = [pickle.dumps(self._one(pickle.loads(raw))) for raw in batch.column("task").to_pylist()]
        return pa.table({"task": pa.array(out, type=pa.binary())})

    def _one(self, message: tuple) -> tuple:
        from tqcheck.batch.local import check_document

        kind = message[0]
        if kind in ("doc", "whole"):
            spec, fingerprint = message[1], message[2]
            self._maybe_crash(spec.id)
            return ("doc", spec.id, json.dumps(check_document(spec, fingerprint), ensure_ascii=False))
        if kind == "chunk":
            spec, k, payload = message[1], message[3], message[4]
            self._maybe_crash(f"{spec.id}#{k}")
            return ("chunk", spec.id, k, json.dumps(check_chunk(spec, payload, self.settings), ensure_ascii=False))
        return message                            # "info": for the driver

    def _maybe_crash(self, key: str) -> None:
        """Test hook: with TQCHECK_RAY_CRASH_ONCE=DIR, the actor that takes an item (a document id, or ID#CHUNK)
        for which DIR holds a file named by the SHA-1 of that key removes the file and kills itself (SIGKILL, as
        the kernel's out-of-memory killer would), so that Ray's actor restart and task retry are exercised."""
        if not self.crash_once:
            return
        marker = os.path.join(self.crash_once, hashlib.sha1(key.encode("utf-8")).hexdigest())
        try:
            os.unlink(marker)                     # only one process can remove it
        except OSError:
            return
        os.kill(os.getpid(), signal.SIGKILL)


def check_chunk(spec: DocSpec, payload: dict, settings: BatchSettings) -> dict:
    """The result of one chunk (never raises): its own segments with absolute ids and offsets, or an error."""
    from tqcheck.batch.local import relative_message

    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            return _check_chunk(spec, payload, settings)
    except InputError as exc:
        return {"error": relative_message(str(exc), spec)}
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return {"error": f"internal error: {type(exc).__name__}: {exc} "
                         f"({os.path.basename(where.filename)}:{where.lineno})"}


def _check_chunk(spec: DocSpec, payload: dict, settings: BatchSettings) -> dict:
    """What local._check does for a whole document, on a chunk and its context pairs."""
    from tqcheck.batch.checks import glossary_findings, markup_findings, name_candidates
    from tqcheck.batch.local import apply_overrides, count_words, finding_order, worker_checker, worker_glossary
    from tqcheck.checks.base import build_views

    checker = worker_checker()
    checker.clear_cache()
    config = checker.config
    base, (first, end) = payload["base"], payload["own"]
    source_lang, target_lang = payload["langs"]
    saved = config.ignore_segments
    config.ignore_segments = {s - base for s in saved if s >= base}       # segment ids are the chunk's
    try:
        if payload["kind"] == "tsv":
            report, own_lines = _tsv_report(checker, payload, spec)
            words = sum(count_words(line) for line in own_lines)
        else:
            pairs = [(s, t) for s, t in payload["pairs"]]
            report = checker.check_pairs(pairs, source_lang, target_lang, spec.source_name)
            words = sum(count_words(s) for s, _ in pairs[first - base:end - base])
        views = build_views(report.source, report.target, report.segments)
        two_spellings = any(c.name == "name" for c in checker.checks)
        found = [f for f in report.findings if not (two_spellings and f.rule == TWO_SPELLINGS)]
        added = []
        if settings.enabled("markup"):                 # spec.kind is tsv or tmx: never a pair
            added += markup_findings(views)
        if worker_glossary() and settings.enabled("glossary"):
            added += glossary_findings(views, worker_glossary(), report.source.lang)
        added = [f for f in added if not config.is_ignored(f)]
        report.findings = apply_overrides(found + added, settings)
        report.findings.sort(key=finding_order)
        data = report.to_dict()
    finally:
        config.ignore_segments = saved

    lo, hi = first - base, end - base
    if payload["kind"] == "tsv":
        shift = {"source": payload["start"], "target": payload["start"]}
    else:
        shift = {"source": payload["src_off"], "target": payload["tgt_off"]}

    def moved(k: int, side: str) -> int:
        seg = report.segments[k]
        return shift[side] if (seg.source_ids if side == "source" else seg.target_ids) else 0

    segments = []
    for seg in data["segments"][lo:hi]:
        segments.append({**seg, "id": seg["id"] + base,
                         "source_sentences": [i + base for i in seg["source_sentences"]],
                         "target_sentences": [i + base for i in seg["target_sentences"]]})
    findings = []
    for f in data["findings"]:
        k = f["segment"]
        if k is None or not lo <= k < hi:
            continue
        f = dict(f, segment=k + base)
        for side in ("source", "target"):
            span = f[f"{side}_span"]
            if span:
                d = moved(k, side)
                f[f"{side}_span"] = {**span, "start": span["start"] + d, "end": span["end"] + d}
        findings.append(f)
    positions = []
    for k in range(lo, hi):
        v = views[k]
        s, t = moved(k, "source"), moved(k, "target")
        positions.append([v.source_start + s, v.source_start + len(v.source) + s, v.target_start + t,
                          v.target_start + len(v.target) + t])
    names = []
    if settings.enabled("consistency"):
        for word, k, start, stop, source_word, run in name_candidates(views[lo:hi]):
            t = moved(k, "target")
            names.append([word, k + base, start + t, stop + t, source_word, run])
    units = [{"segment": first + j, **u} for j, u in enumerate(payload.get("units", []))]
    head = {key: data[key] for key in ("schema", "tool", "scorer", "source", "target")}
    head["extra"] = {key: value for key, value in data.items()
                     if key not in ("schema", "tool", "scorer", "source", "target", "summary", "segments", "findings")}
    return {
        "error": None, "head": head, "two_spellings": two_spellings, "segments": segments, "findings": findings,
        "qe": [s.qe for s in report.segments[lo:hi]], "positions": positions,
        "score": [[s.score, report.segment_words(s)] for s in report.segments[lo:hi]],
        "slices": [[v.source, v.target] for v in views[lo:hi]], "names": names, "units": units, "words": words,
    }


def _tsv_report(checker, payload: dict, spec: DocSpec):
    """Checker._check_tsv on a window of a TSV file (whole lines, from a context pair to a context pair): the lines
    are cut as read_tsv_pairs cuts them, and go through the same Checker.check_spans."""
    from tqcheck.model import Document

    text, base = payload["text"], payload["base"]
    first, end = payload["own"]
    spans, own_lines = [], []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            if first <= base + len(spans) < end:
                own_lines.append(line)
            cut = line.index("\t")
            spans.append(((pos, pos + cut), (pos + cut + 1, pos + len(line))))
        pos += len(line) + 1
    src = Document(text, "", spec.source, payload["encoding"])
    tgt = Document(text, "", spec.source, payload["encoding"])
    source_lang, target_lang = payload["langs"]
    return checker.check_spans(src, tgt, spans, source_lang, target_lang), own_lines


# ---- the streaming reader (a Ray Data read task) ---------------------------------------------------------------
def _PairStream(documents: list[tuple[DocSpec, str, list[int]]], size: int, cwd: str):
    """A Ray Data datasource with one read task per ``(spec, fingerprint, chunks to skip)``: :func:`stream_document`
    (the class is made here, so that Ray is imported only when the engine runs)."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class PairStream(Datasource):
        def get_name(self) -> str:
            return "tqcheck-pairs"

        def estimate_inmemory_data_size(self):
            return None

        def get_read_tasks(self, parallelism: int, per_task_row_limit=None, data_context=None):
            return [ReadTask(partial(_stream_blocks, spec, fingerprint, size, tuple(skip), cwd),
                             BlockMetadata(num_rows=None, size_bytes=None, input_files=None, exec_stats=None))
                    for spec, fingerprint, skip in documents]

    return PairStream()


def _stream_blocks(spec: DocSpec, fingerprint: str, size: int, skip: tuple, cwd: str):
    import pyarrow as pa

    for message in stream_document(spec, fingerprint, size, set(skip), cwd):
        yield pa.table({"task": pa.array([pickle.dumps(message)], type=pa.binary())})


def stream_document(spec: DocSpec, fingerprint: str, size: int, skip: set[int], cwd: str | None = None):
    """The messages of a streamed document: ``("info", id, plan)`` then ``("chunk", spec, fp, k, payload)`` for
    each chunk not in ``skip``; or one ``("whole", spec, fp)`` when it is to be checked whole."""
    _enter(cwd)
    try:
        plan = _scan_tsv(spec) if spec.kind == "tsv" else _scan_tmx(spec)
    except Exception:           # anything unusual: the local code reads it whole and says what is wrong
        plan = None
    if plan is None:
        yield ("whole", spec, fingerprint)
        return
    plan["chunks"] = math.ceil(plan["pairs"] / size)
    yield ("info", spec.id, plan)
    chunks = _tsv_chunks(spec, plan, size, skip) if spec.kind == "tsv" else _tmx_chunks(spec, plan, size, skip)
    for k, payload in chunks:
        yield ("chunk", spec, fingerprint, k, payload)


def _windows(items: Iterator, size: int, skip: set[int]):
    """``(k, before, own, after)`` for consecutive runs of ``size`` items, with the items either side."""
    before, own, k = None, [], 0
    for item in items:
        if len(own) == size:
            if k not in skip:
                yield k, before, own, item
            before, own, k = own[-1], [], k + 1
        own.append(item)
    if own and k not in skip:
        yield k, before, own, None


def _languages(src_sample: str, tgt_sample: str, source_lang, target_lang) -> tuple[str, str]:
    from tqcheck.pipeline import identify_languages as identify

    return identify(src_sample, tgt_sample, source_lang, target_lang)


# TSV: read_text + read_tsv_pairs + Checker._check_tsv, one line at a time
def _tsv_lines(path: str, bom: bool) -> Iterator[tuple[int, str]]:
    """``(char offset, line)`` for each piece of ``text.split("\\n")``, decoded strictly as UTF-8."""
    pos = 0
    with open(path, "rb") as fh:
        if bom:
            fh.read(len(codecs.BOM_UTF8))
        first = True
        last = b""
        for raw in fh:
            last = raw
            line = raw[:-1].decode("utf-8") if raw.endswith(b"\n") else raw.decode("utf-8")
            if first and bom:
                line = line.lstrip("\ufeff")
            first = False
            yield pos, line
            pos += len(line) + 1
        if first or last.endswith(b"\n"):
            yield pos, ""


def _scan_tsv(spec: DocSpec) -> dict | None:
    from tqcheck.io.text import _control_ratio

    path = spec.source
    if os.path.getsize(path) == 0:      # no size limit: the file is never held whole (io.text.MAX_BYTES is for that)
        return None
    with open(path, "rb") as fh:
        head = fh.read(8192)
    bom = head.startswith(codecs.BOM_UTF8)
    if not bom and (head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head):
        return None
    pairs, has_text, prefix = 0, False, []
    prefix_len = 0
    src_sample, tgt_sample = [], []
    sample_len = [0, 0]
    for _, line in _tsv_lines(path, bom):
        if prefix_len < 20000:
            prefix.append(line)
            prefix_len += len(line) + 1
        if not line.strip():
            continue
        has_text = True
        if line.count("\t") != 1:
            return None
        pairs += 1
        source, target = line.split("\t")
        for k, (side, text) in enumerate(((src_sample, source), (tgt_sample, target))):
            if sample_len[k] < _SAMPLE:
                side.append(text)
                sample_len[k] += len(text) + 1
    if not has_text or not pairs or _control_ratio("\n".join(prefix)) > 0.05:
        return None
    try:
        langs = _languages("\n".join(src_sample), "\n".join(tgt_sample), spec.source_lang, spec.target_lang)
    except InputError:
        return None
    return {"pairs": pairs, "langs": list(langs), "encoding": "utf-8-sig" if bom else "utf-8", "bom": bom}


def _tsv_chunks(spec: DocSpec, plan: dict, size: int, skip: set[int]):
    def items():
        index, lead = 0, []
        for start, line in _tsv_lines(spec.source, plan["bom"]):
            if not line.strip():
                lead.append(line + "\n")
                continue
            yield {"index": index, "start": start, "lead": "".join(lead), "line": line}
            index, lead = index + 1, []

    for k, before, own, after in _windows(items(), size, skip):
        window = ([before] if before else []) + own + ([after] if after else [])
        text = window[0]["line"] + "".join("\n" + item["lead"] + item["line"] for item in window[1:])
        yield k, {"kind": "tsv", "text": text, "start": window[0]["start"], "base": window[0]["index"],
                  "own": [own[0]["index"], own[-1]["index"] + 1], "langs": plan["langs"],
                  "encoding": plan["encoding"]}


# TMX: read_tmx + the unit filter of local._check_bilingual + Checker.check_pairs, one unit at a time
def _kept_units(spec: DocSpec) -> Iterator:
    from tqcheck.io.tmx import iter_tmx
    from tqcheck.io.xliff import BilingualHeader

    for item in iter_tmx(spec.source):
        if isinstance(item, BilingualHeader):
            yield item
        else:
            yield item if (item.translate and item.source.strip() and not item.untranslated) else None


def _scan_tmx(spec: DocSpec) -> dict | None:
    from tqcheck.io.xliff import BilingualHeader, sniff_format

    if (sniff_format(spec.source) or spec.kind) != "tmx":
        return None
    header, units, kept = None, 0, 0
    src_sample, tgt_sample = [], []
    sample_len = [0, 0]
    for item in _kept_units(spec):
        if isinstance(item, BilingualHeader):
            header = item
            continue
        units += 1
        if item is None:
            continue
        kept += 1
        for k, (side, text) in enumerate(((src_sample, item.source), (tgt_sample, item.target or ""))):
            if sample_len[k] < _SAMPLE:
                side.append(text)
                sample_len[k] += len(text) + 1
    if header is None or not units or not kept:
        return None
    try:
        langs = _languages("\n".join(src_sample), "\n".join(tgt_sample), spec.source_lang or header.source_lang,
                           spec.target_lang or header.target_lang)
    except InputError:
        return None
    return {"pairs": kept, "langs": list(langs), "format": header.format, "skipped": units - kept,
            "encoding": "utf-8"}


def _tmx_chunks(spec: DocSpec, plan: dict, size: int, skip: set[int]):
    from tqcheck.io.xliff import BilingualHeader

    def items():
        index, src_off, tgt_off = 0, 0, 0
        for unit in _kept_units(spec):
            if unit is None or isinstance(unit, BilingualHeader):
                continue
            source, target = unit.source or "", unit.target or ""
            yield {"index": index, "src_off": src_off, "tgt_off": tgt_off, "pair": [source, target],
                   "unit": {"id": unit.id, "file": unit.file, "state": unit.state, "notes": unit.notes,
                            "codes": unit.codes}}
            index, src_off, tgt_off = index + 1, src_off + len(source) + 2, tgt_off + len(target) + 2

    for k, before, own, after in _windows(items(), size, skip):
        window = ([before] if before else []) + own + ([after] if after else [])
        yield k, {"kind": "tmx", "pairs": [item["pair"] for item in window], "src_off": window[0]["src_off"],
                  "tgt_off": window[0]["tgt_off"], "base": window[0]["index"],
                  "own": [own[0]["index"], own[-1]["index"] + 1], "langs": plan["langs"],
                  "units": [item["unit"] for item in own]}
