"""Start `flutter-rl train` in several processes with `accelerate launch`, and stream their output.

`[train] num_processes` > 1 makes the `train` flow's task call `launch_training`: it writes the
resolved settings next to the run (so every process trains exactly what the flow resolved), runs
`accelerate launch --config_file configs/accelerate/<layout>.yaml --num_processes N -m flutter_rl.train
--config S --manifest M` as a subprocess (the same as `flutter-rl --config S train --manifest M`), passes each line of its output to `echo` as it comes, and reads
the result (checkpoints, MLflow run id) from the run folder once the processes end.

On a machine without CUDA the `ddp` layout starts CPU processes over gloo: accelerate's `--cpu`
flag is not passed, because with it `accelerate launch` starts a single process (its simple
launcher; several CPU processes need mpirun there).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from flutter_rl.settings import Settings
from flutter_rl.train.distributed import LAYOUTS, Layout, LayoutError, check_layout
from flutter_rl.train.grpo import TrainResult, checkpoints_in
from flutter_rl.train.mlflow_run import RUN_ID_FILE
from flutter_rl.train.run_dirs import training_dir

CONFIG_DIR = Path(__file__).resolve().parents[2] / "configs" / "accelerate"
SETTINGS_FILE = "launch-settings.toml"
STOP_GRACE_S = 60.0  # torchrun's own grace before it SIGKILLs its workers is 30 s


class LaunchError(RuntimeError):
    """The launched training processes failed; the message ends with their last output lines."""


def accelerate_config(layout: str) -> Path:
    """The committed accelerate config of a layout name (`ddp`, `zero2`, `zero3`), or a yaml path as is."""
    if layout in LAYOUTS:
        return CONFIG_DIR / f"{layout}.yaml"
    path = Path(layout)
    if not path.is_file():
        raise LayoutError(f"[train] accelerate_config = {layout!r} is neither one of {', '.join(LAYOUTS)} nor a file")
    return path


def config_layout(config_file: str | Path) -> Layout:
    """The layout an accelerate config file asks for: `zero2`/`zero3` for DeepSpeed, else `ddp`."""
    import yaml

    config = yaml.safe_load(Path(config_file).read_text()) or {}
    if config.get("distributed_type") != "DEEPSPEED":
        return "ddp"
    return "zero3" if int((config.get("deepspeed_config") or {}).get("zero_stage", 2)) == 3 else "zero2"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def settings_toml(settings: Settings) -> str:
    """The resolved settings as a TOML file that `load_settings` reads back to equal settings."""
    lines: list[str] = []

    def table(name: str, data: dict[str, Any]) -> None:
        scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
        if name:
            lines.append(f"\n[{name}]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in scalars.items())
        for key, value in data.items():
            if isinstance(value, dict):
                table(f"{name}.{key}" if name else key, value)

    table("", settings.to_toml_dict())
    return "\n".join(lines) + "\n"


def write_settings_file(settings: Settings, path: str | Path) -> Path:
    """`settings_toml(settings)` at `path`, and beside it the preset's name as an empty recipe
    (`recipes/<preset>.toml`, which `load_settings` looks up next to the file first): the file keeps
    `preset = "<name>"` for the MLflow run's tag, and its values, the preset's already merged in,
    are not overlaid again (an overlay would undo a `--set` of a key the preset also sets)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_toml(settings))
    if settings.preset:
        recipes = path.parent / "recipes"
        recipes.mkdir(exist_ok=True)
        (recipes / f"{settings.preset}.toml").write_text(
            f"# {path.name} holds preset {settings.preset!r}'s values already merged in.\n"
        )
    return path


def launch_command(
    config_file: str | Path,
    num_processes: int,
    cli_args: Sequence[str],
    program: Sequence[str] = ("-m", "flutter_rl.train"),
) -> list[str]:
    """The `accelerate launch` command that runs `python <program> <cli_args>` (default: the training
    entry point `python -m flutter_rl.train`) in `num_processes` processes."""
    return [
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--config_file",
        str(config_file),
        "--num_processes",
        str(num_processes),
        "--num_machines",
        "1",
        "--machine_rank",
        "0",
        *program,
        *cli_args,
    ]


def stream(
    command: Sequence[str], echo: Callable[[str], None], env: dict[str, str] | None = None, keep: int = 40
) -> int:
    """Run `command`, pass each line of its stdout and stderr to `echo` as it comes; return its exit code.

    If the caller is interrupted (a cancelled flow run), the launcher gets SIGTERM, which torchrun
    passes on to the training processes (each in a session of its own), and SIGKILL `STOP_GRACE_S`
    later if it is still there. A non-zero exit raises `LaunchError` with the last `keep` lines."""
    tail: list[str] = []
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        env=env,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip("\n")
            echo(line)
            tail = [*tail[-(keep - 1) :], line]
        code = process.wait()
    except BaseException:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        raise
    if code != 0:
        raise LaunchError(f"`{' '.join(command[:8])} ...` exited with {code}; last lines:\n" + "\n".join(tail))
    return code


def launch_training(
    settings: Settings,
    manifest_dir: str | Path,
    echo: Callable[[str], None] = print,
    env: dict[str, str] | None = None,
) -> TrainResult:
    """`flutter-rl train --manifest manifest_dir` in `[train] num_processes` processes of the
    `[train] accelerate_config` layout; the result is read from the run folder."""
    import torch

    from flutter_rl.curate import Manifest

    config = accelerate_config(settings.train.accelerate_config)
    check_layout(config_layout(config), settings, cuda=torch.cuda.is_available())
    output_dir = training_dir(settings, Manifest.load(manifest_dir).version)
    output_dir.mkdir(parents=True, exist_ok=True)
    settings_file = output_dir / SETTINGS_FILE
    write_settings_file(settings, settings_file)
    cli_args = ["--config", str(settings_file), "--manifest", str(manifest_dir)]
    stream(launch_command(config, settings.train.num_processes, cli_args), echo, env=env)
    run_id_file = output_dir / RUN_ID_FILE
    run_id = run_id_file.read_text().strip() if run_id_file.is_file() else None
    return TrainResult(output_dir, checkpoints_in(output_dir), run_id)
