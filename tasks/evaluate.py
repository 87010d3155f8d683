"""Evaluation as Prefect tasks: a checkpoint sweep, or one adapter next to the base, and the results
table attached to the flow run."""

from __future__ import annotations

from prefect import task
from prefect.artifacts import create_markdown_artifact

from flutter_rl.evaluate.reporting import results_markdown, run_link
from flutter_rl.evaluate.sweep import SweepResult, evaluate, run_sweep
from flutter_rl.settings import Settings
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


@task(name="publish-report")
def publish_report(summary: dict, tracking_uri: str) -> str:
    """Attach the overall table (render rate, visual, combined per checkpoint) to the flow run."""
    markdown = results_markdown(summary["overall"], run_link(tracking_uri, summary["mlflow_run_id"]))
    create_markdown_artifact(markdown=markdown, key="results", description="checkpoint sweep: overall")
    return markdown
