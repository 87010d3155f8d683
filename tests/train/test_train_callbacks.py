"""The MLflow callback turns trainer logs into MLflow metrics: numbers only, render rate."""

from __future__ import annotations

from types import SimpleNamespace

from flutter_rl.train.callbacks import MlflowTrainingCallback, numeric_metrics


class RecordingClient:
    """Keeps what would be sent to MLflow, to check the mapping without a server (the e2e tests use one)."""

    tracking_uri = "file:///unused"  # not http: the queue has no server to probe

    def __init__(self) -> None:
        self.batches: list[list] = []

    def log_batch(self, run_id, metrics=(), params=(), tags=()):
        self.batches.append(list(metrics))


def test_numeric_metrics_drop_text_booleans_and_non_finite_values() -> None:
    logs = {"loss": 0.5, "epoch": 1, "flag": True, "name": "x", "kl": float("nan"), "reward": None}
    assert numeric_metrics(logs, "sft/") == {"sft/loss": 0.5, "sft/epoch": 1.0}


def test_on_log_sends_numbers_and_render_rate_at_the_global_step() -> None:
    client = RecordingClient()
    callback = MlflowTrainingCallback(client, "run-1", prefix="sft/")
    state = SimpleNamespace(is_world_process_zero=True, global_step=7)
    logs = {
        "render/rate": 0.25,
        "render/unsupported_share": 0.5,
        "rewards/rendered/mean": 0.5,
        "reward": 0.4,
        "note": "x",
    }
    callback.on_log(None, state, None, logs=logs)
    callback.on_train_end(None, state, None)  # sends what is queued

    (batch,) = client.batches
    assert {m.step for m in batch} == {7}
    # render_rate is over every sample, as in evaluation; TRL's rendered mean leaves `unsupported` ones out
    assert {m.key: m.value for m in batch} == {
        "sft/render/rate": 0.25,
        "sft/render/unsupported_share": 0.5,
        "sft/rewards/rendered/mean": 0.5,
        "sft/render_rate": 0.25,
        "sft/reward": 0.4,
    }


class FailingClient:
    tracking_uri = "file:///unused"

    def log_batch(self, run_id, metrics=(), params=(), tags=()):
        raise ConnectionError("tracking server went away")


def test_a_tracking_outage_warns_instead_of_killing_the_training(caplog) -> None:
    callback = MlflowTrainingCallback(FailingClient(), "run-1")
    state = SimpleNamespace(is_world_process_zero=True, global_step=3)
    callback.on_log(None, state, None, logs={"reward": 0.4, "kl": 0.1})
    callback.on_train_end(None, state, None)
    assert "could not log metrics of step 3" in caplog.text and "went away" in caplog.text
    assert "2 metrics and 0 other logging calls (none) were not logged to run run-1" in caplog.text
