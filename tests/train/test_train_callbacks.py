"""The MLflow callback turns trainer logs into MLflow metrics: numbers only, render rate, time split."""

from __future__ import annotations

from types import SimpleNamespace

from flutter_rl.train.callbacks import MlflowTrainingCallback, numeric_metrics


class RecordingClient:
    """Keeps what would be sent to MLflow, to check the mapping without a server (the e2e tests use one)."""

    def __init__(self) -> None:
        self.batches: list[list] = []

    def log_batch(self, run_id, metrics=(), params=(), tags=()):
        self.batches.append(list(metrics))


def test_numeric_metrics_drop_text_booleans_and_non_finite_values() -> None:
    logs = {"loss": 0.5, "epoch": 1, "flag": True, "name": "x", "kl": float("nan"), "reward": None}
    assert numeric_metrics(logs, "sft/") == {"sft/loss": 0.5, "sft/epoch": 1.0}


def test_on_log_adds_render_rate_and_time_split_at_the_global_step() -> None:
    client = RecordingClient()
    callback = MlflowTrainingCallback(client, "run-1")
    state = SimpleNamespace(is_world_process_zero=True, global_step=7)
    callback._step_seconds = [1.0, 3.0]  # two optimizer steps in this logging window
    logs = {"rewards/rendered/mean": 0.25, "time/generation": 1.2, "time/reward": 0.3, "reward": 0.4}
    callback.on_log(None, state, None, logs=logs)

    (batch,) = client.batches
    sent = {m.key: m.value for m in batch}
    assert {m.step for m in batch} == {7}
    assert sent["render_rate"] == 0.25
    assert sent["time/step"] == 2.0 and abs(sent["time/update"] - 0.5) < 1e-9
    assert callback._step_seconds == []  # the window starts over
