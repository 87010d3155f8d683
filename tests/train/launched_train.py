"""What each process of the multi-process test runs: `flutter-rl train` (the real CLI) with one more
reward function of weight 0 that writes down every completion it is given, so the test can count
where each completion was scored. Run as `accelerate launch ... tests/train/launched_train.py <cli args>`
with SCORED_DIR set."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import flutter_rl.reward as reward
from flutter_rl.cli import main

real_reward_functions = reward.make_reward_functions


def with_counting_reward(settings: Any, backend: Any, embedder: Any = None):
    """The real reward functions plus `scored_completions` (weight 0: it changes no reward)."""
    funcs, weights = real_reward_functions(settings, backend, embedder)
    log = Path(os.environ["SCORED_DIR"]) / f"scored-{os.environ.get('RANK', '0')}.jsonl"

    def scored_completions(prompts: Any = None, completions: Any = (), trainer_state: Any = None, **columns: Any):
        with open(log, "a") as out:
            for screen in columns["id"]:
                out.write(json.dumps({"step": trainer_state.global_step + 1, "id": screen}) + "\n")
        return [0.0] * len(completions)

    return [*funcs, scored_completions], [*weights, 0.0]


if __name__ == "__main__":
    reward.make_reward_functions = with_counting_reward  # `run_training` imports it from flutter_rl.reward
    sys.exit(main(sys.argv[1:]))
