"""Independent reference forwards, written here from the unbabel-comet 2.2.7 and metricx24 code (one item at a time,
no padding, plain tensor maths), against which the tqcheck scorers are checked. Nothing here imports tqcheck."""
from __future__ import annotations

import functools
from pathlib import Path

import torch
import yaml


@functools.lru_cache(maxsize=None)
def _comet(model_dir: Path):
    import transformers

    ckpt = torch.load(model_dir / "checkpoints" / "model.ckpt", map_location="cpu", weights_only=True)
    yaml_hp = yaml.safe_load((model_dir / "hparams.yaml").read_text(encoding="utf-8"))
    hp, sd = ckpt["hyper_parameters"], ckpt["state_dict"]
    config = transformers.AutoConfig.from_pretrained(hp["pretrained_model"])
    cls = transformers.XLMRobertaXLModel if hp["encoder_model"] == "XLM-RoBERTa-XL" else transformers.XLMRobertaModel
    encoder = cls(config, add_pooling_layer=False)
    encoder.load_state_dict({k[len("encoder.model."):]: v for k, v in sd.items() if k.startswith("encoder.model.")},
                            strict=False)
    encoder.eval()
    tokenizer = transformers.XLMRobertaTokenizerFast.from_pretrained(hp["pretrained_model"])
    return yaml_hp, hp, sd, config, encoder, tokenizer


def sparsemax_reference(z: torch.Tensor) -> torch.Tensor:
    """Euclidean projection of z onto the simplex, by bisection on the threshold (a different algorithm)."""
    lo, hi = z.min().item() - 1, z.max().item()
    for _ in range(200):
        tau = (lo + hi) / 2
        if torch.clamp(z - tau, min=0).sum().item() > 1:
            lo = tau
        else:
            hi = tau
    return torch.clamp(z - (lo + hi) / 2, min=0)


@functools.lru_cache(maxsize=None)
def comet_reference(model_dir: Path, src: str, mt: str):
    """(score, regression, spans as [(start, end, severity)]) of one QE input, as unbabel-comet computes them."""
    yaml_hp, hp, sd, config, encoder, tok = _comet(Path(model_dir))
    max_positions = config.max_position_embeddings - 2
    mt_enc = tok(mt, truncation=True, max_length=max_positions - 2, return_offsets_mapping=True)
    src_ids = tok(src, truncation=True, max_length=max_positions - 2)["input_ids"]
    mt_ids = mt_enc["input_ids"]
    ids = [tok.cls_token_id] + mt_ids[1:-1] + [tok.sep_token_id] * 2 + src_ids[1:-1] + [tok.sep_token_id]
    if len(mt_ids) - 2 + len(src_ids) - 2 > max_positions - 5:
        ids = ids[:max_positions]
    with torch.no_grad():
        layers = encoder(input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                         output_hidden_states=True).hidden_states
        raw_weights = torch.cat([sd[f"layerwise_attention.scalar_parameters.{i}"] for i in range(len(layers))])
        use_sparsemax = yaml_hp.get("layer_transformation") != "sparsemax_patch" and \
            hp.get("layer_transformation") == "sparsemax"
        weights = sparsemax_reference(raw_weights) if use_sparsemax else torch.softmax(raw_weights, 0)
        mixed = 0
        for w, h in zip(weights, layers):
            if hp["layer_norm"]:
                h = (h - h.mean()) / torch.sqrt(h.var(unbiased=False) + 1e-12)
            mixed = mixed + w * h
        x = (sd["layerwise_attention.gamma"] * mixed)[0, 0]
        n_linear = len(hp["hidden_sizes"]) + 1
        for i in range(n_linear):
            x = sd[f"estimator.ff.{3 * i}.weight"] @ x + sd[f"estimator.ff.{3 * i}.bias"]
            if i < n_linear - 1:
                x = torch.tanh(x)
        regression = x.item()
        if not hp.get("word_level_training"):
            return regression, regression, []
        logits = layers[hp["word_layer"]][0] @ sd["hidden2tag.weight"].T + sd["hidden2tag.bias"]
        probs = torch.softmax(logits, dim=-1)[: len(mt_ids)]
    labels = ["O"] + [f"I-{e}" for e in hp["error_labels"]]
    spans, open_span = [], None
    for (start, end), p in zip(mt_enc["offset_mapping"], probs):
        label = labels[int(torch.argmax(p))]
        if label != "O" and open_span is None:
            open_span = [start, end, label[2:]]
        elif label != "O":
            open_span[1] = end
        elif open_span is not None:
            spans.append(tuple(open_span))
            open_span = None
    mqm = min(25, sum({"minor": 1, "major": 5, "critical": 10}[s[2]] for s in spans))
    score = min(regression, 1.0) * (0.12 + 0.33 + 0.33) + (25 - mqm) / 25 * 0.22
    return score, regression, spans


@functools.lru_cache(maxsize=None)
def _metricx(model_dir: Path):
    """MT5ForConditionalGeneration with the checkpoint's own, untied lm_head (as MT5ForRegression has it)."""
    import json

    import transformers
    from safetensors.torch import load_file

    raw = json.loads((model_dir / "config.json").read_text())
    fields = {k: v for k, v in raw.items() if k not in ("architectures", "torch_dtype", "model_type")}
    config = transformers.MT5Config(**fields)
    model = transformers.MT5ForConditionalGeneration(config)
    state = load_file(str(model_dir / "model.safetensors"))
    model.lm_head = torch.nn.Linear(raw["d_model"], raw["vocab_size"], bias=False)
    model.load_state_dict(state, strict=False)
    model.encoder.embed_tokens = model.decoder.embed_tokens = model.shared
    assert torch.equal(model.lm_head.weight, state["lm_head.weight"])
    assert torch.equal(model.shared.weight, state["shared.weight"])
    assert not raw["tie_word_embeddings"]    # so MT5ForRegression applies no output scaling
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir))
    return model.float().eval(), tokenizer


@functools.lru_cache(maxsize=None)
def metricx_reference(model_dir: Path, src: str, mt: str) -> float:
    """MT5ForRegression: full lm_head projection, logit 250089 of the one decoder step, clamped to [0, 25]."""
    model, tok = _metricx(Path(model_dir))
    ids = tok("source: " + src + " candidate: " + mt, max_length=1536, truncation=True)["input_ids"][:-1]
    with torch.no_grad():
        mask = torch.ones(1, len(ids), dtype=torch.long)
        hidden = model.encoder(input_ids=torch.tensor([ids]), attention_mask=mask).last_hidden_state
        out = model.decoder(input_ids=torch.zeros(1, 1, dtype=torch.long), encoder_hidden_states=hidden,
                            encoder_attention_mask=mask).last_hidden_state
        logits = model.lm_head(out)                                      # the full 250k-wide projection
    return torch.clamp(logits[0, 0, 250089], 0, 25).item()


def metricx_input_length(model_dir: Path, src: str, mt: str) -> int:
    _, tok = _metricx(Path(model_dir))
    return len(tok("source: " + src + " candidate: " + mt, max_length=1536, truncation=True)["input_ids"]) - 1
