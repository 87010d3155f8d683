"""The nightly comparison table: tonight's newest checkpoint against the previous night's."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from flutter_rl.evaluate.nightly import comparison_table
from flutter_rl.evaluate.report import METRICS


def test_a_night_logged_before_a_metric_existed_compares_as_nan_not_a_crash():
    tonight = pd.Series({"checkpoint": "checkpoint-8", **{m: 0.5 for m in METRICS}, "unsupported_share": 0.25})
    # an overall table from before the unsupported figures were reported
    previous = pd.Series(
        {
            "checkpoint": "checkpoint-4",
            "render_rate": 0.4,
            "visual": 0.3,
            "combined": 0.35,
            "format": 0.9,
            "structure": 0.3,
        }
    )
    table = comparison_table(tonight, previous).set_index("metric")
    assert list(table.index) == list(METRICS)
    assert table.loc["render_rate", "delta"] == pytest.approx(0.1)
    assert table.loc["unsupported_share", "tonight"] == 0.25
    assert math.isnan(table.loc["unsupported_share", "previous_night"]) and math.isnan(
        table.loc["unsupported_share", "delta"]
    )
    assert set(table["previous_checkpoint"]) == {"checkpoint-4"}


def test_the_first_night_has_nothing_to_compare_with():
    tonight = pd.Series({"checkpoint": "base", **{m: 0.5 for m in METRICS}})
    table = comparison_table(tonight, None)
    assert table["previous_night"].isna().all() and set(table["previous_checkpoint"]) == {""}
