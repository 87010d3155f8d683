"""Time GRPO steps of the tiny offline policy on this machine: the split of one optimizer step.

    .venv/bin/python benchmarks/train_step_bench.py [--steps 4] [--lengths 16 64 256]

For each `max_completion_length`, trains `--steps` GRPO steps (2 prompts x `num_generations` 2, a
format-regex reward, no MLflow) and prints the median seconds per step of generation, reward, update
and the whole step, leaving out the first (warm-up) step. The tiny policy is a random 2-layer
Qwen3-VL, so completions always run to the length limit: this measures the pipeline, not a real model.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from flutter_rl.settings import load_settings
from flutter_rl.train.grpo import train_grpo
from flutter_rl.train.prompt import build_example
from flutter_rl.train.tiny_policy import make_tiny_policy

PHASES = ("time/generation", "time/reward", "time/update", "time/step")


def format_reward(prompts, completions, **_) -> list[float]:
    """1 when the completion imports Flutter's material library, else 0."""
    return [float(bool(re.search(r"import 'package:flutter", c[0]["content"]))) for c in completions]


def screenshot(seed: int) -> Image.Image:
    image = Image.new("RGB", (390, 844), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 390, 56), fill=("#1565c0", "#2e7d32", "#c62828")[seed % 3])
    for row in range(4):
        draw.rectangle((16, 80 + row * 100, 374, 160 + row * 100), fill="#eeeeee")
    return image


def bench(policy: Path, work: Path, length: int, steps: int) -> dict[str, float]:
    settings = load_settings(
        Path(__file__).resolve().parents[1] / "pipeline.toml",
        preset="tiny",
        environ={},
        overrides={
            "model.name": str(policy),
            "train.output_dir": str(work / f"len-{length}"),
            "train.max_steps": steps,
            "train.save_steps": steps,
            "train.max_completion_length": length,
            "train.num_generations": 2,
            "train.per_device_train_batch_size": 4,
        },
    )
    rows = [build_example(screenshot(i)) for i in range(8)]
    result = train_grpo(settings, rows, [format_reward], [1.0], tracking_uri=None)
    logged = [h for h in result.log_history if "time/step" in h][1:]
    return {phase: statistics.median(h[phase] for h in logged) for phase in PHASES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--lengths", type=int, nargs="+", default=[16, 64, 256])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        policy = make_tiny_policy(Path(tmp) / "policy")
        rows = [(length, bench(policy, Path(tmp), length, args.steps)) for length in args.lengths]
    print(f"\nGRPO step split, tiny policy, 4 completions per step, median of steps 2..{args.steps} (seconds)")
    print(f"| max_completion_length | {' | '.join(p.split('/')[1] for p in PHASES)} |")
    print(f"|---:|{'---:|' * len(PHASES)}")
    for length, times in rows:
        print(f"| {length} | {' | '.join(f'{times[p]:.3f}' for p in PHASES)} |")


if __name__ == "__main__":
    main()
