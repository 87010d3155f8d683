"""Flow `sweep-checkpoints`: the base and every checkpoint of a training output dir, on the eval split."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from tasks.curate import curate_dataset
from tasks.sweep import sweep_checkpoints


@flow(name="sweep-checkpoints", log_prints=True)
def sweep_checkpoints_flow(
    preset: str = "tiny", config: str = "pipeline.toml", overrides: dict[str, str] | None = None, train_dir: str = ""
) -> dict:
    settings = flow_settings(preset, config, overrides)
    return sweep_checkpoints(settings, train_dir or None, curate_dataset(settings))
