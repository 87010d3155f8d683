"""Inputs and settings that cannot train fail with a clear error before any model is loaded."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from flutter_rl.train.grpo import TrainingSetupError, check_training_setup, train_grpo
from flutter_rl.train.mlflow_run import TrackingError
from flutter_rl.train.policy import PolicyError

from .conftest import REWARD_FUNCS, REWARD_WEIGHTS

UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing answers


@pytest.mark.parametrize(
    ("rows", "funcs", "weights", "message"),
    [
        ([], REWARD_FUNCS, REWARD_WEIGHTS, "empty"),
        ([{"prompt": []}], REWARD_FUNCS, REWARD_WEIGHTS, "`image` column"),
        (None, REWARD_FUNCS, [1.0], "2 reward functions but 1 weights"),
        (None, [], [], "no reward functions"),
        (None, [REWARD_FUNCS[0], REWARD_FUNCS[0]], [0.5, 0.5], "distinct __name__"),
    ],
)
def test_bad_inputs_are_rejected(make_settings, screen_rows, rows, funcs, weights, message):
    with pytest.raises(TrainingSetupError, match=message):
        check_training_setup(make_settings(), screen_rows if rows is None else rows, funcs, weights)


@pytest.mark.skipif(importlib.util.find_spec("vllm") is not None, reason="vllm is installed here")
def test_vllm_without_vllm_installed_is_rejected(make_settings, screen_rows):
    with pytest.raises(TrainingSetupError, match="use_vllm"):
        check_training_setup(make_settings(train__use_vllm=True), screen_rows, REWARD_FUNCS, REWARD_WEIGHTS)


def test_sft_needs_reference_code(make_settings, screen_rows):
    rows = [{k: v for k, v in row.items() if k != "reference_code"} for row in screen_rows]
    with pytest.raises(TrainingSetupError, match="reference_code"):
        check_training_setup(make_settings(train__sft__enabled=True), rows, REWARD_FUNCS, REWARD_WEIGHTS)


def test_bad_model_path_fails_before_tracking_and_loading(make_settings, screen_rows, tmp_path):
    settings = make_settings(model__name=str(tmp_path / "no-such-model"))
    # An unreachable tracking server would raise TrackingError if it were contacted first.
    with pytest.raises(PolicyError, match=r"\[model\] name = .*no-such-model"):
        train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=UNREACHABLE)
    assert not Path(settings.train.output_dir).exists()


def test_unreachable_tracking_server_fails_before_training(make_settings, screen_rows):
    settings = make_settings()
    with pytest.raises(TrackingError, match="not reachable.*services up"):
        train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=UNREACHABLE)
    assert not Path(settings.train.output_dir).exists()
