"""`flutter-rl train` wiring end to end: curated synthetic screens, the real rewards on the embedded
renderer, GRPO on the tiny policy, MLflow. Slow (a browser and curation), so e2e."""

from __future__ import annotations

import pytest
from mlflow import MlflowClient

from flutter_rl.train.run import run_training

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_run_training_with_curated_rows_and_real_rewards(mlflow_server, make_settings, tmp_path):
    settings = make_settings(
        "pipeline",
        data__output_dir=str(tmp_path / "data"),
        data__synthetic_count=12,
        data__train_size=4,
        data__eval_size=4,
        tracking__uri=mlflow_server,
        train__max_completion_length=32,
    )
    result = run_training(settings)

    assert [p.name for p in result.checkpoints] == ["checkpoint-2"]
    run = MlflowClient(mlflow_server).get_run(result.mlflow_run_id)
    assert run.data.params["data.train_rows"] == "4" and run.data.params["data.manifest"]
    for key in (
        "rewards/format_reward/mean",
        "rewards/visual_reward/mean",
        "render_rate",
        "render/unsupported_share",
        "time/reward",
    ):
        assert key in run.data.metrics, key
    assert 0 <= run.data.metrics["render_rate"] <= 1
