"""report-v1 as JSON."""
from __future__ import annotations

import json


def render(report, color: bool = False) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
