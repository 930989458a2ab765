"""Checking one window of a streamed document (:mod:`tqcheck.io.stream`), in a worker of either engine.

:func:`check_chunk` does what ``local._check`` does for a whole document, on a window's own pairs with its context
pairs, and returns the window's part of the record with absolute segment ids and text offsets: its segments,
findings, qe values, positions, slices, name candidates and units. The only cross-segment check of the pipeline,
"one name spelled two ways in one translation" (``name-two-spellings``), is left out here and run over the whole
document when its chunks are merged (:mod:`tqcheck.batch.merge`).
"""
from __future__ import annotations

import contextlib
import gc
import io
import os
import traceback

from tqcheck import heap
from tqcheck.batch.discover import DocSpec
from tqcheck.batch.settings import BatchSettings
from tqcheck.errors import InputError

TWO_SPELLINGS = "name-two-spellings"


def check_chunk(spec: DocSpec, payload: dict, settings: BatchSettings) -> dict:
    """The result of one chunk (never raises): its own segments with absolute ids and offsets, or an error."""
    from tqcheck.batch.local import relative_message

    settle_heap()
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            return _check_chunk(spec, payload, settings)
    except InputError as exc:
        return {"error": relative_message(str(exc), spec)}
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return {"error": f"internal error: {type(exc).__name__}: {exc} "
                         f"({os.path.basename(where.filename)}:{where.lineno})"}


# How far a worker's resident set may grow past what it held after its caches were last emptied (or after its first
# settling) before its per-word caches are emptied (TQCHECK_CACHE_GROWTH_MIB). The caches fill for as long as a
# memory brings new words and names; emptied, they are asked again (pure functions: the same answers), which costs
# a chunk about two seconds more. Freed entries leave the heap fragmented, so a process shrinks little when they go
# and the next ones reuse the space: the mark moves up to what it holds then. Past the first mark, the caches are
# emptied again every CLEAR_EVERY chunks at most, so that a memory whose pairs of words keep coming does not creep.
CACHE_GROWTH = int(os.environ.get("TQCHECK_CACHE_GROWTH_MIB", "64")) * 2**20
CLEAR_EVERY = 20
_BUDGET = {"mark": None, "first_mark": None, "since": 0}        # this process's RSS marks, chunks since emptied


def settle_heap() -> None:
    """Collect the last chunk's garbage, give its freed pages back to the system (:func:`tqcheck.heap.trim`: about
    15 MiB of a de-en chunk's peak), then exempt what is left from later collections. Past the memory budget
    (:data:`CACHE_GROWTH`), the per-word caches are emptied first (:func:`tqcheck.batch.local.clear_word_caches`),
    so that memory stays flat however many units and words a file has.

    What outlives a chunk is the process's language data and per-word caches; without the freeze each of the
    collector's full passes walks all of it again (17 % of a 20,000-unit rules-only run's CPU; a young-generation
    threshold of 20,000 instead of 700 saved little more and cost 9 MiB). Objects exempted are still freed when
    their last reference goes."""
    from tqcheck.batch.local import clear_word_caches

    budget = _BUDGET
    budget["since"] += 1
    rss = heap.rss()
    if budget["mark"] is None:
        budget["mark"] = rss
    first = budget["first_mark"]
    clear = rss > budget["mark"] + CACHE_GROWTH or \
        (first is not None and rss > first + CACHE_GROWTH and budget["since"] >= CLEAR_EVERY)
    if clear:
        gc.unfreeze()
        clear_word_caches()
        budget["since"] = 0
    gc.collect()
    heap.trim()
    gc.freeze()
    if clear:
        budget["mark"] = heap.rss()
        budget["first_mark"] = first if first is not None else budget["mark"]


def _check_chunk(spec: DocSpec, payload: dict, settings: BatchSettings) -> dict:
    """What local._check does for a whole document, on a chunk and its context pairs."""
    from tqcheck.batch.checks import glossary_findings, markup_findings, name_candidates
    from tqcheck.batch.local import apply_overrides, count_words, finding_order, worker_checker, worker_glossary
    from tqcheck.checks.base import build_views

    checker = worker_checker()
    checker.clear_cache()
    config = checker.config
    base, (first, end) = payload["base"], payload["own"]
    source_lang, target_lang = payload["langs"]
    saved = config.ignore_segments
    config.ignore_segments = {s - base for s in saved if s >= base}       # segment ids are the chunk's
    try:
        if payload["kind"] == "tsv":
            report, own_lines = _tsv_report(checker, payload, spec)
            words = sum(count_words(line) for line in own_lines)
        else:
            pairs = [(s, t) for s, t in payload["pairs"]]
            report = checker.check_pairs(pairs, source_lang, target_lang, spec.source_name)
            words = sum(count_words(s) for s, _ in pairs[first - base:end - base])
        views = build_views(report.source, report.target, report.segments)
        two_spellings = any(c.name == "name" for c in checker.checks)
        found = [f for f in report.findings if not (two_spellings and f.rule == TWO_SPELLINGS)]
        added = []
        if settings.enabled("markup"):                 # a streamed kind (tsv, tmx, xliff): never a pair
            added += markup_findings(views)
        if worker_glossary() and settings.enabled("glossary"):
            added += glossary_findings(views, worker_glossary(), report.source.lang)
        added = [f for f in added if not config.is_ignored(f)]
        # repeats are grouped by the pipeline (checks.merge), the batch's own findings are not: the merge regroups
        # only the former across chunks
        flagged = [(f, True) for f in apply_overrides(found, settings)] + \
                  [(f, False) for f in apply_overrides(added, settings)]
        flagged.sort(key=lambda item: finding_order(item[0]))
        report.findings = [f for f, _ in flagged]
        data = report.to_dict()
    finally:
        config.ignore_segments = saved

    lo, hi = first - base, end - base
    if payload["kind"] == "tsv":
        shift = {"source": payload["start"], "target": payload["start"]}
    else:
        shift = {"source": payload["src_off"], "target": payload["tgt_off"]}

    def moved(k: int, side: str) -> int:
        seg = report.segments[k]
        return shift[side] if (seg.source_ids if side == "source" else seg.target_ids) else 0

    segments = []
    for seg in data["segments"][lo:hi]:
        segments.append({**seg, "id": seg["id"] + base,
                         "source_sentences": [i + base for i in seg["source_sentences"]],
                         "target_sentences": [i + base for i in seg["target_sentences"]]})
    findings, groups = [], []
    for f, (_, grouped) in zip(data["findings"], flagged):
        places = [p for p in _places(f) if p["segment"] is not None and lo <= p["segment"] < hi]
        if not places:                     # the neighbouring chunk's (a context pair's) or of no segment
            continue
        places = [_moved_place(p, base, moved) for p in places]
        findings.append(dict(f, segment=places[0]["segment"], target_span=places[0]["target_span"],
                             source_span=places[0]["source_span"], occurrences=places[1:]))
        groups.append(repeat_key(f) if grouped else None)
    positions = []
    for k in range(lo, hi):
        v = views[k]
        s, t = moved(k, "source"), moved(k, "target")
        positions.append([v.source_start + s, v.source_start + len(v.source) + s, v.target_start + t,
                          v.target_start + len(v.target) + t])
    names = []
    if settings.enabled("consistency"):
        for word, k, start, stop, source_word, run in name_candidates(views[lo:hi]):
            t = moved(k, "target")
            names.append([word, k + base, start + t, stop + t, source_word, run])
    units = [{"segment": first + j, **u} for j, u in enumerate(payload.get("units", []))]
    head = {key: data[key] for key in ("schema", "tool", "scorer", "source", "target")}
    head["extra"] = {key: value for key, value in data.items()
                     if key not in ("schema", "tool", "scorer", "source", "target", "summary", "segments", "findings")}
    return {
        "error": None, "head": head, "two_spellings": two_spellings, "segments": segments, "findings": findings,
        "groups": groups,
        "qe": [s.qe for s in report.segments[lo:hi]], "positions": positions,
        "score": [[s.document_part, report.segment_words(s)] for s in report.segments[lo:hi]],
        "slices": [[v.source, v.target] for v in views[lo:hi]], "names": names, "units": units, "words": words,
    }


def _tsv_report(checker, payload: dict, spec: DocSpec):
    """Checker._check_tsv on a window of a TSV file (whole lines, from a context pair to a context pair): the lines
    are cut as read_tsv_pairs cuts them, and go through the same Checker.check_spans."""
    from tqcheck.model import Document

    text, base = payload["text"], payload["base"]
    first, end = payload["own"]
    spans, own_lines = [], []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            if first <= base + len(spans) < end:
                own_lines.append(line)
            cut = line.index("\t")
            spans.append(((pos, pos + cut), (pos + cut + 1, pos + len(line))))
        pos += len(line) + 1
    src = Document(text, "", spec.source, payload["encoding"])
    tgt = Document(text, "", spec.source, payload["encoding"])
    source_lang, target_lang = payload["langs"]
    return checker.check_spans(src, tgt, spans, source_lang, target_lang), own_lines


def _places(f: dict) -> list[dict]:
    """Every place of a finding dict: its own, then its occurrences (checks.merge groups repeats so)."""
    return [{"segment": f["segment"], "target_span": f["target_span"], "source_span": f["source_span"]},
            *f.get("occurrences", ())]


def _moved_place(place: dict, base: int, moved) -> dict:
    """A place of the chunk with its document's segment id and text offsets."""
    k = place["segment"]
    out = {"segment": k + base}
    for side in ("target", "source"):
        span = place[f"{side}_span"]
        d = moved(k, side) if span else 0
        out[f"{side}_span"] = {**span, "start": span["start"] + d, "end": span["end"] + d} if span else None
    return out


def repeat_key(f: dict) -> list | None:
    """What makes two findings one problem repeated (checks.merge._repeat_key, on a finding dict)."""
    from tqcheck.checks.merge import UNMERGED

    side = "target" if f["target_span"] else "source" if f["source_span"] else None
    if f["category"] in UNMERGED or side is None:
        return None
    return [f["rule"], side, f[f"{side}_span"]["text"].casefold(), f["suggestion"]]

