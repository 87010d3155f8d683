"""Fidelity of the generation copies: the policy against `dequantized_copy` and `merged_copy` on the same tokens.

Loads `--model-dir` as the pipeline's policy (`[model]` of pipeline.toml: NF4 + LoRA r=64/alpha=128 on
CUDA; with `--dtype bfloat16` on CPU a bf16 policy, the precision the merge rounds to), builds both
copies (and `merged_copy_stochastic`: the merge rounded stochastically instead of to the nearest
value, `merge_adapter(stochastic=True)`), samples `--prompts` completions of `--new-tokens` tokens from the dequantized copy at the
training temperature, and measures `flutter_rl.train.copy_fidelity.logprob_gap` of each copy against
the policy (eval mode: no LoRA dropout) at step 0 and after each count in `--updates` of AdamW steps.
The updates stand in for GRPO's: AdamW moves each weight by about the learning rate per step whatever
the loss, so the adapter's size after k steps is a GRPO run's after k steps; the loss here is the
NLL of the sampled completions. `policy vs step 0` is the policy's own change (KL to itself before
the updates), the scale a copy's gap is to be read against.

    python benchmarks/gpu/copy_fidelity.py --model-dir /tmp/qwen3-vl-8b-random --out /tmp/fidelity.json
    python benchmarks/gpu/copy_fidelity.py --model-dir models/small-flutter-policy --dtype bfloat16 --out /tmp/f.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from flutter_rl.settings import load_settings  # noqa: E402
from flutter_rl.train import policy as policy_module  # noqa: E402
from flutter_rl.train.copy_fidelity import completion_logprobs, fidelity_ok, logprob_gap, with_completions  # noqa: E402
from flutter_rl.train.generation_copy import load_generation_copy, merge_adapter, sync_generation_copy  # noqa: E402
from flutter_rl.train.prompt import build_chat  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--out", default="copy_fidelity.json")
    parser.add_argument("--prompts", type=int, default=4)
    parser.add_argument("--new-tokens", type=int, default=128)
    parser.add_argument("--updates", default="10,40", help="cumulative AdamW step counts to measure after")
    parser.add_argument("--learning-rate", type=float, default=None, help="default: [train] learning_rate")
    parser.add_argument(
        "--dtype",
        choices=["bfloat16", "float32"],
        default=None,
        help="CPU only: load the policy in this dtype (default: the pipeline's float32)",
    )
    return parser.parse_args()


def load_lora_policy(args: argparse.Namespace, settings) -> tuple[object, object]:
    base, processor = policy_module.load_policy(settings.model)
    if args.dtype is not None and not torch.cuda.is_available():
        from transformers import AutoModelForImageTextToText

        base = AutoModelForImageTextToText.from_pretrained(args.model_dir, dtype=getattr(torch, args.dtype))
    from peft import get_peft_model

    return get_peft_model(base, policy_module.lora_config(settings.model)), processor


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    settings = load_settings(
        REPO / "pipeline.toml", overrides={"model.name": args.model_dir, "model.lora_dropout": 0.0}, environ={}
    )
    lr = args.learning_rate or settings.train.learning_rate
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    policy, processor = load_lora_policy(args, settings)
    policy.eval()
    copies = {
        "dequantized_copy": load_generation_copy(settings.model, policy, device),
        "merged_copy": load_generation_copy(settings.model, policy, device, merged=True),
        "merged_copy_stochastic": load_generation_copy(settings.model, policy, device, merged=True),
    }
    syncs = {name: sync_generation_copy for name in copies}
    syncs["merged_copy_stochastic"] = lambda copy_model, source: merge_adapter(copy_model, source, stochastic=True)
    pngs = sorted((REPO / "flutter_renderer" / "examples").glob("*.png"))[: args.prompts]
    images = [Image.open(p).convert("RGB") for p in pngs]
    prompt = processor.apply_chat_template(
        [build_chat(image) for image in images],
        add_generation_prompt=True,
        tokenize=True,
        return_dict=True,
        processor_kwargs={"return_tensors": "pt", "padding": True},
    ).to(device)
    prompt_length = prompt["input_ids"].shape[1]
    torch.manual_seed(0)
    with torch.no_grad():
        ids = copies["dequantized_copy"].generate(
            **prompt,
            max_new_tokens=args.new_tokens,
            do_sample=True,
            temperature=settings.train.temperature,
        )
    inputs = with_completions(prompt, ids)
    completion = ids[:, prompt_length:]
    eos = policy.generation_config.eos_token_id
    eos = torch.tensor(eos if isinstance(eos, list) else [eos], device=device)
    # A completion ends at its first end-of-turn token (included), as GRPO's completion mask does.
    ended = torch.isin(completion, eos).int().cumsum(dim=1)
    mask = ((ended == 0) | ((ended == 1) & torch.isin(completion, eos))).int()
    with torch.no_grad():
        step_0 = completion_logprobs(policy, inputs, prompt_length, settings.train.temperature)
    optimizer = torch.optim.AdamW([p for p in policy.parameters() if p.requires_grad], lr=lr, weight_decay=0.0)

    rows, done = [], 0
    for target in [0, *[int(n) for n in args.updates.split(",") if n]]:
        for _ in range(target - done):
            logprobs = completion_logprobs(policy, inputs, prompt_length, 1.0)
            nll = -(logprobs.gather(-1, completion[..., None]).squeeze(-1) * mask).sum() / mask.sum()
            nll.backward()
            optimizer.step()
            optimizer.zero_grad()
        done = target
        for name, copy_model in copies.items():
            syncs[name](copy_model, policy)
        with torch.no_grad():
            now = completion_logprobs(policy, inputs, prompt_length, settings.train.temperature)
            drift = (now.exp() * (now - step_0)).sum(-1)[mask.bool()].mean().item()
        row = {"updates": target, "policy_vs_step_0_kl": drift}
        for name, copy_model in copies.items():
            gap = logprob_gap(policy, copy_model, inputs, prompt_length, mask, settings.train.temperature)
            row[name] = {**gap, "fidelity_ok": fidelity_ok(gap)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    report = {
        "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
        "model_dir": args.model_dir,
        "policy_dtype": str(policy.get_input_embeddings().weight.dtype),
        "quantized": any(type(p).__name__ == "Params4bit" for p in policy.parameters()),
        "lora": {"rank": settings.model.lora_rank, "alpha": settings.model.lora_alpha},
        "learning_rate": lr,
        "prompts": args.prompts,
        "new_tokens": args.new_tokens,
        "completion_tokens": int(mask.sum()),
        "temperature": settings.train.temperature,
        "rows": rows,
        "wall_s": round(time.perf_counter() - started, 1),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))
    print(f"{'updates':>8} {'policy drift KL':>16} | " + " | ".join(f"{n}: mean|dlogp| p99 KL ok" for n in copies))
    for row in rows:
        cells = [
            f"{row[n]['mean_abs_logprob_diff']:.2e} {row[n]['p99_abs_logprob_diff']:.2e} {row[n]['mean_kl']:.2e} "
            f"{row[n]['fidelity_ok']}"
            for n in copies
        ]
        print(f"{row['updates']:>8} {row['policy_vs_step_0_kl']:>16.2e} | " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
