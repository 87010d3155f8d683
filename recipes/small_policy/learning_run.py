"""Issue 10 Part C on the GPU loan: SFT warm-up, then GRPO, of a small Qwen3-VL trained from scratch.

The pipeline's own stages with the `small` preset of pipeline.toml (full fine-tuning, reward 0.8 x
structure + 0.2 x format rendered by the embedded renderer): `make_policy` builds the random ~10M
parameter policy with a tokenizer trained on the train split's code, `sft_warmup` trains it on
(screenshot, code) pairs, `train_grpo` continues from the warm-up. The train split comes from
`learning_data.py` (a folder with `train.parquet` and `images/`). Everything ends inside one call: SFT
stops at `[train.sft] max_steps` or `--sft-seconds`, GRPO at `[train] max_steps` or `--deadline`
seconds after the start (the time SFT did not use goes to GRPO). Finally the SFT model and the GRPO
checkpoints that fit (bf16 weights + processor files) are packed into <= 15 MiB tar parts under
`--out`, with `learning_summary.json` (timings, steps, every trainer log): the loan returns at most 8
files and 64 MiB. `learning_unpack.py` puts them back together.

    python recipes/small_policy/learning_run.py --data .device/partc --work /tmp/partc --out $OUT --deadline 530
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

import pandas as pd
import torch
from transformers import TrainerCallback

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from flutter_rl.settings import Settings, load_settings  # noqa: E402
from flutter_rl.train.run import train_rows  # noqa: E402
from flutter_rl.train.sft import SFT_MODEL_DIR  # noqa: E402
from flutter_rl.train.time_limit import TimeLimit  # noqa: E402
from flutter_rl.train.tiny_policy import SIZES  # noqa: E402

PRESET = "small"
PART_BYTES = 15 * 2**20  # each returned file is at most 16 MiB
PACK_BUDGET = 58 * 2**20  # all returned files are at most 64 MiB; the log and summary need the rest
PACK_SECONDS = 30  # kept free before the deadline for exporting and packing
TAR_NAME = "learning_models.tar"
SUMMARY_NAME = "learning_summary.json"
# A checkpoint folder's files that are not needed to load it for generation.
TRAINING_STATE = ("optimizer.pt", "scheduler.pt", "rng_state.pth", "training_args.bin", "model.safetensors")


class LogCollector(TrainerCallback):
    """Keeps every trainer log with its step: `sft_warmup` returns the model, not its log history."""

    def __init__(self) -> None:
        self.logs: list[dict[str, Any]] = []

    def on_log(self, args, state, control, logs=None, **kwargs):
        if logs:
            self.logs.append({"step": state.global_step, **logs})


def load_rows(data_dir: Path) -> list[dict[str, Any]]:
    """The exported train split as training rows (prompt, image, id, screen_type, difficulty, reference_code)."""
    frame = pd.read_parquet(data_dir / "train.parquet")
    frame["image_path"] = [str(data_dir / p) for p in frame["image_path"]]
    return train_rows(frame)


def ensure_policy(settings: Settings, rows: list[dict[str, Any]], size: str) -> None:
    """Build the random policy at `[model] name` with a tokenizer trained on the rows' code, unless it exists."""
    from flutter_rl.train.tiny_policy import make_policy

    if not (Path(settings.model.name) / "config.json").is_file():
        corpus = [row["reference_code"] for row in rows]
        make_policy(
            settings.model.name,
            SIZES[size],
            seed=settings.train.seed,
            max_pixels=settings.model.max_pixels,
            corpus=corpus,
        )


def run_sft(settings: Settings, rows: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    """The warm-up alone (the pipeline's `sft_warmup`), stopped after `seconds`; its report."""
    from flutter_rl.train.policy import load_policy, trainable_parameters
    from flutter_rl.train.sft import sft_warmup

    started = time.perf_counter()
    model, processor = load_policy(settings.model)
    trainable, total = trainable_parameters(model)
    logs, limit = LogCollector(), TimeLimit(seconds)
    sft_warmup(model, processor, rows, settings, Path(settings.train.output_dir), callbacks=[logs, limit])
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "trainable_params": trainable,
        "total_params": total,
        "max_steps": settings.train.sft.max_steps,
        "stopped_by_time_at": limit.stopped_at,
        "logs": logs.logs,
    }


def run_grpo(settings: Settings, rows: list[dict[str, Any]], limit: TimeLimit) -> dict[str, Any]:
    """GRPO from the saved warm-up (the pipeline's `train_grpo` and reward functions), stopped by
    `limit`; skipped with the reason when there is no warm-up or the renderer does not render a
    known-good screen."""
    from flutter_renderer.render import make_backend
    from flutter_rl.reward import make_reward_functions
    from flutter_rl.train.grpo import train_grpo

    started = time.perf_counter()
    if not (Path(settings.train.output_dir) / SFT_MODEL_DIR / "config.json").is_file():
        return {"skipped": f"no SFT warm-up in {settings.train.output_dir} (run --stage sft first)"}
    with make_backend(settings) as backend:
        probe = backend.render_batch([rows[0]["reference_code"]])[0]
        if not probe.ok:
            return {"skipped": f"the renderer failed on a reference screen: {probe.error_kind}: {probe.message}"}
        reward_funcs, reward_weights = make_reward_functions(settings, backend)
        result = train_grpo(settings, rows, reward_funcs, reward_weights, tracking_uri=None, callbacks=[limit])
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "max_steps": settings.train.max_steps,
        "stopped_by_time_at": limit.stopped_at,
        "checkpoints": [p.name for p in result.checkpoints],
        "logs": result.log_history,
    }


def export_bf16(source: Path, target: Path) -> None:
    """Copy a saved model folder with its weights in bf16 and without optimizer/trainer state."""
    from transformers import AutoModelForImageTextToText

    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*TRAINING_STATE))
    AutoModelForImageTextToText.from_pretrained(source, dtype=torch.bfloat16).save_pretrained(target)


def choose_checkpoints(checkpoints: list[Path], each_bytes: int, budget: int) -> list[Path]:
    """As many checkpoints as fit in `budget`, evenly spaced over the run and always the last one."""
    n, fits = len(checkpoints), budget // max(each_bytes, 1)
    if fits >= n:
        return list(checkpoints)
    return [checkpoints[(n - 1) * j // fits] for j in range(1, fits + 1)]


def pack(train_dir: Path, work: Path, out: Path) -> list[str]:
    """Export the SFT model and the GRPO checkpoints that fit to bf16, tar them, split into parts."""
    from flutter_rl.train.grpo import checkpoints_in

    staging = work / "pack"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    sft = train_dir / SFT_MODEL_DIR
    if not (sft / "config.json").is_file():
        return []
    export_bf16(sft, staging / SFT_MODEL_DIR)
    each = sum(p.stat().st_size for p in (staging / SFT_MODEL_DIR).rglob("*") if p.is_file())
    for checkpoint in choose_checkpoints(checkpoints_in(train_dir), each, PACK_BUDGET - each):
        export_bf16(checkpoint, staging / checkpoint.name)
    tar_path = work / TAR_NAME
    with tarfile.open(tar_path, "w") as tar:
        for folder in sorted(staging.iterdir()):
            tar.add(folder, arcname=folder.name)
    parts = []
    with open(tar_path, "rb") as whole:
        for index, block in enumerate(iter(lambda: whole.read(PART_BYTES), b"")):
            part = out / f"{TAR_NAME}.part{index:02d}"
            part.write_bytes(block)
            parts.append(part.name)
    return parts


def settings_for(args: argparse.Namespace) -> Settings:
    """The `small` preset with `--set` overrides; the policy and run folders under `--work`."""
    overrides = dict(item.split("=", 1) for item in args.set)
    overrides.setdefault("model.name", str(Path(args.work) / "policy"))
    overrides.setdefault("train.output_dir", str(Path(args.work) / "train"))
    return load_settings(REPO / "pipeline.toml", preset=PRESET, overrides=overrides)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder written by learning_data.py (train.parquet + images/)")
    parser.add_argument("--work", default="/tmp/partc", help="policy, training runs and staging (default /tmp/partc)")
    parser.add_argument("--out", required=True, help="where the packed models and the summary go ($OUT on the loan)")
    parser.add_argument("--stage", choices=("sft", "grpo", "all"), default="all")
    parser.add_argument("--size", choices=sorted(SIZES), default="small", help="architecture of the random policy")
    parser.add_argument("--sft-seconds", type=float, default=240.0, help="SFT stops after this long")
    parser.add_argument(
        "--deadline", type=float, default=530.0, help="seconds from start by which everything is packed"
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="settings override, e.g. renderer.workers=8"
    )
    args = parser.parse_args()

    started = time.monotonic()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = settings_for(args)
    rows = load_rows(Path(args.data))
    summary: dict[str, Any] = {
        "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
        "train_rows": len(rows),
        "settings": settings.to_toml_dict(),
        "size": args.size,
    }
    try:
        ensure_policy(settings, rows, args.size)
        if args.stage in ("sft", "all"):
            summary["sft"] = run_sft(settings, rows, args.sft_seconds)
            print(f"SFT done in {summary['sft']['seconds']} s", flush=True)
        if args.stage in ("grpo", "all"):
            summary["grpo"] = run_grpo(settings, rows, TimeLimit(args.deadline - PACK_SECONDS, started=started))
            print(f"GRPO: {summary['grpo'].get('skipped') or str(summary['grpo']['seconds']) + ' s'}", flush=True)
    finally:
        if torch.cuda.is_available():
            summary["peak_gpu_memory_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
        summary["parts"] = pack(Path(settings.train.output_dir), Path(args.work), out)
        summary["wall_seconds"] = round(time.monotonic() - started, 1)
        (out / SUMMARY_NAME).write_text(json.dumps(summary, indent=1, default=str))
        print(f"packed {summary['parts']} in {summary['wall_seconds']} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
