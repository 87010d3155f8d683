"""What each process of the multi-process test runs: `flutter-rl train` (the real CLI) with one more
reward function of weight 0 that writes down every completion it is given, and a count of the
renderer's batches, so the test can count where each completion was scored and rendered. Run as `accelerate launch ... tests/train/launched_train.py <cli args>`
with SCORED_DIR set; with KILL_AT_STEP=n, the main process SIGKILLs the whole launch (the launcher
and every training process) once step n has begun, KILL_DELAY_S after it began (time for the
background MLflow queue to send what the earlier steps logged)."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from transformers import TrainerCallback

import flutter_rl.reward as reward
import flutter_rl.train.run as run
from flows.cli import main
from flutter_rl.reward.extract import extract_code

real_reward_functions = reward.make_reward_functions
real_train_grpo = run.train_grpo


def with_counting_reward(settings: Any, backend: Any, embedder: Any = None):
    """The real reward functions plus `scored_completions` (weight 0: it changes no reward)."""
    funcs, weights = real_reward_functions(settings, backend, embedder)
    rank = os.environ.get("RANK", "0")
    log = Path(os.environ["SCORED_DIR"]) / f"scored-{rank}.jsonl"
    render_log = Path(os.environ["SCORED_DIR"]) / f"rendered-{rank}.jsonl"
    render_batch = backend.render_batch

    def counted_render_batch(codes: Any, **kwargs: Any):
        with open(render_log, "a") as out:
            out.write(json.dumps({"codes": len(codes)}) + "\n")
        return render_batch(codes, **kwargs)

    backend.render_batch = counted_render_batch  # the reward stage's renders of this process, counted

    def scored_completions(prompts: Any = None, completions: Any = (), trainer_state: Any = None, **columns: Any):
        with open(log, "a") as out:
            for screen, completion in zip(columns["id"], completions, strict=True):
                out.write(
                    json.dumps(
                        {"step": trainer_state.global_step + 1, "id": screen, "code": bool(extract_code(completion))}
                    )
                    + "\n"
                )
        return [0.0] * len(completions)

    return [*funcs, scored_completions], [*weights, 0.0]


class KillLaunch(TrainerCallback):
    """At the beginning of step `step`, SIGKILL the launcher and every training process, from the
    main process (torchrun starts each worker in a session of its own, so a process group is not enough)."""

    def __init__(self, step: int, delay_s: float) -> None:
        self.step, self.delay_s = step, delay_s

    def on_step_begin(self, args, state, control, **kwargs):
        if state.global_step + 1 != self.step:
            return
        import torch.distributed as dist

        pids = [None] * dist.get_world_size()
        dist.all_gather_object(pids, os.getpid())
        if state.is_world_process_zero:
            time.sleep(self.delay_s)
            for pid in [os.getppid(), *(p for p in pids if p != os.getpid()), os.getpid()]:
                os.kill(pid, signal.SIGKILL)


def train_grpo_killed(*args: Any, **kwargs: Any):
    """`train_grpo` with `KillLaunch` added when KILL_AT_STEP is set."""
    if os.environ.get("KILL_AT_STEP"):
        kill = KillLaunch(int(os.environ["KILL_AT_STEP"]), float(os.environ.get("KILL_DELAY_S", "10")))
        kwargs["callbacks"] = [*kwargs.get("callbacks", ()), kill]
    return real_train_grpo(*args, **kwargs)


if __name__ == "__main__":
    reward.make_reward_functions = with_counting_reward  # `run_training` imports it from flutter_rl.reward
    run.train_grpo = train_grpo_killed
    sys.exit(main(sys.argv[1:]))
