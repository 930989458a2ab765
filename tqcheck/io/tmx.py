"""TMX 1.4: a small streaming reader on lxml (the same safe parsing and placeholders as XLIFF).

A TMX file is one document; each ``tu`` is a pre-segmented pair: the source is the ``tuv`` in the header's
``srclang`` (or, with ``srclang="*all*"``, the first non-English ``tuv``), the target the English ``tuv``.
Inline codes ``bpt``/``ept``/``it`` become paired placeholders ``{A}…{/A}``, ``ph``/``ut`` standalone ``{B/}``,
``hi`` keeps its text, ``sub`` is dropped. ``tu``-level ``note`` elements are kept as notes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from tqcheck.errors import InputError
from tqcheck.io.xliff import BilingualHeader, Placeholders, Unit, collect, free, inline_text, lang_code, localname, \
    safe_iterparse

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: str | Path, target_lang: str = "en") -> tuple[BilingualHeader, list[Unit]]:
    """Read a whole TMX file (streamed): its header and its translation units in order."""
    return collect(iter_tmx(path, target_lang), path, "TMX")


def iter_tmx(path: str | Path, target_lang: str = "en") -> Iterator[BilingualHeader | Unit]:
    version = None
    srclang = None
    chosen_source: str | None = None
    header_sent = False
    count = 0
    for event, element in safe_iterparse(path):
        name = localname(element)
        if event == "start":
            if version is None:
                if name != "tmx":
                    raise InputError(f"{path}: not a TMX file (root element <{name}>)")
                version = element.get("version") or "1.4"
            elif name == "header":
                srclang = element.get("srclang")
            continue
        if name != "tu":
            continue
        variants: list[tuple[str | None, object]] = []
        notes = []
        for child in element:
            child_name = localname(child)
            if child_name == "tuv":
                variants.append((lang_code(child.get(XML_LANG) or child.get("lang")), child))
            elif child_name == "note":
                notes.append((child.text or "").strip())
        if chosen_source is None:
            wanted = lang_code(srclang) if srclang and srclang != "*all*" else None
            if wanted == target_lang:
                raise InputError(f"{path}: the TMX source language is English; tqcheck checks translations "
                                 "into English")
            if wanted is None:
                wanted = next((lang for lang, _ in variants if lang and lang != target_lang), wanted)
            chosen_source = wanted
        if not header_sent:
            header_sent = True
            yield BilingualHeader(f"tmx-{version}", chosen_source, target_lang)
        marks = Placeholders()
        source = _seg_text(variants, chosen_source, marks, path)
        target = _seg_text(variants, target_lang, marks, path)
        count += 1
        yield Unit(id=element.get("tuid") or str(count), source=source or "", target=target, state=None,
                   notes=notes, codes=marks.codes)
        free(element)
    if version is None:
        raise InputError(f"{path}: not a TMX file")
    if not header_sent:
        yield BilingualHeader(f"tmx-{version}", lang_code(srclang) if srclang != "*all*" else None, target_lang)


def _seg_text(variants, lang: str | None, marks: Placeholders, path) -> str | None:
    for variant_lang, tuv in variants:
        if variant_lang == lang:
            seg = next((c for c in tuv if localname(c) == "seg"), None)
            return None if seg is None else inline_text(seg, marks, path)
    return None
