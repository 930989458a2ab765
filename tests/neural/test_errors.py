"""Missing, gated, unreadable or mismatched checkpoints are one-line InputErrors, never a bare KeyError."""
import shutil

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
import yaml  # noqa: E402

from neural_models import _private_cache, models  # noqa: E402,F401

from tqcheck.errors import InputError  # noqa: E402
from tqcheck.scoring.neural import load_scorer  # noqa: E402


def _copy(name, tmp_path):
    folder = tmp_path / name
    shutil.copytree(models()[name], folder)
    return folder


def test_missing_folder(tmp_path):
    with pytest.raises(InputError, match="no such model folder"):
        load_scorer(str(tmp_path / "nothing-here"))


def test_repo_not_in_cache_says_how_to_get_it():
    with pytest.raises(InputError, match=r"not in the local Hugging Face cache.*hf download Unbabel/XCOMET-XL.*gated"):
        load_scorer("xcomet-xl")


def test_repo_in_cache_is_found(tmp_path, monkeypatch):
    cache = tmp_path / "hub"
    snapshot = cache / "models--Unbabel--wmt22-cometkiwi-da" / "snapshots" / ("a" * 40)
    shutil.copytree(models()["kiwi"], snapshot)
    (cache / "models--Unbabel--wmt22-cometkiwi-da" / "refs").mkdir()
    (cache / "models--Unbabel--wmt22-cometkiwi-da" / "refs" / "main").write_text("a" * 40)
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    scorer = load_scorer("cometkiwi-22", device="cpu")
    assert scorer.info()["model"] == "cometkiwi-22"
    assert scorer.checkpoint == snapshot / "checkpoints" / "model.ckpt"


def test_ckpt_path_is_accepted():
    scorer = load_scorer(str(models()["kiwi"] / "checkpoints" / "model.ckpt"), device="cpu")
    assert scorer.backend == "comet-unified_metric"


def test_missing_ckpt(tmp_path):
    folder = _copy("kiwi", tmp_path)
    (folder / "checkpoints" / "model.ckpt").unlink()
    with pytest.raises(InputError, match="checkpoints/model.ckpt is missing"):
        load_scorer(str(folder), device="cpu")


def test_lfs_pointer(tmp_path):
    folder = _copy("kiwi", tmp_path)
    (folder / "checkpoints" / "model.ckpt").write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 2260000000\n")
    with pytest.raises(InputError, match="Git LFS pointer"):
        load_scorer(str(folder), device="cpu")


def test_corrupt_ckpt(tmp_path):
    folder = _copy("kiwi", tmp_path)
    (folder / "checkpoints" / "model.ckpt").write_bytes(b"\x80\x02garbage" * 100)
    with pytest.raises(InputError, match="unreadable checkpoint"):
        load_scorer(str(folder), device="cpu")


def test_not_a_lightning_checkpoint(tmp_path):
    folder = _copy("kiwi", tmp_path)
    torch.save({"weights": torch.zeros(2)}, folder / "checkpoints" / "model.ckpt")
    with pytest.raises(InputError, match="no state_dict"):
        load_scorer(str(folder), device="cpu")


def test_missing_weight(tmp_path):
    folder = _copy("kiwi", tmp_path)
    path = folder / "checkpoints" / "model.ckpt"
    ckpt = torch.load(path, weights_only=True)
    del ckpt["state_dict"]["estimator.ff.3.weight"]
    del ckpt["state_dict"]["encoder.model.encoder.layer.1.output.dense.weight"]
    torch.save(ckpt, path)
    with pytest.raises(InputError, match="missing from the checkpoint"):
        load_scorer(str(folder), device="cpu")


def test_wrong_class(tmp_path):
    folder = _copy("kiwi", tmp_path)
    hp = yaml.safe_load((folder / "hparams.yaml").read_text())
    hp["class_identifier"] = "regression_metric"
    (folder / "hparams.yaml").write_text(yaml.safe_dump(hp))
    with pytest.raises(InputError, match="not a COMET QE model"):
        load_scorer(str(folder), device="cpu")


def test_reference_only_model(tmp_path):
    folder = _copy("kiwi", tmp_path)
    path = folder / "checkpoints" / "model.ckpt"
    ckpt = torch.load(path, weights_only=True)
    ckpt["hyper_parameters"]["input_segments"] = ["mt", "ref"]
    torch.save(ckpt, path)
    with pytest.raises(InputError, match="needs references"):
        load_scorer(str(folder), device="cpu")


def test_encoder_files_not_available(tmp_path):
    folder = _copy("kiwi", tmp_path)
    path = folder / "checkpoints" / "model.ckpt"
    ckpt = torch.load(path, weights_only=True)
    ckpt["hyper_parameters"]["pretrained_model"] = "microsoft/infoxlm-large"
    torch.save(ckpt, path)
    with pytest.raises(InputError, match=r"microsoft/infoxlm-large.*not available offline.*encoder/"):
        load_scorer(str(folder), device="cpu")
    shutil.copytree(models()["infoxlm"], folder / "encoder")     # the documented fallback: <model>/encoder/
    assert load_scorer(str(folder), device="cpu").info()["encoder_files"] == str(folder / "encoder")


def test_encoder_shape_mismatch(tmp_path):
    from tqcheck.scoring.neural import fixtures as fx

    folder = _copy("kiwi", tmp_path)
    other = fx.build_xlmr_encoder_files(tmp_path / "bigger", hidden=48, heads=4)
    with pytest.raises(InputError, match="do not fit"):
        load_scorer(str(folder), device="cpu", encoder_dir=str(other))


def test_bad_device():
    with pytest.raises(InputError, match="device"):
        load_scorer(str(models()["kiwi"]), device="tpu")
    if not torch.cuda.is_available():
        with pytest.raises(InputError, match="no CUDA device"):
            load_scorer(str(models()["kiwi"]), device="cuda")


def test_not_a_model_folder(tmp_path):
    with pytest.raises(InputError, match="not a model folder"):
        load_scorer(str(tmp_path), device="cpu")
