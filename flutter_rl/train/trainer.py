"""`InstrumentedGRPOTrainer`: TRL's GRPOTrainer plus the metrics this project reads that TRL lacks.

- The time split of every optimizer step: `time/generation`, `time/reward`, `time/update` (the rest:
  reference/policy forward, backward, optimizer) and `time/step`, in seconds. TRL sends its own
  profiling timings only to an active wandb/mlflow run, and we log through an explicit client.
- `reward_std_within_group`: TRL's `reward_std` is over the whole batch, but the advantage only sees
  the spread inside each group of `num_generations` completions of one prompt.
- A completion that a weighted reward function scored None (the reward stage does so for code the
  renderer calls `unsupported`: valid Flutter it cannot draw) is left out of GRPO: out of its group's
  mean and std, advantage 0, and out of the loss (KL included). TRL alone would count the missing
  reward as 0 and push the policy away from valid Flutter. `reward_std_within_group` is then over the
  scored completions of each group.
- With a generation copy (`[train] generation_model = "dequantized_copy"` or `"merged_copy"`),
  completions come from the copy, re-synced from the policy's adapter when the optimizer step changed
  (`time/generation_sync`, included in `time/generation`).

They go into TRL's own metric buffer, so they are averaged over the logging window, printed, kept in
`state.log_history` and reach every logging callback like TRL's metrics.
"""

from __future__ import annotations

import math
import time
from typing import Any

import torch
from transformers import TrainerCallback
from trl import GRPOTrainer
from trl.trainer.utils import nanstd

from flutter_rl.train.generation_copy import sync_generation_copy


class InstrumentedGRPOTrainer(GRPOTrainer):
    """GRPOTrainer that records the time split of each step and the reward std within groups, leaves
    completions without a reward out of GRPO, and generates from `generation_copy` (see
    flutter_rl.train.generation_copy) when one is set."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._phase_seconds = {"generation": 0.0, "reward": 0.0}
        self.add_callback(StepClock(self))
        self.generation_copy: Any = None
        self._copy_synced_step: int | None = None
        self._unscored = torch.zeros(0, dtype=torch.bool)  # per completion of the gathered batch

    def _record(self, name: str, value: float) -> None:
        self._metrics["train" if self.model.training else "eval"][name].append(value)

    def _generate(self, prompts):
        started = time.perf_counter()
        result = super()._generate(prompts)
        self._phase_seconds["generation"] += time.perf_counter() - started
        return result

    # TRL's HF-generate path generates with `self.model_wrapped`; pointing it at the copy for one call is
    # the only seam that keeps the rest of TRL's path (padding, EOS masking, gradient-checkpointing toggles).
    def _generate_single_turn(self, *args, **kwargs):
        if self.generation_copy is None:
            return super()._generate_single_turn(*args, **kwargs)
        if self._copy_synced_step != self.state.global_step:
            started = time.perf_counter()
            sync_generation_copy(self.generation_copy, self.accelerator.unwrap_model(self.model))
            self._record("time/generation_sync", time.perf_counter() - started)
            self._copy_synced_step = self.state.global_step
        policy, self.model_wrapped = self.model_wrapped, self.generation_copy
        try:
            return super()._generate_single_turn(*args, **kwargs)
        finally:
            self.model_wrapped = policy

    def _calculate_rewards(self, inputs, prompts, completions, completion_ids_list):
        started = time.perf_counter()
        rewards_per_func = super()._calculate_rewards(inputs, prompts, completions, completion_ids_list)
        self._phase_seconds["reward"] += time.perf_counter() - started
        weights = self.reward_weights.to(rewards_per_func.device)
        # TRL's nansum would score a missing weighted reward as 0; a row of NaNs is instead TRL's own
        # "unscorable" completion, which it leaves out of the group mean/std and gives advantage 0.
        self._unscored = torch.isnan(rewards_per_func[:, weights != 0]).any(dim=1)
        rewards_per_func[self._unscored] = torch.nan
        group = self.num_generations if self.model.training else self.num_generations_eval
        rewards = (rewards_per_func * weights).nansum(dim=1)
        rewards[self._unscored] = torch.nan
        if group > 1:
            spread = nanstd(rewards.view(-1, group), dim=1).nanmean().item()  # NaN: no group with 2 scored
            if math.isfinite(spread):
                self._record("reward_std_within_group", spread)
        return rewards_per_func

    # TRL zeroes an unscorable completion's advantage but still trains on it (KL term, token counts):
    # its loss-only mask (`tool_mask`; attention keeps `completion_mask`) is the one place to drop it.
    def _generate_and_score_completions(self, inputs):
        output = super()._generate_and_score_completions(inputs)
        if self._unscored.any():  # the mask covers the gathered batch, so every process takes this branch
            start = self.accelerator.process_index * len(inputs)
            keep = (~self._unscored[start : start + len(inputs)]).unsqueeze(1).to(output["completion_mask"].dtype)
            loss_mask = output.get("tool_mask", torch.ones_like(output["completion_mask"])) * keep
            output["tool_mask"] = loss_mask
            output["num_items_in_batch"] = self.accelerator.gather((output["completion_mask"] * loss_mask).sum()).sum()
        return output

    def record_step_time(self, seconds: float) -> None:
        """Record the time split of the optimizer step that just took `seconds`, and start the next one."""
        generation, reward = self._phase_seconds["generation"], self._phase_seconds["reward"]
        self._record("time/step", seconds)
        self._record("time/generation", generation)
        self._record("time/reward", reward)
        self._record("time/update", max(0.0, seconds - generation - reward))
        self._phase_seconds = {"generation": 0.0, "reward": 0.0}


class StepClock(TrainerCallback):
    """Times each optimizer step for its trainer: callbacks are the only hook around the whole step."""

    def __init__(self, trainer: InstrumentedGRPOTrainer) -> None:
        self.trainer = trainer
        self.started = 0.0

    def on_step_begin(self, args, state, control, **kwargs):
        self.started = time.perf_counter()

    def on_step_end(self, args, state, control, **kwargs):
        self.trainer.record_step_time(time.perf_counter() - self.started)
