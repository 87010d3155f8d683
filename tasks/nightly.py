"""The nightly evaluation as Prefect tasks."""

from __future__ import annotations

from prefect import task
from prefect.tasks import exponential_backoff

from flutter_rl.nightly import compare_with_previous_night, run_nightly
from flutter_rl.settings import Settings


@task(name="nightly-evaluate", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=5))
def nightly_evaluate(settings: Settings, manifest_dir: str) -> str:
    """Base + newest checkpoint on the eval split; returns the nightly sweep run id."""
    return run_nightly(settings, manifest_dir)


@task(name="compare-nights", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=5))
def compare_nights(settings: Settings, run_id: str) -> list[dict]:
    """Tonight vs the previous night, per metric; also logged on tonight's MLflow run."""
    return compare_with_previous_night(settings, run_id).to_dict("records")
