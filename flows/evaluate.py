"""Flow `evaluate`: the base and the checkpoints of a training run (or one adapter) on the eval split."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from tasks.curate import curate_dataset
from tasks.evaluate import evaluate_checkpoint, sweep_checkpoints


@flow(name="evaluate", log_prints=True)
def evaluate_flow(
    preset: str = "tiny",
    config: str = "pipeline.toml",
    overrides: dict[str, str] | None = None,
    train_dir: str = "",
    adapter_dir: str = "",
) -> dict:
    """`adapter_dir` given: that adapter next to the base; else the base and every checkpoint of
    `train_dir` (empty: the newest training run under `[train] output_dir`)."""
    settings = flow_settings(preset, config, overrides)
    manifest = curate_dataset(settings)
    if adapter_dir:
        return evaluate_checkpoint(settings, adapter_dir, manifest)
    return sweep_checkpoints(settings, train_dir or None, manifest)
