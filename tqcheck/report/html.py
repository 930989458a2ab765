"""report-v1 as one self-contained HTML file (no network at view time)."""
from __future__ import annotations

import json

from jinja2 import Environment, PackageLoader, select_autoescape

from tqcheck.report.context import also_line, sentence_around


def render(report, color: bool = False) -> str:
    env = Environment(loader=PackageLoader("tqcheck", "report/templates"), autoescape=select_autoescape())
    rows = []
    for f in report.findings:
        sentence, a, b = sentence_around(report, f.target_span or f.source_span,
                                         "target" if f.target_span else "source")
        rows.append({"f": f, "before": sentence[:a], "span": sentence[a:b], "after": sentence[b:], "also": also_line(f)})
    return env.get_template("report.html.j2").render(
        report=report, summary=report.summary, rows=rows,
        data=json.dumps(report.to_dict(), ensure_ascii=False).replace("</", "<\\/"),
    )
