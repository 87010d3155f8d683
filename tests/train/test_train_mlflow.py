"""Training against a real MLflow server: one run with params, settings, per-step metrics and adapters."""

from __future__ import annotations

from pathlib import Path

import mlflow
import pytest
import torch
from mlflow import MlflowClient
from peft import PeftModel, get_peft_model_state_dict
from safetensors.torch import load_file
from transformers import AutoModelForImageTextToText

from flutter_rl.train.grpo import train_grpo
from flutter_rl.train.mlflow_run import RUN_ID_FILE

from .conftest import REWARD_FUNCS, REWARD_WEIGHTS
from .test_train_grpo import KillAfterCheckpoint

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

STEP_METRICS = [
    "reward",
    "reward_std",
    "frac_reward_zero_std",
    "kl",
    "completions/mean_length",
    "rewards/format_regex_reward/mean",
    "rewards/distinct_chars_reward/mean",
    "reward_std_within_group",
    "time/generation",
    "time/reward",
    "time/update",
    "time/step",
]


def test_two_steps_reach_mlflow_with_metrics_params_and_adapter_checkpoint(
    mlflow_server, make_settings, screen_rows, tmp_path
):
    settings = make_settings("tracked")
    result = train_grpo(
        settings,
        screen_rows,
        REWARD_FUNCS,
        REWARD_WEIGHTS,
        tracking_uri=mlflow_server,
        run_params={"data.manifest": "0123abcd"},
    )
    client = MlflowClient(mlflow_server)
    run = client.get_run(result.mlflow_run_id)

    assert run.info.status == "FINISHED"
    assert run.data.params["train.beta"] == str(settings.train.beta)
    assert run.data.params["model.name"] == settings.model.name
    assert int(run.data.params["trainable_params"]) > 0
    assert run.data.params["data.manifest"] == "0123abcd"
    for key in STEP_METRICS:
        history = client.get_metric_history(run.info.run_id, key)
        assert sorted(m.step for m in history) == [1, 2], key
    update = client.get_metric_history(run.info.run_id, "time/update")
    assert all(m.value >= 0 for m in update)
    artifacts = {a.path for a in client.list_artifacts(run.info.run_id, "settings")}
    assert "settings/resolved.json" in artifacts and "settings/pipeline.toml" in artifacts

    models = client.search_logged_models([run.info.experiment_id], filter_string=f"source_run_id = '{run.info.run_id}'")
    assert [(m.name, m.tags["step"]) for m in models] == [("checkpoint-2", "2")]
    assert run.data.tags["checkpoint.2"] == models[0].model_id
    assert sorted(a.path for a in client.list_logged_model_artifacts(models[0].model_id)) == [
        "adapter_config.json",
        "adapter_model.safetensors",
    ]

    # The logged adapter alone is enough to rebuild the trained policy on its base model.
    adapter = mlflow.artifacts.download_artifacts(
        artifact_uri=models[0].artifact_location, dst_path=str(tmp_path / "adapter"), tracking_uri=mlflow_server
    )
    policy = PeftModel.from_pretrained(AutoModelForImageTextToText.from_pretrained(settings.model.name), adapter)
    trained = load_file(result.checkpoints[-1] / "adapter_model.safetensors")
    for name, tensor in get_peft_model_state_dict(policy).items():
        torch.testing.assert_close(tensor, trained[name])


def test_resumed_training_continues_the_same_mlflow_run(mlflow_server, make_settings, screen_rows):
    settings = make_settings("tracked-resume", train__max_steps=4)
    with pytest.raises(KeyboardInterrupt):
        train_grpo(
            settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, mlflow_server, callbacks=[KillAfterCheckpoint(2)]
        )
    client = MlflowClient(mlflow_server)
    run_id = (Path(settings.train.output_dir) / RUN_ID_FILE).read_text()
    assert client.get_run(run_id).info.status == "KILLED"

    result = train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, mlflow_server)
    assert result.mlflow_run_id == run_id
    assert client.get_run(run_id).info.status == "FINISHED"
    assert sorted(m.step for m in client.get_metric_history(run_id, "reward")) == [1, 2, 3, 4]
    steps = {
        m.tags["step"]
        for m in client.search_logged_models(
            [client.get_run(run_id).info.experiment_id], filter_string=f"source_run_id = '{run_id}'"
        )
    }
    assert steps == {"2", "4"}
