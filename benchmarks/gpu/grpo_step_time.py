"""GRPO step time of the reference architecture on one GPU, split into generation / reward / update.

Speed does not depend on weight values, so the model is Qwen3-VL-8B-Instruct's published
architecture (`qwen3_vl_8b_config.json`) with random weights, saved once, then loaded through the
pipeline's own `load_policy` (4-bit NF4, double quant, bf16 compute, LoRA r=64 / alpha=128) and
trained by the pipeline's `train_grpo` with the seed's settings (G=4, beta 0.1, max completion 2048,
batch 4 x accumulation 4, gradient checkpointing). Prompts are the committed example screenshots.
The reward here is the format reward alone: the renderer is measured separately (render_bench.py),
and random weights never write code that renders, so rendering would cost a syntax check per sample.
`--generation-model` picks `[train] generation_model` (`policy`: HF generate on the NF4 policy;
`dequantized_copy`: on its dequantized copy, LoRA unmerged; `merged_copy`: LoRA merged into it) and
`--generation-cache` `[train] generation_cache` (`static`: a static KV cache and a compiled forward).
`--attention sdpa` turns off the static cache's grouped decoding step (`decode_attention`, on by
default) to measure what it saves. `--compare` measures several configurations, `MODEL`,
`MODEL+static` or `MODEL+static+sdpa`, each in its own process
within `--budget-s` seconds, and prints the table with the speed-ups against the first one. With a
static cache the report has the compiled graphs after each step (torch._dynamo's count: one compile
for the run means it stays constant), dynamo's compile seconds, and the first step apart from the
median of the later ones (the compilation, amortized over `--amortize-steps`).

    python benchmarks/gpu/grpo_step_time.py --steps 2 --out /tmp/step_time.json
    python benchmarks/gpu/grpo_step_time.py --compare dequantized_copy,dequantized_copy+static,merged_copy+static \
        --steps 2 --out /tmp/compare.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import typing
from pathlib import Path

import torch
from PIL import Image
from transformers import TrainerCallback

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from flutter_rl.reward.format import format_score  # noqa: E402
from flutter_rl.settings import Settings, TrainSettings  # noqa: E402
from flutter_rl.train.generation_cache import compile_seconds, compiled_graphs  # noqa: E402
from flutter_rl.train.prompt import build_example  # noqa: E402
from flutter_rl.train.tiny_policy import SPECIAL_TOKENS, build_processor, build_tokenizer  # noqa: E402

CONFIG = Path(__file__).with_name("qwen3_vl_8b_config.json")
GENERATION_MODELS = typing.get_args(TrainSettings.model_fields["generation_model"].annotation)
GENERATION_CACHES = typing.get_args(TrainSettings.model_fields["generation_cache"].annotation)
ATTENTIONS = ("grouped", "sdpa")


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
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(0)
    with torch.device("cuda"):
        model = Qwen3VLForConditionalGeneration(config).to(torch.bfloat16)
    model.generation_config = GenerationConfig(
        eos_token_id=ids["<|im_end|>"], pad_token_id=ids["<|endoftext|>"], do_sample=True
    )
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
            rows.append(
                build_example(
                    image.convert("RGB"), id=path.stem, screen_type=path.stem, difficulty="easy", reference_code=""
                )
            )
    return rows


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument(
        "--model-dir",
        default="/tmp/qwen3-vl-8b-random",
        help="built here when it has no config.json; any saved Qwen3-VL works (e.g. the tiny policy)",
    )
    parser.add_argument("--out", default="step_time.json")
    parser.add_argument("--build-only", action="store_true", help="build and save the random checkpoint, then stop")
    parser.add_argument(
        "--completion-length", type=int, default=None, help="default: [train] max_completion_length (2048)"
    )
    parser.add_argument(
        "--generation-model", choices=GENERATION_MODELS, default="policy", help="[train] generation_model"
    )
    parser.add_argument(
        "--generation-cache", choices=GENERATION_CACHES, default="dynamic", help="[train] generation_cache"
    )
    parser.add_argument(
        "--compare",
        default="",
        help="comma-separated configurations MODEL or MODEL+static, each measured in its own process "
        "in this order, e.g. dequantized_copy,merged_copy+static",
    )
    parser.add_argument(
        "--budget-s",
        type=float,
        default=1e9,
        help="--compare: stop a configuration that would run past this many seconds from the start",
    )
    parser.add_argument("--amortize-steps", type=int, default=480, help="steps a run's compile time is spread over")
    parser.add_argument(
        "--attention",
        choices=ATTENTIONS,
        default="grouped",
        help="grouped: the pipeline's static-cache decoding attention (sdpa_grouped_decode); sdpa: transformers' own",
    )
    return parser.parse_args()


def configuration(model: str, cache: str, attention: str = "grouped") -> str:
    """The name of a measured configuration: `MODEL`, `MODEL+CACHE` (a non-default cache) and `+sdpa`
    when the grouped decoding step is off."""
    return "+".join([model] + ([cache] if cache != "dynamic" else []) + ([attention] if attention != "grouped" else []))


def parse_configuration(name: str) -> tuple[str, str, str] | None:
    """(generation model, cache, attention) of a `--compare` name, None when it is not one."""
    model, *options = name.split("+")
    cache = "static" if "static" in options else "dynamic"
    attention = "sdpa" if "sdpa" in options else "grouped"
    if (
        model not in GENERATION_MODELS
        or set(options) - {"static", "sdpa"}
        or configuration(model, cache, attention) != name
    ):
        return None
    return model, cache, attention


def choose_attention(attention: str) -> dict:
    """Make `train_grpo` use `attention` for static-cache generation; the returned dict is filled with
    the attention implementation the generator ended up with."""
    import flutter_rl.train.grpo as grpo_module
    from flutter_rl.train.decode_attention import use_grouped_decode

    used: dict = {}

    def switch(model) -> bool:
        switched = use_grouped_decode(model) if attention == "grouped" else False
        used["attention"] = model.config._attn_implementation
        return switched

    grpo_module.use_grouped_decode = switch
    return used


class CompileCounter(TrainerCallback):
    """Notes torch._dynamo's compiled graphs and compile seconds after each step."""

    def __init__(self) -> None:
        self.after_step: list[dict] = []

    def on_step_end(self, args, state, control, **kwargs):
        self.after_step.append(
            {"step": state.global_step, "compiled_graphs": compiled_graphs(), "compile_s": round(compile_seconds(), 1)}
        )


def benchmark_settings(args: argparse.Namespace) -> Settings:
    """The seed's settings (pipeline.toml defaults) with this run's model, steps, length and generation model."""
    settings = Settings()
    settings.model.name = args.model_dir
    settings.train.max_steps = args.steps
    settings.train.max_completion_length = args.completion_length or settings.train.max_completion_length
    settings.train.save_steps = 10_000
    settings.train.generation_model = args.generation_model
    settings.train.generation_cache = args.generation_cache
    settings.train.output_dir = tempfile.mkdtemp(prefix="grpo-step-time-")  # fresh: never resume another run
    return settings


def measure(settings: Settings, build_s: float, amortize_steps: int, attention: str = "grouped") -> dict:
    """Train `[train] max_steps` GRPO steps; the report of their time split."""
    import transformers

    from flutter_rl.train.grpo import train_grpo

    used = choose_attention(attention)
    started = time.perf_counter()
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    prompts_per_step = (
        settings.train.per_device_train_batch_size
        * settings.train.gradient_accumulation_steps
        // settings.train.num_generations
    )
    counter = CompileCounter()
    result = train_grpo(
        settings,
        screenshot_rows(prompts_per_step * settings.train.max_steps),
        [format_reward],
        [1.0],
        None,
        callbacks=[counter],
    )
    shutil.rmtree(result.output_dir)  # the final checkpoint (adapter + optimizer, ~2 GB for the 8B)
    steps = [row for row in result.log_history if "time/step" in row]
    report = {
        "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
        "versions": {"torch": torch.__version__, "transformers": transformers.__version__},
        "configuration": configuration(settings.train.generation_model, settings.train.generation_cache, attention),
        "generation_model": settings.train.generation_model,
        "generation_cache": settings.train.generation_cache,
        "generation_attention": used.get("attention", "sdpa (dynamic cache)"),
        "compile_after_step": counter.after_step,
        "build_and_save_s": round(build_s, 1),
        "train_wall_s": round(time.perf_counter() - started, 1),
        "peak_gpu_memory_gib": round(torch.cuda.max_memory_allocated() / 2**30, 2)
        if torch.cuda.is_available()
        else None,
        "settings": {
            k: getattr(settings.train, k)
            for k in (
                "num_generations",
                "max_completion_length",
                "per_device_train_batch_size",
                "gradient_accumulation_steps",
                "beta",
                "gradient_checkpointing",
            )
        },
        "steps": steps,
    }
    for key in (
        "time/step",
        "time/generation",
        "time/generation_sync",
        "time/reward",
        "time/update",
        "completions/mean_length",
    ):
        values = [row[key] for row in steps if key in row]
        if values:
            report[f"median {key}"] = statistics.median(values)
    completions = settings.train.per_device_train_batch_size * settings.train.gradient_accumulation_steps
    if "median time/generation" in report:
        report["generated_tokens_per_s"] = round(
            completions * report["median completions/mean_length"] / report["median time/generation"], 1
        )
    if len(steps) > 1:  # the first step compiles (static cache) and warms up; the later ones are the steady state
        later = {
            key: statistics.median(row[key] for row in steps[1:])
            for key in ("time/step", "time/generation", "completions/mean_length")
        }
        report["first step s"] = steps[0]["time/step"]
        report["later steps median s"] = later["time/step"]
        report["later generation median s"] = later["time/generation"]
        report["later_tokens_per_s"] = round(
            completions * later["completions/mean_length"] / later["time/generation"], 1
        )
        overhead = steps[0]["time/generation"] - later["time/generation"]
        report["first step generation overhead s"] = round(overhead, 1)
        report[f"amortized step s ({amortize_steps} steps)"] = round(
            later["time/step"] + max(overhead, 0.0) / amortize_steps, 1
        )
    return report


def compare(args: argparse.Namespace, configurations: list[tuple[str, str, str]]) -> int:
    """Measure each (generation model, cache) in a fresh process (nothing of one stays in GPU memory for
    the next) within `--budget-s`, write all reports to `--out` after each one, print the table."""
    started = time.perf_counter()
    reports, failed = [], []
    for model, cache, attention in configurations:
        name = configuration(model, cache, attention)
        part = Path(args.out).with_suffix(f".{name.replace('+', '_')}.json")
        command = [
            sys.executable,
            "-u",
            __file__,
            "--generation-model",
            model,
            "--generation-cache",
            cache,
            "--steps",
            str(args.steps),
            "--model-dir",
            args.model_dir,
            "--out",
            str(part),
            "--amortize-steps",
            str(args.amortize_steps),
            "--attention",
            attention,
        ]
        if args.completion_length:
            command += ["--completion-length", str(args.completion_length)]
        left = args.budget_s - (time.perf_counter() - started)
        print(f"== {name} ({left:.0f} s left): {' '.join(command)}", flush=True)
        try:
            code = subprocess.run(command, timeout=max(left, 1)).returncode
        except subprocess.TimeoutExpired:
            code = "timed out"
        if code != 0:
            print(f"== {name}: {code}", flush=True)
            failed.append({"configuration": name, "result": str(code)})
        else:
            reports.append(json.loads(part.read_text()))
        Path(args.out).write_text(
            json.dumps({"reports": reports, "failed": failed, "speedup": speedups(reports)}, indent=2, default=str)
        )
    print_comparison(reports)
    return 1 if failed else 0


def speedups(reports: list[dict]) -> dict:
    """Each configuration against the first one measured: how many times faster, per quantity (the
    steady state: later steps where there are several)."""
    if len(reports) < 2:
        return {}
    base = reports[0]
    step, generation = (
        (lambda r: r.get("later steps median s", r["median time/step"])),
        (lambda r: r.get("later generation median s", r["median time/generation"])),
    )
    return {
        r["configuration"]: {
            "against": base["configuration"],
            "step": round(step(base) / step(r), 2),
            "generation": round(generation(base) / generation(r), 2),
        }
        for r in reports[1:]
    }


def print_comparison(reports: list[dict]) -> None:
    columns = (
        "configuration",
        "step s (first)",
        "step s (later)",
        "generation s (later)",
        "sync s",
        "reward s",
        "update s",
        "mean length",
        "tokens/s (later)",
        "peak GiB",
        "compile s",
        "graphs after each step",
    )
    print(" | ".join(columns))
    for r in reports:
        cells = (
            r["configuration"],
            r.get("first step s", r["median time/step"]),
            r.get("later steps median s", "-"),
            r.get("later generation median s", r["median time/generation"]),
            r.get("median time/generation_sync", "-"),
            r["median time/reward"],
            r["median time/update"],
            r["median completions/mean_length"],
            r.get("later_tokens_per_s", r["generated_tokens_per_s"]),
            r["peak_gpu_memory_gib"],
            r["compile_after_step"][-1]["compile_s"] if r["compile_after_step"] else "-",
            [s["compiled_graphs"] for s in r["compile_after_step"]],
        )
        print(" | ".join(f"{c:.3f}" if isinstance(c, float) else str(c) for c in cells))
    for name, ratio in speedups(reports).items():
        print(f"{name} vs {ratio['against']}: step {ratio['step']}x, generation {ratio['generation']}x")


def main() -> int:
    args = parse_args()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    if args.compare:
        parsed = [(name, parse_configuration(name)) for name in args.compare.split(",")]
        unknown = [name for name, parts in parsed if parts is None]
        if unknown:
            raise SystemExit(
                f"--compare: unknown configurations {unknown}; MODEL, MODEL+static or MODEL+static+sdpa with MODEL in "
                f"{list(GENERATION_MODELS)}"
            )
        return compare(args, [parts for _, parts in parsed])
    settings = benchmark_settings(args)
    model_dir = Path(args.model_dir)
    build_s = (
        0.0
        if (model_dir / "config.json").exists()
        else build_reference_checkpoint(model_dir, settings.model.max_pixels)
    )
    if args.build_only:
        print(f"checkpoint at {model_dir} (built in {build_s:.0f} s)")
        return 0
    report = measure(settings, build_s, args.amortize_steps, args.attention)
    Path(args.out).write_text(json.dumps(report, indent=2, default=str))
    print(f"{'metric':34s} value")
    for key, value in report.items():
        if key not in ("steps", "settings", "compile_after_step"):
            print(f"{key:34s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
