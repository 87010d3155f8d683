"""Wall time of the evaluation sweep's generation per checkpoint: the base and one LoRA adapter.

The sweep's own generation path (`flutter_rl.evaluate.generate.LazyPolicy`, `generate_all`) on the
random-weight Qwen3-VL-8B of `grpo_step_time.py` loaded as the pipeline loads it (`[model]`
defaults: NF4 + bf16 compute), `--screens` eval screenshots (the committed examples, cycled), greedy
(`[eval] temperature = 0`), `--max-new-tokens` (default `[eval]`'s 2,048), `--batch-size` and
`--generation-cache` as `[eval]`'s. The adapter is a LoRA of `[model]`'s rank and targets with
random non-zero weights, saved like a GRPO checkpoint's, so its unmerged layers run as a trained
one's would. A checkpoint's wall time runs from attaching its adapter to its last completion:
compilation (a static cache compiles per checkpoint, the sweep resets torch._dynamo between them),
every batch, and the format reward of each completion (the rendering reward is measured apart:
Part A's score_batch throughput). Greedy decoding of random weights may repeat special tokens that
decode to nothing (`mean_completion_chars`), so the measurement is the wall time, not a token count.

    python benchmarks/gpu/eval_time.py --generation-cache static --batch-size 100 --out /tmp/eval_time.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import torch
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))

from grpo_step_time import build_reference_checkpoint  # noqa: E402

from flutter_rl.evaluate.generate import LazyPolicy, generate_batches  # noqa: E402
from flutter_rl.evaluate.sharding import batch_starts, gather_completions  # noqa: E402
from flutter_rl.reward.format import format_score  # noqa: E402
from flutter_rl.settings import Settings  # noqa: E402
from flutter_rl.train.generation_cache import compile_seconds, compiled_graphs  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", default="/tmp/qwen3-vl-8b-random", help="built here when it has no config.json")
    parser.add_argument("--screens", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=None, help="default: [eval] batch_size")
    parser.add_argument("--max-new-tokens", type=int, default=None, help="default: [eval] max_new_tokens")
    parser.add_argument("--generation-cache", choices=["dynamic", "static"], default="static")
    parser.add_argument(
        "--checkpoints",
        default="base,adapter",
        help="which checkpoints to time, in order (one 600 s device call fits one of them at 100 screens)",
    )
    parser.add_argument("--out", default="eval_time.json")
    args = parser.parse_args()
    args.checkpoints = [name.strip() for name in args.checkpoints.split(",")]
    unknown = sorted(set(args.checkpoints) - {"base", "adapter"})
    if unknown:  # before building or loading an 8B model
        parser.error(f"--checkpoints: unknown {unknown}; choose from base, adapter")
    return args


def save_random_adapter(settings: Settings, out_dir: Path) -> None:
    """A LoRA adapter of `[model]`'s rank and targets on the NF4 policy, lora_B random (not the zero
    of a fresh adapter, which would only add zeros), saved as a checkpoint's adapter."""
    from peft import get_peft_model

    from flutter_rl.train.policy import load_policy, lora_config

    base, _ = load_policy(settings.model)
    model = get_peft_model(base, lora_config(settings.model))
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "lora_B" in name:
                param.normal_(0.0, 1e-3)
    model.save_pretrained(out_dir)
    del model, base
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def screenshots(count: int) -> list[Image.Image]:
    pngs = sorted((REPO / "flutter_renderer" / "examples").glob("*.png"))
    return [Image.open(pngs[index % len(pngs)]).convert("RGB") for index in range(count)]


def main() -> int:
    args = parse_args()
    settings = Settings()
    settings.model.name = args.model_dir
    settings.eval.temperature = 0.0
    settings.eval.generation_cache = args.generation_cache
    settings.eval.batch_size = args.batch_size or settings.eval.batch_size
    settings.eval.max_new_tokens = args.max_new_tokens or settings.eval.max_new_tokens
    model_dir = Path(args.model_dir)
    if not (model_dir / "config.json").exists():
        build_reference_checkpoint(model_dir, settings.model.max_pixels)
    adapter_dir = None
    if "adapter" in args.checkpoints:
        adapter_dir = Path(tempfile.mkdtemp(prefix="eval-adapter-"))
        save_random_adapter(settings, adapter_dir)
    images = screenshots(args.screens)
    cuda = torch.cuda.is_available()
    policy = LazyPolicy(settings.model, settings.eval)
    started = time.perf_counter()
    with policy.generator(None):  # loading the base (and its dequantized copy) is done once per sweep
        pass
    load_s = time.perf_counter() - started
    rows = []
    for name in args.checkpoints:
        weights = adapter_dir if name == "adapter" else None
        if cuda:
            torch.cuda.reset_peak_memory_stats()
        began, compile_before = time.perf_counter(), compile_seconds()
        batches: list[float] = []
        with policy.generator(weights) as generate:

            def timed(batch, generate=generate, batches=batches):
                batch_started = time.perf_counter()
                out = generate(batch)
                batches.append(round(time.perf_counter() - batch_started, 1))
                return out

            size = settings.eval.batch_size
            by_start = generate_batches(timed, images, size, batch_starts(len(images), size, (0, 1)))
            completions = gather_completions(by_start, len(images), 1)
            graphs, compile_s = compiled_graphs(), compile_seconds() - compile_before  # before the sweep's dynamo reset
        reward_started = time.perf_counter()
        formats = [format_score(c) for c in completions]
        reward_s = time.perf_counter() - reward_started
        wall = time.perf_counter() - began
        rows.append(
            {
                "checkpoint": name,
                "wall_s": round(wall, 1),
                "batch_s": batches,
                "compile_s": round(compile_s, 1),
                "compiled_graphs": graphs,
                "format_reward_s": round(reward_s, 3),
                "mean_format": sum(formats) / len(formats),
                "empty_completions": sum(1 for c in completions if not c),
                "mean_completion_chars": round(sum(len(c) for c in completions) / len(completions), 1),
                "peak_gpu_memory_gib": round(torch.cuda.max_memory_allocated() / 2**30, 2) if cuda else None,
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    report = {
        "device": torch.cuda.get_device_name(0) if cuda else "cpu",
        "screens": args.screens,
        "batch_size": settings.eval.batch_size,
        "max_new_tokens": settings.eval.max_new_tokens,
        "generation_cache": args.generation_cache,
        "base_load_s": round(load_s, 1),
        "checkpoints": rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
