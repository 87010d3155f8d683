"""Milliseconds per compiled decoding step of the 8B generation copy, per attention implementation.

What GRPO's `dequantized_copy` + `generation_cache = "static"` decodes with, isolated: Qwen3-VL-8B's
published architecture (`qwen3_vl_8b_config.json`) with random bf16 weights made on the GPU (nothing
is saved or loaded), the seed's unmerged LoRA (r=64, alpha=128 on the language model's seven
projections), a batch of 16 sequences, a static cache of `--cache-len` positions (the GRPO run's bound:
the offline processor's prompt bound at `[model] max_pixels`, 1,205 tokens, plus 2,048 new ones) and transformers' compiled
decoding forward (`CompileConfig()` defaults, as the pipeline uses). Sampling as TRL samples
(temperature 1, no top-k / top-p).

Per attention (`sdpa_grouped_decode`, then transformers' `sdpa`), in one process: a warm-up generate
of `--short` tokens (compilation and CUDA-graph capture), then generates of `--short` and `--short +
--steps` tokens; the difference over `--steps` is the decoding step, prefill excluded. Greedy tokens
of both attentions for the same prompts are compared as a fidelity check. Needs torch, transformers
and peft only (the GPU machine has them). The JSON is rewritten after each attention.

`--fidelity` measures instead how far each compiled attention's decoding step is from the uncompiled
dynamic-cache one (transformers' eager `sdpa`, what `generation_cache = "dynamic"` runs): greedy
tokens from the same prompts, and the logits of the first decoded step, whose inputs are the same in
all three (the prefill is uncompiled `sdpa` in each), as max / mean absolute differences, against the
margin between the two largest logits (random weights have near-ties that any rounding flips).

    python3 benchmarks/gpu/decode_step.py --out $OUT/decode_step.json
    python3 benchmarks/gpu/decode_step.py --fidelity --layers 8 --out $OUT/decode_fidelity.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from flutter_rl.train.decode_attention import GROUPED_DECODE, use_grouped_decode  # noqa: E402
from flutter_rl.train.generation_cache import compile_seconds, compiled_graphs  # noqa: E402

CONFIG = Path(__file__).with_name("qwen3_vl_8b_config.json")
# The seed's adapter ([model] lora_rank / lora_alpha / target_modules in pipeline.toml), written out
# here because the GPU machine lacks pydantic, which flutter_rl.settings needs.
LORA_TARGETS = r".*language_model\..*\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)"


def synchronize() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def build_model(config_path: Path, lora: bool, device: str, layers: int | None = None):
    """The architecture with random bf16 weights on `device`, eval mode, optionally with the LoRA and
    `layers` decoder layers instead of the config's."""
    from transformers import AutoModelForImageTextToText, Qwen3VLConfig

    spec = json.loads(config_path.read_text())
    spec.pop("_comment", None)
    if layers:
        spec["text_config"]["num_hidden_layers"] = layers
    config = Qwen3VLConfig(**spec)
    with torch.device(device):
        model = AutoModelForImageTextToText.from_config(config, dtype=torch.bfloat16, attn_implementation="sdpa")
    if lora:
        from peft import LoraConfig, get_peft_model

        model = get_peft_model(model, LoraConfig(r=64, lora_alpha=128, lora_dropout=0.0, target_modules=LORA_TARGETS))
        with torch.no_grad():  # a trained-looking adapter: lora_B is 0 at init
            for name, param in model.named_parameters():
                if "lora_B" in name:
                    param.normal_(0, 1e-3)
    model.requires_grad_(False)
    return model.eval()


def timed_generate(
    model, inputs: dict, new_tokens: int, cache_len: int | None, greedy: bool = False, logits: bool = False
):
    """Seconds and tokens of one generate with a compiled static cache of `cache_len` positions (None:
    the uncompiled dynamic cache); with `logits`, generate's output (`.sequences`, `.logits`) instead of the tokens."""
    from transformers import CompileConfig

    sampling = {"do_sample": False} if greedy else {"do_sample": True, "temperature": 1.0, "top_k": 0, "top_p": 1.0}
    cache = (
        {"cache_implementation": "static", "max_cache_len": cache_len, "compile_config": CompileConfig()}
        if cache_len
        else {}
    )
    synchronize()
    started = time.perf_counter()
    with torch.no_grad():
        tokens = model.generate(
            **inputs,
            max_new_tokens=new_tokens,
            min_new_tokens=new_tokens,
            disable_compile=not cache_len,
            pad_token_id=0,
            return_dict_in_generate=logits,
            output_logits=logits,
            **cache,
            **sampling,
        )
    synchronize()
    return time.perf_counter() - started, tokens


def set_attention(model, grouped: bool) -> None:
    """`sdpa_grouped_decode` (the pipeline's static-cache decoding) or transformers' `sdpa`."""
    if grouped:
        use_grouped_decode(model)
    else:
        model.set_attn_implementation("sdpa")


def fidelity(model, inputs: dict, args: argparse.Namespace, report: dict) -> None:
    """Greedy tokens and first decoded step's logits of each compiled attention against the dynamic
    cache's, into `report["fidelity"]`; the whole report is written to `--out` after each attention."""
    prompt_len = inputs["input_ids"].shape[1]

    def greedy(cache_len: int | None) -> tuple[torch.Tensor, torch.Tensor]:
        torch._dynamo.reset()
        _, out = timed_generate(model, inputs, args.short, cache_len, greedy=True, logits=True)
        return out.sequences[:, prompt_len:], out.logits[1].float()

    set_attention(model, grouped=False)
    reference_tokens, reference_logits = greedy(None)
    top2 = reference_logits.topk(2, dim=-1).values
    report["fidelity"] = result = {
        "layers": model.config.text_config.num_hidden_layers,
        "first_step_logit_std": round(reference_logits.std().item(), 4),
        "first_step_top1_top2_margin_median": round((top2[:, 0] - top2[:, 1]).median().item(), 5),
        "against_dynamic": {},
    }
    for grouped in (True, False):
        set_attention(model, grouped)
        tokens, logits = greedy(args.cache_len)
        difference = (logits - reference_logits).abs()
        same = tokens == reference_tokens
        first_divergence = [int(row.logical_not().nonzero()[0]) if not row.all() else None for row in same]
        result["against_dynamic"][model.config._attn_implementation + " (compiled, static)"] = {
            "greedy_token_agreement": round(same.float().mean().item(), 3),
            "first_divergence_per_row": first_divergence,
            "first_step_logits_max_abs_diff": round(difference.max().item(), 5),
            "first_step_logits_mean_abs_diff": round(difference.mean().item(), 6),
            "first_step_argmax_agreement": round(
                (logits.argmax(-1) == reference_logits.argmax(-1)).float().mean().item(), 3
            ),
        }
        print(result, flush=True)
        args.out.write_text(json.dumps(report, indent=1))


def measure(model, inputs: dict, args: argparse.Namespace) -> dict:
    """One attention's warm-up, decoding step and greedy tokens."""
    torch._dynamo.reset()
    started_compile = compile_seconds()
    warm_s, _ = timed_generate(model, inputs, args.short, args.cache_len)
    short_s, _ = timed_generate(model, inputs, args.short, args.cache_len)
    long_s, _ = timed_generate(model, inputs, args.short + args.steps, args.cache_len)
    _, greedy = timed_generate(model, inputs, args.short, args.cache_len, greedy=True)
    step_ms = 1000 * (long_s - short_s) / args.steps
    return {
        "attention": model.config._attn_implementation,
        "warm_up_s": round(warm_s, 1),
        "compile_s": round(compile_seconds() - started_compile, 1),
        "compiled_graphs": compiled_graphs(),
        "ms_per_decoding_step": round(step_ms, 2),
        "tokens_per_s": round(args.batch * 1000 / step_ms, 1),
        "generation_s_at_2048_tokens": round(step_ms * 2048 / 1000, 1),
        "peak_gpu_memory_gib": round(torch.cuda.max_memory_allocated() / 2**30, 2) if torch.cuda.is_available() else 0,
        "greedy_tokens": greedy[:, inputs["input_ids"].shape[1] :].tolist(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--batch", type=int, default=16, help="sequences decoded together (GRPO: 4 x 4)")
    parser.add_argument("--prompt", type=int, default=312, help="prompt tokens (a 390 x 844 screenshot + text)")
    parser.add_argument("--cache-len", type=int, default=3253, help="static cache positions (1,205 + 2,048)")
    parser.add_argument("--short", type=int, default=16)
    parser.add_argument("--steps", type=int, default=128, help="timed decoding steps")
    parser.add_argument("--no-lora", action="store_true", help="the bare bf16 model (a merged copy's decoding)")
    parser.add_argument("--device", default="cuda", help="cpu: a dry run of the script (nothing is compiled)")
    parser.add_argument("--layers", type=int, default=None, help="decoder layers (default: the config's 36)")
    parser.add_argument("--fidelity", action="store_true", help="compare the attentions' outputs, not their speed")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    started = time.perf_counter()
    model = build_model(args.config, lora=not args.no_lora, device=args.device, layers=args.layers)
    generator = torch.Generator().manual_seed(0)
    vocab = model.config.text_config.vocab_size
    inputs = {
        "input_ids": torch.randint(1, vocab, (args.batch, args.prompt), generator=generator).to(args.device),
        "attention_mask": torch.ones(args.batch, args.prompt, dtype=torch.long).to(args.device),
    }
    inputs["attention_mask"][: args.batch // 2, : args.batch] = 0  # half the rows left-padded, as TRL pads
    report = {
        "device": torch.cuda.get_device_name() if args.device == "cuda" else args.device,
        "versions": {"torch": torch.__version__, "transformers": __import__("transformers").__version__},
        "arguments": {k: str(v) for k, v in vars(args).items()},
        "build_s": round(time.perf_counter() - started, 1),
        "runs": [],
    }
    print(f"model built in {report['build_s']} s", flush=True)
    if args.fidelity:
        fidelity(model, inputs, args, report)
        return
    for grouped in (True, False):
        set_attention(model, grouped)
        run = measure(model, inputs, args)
        report["runs"].append(run)
        print({k: v for k, v in run.items() if k != "greedy_tokens"}, flush=True)
        args.out.write_text(json.dumps(report, indent=1))
    grouped_run, sdpa_run = report["runs"]
    same = [a == b for x, y in zip(grouped_run["greedy_tokens"], sdpa_run["greedy_tokens"]) for a, b in zip(x, y)]
    report["greedy_token_agreement"] = sum(same) / len(same)
    report["speed_up"] = round(sdpa_run["ms_per_decoding_step"] / grouped_run["ms_per_decoding_step"], 3)
    args.out.write_text(json.dumps(report, indent=1))
    print(f"{GROUPED_DECODE}: {report['speed_up']}x; greedy agreement {report['greedy_token_agreement']:.3f}")


if __name__ == "__main__":
    main()
