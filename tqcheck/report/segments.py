"""The aligned document for reading it through: every segment with its score, link, qe (and chrF++ against a reference
when one is given) and findings, source above target.

Omissions (1-0) and additions (0-1) show the missing side as a marked gap; findings that belong to no segment are
listed after the table.
"""
from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tqcheck.report.context import SEVERITY_STYLE

LOW_QE = 0.5
LOW_SCORE = 50.0


def render(report, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=120, highlight=False)
    s = report.summary
    qe = "n/a" if s["qe_mean"] is None else f"{s['qe_mean']:.2f}"
    score = "n/a" if s["score"] is None else f"{s['score']:.1f}/100"
    console.print(Text.assemble(
        ("tqcheck ", "bold"), f"{report.source.path or 'source'} ({report.source.lang}) → "
        f"{report.target.path or 'target'} ({report.target.lang}): score {score}, {s['segments']} segments, "
        f"qe mean {qe}, "
        f"verdict {s['verdict']}"))
    by_segment: dict[int, list] = {}
    for f in report.findings:
        for place in f.places:            # a repeated problem shows in every segment it occurs in
            by_segment.setdefault(place.segment, []).append(f)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    table.add_column("link")
    table.add_column("qe", justify="right")
    chrf = {r["segment"]: r["chrf++"] for r in report.extra.get("reference", {}).get("segments", [])}
    if chrf:
        table.add_column("chrF++", justify="right")
    table.add_column("findings", max_width=24)
    table.add_column("source / target", overflow="fold", ratio=1)
    for segment in report.segments:
        score = [Text("–" if chrf.get(segment.id) is None else f"{chrf[segment.id]:.1f}")] if chrf else []
        table.add_row(str(segment.id), _score(segment.score), segment.kind, _qe(segment.qe), *score,
                      _findings(by_segment.get(segment.id, [])), _sides(report, segment))
    console.print(table)
    for f in by_segment.get(None, []):
        console.print(Text.assemble((f"[{f.severity}]", SEVERITY_STYLE[f.severity]), f" {f.category} {f.rule}: {f.message}"))
    return buffer.getvalue()


def _score(value: float | None) -> Text:
    if value is None:
        return Text("–", style="dim")
    return Text(f"{value:.0f}", style="red" if value < LOW_SCORE else "")


def _qe(value: float | None) -> Text:
    if value is None:
        return Text("–", style="dim")
    return Text(f"{value:.2f}", style="red" if value < LOW_QE else "")


def _findings(findings: list) -> Text:
    text = Text()
    for k, f in enumerate(findings):
        if k:
            text.append("\n")
        text.append(f.severity, style=SEVERITY_STYLE[f.severity])
        text.append(f" {f.category}")
    return text


def _sides(report, segment) -> Text:
    source, target = report.segment_text(segment, "source"), report.segment_text(segment, "target")
    text = Text(f"{report.source.lang}  ", style="dim")
    text.append(source or "[no source: added in the translation]", style="dim" if source else "italic red")
    text.append(f"\n{report.target.lang}  ", style="dim")
    text.append(target or "[no translation]", style="" if target else "italic red")
    return text
