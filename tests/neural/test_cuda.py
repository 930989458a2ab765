"""On a machine with CUDA: the GPU path (auto device, bf16 default, fp32 on request) agrees with the CPU."""
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from neural_models import _private_cache, models, qe_items  # noqa: E402,F401

from tqcheck.scoring.neural import load_scorer  # noqa: E402

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")


@pytest.mark.parametrize("name, bf16_tolerance", [("kiwi", 0.05), ("xcomet", 0.1), ("metricx", 1.0), ("hf", 0.05)])
def test_cuda_agrees_with_cpu(name, bf16_tolerance):
    cpu = load_scorer(str(models()[name]), device="cpu").score(qe_items())
    auto = load_scorer(str(models()[name]), device="auto")
    assert auto.device.type == "cuda" and auto.info()["dtype"] in ("bf16", "fp16", "fp32")
    gpu_fp32 = load_scorer(str(models()[name]), device="cuda", dtype="fp32").score(qe_items())
    assert max(abs(a - b) for a, b in zip(cpu, gpu_fp32)) < 1e-3          # TF32 matmuls allowed
    gpu_auto = auto.score(qe_items())
    assert max(abs(a - b) for a, b in zip(cpu, gpu_auto)) < bf16_tolerance
