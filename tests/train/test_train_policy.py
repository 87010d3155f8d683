"""Policy checks fail fast with errors that name the setting; LoRA targets the language model only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flutter_rl.settings import ModelSettings
from flutter_rl.train.policy import (
    PolicyError,
    check_policy,
    lora_target_pattern,
    quantization_config,
    resolve_model_source,
)

PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def test_missing_local_dir_names_the_setting_and_the_fix(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", True)
    with pytest.raises(PolicyError, match=r"\[model\] name = .*tiny-policy.*make-tiny-policy"):
        resolve_model_source(str(tmp_path / "runs" / "tiny-policy"))


def test_directory_without_config_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="no config.json"):
        resolve_model_source(str(tmp_path))


def test_text_only_model_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "qwen2", "hidden_size": 64}))
    with pytest.raises(PolicyError, match="vision-language"):
        check_policy(ModelSettings(name=str(tmp_path)))


def test_unknown_lora_targets_are_rejected(tiny_policy_dir: Path) -> None:
    with pytest.raises(PolicyError, match=r"target_modules"):
        check_policy(ModelSettings(name=str(tiny_policy_dir), target_modules=["qkv_nothing"]))
    assert check_policy(ModelSettings(name=str(tiny_policy_dir))) == str(tiny_policy_dir)


@pytest.mark.parametrize(
    ("module", "targeted"),
    [
        ("model.language_model.layers.0.self_attn.q_proj", True),
        ("model.language_model.layers.35.mlp.down_proj", True),
        ("model.visual.blocks.0.mlp.gate_proj", False),  # Qwen2.5-VL's vision MLP uses the same names
        ("model.visual.blocks.0.attn.qkv", False),
        ("model.language_model.layers.0.self_attn.q_norm", False),
        ("lm_head", False),
    ],
)
def test_lora_targets_only_language_model_projections(module: str, targeted: bool) -> None:
    assert bool(re.fullmatch(lora_target_pattern(PROJECTIONS), module)) is targeted


def test_quantization_is_nf4_with_cuda_and_plain_lora_without(caplog) -> None:
    settings = ModelSettings(load_in_4bit=True, double_quant=True, compute_dtype="bfloat16")
    config = quantization_config(settings, cuda=True)
    assert config.load_in_4bit and config.bnb_4bit_quant_type == "nf4" and config.bnb_4bit_use_double_quant
    assert str(config.bnb_4bit_compute_dtype).endswith("bfloat16")
    with caplog.at_level("WARNING"):
        assert quantization_config(settings, cuda=False) is None
    assert "CUDA is not available" in caplog.text
    assert quantization_config(ModelSettings(load_in_4bit=False), cuda=True) is None
