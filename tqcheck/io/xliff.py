"""XLIFF 1.2 and 2.x: a small streaming reader on lxml, and a writer of annotated copies.

Each XLIFF file is one document; each translation unit (1.2 ``trans-unit``, 2.x ``segment`` of a ``unit``) is a
pre-segmented pair. Inline codes become placeholders that carry no digits (so the number check ignores them):
paired codes ``{A}…{/A}`` (1.2 ``g``/``bpt``/``ept``/``bx``/``ex``, 2.x ``pc``/``sc``/``ec``), standalone
codes ``{B/}`` (1.2 ``x``/``ph``/``it``, 2.x ``ph``). Letters are given per unit in the order the codes first
appear in the source, and a code with the same id in the target gets the same letter. Markers (``mrk``, TMX
``hi``) keep their text; ``sub`` text inside native code is dropped; 2.x ``cp`` becomes its character.

Parsing is safe: ``iterparse`` with ``resolve_entities=False``, ``no_network=True``, ``huge_tree=False`` and no
DTD loading; a document that declares entities (billion laughs, XXE) or uses undefined ones is an
:class:`~tqcheck.errors.InputError`, as is malformed XML. Units are yielded as they are parsed and their elements
freed, so large files are streamed, not loaded whole.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from tqcheck.errors import InputError

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
PLACEHOLDER = re.compile(r"\{/?[A-Z]{1,3}/?\}")
# states meaning "no translation yet": a unit in one of these with an empty target is skipped, not an omission
UNTRANSLATED_STATES = {"new", "needs-translation", "initial"}
_PAIRED = {"g", "pc", "bpt", "bx", "sc"}
_CLOSING = {"ept", "ex", "ec"}
_STANDALONE = {"x", "ph", "it", "ut"}
_TRANSPARENT = {"mrk", "hi", "sm", "em"}


@dataclass
class Unit:
    """One translation unit as a pre-segmented pair."""

    id: str
    source: str
    target: str | None
    state: str | None = None
    notes: list[str] = field(default_factory=list)
    translate: bool = True
    file: int = 0                                  # index of the <file> (XLIFF) it belongs to
    codes: dict[str, str] = field(default_factory=dict)   # placeholder letter -> original element, e.g. 'g id=1'

    @property
    def untranslated(self) -> bool:
        """No target text and a state that says none is expected yet (or no state at all)."""
        return not (self.target or "").strip() and (self.state is None or self.state in UNTRANSLATED_STATES)


@dataclass
class BilingualHeader:
    format: str                  # "xliff-1.2", "xliff-2.0", "xliff-2.1", "tmx-1.4", ...
    source_lang: str | None
    target_lang: str | None


def lang_code(value: str | None) -> str | None:
    """``es-ES`` -> ``es``; None stays None."""
    if not value:
        return None
    return value.replace("_", "-").split("-")[0].lower() or None


def localname(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


# ---- safe streaming ---------------------------------------------------------------------------------------
def safe_iterparse(path: str | Path, events=("start", "end")):
    """``lxml.etree.iterparse`` with entity resolution, network and huge trees off; raises InputError."""
    from lxml import etree

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected an XML file")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    context = etree.iterparse(
        str(path), events=events, resolve_entities=False, no_network=True, huge_tree=False,
        load_dtd=False, dtd_validation=False, remove_comments=True, remove_pis=True,
    )
    checked = False
    try:
        for event, element in context:
            if not checked:
                _refuse_entities(path, element)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({_syntax_message(exc)})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


def _refuse_entities(path: Path, element) -> None:
    dtd = element.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(f"{path}: declares XML entities (refused: entity expansion or external entities are "
                         "not allowed in bilingual files)")


def _syntax_message(exc) -> str:
    message = str(exc.msg if hasattr(exc, "msg") else exc).strip()
    if "amplification" in message or "entity" in message.lower():
        return f"entities refused: {message}"
    return message


def free(element) -> None:
    """Drop a processed element and the siblings before it, keeping memory flat while streaming."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


# ---- inline content -> text with placeholders ----------------------------------------------------------------
class Placeholders:
    """Letters for inline codes, shared by the source and target of one unit."""

    def __init__(self) -> None:
        self.letters: dict[str, str] = {}
        self.codes: dict[str, str] = {}

    def letter(self, key: str, description: str) -> str:
        if key not in self.letters:
            self.letters[key] = _letters(len(self.letters))
            self.codes[self.letters[key]] = description
        return self.letters[key]


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def inline_text(element, marks: Placeholders, path: str | Path = "input") -> str:
    """The text of a source/target/seg element with inline codes as placeholders."""
    parts: list[str] = []
    _walk(element, marks, parts, path, top=True)
    return "".join(parts)


def _walk(element, marks: Placeholders, parts: list[str], path, top: bool = False) -> None:
    from lxml import etree

    if element.text and top:
        parts.append(element.text)
    for child in element:
        if isinstance(child, etree._Entity):
            raise InputError(f"{path}: uses the undefined entity {child.text} (entities are not resolved)")
        if not isinstance(child.tag, str):          # comments, processing instructions
            parts.append(child.tail or "")
            continue
        name = localname(child)
        key_id = child.get("id") or child.get("i") or child.get("x") or child.get("rid") or ""
        if name in _PAIRED and name in {"g", "pc"}:
            letter = marks.letter(f"id:{key_id or len(marks.letters)}", _describe(child))
            parts.append(f"{{{letter}}}")
            if child.text:
                parts.append(child.text)
            _walk(child, marks, parts, path)
            parts.append(f"{{/{letter}}}")
        elif name in {"bpt", "bx", "sc"}:
            key = child.get("rid") or child.get("i") or child.get("id") or str(len(marks.letters))
            letter = marks.letter(f"pair:{key}", _describe(child))
            parts.append(f"{{{letter}}}")
        elif name in _CLOSING:
            key = child.get("rid") or child.get("i") or child.get("startRef") or child.get("id") or ""
            letter = marks.letter(f"pair:{key}", _describe(child))
            parts.append(f"{{/{letter}}}")
        elif name in _STANDALONE:
            if name == "it" and child.get("pos") in ("begin", "end"):
                key = child.get("x") or child.get("id") or str(len(marks.letters))
                letter = marks.letter(f"pair:{key}", _describe(child))
                parts.append(f"{{{letter}}}" if child.get("pos") == "begin" else f"{{/{letter}}}")
            else:
                key = f"id:{key_id}" if key_id else f"anon:{len(marks.letters)}"
                parts.append(f"{{{marks.letter(key, _describe(child))}/}}")
        elif name == "cp":
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except (ValueError, OverflowError):
                pass
        elif name == "sub":
            pass
        else:                                        # mrk, hi and unknown markup: keep the text
            if child.text:
                parts.append(child.text)
            _walk(child, marks, parts, path)
        if child.tail:
            parts.append(child.tail)


def _describe(element) -> str:
    attrs = " ".join(f"{k}={v}" for k, v in sorted(element.attrib.items()) if k in ("id", "i", "x", "rid", "ctype",
                                                                                   "type", "startRef"))
    return f"{localname(element)} {attrs}".strip()


# ---- XLIFF ---------------------------------------------------------------------------------------------------
def read_xliff(path: str | Path) -> tuple[BilingualHeader, list[Unit]]:
    """Read a whole XLIFF file (streamed): its header and its units in document order."""
    return collect(iter_xliff(path), path, "XLIFF")


def collect(items: Iterator[BilingualHeader | Unit], path: str | Path, kind: str) -> tuple[BilingualHeader, list[Unit]]:
    """The header and the units of a streamed bilingual file; an InputError when it has no header."""
    header: BilingualHeader | None = None
    units: list[Unit] = []
    for item in items:
        if isinstance(item, BilingualHeader):
            header = item
        else:
            units.append(item)
    if header is None:
        raise InputError(f"{path}: not a {kind} file")
    return header, units


def iter_xliff(path: str | Path) -> Iterator[BilingualHeader | Unit]:
    """Yield the header first, then each unit as soon as it is parsed."""
    header_sent = False
    version = None
    source_lang = target_lang = None
    file_index = -1
    for event, element in safe_iterparse(path):
        name = localname(element)
        if event == "start":
            if name == "xliff" and version is None:
                version = element.get("version") or ("2.0" if NS_20 in (element.tag or "") else "1.2")
                source_lang, target_lang = element.get("srcLang"), element.get("trgLang")
            elif version is None:
                raise InputError(f"{path}: not an XLIFF file (root element <{name}>)")
            elif name == "file":
                file_index += 1
                source_lang = element.get("source-language") or source_lang
                target_lang = element.get("target-language") or target_lang
                if not header_sent:
                    header_sent = True
                    yield BilingualHeader(f"xliff-{version}", lang_code(source_lang), lang_code(target_lang))
            continue
        if name == "trans-unit":
            yield _unit_12(element, path, max(file_index, 0))
            free(element)
        elif name == "unit" and version and not version.startswith("1"):
            yield from _units_20(element, path, max(file_index, 0))
            free(element)
        elif name == "xliff" and not header_sent:
            yield BilingualHeader(f"xliff-{version}", lang_code(source_lang), lang_code(target_lang))


def _unit_12(element, path, file_index: int) -> Unit:
    marks = Placeholders()
    source = target = state = None
    notes = []
    for child in element:
        name = localname(child)
        if name == "source" and source is None:
            source = inline_text(child, marks, path)
        elif name == "target" and target is None:
            target = inline_text(child, marks, path)
            state = child.get("state")
        elif name == "note":
            notes.append((child.text or "").strip())
    return Unit(
        id=element.get("id") or "", source=source or "", target=target, state=state, notes=notes,
        translate=element.get("translate", "yes") != "no", file=file_index, codes=marks.codes,
    )


def _units_20(element, path, file_index: int) -> Iterator[Unit]:
    notes = []
    segments = []
    for child in element:
        name = localname(child)
        if name == "notes":
            notes = [(n.text or "").strip() for n in child if localname(n) == "note"]
        elif name == "segment":
            segments.append(child)
    translate = element.get("translate", "yes") != "no"
    for k, segment in enumerate(segments):
        marks = Placeholders()
        source = target = None
        for child in segment:
            name = localname(child)
            if name == "source":
                source = inline_text(child, marks, path)
            elif name == "target":
                target = inline_text(child, marks, path)
        unit_id = element.get("id") or ""
        seg_id = segment.get("id") or (str(k) if len(segments) > 1 else "")
        yield Unit(
            id=f"{unit_id}/{seg_id}" if seg_id else unit_id, source=source or "", target=target,
            state=segment.get("state"), notes=notes, translate=translate, file=file_index, codes=marks.codes,
        )


# ---- annotated copies ----------------------------------------------------------------------------------------
_PRIORITY = {"critical": "1", "major": "2", "minor": "5"}


def annotate_xliff(path: str | Path, out: str | Path, notes: dict[tuple[int, str], list[tuple[str, str]]]) -> None:
    """Write a copy of ``path`` to ``out`` with notes ``{(file index, unit id): [(severity, text)]}`` on units.

    XLIFF 1.2 gets ``<note from="tqcheck" priority="…">`` at the end of the ``trans-unit``; 2.x gets
    ``<note category="tqcheck" priority="…" appliesTo="target">`` at the end of the unit's ``<notes>`` (created
    before the unit's first child when absent). The copy is streamed: the input's bytes are copied as they are, the
    notes inserted where an XML parser (expat, entity declarations refused) finds those places, so memory does not
    grow with the file. A file in an encoding expat does not read (not UTF-8/16, Latin-1 or ASCII) is parsed whole
    and re-serialised instead. The input is never modified; ``out`` is written atomically.
    """
    path, out = Path(path), Path(out)
    try:
        places, encoding = _note_places(path, notes)
    except _Unstreamable:
        _annotate_whole(path, out, notes)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with open(path, "rb") as src, open(tmp, "wb") as dst:
        pos = 0
        for offset, text in places:
            _copy(src, dst, offset - pos)
            dst.write(text.encode(encoding, "xmlcharrefreplace"))
            pos = offset
        _copy(src, dst, None)
    os.replace(tmp, out)


class _Unstreamable(Exception):
    """The copy cannot be streamed (an encoding expat lacks, an empty-element ``<notes/>``)."""


def _copy(src, dst, count: int | None, block: int = 1 << 20) -> None:
    while count is None or count > 0:
        data = src.read(block if count is None else min(block, count))
        if not data:
            return
        dst.write(data)
        if count is not None:
            count -= len(data)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _note_places(path: Path, notes: dict) -> tuple[list[tuple[int, str]], str]:
    """``[(byte offset, markup to insert there)]`` in file order, and the file's encoding."""
    import codecs
    import xml.parsers.expat as expat

    with open(path, "rb") as fh:
        head = fh.read(4)
    encoding = "utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else \
        "utf-16-be" if head.startswith(codecs.BOM_UTF16_BE) else "utf-8"
    parser = expat.ParserCreate(namespace_separator=" ")
    places: list[tuple[int, str]] = []
    by_unit: dict[tuple[int, str], list] = {}          # 2.x: a unit's notes, its segments' ("unit/segment") too
    for (f, u), items in notes.items():
        for unit_id in {u, *(u[:k] for k, c in enumerate(u) if c == "/")}:
            by_unit.setdefault((f, unit_id), []).extend(items)
    state = {"version": None, "file": -1, "depth": 0, "unit": None, "open": []}

    def declared(version, declared_encoding, standalone):
        nonlocal encoding
        if declared_encoding and not encoding.startswith("utf-16"):
            try:
                name = codecs.lookup(declared_encoding).name
            except LookupError:
                raise _Unstreamable(declared_encoding) from None
            if name not in ("utf-8", "latin-1", "iso8859-1", "ascii"):
                raise _Unstreamable(name)
            encoding = name

    def entity(*_):
        raise InputError(f"{path}: declares XML entities (refused: entity expansion or external entities are not "
                         "allowed in bilingual files)")

    def child_node():                   # a child of a 2.x unit with notes to add: the first is where <notes> goes
        unit = state["unit"]
        if unit and state["depth"] == unit["depth"] and unit["first"] is None:
            unit["first"] = parser.CurrentByteIndex

    def start(name, attrs):
        child_node()
        state["depth"] += 1
        local = name.rsplit(" ", 1)[-1]
        if state["version"] is None:
            state["version"] = attrs.get("version") or "1.2"
        elif local == "file":
            state["file"] += 1
        elif local == "unit" and not state["version"].startswith("1"):
            mine = by_unit.get((max(state["file"], 0), attrs.get("id") or ""))
            state["unit"] = {"depth": state["depth"], "mine": mine, "first": None, "notes": None,
                             "in_notes": False, "open": parser.CurrentByteIndex} if mine else None
        elif local == "notes" and state["unit"] and state["depth"] == state["unit"]["depth"] + 1:
            state["unit"]["in_notes"] = state["unit"]["notes"] is None       # the unit's first <notes>
        state["open"].append((local, parser.CurrentByteIndex, attrs.get("id") or ""))

    def end(name):
        local, opened, unit_id = state["open"].pop()
        index = parser.CurrentByteIndex
        unit = state["unit"]
        if local == "trans-unit" and state["version"].startswith("1"):
            mine = notes.get((max(state["file"], 0), unit_id), [])
            if mine and index == opened:
                raise _Unstreamable("empty trans-unit")
            places.extend((index, f'<note from="tqcheck" priority="{_PRIORITY[sv]}">{_escape(t)}</note>')
                          for sv, t in mine)
        elif local == "notes" and unit and unit["in_notes"] and state["depth"] == unit["depth"] + 1:
            if index == opened:
                raise _Unstreamable("empty <notes/>")
            unit["notes"], unit["in_notes"] = index, False                 # before its end tag
        elif local == "unit" and unit and state["depth"] == unit["depth"]:
            if index == unit["open"]:
                raise _Unstreamable("empty <unit/>")
            added = "".join(f'<note category="tqcheck" appliesTo="target" priority="{_PRIORITY[sv]}">'
                            f"{_escape(t)}</note>" for sv, t in unit["mine"])
            if unit["notes"] is not None:
                places.append((unit["notes"], added))
            else:
                places.append((unit["first"] if unit["first"] is not None else index, f"<notes>{added}</notes>"))
            state["unit"] = None
        state["depth"] -= 1

    parser.XmlDeclHandler = declared
    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CommentHandler = lambda _: child_node()
    parser.ProcessingInstructionHandler = lambda *_: child_node()
    try:
        with open(path, "rb") as fh:
            while True:
                data = fh.read(1 << 20)
                parser.Parse(data, not data)
                if not data:
                    break
    except expat.ExpatError as exc:
        if "encoding" in str(exc):
            raise _Unstreamable(str(exc)) from None
        raise InputError(f"{path}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    if state["version"] is None:
        raise InputError(f"{path}: not an XLIFF file")
    places.sort(key=lambda place: place[0])        # stable: notes at one place keep their order
    return places, encoding


def _annotate_whole(path: Path, out: Path, notes: dict) -> None:
    """annotate_xliff on a whole parse (lxml), for what cannot be streamed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             remove_blank_text=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({_syntax_message(exc)})") from None
    _refuse_entities(Path(path), tree.getroot())
    root = tree.getroot()
    ns = root.nsmap.get(None)
    version = root.get("version") or "1.2"
    q = (lambda n: f"{{{ns}}}{n}") if ns else (lambda n: n)
    file_index = -1
    for element in root.iter():
        name = localname(element)
        if name == "file":
            file_index += 1
        elif name == "trans-unit" and version.startswith("1"):
            for severity, text in notes.get((max(file_index, 0), element.get("id") or ""), []):
                note = etree.SubElement(element, q("note"), {"from": "tqcheck", "priority": _PRIORITY[severity]})
                note.text = text
        elif name == "unit" and not version.startswith("1"):
            unit_id = element.get("id") or ""
            mine = [(s, t) for (f, u), items in notes.items() if f == max(file_index, 0)
                    and (u == unit_id or u.startswith(unit_id + "/")) for s, t in items]
            if not mine:
                continue
            holder = next((c for c in element if localname(c) == "notes"), None)
            if holder is None:
                holder = etree.Element(q("notes"))
                element.insert(0, holder)
            for severity, text in mine:
                note = etree.SubElement(holder, q("note"), {"category": "tqcheck", "appliesTo": "target",
                                                            "priority": _PRIORITY[severity]})
                note.text = text
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    encoding = tree.docinfo.encoding or "UTF-8"
    tree.write(str(tmp), xml_declaration=True, encoding=encoding)
    os.replace(tmp, out)


def sniff_format(path: str | Path) -> str | None:
    """``xliff`` or ``tmx`` from the root element name in the first bytes, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    text = head.decode("utf-8", "ignore") if not head.startswith((b"\xff\xfe", b"\xfe\xff")) else \
        head.decode("utf-16", "ignore")
    match = re.search(r"<(?!\?|!)([\w:.-]+)", text)
    if not match:
        return None
    root = match.group(1).split(":")[-1].lower()
    return root if root in ("xliff", "tmx") else None
