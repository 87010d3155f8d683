"""Training as Prefect tasks: the policy to start from, then GRPO (with the optional SFT warm-up)."""

from __future__ import annotations

from pathlib import Path

from prefect import task

from flutter_rl.settings import Settings
from flutter_rl.train.run import run_training
from flutter_rl.train.tiny_policy import make_tiny_policy
from tasks.caching import content_cache
from tasks.retry import transient_retries

# what training runs: GRPO, the reward, the manifest reader and the renderer the reward draws with
TRAIN_CODE = (
    "flutter_rl.train",
    "flutter_rl.reward",
    "flutter_rl.curate",
    "flutter_rl.synth",
    "flutter_rl.vocabulary",
    "flutter_renderer",
)


# Not cached by Prefect: whether the policy exists is a fact of the disk, and checking it is free.
@task(name="ensure-policy")
def ensure_policy(settings: Settings) -> str:
    """The policy's location; builds the tiny offline policy first when `[model] build_tiny_if_missing` asks."""
    model = settings.model
    if model.build_tiny_if_missing and not Path(model.name).exists():
        make_tiny_policy(model.name, max_pixels=model.max_pixels)
    return model.name


@task(
    name="train-policy",
    cache_policy=content_cache("model", "train", "reward", "renderer", "tracking", code=TRAIN_CODE),
    persist_result=True,
    **transient_retries(1, backoff_factor=10),  # MLflow or the renderer may hiccup; resume makes a retry cheap
)
def train_policy(settings: Settings, manifest_dir: str, policy: str) -> dict:
    """GRPO on the manifest's train split; returns the output dir, checkpoints and MLflow run id.

    With `[train] num_processes` > 1 the training runs in an `accelerate launch` subprocess, whose
    output is printed line by line as it comes (the flow logs prints)."""
    if settings.train.num_processes > 1:
        from flutter_rl.train.launch import launch_training

        result = launch_training(settings, manifest_dir, echo=lambda line: print(line, flush=True))
    else:
        result = run_training(settings, manifest_dir)
    return {
        "output_dir": str(result.output_dir),
        "checkpoints": [str(p) for p in result.checkpoints],
        "mlflow_run_id": result.mlflow_run_id,
    }
