"""report.html: one self-contained page (inline CSS, JS and SVG; nothing fetched at view time).

A table of documents, worst first (errors, then the lowest quality score; without scores, fail, review, pass and
higher MQM penalty first), sortable by any
column; one section per document with its findings in context; filters by category and minimum severity; a
chart of findings by category (stacked by severity) and a histogram of segment qe. The page state lives in the
URL hash (``#category=number&severity=major&sort=penalty&dir=asc``), so a filtered view can be linked; after
applying it the page writes ``data-visible-findings``, ``data-visible-docs``, ``data-doc-order`` and
``data-ready`` on ``<body>`` (used by the browser test).
"""
from __future__ import annotations

from html import escape

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from tqcheck import __version__
from tqcheck.batch.summary import VERDICT_ORDER
from tqcheck.model import SEVERITIES

_COLORS = {"critical": "#b71c1c", "major": "#e65100", "minor": "#f9a825"}


def worst_first(documents: list[dict]) -> list[dict]:
    def key(d):
        row = d["row"]
        penalty = row["mqm_penalty"] if row["mqm_penalty"] is not None else 0.0
        score = row.get("score")
        return (row["verdict"] != "error", score is None, score or 0.0, VERDICT_ORDER[row["verdict"]], -penalty,
                -row["findings"], row["id"])

    return sorted(documents, key=key)


def render(delivery, figures: dict, settings, warnings: list[str], inputs: list[str]) -> str:
    """``delivery``: :class:`tqcheck.batch.outputs.Delivery`, its documents in id order."""
    env = Environment(loader=PackageLoader("tqcheck", "report/templates"), autoescape=select_autoescape(
        enabled_extensions=("html", "j2"), default_for_string=True, default=True))
    anchors = {row["id"]: f"doc-{k}" for k, row in enumerate(delivery.rows, 1)}
    counts = delivery.by_category_severity
    return env.get_template("batch.html.j2").render(
        documents=worst_first(delivery.shown), anchors=anchors, totals=figures, settings=settings.describe(),
        warnings=warnings, inputs=inputs, version=__version__, categories=sorted({c for c, _ in counts}),
        severities=SEVERITIES, category_chart=Markup(category_chart(counts)),
        qe_chart=Markup(qe_chart(delivery.qe_bins)),
    )


def category_chart(counts_by: dict[tuple[str, str], int]) -> str:
    """Findings per category, stacked by severity, from ``{(category, severity): count}``."""
    counts: dict[str, dict[str, int]] = {}
    for (category, severity), n in counts_by.items():
        counts.setdefault(category, {s: 0 for s in SEVERITIES})[severity] += n
    if not counts:
        return '<p class="muted">No findings.</p>'
    rows = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    top = max(sum(c.values()) for _, c in rows)
    bar_h, gap, label_w, width = 18, 6, 110, 300
    height = len(rows) * (bar_h + gap) + 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="findings by category" '
             f'width="{label_w + width + 60}" height="{height}" viewBox="0 0 {label_w + width + 60} {height}">']
    for k, (category, by) in enumerate(rows):
        y = k * (bar_h + gap)
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">{escape(category)}</text>')
        x = label_w
        for severity in reversed(SEVERITIES):
            n = by[severity]
            if n:
                w = max(1.0, width * n / top)
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_COLORS[severity]}">'
                             f'<title>{escape(category)}: {n} {severity}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12">{sum(by.values())}</text>')
    y = len(rows) * (bar_h + gap) + 14
    x = label_w
    for severity in reversed(SEVERITIES):
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{_COLORS[severity]}"/>'
                     f'<text x="{x + 14}" y="{y}" font-size="11">{severity}</text>')
        x += 80
    parts.append("</svg>")
    return "".join(parts)


def qe_chart(counts: list[int]) -> str:
    """A histogram of segment qe from the counts of its equal-width bins over [0, 1]."""
    if not any(counts):
        return '<p class="muted">No scored segments.</p>'
    bins = len(counts)
    top = max(counts)
    bar_w, gap, height, base = 30, 4, 140, 120
    width = bins * (bar_w + gap) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="segment qe distribution" '
             f'width="{width}" height="{height + 20}" viewBox="0 0 {width} {height + 20}">']
    for k, n in enumerate(counts):
        h = 0 if not n else max(1.0, (base - 14) * n / top)
        x = 20 + k * (bar_w + gap)
        color = "#c62828" if k < bins * 0.5 else ("#9e9d24" if k < bins * 0.8 else "#2e7d32")
        lo, hi = k / bins, (k + 1) / bins
        parts.append(f'<rect x="{x}" y="{base - h:.1f}" width="{bar_w}" height="{h:.1f}" fill="{color}">'
                     f'<title>qe {lo:.1f}–{hi:.1f}: {n} segments</title></rect>')
        if n:
            parts.append(f'<text x="{x + bar_w / 2}" y="{base - h - 3:.1f}" text-anchor="middle" font-size="10">{n}</text>')
        parts.append(f'<text x="{x + bar_w / 2}" y="{base + 14}" text-anchor="middle" font-size="10">{lo:.1f}</text>')
    parts.append(f'<text x="{20 + bins * (bar_w + gap) / 2}" y="{height + 14}" text-anchor="middle" font-size="11">'
                 f'segment qe ({sum(counts)} segments)</text>')
    parts.append("</svg>")
    return "".join(parts)
