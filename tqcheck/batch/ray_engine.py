"""Checking documents on a Ray cluster (``tqcheck batch --engine ray``), behind the interface of local.py.

``run_documents(specs, settings, jobs, on_result)`` checks ``(spec, input fingerprint)`` pairs and calls
``on_result(record)`` once per document, like :func:`tqcheck.batch.local.run_documents`; run.py journals the
records and writes summary.json, findings.csv and report.html with the same code for both engines, so the outputs
are byte-identical to ``--engine local``.

How the work flows (Ray Data, streaming):

* Each document is a row of a Ray Dataset (``from_items``; up to 4 documents per block, a task, with at least 8
  blocks per actor; one row per block everywhere else, so that chunks spread over the actors). TSV, TMX and XLIFF
  files of ``TQCHECK_RAY_STREAM_BYTES`` or more (default 1 MiB) are not read by the driver: a read task
  (:func:`ray_actor.PairStream`) streams the file (:mod:`tqcheck.batch.stream`, :mod:`tqcheck.io.stream`) and
  yields pre-segmented chunks of ``TQCHECK_RAY_CHUNK_PAIRS`` pairs (default 2000), each with one pair of context
  on either side. A file the scan finds anything wrong with is checked whole instead, by the local code, so that
  its error record is the local engine's.
* ``map_batches`` runs :class:`ray_actor.CheckActor`, a callable class: an actor pool where each actor builds one
  Checker (encoder loaded once) with the local engine's worker code and checks documents (``check_document``) and
  chunks (:mod:`tqcheck.batch.chunks`).
* The driver iterates over the results as they arrive and hands them to a :class:`~tqcheck.batch.stream.Spool`
  (``.tqcheck-journal/stream/`` under the output folder), as the local engine does: a document's record goes to
  ``on_result``; a document's chunks are merged (:mod:`tqcheck.batch.merge`) once all are there.
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
TQCHECK_RAY_CRASH_ONCE, a test hook (:meth:`ray_actor.CheckActor._maybe_crash`). TQCHECK_* variables are passed on
to the cluster's workers (TQCHECK_MAX_BYTES...).

Ray is imported only here, and only when the engine runs (``pip install tqcheck[ray]``).
"""
from __future__ import annotations

import contextlib
import logging
import math
import os
import pickle
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Callable

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings
from tqcheck.batch.stream import Spool, chunk_pairs, streamed
from tqcheck.errors import InputError

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


class _Run:
    def __init__(self, ray, settings: BatchSettings, jobs: int, on_result, spool: Path):
        self.ray, self.settings, self.jobs = ray, settings, jobs
        self.spool = Spool(spool, chunk_pairs(ray=True), settings, on_result)

    def run(self, specs: list[tuple[DocSpec, str]]) -> None:
        from tqcheck.batch.local import crashed_record

        spool = self.spool
        whole: list[tuple[DocSpec, str]] = []
        for spec, fingerprint in specs:
            if streamed(spec, ray=True):
                spool.add(spec, fingerprint)
            else:
                whole.append((spec, fingerprint))
        spool.merge_complete()
        for attempt in range(2):
            pending_whole = [(s, f) for s, f in whole if s.id not in spool.finished]
            pending_streams = spool.pending()
            if not (pending_whole or pending_streams):
                break
            try:
                self._execute(pending_whole, pending_streams, isolate=attempt > 0)
            except (KeyboardInterrupt, InputError):
                raise
            except Exception as exc:   # the dataset failed as a whole (actors that cannot start...): say so
                raise InputError(f"the Ray engine failed ({type(exc).__name__}: {str(exc).strip()[:500]}); documents "
                                 "finished so far are journalled: fix the cluster (is this version of tqcheck "
                                 "installed on every node?) and rerun with --resume") from None
        for spec, fingerprint in specs:               # still missing: its worker kept dying
            if spec.id not in spool.finished:
                spool.fail(crashed_record(spec, fingerprint))

    def _execute(self, whole: list, streams: list, isolate: bool) -> None:
        from tqcheck.batch.ray_actor import CheckActor, PairStream

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
                    source = PairStream([(s.spec, s.fingerprint, sorted(s.done)) for s in streams], self.spool.size,
                                        cwd)
                    parts.append(ray.data.read_datasource(source, num_cpus=0, concurrency=min(len(streams), 4),
                                                          override_num_blocks=len(streams)))
                dataset = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
                dataset = dataset.map_batches(
                    CheckActor, fn_constructor_args=(self.settings, cwd, os.environ.get("TQCHECK_RAY_CRASH_ONCE")),
                    batch_size=1, batch_format="pyarrow", compute=self._pool(actors), num_cpus=1,
                    max_task_retries=2,
                )
                iterator = iter(dataset.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1))
                for batch in iterator:
                    for raw in batch.column("task").to_pylist():
                        self.spool.handle(pickle.loads(raw))
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
