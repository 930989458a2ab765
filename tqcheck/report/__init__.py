"""Renderers: report-v1 as text (findings, or every segment), JSON, Markdown or a self-contained HTML page."""
from __future__ import annotations

from importlib import import_module

# format -> "module:function"; each function takes (Report, color: bool) and returns a string.
RENDERERS = {
    "text": "tqcheck.report.text:render",
    "segments": "tqcheck.report.segments:render",
    "json": "tqcheck.report.json:render",
    "markdown": "tqcheck.report.markdown:render",
    "html": "tqcheck.report.html:render",
}


def render(report, fmt: str, color: bool = False) -> str:
    module_name, func = RENDERERS[fmt].split(":")
    return getattr(import_module(module_name), func)(report, color=color)


__all__ = ["RENDERERS", "render"]
