"""The plain-text views of a sweep: the Markdown table the Prefect UI shows."""

from __future__ import annotations

from flutter_rl.evaluate.reporting import markdown_table, results_markdown


def test_markdown_table_has_header_separator_and_rows_with_rounded_floats() -> None:
    table = markdown_table(["a", "b"], [("x", 0.12345), (3, "y")])
    assert table.splitlines() == ["| a | b |", "|---|---|", "| x | 0.123 |", "| 3 | y |"]


def test_results_markdown_keeps_the_compared_columns_in_order_and_links_the_rest() -> None:
    overall = [{"combined": 0.5, "checkpoint": "base", "step": 0, "render_rate": 0.25, "extra": 1}]
    text = results_markdown(overall, "http://mlflow/run")
    assert "| checkpoint | step | render_rate | combined |\n|---|---|---|---|\n| base | 0 | 0.250 | 0.500 |" in text
    assert "extra" not in text and text.rstrip().endswith("http://mlflow/run")
