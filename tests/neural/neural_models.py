"""Tiny local models for the neural tests, built once per test process (no downloads), and the shared inputs."""
from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import pytest

LONG_MT = "The president said that the economy grows faster than expected. " * 60     # > 512 XLM-R tokens
LONG_SRC = "El presidente dijo que la economía crece más de lo previsto. " * 60
ITEMS = [
    ("El presidente dijo que la economía crece.", "The president said that the economy grows."),
    ("", ""),
    ("", "Only a target."),
    ("中文新闻报道说经济增长很快。", "中文 news: the economy grows fast, 日本の首相."),
    ("Президент сказал, что экономика растёт.", "The president said the economy is growing."),
    (LONG_SRC, LONG_MT),
    ("Der Minister sagte, die Wahl sei frei.", LONG_MT),
    (LONG_SRC, "The minister said the election was free."),
    ("Le ministre a déclaré que les élections auront lieu en mars.", "The minister said elections are in March."),
]


@functools.lru_cache(maxsize=None)
def models() -> dict[str, Path]:
    from tqcheck.scoring.neural import fixtures as fx

    root = Path(tempfile.mkdtemp(prefix="tqcheck-neural-"))
    atexit.register(shutil.rmtree, root, True)
    sp = fx.train_sentencepiece(root / "spm")
    infoxlm = fx.build_xlmr_encoder_files(root / "infoxlm", sp_model=sp)
    xlmr_xl = fx.build_xlmr_encoder_files(root / "xlmr-xl", sp_model=sp, xl=True)
    return {
        "root": root,
        "infoxlm": infoxlm,
        "kiwi": fx.build_comet(root / "kiwi", encoder_dir=infoxlm, seed=1),
        "kiwi-sparsemax": fx.build_comet(root / "kiwi-sparsemax", encoder_dir=infoxlm, seed=2, layer_norm=False,
                                         yaml_transformation="sparsemax", ckpt_transformation="sparsemax"),
        "xcomet": fx.build_comet(root / "xcomet", kind="xcomet", encoder_dir=xlmr_xl, xl=True, seed=3,
                                 tag_bias=(0.5, 0.0, 0.0, 0.0)),
        "metricx": fx.build_metricx(root / "metricx", sp_model=fx.train_sentencepiece(root / "spm-t5", t5_ids=True)),
        "hf": fx.build_hf_classifier(root / "hf", encoder_dir=infoxlm, seed=5),
        "hf3": fx.build_hf_classifier(root / "hf3", num_labels=3, encoder_dir=infoxlm, seed=6),
    }


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    """The sha256 cache and the Hugging Face cache of each test stay in its tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def qe_items():
    from tqcheck.scoring.base import QEItem

    return [QEItem(src, mt) for src, mt in ITEMS]
