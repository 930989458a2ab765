"""XLIFF 1.2/2.0 and TMX reading, safe XML parsing, annotated copies (no encoder needed)."""
import re
import time

import pytest
from lxml import etree

from batchkit import BILLION_LAUGHS, TMX, XLIFF_12, XLIFF_20, XXE
from tqcheck.errors import InputError
from tqcheck.io.tmx import read_tmx
from tqcheck.io.xliff import annotate_xliff, read_xliff, sniff_format


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_xliff_12_units_placeholders_states_notes(tmp_path):
    header, units = read_xliff(_write(tmp_path, "a.xlf", XLIFF_12))
    assert (header.format, header.source_lang, header.target_lang) == ("xliff-1.2", "es", "en")
    assert [u.id for u in units] == ["1", "2", "3", "4", "5", "6"]
    assert units[0].source == "Haga clic en {A}Guardar{/A} para conservar los cambios."
    assert units[0].target == "Click {A}Save{/A} to keep your changes."
    assert units[0].codes == {"A": "g id=1"}
    assert units[1].source.endswith("ayuda{A/}.") and "{A/}" not in units[1].target
    assert units[1].notes == ["Keep the URL."]
    assert units[1].target.startswith("Write to us")          # alt-trans is not the unit's target
    assert units[1].state == "final"
    assert units[3].untranslated and not units[0].untranslated
    assert not units[4].translate


def test_xliff_20_segments_codes_and_states(tmp_path):
    header, units = read_xliff(_write(tmp_path, "b.xlf", XLIFF_20))
    assert (header.format, header.source_lang, header.target_lang) == ("xliff-2.0", "fr", "en")
    assert [u.id for u in units] == ["u1", "u2/s1", "u2/s2"]
    assert units[0].source == "Cliquez sur {A}Enregistrer{/A} puis {B/} fermez."
    assert units[0].target == "Click {A}Save{/A} then close."
    assert units[0].notes == ["Button label"]
    assert units[1].source == "{A}Le port{/A} reste fermé\u00a0!"
    assert units[1].target == "{A}The port{/A} remains closed!"
    assert units[2].untranslated and units[2].state == "initial"


def test_tmx_pairs_and_inline_codes(tmp_path):
    header, units = read_tmx(_write(tmp_path, "c.tmx", TMX))
    assert (header.format, header.source_lang, header.target_lang) == ("tmx-1.4", "de", "en")
    assert [u.id for u in units] == ["t1", "t2"]
    assert units[0].source == "Sachsen {A}finanziert{/A} Reparaturen."
    assert units[0].target == "Saxony {A}funds{/A} repairs."
    assert units[0].notes == ["headline"]
    assert units[1].source == "Die Arbeiten {A/}beginnen im Mai."
    assert units[1].target == "Work begins in May."


def test_tmx_with_english_source_is_refused(tmp_path):
    text = TMX.replace('srclang="de-DE"', 'srclang="en-GB"')
    with pytest.raises(InputError, match="source language is English"):
        read_tmx(_write(tmp_path, "d.tmx", text))


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_attacks_are_input_errors_fast(tmp_path, payload):
    path = _write(tmp_path, "evil.xlf", payload)
    start = time.perf_counter()
    with pytest.raises(InputError, match="entities"):
        read_xliff(path)
    assert time.perf_counter() - start < 2.0
    with pytest.raises(InputError):
        annotate_xliff(path, tmp_path / "out.xlf", {})
    assert not (tmp_path / "out.xlf").exists()


def test_malformed_and_foreign_xml(tmp_path):
    with pytest.raises(InputError, match="not well-formed"):
        read_xliff(_write(tmp_path, "bad.xlf", XLIFF_12[:400]))
    with pytest.raises(InputError, match="not an XLIFF file"):
        read_xliff(_write(tmp_path, "html.xlf", "<html><body/></html>"))
    with pytest.raises(InputError, match="empty"):
        read_xliff(_write(tmp_path, "empty.xlf", ""))


def test_sniff_format(tmp_path):
    assert sniff_format(_write(tmp_path, "a.xml", XLIFF_12)) == "xliff"
    assert sniff_format(_write(tmp_path, "b.xml", TMX)) == "tmx"
    assert sniff_format(_write(tmp_path, "c.xml", "<html/>")) is None


def test_streaming_keeps_all_units_of_a_large_file(tmp_path):
    unit = ('<trans-unit id="{k}"><source>Hola {k}.</source><target>Hello {k}.</target></trans-unit>\n')
    body = "".join(unit.format(k=k) for k in range(20000))
    path = _write(tmp_path, "big.xlf", f'<xliff version="1.2"><file source-language="es" target-language="en">'
                                       f"<body>{body}</body></file></xliff>")
    header, units = read_xliff(path)
    assert len(units) == 20000 and units[-1].target == "Hello 19999."


def test_annotated_copy_leaves_input_alone(tmp_path):
    for name, text, unit_key in (("a.xlf", XLIFF_12, (0, "2")), ("b.xlf", XLIFF_20, (0, "u2/s1"))):
        path = _write(tmp_path, name, text)
        before = path.read_bytes()
        out = tmp_path / "annotated" / name
        annotate_xliff(path, out, {unit_key: [("major", "tqcheck major markup: check the URL")]})
        assert path.read_bytes() == before
        tree = etree.parse(str(out))
        notes = [n for n in tree.iter() if isinstance(n.tag, str) and n.tag.endswith("note")
                 and "tqcheck" in (n.text or "")]
        assert len(notes) == 1 and notes[0].get("priority") == "2"
        # the copy is still readable by the reader, with the note on the right unit
        _, units = read_xliff(out)
        unit = next(u for u in units if u.id == unit_key[1])
        assert any("tqcheck" in n for n in unit.notes)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "windows-1252"])
def test_annotated_copy_is_streamed_byte_for_byte_with_notes_inserted(tmp_path, encoding):
    from tqcheck.io.xliff import _annotate_whole

    text = XLIFF_20.replace("<unit id=\"u2\">", "<unit id=\"u2\"><!-- kept -->")
    for name, source, keys in (("a.xlf", XLIFF_12, [(0, "1"), (0, "2")]), ("b.xlf", text, [(0, "u1"), (0, "u2/s1")])):
        path = tmp_path / name
        path.write_bytes(source.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"').encode(encoding))
        notes = {key: [("major", 'tqcheck: "3 < 5" & ђ'), ("minor", "second")] for key in keys}
        annotate_xliff(path, tmp_path / f"s-{name}", notes)
        _annotate_whole(path, tmp_path / f"w-{name}", notes)
        canonical = [etree.tostring(etree.parse(str(tmp_path / f"{k}-{name}")), method="c14n") for k in "sw"]
        assert canonical[0] == canonical[1]                # the same document as a whole parse makes
        copy = (tmp_path / f"s-{name}").read_bytes()
        if encoding == "utf-8":                            # the input's bytes kept, the notes added
            added = re.sub(rb'<notes><note category="tqcheck".*?</notes>|<note (from|category)="tqcheck".*?</note>',
                           b"", copy)
            assert added == path.read_bytes()
