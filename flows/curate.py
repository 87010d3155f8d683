"""Flow `curate-dataset`: the manifest of `[data]`."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from tasks.curate import curate_dataset


@flow(name="curate-dataset", log_prints=True)
def curate_dataset_flow(
    preset: str = "tiny", config: str = "pipeline.toml", overrides: dict[str, str] | None = None
) -> str:
    settings = flow_settings(preset, config, overrides)
    return curate_dataset(settings)
