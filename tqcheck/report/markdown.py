"""report-v1 as Markdown (for pull requests and tickets)."""
from __future__ import annotations

from tqcheck.report.context import also_line


def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}/100"


def render(report, color: bool = False) -> str:
    s = report.summary
    lines = [
        f"# tqcheck report: {report.source.path or 'source'} → {report.target.path or 'target'}",
        "",
        f"- score: **{_score(s['score'])}**",
        f"- languages: {report.source.lang} → {report.target.lang}",
        f"- segments: {s['segments']}, qe mean: {'n/a' if s['qe_mean'] is None else s['qe_mean']}",
        f"- verdict: **{s['verdict']}** ({s['findings']} findings)",
        "",
        "| # | severity | category | rule | target | source | message | suggestion |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for k, f in enumerate(report.findings, 1):
        target = f.target_span.text if f.target_span else ""
        source = f.source_span.text if f.source_span else ""
        lines.append(
            f"| {k} | {f.severity} | {f.category} | `{f.rule}` | {_cell(target)} | {_cell(source)} "
            f"| {_cell(' '.join(filter(None, (f.message, also_line(f) and f'({also_line(f)})'))))} "
            f"| {_cell(f.suggestion)} |"
        )
    return "\n".join(lines) + "\n"
