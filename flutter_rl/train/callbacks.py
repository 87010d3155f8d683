"""MLflow logging for a training run: per-step metrics and adapter checkpoints.

Every trainer log (TRL's GRPO metrics `reward`, `reward_std`, `frac_reward_zero_std`,
`rewards/<func>/mean`, `kl`, `completions/mean_length`, ..., plus `InstrumentedGRPOTrainer`'s time
split and `reward_std_within_group`) goes to one MLflow run at its global step, through an explicit
`MlflowClient` (no global active run, so nothing leaks between runs in one process);
`render/rate` (the reward stage's render rate over all samples, `unsupported` ones included; TRL's
`rewards/rendered/mean` leaves those out) is also logged as `render_rate`. Each checkpoint's weights (the adapter, not
the base model; or the whole model under full fine-tuning) become an MLflow LoggedModel tagged with
its step. The calls go through a `TrackingQueue` (a background thread), so a slow or dead tracking
server never slows a step: lost metrics are counted and warned about at the end of training.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from transformers import TrainerCallback

from flutter_rl.train.run_dirs import ADAPTER_CONFIG, weight_files
from flutter_rl.train.tracking_queue import TrackingQueue

# The reward stage's render rate over every sample (`flutter_rl.reward.scoring.render_summary`).
RENDER_RATE_SOURCE = "render/rate"


def numeric_metrics(logs: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """The finite numbers of a trainer log, with `prefix` before each key (MLflow accepts only floats)."""
    return {
        f"{prefix}{key}": float(value)
        for key, value in logs.items()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    }


def log_checkpoint(client: Any, run_id: str, checkpoint_dir: Path, step: int) -> str:
    """Log the weight files of one checkpoint as an MLflow LoggedModel tagged with `step`; return its id."""
    run = client.get_run(run_id)
    adapter = (checkpoint_dir / ADAPTER_CONFIG).is_file()
    model = client.create_logged_model(
        experiment_id=run.info.experiment_id,
        name=f"checkpoint-{step}",
        source_run_id=run_id,
        tags={"step": str(step), "kind": "lora-adapter" if adapter else "full-model"},
        model_type="peft-lora" if adapter else "transformers",
    )
    with tempfile.TemporaryDirectory() as staging:
        for path in weight_files(checkpoint_dir):
            shutil.copy2(path, staging)
        client.log_model_artifacts(model.model_id, staging)
    client.finalize_logged_model(model.model_id, "READY")
    client.set_tag(run_id, f"checkpoint.{step}", model.model_id)
    return model.model_id


class MlflowTrainingCallback(TrainerCallback):
    """Send each trainer log to MLflow run `run_id` at the global step, and each checkpoint's weights."""

    def __init__(self, client: Any, run_id: str, prefix: str = "", log_checkpoints: bool = True) -> None:
        self.client = client
        self.run_id = run_id
        self.prefix = prefix
        self.log_checkpoints = log_checkpoints
        self.tracking = TrackingQueue(client.tracking_uri, run_id)

    def on_log(self, args, state, control, logs=None, **kwargs):
        if not state.is_world_process_zero or not logs:
            return
        logs = dict(logs)
        if RENDER_RATE_SOURCE in logs:
            logs["render_rate"] = logs[RENDER_RATE_SOURCE]
        metrics = numeric_metrics(logs, self.prefix)
        if metrics:
            from mlflow.entities import Metric

            now = int(time.time() * 1000)
            batch = [Metric(key, value, now, state.global_step) for key, value in metrics.items()]
            self.tracking.submit(
                f"metrics of step {state.global_step}",
                partial(self.client.log_batch, self.run_id, metrics=batch),
                metrics=len(batch),
            )

    def on_save(self, args, state, control, **kwargs):
        if self.log_checkpoints and state.is_world_process_zero:
            checkpoint = Path(args.output_dir) / f"checkpoint-{state.global_step}"
            self.tracking.submit(
                checkpoint.name, partial(log_checkpoint, self.client, self.run_id, checkpoint, state.global_step)
            )

    def on_train_end(self, args, state, control, **kwargs):
        self.tracking.close()
