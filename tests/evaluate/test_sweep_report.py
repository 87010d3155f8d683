import pandas as pd
import pytest

from flutter_rl.evaluate.report import breakdown_table, error_table, overall_table

CI = {"bootstrap_samples": 300, "confidence": 0.95}


def _row(checkpoint, step, sample_id, screen_type, rendered, visual, error_kind=""):
    fmt = 1.0
    return {
        "checkpoint": checkpoint,
        "step": step,
        "id": sample_id,
        "screen_type": screen_type,
        "difficulty": "easy",
        "rendered": rendered,
        "error_kind": error_kind,
        "format": fmt,
        "visual": visual,
        "combined": 0.8 * visual + 0.2 * fmt,
        "structure": visual,
    }


@pytest.fixture
def samples() -> pd.DataFrame:
    """Menu: 0/4 render at base, 4/4 at final. Form: 6/6 render at both, each screen +0.1 visual."""
    rows = []
    for i in range(4):
        rows.append(_row("base", 0, f"m{i}", "menu", False, 0.0, "syntax" if i < 3 else "overflow"))
        rows.append(_row("final", 480, f"m{i}", "menu", True, 0.6))
    for i in range(6):
        rows.append(_row("base", 0, f"f{i}", "form", True, 0.3 + 0.05 * i))
        rows.append(_row("final", 480, f"f{i}", "form", True, 0.4 + 0.05 * i))
    # a middle checkpoint listed last: tables must still come out in step order
    rows += [
        _row("checkpoint-240", 240, r["id"], r["screen_type"], r["rendered"], r["visual"], r["error_kind"])
        for r in rows
        if r["checkpoint"] == "base"
    ]
    return pd.DataFrame(rows)


def test_overall_has_one_row_per_checkpoint_in_step_order(samples):
    table = overall_table(samples, **CI)
    assert list(table["checkpoint"]) == ["base", "checkpoint-240", "final"]
    assert list(table["n"]) == [10, 10, 10]
    for column in [
        "render_rate",
        "render_rate_low",
        "render_rate_high",
        "visual",
        "combined",
        "render_rate_delta_pp",
        "render_rate_delta_pp_low",
        "visual_delta",
        "visual_delta_high",
        "combined_delta",
    ]:
        assert column in table.columns
    base, middle, final = table.to_dict("records")
    assert base["render_rate"] == pytest.approx(0.6)
    assert final["render_rate"] == pytest.approx(1.0)
    assert final["render_rate_delta_pp"] == pytest.approx(40.0)
    assert final["combined"] == pytest.approx(0.8 * final["visual"] + 0.2)  # the reference's combined score
    assert base["render_rate_delta_pp"] == middle["render_rate_delta_pp"] == 0.0
    assert base["render_rate_low"] < 0.6 < base["render_rate_high"]


def test_per_type_deltas_and_intervals_on_a_constructed_case(samples):
    table = breakdown_table(samples, "screen_type", **CI).set_index(["checkpoint", "screen_type"])
    assert len(table) == 6  # 3 checkpoints x 2 types
    menu, form = table.loc[("final", "menu")], table.loc[("final", "form")]
    # every menu screen goes from not rendering to rendering: +100 pp, no doubt about it
    assert (
        menu["render_rate_delta_pp"],
        menu["render_rate_delta_pp_low"],
        menu["render_rate_delta_pp_high"],
    ) == pytest.approx((100, 100, 100))
    assert menu["visual_delta"] == pytest.approx(0.6)
    # every form screen gains exactly 0.1 visual: the paired interval is exactly 0.1
    assert (form["visual_delta"], form["visual_delta_low"], form["visual_delta_high"]) == pytest.approx((0.1, 0.1, 0.1))
    assert form["render_rate_delta_pp"] == 0.0
    # visual means with their own (unpaired) intervals
    assert form["visual"] == pytest.approx(0.525)
    assert form["visual_low"] < 0.525 < form["visual_high"]


def test_render_figures_tell_the_renderers_blind_spots_from_failures(samples):
    final_forms = (samples["checkpoint"] == "final") & samples["id"].isin(["f0", "f1"])
    samples.loc[final_forms, ["rendered", "error_kind", "visual"]] = [False, "unsupported", 0.0]
    table = overall_table(samples, **CI).set_index("checkpoint")
    base, final = table.loc["base"], table.loc["final"]
    assert (base["render_rate"], base["unsupported_share"], base["render_rate_supported"]) == pytest.approx(
        (0.6, 0.0, 0.6)
    )
    assert (final["render_rate"], final["unsupported_share"], final["render_rate_supported"]) == pytest.approx(
        (0.8, 0.2, 1.0)
    )
    assert final["unsupported_share_delta_pp"] == pytest.approx(20.0)
    # paired over the 8 screens supported at both: the 4 menu screens went from failing to rendering
    assert final["render_rate_supported_delta_pp"] == pytest.approx(50.0)
    assert final["render_rate_supported_low"] <= 1.0 == final["render_rate_supported_high"]

    samples.loc[(samples["checkpoint"] == "final") & (samples["screen_type"] == "menu"), ["rendered", "error_kind"]] = [
        False,
        "unsupported",
    ]
    by_type = breakdown_table(samples, "screen_type", **CI).set_index(["checkpoint", "screen_type"])
    menu, form = by_type.loc[("final", "menu")], by_type.loc[("final", "form")]
    assert (
        menu["unsupported_share"] == 1.0
        and menu[["render_rate_supported", "render_rate_supported_delta_pp"]].isna().all()
    )
    assert (form["render_rate"], form["unsupported_share"], form["render_rate_supported"]) == pytest.approx(
        (4 / 6, 2 / 6, 1.0)
    )
    assert "unsupported" not in samples.columns  # derived from error_kind: cached units need no new column


def test_deltas_are_nan_without_a_base(samples):
    table = overall_table(samples[samples["checkpoint"] != "base"], **CI)
    assert table["render_rate_delta_pp"].isna().all()


def test_error_table_counts_kinds_per_checkpoint(samples):
    table = error_table(samples).set_index("checkpoint")
    assert table.loc["base", "syntax"] == 3 and table.loc["base", "overflow"] == 1
    assert table.loc["base", "failed"] == 4 and table.loc["base", "rendered"] == 6
    assert table.loc["final", "failed"] == 0
    assert {"syntax", "unsupported", "overflow", "timeout", "analysis", "runtime", "crash"} <= set(table.columns)


def test_error_table_adds_scorer_kinds_when_they_occur(samples):
    samples.loc[(samples["checkpoint"] == "final") & (samples["id"] == "m0"), ["rendered", "error_kind"]] = [
        False,
        "empty_completion",
    ]
    table = error_table(samples).set_index("checkpoint")
    assert table.loc["final", "empty_completion"] == 1 and table.loc["base", "empty_completion"] == 0
