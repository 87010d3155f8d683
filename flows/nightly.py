"""Flow `nightly-eval`: base and newest checkpoint on the eval set, compared with the previous night."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from tasks.curate import curate_dataset
from tasks.nightly import compare_nights, nightly_evaluate


@flow(name="nightly-eval", log_prints=True)
def nightly_eval(
    preset: str = "tiny", config: str = "pipeline.toml", overrides: dict[str, str] | None = None
) -> list[dict]:
    settings = flow_settings(preset, config, overrides)
    run_id = nightly_evaluate(settings, curate_dataset(settings))
    return compare_nights(settings, run_id)
