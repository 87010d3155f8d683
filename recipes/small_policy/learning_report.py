"""Issue 10 Part C, here: sweep the SFT base and the GRPO checkpoints on the eval set, export the results.

The pipeline's sweep (`run_sweep`, logged to MLflow) with the `small` preset: the SFT model is the base
(`[model] name`), the unpacked GRPO `checkpoint-N` folders are the checkpoints, the eval split is the
manifest `learning_data.py` curated (12 types x 3 difficulties x 2, full-size screenshots). Written to
`--results`: every table as CSV and markdown (overall, per screen type, per difficulty, per exposure =
whether training saw the type and the difficulty, errors), the per-sample scores, the sweep's figures,
the learning curves of the device run (`learning_summary.json`) and the best / worst samples of the
last checkpoint.

    python recipes/small_policy/learning_report.py --train-dir runs/partc/train --results benchmarks/gpu/results/partc
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_run import SUMMARY_NAME  # noqa: E402

from flutter_rl.evaluate import plots, report  # noqa: E402
from flutter_rl.evaluate.reporting import markdown_table  # noqa: E402
from flutter_rl.evaluate.sweep import SweepResult, run_sweep  # noqa: E402
from flutter_rl.settings import Settings, load_settings  # noqa: E402
from flutter_rl.train.sft import SFT_MODEL_DIR  # noqa: E402

PRESET = "small"
TABLE_METRICS = ("render_rate", "visual", "combined")
CURVES = {  # panel title -> (stage, trainer log key)
    "SFT loss": ("sft", "loss"),
    "SFT token accuracy": ("sft", "mean_token_accuracy"),
    "GRPO reward (0.8 visual + 0.2 format)": ("grpo", "reward"),
    "GRPO render rate": ("grpo", "rewards/rendered/mean"),
    "GRPO visual reward": ("grpo", "rewards/visual_reward/mean"),
    "GRPO KL to the SFT model": ("grpo", "kl"),
}


def exposure(row: pd.Series, settings: Settings) -> str:
    """How much of a screen's kind training saw: its type and difficulty, its type only, or neither."""
    data = settings.data
    if data.train_screen_types and row["screen_type"] not in data.train_screen_types:
        return "unseen type"
    return "seen type + difficulty" if row["difficulty"] in data.train_difficulties else "seen type, unseen difficulty"


def interval(value: float, low: float, high: float, scale: float = 1.0, digits: int = 3) -> str:
    """'v [low, high]' for a markdown cell."""
    return f"{value * scale:.{digits}f} [{low * scale:.{digits}f}, {high * scale:.{digits}f}]"


def sweep_markdown(table: pd.DataFrame, group: str | None) -> str:
    """A sweep table as markdown: each metric and its change against the base, with 95% intervals."""
    head = [
        "checkpoint",
        "step",
        *([group] if group else []),
        "n",
        *TABLE_METRICS,
        *(f"{m} change" for m in TABLE_METRICS),
    ]
    lines = []
    for row in table.to_dict("records"):
        cells = [str(row["checkpoint"]), str(row["step"]), *([str(row[group])] if group else []), str(row["n"])]
        cells += [interval(row[m], row[f"{m}_low"], row[f"{m}_high"]) for m in TABLE_METRICS]
        for m in TABLE_METRICS:
            name = f"{m}_delta_pp" if m in report.RATES else f"{m}_delta"
            digits = 1 if m in report.RATES else 3
            cells.append(
                "-"
                if pd.isna(row[name])
                else interval(row[name], row[f"{name}_low"], row[f"{name}_high"], digits=digits)
            )
        lines.append(cells)
    return markdown_table(head, lines) + "\n"


def learning_curves(summary: dict) -> Figure:
    """The device run's trainer logs: SFT loss and accuracy, GRPO reward, render rate, visual reward, KL."""
    fig = Figure(figsize=(12, 6.4), layout="tight")
    axes = fig.subplots(2, 3, squeeze=False).ravel()
    for ax, (title, (stage, key)) in zip(axes, CURVES.items()):
        points = [
            (log["step"], log[key]) for log in summary.get(stage, {}).get("logs", []) if key in log and "step" in log
        ]
        if points:
            ax.plot(*zip(*points), marker="." if len(points) < 50 else None)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("optimizer step")
        ax.grid(alpha=0.3)
    return fig


def write_results(result: SweepResult, settings: Settings, summary: dict | None, out: Path) -> None:
    """Tables (CSV + markdown), per-sample scores, figures and sample grids of a finished sweep."""
    from flutter_rl.evaluate.tracking import sample_grid

    out.mkdir(parents=True, exist_ok=True)
    samples = result.samples
    samples["exposure"] = samples.apply(exposure, axis=1, settings=settings)
    ci = {"bootstrap_samples": settings.eval.bootstrap_samples, "confidence": settings.eval.confidence}
    tables = {**result.tables, "by_exposure": report.breakdown_table(samples, "exposure", **ci)}
    groups = {
        "overall": None,
        "by_screen_type": "screen_type",
        "by_difficulty": "difficulty",
        "by_exposure": "exposure",
    }
    markdown = []
    for name, table in tables.items():
        table.to_csv(out / f"{name}.csv", index=False)
        if name in groups:
            markdown.append(f"### {name}\n\n{sweep_markdown(table, groups[name])}")
    errors = tables["errors"]
    markdown.append(f"### errors\n\n{markdown_table(errors.columns, errors.values.tolist())}\n")
    (out / "tables.md").write_text("\n".join(markdown))
    columns = [
        "checkpoint",
        "step",
        "id",
        "screen_type",
        "difficulty",
        "exposure",
        "rendered",
        "error_kind",
        "format",
        "visual",
        "combined",
    ]
    samples[columns].to_csv(out / "samples.csv", index=False)

    last = tables["overall"].sort_values("step")["checkpoint"].iloc[-1]
    figures = {
        "metric_vs_step": plots.metric_vs_step(tables["overall"]),
        "by_screen_type": plots.delta_bars(tables["by_screen_type"], "screen_type", last),
        "by_difficulty": plots.delta_bars(tables["by_difficulty"], "difficulty", last),
        "by_exposure": plots.delta_bars(tables["by_exposure"], "exposure", last),
    }
    if summary:
        figures["learning_curves"] = learning_curves(summary)
    for name, figure in figures.items():
        (out / f"{name}.png").write_bytes(plots.figure_png(figure))
    images = dict(zip(result.eval_set.rows["id"], result.eval_set.images))
    for unit in result.units:
        if unit.checkpoint.name in ("base", last):
            best, worst = plots.best_and_worst(unit.samples, settings.eval.grid_examples)
            for label, chosen in (("best", best), ("worst", worst)):
                sample_grid(unit, settings, chosen, images).save(
                    out / f"grid_{unit.checkpoint.name}_{label}.png", optimize=True
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train-dir", default="runs/partc/train", help="unpacked training folder (sft-model/, checkpoint-N/)"
    )
    parser.add_argument(
        "--data", default=".device/partc", help="learning_data.py's export (its manifest.json names the eval manifest)"
    )
    parser.add_argument("--results", default="benchmarks/gpu/results/partc", help="where tables and figures go")
    parser.add_argument("--limit", type=int, help="evaluate only the first N eval screens (a dry run)")
    parser.add_argument("--no-track", action="store_true", help="do not log the sweep to MLflow")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="settings override")
    args = parser.parse_args()

    train_dir = Path(args.train_dir)
    overrides = {"model.name": str(train_dir / SFT_MODEL_DIR), **dict(item.split("=", 1) for item in args.set)}
    settings = load_settings(REPO / "pipeline.toml", preset=PRESET, overrides=overrides)
    manifest = json.loads((Path(args.data) / "manifest.json").read_text())["root"]
    result = run_sweep(settings, train_dir, manifest, limit=args.limit, track=not args.no_track)
    summary_file = train_dir / SUMMARY_NAME
    summary = json.loads(summary_file.read_text()) if summary_file.is_file() else None
    write_results(result, settings, summary, Path(args.results))
    print(
        result.tables["overall"][
            [
                "checkpoint",
                "step",
                "n",
                "render_rate",
                "visual",
                "combined",
                "render_rate_delta_pp",
                "visual_delta",
                "combined_delta",
            ]
        ].to_string(index=False)
    )
    print(f"results in {args.results}" + (f"; MLflow sweep run {result.run_id}" if result.run_id else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
