"""`[train] generation_model = "dequantized_copy"` / `"merged_copy"`: GRPO generates from an unquantized
copy of the policy, its adapter unmerged or merged into the weights.

The policy is the tiny Qwen3-VL in NF4 on CPU (bitsandbytes runs there with a float32 compute dtype),
so the copy really dequantizes; the trainer tests drive the real TRL GRPOTrainer.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from datasets import Dataset
from peft import get_peft_model
from transformers import AutoModelForImageTextToText
from trl import GRPOTrainer

import flutter_rl.train.policy as policy_module
import flutter_rl.train.trainer as trainer_module
from flutter_rl.settings import SettingsError
from flutter_rl.train.copy_fidelity import fidelity_ok, logprob_gap, with_completions
from flutter_rl.train.generation_copy import (
    load_generation_copy,
    merge_adapter,
    round_stochastically,
    sync_adapter,
    sync_generation_copy,
)
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
        model=model,
        reward_funcs=REWARD_FUNCS,
        args=grpo_config(settings, settings.train.output_dir, REWARD_WEIGHTS),
        train_dataset=Dataset.from_list(screen_rows),
        processing_class=processor,
        peft_config=policy_module.lora_config(settings.model),
    )
    policy = trainer.model
    copy = trainer.generation_copy = load_generation_copy(settings.model, policy, CPU)

    syncs: list[int] = []

    def counted_sync(copy_model, policy_model):
        syncs.append(trainer.state.global_step)
        sync_adapter(copy_model, policy_model)

    monkeypatch.setattr(trainer_module, "sync_generation_copy", counted_sync)
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


@pytest.mark.slow
@pytest.mark.parametrize("generation_model", ["dequantized_copy", "merged_copy"])
def test_qlora_grpo_steps_generate_from_the_copy_and_record_the_time_split(
    nf4_on_cpu, make_settings, screen_rows, monkeypatch, generation_model
):
    seen: list[bool] = []
    original = GRPOTrainer._generate_single_turn

    def watched(self, *args, **kwargs):
        seen.append(self.model_wrapped is self.generation_copy and self.generation_copy is not None)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(GRPOTrainer, "_generate_single_turn", watched)
    settings = make_settings(
        "qlora-copy",
        train__generation_model=generation_model,
        train__gradient_checkpointing=True,
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
    with pytest.raises(
        SettingsError, match=r"train.generation_model: Input should be 'policy', 'dequantized_copy' or 'merged_copy'"
    ):
        make_settings(train__generation_model="bf16")
    for model in ("dequantized_copy", "merged_copy"):
        with pytest.raises(SettingsError, match=rf"generation_model = '{model}'.*use_vllm = true"):
            make_settings(train__generation_model=model, train__use_vllm=True)
    assert make_settings().train.generation_model == "policy"


def lora_policy(settings: Any, dtype: torch.dtype | None = None) -> tuple[Any, Any]:
    """The tiny policy of `settings` with a fresh LoRA (no dropout: eval and train mode compute the same);
    with `dtype`, loaded in it as `load_model` loads `compute_dtype` on CUDA (buffers such as RoPE's
    frequencies stay float32, unlike after `.to(dtype)`)."""
    base, processor = policy_module.load_policy(settings.model)
    if dtype is not None:
        base = AutoModelForImageTextToText.from_pretrained(settings.model.name, dtype=dtype)
    return get_peft_model(base, policy_module.lora_config(settings.model)), processor


def completion_batch(policy: Any, processor: Any, new_tokens: int = 12) -> tuple[dict[str, torch.Tensor], int]:
    """Two prompts with sampled completions: the inputs of one forward over prompt + completion."""
    inputs = prompt_inputs(processor)
    torch.manual_seed(0)
    with torch.no_grad():
        ids = policy.generate(**inputs, max_new_tokens=new_tokens, do_sample=True, min_new_tokens=new_tokens)
    return with_completions(inputs, ids), inputs["input_ids"].shape[1]


def test_merged_copy_generates_the_unmerged_copys_tokens_at_step_0_and_after_updates(nf4_on_cpu, make_settings):
    settings = make_settings("merged", model__lora_dropout=0.0)
    policy, processor = lora_policy(settings)
    merged = load_generation_copy(settings.model, policy, CPU, merged=True)
    unmerged = load_generation_copy(settings.model, policy, CPU)
    assert not hasattr(merged, "peft_config") and not any("lora_" in n for n, _ in merged.named_parameters())
    assert not any(type(p).__name__ == "Params4bit" for p in merged.parameters())
    assert not any(p.requires_grad for p in merged.parameters()) and not merged.training

    inputs = prompt_inputs(processor)
    greedy = {"max_new_tokens": 12, "do_sample": False}
    q_proj = "model.language_model.layers.0.self_attn.q_proj.weight"
    with torch.no_grad():
        # Step 0: lora_B is zero, so the merged weight is the dequantized base itself, bit for bit.
        assert torch.equal(merged.get_parameter(q_proj), unmerged.get_parameter(f"base_model.model.{q_proj}"))
        torch.testing.assert_close(merged(**inputs).logits, unmerged(**inputs).logits, atol=1e-6, rtol=0)
        assert torch.equal(merged.generate(**inputs, **greedy), unmerged.generate(**inputs, **greedy))

        step_0 = merged.get_parameter(q_proj).clone()
        for seed in (0, 1):  # the second sync re-merges from the base: deltas do not pile up
            take_optimizer_step(policy, seed=seed)
            sync_generation_copy(merged, policy)
            sync_generation_copy(unmerged, policy)
            assert not torch.equal(merged.get_parameter(q_proj), step_0)
            # float32 merge vs unmerged: the same sums in another order, 1e-4 on logits of O(1)
            torch.testing.assert_close(merged(**inputs).logits, unmerged(**inputs).logits, atol=1e-4, rtol=1e-4)
            assert torch.equal(merged.generate(**inputs, **greedy), unmerged.generate(**inputs, **greedy))


def test_merged_copy_fidelity_in_bf16_passes_the_check_and_a_stale_copy_does_not(make_settings):
    """bf16 rounds base + delta once per weight; a copy that missed a sync shows what the check catches."""
    settings = make_settings("merged-bf16", model__lora_dropout=0.0, model__lora_rank=64, model__lora_alpha=128)
    policy, processor = lora_policy(settings, torch.bfloat16)
    merged = load_generation_copy(settings.model, policy, CPU, merged=True)
    assert merged.dtype == torch.bfloat16
    inputs, prompt_length = completion_batch(policy, processor)
    completion_mask = torch.ones_like(inputs["input_ids"][:, prompt_length:])

    step_0 = logprob_gap(policy, merged, inputs, prompt_length, completion_mask)
    assert step_0["max_abs_logprob_diff"] == 0.0 and step_0["mean_kl"] == pytest.approx(0.0, abs=1e-7)

    # An update of the size of many optimizer steps (2e-2 per weight; Adam moves ~lr = 1e-5 a step).
    generator = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for param in policy.parameters():
            if param.requires_grad:
                param.add_((torch.randn(param.shape, generator=generator) * 2e-2).to(param.dtype))
    stale = logprob_gap(policy, merged, inputs, prompt_length, completion_mask)
    sync_generation_copy(merged, policy)
    synced = logprob_gap(policy, merged, inputs, prompt_length, completion_mask)
    assert fidelity_ok(synced), synced
    assert not fidelity_ok(stale), stale
    assert synced["mean_abs_logprob_diff"] < stale["mean_abs_logprob_diff"] / 10


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_stochastic_rounding_keeps_a_delta_that_rounding_to_nearest_drops(dtype):
    """A weight of 0.02 moved by 1e-5 (a few AdamW steps at 1e-5) rounds back to 0.02 in bf16; stochastic
    rounding lands on a neighbour of the exact value and is unbiased, and a value the dtype holds stays exact."""
    torch.manual_seed(0)
    base = (torch.randn(4096) * 0.02).to(dtype).float()  # representable: an NF4 base dequantized to bf16
    exact = base + 1e-5 * torch.sign(torch.randn(4096))
    assert torch.equal(round_stochastically(base, dtype).float(), base)
    draws = torch.stack([round_stochastically(exact, dtype).float() for _ in range(400)])
    below, above = exact.to(dtype).float(), exact.to(dtype).float()
    below = torch.minimum(below, torch.nextafter(exact.to(dtype), torch.full_like(exact, -torch.inf).to(dtype)).float())
    above = torch.maximum(above, torch.nextafter(exact.to(dtype), torch.full_like(exact, torch.inf).to(dtype)).float())
    assert ((draws >= below) & (draws <= above)).all()  # one of the two neighbours of the exact value
    nearest_error = (exact.to(dtype).float() - exact).abs().mean()  # per weight, then averaged
    stochastic_error = (draws.mean(dim=0) - exact).abs().mean()
    assert stochastic_error < nearest_error / 4, (stochastic_error, nearest_error)
    assert round_stochastically(exact, torch.float32) is exact


def test_stochastic_merge_is_exact_at_step_0_and_tracks_an_update_on_average(make_settings):
    """merge_adapter(stochastic=True): bit for bit the base while lora_B is zero; after a small update its
    weights differ from the nearest merge, and average to base + delta closer than the nearest merge does."""
    settings = make_settings("merged-stochastic", model__lora_dropout=0.0)
    policy, _ = lora_policy(settings, torch.bfloat16)
    nearest = load_generation_copy(settings.model, policy, CPU, merged=True)
    stochastic = load_generation_copy(settings.model, policy, CPU, merged=True)
    q_proj = "model.language_model.layers.0.self_attn.q_proj.weight"
    merge_adapter(stochastic, policy, stochastic=True)
    assert torch.equal(stochastic.get_parameter(q_proj), nearest.get_parameter(q_proj))
    layer = policy.get_submodule("base_model.model.model.language_model.layers.0.self_attn.q_proj")
    with torch.no_grad():
        layer.lora_B["default"].weight.fill_(1e-4)  # a delta below half of bf16's rounding step for most weights
    exact = layer.get_base_layer().weight.float() + layer.get_delta_weight("default").float()
    merge_adapter(nearest, policy)
    draws = []
    for _ in range(64):
        merge_adapter(stochastic, policy, stochastic=True)
        draws.append(stochastic.get_parameter(q_proj).float().clone())
    nearest_error = (nearest.get_parameter(q_proj).float() - exact).abs().mean()
    stochastic_error = (torch.stack(draws).mean(dim=0) - exact).abs().mean()
    assert stochastic_error < nearest_error / 2, (stochastic_error, nearest_error)
