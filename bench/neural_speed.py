"""Throughput of the neural scorers (segments/s) on real-sized, randomly initialised models, no download.

    .venv/bin/python bench/neural_speed.py                         # auto device (cuda > mps > cpu), both models
    .venv/bin/python bench/neural_speed.py --device cpu --segments 64 --models kiwi
    .venv/bin/python bench/neural_speed.py --device cuda --reference-python /tmp/comet-venv/bin/python

Models: a CometKiwi-large-shaped unified_metric (XLM-R large: 24 layers, hidden 1024, vocabulary 250002; head
3072-1024) and a MetricX-24-large-shaped mT5 (d_model 1024, 24+24 layers, d_ff 2816, vocabulary 250112), saved in
their published layouts under --workdir and loaded through tqcheck. Inputs: ``--segments`` generated news-like
source/MT pairs (the tokenizer is a small sentencepiece model trained here, so the token counts are printed: they
are what the throughput is per).

With ``--reference-python`` (an interpreter that has unbabel-comet, see bench/parity_comet.py) the same weights and
inputs are also scored by the reference implementations in one run: comet's ``predict`` (Lightning, fp32, TF32 as
``comet-score`` sets it, its own length batching) and a metricx24-style loop (MT5ForRegression forward, full lm_head,
fp32, batches in input order padded to the longest). ``--check`` prints how far the device/dtype scores are from
fp32 on the CPU for the first 16 segments.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_segments(n: int, seed: int = 7) -> list[tuple[str, str]]:
    from tqcheck.scoring.neural.fixtures import training_sentences

    rng = random.Random(seed)
    pool = training_sentences(n=4 * n + 50, seed=seed)
    pairs = []
    for _ in range(n):
        source = " ".join(rng.sample(pool, rng.randint(1, 2)))
        target = " ".join(rng.sample(pool, rng.randint(1, 2)))
        pairs.append((source, target))
    return pairs


def build(workdir: Path, which: set[str], tiny: bool = False) -> dict[str, Path]:
    from tqcheck.scoring.neural import fixtures as fx

    sp = fx.train_sentencepiece(workdir / "spm", vocab_size=1000)
    kiwi_shape = dict(hidden=32, layers=2, heads=2, intermediate=64) if tiny else \
        dict(hidden=1024, layers=24, heads=16, intermediate=4096, vocab_size=250002)
    mx_shape = dict(d_model=16, layers=1) if tiny else dict(d_model=1024, layers=24, d_ff=2816, heads=16, d_kv=64)
    suffix = "tiny" if tiny else "large"
    models = {}
    if "kiwi" in which:
        folder = workdir / f"cometkiwi-{suffix}"
        if not (folder / "checkpoints" / "model.ckpt").exists():
            enc = fx.build_xlmr_encoder_files(workdir / f"infoxlm-{suffix}-shape", sp_model=sp, **kiwi_shape)
            fx.build_comet(folder, encoder_dir=enc, hidden_sizes=(64, 32) if tiny else (3072, 1024))
        models[folder.name] = folder
    if "metricx" in which:
        folder = workdir / f"metricx-24-{suffix}"
        if not (folder / "model.safetensors").exists():
            fx.build_metricx(folder, sp_model=fx.train_sentencepiece(workdir / "spm-t5", vocab_size=1000, t5_ids=True),
                             **mx_shape)
        models[folder.name] = folder
    return models


def time_ours(folder: Path, pairs, device: str, dtype: str, batch_size: int) -> dict:
    import torch

    from tqcheck.scoring.base import QEItem
    from tqcheck.scoring.neural import load_scorer

    start = time.perf_counter()
    scorer = load_scorer(str(folder), device=device, dtype=dtype, batch_size=batch_size, progress=False)
    load = time.perf_counter() - start
    items = [QEItem(s, t) for s, t in pairs]
    scorer.predict(items[:batch_size])                      # warm-up (kernels, allocator)
    _sync(scorer.device)
    start = time.perf_counter()
    preds = scorer.predict(items)
    _sync(scorer.device)
    seconds = time.perf_counter() - start
    tokens = [x.length for x in scorer._encode_all(items)]
    info = scorer.info()
    del scorer
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    return {"seconds": seconds, "load": load, "scores": [p.raw for p in preds], "tokens": sum(tokens) / len(tokens),
            "device": info["device"], "dtype": info["dtype"]}


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize()


def profile(name: str, folder: Path, pairs, device: str) -> None:
    import torch
    from torch.profiler import ProfilerActivity, profile as torch_profile

    from tqcheck.scoring.base import QEItem
    from tqcheck.scoring.neural import load_scorer

    items = [QEItem(s, t) for s, t in pairs]
    for dtype in ("bf16", "fp32"):
        scorer = load_scorer(str(folder), device=device, dtype=dtype, progress=False)
        for bs in (8, 32, 128):
            scorer.batch_size = bs
            scorer.predict(items[:bs])
            _sync(scorer.device)
            start = time.perf_counter()
            scorer.predict(items)
            _sync(scorer.device)
            print(f"{name} {dtype} batch {bs}: {len(items) / (time.perf_counter() - start):.1f} seg/s")
        if dtype == "bf16":
            scorer.batch_size = 32
            start = time.perf_counter()
            encoded = scorer._encode_all(items)
            print(f"{name} tokenising {len(items)}: {time.perf_counter() - start:.3f} s")
            batch = sorted(encoded, key=lambda e: -e.length)[:32]
            with torch.inference_mode():
                scorer._forward(batch)
                _sync(scorer.device)
                start = time.perf_counter()
                for _ in range(5):
                    scorer._forward(batch)
                _sync(scorer.device)
                print(f"{name} one batch of 32 x {batch[0].length} tokens: {(time.perf_counter() - start) / 5 * 1000:.1f} ms")
                acts = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if scorer.device.type == "cuda" else [])
                with torch_profile(activities=acts) as prof:
                    scorer._forward(batch)
                    _sync(scorer.device)
            print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=12, max_name_column_width=40))
            if scorer.device.type == "cuda":
                print(prof.key_averages().table(sort_by="self_cuda_time_total", row_limit=8,
                                                max_name_column_width=40))
        del scorer
        torch.cuda.empty_cache() if torch.cuda.is_available() else None


# ---- the reference side (runs under --reference-python) ---------------------------------------------------------
def reference_worker(spec_file: Path) -> None:
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    import torch

    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    cuda = spec["device"].startswith("cuda") and torch.cuda.is_available()
    pairs, bs, out = spec["pairs"], spec["batch_size"], {}
    for name, folder in spec["models"].items():
        folder = Path(folder)
        if (folder / "hparams.yaml").exists():
            from comet import load_from_checkpoint

            if cuda:
                torch.set_float32_matmul_precision("high")       # as comet-score does
            model = load_from_checkpoint(str(folder / "checkpoints" / "model.ckpt"), local_files_only=True)
            samples = [{"src": s, "mt": t} for s, t in pairs]
            kwargs = dict(batch_size=bs, gpus=1 if cuda else 0, progress_bar=False)
            model.predict(samples[:bs], **kwargs)                # warm-up
            start = time.perf_counter()
            scores = list(map(float, model.predict(samples, **kwargs).scores))
            out[name] = {"seconds": time.perf_counter() - start, "scores": scores}
        else:
            import transformers

            device = torch.device("cuda" if cuda else "cpu")
            tok = transformers.AutoTokenizer.from_pretrained(str(folder))
            model = transformers.MT5ForConditionalGeneration.from_pretrained(
                str(folder), torch_dtype=torch.float32).to(device).eval()

            def run(chunk):
                enc = [tok("source: " + s + " candidate: " + t, max_length=1536, truncation=True)["input_ids"][:-1]
                       for s, t in chunk]
                width = max(len(e) for e in enc)
                ids = torch.tensor([e + [0] * (width - len(e)) for e in enc], device=device)
                mask = torch.tensor([[1] * len(e) + [0] * (width - len(e)) for e in enc], device=device)
                with torch.no_grad():
                    logits = model(input_ids=ids, attention_mask=mask,
                                   decoder_input_ids=torch.zeros(len(enc), 1, dtype=torch.long, device=device)).logits
                return torch.clamp(logits[:, 0, 250089], 0, 25).tolist()

            run(pairs[:bs])
            if cuda:
                torch.cuda.synchronize()
            start = time.perf_counter()
            scores = [x for k in range(0, len(pairs), bs) for x in run(pairs[k:k + bs])]
            if cuda:
                torch.cuda.synchronize()
            out[name] = {"seconds": time.perf_counter() - start, "scores": scores}
        model = None   # noqa: F841 - free it before the next model
    spec_file.with_suffix(".out.json").write_text(json.dumps(out), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", default="auto")
    parser.add_argument("--dtype", default="auto", help="auto (bf16 on CUDA, fp32 on CPU), fp32, fp16, bf16")
    parser.add_argument("--segments", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--models", default="kiwi,metricx")
    parser.add_argument("--workdir", help="where the random models are saved (and reused)")
    parser.add_argument("--reference-python", help="interpreter (may start with env VAR=...) with unbabel-comet")
    parser.add_argument("--check", action="store_true", help="also print the drift from CPU fp32 scores")
    parser.add_argument("--tiny", action="store_true", help="tiny models instead (a smoke test of this script)")
    parser.add_argument("--profile", action="store_true", help="time dtype x batch size, and a torch.profiler table")
    parser.add_argument("--reference-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference_worker:
        reference_worker(Path(args.reference_worker))
        return 0

    import torch

    from tqcheck.scoring.neural.base import pick_device

    device = pick_device(args.device)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="tqcheck-speed-"))
    workdir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    models = build(workdir, {m.strip() for m in args.models.split(",")}, args.tiny)
    print(f"models ready in {time.perf_counter() - start:.0f} s under {workdir}")
    pairs = make_segments(args.segments)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"{os.cpu_count()} CPU threads"
    print(f"device {device} ({name}); torch {torch.__version__}; {args.segments} segments, batch {args.batch_size}")

    if args.profile:
        if device.type == "cuda":
            x = torch.zeros(1024, device=device)
            torch.cuda.synchronize()
            start = time.perf_counter()
            for _ in range(2000):
                x.add_(1)
            torch.cuda.synchronize()
            launch = (time.perf_counter() - start) / 2000 * 1e6
            start = time.perf_counter()
            for _ in range(200):
                x.sum().item()
            print(f"kernel launch {launch:.1f} us; launch+sync {(time.perf_counter() - start) / 200 * 1e6:.1f} us")
        for m, folder in models.items():
            profile(m, folder, pairs, str(device))
        return 0
    results = {m: time_ours(folder, pairs, str(device), args.dtype, args.batch_size) for m, folder in models.items()}
    reference = {}
    if args.reference_python:
        spec = workdir / "speed-spec.json"
        spec.write_text(json.dumps({"pairs": pairs, "batch_size": args.batch_size, "device": str(device),
                                    "models": {m: str(f) for m, f in models.items()}}), encoding="utf-8")
        cmd = shlex.split(args.reference_python) + [__file__, "--reference-worker", str(spec)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, TOKENIZERS_PARALLELISM="false"))
        if proc.returncode == 0:
            reference = json.loads(spec.with_suffix(".out.json").read_text(encoding="utf-8"))
        else:
            print("reference run failed:\n" + proc.stderr[-2500:], file=sys.stderr)

    print(f"\n{'model':18} {'impl':10} {'device':8} {'dtype':6} {'tokens/seg':>10} {'seg/s':>8} {'load s':>7}"
          f" {'speed-up':>8} {'max |diff| vs ref':>17}")
    for m, r in results.items():
        seg_s = args.segments / r["seconds"]
        line = f"{m:18} {'tqcheck':10} {r['device']:8} {r['dtype']:6} {r['tokens']:>10.1f} {seg_s:>8.1f} {r['load']:>7.1f}"
        if m in reference:
            ref = reference[m]
            ref_s = args.segments / ref["seconds"]
            diff = max(abs(a - b) for a, b in zip(r["scores"], ref["scores"]))
            print(f"{line} {seg_s / ref_s:>7.2f}x {diff:>17.2e}")
            print(f"{m:18} {'reference':10} {str(device):8} {'fp32':6} {'':>10} {ref_s:>8.1f}")
        else:
            print(line)
        if args.check and (device.type != "cpu" or args.dtype not in ("auto", "fp32")):
            base = time_ours(models[m], pairs[:16], "cpu", "fp32", args.batch_size)
            drift = max(abs(a - b) for a, b in zip(r["scores"][:16], base["scores"]))
            print(f"{'':18} drift from CPU fp32 on 16 segments: {drift:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
