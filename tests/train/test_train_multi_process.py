"""GRPO in two CPU processes (gloo) under `accelerate launch --config_file configs/accelerate/ddp.yaml
--num_processes 2`: the real `flutter-rl train` (curation, the embedded renderer's rewards, the tiny
policy, MLflow), killed after its first checkpoint, then resumed through the `train` flow's task.

Checked: every completion is scored exactly once, by the process that generated it, and the two
processes together score the same global batch (the same screens at each step) as one process with
twice the per-device batch; one MLflow run holds the metrics of every step; one set of checkpoints
(one run folder, per-process RNG states in each checkpoint); the resumed run continues from the
checkpoint in the same MLflow run.
"""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
from pathlib import Path

import pytest
from mlflow import MlflowClient

from flutter_rl.evaluate.evalset import latest_manifest
from flutter_rl.settings import load_settings
from flutter_rl.train.launch import accelerate_config, launch_command, write_settings_file

from .conftest import REPO_ROOT

pytestmark = pytest.mark.e2e

SCRIPT = Path(__file__).with_name("launched_train.py")
PER_DEVICE = 2  # completions per process per step: one group of num_generations = 2


def read_scored(folder: Path) -> dict[int, list[dict]]:
    """The counting reward's records by rank."""
    return {
        int(p.stem.split("-")[1]): [json.loads(line) for line in p.read_text().splitlines()]
        for p in sorted(folder.glob("scored-*.jsonl"))
    }


@pytest.fixture
def multi_settings(tiny_policy_dir, tmp_path, mlflow_server):
    def make(name: str, per_device: int, processes: int, max_steps: int = 4):
        return load_settings(
            REPO_ROOT / "pipeline.toml",
            preset="tiny",
            environ={},
            overrides={
                "model.name": str(tiny_policy_dir),
                "data.output_dir": str(tmp_path / "data"),
                "data.synthetic_count": 12,
                "data.train_size": 4,
                "data.eval_size": 4,
                "train.output_dir": str(tmp_path / name),
                "train.max_steps": max_steps,
                "train.save_steps": 2,
                "train.max_completion_length": 16,
                "train.num_generations": 2,
                "train.per_device_train_batch_size": per_device,
                "train.gradient_accumulation_steps": 1,
                "train.num_processes": processes,
                "tracking.uri": mlflow_server,
                "tracking.experiment": f"multi-process-{tmp_path.name}-{name}",
            },
        )

    return make


@pytest.mark.timeout(2400)
def test_two_processes_score_each_completion_once_log_one_run_and_resume_after_a_kill(
    multi_settings,
    tmp_path,
    mlflow_server,
    monkeypatch,
    capsys,
):
    settings = multi_settings("ddp", PER_DEVICE, 2)
    settings_file = tmp_path / "ddp.toml"
    write_settings_file(settings, settings_file)
    scored = tmp_path / "scored-ddp"
    scored.mkdir()
    env = {**os.environ, "SCORED_DIR": str(scored), "PYTHONPATH": str(REPO_ROOT), "KILL_AT_STEP": "3"}
    command = launch_command(
        accelerate_config("ddp"), 2, ["--config", str(settings_file), "train"], program=[str(SCRIPT)]
    )
    with open(tmp_path / "ddp.log", "w") as log:
        killed = subprocess.run(
            command, env=env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT, timeout=1200
        )
    assert killed.returncode == -signal.SIGKILL, (tmp_path / "ddp.log").read_text()[-3000:]
    root = Path(settings.train.output_dir)
    assert [p.name for p in next(root.glob("run-*")).glob("checkpoint-*")] == ["checkpoint-2"]

    # Steps 1 and 2 are complete: each process scored its own group, the two groups differ.
    records = read_scored(scored)
    assert sorted(records) == [0, 1]
    assert {r["step"] for rows in records.values() for r in rows} <= {1, 2, 3}  # killed in step 3
    for step in (1, 2):
        per_rank = {rank: [r["id"] for r in rows if r["step"] == step] for rank, rows in records.items()}
        assert all(len(ids) == PER_DEVICE for ids in per_rank.values()), per_rank
        assert not set(per_rank[0]) & set(per_rank[1]), per_rank  # no group scored by both processes
    # One process with the same global batch (per-device batch 4) scores the same screens at each step.
    import importlib.util

    import flutter_rl.reward
    from flutter_rl.train.run import run_training

    spec = importlib.util.spec_from_file_location("launched_train", SCRIPT)
    launched = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launched)
    monkeypatch.setattr(flutter_rl.reward, "make_reward_functions", launched.with_counting_reward)
    single = multi_settings("single", 2 * PER_DEVICE, 1, max_steps=2)
    manifest = latest_manifest(settings.data.output_dir)
    single_scored = tmp_path / "scored-single"
    single_scored.mkdir()
    monkeypatch.setenv("SCORED_DIR", str(single_scored))
    run_training(single, str(manifest))
    alone = read_scored(single_scored)[0]
    for step in (1, 2):
        together = collections.Counter(r["id"] for rows in records.values() for r in rows if r["step"] == step)
        assert collections.Counter(r["id"] for r in alone if r["step"] == step) == together

    # The renderer rendered each completion that holds code once: one batch per step that has any (the
    # three reward functions share one scoring); code-less completions are not rendered. Counted in the
    # run that is not killed (a kill can land between a render and its record). The random tiny policy
    # seldom writes a code block, so these counts are mostly 0.
    log = single_scored / "rendered-0.jsonl"
    renders = [json.loads(line)["codes"] for line in log.read_text().splitlines()] if log.is_file() else []
    with_code = [r for r in alone if r["code"]]
    assert sum(renders) == len(with_code) and len(renders) == len({r["step"] for r in with_code}), renders
    assert len(alone) == 2 * 2 * PER_DEVICE  # 2 steps x the global batch: no completion lost

    # Resume through the train flow's task: it launches the processes and streams their output.
    from tasks.train import train_policy

    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))
    result = train_policy.fn(settings, str(manifest), settings.model.name)
    streamed = capsys.readouterr().out  # the processes' output, printed by the task line by line
    assert streamed.count("resuming from ") == 2 and "checkpoint-2" in streamed, streamed[-3000:]
    run_dir = Path(result["output_dir"])
    assert [p.name for p in root.iterdir()] == [run_dir.name]  # one run folder
    assert [Path(p).name for p in result["checkpoints"]] == ["checkpoint-2", "checkpoint-4"]
    for checkpoint in result["checkpoints"]:
        assert {"rng_state_0.pth", "rng_state_1.pth", "adapter_model.safetensors"} <= {
            p.name for p in Path(checkpoint).iterdir()
        }

    client = MlflowClient(mlflow_server)
    experiment = client.get_experiment_by_name(settings.tracking.experiment)
    runs = client.search_runs([experiment.experiment_id])
    assert [r.info.run_id for r in runs] == [result["mlflow_run_id"]]  # one run, continued by the resume
    run_id = result["mlflow_run_id"]
    assert client.get_run(run_id).info.status == "FINISHED"
    for key in ("reward", "rewards/visual_reward/mean", "rewards/format_reward/mean", "render_rate", "kl"):
        assert sorted({m.step for m in client.get_metric_history(run_id, key)}) == [1, 2, 3, 4], key
    models = client.search_logged_models([experiment.experiment_id], filter_string=f"source_run_id = '{run_id}'")
    assert sorted(m.tags["step"] for m in models) == ["2", "4"]
