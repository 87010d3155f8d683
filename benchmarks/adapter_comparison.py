"""LoRA or every weight for a policy trained from scratch: the same SFT warm-up, both ways, on CPU.

Builds the random `small` policy (~9M parameters, tokenizer trained on the screens' code), then runs
the pipeline's `sft_warmup` twice on the same rows and steps: once with `[model] adapter = "lora"`
(rank 16 on the language model's projections), once with `adapter = "none"`. Prints the training
loss, token accuracy and entropy every 10 steps and writes them as JSON. The rows are the first
`--rows` of `learning_data.py`'s export (downscaled screenshots + reference code).

    .venv/bin/python benchmarks/adapter_comparison.py --steps 60 --out benchmarks/results/adapter_comparison.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "recipes" / "small_policy"))

from learning_run import LogCollector, load_rows  # noqa: E402

from flutter_rl.settings import load_settings  # noqa: E402
from flutter_rl.train.policy import load_policy, trainable_parameters  # noqa: E402
from flutter_rl.train.sft import sft_warmup  # noqa: E402
from flutter_rl.train.tiny_policy import SMALL, make_policy  # noqa: E402

LOGGED = ("loss", "mean_token_accuracy", "entropy")


def warmup_logs(policy: Path, adapter: str, rows: list, args: argparse.Namespace, work: Path) -> dict:
    """One SFT warm-up of `policy` with `adapter`; its trainable share, seconds and logs."""
    settings = load_settings(
        REPO / "pipeline.toml",
        preset="small",
        environ={},
        overrides={
            "model.name": str(policy),
            "model.adapter": adapter,
            "model.lora_rank": 16,
            "model.lora_alpha": 32,
            "train.sft.learning_rate": args.learning_rate,
            "train.sft.max_steps": args.steps,
            "train.logging_steps": 10,
            "train.per_device_train_batch_size": 4,
            "train.gradient_accumulation_steps": 1,
            "train.num_generations": 4,
        },
    )
    model, processor = load_policy(settings.model)
    logs = LogCollector()
    started = time.perf_counter()
    trained = sft_warmup(model, processor, rows, settings, work / adapter, callbacks=[logs])
    trainable, total = trainable_parameters(trained)
    return {
        "trainable": trainable,
        "total": total,
        "seconds": round(time.perf_counter() - started, 1),
        "logs": [{"step": log["step"], **{k: log[k] for k in LOGGED}} for log in logs.logs if "loss" in log],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=".device/partc", help="learning_data.py's export")
    parser.add_argument("--rows", type=int, default=48)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--out", default="benchmarks/results/adapter_comparison.json")
    args = parser.parse_args()

    rows = load_rows(Path(args.data))[: args.rows]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        policy = make_policy(work / "policy", SMALL, corpus=[row["reference_code"] for row in rows])
        results = {adapter: warmup_logs(policy, adapter, rows, args, work) for adapter in ("lora", "none")}
    report = {"rows": len(rows), "steps": args.steps, "batch": 4, "learning_rate": args.learning_rate, **results}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1))
    print("| adapter | trainable | step | loss | token accuracy | entropy |\n|---|---:|---:|---:|---:|---:|")
    for adapter, result in results.items():
        for log in result["logs"]:
            print(
                f"| {adapter} | {result['trainable']:,} | {log['step']} | {log['loss']:.3f} | "
                f"{log['mean_token_accuracy']:.3f} | {log['entropy']:.2f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
