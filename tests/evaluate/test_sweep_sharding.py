"""A sweep sharded over processes generates exactly what one process generates: the batches are the
single-process batches, each sampled batch is seeded from its own first index, and the main process
gathers every completion in screen order (over real gloo processes here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from flutter_rl.evaluate.generate import LazyPolicy, generate_batches
from flutter_rl.evaluate.sharding import batch_starts
from flutter_rl.settings import EvalSettings, ModelSettings, load_settings
from flutter_rl.train.launch import accelerate_config, launch_command, write_settings_file
from flutter_rl.train.tiny_policy import make_tiny_policy

from .conftest import write_manifest  # noqa: TID252

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("count,batch,world", [(5, 2, 2), (7, 2, 3), (4, 4, 2), (1, 3, 2)])
def test_the_processes_share_every_batch_once(count, batch, world):
    shares = [batch_starts(count, batch, (rank, world)) for rank in range(world)]
    assert sorted(start for share in shares for start in share) == list(range(0, count, batch))


def test_sampled_completions_do_not_depend_on_the_number_of_processes(tmp_path: Path):
    policy = LazyPolicy(
        ModelSettings(name=str(make_tiny_policy(tmp_path / "policy")), load_in_4bit=False, max_pixels=65536),
        EvalSettings(max_new_tokens=8, temperature=1.0, seed=5, batch_size=2),
    )
    images = [Image.new("RGB", (90, 180), color) for color in ("#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00")]

    def in_order(batches: dict[int, list[str]]) -> list[str]:
        return [text for start in sorted(batches) for text in batches[start]]

    with policy.generator(None) as generate:
        alone = in_order(generate_batches(generate, images, 2, batch_starts(len(images), 2, (0, 1)), seed=5))
        shares = [
            generate_batches(generate, images, 2, batch_starts(len(images), 2, (rank, 2)), seed=5) for rank in (1, 0)
        ]
        unseeded = in_order(generate_batches(generate, images, 2, batch_starts(len(images), 2, (0, 1))))
    assert in_order({start: texts for share in shares for start, texts in share.items()}) == alone
    assert len(set(alone)) > 1 and unseeded != alone  # sampled, and the seed is what makes them repeat


GATHER = """
import json, os
import torch.distributed as dist
from flutter_rl.evaluate.sharding import batch_starts, gather_completions
dist.init_process_group("gloo")
rank, world, count = dist.get_rank(), dist.get_world_size(), 7
local = {start: [f"c{i}" for i in range(start, min(start + 2, count))] for start in batch_starts(count, 2, (rank, world))}
with open(os.path.join(os.environ["GATHER_OUT"], f"rank{rank}.json"), "w") as out:  # not stdout: ranks share it
    json.dump({"rank": rank, "gathered": gather_completions(local, count, world)}, out)
dist.destroy_process_group()
"""


def test_the_main_process_gathers_every_completion_in_screen_order(tmp_path: Path):
    script = tmp_path / "gather.py"
    script.write_text(GATHER)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "torch.distributed.run",
            "--nproc_per_node",
            "3",
            "--master_port",
            str(_free_port()),
            str(script),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "OMP_NUM_THREADS": "1", "GATHER_OUT": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [json.loads((tmp_path / f"rank{rank}.json").read_text()) for rank in range(3)]
    assert lines == [
        {"rank": 0, "gathered": [f"c{i}" for i in range(7)]},
        {"rank": 1, "gathered": None},
        {"rank": 2, "gathered": None},
    ]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.e2e
@pytest.mark.timeout(1200)
def test_a_sweep_launched_in_two_processes_gives_the_single_process_table(tmp_path: Path):
    """`run_sweep` of the sampled tiny policy under `accelerate launch --num_processes 2` (CPU, gloo)
    and in one plain process: the same per-sample table, completions and scores included."""
    manifest = write_manifest(tmp_path / "data", count=5)
    policy = make_tiny_policy(tmp_path / "policy")
    (tmp_path / "train").mkdir()
    script = Path(__file__).with_name("launched_sweep.py")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "OMP_NUM_THREADS": "1"}
    tables = {}
    for name, processes in (("one", 1), ("two", 2)):
        settings = load_settings(
            REPO_ROOT / "pipeline.toml",
            preset="tiny",
            environ={},
            overrides={
                "model.name": str(policy),
                "eval.temperature": 1.0,
                "eval.max_new_tokens": 8,
                "eval.batch_size": 2,
                "eval.seed": 3,
                "eval.output_dir": str(tmp_path / f"eval-{name}"),
            },
        )
        settings_file = tmp_path / f"{name}.toml"
        write_settings_file(settings, settings_file)
        args = [str(settings_file), str(manifest), str(tmp_path / "train"), str(tmp_path / f"{name}.json")]
        command = (
            launch_command(accelerate_config("ddp"), 2, args, program=[str(script)])
            if processes == 2
            else [sys.executable, str(script), *args]
        )
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        tables[name] = json.loads((tmp_path / f"{name}.json").read_text())
    assert len(tables["one"]) == 5 and len({row["completion"] for row in tables["one"]}) > 1
    pd.testing.assert_frame_equal(pd.DataFrame(tables["two"]), pd.DataFrame(tables["one"]))  # NaN == NaN here
