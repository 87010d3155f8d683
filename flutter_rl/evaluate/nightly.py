"""The nightly evaluation: the base and the newest checkpoint, compared with the previous night.

Each nightly sweep run is tagged `nightly=true`. The comparison reads the previous nightly run's
overall table back from MLflow and logs, on tonight's run, one row per metric: tonight, the
previous night and the difference (`tables/nightly_comparison.json`).
"""

from __future__ import annotations

import mlflow
import pandas as pd

from flutter_rl.endpoints import tracking_uri
from flutter_rl.evaluate.checkpoints import Checkpoint, list_checkpoints
from flutter_rl.evaluate.report import METRICS
from flutter_rl.evaluate.sweep import run_sweep
from flutter_rl.evaluate.tracking import ROLE_TAG, TABLE_FILES
from flutter_rl.settings import Settings
from flutter_rl.train.run_dirs import latest_training_dir

NIGHTLY_TAG = "nightly"
COMPARISON_FILE = "tables/nightly_comparison.json"


def nightly_checkpoints(settings: Settings, train_dir: str | None = None) -> list[Checkpoint]:
    """The base and the newest checkpoint of `train_dir` (default: the newest training run under
    `[train] output_dir`), or the base alone."""
    found = list_checkpoints(train_dir or latest_training_dir(settings.train.output_dir), settings.model.name)
    return found[:1] + found[1:][-1:]


def run_nightly(settings: Settings, manifest_dir: str, train_dir: str | None = None) -> str:
    """Evaluate tonight's checkpoints (cached units are reused) and tag the sweep run; returns its id."""
    result = run_sweep(settings, train_dir, manifest_dir, checkpoints=nightly_checkpoints(settings, train_dir))
    mlflow.MlflowClient(tracking_uri(settings)).set_tag(result.run_id, NIGHTLY_TAG, "true")
    return result.run_id


def _last_row(client: mlflow.MlflowClient, experiment_id: str, run_id: str) -> pd.Series:
    overall = client.load_table(experiment_id, TABLE_FILES["overall"], run_ids=[run_id])
    return overall.sort_values("step").iloc[-1]


def comparison_table(tonight: pd.Series, previous: pd.Series | None) -> pd.DataFrame:
    """One row per metric of `report.METRICS`: tonight's newest-checkpoint value, the previous night's
    (NaN when there is none, or when that night was logged before the metric existed) and the difference."""
    rows = []
    for metric in METRICS:
        before = float(previous.get(metric, float("nan"))) if previous is not None else float("nan")
        rows.append(
            {
                "metric": metric,
                "tonight": float(tonight[metric]),
                "previous_night": before,
                "delta": float(tonight[metric]) - before,
                "checkpoint": tonight["checkpoint"],
                "previous_checkpoint": previous["checkpoint"] if previous is not None else "",
            }
        )
    return pd.DataFrame(rows)


def compare_with_previous_night(settings: Settings, run_id: str) -> pd.DataFrame:
    """Tonight's newest-checkpoint metrics vs the previous nightly run's; logged on tonight's run."""
    client = mlflow.MlflowClient(tracking_uri(settings))
    current = client.get_run(run_id).info
    experiment_id = current.experiment_id
    earlier = [
        run
        for run in client.search_runs(
            [experiment_id],
            filter_string=f"tags.{NIGHTLY_TAG} = 'true' and tags.{ROLE_TAG} = 'sweep'",
            order_by=["attributes.start_time DESC"],
        )
        if run.info.run_id != run_id and run.info.start_time <= current.start_time
    ]
    tonight = _last_row(client, experiment_id, run_id)
    previous = _last_row(client, experiment_id, earlier[0].info.run_id) if earlier else None
    comparison = comparison_table(tonight, previous)
    client.log_table(run_id, comparison, COMPARISON_FILE)
    return comparison
