"""Local services: a Prefect server, a Prefect process worker and an MLflow tracking server.

`up` starts each service that is not already running, bound to 127.0.0.1 on the ports of
`[orchestration]`, waits until it answers its health check, and records its PID, command line and
log under `[orchestration] state_dir`. `down` stops exactly the processes recorded there (their
whole process groups), and `status` says what is up and where the UIs are.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from flutter_rl.endpoints import client_env, mlflow_url, prefect_api_url, state_dir
from flutter_rl.settings import Settings

HEALTH_TIMEOUT_S = 120.0


class ServicesError(RuntimeError):
    """A service could not be started or checked; the message says which and why."""


@dataclass(frozen=True)
class Service:
    """One local service: how to start it and how to tell it is healthy."""

    name: str
    command: list[str]
    env: dict[str, str]
    port: int | None  # the port it binds, checked free before start; None for the worker
    url: str  # what a person opens (UI) or what clients use
    healthy: Callable[[], bool]


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _worker_polling(settings: Settings) -> bool:
    """True when the Prefect API lists a worker of our pool with a heartbeat in the last minute."""
    url = f"{prefect_api_url(settings)}/work_pools/{settings.orchestration.work_pool}/workers/filter"
    request = urllib.request.Request(url, data=b"{}", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            workers = json.load(response)
    except (urllib.error.URLError, OSError, ValueError):
        return False
    return any(w.get("status") == "ONLINE" for w in workers)


def services(settings: Settings) -> list[Service]:
    """The three services in start order (the worker needs the Prefect server)."""
    o = settings.orchestration
    root = state_dir(settings)
    bin_dir = Path(sys.executable).parent
    prefect_env = {**client_env(settings), "PREFECT_LOGGING_LEVEL": "INFO"}
    return [
        Service(
            name="prefect-server",
            command=[str(bin_dir / "prefect"), "server", "start", "--host", o.host, "--port", str(o.prefect_port)],
            env=prefect_env,
            port=o.prefect_port,
            url=f"http://{o.host}:{o.prefect_port}",
            healthy=lambda: _http_ok(f"{prefect_api_url(settings)}/health"),
        ),
        Service(
            name="prefect-worker",
            command=[str(bin_dir / "prefect"), "worker", "start", "--pool", o.work_pool, "--type", "process"],
            env=prefect_env,
            port=None,
            url=f"http://{o.host}:{o.prefect_port}/work-pools/work-pool/{o.work_pool}",
            healthy=lambda: _worker_polling(settings),
        ),
        Service(
            name="mlflow-server",
            command=[
                str(bin_dir / "mlflow"),
                "server",
                "--host",
                o.host,
                "--port",
                str(o.mlflow_port),
                "--backend-store-uri",
                f"sqlite:///{root / 'mlflow' / 'mlflow.db'}",
                "--artifacts-destination",
                str(root / "mlflow" / "artifacts"),
                "--workers",
                "1",
            ],
            env={},
            port=o.mlflow_port,
            url=mlflow_url(settings),
            healthy=lambda: _http_ok(f"{mlflow_url(settings)}/health"),
        ),
    ]


def _pid_file(settings: Settings, name: str) -> Path:
    return state_dir(settings) / "pids" / f"{name}.json"


def _read_record(settings: Settings, name: str) -> dict | None:
    path = _pid_file(settings, name)
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _alive(record: dict | None) -> bool:
    """The recorded process still runs and is the one we started (guards against PID reuse)."""
    if not record:
        return False
    try:
        raw = Path(f"/proc/{record['pid']}/cmdline").read_bytes()
    except OSError:
        return False
    args = [part.decode() for part in raw.split(b"\0") if part]
    tail = record["command"][1:]  # argv[0] may be the interpreter of a script entry point
    return args[-len(tail) :] == tail


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _start(settings: Settings, service: Service) -> None:
    root = state_dir(settings)
    (root / "pids").mkdir(parents=True, exist_ok=True)
    (root / "logs").mkdir(parents=True, exist_ok=True)
    (root / "mlflow").mkdir(parents=True, exist_ok=True)
    if service.port is not None and not _port_free(settings.orchestration.host, service.port):
        key = "prefect_port" if service.name.startswith("prefect") else "mlflow_port"
        raise ServicesError(
            f"{service.name}: port {service.port} on {settings.orchestration.host} is already in use by another "
            f"process; stop it or choose another port with [orchestration] {key}"
        )
    log_path = root / "logs" / f"{service.name}.log"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            service.command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **service.env},
            cwd=root,
            start_new_session=True,  # its own process group, so `down` stops its children too
        )
    record = {"pid": process.pid, "command": service.command, "url": service.url, "log": str(log_path)}
    _pid_file(settings, service.name).write_text(json.dumps(record))
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while time.monotonic() < deadline:
        if service.healthy():
            return
        if process.poll() is not None:
            raise ServicesError(f"{service.name} exited with code {process.returncode}; see {log_path}")
        time.sleep(0.5)
    raise ServicesError(f"{service.name} not healthy after {HEALTH_TIMEOUT_S:.0f} s; see {log_path}")


PREFECT_TOML_MARK = "# Written by `flutter-rl services up`"


def _prefect_toml(settings: Settings) -> Path | None:
    """The settings file's folder's prefect.toml (None for settings that come from no file)."""
    return Path(settings.source).parent / "prefect.toml" if settings.source else None


def _ours(target: Path) -> bool:
    return target.exists() and target.read_text().startswith(PREFECT_TOML_MARK)


def write_prefect_toml(settings: Settings, echo: Callable[[str], None] = print) -> None:
    """Point the `prefect` CLI run in the settings file's folder at this project's Prefect server.

    Prefect reads `prefect.toml` from the working directory (an environment variable still wins), so
    `prefect deployment run train-and-eval/default` in the project folder reaches the server without
    `eval "$(flutter-rl services env)"`; without it, Prefect starts a temporary server of its own and
    answers "Deployment not found". A prefect.toml that flutter-rl did not write is left alone; `down`
    removes the one it wrote, so that Prefect run there afterwards uses its own temporary server again.
    """
    target = _prefect_toml(settings)
    if target is None:
        return
    folder = target.parent
    if target.exists() and not _ours(target):
        echo(f'{target} is not flutter-rl\'s, left as is: run `eval "$(flutter-rl services env)"` before `prefect`')
        return
    url = prefect_api_url(settings)
    target.write_text(
        f"{PREFECT_TOML_MARK} from [orchestration] of the settings: the `prefect` CLI run in\n"
        "# this folder talks to the project's Prefect server (PREFECT_API_URL in the environment wins).\n"
        f'[api]\nurl = "{url}"\n'
    )
    echo(f"prefect CLI in {folder}: {url} (prefect.toml)")


def up(settings: Settings, echo: Callable[[str], None] = print) -> None:
    """Start every service that is not running; harmless when all are up already. The `prefect` CLI
    run in the settings file's folder is pointed at the server (`write_prefect_toml`)."""
    for service in services(settings):
        if _alive(_read_record(settings, service.name)) and service.healthy():
            echo(f"{service.name}: already up at {service.url}")
            continue
        echo(f"{service.name}: starting ...")
        try:
            _start(settings, service)
        except ServicesError:
            _stop(settings, service.name)
            raise
        echo(f"{service.name}: up at {service.url}")
    write_prefect_toml(settings, echo)


def _stop(settings: Settings, name: str, grace_s: float = 15.0) -> bool:
    """Stop one recorded service (its process group); True when something was stopped."""
    record = _read_record(settings, name)
    stopped = False
    if _alive(record):
        pgid = os.getpgid(record["pid"])
        os.killpg(pgid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline and _group_alive(pgid):
            time.sleep(0.2)
        if _group_alive(pgid):
            os.killpg(pgid, signal.SIGKILL)
        stopped = True
    _pid_file(settings, name).unlink(missing_ok=True)
    return stopped


def _group_alive(pgid: int) -> bool:
    """True while any process of the group runs. Exited children of ours linger as zombies, which
    still count as members, so they are reaped first."""
    try:
        while os.waitpid(-pgid, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def down(settings: Settings, echo: Callable[[str], None] = print) -> None:
    """Stop the recorded services, worker first."""
    for service in reversed(services(settings)):
        echo(f"{service.name}: {'stopped' if _stop(settings, service.name) else 'was not running'}")
    target = _prefect_toml(settings)
    if target is not None and _ours(target):
        target.unlink()


def status(settings: Settings) -> dict[str, dict]:
    """What is up: per service, whether its process runs, whether it is healthy, its PID and URL."""
    report = {}
    for service in services(settings):
        record = _read_record(settings, service.name)
        alive = _alive(record)
        report[service.name] = {
            "running": alive,
            "healthy": alive and service.healthy(),
            "pid": record["pid"] if alive else None,
            "url": service.url,
            "log": record["log"] if record else None,
        }
    return report
