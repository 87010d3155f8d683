"""The product's main path, end to end: `train-and-eval/default` as a deployment on the real Prefect
server and process worker, logging to the real MLflow server; then what a person sees in both UIs."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from flutter_rl.endpoints import tracking_uri

RUN_TIMEOUT_S = 1200  # one run takes ~6 min on an idle 2-core machine
# The module fixture runs the job twice inside the first test's setup, which pytest-timeout counts
# against that test: give the tests room for both runs instead of the suite's 600 s.
pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.services, pytest.mark.timeout(2 * RUN_TIMEOUT_S + 300)]


@pytest.fixture(scope="module")
def isolated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Overrides that keep this test's data, policy, checkpoints and eval cache out of the repository's runs/."""
    root = tmp_path_factory.mktemp("main-job")
    return {
        "data.output_dir": str(root / "data"),
        "model.name": str(root / "tiny-policy"),
        "train.output_dir": str(root / "train"),
        "eval.output_dir": str(root / "eval"),
        "tracking.experiment": f"main-job-{root.name}",
    }


@pytest.fixture(scope="module")
def two_runs(live_services, isolated: dict[str, str]):
    """Register the deployments, then run train-and-eval/default twice with the same parameters."""
    from prefect.deployments import run_deployment

    from flows.deployments import register_deployments

    register_deployments(live_services, live_services.source)
    runs = []
    for _ in range(2):
        started = time.monotonic()
        flow_run = run_deployment("train-and-eval/default", parameters={"overrides": isolated}, timeout=RUN_TIMEOUT_S)
        runs.append((flow_run, time.monotonic() - started))
    return runs


def _task_states(flow_run_id) -> dict[str, str]:
    from prefect.client.orchestration import get_client

    from flows.main_job import task_states as states

    with get_client(sync_client=True) as client:
        return states(client, flow_run_id)


def test_the_deployment_runs_to_completion_and_reports_to_mlflow(two_runs, live_services, isolated) -> None:
    import mlflow

    flow_run, _ = two_runs[0]
    assert flow_run.state.is_completed(), flow_run.state.message
    summary = flow_run.state.result()
    checkpoints = [row["checkpoint"] for row in summary["sweep"]["overall"]]
    assert checkpoints[0] == "base" and len(checkpoints) >= 2
    client = mlflow.MlflowClient(tracking_uri(live_services))  # explicit: other tests move mlflow's global URI
    sweep = client.get_run(summary["sweep"]["mlflow_run_id"])
    assert sweep.data.tags["sweep_role"] == "sweep"
    artifacts = {a.path for a in client.list_artifacts(sweep.info.run_id, "tables")}
    assert {"tables/overall.json", "tables/by_screen_type.json", "tables/by_difficulty.json"} <= artifacts
    plots = {a.path for a in client.list_artifacts(sweep.info.run_id, "plots")}
    assert "plots/metric_vs_step.png" in plots
    training = client.get_run(summary["train"]["mlflow_run_id"])
    assert "rewards/format_reward/mean" in training.data.metrics


def test_the_second_run_is_served_from_the_cache(two_runs) -> None:
    (first, first_s), (second, second_s) = two_runs
    assert second.state.is_completed(), second.state.message
    states = _task_states(second.id)  # task run names are '<task name>-<3 hex>'
    by_task = {name.rsplit("-", 1)[0]: state for name, state in states.items()}
    assert by_task["curate-dataset"] == "Cached"
    assert by_task["train-policy"] == "Cached"
    assert by_task["sweep-checkpoints"] == "Completed"  # not cached by Prefect: a new MLflow sweep run each time
    assert second.state.result()["train"] == first.state.result()["train"]
    assert second_s < first_s


def test_prefect_and_mlflow_pages_show_the_run(two_runs, live_services, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from flows import services

    flow_run, _ = two_runs[0]
    summary = flow_run.state.result()["sweep"]
    sweep_id = summary["mlflow_run_id"]
    import mlflow

    sweep = mlflow.MlflowClient(tracking_uri(live_services)).get_run(sweep_id)
    prefect_page = f"{services.services(live_services)[0].url}/runs/flow-run/{flow_run.id}"
    mlflow_page = f"{services.mlflow_url(live_services)}/#/experiments/{sweep.info.experiment_id}/runs/{sweep_id}"
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=live_services.renderer.chromium_path, args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(prefect_page)
        page.get_by_text(flow_run.name).first.wait_for(timeout=60_000)
        page.screenshot(path=tmp_path / "prefect.png", full_page=True)
        assert flow_run.name in page.inner_text("body")
        assert "Completed" in page.inner_text("body")

        page.goto(mlflow_page)
        page.get_by_text(sweep.info.run_name).first.wait_for(timeout=60_000)
        page.get_by_text("eval_screens").first.wait_for(timeout=60_000)
        page.screenshot(path=tmp_path / "mlflow.png", full_page=True)
        body = page.inner_text("body")
        browser.close()
    assert sweep.info.run_name in body
    # a value of the run's parameter table, beside its key
    assert re.search(rf"eval_screens\s+{sweep.data.params['eval_screens']}\b", body), body[:3000]
