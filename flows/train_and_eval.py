"""Flow `train-and-eval`, the main job: curate -> policy -> GRPO -> checkpoint sweep -> report."""

from __future__ import annotations

from prefect import flow

from flows.common import flow_settings
from flutter_rl.endpoints import tracking_uri
from tasks.curate import curate_dataset
from tasks.evaluate import publish_report, sweep_checkpoints
from tasks.train import ensure_policy, train_policy


@flow(name="train-and-eval", log_prints=True, persist_result=True)
def train_and_eval(
    preset: str = "tiny", config: str = "pipeline.toml", overrides: dict[str, str] | None = None
) -> dict:
    settings = flow_settings(preset, config, overrides)
    manifest = curate_dataset(settings)
    trained = train_policy(settings, manifest, ensure_policy(settings))
    report = sweep_checkpoints(settings, trained["output_dir"], manifest)
    publish_report(report, tracking_uri(settings))
    return {"train": trained, "sweep": report}
