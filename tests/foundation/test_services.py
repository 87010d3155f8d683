"""Local services over real connections: Prefect server + worker, MLflow tracking server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from flows import services
from flutter_rl.endpoints import tracking_uri
from flutter_rl.settings import load_settings

pytestmark = [pytest.mark.e2e, pytest.mark.services]


def test_trivial_flow_run_is_recorded_by_the_prefect_api(live_services, tmp_path: Path) -> None:
    name = f"probe-{uuid.uuid4().hex[:8]}"
    script = tmp_path / "flow.py"
    script.write_text(
        textwrap.dedent(f"""
        from prefect import flow, task

        @task
        def double(x: int) -> int:
            return 2 * x

        @flow(name="foundation-probe", flow_run_name="{name}")
        def probe() -> int:
            return double(21)

        assert probe() == 42
    """)
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=os.environ, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[name])))
    assert len(runs) == 1
    assert runs[0].state.is_completed()


def test_mlflow_run_round_trips_through_the_tracking_server(live_services) -> None:
    import mlflow

    client = mlflow.MlflowClient(tracking_uri=tracking_uri(live_services))
    experiment_id = client.create_experiment(f"probe-{uuid.uuid4().hex[:8]}")
    run = client.create_run(experiment_id)
    client.log_metric(run.info.run_id, "render_rate", 0.64)
    client.log_param(run.info.run_id, "beta", "0.1")
    client.set_terminated(run.info.run_id)
    fetched = client.get_run(run.info.run_id)
    assert fetched.data.metrics["render_rate"] == 0.64
    assert fetched.data.params["beta"] == "0.1"
    assert tracking_uri(live_services).startswith("http://127.0.0.1:")


def test_status_reports_every_service_healthy(live_services) -> None:
    report = services.status(live_services)
    assert set(report) == {"prefect-server", "prefect-worker", "mlflow-server"}
    assert all(info["healthy"] for info in report.values()), report


def test_up_twice_is_harmless_and_down_leaves_nothing(tmp_path: Path) -> None:
    from tests.conftest import private_services_config

    settings = load_settings(private_services_config(tmp_path), environ={})
    try:
        services.up(settings, echo=lambda _: None)
        pids = {name: info["pid"] for name, info in services.status(settings).items()}
        assert all(pids.values())
        # The plain `prefect` CLI in the settings' folder, in a shell without the client environment
        # (issue 19: it started a temporary server and answered "Deployment not found").
        shell = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        pools = subprocess.run(
            [str(Path(sys.executable).with_name("prefect")), "work-pool", "inspect", settings.orchestration.work_pool],
            cwd=tmp_path,
            env=shell,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert pools.returncode == 0, pools.stderr[-2000:]
        assert f"name='{settings.orchestration.work_pool}'" in pools.stdout
        assert "temporary server" not in pools.stdout + pools.stderr
        lines: list[str] = []
        services.up(settings, echo=lines.append)
        assert all("already up" in line for line in lines[:-1]) and "prefect.toml" in lines[-1]
        assert {name: info["pid"] for name, info in services.status(settings).items()} == pids
    finally:
        services.down(settings, echo=lambda _: None)
    for pid in pids.values():
        assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid), f"process {pid} survived down"
    assert not (tmp_path / "prefect.toml").exists(), "down leaves the folder's Prefect on its own server again"
    assert not any(info["running"] for info in services.status(settings).values())


def _is_zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"


def test_a_taken_port_gives_a_clear_error(tmp_path: Path) -> None:
    from tests.conftest import private_services_config

    settings = load_settings(private_services_config(tmp_path), environ={})
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", settings.orchestration.prefect_port))
        blocker.listen()
        with pytest.raises(services.ServicesError, match=r"port \d+ .* already in use.*prefect_port"):
            services.up(settings, echo=lambda _: None)
    assert not any(info["running"] for info in services.status(settings).values())
