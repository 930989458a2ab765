"""``tqcheck batch``: discover, check (in parallel, journalled), then write the delivery's outputs."""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from tqcheck import __version__
from tqcheck.batch.baseline import read_baseline
from tqcheck.batch.discover import discover
from tqcheck.batch.journal import JOURNAL, Journal, input_fingerprint
from tqcheck.batch.local import run_documents
from tqcheck.batch.outputs import write_outputs
from tqcheck.batch.settings import BatchSettings
from tqcheck.errors import InputError

OUTPUTS = ("summary.json", "findings.csv", "findings.mqm.tsv", "report.html", "docs", "annotated", JOURNAL)


@dataclass
class BatchOptions:
    inputs: list[Path]
    output_dir: Path
    settings: BatchSettings
    manifest: Path | None = None
    jobs: int = 1
    resume: bool = False
    force: bool = False
    quiet: bool = False
    baseline: Path | None = None
    update_baseline: bool = False
    annotate_xliff: bool = False
    mqm_tsv: bool = False
    progress: bool | None = None          # None: when stderr is a terminal and not quiet
    engine: str = "local"                 # "local": worker processes here; "ray": a Ray cluster (ray_engine.py)
    address: str | None = None            # --engine ray: the cluster; None starts a local one


@dataclass
class BatchResult:
    exit_code: int
    documents: list[dict]                  # one summary row per document (summary.json's "documents"), by id
    warnings: list[str]
    checked: int                           # documents checked in this run (the others came from the journal)


def run_batch(opts: BatchOptions) -> BatchResult:
    out = opts.output_dir
    _check_output_dir(opts)
    own_files = [p for p in (opts.manifest, opts.settings.glossary, opts.baseline) if p is not None]
    specs, warnings = discover(opts.inputs, opts.manifest, exclude=[out, *own_files])
    if opts.settings.glossary is not None and not Path(opts.settings.glossary).is_file():
        raise InputError(f"{opts.settings.glossary}: no such glossary file")
    if opts.settings.glossary is not None:
        from tqcheck.batch.glossary import load_glossary

        load_glossary(opts.settings.glossary)          # a broken glossary is a usage error, before any work
    baseline = None
    if opts.baseline is not None and opts.baseline.exists() and not opts.update_baseline:
        baseline = read_baseline(opts.baseline)

    if opts.force and out.exists():
        for name in OUTPUTS:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out.mkdir(parents=True, exist_ok=True)

    journal = Journal(out)
    journal.start(_run_key(opts.settings), resume=opts.resume)
    fingerprints = {s.id: input_fingerprint(s) for s in specs}
    pending = [(s, fingerprints[s.id]) for s in specs
               if not (opts.resume and journal.load(s.id, fingerprints[s.id]) is not None)]

    show = opts.progress if opts.progress is not None else (sys.stderr.isatty() and not opts.quiet)
    with _Progress(len(specs), len(specs) - len(pending), show) as progress:
        def on_result(record: dict) -> None:
            journal.save(record)
            progress.advance()

        if opts.engine == "ray":
            from tqcheck.batch.ray_engine import run_documents as run_on_ray

            run_on_ray(pending, opts.settings, opts.jobs, on_result, address=opts.address,
                       spool=journal.root / "stream")
        else:
            run_documents(pending, opts.settings, max(1, opts.jobs), on_result, spool=journal.root / "stream")

    ids = sorted(fingerprints.items())

    def load():
        for doc_id, fingerprint in ids:
            record = journal.load(doc_id, fingerprint)
            if record is None:
                raise InputError(f"{journal.root}: the result of {doc_id} cannot be read back; rerun with --resume")
            yield record

    inputs = [p.as_posix() for p in opts.inputs] + ([opts.manifest.as_posix()] if opts.manifest else [])
    code, rows = write_outputs(out, load, opts.settings, warnings=warnings, inputs=inputs, baseline=baseline,
                               baseline_file=opts.baseline, mqm_tsv=opts.mqm_tsv, annotate_xliff=opts.annotate_xliff)
    return BatchResult(code, rows, warnings, len(pending))


def _check_output_dir(opts: BatchOptions) -> None:
    out = opts.output_dir
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory")
    resolved = out.resolve()
    for item in opts.inputs:
        r = item.resolve()
        if r == resolved or resolved in r.parents:
            raise InputError(f"{out}: the output folder must not be an input folder or contain an input")
    if out.is_dir() and any(out.iterdir()) and not (opts.resume or opts.force):
        raise InputError(f"{out}: exists and is not empty (use --resume to continue an interrupted run, or "
                         "--force to replace its tqcheck outputs)")


def _run_key(settings: BatchSettings) -> dict:
    """What must be the same for journalled results to be reused: version and settings (with file contents)."""
    files = [str(p) for p in settings.config.lexicons] + ([str(settings.glossary)] if settings.glossary else [])
    digests = {}
    for name in files:
        try:
            digests[name] = hashlib.sha1(Path(name).read_bytes()).hexdigest()
        except OSError:
            digests[name] = None
    return {"tool": __version__, "settings": settings.describe(), "files": digests}


class _Progress:
    """A rich progress bar on stderr: documents done, rate, ETA. A no-op when not shown."""

    def __init__(self, total: int, done: int, show: bool):
        self.total, self.done, self.show = total, done, show
        self._progress = None

    def __enter__(self):
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
                TimeRemainingColumn

            self._file = _terminal()
            self._progress = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(file=self._file), transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("batch", total=self.total, completed=self.done, rate="")
        return self

    def advance(self) -> None:
        self.done += 1
        if self._progress is not None:
            task = self._progress.tasks[0]
            speed = task.speed
            self._progress.update(self._task, advance=1, rate=f"{speed:.1f} docs/s" if speed else "")

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
            if self._file is not sys.stderr:
                self._file.close()


def _terminal():
    """A file on a copy of standard error's descriptor: the progress bar keeps the terminal while the Ray engine
    takes descriptor 2 over (ray_engine._without_ray_actor_notice)."""
    try:
        return open(os.dup(sys.stderr.fileno()), "w", encoding=sys.stderr.encoding or "utf-8", closefd=True)
    except (OSError, ValueError, AttributeError):
        return sys.stderr
