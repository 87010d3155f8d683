"""GRPO step time of the reference architecture on one GPU, split into generation / reward / update.

Speed does not depend on weight values, so the model is Qwen3-VL-8B-Instruct's published
architecture (`qwen3_vl_8b_config.json`) with random weights, saved once, then loaded through the
pipeline's own `load_policy` (4-bit NF4, double quant, bf16 compute, LoRA r=64 / alpha=128) and
trained by the pipeline's `train_grpo` with the seed's settings (G=4, beta 0.1, max completion 2048,
batch 4 x accumulation 4, gradient checkpointing). Prompts are the committed example screenshots.
The reward here is the format reward alone: the renderer is measured separately (render_bench.py),
and random weights never write code that renders, so rendering would cost a syntax check per sample.

    python benchmarks/gpu/grpo_step_time.py --steps 2 --out /tmp/step_time.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import torch
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from flutter_rl.reward.format import format_score  # noqa: E402
from flutter_rl.settings import Settings  # noqa: E402
from flutter_rl.train.prompt import build_example  # noqa: E402
from flutter_rl.train.tiny_policy import SPECIAL_TOKENS, build_processor, build_tokenizer  # noqa: E402

CONFIG = Path(__file__).with_name("qwen3_vl_8b_config.json")


def build_reference_checkpoint(out_dir: Path, max_pixels: int) -> float:
    """Random-weight Qwen3-VL-8B + the offline processor, saved to `out_dir`; returns seconds taken."""
    from transformers import GenerationConfig, Qwen3VLConfig, Qwen3VLForConditionalGeneration

    started = time.perf_counter()
    tokenizer = build_tokenizer()
    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in SPECIAL_TOKENS}
    spec = json.loads(CONFIG.read_text())
    spec.pop("_comment")
    spec["text_config"].update(pad_token_id=ids["<|endoftext|>"], eos_token_id=ids["<|im_end|>"])
    config = Qwen3VLConfig(
        **spec,
        image_token_id=ids["<|image_pad|>"], video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"], vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(0)
    with torch.device("cuda"):
        model = Qwen3VLForConditionalGeneration(config).to(torch.bfloat16)
    model.generation_config = GenerationConfig(eos_token_id=ids["<|im_end|>"], pad_token_id=ids["<|endoftext|>"], do_sample=True)
    model.save_pretrained(out_dir)
    build_processor(tokenizer, max_pixels=max_pixels).save_pretrained(out_dir)
    del model
    torch.cuda.empty_cache()
    return time.perf_counter() - started


def format_reward(prompts, completions, **_) -> list[float]:
    return [format_score(c) for c in completions]


def screenshot_rows(count: int) -> list[dict]:
    pngs = sorted((REPO / "flutter_renderer" / "examples").glob("*.png"))
    rows = []
    for index in range(count):
        path = pngs[index % len(pngs)]
        with Image.open(path) as image:
            rows.append(build_example(image.convert("RGB"), id=path.stem, screen_type=path.stem, difficulty="easy", reference_code=""))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--model-dir", default="/tmp/qwen3-vl-8b-random")
    parser.add_argument("--out", default="step_time.json")
    parser.add_argument("--build-only", action="store_true", help="build and save the random checkpoint, then stop")
    parser.add_argument("--completion-length", type=int, default=None, help="default: [train] max_completion_length (2048)")
    args = parser.parse_args()

    from flutter_rl.train.grpo import train_grpo

    settings = Settings()  # the seed's values: see pipeline.toml
    settings.model.name = args.model_dir
    settings.train.max_steps = args.steps
    settings.train.max_completion_length = args.completion_length or settings.train.max_completion_length
    settings.train.save_steps = 10_000
    settings.train.output_dir = "/tmp/grpo-step-time"
    model_dir = Path(args.model_dir)
    build_s = 0.0 if (model_dir / "config.json").exists() else build_reference_checkpoint(model_dir, settings.model.max_pixels)
    if args.build_only:
        print(f"checkpoint at {model_dir} (built in {build_s:.0f} s)")
        return 0

    started = time.perf_counter()
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    prompts_per_step = settings.train.per_device_train_batch_size * settings.train.gradient_accumulation_steps // settings.train.num_generations
    result = train_grpo(settings, screenshot_rows(prompts_per_step * args.steps), [format_reward], [1.0], None)
    steps = [row for row in result.log_history if "time/step" in row]
    report = {
        "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
        "build_and_save_s": round(build_s, 1),
        "train_wall_s": round(time.perf_counter() - started, 1),
        "peak_gpu_memory_gib": round(torch.cuda.max_memory_allocated() / 2**30, 2) if torch.cuda.is_available() else None,
        "settings": {k: getattr(settings.train, k) for k in ("num_generations", "max_completion_length", "per_device_train_batch_size",
                                                            "gradient_accumulation_steps", "beta", "gradient_checkpointing")},
        "steps": steps,
    }
    for key in ("time/step", "time/generation", "time/reward", "time/update", "completions/mean_length"):
        values = [row[key] for row in steps if key in row]
        if values:
            report[f"median {key}"] = statistics.median(values)
    completions = settings.train.per_device_train_batch_size * settings.train.gradient_accumulation_steps
    if "median time/generation" in report:
        report["generated_tokens_per_s"] = round(completions * report["median completions/mean_length"] / report["median time/generation"], 1)
    Path(args.out).write_text(json.dumps(report, indent=2, default=str))
    print(f"{'metric':34s} value")
    for key, value in report.items():
        if key not in ("steps", "settings"):
            print(f"{key:34s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
