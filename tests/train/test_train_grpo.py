"""Two GRPO steps of the tiny policy on CPU: metrics, checkpoint, reload, and resume after a kill."""

from __future__ import annotations

import pytest
import torch
from peft import PeftModel
from safetensors.torch import load_file
from transformers import AutoModelForImageTextToText, AutoProcessor, TrainerCallback

from flutter_rl.train.grpo import train_grpo
from flutter_rl.train.prompt import build_chat

from .conftest import REWARD_FUNCS, REWARD_WEIGHTS, screenshot


@pytest.mark.slow
def test_two_steps_log_rewards_and_time_split_and_save_a_reloadable_adapter(make_settings, screen_rows, capsys):
    result = train_grpo(make_settings(), screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None)

    steps = [h for h in result.log_history if "reward" in h]
    assert [h["step"] for h in steps] == [1, 2]
    for h in steps:
        weighted = sum(w * h[f"rewards/{f.__name__}/mean"] for f, w in zip(REWARD_FUNCS, REWARD_WEIGHTS))
        assert h["reward"] == pytest.approx(weighted, abs=1e-5)  # the weights reach GRPO
        assert 0 <= h["frac_reward_zero_std"] <= 1 and "kl" in h and "completions/mean_length" in h
        assert h["time/generation"] > 0 and h["time/reward"] > 0 and h["time/update"] > 0
        parts = h["time/generation"] + h["time/reward"] + h["time/update"]
        assert h["time/step"] == pytest.approx(parts)  # the split covers the whole optimizer step
    assert "trainable parameters:" in capsys.readouterr().out

    assert [p.name for p in result.checkpoints] == ["checkpoint-2"]
    checkpoint = result.checkpoints[0]
    assert (checkpoint / "adapter_model.safetensors").is_file() and not (checkpoint / "model.safetensors").exists()
    base = AutoModelForImageTextToText.from_pretrained(make_settings().model.name)
    policy = PeftModel.from_pretrained(base, checkpoint)
    processor = AutoProcessor.from_pretrained(make_settings().model.name)
    text = processor.apply_chat_template(build_chat(screenshot(1)), add_generation_prompt=True)
    inputs = processor(text=[text], images=[screenshot(1)], return_tensors="pt")
    assert policy.generate(**inputs, max_new_tokens=4).shape[1] > inputs["input_ids"].shape[1]


class KillAfterCheckpoint(TrainerCallback):
    """Stops the process-level training right after checkpoint `step` is on disk, like a kill would."""

    def __init__(self, step: int) -> None:
        self.step = step

    def on_save(self, args, state, control, **kwargs):
        if state.global_step == self.step:
            raise KeyboardInterrupt(f"killed after checkpoint-{self.step}")


@pytest.mark.slow
def test_killed_training_resumes_to_the_same_result(make_settings, screen_rows):
    three_steps = {"train__max_steps": 3, "train__learning_rate": 0.05}
    full = train_grpo(make_settings("full", **three_steps), screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, None)

    killed = make_settings("killed", **three_steps)
    with pytest.raises(KeyboardInterrupt):
        train_grpo(killed, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, None, callbacks=[KillAfterCheckpoint(2)])
    resumed = train_grpo(killed, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, None)

    def by_step(result, key):
        return {h["step"]: h[key] for h in result.log_history if key in h and "reward" in h}

    assert list(by_step(resumed, "reward")) == [1, 2, 3]  # history restored from checkpoint-2, then step 3
    for key in ("reward", "kl", "loss"):
        assert by_step(resumed, key) == pytest.approx(by_step(full, key), abs=1e-6)
    a = load_file(full.output_dir / "checkpoint-3" / "adapter_model.safetensors")
    b = load_file(resumed.output_dir / "checkpoint-3" / "adapter_model.safetensors")
    assert any(t.abs().max() > 0 for t in a.values())  # the adapter did move away from its zero init
    for name in a:
        torch.testing.assert_close(a[name], b[name], atol=1e-5, rtol=1e-4)


@pytest.mark.slow
def test_reward_std_within_group_is_the_mean_spread_inside_each_group(make_settings, screen_rows):
    batches: list[list[float]] = []

    def recorded_reward(prompts, completions, **columns):
        values = REWARD_FUNCS[1](prompts, completions, **columns)
        batches.append(values)
        return values

    result = train_grpo(make_settings("groups"), screen_rows, [recorded_reward], [1.0], tracking_uri=None)
    logged = [h["reward_std_within_group"] for h in result.log_history if "reward" in h]
    group = make_settings().train.num_generations
    expected = [torch.tensor(values).view(-1, group).std(dim=1).mean().item() for values in batches]
    assert logged == pytest.approx(expected, abs=1e-6)
