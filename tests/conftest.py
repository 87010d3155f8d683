"""Shared pytest fixtures. Each area keeps its own fixtures in tests/<area>/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_services_config(directory: Path) -> Path:
    """The repository's pipeline.toml with the services on free ports and a state dir under `directory`."""
    import re

    text = (REPO_ROOT / "pipeline.toml").read_text()
    for key, value in (
        ("prefect_port", free_port()),
        ("mlflow_port", free_port()),
        ("state_dir", f'"{directory / "state"}"'),
    ):
        text, count = re.subn(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
        assert count == 1, f"pipeline.toml should set {key} exactly once"
    config = directory / "pipeline.toml"
    config.write_text(text)
    return config


@pytest.fixture(scope="session")
def live_services(tmp_path_factory: pytest.TempPathFactory):
    """Settings of running Prefect + MLflow services, with the client environment set.

    Uses the services `.ci/run` started (FLUTTER_RL_TEST_SERVICES names their settings file);
    otherwise starts a private set on free ports and stops it at the end of the session.
    """
    import os

    from flows import services
    from flutter_rl.settings import load_settings

    shared = os.environ.get("FLUTTER_RL_TEST_SERVICES")
    config = Path(shared) if shared else private_services_config(tmp_path_factory.mktemp("services"))
    settings = load_settings(config, environ={})
    if shared:
        unhealthy = [name for name, info in services.status(settings).items() if not info["healthy"]]
        if unhealthy:
            pytest.fail(f"FLUTTER_RL_TEST_SERVICES={shared}: not healthy: {unhealthy}")
    else:
        services.up(settings, echo=lambda _: None)
    saved = {key: os.environ.get(key) for key in services.client_env(settings)}
    os.environ.update(services.client_env(settings))
    try:
        yield settings
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if not shared:
            services.down(settings, echo=lambda _: None)
