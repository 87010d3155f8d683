"""Settings: seed defaults, presets, overrides, and a clear message for every class of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from flutter_rl.settings import Settings, SettingsError, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pipeline.toml"
    path.write_text(text)
    return path


def test_defaults_are_the_seed_experiment(repo_root: Path) -> None:
    for settings in (Settings(), load_settings(repo_root / "pipeline.toml", environ={})):
        assert settings.reward.funcs == ["format", "visual"] and settings.reward.weights == [0.2, 0.8]
        assert settings.train.num_generations == 4
        assert settings.train.beta == 0.1
        assert settings.train.max_completion_length == 2048
        assert settings.model.lora_rank == 64 and settings.model.lora_alpha == 128
        assert settings.model.load_in_4bit and settings.model.double_quant
        assert settings.model.name == "Qwen/Qwen3-VL-8B-Instruct"
        assert settings.data.train_size == 160 and settings.data.eval_size == 100
        assert settings.data.train_difficulties == ["easy"]


def test_presets_overlay_the_base(repo_root: Path) -> None:
    tiny = load_settings(repo_root / "pipeline.toml", preset="tiny", environ={})
    assert tiny.preset == "tiny"
    assert tiny.reward.visual == "structure"
    assert tiny.model.load_in_4bit is False
    assert tiny.train.beta == 0.1  # untouched keys keep the base value
    reference = load_settings(repo_root / "pipeline.toml", preset="reference", environ={})
    assert reference.reward.visual == "clip" and reference.model.name == "Qwen/Qwen3-VL-8B-Instruct"
    assert (reference.train.generation_model, reference.train.generation_cache) == ("dequantized_copy", "static")
    assert (reference.eval.generation_cache, reference.eval.batch_size) == ("static", 100)


def test_environment_and_cli_overrides_win(repo_root: Path) -> None:
    env = {"FLUTTER_RL__TRAIN__BETA": "0.25", "FLUTTER_RL_PRESET": "tiny"}
    settings = load_settings(repo_root / "pipeline.toml", environ=env, overrides={"renderer.workers": "3"})
    assert settings.train.beta == 0.25
    assert settings.preset == "tiny"
    assert settings.renderer.workers == 3


def test_unknown_key_names_key_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[train]\nbeta = 0.1\nnum_generation = 4\n")
    with pytest.raises(SettingsError) as info:
        load_settings(path, environ={})
    message = str(info.value)
    assert "unknown key 'train.num_generation'" in message
    assert f"{path}, line 3" in message


def test_wrong_type_names_key_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[renderer]\n\nworkers = "many"\n')
    with pytest.raises(SettingsError, match=r"renderer\.workers: .*integer.*line 3"):
        load_settings(path, environ={})


def test_out_of_range_value(tmp_path: Path) -> None:
    path = write(tmp_path, "[train]\nnum_generations = 1\n")
    with pytest.raises(SettingsError, match=r"train\.num_generations: .*greater than or equal to 2.*line 2"):
        load_settings(path, environ={})


def test_cross_field_check_explains_itself(tmp_path: Path) -> None:
    path = write(tmp_path, "[train]\nper_device_train_batch_size = 3\ngradient_accumulation_steps = 1\n")
    with pytest.raises(SettingsError, match="must be a multiple of train.num_generations"):
        load_settings(path, environ={})


def test_unknown_section_and_bad_override(tmp_path: Path) -> None:
    path = write(tmp_path, "[trian]\nbeta = 1\n")
    with pytest.raises(SettingsError, match=r"unknown key 'trian'.*line 1"):
        load_settings(path, environ={})
    good = write(tmp_path, "")
    with pytest.raises(SettingsError, match=r"train\.beta: .*override"):
        load_settings(good, environ={"FLUTTER_RL__TRAIN__BETA": "-1"})


def test_missing_file_and_unknown_preset(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="settings file not found"):
        load_settings(tmp_path / "nope.toml", environ={})
    path = write(tmp_path, "")
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "mine.toml").write_text("[train]\nbeta = 0.2\n")
    with pytest.raises(SettingsError, match=r"unknown preset 'big'.*known: mine, .*recipes/big.toml"):
        load_settings(path, preset="big", environ={})


def test_invalid_toml_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "[train\nbeta = \n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(path, environ={})


def test_section_hash_changes_only_with_its_section() -> None:
    a, b = Settings(), Settings()
    b.train.beta = 0.3
    assert a.section_hash("train") != b.section_hash("train")
    assert a.section_hash("reward") == b.section_hash("reward")


def test_cli_reports_settings_errors_without_traceback(tmp_path: Path) -> None:
    from flows.cli import main

    path = write(tmp_path, "[train]\nbeta = 'x'\n")
    assert main(["--config", str(path), "config"]) == 2
