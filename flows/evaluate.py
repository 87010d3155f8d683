"""Flow `evaluate`: one adapter next to the base, on the eval split."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from tasks.curate import curate_dataset
from tasks.sweep import evaluate_checkpoint


@flow(name="evaluate", log_prints=True)
def evaluate_flow(
    adapter_dir: str, preset: str = "tiny", config: str = "pipeline.toml", overrides: dict[str, str] | None = None
) -> dict:
    settings = flow_settings(preset, config, overrides)
    return evaluate_checkpoint(settings, adapter_dir, curate_dataset(settings))
