"""GRPO leaves completions the renderer calls `unsupported` out of the advantage and the loss.

Three real GRPO steps of the tiny policy on CPU, scored by the real reward stage
(`make_reward_functions`) on the fake renderer (flutter_renderer/fake.py). The tiny random policy writes no Dart, so each
completion stands for a Dart file: `PLAN` says which members of each group use code the renderer
cannot draw, and the completion's text picks the shade its screen renders in (so rewards differ
within a group).
"""

from __future__ import annotations

import math
import re
import statistics
import zlib
from typing import Any, Callable, Sequence

import pytest
import torch
from PIL import Image

from flutter_renderer.fake import FakeBackend
from flutter_rl.reward.extract import completion_text
from flutter_rl.reward.trl_adapter import make_reward_functions
from flutter_rl.train.grpo import train_grpo
from flutter_rl.train.trainer import InstrumentedGRPOTrainer

GROUP = 4
# per step (the trainer's global_step while it scores), per group of the batch: "1" = that member's
# code is valid Flutter the renderer cannot draw
PLAN = {
    0: ("0011", "1111"),  # a mixed group, a whole group unsupported
    1: ("0111", "0000"),  # a group with one supported member, a group with none unsupported
    2: ("1111", "1111"),  # the whole batch unsupported
}
_SHADE = re.compile(r"// shade: (\d+)")


def dart_file(text: str, unsupported: bool) -> str:
    """A one-screen Flutter file passing every format check; `unsupported` gives MaterialApp no home."""
    home = "MaterialApp(routes: {})" if unsupported else "const Placeholder()"
    return (
        f"import 'package:flutter/material.dart';\n// shade: {zlib.crc32(text.encode()) % 256}\n"
        f"class S extends StatelessWidget {{\n  Widget build(BuildContext context) => {home};\n}}"
    )


def draw_shade(code: str) -> Image.Image:
    """A gray screen of the file's `// shade:`."""
    shade = int(_SHADE.search(code).group(1))
    return Image.new("RGB", (90, 180), (shade, shade, shade))


def writing_plan(func: Callable[..., list], seen: list[list]) -> Callable[..., list]:
    """`func` on the Dart file each completion of the batch stands for (see `PLAN`); its values go to `seen`."""

    def reward(prompts: Any, completions: list, trainer_state: Any, **columns: Any) -> list:
        plan = "".join(PLAN[trainer_state.global_step])
        files = [dart_file(completion_text(c), plan[i] == "1") for i, c in enumerate(completions)]
        values = func(prompts=prompts, completions=files, trainer_state=trainer_state, **columns)
        seen.append(values)
        return values

    reward.__name__ = func.__name__
    return reward


def group_advantages(rewards: Sequence[float | None]) -> list[float]:
    """TRL's group advantage, (r - mean) / (std + 1e-4) with Bessel's std (grpo_trainer.py,
    sum_then_normalize, scale_rewards="group"), over the scored members only; 0 without two of them."""
    scored = [r for r in rewards if r is not None]
    if len(scored) < 2:
        return [0.0] * len(rewards)
    mean, std = statistics.mean(scored), statistics.stdev(scored)
    return [0.0 if r is None else (r - mean) / (std + 1e-4) for r in rewards]


@pytest.fixture
def unsupported_run(make_settings, screen_rows, monkeypatch, request):
    """Train 3 steps on `PLAN` (loss type: the test's parameter, else "grpo"); return the trainer's log
    history, each batch's reward values per function, and what `_generate_and_score_completions`
    handed to the loss."""
    settings = make_settings(
        "unsupported",
        train__max_steps=3,
        train__save_steps=3,
        train__num_generations=GROUP,
        train__per_device_train_batch_size=2 * GROUP,
        train__learning_rate=0.05,
        train__loss_type=getattr(request, "param", "grpo"),
    )
    funcs, weights = make_reward_functions(settings, FakeBackend(draw=draw_shade))
    seen: dict[str, list[list]] = {f.__name__: [] for f in funcs}
    batches: list[dict[str, Any]] = []
    original = InstrumentedGRPOTrainer._generate_and_score_completions

    def recording(self, inputs):
        output = original(self, inputs)
        batches.append({k: v.detach().clone() if isinstance(v, torch.Tensor) else v for k, v in output.items()})
        return output

    monkeypatch.setattr(InstrumentedGRPOTrainer, "_generate_and_score_completions", recording)
    result = train_grpo(settings, screen_rows, [writing_plan(f, seen[f.__name__]) for f in funcs], weights, None)
    steps = [h for h in result.log_history if "reward" in h]
    return steps, seen, weights, batches


@pytest.mark.slow
def test_unsupported_completions_get_no_advantage_and_the_others_are_judged_among_themselves(unsupported_run):
    steps, seen, weights, batches = unsupported_run
    names = ["format_reward", "visual_reward", "rendered"]
    assert len(batches) == len(PLAN)
    for step, batch in enumerate(batches):
        plan = "".join(PLAN[step])
        values = list(zip(*(seen[name][step] for name in names)))
        assert [v[1] is None for v in values] == [c == "1" for c in plan]  # the reward stage's verdict
        assert all(v[0] == 1.0 for v in values)  # the format score is still computed and returned
        rewards = [None if v[1] is None else sum(w * x for w, x in zip(weights, v)) for v in values]
        expected = [a for g in range(0, len(plan), GROUP) for a in group_advantages(rewards[g : g + GROUP])]
        assert batch["advantages"].tolist() == pytest.approx(expected, abs=1e-4)
        assert all(batch["advantages"][i] == 0 for i, c in enumerate(plan) if c == "1")

    # The mixed group of step 0 has spread among its supported members, and TRL alone (a missing
    # visual reward counted as 0) would give every member another advantage: the scenario can tell.
    first = [sum(w * (x or 0.0) for w, x in zip(weights, v)) for v in zip(*(seen[n][0] for n in names))]
    assert any(a != 0 for a in batches[0]["advantages"][:2].tolist())
    assert group_advantages(first[:GROUP]) != pytest.approx(batches[0]["advantages"][:GROUP].tolist(), abs=1e-3)

    assert [h["render/unsupported_share"] for h in steps] == [6 / 8, 3 / 8, 1.0]
    assert [h["render/rate"] for h in steps] == [2 / 8, 5 / 8, 0.0]
    assert [h["render/rate_supported"] for h in steps[:2]] == [1.0, 1.0]


@pytest.mark.slow
# grpo averages per completion; dapo divides by `num_items_in_batch`, which is 0 in step 3
@pytest.mark.parametrize("unsupported_run", ["grpo", "dapo"], indirect=True)
def test_unsupported_completions_are_out_of_the_loss_and_an_all_unsupported_step_has_zero_gradient(unsupported_run):
    steps, _, _, batches = unsupported_run
    for step, batch in enumerate(batches):
        plan = "".join(PLAN[step])
        supported = torch.tensor([c == "0" for c in plan])
        assert batch["tool_mask"][~supported].sum() == 0  # no token of an unsupported completion is trained on
        assert torch.equal(batch["tool_mask"][supported], torch.ones_like(batch["tool_mask"][supported]))
        assert batch["num_items_in_batch"] == batch["completion_mask"][supported].sum()

    # Steps 1-2 moved the adapter (lr 0.05), so step 3's KL to the reference is not 0: had its
    # completions stayed in the loss, their KL term alone would give a gradient.
    assert steps[1]["kl"] > 0
    last = steps[2]
    assert math.isfinite(last["loss"]) and last["loss"] == 0.0
    assert last["grad_norm"] == 0.0
    assert steps[0]["grad_norm"] > 0
