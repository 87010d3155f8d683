"""The `flutter-rl sweep` and `flutter-rl evaluate` subcommands."""

from __future__ import annotations

import argparse
import sys
from typing import Callable

import pandas as pd

from flutter_rl.settings import Settings

SUMMARY_COLUMNS = [
    "checkpoint", "step", "n", "render_rate", "unsupported_share", "render_rate_supported", "visual", "combined",
    "render_rate_delta_pp", "visual_delta", "combined_delta",
]


def _print_result(result) -> None:
    if not result.tables:  # a launched sweep's other process: the main one prints
        return
    with pd.option_context("display.precision", 3, "display.width", 160):
        print(result.tables["overall"][SUMMARY_COLUMNS].to_string(index=False))
        errors = result.tables["errors"]
        print("\nwhy samples did not render:")
        print(errors.loc[:, (errors != 0).any() | errors.columns.isin(["checkpoint", "failed"])].to_string(index=False))
    cached = sum(u.cached for u in result.units)
    print(f"{len(result.units)} checkpoints on {len(result.eval_set)} screens ({cached} from the cache)")
    if result.eval_set.skipped:
        print(f"left out (unreadable screenshots): {', '.join(result.eval_set.skipped)}")
    if result.run_id:
        print(f"MLflow run: {result.run_id}")


def _clear_errors(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Unusable input (no manifest, not an adapter, no CLIP weights) is one line on stderr, exit code 2."""

    def run(args: argparse.Namespace) -> int:
        from flutter_rl.reward.errors import RewardConfigError
        from flutter_rl.sweep.evalset import EvalSetError

        try:
            return command(args)
        except (EvalSetError, RewardConfigError, FileNotFoundError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2

    return run


def add_commands(sub: argparse._SubParsersAction, settings_of: Callable[[argparse.Namespace], Settings]) -> None:
    """Register `sweep` and `evaluate`; `settings_of` resolves the global --config/--preset/--set."""

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--manifest", help="curated manifest.parquet or its folder (default: newest under [data] output_dir)")
        parser.add_argument("--limit", type=int, help="evaluate only the first N eval screens")
        parser.add_argument("--no-track", action="store_true", help="do not log to MLflow")

    def sweep(args: argparse.Namespace) -> int:
        from flutter_rl.sweep.sweep import run_sweep

        result = run_sweep(settings_of(args), args.train_dir, args.manifest, limit=args.limit, track=not args.no_track)
        _print_result(result)
        return 0

    def evaluate(args: argparse.Namespace) -> int:
        from flutter_rl.sweep.sweep import evaluate as evaluate_adapter

        result = evaluate_adapter(settings_of(args), args.adapter, args.manifest, limit=args.limit, track=not args.no_track)
        _print_result(result)
        return 0

    parser = sub.add_parser("sweep", help="evaluate the base and every checkpoint of a training run; report to MLflow")
    parser.add_argument("--train-dir", help="training output folder with checkpoint-N/ (default: [train] output_dir)")
    common(parser)
    parser.set_defaults(func=_clear_errors(sweep))

    parser = sub.add_parser("evaluate", help="evaluate one saved adapter (or fully fine-tuned model) next to the base; report to MLflow")
    parser.add_argument("adapter", help="a checkpoint folder (PEFT adapter or whole model), e.g. runs/train/checkpoint-80")
    common(parser)
    parser.set_defaults(func=_clear_errors(evaluate))
