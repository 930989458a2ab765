"""Tiny randomly initialised models in the published checkpoint layouts, for the tests and the bench scripts.

Nothing is downloaded: the tokenizers are real sentencepiece models trained here on a few hundred generated
sentences, the networks are built from configs with random weights.

* ``build_comet``: ``<dir>/hparams.yaml`` + ``<dir>/checkpoints/model.ckpt`` (a Lightning-style dict with
  ``state_dict`` and ``hyper_parameters``), its encoder's config and tokenizer in a folder named by
  ``pretrained_model`` (as the Hugging Face cache would hold them for ``microsoft/infoxlm-large``);
* ``build_metricx``: a Hugging Face MT5 folder (config.json with ``architectures: [MT5ForRegression]``,
  model.safetensors, and the mT5-style tokenizer files).
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import torch

WORDS_EN = ("the president said that government police report minister election war peace economy market bank "
            "money water house school city people year news article quality translation was were will would "
            "not only but also from into over under after before because while during against").split()
TEXTS_OTHER = [
    "El presidente del gobierno dijo que la economía crece más de lo previsto.",
    "Le ministre a déclaré que les élections auront lieu en mars.",
    "Der Minister sagte, die Wahl sei frei und fair gewesen.",
    "O presidente disse que a economia cresce.",
    "Президент сказал, что экономика растёт быстрее, чем ожидалось.",
    "Міністр заявив, що вибори відбудуться у березні.",
    "中文新闻报道说经济增长很快。",
    "日本の首相は記者会見で語った。",
]


def training_sentences(n: int = 400, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    pseudo = ["".join(rng.choice("abcdefghiklmnoprstuvwyz") for _ in range(rng.randint(2, 9))) for _ in range(300)]
    vocab = list(WORDS_EN) + pseudo
    sentences = [" ".join(rng.choice(vocab) for _ in range(rng.randint(3, 16))).capitalize() + rng.choice(".?!,")
                 for _ in range(n)]
    return sentences + TEXTS_OTHER * 10


def train_sentencepiece(folder: Path, vocab_size: int = 400, t5_ids: bool = False, seed: int = 0) -> Path:
    """A real unigram sentencepiece model; ``t5_ids``: pad 0, eos 1, unk 2 as mT5's spiece.model."""
    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(training_sentences(seed=seed)), encoding="utf-8")
    ids = dict(pad_id=0, eos_id=1, unk_id=2, bos_id=-1) if t5_ids else {}
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sp"), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, num_threads=1, minloglevel=2, **ids)
    corpus.unlink()
    return folder / "sp.model"


def build_xlmr_encoder_files(folder: Path, hidden: int = 32, layers: int = 2, heads: int = 2,
                             intermediate: int = 64, xl: bool = False, sp_model: Path | None = None,
                             vocab_size: int | None = None) -> Path:
    """config.json + tokenizer files of an XLM-R-like encoder (what tqcheck reads for ``pretrained_model``)."""
    from transformers import XLMRobertaConfig, XLMRobertaTokenizerFast, XLMRobertaXLConfig

    folder.mkdir(parents=True, exist_ok=True)
    sp_model = sp_model or train_sentencepiece(folder / "_spm")
    shutil.copy(sp_model, folder / "sentencepiece.bpe.model")
    tokenizer = XLMRobertaTokenizerFast.from_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    _portable_tokenizer_config(folder, {"model_max_length": 512})   # as xlm-roberta-large publishes it
    if (folder / "_spm").exists():
        shutil.rmtree(folder / "_spm")
    config_cls = XLMRobertaXLConfig if xl else XLMRobertaConfig
    config = config_cls(
        vocab_size=vocab_size or len(tokenizer), hidden_size=hidden, num_hidden_layers=layers,
        num_attention_heads=heads, intermediate_size=intermediate, max_position_embeddings=514, type_vocab_size=1,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, layer_norm_eps=1e-5, hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1)
    config.save_pretrained(str(folder))
    return folder


COMET_HPARAMS = {
    "activations": "Tanh", "batch_size": 16, "dropout": 0.1, "encoder_learning_rate": 1.0e-06,
    "final_activation": None, "keep_embeddings_frozen": True, "layer": "mix", "layerwise_decay": 0.95,
    "learning_rate": 1.5e-05, "load_pretrained_weights": True, "loss": "mse", "nr_frozen_epochs": 0.3,
    "optimizer": "AdamW", "pool": "avg", "sent_layer": "mix", "train_data": ["data/train.csv"],
    "validation_data": ["data/dev.csv"], "warmup_steps": 0,
}


def build_comet(folder: Path, kind: str = "cometkiwi", encoder_dir: Path | None = None, seed: int = 0,
                hidden_sizes: tuple[int, ...] = (64, 32), layer_norm: bool | None = None,
                yaml_transformation: str = "sparsemax_patch", ckpt_transformation: str = "sparsemax",
                word_layer: int | None = None, xl: bool = False, tag_bias: tuple[float, ...] | None = None,
                **encoder_shape) -> Path:
    """A CometKiwi (``unified_metric``) or xCOMET (``xcomet_metric``) model folder with random weights."""
    import yaml
    from transformers import AutoConfig, XLMRobertaModel, XLMRobertaXLModel

    folder.mkdir(parents=True, exist_ok=True)
    encoder_dir = encoder_dir or build_xlmr_encoder_files(folder.parent / f"{folder.name}-encoder", xl=xl,
                                                          **encoder_shape)
    config = AutoConfig.from_pretrained(str(encoder_dir))
    torch.manual_seed(seed)
    encoder = (XLMRobertaXLModel if xl else XLMRobertaModel)(config, add_pooling_layer=False)
    state = {f"encoder.model.{k}": v.detach().clone() for k, v in encoder.state_dict().items()}
    num_layers = config.num_hidden_layers + 1
    for i in range(num_layers):
        state[f"layerwise_attention.scalar_parameters.{i}"] = torch.randn(1)
    state["layerwise_attention.gamma"] = torch.tensor([1.0 + torch.rand(1).item()])
    state["layerwise_attention.dropout_mask"] = torch.zeros(num_layers)
    state["layerwise_attention.dropout_fill"] = torch.full((num_layers,), -1e20)
    sizes = [config.hidden_size, *hidden_sizes, 1]
    for n, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layer = torch.nn.Linear(a, b)
        state[f"estimator.ff.{3 * n}.weight"] = layer.weight.detach().clone()
        state[f"estimator.ff.{3 * n}.bias"] = layer.bias.detach().clone()
    # spread the scores of different inputs and centre them around 0.5, as CometKiwi's
    state["estimator.ff.0.weight"] *= 8
    state[f"estimator.ff.{3 * (len(sizes) - 2)}.bias"] += 0.5

    hp = dict(COMET_HPARAMS, encoder_model="XLM-RoBERTa-XL" if xl else "XLM-RoBERTa",
              pretrained_model=str(encoder_dir), hidden_sizes=list(hidden_sizes),
              layer_transformation=ckpt_transformation)
    if kind == "xcomet":
        labels = ["minor", "major", "critical"]
        tagger = torch.nn.Linear(config.hidden_size, len(labels) + 1)
        state["hidden2tag.weight"] = tagger.weight.detach().clone() * 4
        bias = torch.tensor(tag_bias) if tag_bias is not None else torch.tensor([1.0, 0.0, 0.0, 0.0])
        state["hidden2tag.bias"] = tagger.bias.detach().clone() + bias
        hp.update(class_identifier="xcomet_metric", layer_norm=False if layer_norm is None else layer_norm,
                  word_layer=num_layers - 1 if word_layer is None else word_layer, word_level_training=True,
                  error_labels=labels, loss_lambda=0.055, cross_entropy_weights=[0.08, 0.486, 0.505, 0.533],
                  input_segments=["mt", "src", "ref"])
    else:
        hp.update(class_identifier="unified_metric", layer_norm=True if layer_norm is None else layer_norm,
                  word_layer=num_layers - 1 if word_layer is None else word_layer, word_level_training=False,
                  loss_lambda=0.65, error_labels=["minor", "major"], cross_entropy_weights=None,
                  input_segments=["mt", "src"])
    (folder / "checkpoints").mkdir(exist_ok=True)
    torch.save({"epoch": 1, "global_step": 1000, "pytorch-lightning_version": "2.0.0", "state_dict": state,
                "hyper_parameters": hp}, folder / "checkpoints" / "model.ckpt")
    yaml_hp = dict(hp, layer_transformation=yaml_transformation)
    (folder / "hparams.yaml").write_text(yaml.safe_dump(yaml_hp, sort_keys=True), encoding="utf-8")
    return folder


def build_metricx(folder: Path, d_model: int = 16, layers: int = 1, vocab_size: int = 250112, seed: int = 0,
                  dtype: torch.dtype = torch.float32, sp_model: Path | None = None, with_tokenizer: bool = True,
                  **shape) -> Path:
    """A MetricX-24-style MT5 folder as published: config.json (``architectures: [MT5ForRegression]``,
    ``tie_word_embeddings: false``), model.safetensors with its own ``lm_head.weight`` (row 250089 scaled so that
    scores spread over [0, 25]) and, unless ``with_tokenizer`` is false, mT5-style tokenizer files."""
    import json

    from safetensors.torch import save_file
    from transformers import MT5Config, MT5ForConditionalGeneration, T5TokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    settings = dict(
        vocab_size=vocab_size, d_model=d_model, d_kv=shape.get("d_kv", max(4, d_model // 4)),
        d_ff=shape.get("d_ff", 2 * d_model), num_layers=layers, num_decoder_layers=layers,
        num_heads=shape.get("heads", 4), relative_attention_num_buckets=32, relative_attention_max_distance=128,
        dropout_rate=0.1, feed_forward_proj="gated-gelu", decoder_start_token_id=0, pad_token_id=0, eos_token_id=1,
        layer_norm_epsilon=1e-6, is_encoder_decoder=True, model_type="mt5")
    model = MT5ForConditionalGeneration(MT5Config(**settings))
    state = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()
             if not k.endswith("embed_tokens.weight")}
    lm_head = torch.randn(vocab_size, d_model) * d_model ** -0.5   # mT5 keeps its own, untied, lm_head
    lm_head[250089] = torch.randn(d_model) * 4.0 * (16 / d_model) ** 0.5
    state["lm_head.weight"] = lm_head
    save_file({k: v.to(dtype) for k, v in state.items()}, str(folder / "model.safetensors"), metadata={"format": "pt"})
    config = dict(settings, architectures=["MT5ForRegression"], tie_word_embeddings=False,
                  torch_dtype=str(dtype).replace("torch.", ""), dense_act_fn="gelu_new", is_gated_act=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    if with_tokenizer:
        sp_model = sp_model or train_sentencepiece(folder / "_spm", t5_ids=True)
        shutil.copy(sp_model, folder / "spiece.model")
        T5TokenizerFast.from_pretrained(str(folder), extra_ids=100).save_pretrained(str(folder))
        _portable_tokenizer_config(folder, {"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
                                            "extra_ids": 100, "tokenizer_class": "T5Tokenizer"})
        if (folder / "_spm").exists():
            shutil.rmtree(folder / "_spm")
    return folder


def _portable_tokenizer_config(folder: Path, config: dict) -> None:
    """A tokenizer_config.json in the shape the published models carry, readable by transformers 4 and 5 (the one
    transformers 5 writes has a list-valued extra_special_tokens that 4.x rejects)."""
    import json

    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    for stale in ("special_tokens_map.json", "added_tokens.json"):
        if (folder / stale).exists():
            (folder / stale).unlink()


def build_hf_classifier(folder: Path, num_labels: int = 1, seed: int = 0, encoder_dir: Path | None = None) -> Path:
    """A tiny XLMRobertaForSequenceClassification folder (a 'team's own QE model')."""
    from transformers import AutoConfig, XLMRobertaForSequenceClassification, XLMRobertaTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    encoder_dir = encoder_dir or build_xlmr_encoder_files(folder.parent / f"{folder.name}-encoder")
    config = AutoConfig.from_pretrained(str(encoder_dir), num_labels=num_labels)
    torch.manual_seed(seed)
    XLMRobertaForSequenceClassification(config).save_pretrained(str(folder))
    XLMRobertaTokenizerFast.from_pretrained(str(encoder_dir)).save_pretrained(str(folder))
    return folder
