"""Plain-text views of a sweep's overall table, for the terminal and the Prefect UI."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import pandas as pd

COLUMNS = (
    "checkpoint",
    "step",
    "render_rate",
    "unsupported_share",
    "render_rate_supported",
    "visual",
    "format",
    "combined",
)


def results_frame(overall: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """The columns a person compares first, in a fixed order (the rest are in MLflow)."""
    frame = pd.DataFrame(list(overall))
    return frame[[c for c in COLUMNS if c in frame.columns]]


def _cell(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown_table(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table: the header, its separator and one line per row (floats to 3 decimals)."""
    lines = ["| " + " | ".join(map(str, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def results_markdown(overall: Sequence[dict[str, Any]], link: str) -> str:
    """A Markdown table of the overall results, with a link to where the rest is."""
    frame = results_frame(overall)
    table = markdown_table(frame.columns, frame.itertuples(index=False))
    return f"## Checkpoint sweep\n\n{table}\n\nTables, plots and render grids: {link}\n"


def run_link(tracking_uri: str, run_id: str | None) -> str:
    """The MLflow UI address of a run (the experiments page when there is no run)."""
    if not run_id:
        return f"{tracking_uri}/#/experiments"
    import mlflow

    experiment_id = mlflow.MlflowClient(tracking_uri).get_run(run_id).info.experiment_id
    return f"{tracking_uri}/#/experiments/{experiment_id}/runs/{run_id}"
