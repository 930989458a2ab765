"""Parity of tqcheck's neural scorers with the reference implementations, on randomly initialised models.

The reference runs in a SEPARATE virtualenv that has unbabel-comet (never a tqcheck dependency, and never installed
into the project's environment):

    python3 -m venv /tmp/comet-venv
    /tmp/comet-venv/bin/pip install torch==2.13.0 unbabel-comet==2.2.7 'setuptools<81'   # comet needs pkg_resources
    .venv/bin/python bench/parity_comet.py --comet-python /tmp/comet-venv/bin/python [--real-shape kiwi,metricx]

Models (random weights, published layouts, built by tqcheck.scoring.neural.fixtures): CometKiwi (unified_metric,
layer-norm mix, yaml 'sparsemax_patch'), a unified_metric whose hparams say 'sparsemax' (comet's entmax path),
xCOMET (xcomet_metric, XLM-R XL encoder, 4-tag head) and MetricX-24 (mT5, untied lm_head); with --real-shape also a
CometKiwi of XLM-R-large shape and/or a MetricX-24-large-shaped model. Inputs: news-like sentences in 8 languages,
CJK, empty and whitespace strings, sources and MTs over 512 tokens. COMET models are scored by comet's own
``load_from_checkpoint(...).predict`` at batch sizes 1, 4 and 16; MetricX by a forward written from
metricx24/models.py (MT5ForRegression: full lm_head, logit 250089, clamp) under transformers 4.x, one item at a time.

Pass: max |ours - reference| < 1e-5 in fp32 on CPU and identical xCOMET spans (start, end, severity). Exit 1 if not.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BATCH_SIZES = (1, 4, 16)
TOLERANCE = 1e-5


def make_inputs() -> list[dict]:
    long_mt = "The president said that the economy grows faster than expected, and the opposition disagreed. " * 40
    long_src = "El presidente dijo que la economía crece más de lo previsto, y la oposición no estuvo de acuerdo. " * 40
    pairs = [
        ("El presidente del Gobierno dijo que la economía crece.", "The Prime Minister said the economy is growing."),
        ("Le ministre a déclaré que les élections auront lieu en mars.", "The minister said elections will be in March."),
        ("Der Minister sagte, die Wahl sei frei und fair gewesen.", "The minister said the election was free and fair."),
        ("O presidente disse que a economia cresce.", "The president said the economy grows."),
        ("Il presidente ha detto che l'economia cresce.", "The president said that the economy grows."),
        ("Президент сказал, что экономика растёт быстрее, чем ожидалось.", "The president said the economy grows."),
        ("Міністр заявив, що вибори відбудуться у березні.", "The minister said the elections would be in March."),
        ("中文新闻报道说经济增长很快。", "Chinese news reported that the economy grew fast."),
        ("日本の首相は記者会見で語った。", "日本の首相 spoke at a press conference."),
        ("", "An MT without a source."),
        ("A source without an MT.", ""),
        ("", ""),
        ("   ", "  "),
        ("Emoji 🎉 and symbols ©®™ — «quotes» „here“.", "Emoji 🎉 and symbols ©®™ — \"quotes\" here."),
        (long_src, long_mt),
        ("Short source.", long_mt),
        (long_src, "Short MT."),
        ("El 3,5 % de 1.200 millones son 42 millones.", "3.5% of 1,200 million is 42 million."),
    ]
    return [{"src": s, "mt": m} for s, m in pairs]


# ---- the reference side (runs under --comet-python; imports only comet, torch, transformers) -------------------------
def worker(workdir: Path) -> None:
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)

    plan = json.loads((workdir / "plan.json").read_text(encoding="utf-8"))
    samples = plan["inputs"]
    results: dict = {}
    for name, spec in plan["models"].items():
        if spec["kind"] == "comet":
            from comet import load_from_checkpoint

            model = load_from_checkpoint(spec["ckpt"], local_files_only=True)
            results[name] = {}
            for bs in BATCH_SIZES:
                start = time.perf_counter()
                out = model.predict(samples, batch_size=bs, gpus=0, progress_bar=False)
                seconds = time.perf_counter() - start
                spans = None
                if "metadata" in out and "error_spans" in out.metadata:
                    spans = [[[s["start"], s["end"], s["severity"]] for s in item] for item in out.metadata.error_spans]
                results[name][str(bs)] = {"scores": list(map(float, out.scores)), "spans": spans, "seconds": seconds}
        else:
            results[name] = {"1": metricx_reference(Path(spec["dir"]), samples)}
    (workdir / "reference.json").write_text(json.dumps(results), encoding="utf-8")


def metricx_reference(model_dir: Path, samples: list[dict]) -> dict:
    """metricx24: MT5ForRegression forward (transformers 4.x keeps mT5's lm_head untied as config.json says)."""
    import torch
    import transformers

    tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir))
    model = transformers.MT5ForConditionalGeneration.from_pretrained(str(model_dir), torch_dtype=torch.float32).eval()
    scores, start = [], time.perf_counter()
    for sample in samples:
        ids = tokenizer("source: " + sample["src"] + " candidate: " + sample["mt"], max_length=1536,
                        truncation=True, padding=False)["input_ids"][:-1]                       # _remove_eos
        input_ids = torch.tensor([ids])
        with torch.no_grad():
            hidden = model.encoder(input_ids=input_ids, attention_mask=torch.ones_like(input_ids)).last_hidden_state
            out = model.decoder(input_ids=torch.zeros(1, 1, dtype=torch.long), encoder_hidden_states=hidden,
                                encoder_attention_mask=torch.ones_like(input_ids)).last_hidden_state
            if model.config.tie_word_embeddings:
                out = out * (model.model_dim ** -0.5)
            logits = model.lm_head(out)
        scores.append(float(torch.clamp(logits[:, 0, 250089], 0, 25)[0]))
    return {"scores": scores, "spans": None, "seconds": time.perf_counter() - start}


# ---- our side --------------------------------------------------------------------------------------------------------
def build_models(workdir: Path, real_shape: set[str]) -> dict:
    from tqcheck.scoring.neural import fixtures as fx

    sp = fx.train_sentencepiece(workdir / "spm")
    infoxlm = fx.build_xlmr_encoder_files(workdir / "infoxlm-tiny", sp_model=sp)
    xl = fx.build_xlmr_encoder_files(workdir / "xlmr-xl-tiny", sp_model=sp, xl=True)
    models = {
        "cometkiwi-tiny": fx.build_comet(workdir / "cometkiwi-tiny", encoder_dir=infoxlm, seed=1),
        "unified-sparsemax-tiny": fx.build_comet(workdir / "unified-sparsemax-tiny", encoder_dir=infoxlm, seed=2,
                                                 layer_norm=False, yaml_transformation="sparsemax"),
        "xcomet-tiny": fx.build_comet(workdir / "xcomet-tiny", kind="xcomet", encoder_dir=xl, xl=True, seed=3,
                                      tag_bias=(0.5, 0.0, 0.0, 0.0)),
        "xcomet-xlmr-tiny": fx.build_comet(workdir / "xcomet-xlmr-tiny", kind="xcomet", encoder_dir=infoxlm, seed=4,
                                           layer_norm=True, tag_bias=(0.8, 0.0, 0.0, 0.0)),
        "metricx-tiny": fx.build_metricx(workdir / "metricx-tiny",
                                         sp_model=fx.train_sentencepiece(workdir / "spm-t5", t5_ids=True)),
    }
    if "kiwi" in real_shape:
        large = fx.build_xlmr_encoder_files(workdir / "infoxlm-large-shape", sp_model=sp, hidden=1024, layers=24,
                                            heads=16, intermediate=4096, vocab_size=250002)
        models["cometkiwi-large-shape"] = fx.build_comet(workdir / "cometkiwi-large-shape", encoder_dir=large,
                                                         seed=5, hidden_sizes=(3072, 1024))
    if "metricx" in real_shape:
        models["metricx-large-shape"] = fx.build_metricx(
            workdir / "metricx-large-shape", d_model=1024, layers=24, d_ff=2816, heads=16, d_kv=64,
            sp_model=fx.train_sentencepiece(workdir / "spm-t5", t5_ids=True))
    return models


def ours(models: dict, samples: list[dict]) -> dict:
    from tqcheck.scoring.base import QEItem
    from tqcheck.scoring.neural import load_scorer

    items = [QEItem(s["src"], s["mt"]) for s in samples]
    results: dict = {}
    for name, folder in models.items():
        results[name] = {}
        for bs in BATCH_SIZES:
            scorer = load_scorer(str(folder), device="cpu", dtype="fp32", batch_size=bs, progress=False)
            start = time.perf_counter()
            preds = scorer.predict(items)
            seconds = time.perf_counter() - start
            spans = [[[s.start, s.end, s.severity] for s in p.spans] for p in preds] \
                if scorer.backend == "comet-xcomet_metric" else None
            results[name][str(bs)] = {"scores": [p.raw for p in preds], "spans": spans, "seconds": seconds}
            if scorer.backend.startswith("comet"):
                results[name]["layer_mix"] = scorer.transform
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comet-python", default="/tmp/comet-venv/bin/python",
                        help="python of the virtualenv that has unbabel-comet")
    parser.add_argument("--real-shape", default="", help="comma list: kiwi (XLM-R large), metricx (mT5 large)")
    parser.add_argument("--workdir", help="keep the models here (default: a temporary folder)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker))
        return 0
    if not Path(args.comet_python).exists():
        print(f"no reference interpreter at {args.comet_python}; see the module docstring", file=sys.stderr)
        return 2
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="tqcheck-parity-"))
    workdir.mkdir(parents=True, exist_ok=True)
    samples = make_inputs()
    started = time.perf_counter()
    models = build_models(workdir, {s.strip() for s in args.real_shape.split(",") if s.strip()})
    print(f"built {len(models)} models in {time.perf_counter() - started:.0f} s under {workdir}")
    plan = {"inputs": samples, "models": {
        name: ({"kind": "comet", "ckpt": str(folder / "checkpoints" / "model.ckpt")}
               if (folder / "hparams.yaml").exists() else {"kind": "metricx", "dir": str(folder)})
        for name, folder in models.items()}}
    (workdir / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    env = dict(os.environ, PYTHONWARNINGS="ignore", TOKENIZERS_PARALLELISM="false")
    proc = subprocess.run([args.comet_python, __file__, "--worker", str(workdir)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return 2
    reference = json.loads((workdir / "reference.json").read_text(encoding="utf-8"))
    mine = ours(models, samples)

    ok = True
    print(f"\n{len(samples)} inputs; tolerance {TOLERANCE:g} (fp32, CPU)")
    print(f"{'model':26} {'batch':>5} {'max |diff|':>11} {'spans':>10} {'mix':>9}")
    for name in models:
        for bs in BATCH_SIZES:
            ref = reference[name].get(str(bs)) or reference[name]["1"]
            got = mine[name][str(bs)]
            diff = max(abs(a - b) for a, b in zip(got["scores"], ref["scores"]))
            spans = "-" if ref["spans"] is None else ("identical" if got["spans"] == ref["spans"] else "DIFFER")
            ok &= diff < TOLERANCE and spans != "DIFFER"
            print(f"{name:26} {bs:>5} {diff:>11.2e} {spans:>10} {mine[name].get('layer_mix', '-'):>9}")
    flagged = sum(len(s) for s in mine["xcomet-tiny"]["1"]["spans"])
    print(f"\nxcomet-tiny flagged {flagged} spans over {len(samples)} inputs")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
