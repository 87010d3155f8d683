"""The `flutter-rl evaluate` subcommand: a checkpoint sweep, one adapter, or the base alone."""

from __future__ import annotations

import argparse
import sys
from typing import Callable

import pandas as pd

from flutter_rl.evaluate.report import BASE, METRICS, delta_name
from flutter_rl.settings import Settings

# every metric the MLflow sweep run logs (report.METRICS), then each one's change against the base
SUMMARY_COLUMNS = ["checkpoint", "step", "n", *METRICS, *map(delta_name, METRICS)]


def _print_result(result) -> None:
    if not result.tables:  # a launched sweep's other process: the main one prints
        return
    with pd.option_context("display.precision", 3, "display.width", 160):
        overall = result.tables["overall"]
        alone = set(overall["checkpoint"]) == {BASE}  # the base alone: its changes against itself say nothing
        print(overall[SUMMARY_COLUMNS[: -len(METRICS)] if alone else SUMMARY_COLUMNS].to_string(index=False))
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
        from flutter_rl.evaluate.evalset import EvalSetError
        from flutter_rl.reward.errors import RewardConfigError

        try:
            return command(args)
        except (EvalSetError, RewardConfigError, FileNotFoundError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2

    return run


def add_commands(sub: argparse._SubParsersAction, settings_of: Callable[[argparse.Namespace], Settings]) -> None:
    """Register `evaluate`; `settings_of` resolves the global --config/--preset/--set."""

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--manifest", help="curated manifest.parquet or its folder (default: newest under [data] output_dir)"
        )
        parser.add_argument("--limit", type=int, help="evaluate only the first N eval screens")
        parser.add_argument("--no-track", action="store_true", help="do not log to MLflow")

    def evaluate(args: argparse.Namespace) -> int:
        from flutter_rl.evaluate.sweep import evaluate as evaluate_adapter
        from flutter_rl.evaluate.sweep import evaluate_base, run_sweep

        chosen = [
            what
            for what, given in (("an adapter", args.adapter), ("--base", args.base), ("--train-dir", args.train_dir))
            if given
        ]
        if len(chosen) > 1:
            print(
                f"error: give one of an adapter folder, --base or --train-dir, not {' and '.join(chosen)}",
                file=sys.stderr,
            )
            return 2
        settings = settings_of(args)
        options = {"limit": args.limit, "track": not args.no_track}
        if args.base:
            result = evaluate_base(settings, args.manifest, **options)
        elif args.adapter:
            result = evaluate_adapter(settings, args.adapter, args.manifest, **options)
        else:
            result = run_sweep(settings, args.train_dir, args.manifest, **options)
        _print_result(result)
        return 0

    parser = sub.add_parser(
        "evaluate",
        help="evaluate the base and every checkpoint of a training run (default: the newest), one saved adapter next "
        "to the base, or the base alone; report to MLflow",
    )
    parser.add_argument(
        "adapter", nargs="?", help="a checkpoint folder (PEFT adapter or whole model), e.g. runs/train/checkpoint-80"
    )
    parser.add_argument(
        "--base",
        action="store_true",
        help="evaluate the base model [model] name alone; the MLflow run is named after the model and dataset",
    )
    parser.add_argument(
        "--train-dir",
        help="training output folder with checkpoint-N/ (default: the newest run under [train] output_dir)",
    )
    common(parser)
    parser.set_defaults(func=_clear_errors(evaluate))
