"""COMET QE models without unbabel-comet: CometKiwi (``unified_metric``) and xCOMET (``xcomet_metric``).

Reproduces unbabel-comet 2.2.7 inference in QE mode (no reference):

* layout: ``hparams.yaml`` (its ``class_identifier`` names the class) and ``checkpoints/model.ckpt`` (a Lightning
  checkpoint: ``state_dict`` and ``hyper_parameters``; the latter decide the architecture);
* encoder: ``XLMRobertaModel`` / ``XLMRobertaXLModel`` built from the config of ``pretrained_model`` (config and
  tokenizer only, read locally: never its weights), weights from the checkpoint's ``encoder.model.*``;
* input: MT and source tokenised separately, each truncated to ``max_positions - 2`` tokens
  (``max_positions = max_position_embeddings - 2``), joined as ``<s> MT </s></s> SRC </s>``, and the joint sequence
  cut to ``max_positions`` tokens when the two sides add up to more than ``max_positions - 5`` (as
  ``Encoder.concat_sequences``);
* layer mix: ``gamma * sum_k softmax(w)_k * h_k`` (each ``h_k`` first normalised over the sentence's unmasked
  tokens when ``layer_norm``), CLS vector, then the feed-forward ``estimator``;
* xCOMET: a ``hidden2tag`` head on ``word_layer``; argmax tags over the MT subwords become error spans
  (``UnifiedMetric.decode``) and the score is ``0.78 * min(regression, 1) + 0.22 * (25 - min(25, mqm)) / 25`` with
  mqm = 1/5/10 per minor/major/critical span (``XCOMETMetric.predict_step`` without reference).

The encoder runs in bf16/fp16 on a GPU; the layer mix and the heads always run in fp32.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from tqcheck.errors import InputError
from tqcheck.scoring.base import QEItem
from tqcheck.scoring.neural.base import (
    ErrorSpan, NeuralScorer, Prediction, RangeCalibration, attention_mask, default_dtype, load_torch_file, pad,
)

SEVERITY_POINTS = {"minor": 1, "major": 5, "critical": 10}
SCORE_WEIGHTS = [0.12, 0.33, 0.33, 0.22]   # XCOMETMetric.score_weights: [mt:src], [mt:ref], [mt:src:ref], MQM
ENCODERS = {"XLM-RoBERTa": "XLMRobertaModel", "XLM-RoBERTa-XL": "XLMRobertaXLModel"}


@dataclass
class _Input:
    ids: list[int]
    length: int
    mt: str
    mt_offsets: list[tuple[int, int]]


def sparsemax(z: torch.Tensor) -> torch.Tensor:
    """Sparsemax of a 1-D tensor (Martins & Astudillo 2016), as ``entmax.sparsemax(z, dim=0)``."""
    zs, _ = torch.sort(z, descending=True)
    k = torch.arange(1, z.numel() + 1, device=z.device, dtype=z.dtype)
    cumulative = zs.cumsum(0) - 1
    support = (k * zs > cumulative).sum()
    tau = cumulative[support - 1] / support.to(z.dtype)
    return torch.clamp(z - tau, min=0)


class LayerMix(nn.Module):
    """The parameters and the eval-mode maths of comet.modules.LayerwiseAttention, on the CLS position only."""

    def __init__(self, num_layers: int, layer_norm: bool, transform: str):
        super().__init__()
        self.scalar_parameters = nn.ParameterList([nn.Parameter(torch.zeros(1)) for _ in range(num_layers)])
        self.gamma = nn.Parameter(torch.ones(1))
        self.layer_norm = layer_norm
        self.transform = transform

    def weights(self) -> torch.Tensor:
        w = torch.cat(list(self.scalar_parameters))
        return sparsemax(w) if self.transform == "sparsemax" else torch.softmax(w, dim=0)

    def forward(self, layers: tuple[torch.Tensor, ...], mask: torch.Tensor) -> torch.Tensor:
        weights = self.weights()
        mixed = None
        mask_f = mask.float()
        for weight, tensor in zip(weights, layers):
            if self.layer_norm:
                piece = weight * _normalised_cls(tensor.float(), mask_f)
            else:
                piece = weight * tensor[:, 0, :].float()
            mixed = piece if mixed is None else mixed + piece
        return self.gamma * mixed


def _normalised_cls(tensor: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """LayerwiseAttention._layer_norm (mean and variance over all unmasked tokens and features), at CLS."""
    batch, _, dim = tensor.shape
    broadcast = mask.unsqueeze(-1)
    masked = tensor * broadcast
    count = mask.sum(1) * dim
    mean = (masked.reshape(batch, -1).sum(1) / count).view(batch, 1, 1)
    variance = (((masked - mean) * broadcast) ** 2).reshape(batch, -1).sum(1) / count
    return (tensor[:, 0, :] - mean[:, :, 0]) / torch.sqrt(variance + 1e-12).view(batch, 1)


def _activation(name: str) -> nn.Module:
    if not hasattr(nn, name.title()):
        raise InputError(f"unsupported activation {name!r} in the checkpoint's hyper-parameters")
    return getattr(nn, name.title())()


class Estimator(nn.Module):
    """comet.modules.FeedForward: Linear/activation/Dropout blocks, so that ``ff.<i>`` keys load unchanged."""

    def __init__(self, in_dim: int, hidden_sizes: list[int], activations: str, final_activation: str | None):
        super().__init__()
        modules: list[nn.Module] = [nn.Linear(in_dim, hidden_sizes[0]), _activation(activations), nn.Dropout(0.0)]
        for i in range(1, len(hidden_sizes)):
            modules += [nn.Linear(hidden_sizes[i - 1], hidden_sizes[i]), _activation(activations), nn.Dropout(0.0)]
        modules.append(nn.Linear(hidden_sizes[-1], 1))
        if final_activation is not None:
            modules.append(_activation(final_activation))
        self.ff = nn.Sequential(*modules)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.ff(x)


class CometHead(nn.Module):
    def __init__(self, hidden: int, num_layers: int, hp: dict, transform: str, num_classes: int | None):
        super().__init__()
        sent_layer = hp.get("sent_layer", hp.get("layer", "mix"))
        self.sent_layer = sent_layer
        self.layerwise_attention = (LayerMix(num_layers, bool(hp.get("layer_norm", False)), transform)
                                    if sent_layer == "mix" else None)
        self.estimator = Estimator(hidden, _sizes(hp.get("hidden_sizes", [3072, 1024])),
                                   hp.get("activations", "Tanh"), hp.get("final_activation"))
        self.hidden2tag = nn.Linear(hidden, num_classes) if num_classes else None


def _sizes(value) -> list[int]:
    """hidden_sizes as a list, or as the comma string some older hparams files hold ("3072,1024")."""
    if isinstance(value, str):
        value = [v for v in value.replace(" ", "").split(",") if v]
    try:
        return [int(v) for v in value]
    except (TypeError, ValueError):
        raise InputError(f"unreadable hidden_sizes {value!r} in the checkpoint's hyper-parameters") from None


class CometScorer(NeuralScorer):
    name = "neural-comet"

    def __init__(self, model_dir: Path, model_ref: str, device: torch.device, dtype: torch.dtype,
                 batch_size: int | None = None, progress: bool | None = None, encoder_dir: str | None = None):
        super().__init__(model_ref, device, dtype, batch_size, progress)
        import yaml

        hparams_file = model_dir / "hparams.yaml"
        ckpt_file = model_dir / "checkpoints" / "model.ckpt"
        if not hparams_file.is_file():
            raise InputError(f"{model_dir}: hparams.yaml is missing (a COMET model folder holds hparams.yaml "
                             "and checkpoints/model.ckpt)")
        if not ckpt_file.is_file():
            raise InputError(f"{model_dir}: checkpoints/model.ckpt is missing")
        try:
            yaml_hp = yaml.safe_load(hparams_file.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise InputError(f"{hparams_file}: unreadable ({str(exc).splitlines()[0]})") from None
        if not isinstance(yaml_hp, dict):
            raise InputError(f"{hparams_file}: not a mapping of hyper-parameters")
        self.class_identifier = yaml_hp.get("class_identifier")
        if self.class_identifier not in ("unified_metric", "xcomet_metric"):
            raise InputError(f"{hparams_file}: class_identifier {self.class_identifier!r} is not a COMET QE model "
                             "tqcheck runs (unified_metric: CometKiwi; xcomet_metric: xCOMET)")
        self.checkpoint = ckpt_file
        ckpt = load_torch_file(ckpt_file)
        if not isinstance(ckpt, dict) or not isinstance(ckpt.get("state_dict"), dict):
            raise InputError(f"{ckpt_file}: not a Lightning checkpoint (no state_dict)")
        hp = ckpt.get("hyper_parameters")
        if not isinstance(hp, dict) or not hp:
            hp = yaml_hp
            self.warnings.append("the checkpoint holds no hyper_parameters; hparams.yaml was used")
        hp = dict(hp)
        self.hparams = hp
        state: dict[str, torch.Tensor] = ckpt["state_dict"]

        if self.class_identifier == "xcomet_metric":
            self.name, self.backend = "neural-xcomet", "comet-xcomet_metric"
            word_level = True
            labels = list(hp.get("error_labels") or ["minor", "major", "critical"])
        else:
            self.name, self.backend = "neural-cometkiwi", "comet-unified_metric"
            word_level = bool(hp.get("word_level_training", False))
            labels = list(hp.get("error_labels") or ["minor", "major"])
            segments = list(hp.get("input_segments") or ["mt", "src", "ref"])
            if "src" not in segments:
                raise InputError(f"{model_dir}: this COMET model reads {'+'.join(segments)}, not the source: it "
                                 "needs references, and tqcheck does reference-free QE only")
        self.labels = ["O"] + [f"I-{label}" for label in labels]
        self.word_level = word_level
        self.word_layer = int(hp.get("word_layer", 24))

        # unbabel-comet 2.2.7 load_from_checkpoint: hparams.yaml saying 'sparsemax_patch' forces softmax (the
        # published CometKiwi/xCOMET models were trained with the softmax mix); otherwise the checkpoint's
        # layer_transformation decides, and only 'sparsemax' is sparsemax.
        if yaml_hp.get("layer_transformation") == "sparsemax_patch":
            self.transform = "softmax"
        else:
            self.transform = "sparsemax" if hp.get("layer_transformation") == "sparsemax" else "softmax"

        encoder_model = hp.get("encoder_model", "XLM-RoBERTa")
        if encoder_model not in ENCODERS:
            raise InputError(f"{model_dir}: encoder_model {encoder_model!r} is not supported "
                             f"(supported: {', '.join(ENCODERS)})")
        self.pretrained_model = str(hp.get("pretrained_model", "xlm-roberta-large"))
        source = _encoder_source(model_dir, self.pretrained_model, encoder_dir)
        self.encoder_source = source
        self.tokenizer, config = _load_encoder_files(source, self.pretrained_model)
        self.encoder = _build_encoder(ENCODERS[encoder_model], config, state, ckpt_file, dtype)
        self.max_positions = config.max_position_embeddings - 2
        num_layers = config.num_hidden_layers + 1
        if word_level and not 0 <= self.word_layer < num_layers:
            raise InputError(f"{ckpt_file}: word_layer {self.word_layer} is outside the encoder's {num_layers} layers")
        if word_level and "hidden2tag.weight" in state and state["hidden2tag.weight"].shape[0] != len(self.labels):
            raise InputError(f"{ckpt_file}: hidden2tag has {state['hidden2tag.weight'].shape[0]} tags but "
                             f"error_labels give {len(self.labels)}")
        self.head = CometHead(config.hidden_size, num_layers, hp, self.transform,
                              len(self.labels) if word_level else None)
        _load_head(self.head, state, ckpt_file)
        del ckpt, state

        self.encoder.to(device=device, dtype=dtype).eval()
        self.head.to(device=device, dtype=torch.float32).eval()
        if device.type == "cuda" and dtype == torch.float32:
            torch.set_float32_matmul_precision("high")   # as comet-score does
        self.cls_id, self.sep_id, self.pad_id = (self.tokenizer.cls_token_id, self.tokenizer.sep_token_id,
                                                 self.tokenizer.pad_token_id)
        self.calibration = RangeCalibration(
            0.0, 1.0, True,
            "raw = the xCOMET score (0.78 regression + 0.22 MQM from spans)" if word_level and
            self.class_identifier == "xcomet_metric" else "raw = the CometKiwi score, trained on DA/100")

    # ---- tokenisation ----
    def _tokenize(self, texts: list[str]):
        return self.tokenizer(texts, truncation=True, max_length=self.max_positions - 2,
                              return_offsets_mapping=True, add_special_tokens=True)

    def _encode_all(self, items: list[QEItem]) -> list[_Input]:
        if not items:
            return []
        mt = self._tokenize([i.target for i in items])
        src = self._tokenize([i.source for i in items])
        return [self._join(item, mt["input_ids"][k], src["input_ids"][k], mt["offset_mapping"][k])
                for k, item in enumerate(items)]

    def _join(self, item: QEItem, mt_ids, src_ids, offsets) -> _Input:
        a, b = list(mt_ids[1:-1]), list(src_ids[1:-1])
        ids = [self.cls_id] + a + [self.sep_id, self.sep_id] + b + [self.sep_id]
        if len(a) + len(b) > self.max_positions - 5:   # 1 + 2 segments * 2 separator tokens
            ids = ids[: self.max_positions]
        return _Input(ids, len(ids), item.target, [tuple(o) for o in offsets])

    # ---- model ----
    def _forward(self, batch: list[_Input]) -> list[Prediction]:
        rows = [b.ids for b in batch]
        ids = pad(rows, self.pad_id, self.pad_multiple).to(self.device)
        mask = attention_mask(rows, self.pad_multiple).to(self.device)
        out = self.encoder(input_ids=ids, attention_mask=mask, output_hidden_states=True, return_dict=True)
        layers = out.hidden_states
        head = self.head
        if head.layerwise_attention is not None:
            sentemb = head.layerwise_attention(layers, mask)
        else:
            sentemb = layers[int(head.sent_layer)][:, 0, :].float()
        scores = head.estimator(sentemb).view(-1).tolist()
        if not self.word_level:
            return [Prediction(s, self.calibration.qe(s), [], {"regression": s}) for s in scores]

        n_mt = max(len(b.mt_offsets) for b in batch)
        logits = head.hidden2tag(layers[self.word_layer][:, :n_mt, :].float())
        probs = torch.softmax(logits, dim=2).cpu()
        preds = []
        for k, (b, regression) in enumerate(zip(batch, scores)):
            spans = self._decode(probs[k, : len(b.mt_offsets)], b)
            mqm = min(25, sum(SEVERITY_POINTS[s.severity] for s in spans))
            mqm_score = (25 - mqm) / 25
            if self.class_identifier == "xcomet_metric":
                clipped = 1.0 if regression > 1.0 else regression
                raw = clipped * sum(SCORE_WEIGHTS[:3]) + mqm_score * SCORE_WEIGHTS[3]
            else:
                raw = regression
            preds.append(Prediction(raw, self.calibration.qe(raw), spans,
                                    {"regression": regression, "mqm": mqm_score}))
        return preds

    def _decode(self, probs: torch.Tensor, item: _Input) -> list[ErrorSpan]:
        """UnifiedMetric.decode with argmax tags: a span opens on an I- tag, grows over I- tags (keeping the first
        tag's severity), and closes on O; a span still open after the last MT token (</s>) is dropped."""
        confidence, tags = probs.max(dim=1)
        spans, current = [], None
        for tag, conf, (start, end) in zip(tags.tolist(), confidence.tolist(), item.mt_offsets):
            label = self.labels[tag]
            if label.startswith("I"):
                if current is None:
                    current = [start, end, label.split("-", 1)[1], [conf]]
                else:
                    current[1] = end
                    current[3].append(conf)
            elif current is not None:
                s, e, severity, confs = current
                spans.append(ErrorSpan(s, e, severity, sum(confs) / len(confs), item.mt[s:e]))
                current = None
        return spans

    def _describe(self) -> dict[str, Any]:
        return {
            "encoder": self.pretrained_model,
            "encoder_files": str(self.encoder_source),
            "class": self.class_identifier,
            "layer_mix": self.transform,
            "max_tokens": self.max_positions,
            "batch_size": self.batch_size,
        }


# ---- loading helpers ---------------------------------------------------------------------------------------------
def _encoder_source(model_dir: Path, pretrained_model: str, encoder_dir: str | None) -> str:
    """Where the encoder's config and tokenizer come from: an explicit folder, ``<model>/encoder/``, a local path
    named by ``pretrained_model``, or the Hugging Face cache (never the network)."""
    for candidate in (encoder_dir, model_dir / "encoder", pretrained_model):
        if candidate and Path(candidate).expanduser().is_dir():
            return str(Path(candidate).expanduser())
    if encoder_dir:
        raise InputError(f"{encoder_dir}: no such folder for the encoder's config and tokenizer")
    return pretrained_model


def _load_encoder_files(source: str, pretrained_model: str):
    from transformers import AutoConfig, XLMRobertaTokenizerFast

    try:
        config = AutoConfig.from_pretrained(source, local_files_only=True)
        tokenizer = XLMRobertaTokenizerFast.from_pretrained(source, local_files_only=True)
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(
            f"the encoder's config and tokenizer ({pretrained_model}) are not available offline: put config.json and "
            f"the tokenizer files in <model folder>/encoder/, or fetch them into the Hugging Face cache with "
            f"`hf download {pretrained_model} --exclude '*.bin' '*.safetensors' '*.h5' '*.msgpack'` "
            f"({str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__})") from None
    if not getattr(tokenizer, "is_fast", False):
        raise InputError(f"{source}: a fast (tokenizers) tokenizer is needed for character offsets")
    return tokenizer, config


def no_init_weights():
    try:
        from transformers.initialization import no_init_weights as ctx
    except ImportError:   # transformers 4.x
        from transformers.modeling_utils import no_init_weights as ctx
    return ctx()


def _build_encoder(class_name: str, config, state: dict, ckpt_file: Path, dtype: torch.dtype):
    import transformers

    cls = getattr(transformers, class_name)
    with no_init_weights(), default_dtype(dtype):
        encoder = cls(config, add_pooling_layer=False)
    prefix = "encoder.model."
    weights = {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}
    if not weights:
        raise InputError(f"{ckpt_file}: no encoder weights (encoder.model.*) in the state_dict")
    try:
        missing, _unexpected = encoder.load_state_dict(weights, strict=False)
    except RuntimeError as exc:
        raise InputError(f"{ckpt_file}: the encoder weights do not fit the config of its pretrained_model "
                         f"({str(exc).splitlines()[-1].strip()[:200]})") from None
    missing = [k for k in missing if not k.endswith(("position_ids", "token_type_ids"))]
    if missing:
        raise InputError(f"{ckpt_file}: encoder weights missing from the checkpoint: {', '.join(missing[:3])}"
                         + (f" and {len(missing) - 3} more" if len(missing) > 3 else ""))
    return encoder


def _load_head(head: CometHead, state: dict, ckpt_file: Path) -> None:
    prefixes = ("layerwise_attention.", "estimator.", "hidden2tag.")
    weights = {k: v for k, v in state.items() if k.startswith(prefixes)
               and not k.endswith(("dropout_mask", "dropout_fill"))}
    try:
        missing, _unexpected = head.load_state_dict(weights, strict=False)
    except RuntimeError as exc:
        raise InputError(f"{ckpt_file}: the head weights do not fit the hyper-parameters "
                         f"({str(exc).splitlines()[-1].strip()[:200]})") from None
    if missing:
        raise InputError(f"{ckpt_file}: weights missing from the checkpoint: {', '.join(missing[:3])}")
