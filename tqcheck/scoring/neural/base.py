"""Shared machinery of the neural scorers: device and dtype choice, length-sorted batching with dynamic padding,
out-of-memory retries, the raw-score -> qe calibration, and what the report records for reproducibility.

Imports torch: only ``tqcheck.scoring.neural.load_scorer`` imports this module, never ``import tqcheck``.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Sequence

import torch

from tqcheck.errors import InputError
from tqcheck.scoring.base import QEItem

DTYPES = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}
DTYPE_NAMES = {v: k for k, v in DTYPES.items()}


class ErrorSpan(NamedTuple):
    """An error span predicted in the MT: character offsets into the target text of the item (``span[:3]`` is
    ``(start, end, severity)``)."""

    start: int
    end: int
    severity: str          # minor | major | critical
    confidence: float      # mean probability of the predicted tag over the span's subwords
    text: str              # target[start:end]


@dataclass
class Prediction:
    """One item's output: ``raw`` is the model's own score, ``qe`` its calibrated value in [0, 1]."""

    raw: float
    qe: float
    spans: list[ErrorSpan] = field(default_factory=list)
    details: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RangeCalibration:
    """``qe = clamp((raw - low) / (high - low), 0, 1)``, inverted when lower raw scores are better."""

    low: float
    high: float
    higher_is_better: bool = True
    note: str = ""

    def qe(self, raw: float) -> float:
        x = (raw - self.low) / (self.high - self.low)
        x = min(1.0, max(0.0, x))
        return x if self.higher_is_better else 1.0 - x

    def describe(self) -> str:
        if self.higher_is_better:
            formula = "clamp(raw, 0, 1)" if (self.low, self.high) == (0.0, 1.0) else \
                f"clamp((raw - {self.low:g}) / {self.high - self.low:g}, 0, 1)"
        else:
            formula = f"1 - clamp((raw - {self.low:g}) / {self.high - self.low:g}, 0, 1)"
        return f"qe = {formula}" + (f"; {self.note}" if self.note else "")


# ---- device, dtype -------------------------------------------------------------------------------------------
def pick_device(name: str | None = "auto") -> torch.device:
    """``auto``: cuda > mps > cpu. An explicit device that is not available is an InputError."""
    name = (name or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(name)
    except (RuntimeError, ValueError):
        raise InputError(f"unknown device {name!r}; use auto, cpu, cuda, cuda:N or mps") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise InputError(f"--device {name}: no CUDA device is available to torch {torch.__version__}")
    if device.type == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
        raise InputError(f"--device {name}: only {torch.cuda.device_count()} CUDA device(s)")
    if device.type == "mps" and not _mps_available():
        raise InputError(f"--device {name}: Apple MPS is not available")
    if device.type not in ("cpu", "cuda", "mps"):
        raise InputError(f"unsupported device {name!r}; use auto, cpu, cuda, cuda:N or mps")
    return device


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


def pick_dtype(device: torch.device, requested: str | None = "auto", stored: torch.dtype | None = None) -> torch.dtype:
    """``auto``: bf16 on CUDA (fp16 where the card has no bf16), fp16 on MPS; on CPU fp32, or the checkpoint's own
    dtype when it was stored in bf16/fp16 (a bf16 checkpoint runs in bf16 as published)."""
    requested = (requested or os.environ.get("TQCHECK_NEURAL_DTYPE") or "auto").strip().lower()
    if requested != "auto":
        if requested not in DTYPES:
            raise InputError(f"unknown dtype {requested!r}; use auto, fp32, fp16 or bf16")
        return DTYPES[requested]
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    if stored in (torch.bfloat16, torch.float16):
        return stored
    return torch.float32


@contextmanager
def default_dtype(dtype: torch.dtype):
    """Build modules directly in ``dtype`` (no fp32 copy of a large model first)."""
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def is_oom(exc: BaseException) -> bool:
    oom_type = getattr(torch.cuda, "OutOfMemoryError", None)
    if oom_type is not None and isinstance(exc, oom_type):
        return True
    return isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower()


def free_memory(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.empty_cache()
    elif device.type == "mps" and hasattr(torch, "mps"):
        torch.mps.empty_cache()


# ---- reproducibility -------------------------------------------------------------------------------------------
def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for dist in ("tqcheck", "torch", "transformers", "tokenizers", "sentencepiece"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            pass
    found["torch"] = torch.__version__
    return found


def sha256_file(path: Path) -> str:
    """sha256 of a (possibly multi-GB) file, cached by path, size and mtime in the user's cache folder."""
    path = Path(path).resolve()
    stat = path.stat()
    key = f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
    cache_file = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tqcheck" / "sha256.json"
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    if key in cache:
        return cache[key]
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 22), b""):
                digest.update(block)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the checkpoint ({exc.strerror or exc})") from None
    value = digest.hexdigest()
    cache = {k: v for k, v in cache.items() if not k.startswith(f"{path}|")}
    cache[key] = value
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_name(f".{cache_file.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(cache, indent=0), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:
        pass   # a read-only home only costs the hash again next time
    return value


def check_not_lfs_pointer(path: Path) -> None:
    """A Git LFS pointer left by a clone without ``git lfs`` is the commonest 'unreadable checkpoint'."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the checkpoint ({exc.strerror or exc})") from None
    if head.startswith(b"version https://git-lfs"):
        raise InputError(f"{path}: is a Git LFS pointer, not the checkpoint itself; fetch the real file "
                         "(git lfs pull, or download the model with the huggingface_hub client)")


# ---- the scorer ------------------------------------------------------------------------------------------------
class NeuralScorer:
    """Base of the neural backends. Subclasses implement ``_encode_all`` (tokenise the items), ``_forward`` (one padded
    batch -> per-item raw scores and extras) and ``_describe``.

    ``score()`` returns qe values as the Scorer protocol asks; the raw scores and xCOMET error spans of the last call
    stay on the scorer (``last_predictions``, ``last_raw``), and ``predict()`` / ``error_spans()`` give them directly.
    """

    name = "neural"
    backend = "neural"
    calibration: RangeCalibration

    def __init__(self, model_ref: str, device: torch.device, dtype: torch.dtype, batch_size: int | None,
                 progress: bool | None = None):
        self.model_ref = model_ref
        self.device = device
        self.dtype = dtype
        self.batch_size = batch_size or (64 if device.type == "cuda" else 8)
        # on a GPU, padded lengths are rounded up to a multiple of 32 tokens: a few shapes recur across batches and
        # documents instead of one new shape per batch (each new shape costs cuDNN/cuBLAS plan selection)
        self.pad_multiple = 32 if device.type in ("cuda", "mps") else 1
        self.progress = progress
        self.warnings: list[str] = []
        self.checkpoint: Path | None = None          # the file the report names
        self.hashed_files: list[Path] = []           # the files its sha256 covers (all shards), default [checkpoint]
        self.last_items: list[QEItem] | None = None
        self.last_predictions: list[Prediction] = []

    # -- Scorer protocol --
    def score(self, items: list[QEItem], source_lang: str | None = None) -> list[float]:
        return [p.qe for p in self.predict(items)]

    def info(self) -> dict[str, Any]:
        info = {
            "name": self.name,
            "backend": self.backend,
            "model": self.model_ref,
            "checkpoint": str(self.checkpoint) if self.checkpoint else None,
            "sha256": self.weights_sha256(),
            "calibration": self.calibration.describe(),
            "device": str(self.device),
            "dtype": DTYPE_NAMES.get(self.dtype, str(self.dtype)),
            "versions": library_versions(),
        }
        info.update(self._describe())
        if self.warnings:
            info["warnings"] = list(self.warnings)
        return info

    # -- extras --
    def weights_sha256(self) -> str | None:
        files = self.hashed_files or ([self.checkpoint] if self.checkpoint else [])
        if not files:
            return None
        if len(files) == 1:
            return sha256_file(files[0])
        lines = "".join(f"{f.name}:{sha256_file(f)}\n" for f in files)   # shards: the hash of their hashes
        return hashlib.sha256(lines.encode()).hexdigest()

    @property
    def last_raw(self) -> list[float]:
        return [p.raw for p in self.last_predictions]

    def error_spans(self, items: list[QEItem] | None = None) -> list[list[ErrorSpan]]:
        """Per item, the predicted error spans in the target (empty lists for backends without a word-level head)."""
        if items is not None and items != self.last_items:
            self.predict(items)
        return [list(p.spans) for p in self.last_predictions]

    def predict(self, items: Sequence[QEItem]) -> list[Prediction]:
        items = list(items)
        encoded = self._encode_all(items)
        order = sorted(range(len(items)), key=lambda k: -encoded[k].length)   # longest first: OOM shows up early
        results: list[Prediction | None] = [None] * len(items)
        for idx, preds in self._batches(order, encoded):
            for k, pred in zip(idx, preds):
                results[k] = pred
        self.last_items = items
        self.last_predictions = [r for r in results if r is not None]
        assert len(self.last_predictions) == len(items)
        return self.last_predictions

    def _batches(self, order: list[int], encoded: list) -> Any:
        size = self.batch_size
        start = 0
        bar = _progress(len(order), self.progress)
        try:
            while start < len(order):
                idx = order[start:start + size]
                try:
                    with torch.inference_mode():
                        preds = self._forward([encoded[k] for k in idx])
                except Exception as exc:   # noqa: BLE001 - only OOM is retried
                    if not is_oom(exc):
                        raise
                    free_memory(self.device)
                    if size == 1:
                        raise InputError(f"out of memory on {self.device} even with batch size 1 "
                                         f"({encoded[idx[0]].length} tokens); try --device cpu") from None
                    size = max(1, size // 2)
                    self.batch_size = size   # later calls start from what fitted
                    note = f"out of memory on {self.device}: batch size lowered to {size}"
                    if note not in self.warnings:
                        self.warnings.append(note)
                        print(f"tqcheck: warning: {note}", file=sys.stderr)
                    continue
                yield idx, preds
                start += len(idx)
                if bar is not None:
                    bar.advance(len(idx))
        finally:
            if bar is not None:
                bar.close()

    # -- to implement --
    def _encode_all(self, items: list[QEItem]) -> list:
        """Tokenise the items; each result has a ``length`` (tokens) used to sort the batches."""
        raise NotImplementedError

    def _forward(self, batch: list) -> list[Prediction]:
        raise NotImplementedError

    def _describe(self) -> dict[str, Any]:
        return {}


class _progress:
    """A rich progress bar on stderr for long runs in a terminal (``progress=None``: only when it is worth it)."""

    def __new__(cls, total: int, enabled: bool | None):
        if enabled is False or (enabled is None and (total < 64 or not sys.stderr.isatty())):
            return None
        return super().__new__(cls)

    def __init__(self, total: int, enabled: bool | None):
        from rich.console import Console
        from rich.progress import Progress

        self._progress = Progress(console=Console(stderr=True), transient=True)
        self._progress.start()
        self._task = self._progress.add_task("scoring", total=total)

    def advance(self, n: int) -> None:
        self._progress.advance(self._task, n)

    def close(self) -> None:
        self._progress.stop()


def _width(rows: list[list[int]], multiple: int) -> int:
    width = max(len(r) for r in rows)
    return -(-width // multiple) * multiple


def pad(rows: list[list[int]], value: int, multiple: int = 1) -> torch.Tensor:
    width = _width(rows, multiple)
    return torch.tensor([r + [value] * (width - len(r)) for r in rows], dtype=torch.long)


def attention_mask(rows: list[list[int]], multiple: int = 1) -> torch.Tensor:
    width = _width(rows, multiple)
    return torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in rows], dtype=torch.long)


def load_torch_file(path: Path) -> Any:
    """torch.load with weights_only (no code runs from the file) and mmap where the format allows it."""
    check_not_lfs_pointer(path)
    trust = os.environ.get("TQCHECK_TRUST_CHECKPOINT") == "1"
    last_error: Exception | None = None
    for kwargs in ({"mmap": True}, {}):
        try:
            return torch.load(path, map_location="cpu", weights_only=not trust, **kwargs)
        except FileNotFoundError:
            raise InputError(f"{path}: no such checkpoint") from None
        except Exception as exc:   # noqa: BLE001 - every failure becomes one clear line
            last_error = exc
    hint = ("; if you trust the file, TQCHECK_TRUST_CHECKPOINT=1 loads it with full unpickling"
            if "weights_only" in str(last_error) or "Unsupported global" in str(last_error) else "")
    first = str(last_error).strip().splitlines()[0] if str(last_error).strip() else type(last_error).__name__
    raise InputError(f"{path}: unreadable checkpoint ({first[:200]}){hint}") from None
