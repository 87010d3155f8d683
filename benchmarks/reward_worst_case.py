"""Time the reward's text stage (code extraction + format checks) on worst-case completions.

    .venv/bin/python benchmarks/reward_worst_case.py [--sizes 200000 5000000] [--timeout 60] [--repeats 3]

The text stage runs inside the GRPO trainer's process (`score_batch`), so a pattern that backtracks
on a degenerate completion (a model stuck repeating backticks) freezes a training step. Each case
runs in its own subprocess under `--timeout`, so a super-linear case prints `> timeout` instead of
hanging the script (issue 21 measured 44.6 s for 200 kB of unclosed fences, 47.6 s for generic-class
headers, and no answer within 150 s for 5 MB). Prints one Markdown row per case and size: the
median milliseconds of `extract_code` and of `code_format_score`, and what came out.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

_REPO_ROOT = Path(__file__).resolve().parents[1]
IMPORT = "import 'package:flutter/material.dart';"


def _fill(prefix: str, unit: str, suffix: str, size: int) -> str:
    """`prefix`, then `unit` repeated, then `suffix`: at most `size` characters in all."""
    return prefix + unit * ((size - len(prefix) - len(suffix)) // len(unit)) + suffix


def worst_cases() -> dict[str, Callable[[int], Any]]:
    """Completions of at most `size` characters that defeat a backtracking pattern, by name."""
    return {
        "unclosed fences": lambda size: _fill("", "```", "", size),
        "fence openings, one per line": lambda size: _fill("", "```dart\n", "", size),
        "open fence, then backticks": lambda size: _fill("```dart\n", "`", "", size),
        "generic class headers": lambda size: _fill("", "class A<", "", size),
        "blank lines inside code": lambda size: _fill(f"{IMPORT}\nclass A {{\n", "\n", "}", size),
        "escaped quotes, unclosed": lambda size: _fill("class A {\n'", "\\'", "\n}", size),
        "unclosed block comment": lambda size: _fill("class A { /*", "*", "\n}", size),
        "Widget build( spaces": lambda size: _fill("class A { Widget build(", " ", "}", size),
        "class name runs": lambda size: _fill("", "class " + "a" * 1000 + " ", "", size),
        "chat of fence parts": lambda size: [
            {"role": "assistant", "content": [{"type": "text", "text": "```"}] * (size // 3)}
        ],
    }


def measure(name: str, size: int, repeats: int) -> dict[str, Any]:
    """Median milliseconds of `extract_code` and `code_format_score` on one case, and their results."""
    from flutter_rl.reward.extract import extract_code
    from flutter_rl.reward.format import code_format_score

    completion = worst_cases()[name](size)
    extract_s, format_s = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        code = extract_code(completion)
        extract_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        score = code_format_score(code)
        format_s.append(time.perf_counter() - started)
    return {
        "extract_ms": 1000 * statistics.median(extract_s),
        "format_ms": 1000 * statistics.median(format_s),
        "code_chars": len(code),
        "format": score,
    }


def run_isolated(name: str, size: int, repeats: int, timeout: float) -> dict[str, Any] | None:
    """`measure` in a fresh interpreter; None when it did not finish within `timeout` seconds."""
    command = [sys.executable, __file__, "--one", name, "--sizes", str(size), "--repeats", str(repeats)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=_REPO_ROOT, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 5_000_000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case and size")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: measure this case and print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.sizes[0], args.repeats)))
        return
    print("| case | size (chars) | extract (ms) | format checks (ms) | code chars | format |")
    print("|---|---|---|---|---|---|")
    for name in worst_cases():
        for size in args.sizes:
            row = run_isolated(name, size, args.repeats, args.timeout)
            if row is None:
                print(f"| {name} | {size:,} | > {args.timeout:g} s (did not finish) | | | |")
            else:
                print(
                    f"| {name} | {size:,} | {row['extract_ms']:.1f} | {row['format_ms']:.1f} | {row['code_chars']:,} "
                    f"| {row['format']:.2f} |"
                )


if __name__ == "__main__":
    main()
