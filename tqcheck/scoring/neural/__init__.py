"""Neural QE backends (optional extra ``tqcheck[neural]``): CometKiwi, xCOMET, MetricX-24 and any Hugging Face
sequence-classification checkpoint, run through ``transformers`` without unbabel-comet or the metricx code.

This module is importable without torch; ``load_scorer`` imports the backend (and torch) when it is called.

>>> scorer = load_scorer("cometkiwi-22")                   # an alias, a Hugging Face repo id (read from the
>>> scorer = load_scorer("/models/wmt22-cometkiwi-da")     # local HF cache only), or a folder
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable

from tqcheck.errors import InputError

# short names for the published models (all read from a folder or the local Hugging Face cache, never downloaded)
ALIASES: dict[str, str] = {
    "cometkiwi-22": "Unbabel/wmt22-cometkiwi-da",
    "cometkiwi-23-xl": "Unbabel/wmt23-cometkiwi-da-xl",
    "cometkiwi-23-xxl": "Unbabel/wmt23-cometkiwi-da-xxl",
    "xcomet-xl": "Unbabel/XCOMET-XL",
    "xcomet-xxl": "Unbabel/XCOMET-XXL",
    "metricx-24-large": "google/metricx-24-hybrid-large-v2p6",
    "metricx-24-xl": "google/metricx-24-hybrid-xl-v2p6",
    "metricx-24-xxl": "google/metricx-24-hybrid-xxl-v2p6",
    "metricx-24-large-bf16": "google/metricx-24-hybrid-large-v2p6-bfloat16",
    "metricx-24-xl-bf16": "google/metricx-24-hybrid-xl-v2p6-bfloat16",
    "metricx-24-xxl-bf16": "google/metricx-24-hybrid-xxl-v2p6-bfloat16",
}


def _comet(path: Path, ref: str, device, dtype, batch_size, progress, **options):
    from tqcheck.scoring.neural.base import pick_dtype
    from tqcheck.scoring.neural.comet import CometScorer

    return CometScorer(path, ref, device, pick_dtype(device, dtype), batch_size, progress,
                       encoder_dir=options.get("encoder_dir"))


def _metricx(path: Path, ref: str, device, dtype, batch_size, progress, **options):
    from tqcheck.scoring.neural.metricx import MetricXScorer

    return MetricXScorer(path, ref, device, dtype, batch_size, progress, tokenizer=options.get("tokenizer"))


def _hf(path: Path, ref: str, device, dtype, batch_size, progress, **options):
    from tqcheck.scoring.neural.hf import HFClassifierScorer

    return HFClassifierScorer(path, ref, device, dtype, batch_size, progress)


# backend name -> loader(folder, model reference, device, dtype, batch_size, progress, **options)
BACKENDS: dict[str, Callable[..., Any]] = {"comet": _comet, "metricx": _metricx, "hf": _hf}


def load_scorer(model: str, device: str | None = "auto", dtype: str | None = "auto", batch_size: int | None = None,
                backend: str | None = None, progress: bool | None = None, **options):
    """Build the neural scorer for ``model`` (alias, repo id in the local HF cache, or folder).

    ``backend`` (comet | metricx | hf) is detected from the folder's layout when omitted. ``options``:
    ``encoder_dir`` (COMET: folder with the encoder's config and tokenizer), ``tokenizer`` (MetricX: mT5 tokenizer
    name or folder). Every failure is an InputError with one line that says what to do.
    """
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise InputError(f"neural QE models need the neural extra: pip install 'tqcheck[neural]' "
                         f"({exc.name or exc} is not installed)") from None
    from tqcheck.scoring.neural.base import pick_device

    path = resolve_model(model)
    kind = backend or detect_backend(path)
    if kind not in BACKENDS:
        raise InputError(f"unknown neural backend {kind!r}; known: {', '.join(BACKENDS)}")
    with _quiet_transformers():
        return BACKENDS[kind](path, model, pick_device(device), dtype, batch_size, progress, **options)


@contextmanager
def _quiet_transformers():
    """No weight-loading progress bars or architecture-name warnings from transformers while a model loads."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def resolve_model(model: str) -> Path:
    """A folder (or a COMET ``checkpoints/model.ckpt`` inside one), or an alias / repo id found in the HF cache."""
    if not model or not str(model).strip():
        raise InputError("--model needs a model name or folder")
    path = Path(model).expanduser()
    if path.is_file() and path.name.endswith(".ckpt") and path.parent.name == "checkpoints":
        return path.parents[1]
    if path.is_dir():
        return path
    if path.exists():
        raise InputError(f"{model}: give the model's folder, not a file")
    repo = ALIASES.get(model.lower(), model)
    looks_like_repo = repo.count("/") == 1 and not repo.startswith((".", "/", "~"))
    if not looks_like_repo:
        raise InputError(f"{model}: no such model folder, and not a known model name "
                         f"(known: {', '.join(sorted(ALIASES))}, or a Hugging Face repo id such as "
                         "Unbabel/wmt22-cometkiwi-da)")
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id=repo, local_files_only=True, cache_dir=_hub_cache()))
    except Exception:   # noqa: BLE001 - LocalEntryNotFoundError and its cousins across hub versions
        cache = _hub_cache() or "~/.cache/huggingface/hub"
        gated = " (a gated model: accept its licence on the Hugging Face Hub first)" \
            if repo.startswith(("Unbabel/", "google/metricx")) else ""
        raise InputError(f"{repo} is not in the local Hugging Face cache ({cache}); tqcheck never downloads: fetch it "
                         f"with `hf download {repo}`{gated}, or pass the model's folder") from None


def _hub_cache() -> str | None:
    """The HF cache as the environment says now (huggingface_hub reads it once, at import)."""
    if os.environ.get("HF_HUB_CACHE"):
        return os.environ["HF_HUB_CACHE"]
    if os.environ.get("HF_HOME"):
        return os.path.join(os.environ["HF_HOME"], "hub")
    return None


def detect_backend(path: Path) -> str:
    if (path / "hparams.yaml").is_file() or (path / "checkpoints").is_dir():
        return "comet"
    config_file = path / "config.json"
    if not config_file.is_file():
        raise InputError(f"{path}: not a model folder (no hparams.yaml + checkpoints/model.ckpt for COMET, "
                         "no config.json for MetricX or a Hugging Face classifier)")
    import json

    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{config_file}: unreadable ({exc})") from None
    architectures = [str(a) for a in config.get("architectures") or []]
    if config.get("model_type") in ("mt5", "t5") and not any("SequenceClassification" in a for a in architectures):
        return "metricx"
    return "hf"


__all__ = ["ALIASES", "BACKENDS", "detect_backend", "load_scorer", "resolve_model"]
