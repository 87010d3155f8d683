"""One folder per training configuration, so resume only ever continues the same run."""

from __future__ import annotations

import os
from pathlib import Path

from flutter_rl.settings import Settings
from flutter_rl.train.run_dirs import latest_training_dir, training_dir


def test_same_configuration_same_folder_and_any_change_a_new_one(tmp_path: Path) -> None:
    settings = Settings()
    settings.train.output_dir = str(tmp_path)
    first = training_dir(settings, "manifest-a")
    assert first.parent == tmp_path and first.name.startswith("run-")
    assert training_dir(settings.model_copy(deep=True), "manifest-a") == first
    changed = settings.model_copy(deep=True)
    changed.train.beta = 0.2
    assert training_dir(changed, "manifest-a") != first
    assert training_dir(settings, "manifest-b") != first
    other_reward = settings.model_copy(deep=True)
    other_reward.reward.visual = "structure"
    assert training_dir(other_reward, "manifest-a") != first
    moved = settings.model_copy(deep=True)
    moved.train.output_dir = str(tmp_path / "elsewhere")
    assert training_dir(moved, "manifest-a").name == first.name  # where it lives is not what it is


def test_latest_training_dir_is_the_newest_run(tmp_path: Path) -> None:
    assert latest_training_dir(tmp_path) == tmp_path  # no run yet: the root itself
    old, new = tmp_path / "run-old", tmp_path / "run-new"
    old.mkdir()
    new.mkdir()
    os.utime(old, (1, 1))
    assert latest_training_dir(tmp_path) == new
