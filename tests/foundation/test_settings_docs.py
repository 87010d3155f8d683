"""One source of settings defaults: pipeline.toml generated from the types, recipes, help, TRL pass-through."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main
from flutter_rl.settings import Settings, SettingsError, load_settings
from flutter_rl.settings_docs import defaults_toml, explain


def _fields(model: type, prefix: str = ""):
    for key, field in model.model_fields.items():
        if hasattr(field.annotation, "model_fields"):
            yield from _fields(field.annotation, f"{prefix}{key}.")
        elif not field.exclude:
            yield f"{prefix}{key}", field


def test_pipeline_toml_is_generated_from_the_settings_types(repo_root: Path) -> None:
    assert (repo_root / "pipeline.toml").read_text() == defaults_toml(), (
        "pipeline.toml differs from the defaults in flutter_rl/settings.py: "
        "run `flutter-rl config defaults > pipeline.toml`"
    )


def test_every_setting_has_help() -> None:
    missing = [name for name, field in _fields(Settings) if not field.description]
    assert not missing, f"settings without a description=: {missing}"


def test_generated_file_loads_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "pipeline.toml"
    path.write_text(defaults_toml())
    assert load_settings(path, environ={}).model_dump(exclude={"source"}) == Settings().model_dump(exclude={"source"})
    # a changed help text changes the generated text, so the check above can fail
    field = Settings.model_fields["preset"]
    original, field.description = field.description, "changed"
    try:
        assert "# changed" in defaults_toml()
    finally:
        field.description = original


def test_explain_shows_value_default_and_help(repo_root: Path) -> None:
    text = explain(load_settings(repo_root / "pipeline.toml", preset="tiny", environ={}))
    assert "train.max_steps = 4  (default 480)\n    optimizer steps" in text
    assert "train.beta = 0.1\n    KL coefficient" in text


def test_config_command_explains_and_prints_defaults(repo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(repo_root / "pipeline.toml"), "config", "--explain"]) == 0
    assert "renderer.timeout_s = 10.0\n    per sample" in capsys.readouterr().out
    assert main(["config", "defaults"]) == 0
    assert capsys.readouterr().out == defaults_toml()


@pytest.mark.parametrize("name", ["tiny", "reference", "small"])
def test_shipped_recipes_load(repo_root: Path, name: str) -> None:
    assert (repo_root / "recipes" / f"{name}.toml").is_file()
    assert load_settings(repo_root / "pipeline.toml", preset=name, environ={}).preset == name


def test_a_recipe_next_to_the_settings_file_or_by_path(tmp_path: Path) -> None:
    path = tmp_path / "pipeline.toml"
    path.write_text('preset = "mine"\n')
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "mine.toml").write_text("[train]\nbeta = 0.3\n")
    assert load_settings(path, environ={}).train.beta == 0.3
    other = tmp_path / "other.toml"
    other.write_text("[train]\n\nbeta = -1\n")
    with pytest.raises(SettingsError, match=rf"train\.beta: .*{other}, line 3"):  # the error names the recipe
        load_settings(path, preset=str(other), environ={})


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pipeline.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[presets.x.train]\nbeta = 0.2\n", r"recipes/NAME.toml"),
        ("[train.trl]\ntop_kk = 5\n", r"'top_kk' is not a field of trl.GRPOConfig \(did you mean 'top_k'\?\)"),
        ("[train.trl]\nbeta = 0.5\n", r"'beta' is set by flutter-rl: use train.beta"),
        ("[train.sft.trl]\npackingg = true\n", r"trl.SFTConfig \(did you mean 'packing'\?\)"),
    ],
    ids=["inline-presets", "trl-typo", "trl-reserved", "sft-trl-typo"],
)
def test_bad_tables_name_the_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(settings_file(tmp_path, text), environ={})


def test_trl_pass_through_reaches_grpo_config(tmp_path: Path) -> None:
    from flutter_rl.train.grpo import grpo_config

    settings = load_settings(
        settings_file(tmp_path, "[train.trl]\ntop_k = 7\nmax_grad_norm = 0.5\n"), preset="tiny", environ={}
    )
    config = grpo_config(settings, tmp_path / "out", [0.2, 0.8])
    assert config.top_k == 7 and config.max_grad_norm == 0.5
