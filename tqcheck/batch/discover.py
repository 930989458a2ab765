"""Find the documents of a delivery: pairs by name in directories, manifests, bilingual files.

* Directories are walked recursively (hidden files and folders, and the output folder, are skipped):

  - ``NAME.<lang>.txt`` + ``NAME.en.txt`` is one document with source language ``<lang>`` (``es``, ``pt-BR``…);
    several source languages for one ``NAME`` give one document each (``NAME.es``, ``NAME.fr``).
  - ``NAME.src.txt`` + ``NAME.tgt.txt`` is one document, languages detected.
  - ``*.xlf``, ``*.xliff``, ``*.sdlxliff``, ``*.mxliff`` (XLIFF 1.2/2.x), ``*.tmx`` and two-column ``*.tsv``
    files are one document each.
  - ``*.expected.tsv`` (reviewer keys of the demo corpus) are not documents and are skipped silently; a
    ``.txt`` without its partner and any other file are listed as warnings.

* A manifest (``--manifest FILE``: ``.csv``, ``.tsv`` or ``.jsonl``) lists documents explicitly: columns/keys
  ``source``, ``target`` (empty for a bilingual file), optional ``source_lang``, ``target_lang`` and ``id``; paths
  are relative to the manifest.

Document ids are paths relative to the input folder (``sub/NAME`` for pairs, ``sub/file.xlf`` for bilingual files)
and must be unique; outputs are ordered by id.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.io.text import read_text

XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mxliff")
BILINGUAL = {**{s: "xliff" for s in XLIFF_SUFFIXES}, ".tmx": "tmx", ".tsv": "tsv"}
_PAIR_NAME = re.compile(r"^(?P<stem>.+)\.(?P<tag>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)\.txt$")
# reviewer keys and a folder's own documentation are not translations: skipped without a warning
_SKIP_SUFFIXES = (".expected.tsv", ".md")
_DOC_STEMS = ("readme", "license", "licence", "notice", "changelog", "authors")


@dataclass(frozen=True)
class DocSpec:
    """One document to check; picklable, sent to worker processes."""

    id: str
    kind: str                      # "pair" | "xliff" | "tmx" | "tsv"
    source: str                    # path to read
    target: str | None
    source_lang: str | None = None
    target_lang: str | None = None
    source_name: str = ""          # path as shown in outputs
    target_name: str | None = None


def discover(inputs: list[Path], manifest: Path | None = None, exclude: list[Path] = ()) -> tuple[list[DocSpec], list[str]]:
    """All documents (sorted by id) and warnings about files that are not part of one."""
    specs: list[DocSpec] = []
    warnings: list[str] = []
    excluded = {p.resolve() for p in exclude}
    for item in inputs:
        if not item.exists():
            raise InputError(f"{item}: no such file or directory")
        if item.is_dir():
            files = list(_walk(item, excluded))
            found, warned = _from_files(item, files)
        else:
            found, warned = _from_files(item.parent, [item])
        specs += found
        warnings += warned
    if manifest is not None:
        specs += read_manifest(manifest)
    seen: dict[str, DocSpec] = {}
    for spec in specs:
        if spec.id in seen:
            raise InputError(f"two documents have the id {spec.id!r}: {seen[spec.id].source_name} and "
                             f"{spec.source_name} (give them different names or ids)")
        seen[spec.id] = spec
    if not specs:
        raise InputError("no documents found (expected NAME.<lang>.txt + NAME.en.txt pairs, XLIFF, TMX, TSV "
                         "files or a --manifest)")
    return sorted(specs, key=lambda s: s.id), sorted(warnings)


def _walk(root: Path, excluded: set[Path]):
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() not in excluded)
        for name in sorted(files):
            if not name.startswith(".") and (here / name).resolve() not in excluded:
                yield here / name


def _show(root: Path, path: Path, shown: Path | None = None) -> str:
    return ((shown if shown is not None else root) / path.relative_to(root)).as_posix()


def _from_files(root: Path, files: list[Path], shown: Path | None = None) -> tuple[list[DocSpec], list[str]]:
    specs: list[DocSpec] = []
    warnings: list[str] = []
    groups: dict[str, dict[str, Path]] = {}
    shown = root if shown is None else shown
    for path in files:
        rel = path.relative_to(root).as_posix()
        lower = path.name.lower()
        if lower.endswith(_SKIP_SUFFIXES) or lower.split(".")[0] in _DOC_STEMS:
            continue
        suffix = path.suffix.lower()
        if suffix in BILINGUAL:
            specs.append(DocSpec(rel, BILINGUAL[suffix], str(path), None, source_name=_show(root, path, shown)))
            continue
        match = _PAIR_NAME.match(path.name) if suffix == ".txt" else None
        if match is None:
            warnings.append(f"{_show(root, path, shown)}: not part of a document (expected NAME.<lang>.txt + "
                            "NAME.en.txt, .xlf/.xliff, .tmx or .tsv); skipped")
            continue
        stem = (path.parent / match.group("stem")).relative_to(root).as_posix()
        groups.setdefault(stem, {})[match.group("tag").lower().replace("_", "-")] = path
    for stem, members in sorted(groups.items()):
        target = members.pop("en", None)
        paired = False
        if "tgt" in members or "src" in members:
            src, tgt = members.pop("src", None), members.pop("tgt", None)
            if src is not None and tgt is not None:
                paired = True
                specs.append(DocSpec(stem, "pair", str(src), str(tgt), None, None, _show(root, src, shown),
                                     _show(root, tgt, shown)))
            else:
                lone = src or tgt
                warnings.append(f"{_show(root, lone, shown)}: unpaired (no {stem}.{'tgt' if src else 'src'}.txt); "
                                "skipped")
        if target is None:
            for tag, path in sorted(members.items()):
                warnings.append(f"{_show(root, path, shown)}: unpaired (no {Path(stem).name}.en.txt); skipped")
            continue
        if not members:
            if not paired:
                warnings.append(f"{_show(root, target, shown)}: unpaired (no {Path(stem).name}.<lang>.txt source); "
                                "skipped")
            continue
        for tag, path in sorted(members.items()):
            doc_id = stem if len(members) == 1 else f"{stem}.{tag}"
            specs.append(DocSpec(doc_id, "pair", str(path), str(target), tag.split("-")[0], "en",
                                 _show(root, path, shown), _show(root, target, shown)))
    return specs, warnings


# ---- manifests -----------------------------------------------------------------------------------------------
def read_manifest(path: Path) -> list[DocSpec]:
    text, _ = read_text(path)
    base = path.parent
    suffix = path.suffix.lower()
    rows: list[dict] = []
    if suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}:{number}: expected a JSON object per line")
            rows.append({k: ("" if v is None else str(v)) for k, v in row.items()})
    elif suffix in (".csv", ".tsv"):
        reader = csv.DictReader(text.splitlines(), delimiter="\t" if suffix == ".tsv" else ",")
        if not reader.fieldnames or "source" not in [f.strip() for f in reader.fieldnames]:
            raise InputError(f"{path}: the manifest needs a header row with at least a 'source' column "
                             "(source, target, source_lang, target_lang, id)")
        rows = [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]
    else:
        raise InputError(f"{path}: a manifest must be .csv, .tsv or .jsonl")
    specs = []
    for number, row in enumerate(rows, 2 if suffix != ".jsonl" else 1):
        source = row.get("source", "").strip()
        if not source:
            raise InputError(f"{path}:{number}: no source path")
        target = row.get("target", "").strip() or None
        src_path = base / source
        kind = "pair" if target else BILINGUAL.get(src_path.suffix.lower())
        if kind is None:
            raise InputError(f"{path}:{number}: {source}: a text source needs a target (or give an XLIFF, TMX or "
                             "TSV file)")
        doc_id = row.get("id", "").strip() or _default_id(source, kind)
        specs.append(DocSpec(doc_id, kind, str(src_path), str(base / target) if target else None,
                             row.get("source_lang", "").strip() or None, row.get("target_lang", "").strip() or None,
                             source, target))
    return specs


def _default_id(source: str, kind: str) -> str:
    if kind != "pair":
        return Path(source).as_posix()
    match = _PAIR_NAME.match(Path(source).name)
    name = match.group("stem") if match else Path(source).stem
    return (Path(source).parent / name).as_posix()
