"""Flow `train`: curate (cached), make sure the policy exists, GRPO."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from tasks.curate import curate_dataset
from tasks.train import ensure_policy, train_policy


@flow(name="train", log_prints=True)
def train_flow(preset: str = "tiny", config: str = "pipeline.toml", overrides: dict[str, str] | None = None) -> dict:
    settings = flow_settings(preset, config, overrides)
    manifest = curate_dataset(settings)
    return train_policy(settings, manifest, ensure_policy(settings))
