"""Batch QA: many documents in, one report a QA lead can act on (``tqcheck batch``).

discover.py   find documents (pairs by name, manifests, XLIFF/TMX/TSV)
local.py      check them in worker processes, one Checker each; large TSV/TMX/XLIFF files in chunks
stream.py     which files are streamed, and the spool of chunk results (both engines)
chunks.py     checking one chunk (a window of tqcheck.io.stream)      merge.py   a streamed document's record
checks.py     per-document delivery checks (markup, glossary) and name candidates
consistency.py  delivery-wide consistency
journal.py    the resume journal      baseline.py   accepted findings
ray_engine.py the same on a Ray cluster (``--engine ray``): the driver     ray_actor.py  read tasks and actors
records.py    a result record's segments, inline or in chunk files
outputs.py    writing the outputs a document at a time
summary.py    summary.json, findings.csv, MQM TSV, docs/*.json      html.py   report.html
run.py        the orchestration       cli.py        the typer command
"""
from tqcheck.batch.run import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "run_batch"]
