"""One folder per training configuration, so resume only ever continues the same run."""

from __future__ import annotations

import os
from pathlib import Path

from flutter_rl.settings import Settings
from flutter_rl.train.run_dirs import latest_training_dir, training_dir, weight_files


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


def test_weight_files_of_an_adapter_a_full_model_and_neither(tmp_path: Path) -> None:
    adapter, model, empty = tmp_path / "adapter", tmp_path / "model", tmp_path / "empty"
    for folder, names in (
        (adapter, ["adapter_config.json", "adapter_model.safetensors", "optimizer.pt", "README.md"]),
        (
            model,
            [
                "config.json",
                "generation_config.json",
                "model.safetensors",
                "optimizer.pt",
                "tokenizer.json",
                "trainer_state.json",
            ],
        ),
        (empty, ["config.json", "optimizer.pt"]),
    ):
        folder.mkdir()
        for name in names:
            (folder / name).write_text(name)
    assert [p.name for p in weight_files(adapter)] == ["adapter_config.json", "adapter_model.safetensors"]
    assert [p.name for p in weight_files(model)] == ["config.json", "generation_config.json", "model.safetensors"]
    assert weight_files(empty) == []  # a save cut short before the weights
    assert weight_files(tmp_path / "absent") == []
