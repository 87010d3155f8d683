"""Multi-process training without starting processes: which layout accepts which `[model]` settings,
the committed accelerate configs, the settings file the launched processes read, the launch command
and how its output streams back."""

from __future__ import annotations

import sys

import pytest
from accelerate.commands.config.config_args import load_config_from_file

from flutter_rl.settings import load_settings
from flutter_rl.train.distributed import (
    LAYOUTS,
    LayoutError,
    check_layout,
    current_layout,
    per_process_renderer,
)
from flutter_rl.train.grpo import TrainingSetupError, check_training_setup
from flutter_rl.train.launch import (
    LaunchError,
    accelerate_config,
    config_layout,
    launch_command,
    stream,
    write_settings_file,
)
from flutter_rl.train.run_dirs import training_dir

from .conftest import REPO_ROOT, REWARD_FUNCS, REWARD_WEIGHTS


def reference(**overrides):
    return load_settings(REPO_ROOT / "pipeline.toml", preset="reference", overrides=overrides, environ={})


QLORA = {}
LORA = {"model.load_in_4bit": False}
FULL = {"model.load_in_4bit": False, "model.adapter": "none"}


@pytest.mark.parametrize(
    "layout,model,accepted",
    [
        ("ddp", QLORA, True),
        ("ddp", LORA, True),
        ("ddp", FULL, True),
        ("zero2", QLORA, True),
        ("zero2", LORA, True),
        ("zero2", FULL, True),
        ("zero3", QLORA, False),
        ("zero3", LORA, True),
        ("zero3", FULL, True),
    ],
)
def test_layouts_accept_the_model_settings_they_can_train(layout, model, accepted):
    settings = reference(**model, **{"train.generation_model": "policy", "train.generation_cache": "dynamic"})
    if accepted:
        check_layout(layout, settings, cuda=True, deepspeed=True)
    else:
        with pytest.raises(LayoutError, match="NF4 QLoRA.*zero2.yaml or ddp.yaml"):
            check_layout(layout, settings, cuda=True, deepspeed=True)


def test_zero3_refuses_a_generation_copy_and_zero_needs_cuda_and_deepspeed():
    with pytest.raises(LayoutError, match="generation_model = 'dequantized_copy'"):
        check_layout("zero3", reference(**LORA), cuda=True, deepspeed=True)  # the reference preset's copy
    with pytest.raises(LayoutError, match="needs CUDA"):
        check_layout("zero2", reference(), cuda=False, deepspeed=True)
    with pytest.raises(LayoutError, match="pip install deepspeed"):
        check_layout("zero2", reference(), cuda=True, deepspeed=False)
    check_layout("ddp", reference(), cuda=False, deepspeed=False)


def test_the_layout_comes_from_the_launch_environment(monkeypatch):
    for key in ("ACCELERATE_USE_DEEPSPEED", "ACCELERATE_DEEPSPEED_ZERO_STAGE", "WORLD_SIZE"):
        monkeypatch.delenv(key, raising=False)
    assert current_layout() == "single"
    monkeypatch.setenv("WORLD_SIZE", "2")
    assert current_layout() == "ddp"
    monkeypatch.setenv("ACCELERATE_USE_DEEPSPEED", "true")
    monkeypatch.setenv("ACCELERATE_DEEPSPEED_ZERO_STAGE", "2")
    assert current_layout() == "zero2"
    monkeypatch.setenv("ACCELERATE_DEEPSPEED_ZERO_STAGE", "3")
    assert current_layout() == "zero3"


def test_training_setup_fails_fast_for_qlora_under_zero3(monkeypatch, make_settings, screen_rows):
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("ACCELERATE_USE_DEEPSPEED", "true")
    monkeypatch.setenv("ACCELERATE_DEEPSPEED_ZERO_STAGE", "3")
    with pytest.raises(TrainingSetupError, match="cannot train NF4 QLoRA"):
        check_training_setup(make_settings(model__load_in_4bit=True), screen_rows, REWARD_FUNCS, REWARD_WEIGHTS)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_committed_configs_load_in_accelerate_and_name_their_layout(layout):
    path = accelerate_config(layout)
    config = load_config_from_file(str(path))
    assert config_layout(path) == layout
    assert config.num_machines == 1 and config.use_cpu is False
    assert (config.deepspeed_config or {}).get("zero_stage") == {"ddp": None, "zero2": 2, "zero3": 3}[layout]


def test_an_unknown_config_is_a_clear_error(tmp_path):
    with pytest.raises(LayoutError, match="neither one of ddp, zero2, zero3 nor a file"):
        accelerate_config(str(tmp_path / "nope.yaml"))


def test_the_settings_file_reads_back_to_the_same_settings(tmp_path):
    settings = load_settings(
        REPO_ROOT / "pipeline.toml",
        preset="small",
        environ={},
        overrides={
            "train.learning_rate": 3e-7,
            "data.metadata": 'a "quoted" \\ path',
            "train.num_processes": 2,
        },
    )
    path = tmp_path / "settings.toml"
    write_settings_file(settings, path)
    again = load_settings(path, environ={})
    assert again.to_toml_dict() == settings.to_toml_dict()
    assert again.preset == "small"


def test_the_run_folder_does_not_depend_on_the_process_layout(make_settings):
    one = make_settings()
    two = make_settings(train__num_processes=2, train__accelerate_config="zero2")
    assert training_dir(one, "v1") == training_dir(two, "v1")
    assert training_dir(one, "v1") != training_dir(make_settings(train__per_device_train_batch_size=4), "v1")


def test_each_process_renders_with_its_share_of_the_workers(make_settings):
    renderer = make_settings(renderer__workers=4).renderer
    assert per_process_renderer(renderer, 1).workers == 4
    assert per_process_renderer(renderer, 2).workers == 2
    assert per_process_renderer(renderer, 8).workers == 1
    assert renderer.workers == 4


def test_the_launch_command_runs_the_training_entry_point_under_accelerate():
    command = launch_command(accelerate_config("ddp"), 3, ["--config", "s.toml"])
    assert command[:3] == [sys.executable, "-m", "accelerate.commands.launch"]
    assert command[command.index("--num_processes") + 1] == "3"
    assert command[-4:] == ["-m", "flutter_rl.train", "--config", "s.toml"]
    assert "--cpu" not in command  # it would make accelerate start a single process


def test_stream_passes_lines_as_they_come_and_raises_with_the_tail():
    seen: list[str] = []
    code = "import sys\nfor i in range(3): print('line', i, flush=True)\nprint('oops', file=sys.stderr)"
    assert stream([sys.executable, "-c", code], seen.append) == 0
    assert seen == ["line 0", "line 1", "line 2", "oops"]
    with pytest.raises(LaunchError, match=r"exited with 3; last lines:\nb\nc$"):
        stream(
            [sys.executable, "-c", "print('a'); print('b'); print('c'); raise SystemExit(3)"], lambda _: None, keep=2
        )


def test_an_interrupted_stream_stops_the_launch():
    import os
    import time

    pids: list[int] = []

    def interrupt(line: str) -> None:
        pids.append(int(line))
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        stream([sys.executable, "-c", "import os, time; print(os.getpid(), flush=True); time.sleep(120)"], interrupt)
    assert time.monotonic() - started < 60
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)


def test_the_training_entry_point_reads_its_settings_file(tmp_path, capsys):
    from flutter_rl.train.__main__ import main

    bad = tmp_path / "launch-settings.toml"
    bad.write_text("[train]\nnum_generation = 4\n")
    assert main(["--config", str(bad)]) == 2
    assert "num_generation" in capsys.readouterr().err
