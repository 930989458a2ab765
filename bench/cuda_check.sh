#!/bin/bash
# The neural backends on a CUDA machine, in one run: the GPU tests (tests/neural/test_cuda.py: auto device, bf16
# default and fp32 on request agree with the CPU; skipped where there is no CUDA) with the backends' own tests, then
# bench/neural_speed.py on real-sized random CometKiwi-large and MetricX-24-large shapes (bf16, 1,024 segments) with
# the drift from CPU fp32. Needs the `neural` and `test` extras; nothing is downloaded.
#   bash bench/cuda_check.sh [OUTDIR]        (logs: OUTDIR/env.txt, pytest.txt, speed.txt)
out=${1:-cuda-check}; mkdir -p "$out"; set -o pipefail
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
py=${PYTHON:-python3}
{ nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1
  $py -c "import torch, transformers; print('torch', torch.__version__, 'cuda', torch.version.cuda,
torch.cuda.is_available(), 'transformers', transformers.__version__)"; } | tee "$out/env.txt"
timeout 300 $py -m pytest -q -p no:cacheprovider -rs tests/neural/test_cuda.py tests/neural/test_comet.py \
  tests/neural/test_metricx.py tests/neural/test_hf.py tests/neural/test_errors.py 2>&1 | tee "$out/pytest.txt"
timeout 600 $py bench/neural_speed.py --device cuda --segments 1024 --batch-size 32 --check \
  --workdir "${WORKDIR:-/tmp/tqcheck-neural-speed}" 2>&1 | tee "$out/speed.txt"
