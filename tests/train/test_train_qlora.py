"""The QLoRA branch (NF4 base + LoRA) loads and trains; bitsandbytes NF4 also runs on CPU, so the test
forces the branch that `load_policy` takes only with CUDA, with a float32 compute dtype."""

from __future__ import annotations

import pytest

import flutter_rl.train.policy as policy
from flutter_rl.train.grpo import train_grpo

from .conftest import REWARD_FUNCS, REWARD_WEIGHTS


@pytest.mark.slow
def test_nf4_policy_is_quantized_and_trains_two_grpo_steps(nf4_on_cpu, make_settings, screen_rows):
    import bitsandbytes as bnb

    # The reference layout: QLoRA with gradient checkpointing and gradient accumulation.
    settings = make_settings("qlora", train__gradient_checkpointing=True, train__gradient_accumulation_steps=2)
    model, _ = policy.load_policy(settings.model)
    assert model.is_loaded_in_4bit
    assert isinstance(model.get_submodule("model.language_model.layers.0.self_attn.q_proj"), bnb.nn.Linear4bit)
    del model

    result = train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None)
    assert [h["step"] for h in result.log_history if "reward" in h] == [1, 2]
    assert (result.checkpoints[-1] / "adapter_model.safetensors").is_file()
