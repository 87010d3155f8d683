"""`flutter-rl run`, the main job in one command.

Brings the local services up if needed, registers the deployments, triggers `train-and-eval/default`
(or another), follows the flow run's task states until it ends, then prints the results table and
where to look: the Prefect flow-run page and the MLflow run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from flows import services
from flutter_rl.endpoints import tracking_uri
from flutter_rl.evaluate.reporting import results_frame, run_link
from flutter_rl.settings import Settings

POLL_S = 2.0


def task_states(client, flow_run_id) -> dict[str, str]:
    """Each task run of a flow run (named '<task>-<3 hex>') with its state name, in start order."""
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {
        run.name: run.state.name if run.state else "?"
        for run in sorted(runs, key=lambda r: r.expected_start_time.timestamp() if r.expected_start_time else 0.0)
    }


def follow_flow_run(flow_run_id, echo: Callable[[str], None] = print, timeout_s: float | None = None):
    """Print each task's state changes until the flow run is final; returns the final flow run."""
    from prefect.client.orchestration import get_client

    seen: dict[str, str] = {}
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    with get_client(sync_client=True) as client:
        while True:
            flow_run = client.read_flow_run(flow_run_id)
            for name, state in task_states(client, flow_run_id).items():
                if seen.get(name) != state:
                    echo(f"  {name:32s} {state}")
                    seen[name] = state
            if flow_run.state and flow_run.state.is_final():
                return flow_run
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"flow run {flow_run.name} still {flow_run.state.name} after {timeout_s:.0f} s")
            time.sleep(POLL_S)


def run_main_job(
    settings: Settings,
    config_path: str | Path,
    deployment: str = "train-and-eval/default",
    echo: Callable[[str], None] = print,
    timeout_s: float | None = None,
) -> int:
    """The whole main job; returns 0 when the flow run completed."""
    services.up(settings, echo=echo)
    os.environ.update(services.client_env(settings))
    from prefect.deployments import run_deployment

    from flows.deployments import register_deployments

    echo(f"registered: {', '.join(register_deployments(settings, config_path))}")
    flow_run = run_deployment(deployment, timeout=0)
    ui = services.services(settings)[0].url
    echo(f"{deployment}: flow run {flow_run.name} -> {ui}/runs/flow-run/{flow_run.id}")
    final = follow_flow_run(flow_run.id, echo=echo, timeout_s=timeout_s)
    echo(f"{deployment}: {final.state.name}")
    if not final.state.is_completed():
        echo(f"see the flow run's logs: {ui}/runs/flow-run/{final.id}")
        return 1
    summary = final.state.result()["sweep"]
    echo(results_frame(summary["overall"]).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    echo(f"Prefect flow run: {ui}/runs/flow-run/{final.id}")
    echo(f"MLflow run:       {run_link(tracking_uri(settings), summary['mlflow_run_id'])}")
    return 0
