"""Terminal report: a summary line, then each finding in its sentence with the span highlighted."""
from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from tqcheck.report.context import SEVERITY_STYLE, also_line, sentence_around


def render(report, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=100, highlight=False)
    s = report.summary
    src, tgt = report.source, report.target
    console.print(Text.assemble(
        ("tqcheck ", "bold"), f"{src.path or 'source'} ({src.lang}, {src.encoding}) → "
        f"{tgt.path or 'target'} ({tgt.lang}, {tgt.encoding})"))
    qe = "n/a" if s["qe_mean"] is None else f"{s['qe_mean']:.2f}"
    score = "n/a" if s["score"] is None else f"{s['score']:.1f}/100"
    console.print(Text.assemble(("score ", "bold"), (score, "bold"),
                                f"  {s['segments']} segments, qe mean {qe}, scorer {report.scorer.get('name')}"))
    reference = report.extra.get("reference")
    if reference:
        console.print(_reference_line(reference))
    for warning in report.extra.get("warnings", []):
        console.print(Text(f"warning: {warning}", style="yellow"))
    for f in report.findings:
        console.print()
        console.print(Text.assemble(
            (f"[{f.severity}]", SEVERITY_STYLE[f.severity]), " ", (f.category, "bold"), f"  {f.rule}  ",
            (f"segment {f.segment}", "dim"), "  ", (f.mqm, "dim")))
        console.print(Text("  " + f.message))
        for side, label in (("target", "en"), ("source", report.source.lang)):
            span = f.target_span if side == "target" else f.source_span
            if span is None:
                continue
            sentence, a, b = sentence_around(report, span, side)
            line = Text(f"  {label}: ", style="dim")
            line.append(sentence[:a])
            line.append(sentence[a:b], style="bold reverse" if color else "")
            line.append(sentence[b:])
            if not color and b > a:
                line.append(f"\n      ^ “{sentence[a:b]}” at {span.start}-{span.end}", style="dim")
            console.print(line)
        if f.suggestion:
            console.print(Text.assemble(("  suggestion: ", "green"), f.suggestion))
        if also_line(f):
            console.print(Text("  " + also_line(f), style="dim"))
    console.print()
    by = ", ".join(f"{n} {k}" for k, n in s["by_severity"].items() if n) or "no findings"
    console.print(Text.assemble(("verdict: ", "bold"), (s["verdict"], "bold"), f"  ({s['findings']} findings: {by})"))
    return buffer.getvalue()


def _reference_line(reference: dict) -> str:
    """Document chrF++ and BLEU, and the segments furthest from the reference."""
    scored = sorted((r["chrf++"], r["segment"]) for r in reference.get("segments", []) if r["chrf++"] is not None)
    lowest = ", ".join(f"segment {k} {score:.1f}" for score, k in scored[:3])
    return (f"reference {reference['path']}: chrF++ {reference['chrf++']:.1f}, BLEU {reference['bleu']:.1f}"
            + (f"; lowest chrF++: {lowest}" if lowest else ""))

