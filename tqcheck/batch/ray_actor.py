"""The Ray engine's work on the cluster: the read tasks that stream documents in chunks, and the actors that check
documents and chunks with the local engine's worker code (see ray_engine.py for the driver)."""
from __future__ import annotations

import hashlib
import os
import pickle
import signal
from functools import partial

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings


def _enter(cwd: str | None) -> None:
    """Relative paths (inputs, lexicons, glossary) mean what they mean on the driver."""
    if cwd and os.path.isdir(cwd):
        os.chdir(cwd)


class CheckActor:
    """One per actor: builds the Checker once (the local engine's worker code), then checks rows."""

    def __init__(self, settings: BatchSettings, cwd: str | None, crash_once: str | None = None):
        from tqcheck.batch import local

        _enter(cwd)
        local.init_worker(settings, ignore_sigint=True)
        try:
            local.worker_checker()                     # the encoder, loaded now; a failure is reported per document
        except Exception:
            pass
        self.crash_once = crash_once

    def __call__(self, batch):
        import pyarrow as pa

        out = [pickle.dumps(self._one(pickle.loads(raw))) for raw in batch.column("task").to_pylist()]
        return pa.table({"task": pa.array(out, type=pa.binary())})

    def _one(self, message: tuple) -> tuple:
        from tqcheck.batch.local import run_task

        if message[0] == "info":
            return message                        # for the driver
        spec = message[1]
        self._maybe_crash(f"{spec.id}#{message[3]}" if message[0] == "chunk" else spec.id)
        return run_task(message)

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


# ---- the streaming reader (a Ray Data read task) ---------------------------------------------------------------
def PairStream(documents: list[tuple[DocSpec, str, list[int]]], size: int, cwd: str):
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

    from tqcheck.batch.stream import stream_document

    _enter(cwd)
    for message in stream_document(spec, fingerprint, size, set(skip)):
        yield pa.table({"task": pa.array([pickle.dumps(message)], type=pa.binary())})
