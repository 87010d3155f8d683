"""The nightly evaluation as Prefect tasks."""

from __future__ import annotations

from prefect import task

from flutter_rl.evaluate.nightly import compare_with_previous_night, run_nightly
from flutter_rl.settings import Settings
from tasks.retry import transient_retries


@task(name="nightly-evaluate", **transient_retries(2, backoff_factor=5))
def nightly_evaluate(settings: Settings, manifest_dir: str) -> str:
    """Base + newest checkpoint on the eval split; returns the nightly sweep run id."""
    return run_nightly(settings, manifest_dir)


@task(name="compare-nights", **transient_retries(2, backoff_factor=5))
def compare_nights(settings: Settings, run_id: str) -> list[dict]:
    """Tonight vs the previous night, per metric; also logged on tonight's MLflow run."""
    return compare_with_previous_night(settings, run_id).to_dict("records")
