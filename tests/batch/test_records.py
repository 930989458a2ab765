"""Records whose segments live in chunk files (the Ray engine's streamed documents) read like inline ones."""
import json

from tqcheck.batch import records
from tqcheck.batch.journal import Journal


def _inline():
    segments = [{"id": k, "source": f"s{k}", "target": f"t{k}", "qe": 0.5} for k in range(5)]
    return {"id": "doc", "input": "fp", "status": "ok", "report": {"segments": segments, "findings": []},
            "positions": [[k, k + 2, k, k + 2] for k in range(5)], "slices": [[f"s{k}", f"t{k}"] for k in range(5)],
            "names": [["Kyiv", 1, 0, 4, "kyiv", "Kyiv"]], "units": []}


def _streamed(tmp_path, inline):
    """The same record with its segments in two chunk files of a spool folder."""
    spool = tmp_path / "spool"
    spool.mkdir()
    paths = []
    for k, (lo, hi) in enumerate(((0, 3), (3, 5))):
        part = {"segments": inline["report"]["segments"][lo:hi], "positions": inline["positions"][lo:hi],
                "slices": inline["slices"][lo:hi], "names": [n for n in inline["names"] if lo <= n[1] < hi],
                "units": []}
        paths.append(spool / f"chunk-{k:06d}.json")
        paths[-1].write_text(json.dumps(part), encoding="utf-8")
    report = {k: v for k, v in inline["report"].items() if k != "segments"}
    return {**{k: v for k, v in inline.items() if k not in records.FIELDS[1:]}, "report": report,
            "parts": [str(p) for p in paths]}


def test_a_streamed_record_reads_like_an_inline_one(tmp_path):
    inline = _inline()
    streamed = _streamed(tmp_path, inline)
    assert list(records.segments(streamed)) == list(records.segments(inline))
    assert [s["id"] for s, _, _ in records.segments(streamed)] == [0, 1, 2, 3, 4]
    assert [n for chunk in records.chunks(streamed) for n in chunk["names"]] == inline["names"]
    assert len(list(records.chunks(streamed))) == 2 and len(list(records.chunks(inline))) == 1


def test_the_journal_takes_a_streamed_records_chunk_files(tmp_path):
    streamed = _streamed(tmp_path, _inline())
    spooled = [p for p in streamed["parts"]]
    journal = Journal(tmp_path / "out")
    journal.start({"run": 1}, resume=False)
    journal.save(streamed)
    assert not any(json_path.exists() for json_path in map(type(tmp_path), spooled))    # moved, not copied
    loaded = journal.load("doc", "fp")
    assert [p.split("/")[-1] for p in loaded["parts"]] == ["chunk-000000.json", "chunk-000001.json"]
    assert all(str(tmp_path / "out" / ".tqcheck-journal" / "parts") in p for p in loaded["parts"])
    assert [s["id"] for s, _, _ in records.segments(loaded)] == [0, 1, 2, 3, 4]
    for path in loaded["parts"][1:]:
        type(tmp_path)(path).unlink()
    assert journal.load("doc", "fp") is None          # a lost chunk file: the document is checked again


def test_a_chunk_file_has_a_head_line_the_merge_reads_alone(tmp_path):
    inline = _inline()
    result = {"error": None, "findings": [{"rule": "x"}], "qe": [0.5] * 5, "words": 12,
              "segments": inline["report"]["segments"], **{k: inline[k] for k in records.FIELDS[1:]}}
    path = tmp_path / "chunk-000000.json"
    path.write_text(records.chunk_text(result), encoding="utf-8")
    head = records.chunk_head(path)
    assert head == {"error": None, "findings": [{"rule": "x"}], "qe": [0.5] * 5, "words": 12, "ids": [0, 1, 2, 3, 4]}
    part = next(records.chunks({"parts": [str(path)]}))
    assert {k: part[k] for k in records.FIELDS} == {k: result[k] for k in records.FIELDS}
