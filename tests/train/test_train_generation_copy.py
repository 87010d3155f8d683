"""`[train] generation_model = "dequantized_copy"`: GRPO generates from an unquantized copy of the policy.

The policy is the tiny Qwen3-VL in NF4 on CPU (bitsandbytes runs there with a float32 compute dtype),
so the copy really dequantizes; the trainer tests drive the real TRL GRPOTrainer.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from datasets import Dataset
from peft import get_peft_model
from trl import GRPOTrainer

import flutter_rl.train.policy as policy_module
import flutter_rl.train.trainer as trainer_module
from flutter_rl.settings import SettingsError
from flutter_rl.train.generation_copy import load_generation_copy, sync_adapter
from flutter_rl.train.grpo import grpo_config, train_grpo
from flutter_rl.train.prompt import build_chat
from flutter_rl.train.trainer import InstrumentedGRPOTrainer

from .conftest import REWARD_FUNCS, REWARD_WEIGHTS, screenshot

CPU = torch.device("cpu")


def same_adapter(copy: Any, policy: Any) -> bool:
    """Whether the copy holds exactly the policy's LoRA tensors, name for name."""
    a, b = ({n: p for n, p in m.named_parameters() if "lora_" in n} for m in (copy, policy))
    return a.keys() == b.keys() and all(torch.equal(a[name], b[name]) for name in a)


def take_optimizer_step(policy: Any, seed: int) -> None:
    """Move every trained parameter, as an optimizer step would (lora_B starts at zero: no effect yet)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for param in policy.parameters():
            if param.requires_grad:
                param.add_(torch.randn(param.shape, generator=generator).to(param.dtype) * 0.5)


def prompt_inputs(processor: Any) -> dict[str, torch.Tensor]:
    text = processor.apply_chat_template(build_chat(screenshot(1)), add_generation_prompt=True)
    return processor(text=[text, text], images=[screenshot(1), screenshot(2)], return_tensors="pt", padding=True)


def test_copy_is_dequantized_and_generates_the_policys_greedy_tokens(nf4_on_cpu, make_settings):
    settings = make_settings("copy", model__lora_dropout=0.0)
    base, processor = policy_module.load_policy(settings.model)
    policy = get_peft_model(base, policy_module.lora_config(settings.model))
    take_optimizer_step(policy, seed=0)
    copy = load_generation_copy(settings.model, policy, CPU)

    q_proj = "base_model.model.model.language_model.layers.0.self_attn.q_proj.base_layer"
    assert type(policy.get_submodule(q_proj).weight).__name__ == "Params4bit"
    assert type(copy.get_submodule(q_proj).weight) is torch.nn.Parameter
    assert not any(type(p).__name__ == "Params4bit" for p in copy.parameters())
    assert not any(p.requires_grad for p in copy.parameters()) and not copy.training

    # Train mode, as in GRPO (without dropout it computes what eval mode does); bitsandbytes' eval-mode
    # CPU kernel repacks the weights and fails on the tiny vision tower's shapes.
    policy.train()
    inputs = prompt_inputs(processor)
    with torch.no_grad():
        torch.testing.assert_close(copy(**inputs).logits, policy(**inputs).logits, atol=1e-4, rtol=1e-4)
        greedy = {"max_new_tokens": 12, "do_sample": False}
        assert torch.equal(copy.generate(**inputs, **greedy), policy.generate(**inputs, **greedy))

        take_optimizer_step(policy, seed=1)
        assert not torch.allclose(copy(**inputs).logits, policy(**inputs).logits, atol=1e-3)
        sync_adapter(copy, policy)
        torch.testing.assert_close(copy(**inputs).logits, policy(**inputs).logits, atol=1e-4, rtol=1e-4)


def test_trainer_resyncs_the_copy_only_when_the_optimizer_step_changed(make_settings, screen_rows, monkeypatch):
    settings = make_settings("resync", train__generation_model="dequantized_copy")
    model, processor = policy_module.load_policy(settings.model)
    trainer = InstrumentedGRPOTrainer(
        model=model, reward_funcs=REWARD_FUNCS, args=grpo_config(settings, settings.train.output_dir, REWARD_WEIGHTS),
        train_dataset=Dataset.from_list(screen_rows), processing_class=processor,
        peft_config=policy_module.lora_config(settings.model),
    )
    policy = trainer.model
    copy = trainer.generation_copy = load_generation_copy(settings.model, policy, CPU)

    syncs: list[int] = []
    def counted_sync(copy_model, policy_model):
        syncs.append(trainer.state.global_step)
        sync_adapter(copy_model, policy_model)

    monkeypatch.setattr(trainer_module, "sync_adapter", counted_sync)
    generations: list[tuple[int, bool, bool]] = []

    def fake_generate(self, *args, **kwargs):
        generations.append((self.state.global_step, self.model_wrapped is copy, same_adapter(copy, policy)))
        return "completions"

    monkeypatch.setattr(GRPOTrainer, "_generate_single_turn", fake_generate)
    assert trainer._generate_single_turn([[1]], None, {}, 2) == "completions"
    assert trainer._generate_single_turn([[1]], None, {}, 2) == "completions"
    take_optimizer_step(policy, seed=0)
    trainer.state.global_step = 1
    trainer._generate_single_turn([[1]], None, {}, 2)
    assert syncs == [0, 1]  # once per optimizer step, before its first generation
    assert generations == [(0, True, True), (0, True, True), (1, True, True)]
    assert trainer.model_wrapped is policy

    monkeypatch.setattr(GRPOTrainer, "_generate_single_turn", lambda self, *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        trainer._generate_single_turn([[1]], None, {}, 2)
    assert trainer.model_wrapped is policy  # restored even when generation fails


def test_qlora_grpo_steps_generate_from_the_copy_and_record_the_time_split(
    nf4_on_cpu, make_settings, screen_rows, monkeypatch
):
    seen: list[bool] = []
    original = GRPOTrainer._generate_single_turn

    def watched(self, *args, **kwargs):
        seen.append(self.model_wrapped is self.generation_copy and self.generation_copy is not None)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(GRPOTrainer, "_generate_single_turn", watched)
    settings = make_settings(
        "qlora-copy", train__generation_model="dequantized_copy", train__gradient_checkpointing=True,
        train__learning_rate=0.05,
    )
    result = train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None)

    steps = [h for h in result.log_history if "reward" in h]
    assert [h["step"] for h in steps] == [1, 2] and seen == [True, True]
    for h in steps:
        assert h["time/generation"] >= h["time/generation_sync"] > 0 and h["time/update"] > 0
        assert h["time/step"] == pytest.approx(h["time/generation"] + h["time/reward"] + h["time/update"])
        assert h["completions/mean_length"] > 0


def test_generation_model_is_validated(make_settings):
    with pytest.raises(SettingsError, match=r"train.generation_model: Input should be 'policy' or 'dequantized_copy'"):
        make_settings(train__generation_model="bf16")
    with pytest.raises(SettingsError, match=r"generation_model = 'dequantized_copy'.*use_vllm = true"):
        make_settings(train__generation_model="dequantized_copy", train__use_vllm=True)
    assert make_settings().train.generation_model == "policy"
