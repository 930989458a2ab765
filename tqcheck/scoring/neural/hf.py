"""Any Hugging Face sequence-classification / regression checkpoint given as a folder (a team's own QE model).

The folder holds ``config.json``, the weights and the tokenizer. An optional ``tqcheck.json`` says how to read it:

```json
{"input_order": "source-target", "score_range": [0, 1], "higher_is_better": true, "label": "good",
 "max_length": 512}
```

* ``input_order``: the pair passed to the tokenizer, ``source-target`` (default) or ``target-source``;
* raw score: with one output the logit itself (regression); with several, the softmax probability of ``label``
  (a name in ``id2label`` or an index; default the last label);
* ``qe = clamp((raw - low) / (high - low), 0, 1)``, inverted when ``higher_is_better`` is false
  (default range [0, 1]).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from tqcheck.errors import InputError
from tqcheck.scoring.base import QEItem
from tqcheck.scoring.neural.base import (
    NeuralScorer, Prediction, RangeCalibration, attention_mask, pad, pick_dtype,
)
from tqcheck.scoring.neural.metricx import _first_line, find_weights

SETTINGS_FILE = "tqcheck.json"


@dataclass
class _Input:
    ids: list[int]
    types: list[int] | None
    length: int


class HFClassifierScorer(NeuralScorer):
    name = "neural-hf"
    backend = "hf-sequence-classification"

    def __init__(self, model_dir: Path, model_ref: str, device: torch.device, dtype: str | None = "auto",
                 batch_size: int | None = None, progress: bool | None = None):
        from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

        settings = _settings(model_dir)
        try:
            config = AutoConfig.from_pretrained(model_dir, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise InputError(f"{model_dir}: unreadable config.json ({_first_line(exc)})") from None
        chosen = pick_dtype(device, dtype, None)
        super().__init__(model_ref, device, chosen, batch_size, progress)
        self.checkpoint, self.hashed_files = find_weights(model_dir)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        except (OSError, ValueError, TypeError) as exc:
            raise InputError(f"{model_dir}: no usable tokenizer in the folder ({_first_line(exc)[:160]})") from None
        try:
            try:
                model = AutoModelForSequenceClassification.from_pretrained(model_dir, local_files_only=True,
                                                                           dtype=chosen)
            except TypeError:   # transformers 4.x
                model = AutoModelForSequenceClassification.from_pretrained(model_dir, local_files_only=True,
                                                                           torch_dtype=chosen)
        except (OSError, ValueError, RuntimeError) as exc:
            raise InputError(f"{model_dir}: not a sequence-classification checkpoint ({_first_line(exc)})") from None
        self.model = model.to(device).eval()
        self.num_labels = int(config.num_labels)
        self.label_index = _label_index(settings.get("label"), config) if self.num_labels > 1 else 0
        order = settings.get("input_order", "source-target")
        if order not in ("source-target", "target-source"):
            raise InputError(f"{model_dir / SETTINGS_FILE}: input_order must be source-target or target-source")
        self.order = order
        low, high = settings.get("score_range", [0.0, 1.0])
        limit = getattr(self.tokenizer, "model_max_length", 512) or 512
        self.max_length = int(settings.get("max_length") or (limit if limit < 100_000 else 512))
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        what = "the logit (regression)" if self.num_labels == 1 else \
            f"P({config.id2label.get(self.label_index, self.label_index)})"
        self.calibration = RangeCalibration(float(low), float(high), bool(settings.get("higher_is_better", True)),
                                            f"raw = {what}")

    def _encode_all(self, items: list[QEItem]) -> list[_Input]:
        if not items:
            return []
        first = [i.source for i in items] if self.order == "source-target" else [i.target for i in items]
        second = [i.target for i in items] if self.order == "source-target" else [i.source for i in items]
        enc = self.tokenizer(first, second, truncation=True, max_length=self.max_length, padding=False)
        types = enc.get("token_type_ids")
        return [_Input(list(ids), list(types[k]) if types is not None else None, len(ids))
                for k, ids in enumerate(enc["input_ids"])]

    def _forward(self, batch: list[_Input]) -> list[Prediction]:
        rows = [b.ids for b in batch]
        kwargs = {"input_ids": pad(rows, self.pad_id, self.pad_multiple).to(self.device),
                  "attention_mask": attention_mask(rows, self.pad_multiple).to(self.device)}
        if batch[0].types is not None:
            kwargs["token_type_ids"] = pad([b.types for b in batch], 0, self.pad_multiple).to(self.device)
        logits = self.model(**kwargs).logits.float()
        if self.num_labels == 1:
            raw = logits[:, 0].tolist()
        else:
            raw = torch.softmax(logits, dim=-1)[:, self.label_index].tolist()
        return [Prediction(r, self.calibration.qe(r)) for r in raw]

    def _describe(self) -> dict[str, Any]:
        return {"encoder": getattr(self.model.config, "model_type", "?"), "input_order": self.order,
                "max_tokens": self.max_length, "batch_size": self.batch_size}


def _settings(model_dir: Path) -> dict:
    path = model_dir / SETTINGS_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable ({_first_line(exc)})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: must hold a JSON object")
    return data


def _label_index(label, config) -> int:
    if label is None:
        return int(config.num_labels) - 1
    if isinstance(label, int):
        return label
    for index, name in config.id2label.items():
        if str(name).lower() == str(label).lower():
            return int(index)
    raise InputError(f"label {label!r} is not among the model's labels ({', '.join(map(str, config.id2label.values()))})")
