"""Evaluation as Prefect tasks: a checkpoint sweep, or one adapter next to the base."""

from __future__ import annotations

from prefect import task

from flutter_rl.settings import Settings
from flutter_rl.sweep.sweep import SweepResult, evaluate, run_sweep
from tasks.retry import transient_retries


def _summary(result: SweepResult) -> dict:
    return {"mlflow_run_id": result.run_id, "overall": result.tables["overall"].to_dict("records")}


# No Prefect cache here: the sweep caches each (checkpoint, eval set, decoding, renderer) unit on disk
# itself, and a re-run should still log a fresh MLflow sweep run for the UI to compare.
@task(name="sweep-checkpoints", **transient_retries(2, backoff_factor=5))
def sweep_checkpoints(settings: Settings, train_dir: str | None, manifest_dir: str) -> dict:
    """Evaluate the base and every checkpoint of `train_dir` (None: the newest training run); returns the
    sweep run id and overall table."""
    return _summary(run_sweep(settings, train_dir, manifest_dir))


@task(name="evaluate-checkpoint", **transient_retries(2, backoff_factor=5))
def evaluate_checkpoint(settings: Settings, adapter_dir: str, manifest_dir: str) -> dict:
    """Evaluate one adapter next to the base; returns the sweep run id and overall table."""
    return _summary(evaluate(settings, adapter_dir, manifest_dir))
