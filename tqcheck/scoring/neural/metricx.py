"""MetricX-24 (google/metricx-24-hybrid-*) in QE mode, without the metricx repository.

As ``metricx24/predict.py`` and ``metricx24/models.py`` (MT5ForRegression):

* input ``"source: " + source + " candidate: " + hypothesis``, tokenised with ``max_length=1536, truncation=True``,
  then the last token (the EOS) removed (``_remove_eos``);
* mT5 encoder-decoder; the decoder is fed one token (id 0) and the prediction is the logit of vocabulary entry
  250089 (``<extra_id_10>``) at that position, clamped to [0, 25]; lower is better.

The weights are read from the files directly (transformers 5 would tie mT5's separate ``lm_head`` to the input
embeddings, which changes the scores); ``config.json``'s own ``tie_word_embeddings`` decides the output scaling, as
in MT5ForRegression. Only that one row of ``lm_head`` is kept (a dot product instead of a 250k-wide projection). By default the weights run in the
checkpoint's own dtype on every device (the ``-bfloat16`` checkpoints in bf16, the others in fp32); never in fp16
(T5 activations overflow it).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import os

import torch

from tqcheck.errors import InputError
from tqcheck.scoring.base import QEItem
from tqcheck.scoring.neural.base import (
    DTYPES, NeuralScorer, Prediction, RangeCalibration, attention_mask, check_not_lfs_pointer, default_dtype,
    load_torch_file, pad, pick_dtype,
)

PREDICTION_INDEX = 250089          # <extra_id_10>
MAX_INPUT_LENGTH = 1536            # the MetricX-24 README's --max_input_length
MT5_TOKENIZERS = ("google/mt5-xl", "google/mt5-large", "google/mt5-base", "google/mt5-small", "google/mt5-xxl")
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json",
                "pytorch_model.bin.index.json")


@dataclass
class _Input:
    ids: list[int]
    length: int


class MetricXScorer(NeuralScorer):
    name = "neural-metricx"
    backend = "metricx-24"

    def __init__(self, model_dir: Path, model_ref: str, device: torch.device, dtype: str | None = "auto",
                 batch_size: int | None = None, progress: bool | None = None, tokenizer: str | None = None,
                 max_length: int = MAX_INPUT_LENGTH):
        raw_config = _read_config(model_dir)
        if raw_config.get("model_type") not in ("mt5", "t5"):
            raise InputError(f"{model_dir}: model_type {raw_config.get('model_type')!r} is not an mT5 MetricX model")
        if int(raw_config.get("vocab_size", 0)) <= PREDICTION_INDEX:
            raise InputError(f"{model_dir}: vocabulary of {raw_config.get('vocab_size')} has no entry "
                             f"{PREDICTION_INDEX}, where MetricX reads its score")
        stored = DTYPES_BY_NAME.get(str(raw_config.get("torch_dtype") or raw_config.get("dtype") or "float32"))
        if (dtype or os.environ.get("TQCHECK_NEURAL_DTYPE") or "auto").strip().lower() == "auto":
            # the checkpoint's own dtype on every device: bf16 checkpoints in bf16, the rest in fp32 (never fp16,
            # which T5 activations overflow). Measured on an H200, bf16 bought no speed over fp32 for
            # MetricX-24-large (launch-bound) and moved scores by up to 0.3 on the 0-25 scale.
            bf16_ok = device.type != "cuda" or torch.cuda.is_bf16_supported()
            chosen = torch.bfloat16 if stored == torch.bfloat16 and bf16_ok else torch.float32
        else:
            chosen = pick_dtype(device, dtype, stored)
        super().__init__(model_ref, device, chosen, batch_size, progress)
        self.checkpoint, self.hashed_files = find_weights(model_dir)
        state = read_weights(self.hashed_files)
        # MT5ForRegression scales the decoder output before lm_head only for tied embeddings; read the flag from
        # config.json itself (mT5's default is untied, and transformers 5 forces MT5Config.tie_word_embeddings=True)
        self.tie = bool(raw_config.get("tie_word_embeddings", raw_config.get("model_type") == "t5"))
        self.scale = float(raw_config["d_model"]) ** -0.5
        lm_head = state.pop("lm_head.weight", None)
        if lm_head is None and not self.tie:
            raise InputError(f"{self.checkpoint}: no lm_head.weight, which an untied MetricX model needs")
        embeddings = lm_head if lm_head is not None else state.get("shared.weight")
        if embeddings is None:
            raise InputError(f"{self.checkpoint}: no shared.weight in the weights")
        self.row = embeddings[PREDICTION_INDEX].detach().to(device=device, dtype=torch.float32).clone()
        self.encoder, self.decoder = _build_stacks(raw_config, state, chosen, self.checkpoint)
        del state, lm_head, embeddings
        self.encoder.to(device).eval()
        self.decoder.to(device).eval()
        self.tokenizer, self.tokenizer_source = _load_tokenizer(model_dir, tokenizer)
        self.max_length = max_length
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        self.calibration = RangeCalibration(0.0, 25.0, False, "raw = the MetricX-24 error score in [0, 25], "
                                            "lower is better")

    def _encode_all(self, items: list[QEItem]) -> list[_Input]:
        if not items:
            return []
        texts = ["source: " + i.source + " candidate: " + i.target for i in items]
        enc = self.tokenizer(texts, max_length=self.max_length, truncation=True, padding=False)
        rows = [list(ids[:-1]) for ids in enc["input_ids"]]   # _remove_eos
        return [_Input(r, len(r)) for r in rows]

    def _forward(self, batch: list[_Input]) -> list[Prediction]:
        rows = [b.ids for b in batch]
        ids = pad(rows, self.pad_id, self.pad_multiple).to(self.device)
        mask = attention_mask(rows, self.pad_multiple).to(self.device)
        hidden = self.encoder(input_ids=ids, attention_mask=mask, return_dict=True).last_hidden_state
        start = torch.zeros((len(rows), 1), dtype=torch.long, device=self.device)
        out = self.decoder(input_ids=start, encoder_hidden_states=hidden, encoder_attention_mask=mask,
                           use_cache=False, return_dict=True).last_hidden_state[:, 0, :].float()
        if self.tie:
            out = out * self.scale
        raw = torch.clamp(out @ self.row, 0, 25).tolist()
        return [Prediction(r, self.calibration.qe(r)) for r in raw]

    def _describe(self) -> dict[str, Any]:
        return {
            "encoder": "mt5",
            "tokenizer": self.tokenizer_source,
            "max_tokens": self.max_length,
            "prediction_index": PREDICTION_INDEX,
            "batch_size": self.batch_size,
        }


DTYPES_BY_NAME = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _read_config(model_dir: Path) -> dict:
    import json

    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{model_dir}: unreadable config.json ({_first_line(exc)})") from None
    if not isinstance(config, dict) or "d_model" not in config:
        raise InputError(f"{model_dir}: config.json is not an mT5 config")
    return config


def read_weights(files: list[Path]) -> dict[str, torch.Tensor]:
    """All tensors of a safetensors / torch checkpoint (shards merged), on the CPU."""
    state: dict[str, torch.Tensor] = {}
    for f in files:            # find_weights has already refused Git LFS pointers
        try:
            if f.suffix == ".safetensors":
                from safetensors.torch import load_file

                state.update(load_file(str(f), device="cpu"))
            else:
                state.update(load_torch_file(f))
        except InputError:
            raise
        except Exception as exc:   # noqa: BLE001 - a damaged file is one clear line
            raise InputError(f"{f}: unreadable weights ({_first_line(exc)[:200]})") from None
    return state


def _build_stacks(raw_config: dict, state: dict, dtype: torch.dtype, checkpoint: Path):
    """The encoder and decoder stacks with the checkpoint's weights (built in the target dtype, no random init)."""
    from transformers import AutoConfig, MT5ForConditionalGeneration, T5ForConditionalGeneration

    from tqcheck.scoring.neural.comet import no_init_weights

    fields = {k: v for k, v in raw_config.items() if k not in ("architectures", "torch_dtype", "dtype",
                                                                 "transformers_version", "model_type")}
    config = AutoConfig.for_model(raw_config["model_type"], **fields)
    cls = MT5ForConditionalGeneration if raw_config["model_type"] == "mt5" else T5ForConditionalGeneration
    with no_init_weights(), default_dtype(dtype):
        model = cls(config)
    try:
        missing, _unexpected = model.load_state_dict(state, strict=False)
    except RuntimeError as exc:
        raise InputError(f"{checkpoint}: the weights do not fit config.json "
                         f"({str(exc).splitlines()[-1].strip()[:200]})") from None
    missing = [k for k in missing if k not in ("encoder.embed_tokens.weight", "decoder.embed_tokens.weight",
                                               "lm_head.weight")]
    if missing:
        raise InputError(f"{checkpoint}: weights missing: {', '.join(missing[:3])}"
                         + (f" and {len(missing) - 3} more" if len(missing) > 3 else ""))
    encoder, decoder = model.get_encoder(), model.get_decoder()
    for stack, key in ((encoder, "encoder.embed_tokens.weight"), (decoder, "decoder.embed_tokens.weight")):
        if key not in state:   # the stacks read the shared embedding, as MT5ForRegression builds them
            stack.embed_tokens = model.shared
    return encoder, decoder


def find_weights(model_dir: Path) -> tuple[Path, list[Path]]:
    """The folder's weight file (or shard index) and every file it stands for, none a Git LFS pointer."""
    files = [model_dir / f for f in WEIGHT_FILES if (model_dir / f).is_file()]
    if not files:
        raise InputError(f"{model_dir}: no weights (model.safetensors or pytorch_model.bin)")
    hashed = _weight_files(files[0])
    for f in hashed:
        check_not_lfs_pointer(f)
    return files[0], hashed


def _weight_files(first: Path) -> list[Path]:
    if first.name.endswith(".index.json"):
        import json

        try:
            shards = sorted(set(json.loads(first.read_text(encoding="utf-8"))["weight_map"].values()))
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"{first}: unreadable shard index ({_first_line(exc)})") from None
        return [first.parent / s for s in shards]
    return [first]


def _load_tokenizer(model_dir: Path, tokenizer: str | None):
    """The model folder's own tokenizer, else ``tokenizer``, else an mT5 tokenizer from the Hugging Face cache (every
    mT5 size shares one vocabulary)."""
    from transformers import AutoTokenizer

    has_own = any((model_dir / f).is_file() for f in ("spiece.model", "tokenizer.json"))
    candidates = [tokenizer] if tokenizer else ([str(model_dir)] if has_own else list(MT5_TOKENIZERS))
    errors = []
    for candidate in candidates:
        try:
            return AutoTokenizer.from_pretrained(candidate, local_files_only=True), candidate
        except (OSError, ValueError, TypeError) as exc:
            errors.append(f"{candidate}: {_first_line(exc)[:120]}")
    wanted = tokenizer or "google/mt5-xl"
    raise InputError(f"no mT5 tokenizer available offline for MetricX ({'; '.join(errors)[:300]}); fetch one with "
                     f"`hf download {wanted} spiece.model tokenizer_config.json special_tokens_map.json` or copy "
                     f"spiece.model into {model_dir}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["MetricXScorer", "PREDICTION_INDEX", "DTYPES"]
