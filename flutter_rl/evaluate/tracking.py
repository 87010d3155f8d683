"""A sweep in MLflow: one parent run, a nested run per checkpoint, tables, plots and image grids.

Parent run (tag `sweep_role=sweep`):
- metrics `render_rate`, `unsupported_share`, `render_rate_supported`, `visual`, `combined`, `format`,
  `structure` (`report.METRICS`; a NaN, e.g. no supported sample, is left out) logged with `step=` each
  checkpoint's training step, so the MLflow chart view is metric vs step;
- tables (`mlflow.log_table`, so the UI's artifact view and `MlflowClient.load_table` compare runs):
  `tables/overall.json`, `tables/by_screen_type.json`, `tables/by_difficulty.json`, `tables/errors.json`;
- plots: `plots/metric_vs_step.png`, `plots/by_screen_type.png`, `plots/by_difficulty.png` (last
  checkpoint vs base; not drawn when the base is the only checkpoint: it would be compared with itself).
Nested run per checkpoint (tag `sweep_role=checkpoint`): its overall metrics, `errors/<kind>` counts,
`tables/samples.json` (every screen: scores, error, completion) and `grids/best.png` / `grids/worst.png`
(target | render | difference).
"""

from __future__ import annotations

import math
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import mlflow
import pandas as pd
from PIL import Image

from flutter_rl.endpoints import tracking_uri
from flutter_rl.evaluate import cache, plots
from flutter_rl.evaluate.report import BASE, METRICS
from flutter_rl.evaluate.sweep import SweepResult, UnitResult
from flutter_rl.settings import Settings

TRACKING_URI_ENV = "MLFLOW_TRACKING_URI"

ROLE_TAG = "sweep_role"
TABLE_FILES = {name: f"tables/{name}.json" for name in ("overall", "by_screen_type", "by_difficulty", "errors")}
SAMPLES_FILE = "tables/samples.json"


def _finite(values: dict[str, object]) -> dict[str, float]:
    return {k: float(v) for k, v in values.items() if isinstance(v, (int, float)) and math.isfinite(float(v))}


def sample_grid(
    unit: UnitResult, settings: Settings, chosen: pd.DataFrame, images: dict[str, Image.Image]
) -> Image.Image:
    """Target | render | difference of the `chosen` samples of one checkpoint, captioned with their scores."""
    rows = []
    for sample in chosen.itertuples(index=False):
        render = cache.render_path(settings.eval.output_dir, unit.key, sample.id)
        caption = f"{sample.id} [{sample.screen_type}/{sample.difficulty}] combined {sample.combined:.3f} visual {sample.visual:.3f}"
        detail = ""
        if not sample.rendered:
            caption += f" - {sample.error_kind}"
            detail = next(iter(str(sample.error_message or "").strip().splitlines()), "")
        rows.append(plots.GridRow(images[sample.id], Image.open(render) if render else None, caption, detail))
    return plots.image_grid(rows)


def _log_checkpoint(
    unit: UnitResult, overall_row: dict, errors_row: dict, settings: Settings, images: dict[str, Image.Image]
) -> None:
    c = unit.checkpoint
    with mlflow.start_run(run_name=c.name, nested=True):
        mlflow.set_tags(
            {
                ROLE_TAG: "checkpoint",
                "checkpoint": c.name,
                "step": str(c.step),
                "unit_key": unit.key,
                "cached": str(unit.cached),
            }
        )
        mlflow.log_params(
            {
                "checkpoint_hash": c.content_hash,
                "weights_dir": str(c.weights_dir or ""),
                "unit_dir": str(cache.unit_dir(settings.eval.output_dir, unit.key)),
            }
        )
        mlflow.log_metrics(
            _finite({k: v for k, v in overall_row.items() if k not in ("checkpoint", "step")}), step=c.step
        )
        mlflow.log_metrics(
            _finite({f"errors/{k}": v for k, v in errors_row.items() if k not in ("checkpoint", "step")}), step=c.step
        )
        mlflow.log_table(unit.samples, SAMPLES_FILE)
        if settings.eval.grid_examples:
            best, worst = plots.best_and_worst(unit.samples, settings.eval.grid_examples)
            mlflow.log_image(sample_grid(unit, settings, best, images), artifact_file="grids/best.png")
            mlflow.log_image(sample_grid(unit, settings, worst, images), artifact_file="grids/worst.png")


@contextmanager
def tracking_at(uri: str) -> Iterator[None]:
    """MLflow's fluent API pointed at `uri` for the block, the process's tracking URI restored after:
    `mlflow.set_tracking_uri` also sets $MLFLOW_TRACKING_URI, so without the restore one sweep would
    redirect every later MLflow call of the process (and of its child processes)."""
    env = os.environ.get(TRACKING_URI_ENV)
    previous = mlflow.get_tracking_uri()
    mlflow.set_tracking_uri(uri)
    try:
        yield
    finally:
        mlflow.set_tracking_uri(previous)
        if env is None:
            os.environ.pop(TRACKING_URI_ENV, None)
        else:
            os.environ[TRACKING_URI_ENV] = env


def log_sweep(result: SweepResult, settings: Settings, *, train_dir: str, run_name: str | None = None) -> str:
    """Log a finished sweep to the tracking server of `settings`; return the parent run id."""
    with tracking_at(tracking_uri(settings)):
        return _log_sweep(result, settings, train_dir=train_dir, run_name=run_name)


def _log_sweep(result: SweepResult, settings: Settings, *, train_dir: str, run_name: str | None) -> str:
    mlflow.set_experiment(settings.tracking.experiment)
    images = dict(zip(result.eval_set.rows["id"], result.eval_set.images))
    overall = result.tables["overall"].set_index("checkpoint", drop=False)
    errors = result.tables["errors"].set_index("checkpoint", drop=False)
    last = result.units[-1].checkpoint.name
    # inside a caller's active run (a train-and-eval flow), the sweep nests under it instead of failing
    with mlflow.start_run(
        run_name=run_name or f"sweep {Path(train_dir).name}", nested=mlflow.active_run() is not None
    ) as parent:
        mlflow.set_tags({ROLE_TAG: "sweep", "last_checkpoint": last})
        mlflow.log_params(
            {
                "train_dir": train_dir,
                "model": settings.model.name,
                "dataset": result.dataset,
                "eval_screens": len(result.eval_set),
                "eval_set_hash": result.eval_set.content_hash,
                "eval_skipped": ",".join(result.eval_set.skipped)[:500],
                "checkpoints": ",".join(u.checkpoint.name for u in result.units)[:500],
                "visual": settings.reward.visual,
                "temperature": settings.eval.temperature,
                "max_new_tokens": settings.eval.max_new_tokens,
                "bootstrap_samples": settings.eval.bootstrap_samples,
                "confidence": settings.eval.confidence,
            }
        )
        for unit in result.units:
            row = overall.loc[unit.checkpoint.name].to_dict()
            mlflow.log_metrics(_finite({m: row[m] for m in METRICS}), step=unit.checkpoint.step)
            _log_checkpoint(unit, row, errors.loc[unit.checkpoint.name].to_dict(), settings, images)
        for name, table in result.tables.items():
            mlflow.log_table(table, TABLE_FILES[name])
        mlflow.log_figure(plots.metric_vs_step(result.tables["overall"]), "plots/metric_vs_step.png")
        for by in ("screen_type", "difficulty") if last != BASE else ():
            mlflow.log_figure(plots.delta_bars(result.tables[f"by_{by}"], by, last), f"plots/by_{by}.png")
        return parent.info.run_id


def find_sweep_run(experiment: str, run_id: str = "") -> pd.Series:
    """The parent run of a sweep: `run_id`, or the newest sweep of `experiment` (tracking URI from the environment)."""
    if run_id:
        runs = mlflow.search_runs(experiment_names=[experiment], filter_string=f"attributes.run_id = '{run_id}'")
    else:
        runs = mlflow.search_runs(
            experiment_names=[experiment],
            filter_string=f"tags.{ROLE_TAG} = 'sweep'",
            order_by=["start_time DESC"],
            max_results=1,
        )
    if runs.empty:
        raise LookupError(
            f"no sweep run {run_id or '(newest)'} in MLflow experiment {experiment!r} at {mlflow.get_tracking_uri()}"
        )
    return runs.iloc[0]


def load_sweep_tables(run: pd.Series) -> dict[str, pd.DataFrame]:
    """The tables a sweep logged, read back from the tracking server by `MlflowClient.load_table`."""
    client = mlflow.MlflowClient()
    return {
        name: client.load_table(run["experiment_id"], artifact_file, run_ids=[run["run_id"]])
        for name, artifact_file in TABLE_FILES.items()
    }


def checkpoint_runs(run: pd.Series) -> pd.DataFrame:
    """The nested checkpoint runs of a sweep run, in step order."""
    runs = mlflow.search_runs(
        experiment_ids=[run["experiment_id"]], filter_string=f"tags.mlflow.parentRunId = '{run['run_id']}'"
    )
    return runs.assign(step=runs["tags.step"].astype(int)).sort_values("step").reset_index(drop=True)
