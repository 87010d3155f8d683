"""Deployments on the real Prefect server and process worker: registration, the nightly schedule,
fail-fast parameters, and retries of a flaky step."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.services]


@pytest.fixture(scope="module")
def deployments(live_services) -> list[str]:
    from flows.deployments import register_deployments

    return register_deployments(live_services, live_services.source)


def test_every_deployment_is_registered(deployments: list[str]) -> None:
    for name in ("train-and-eval/default", "train-and-eval/reference", "nightly-eval/default"):
        assert name in deployments


def test_nightly_schedule_creates_scheduled_runs(live_services, deployments: list[str]) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("nightly-eval/default")
        crons = [s.schedule.cron for s in deployment.schedules]
        assert crons == [live_services.orchestration.nightly_cron]
        assert deployment.parameters["preset"] == "tiny"
        deadline = time.monotonic() + 150  # the server's scheduler loop runs every 60 s
        scheduled = []
        while time.monotonic() < deadline and not scheduled:
            scheduled = client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])),
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
                ),
            )
            time.sleep(3)
    assert scheduled, "the scheduler created no runs for nightly-eval/default"
    assert all(run.expected_start_time.hour == 2 and run.expected_start_time.minute == 0 for run in scheduled)


def test_a_bad_parameter_fails_fast_with_a_clear_message(deployments: list[str]) -> None:
    from prefect.deployments import run_deployment

    started = time.monotonic()
    flow_run = run_deployment("curate-dataset/default", parameters={"preset": "nope"}, timeout=240)
    assert flow_run.state.is_failed(), flow_run.state
    assert "unknown preset 'nope'" in flow_run.state.message
    assert time.monotonic() - started < 240


def _run_retry_probe(live_services, repo_root: Path, mode: str) -> tuple[str, dict]:
    seed = str(random.randrange(10**9))  # fresh cache key
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    probe = Path(__file__).with_name("retry_probe.py")
    proc = subprocess.run(
        [sys.executable, str(probe), live_services.source, seed, mode],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=repo_root,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return seed, json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_step_that_fails_once_is_retried_and_the_flow_succeeds(live_services, repo_root: Path) -> None:
    seed, outcome = _run_retry_probe(live_services, repo_root, "transient")
    assert outcome == {"result": f"/manifests/{seed}", "attempts": 2}


def test_a_deterministic_failure_is_not_retried(live_services, repo_root: Path) -> None:
    _, outcome = _run_retry_probe(live_services, repo_root, "deterministic")
    assert outcome == {"result": "failed: no screens for the train split (injected)", "attempts": 1}
