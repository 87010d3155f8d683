"""`services up` points the `prefect` CLI of the settings' folder at the project's server (prefect.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flows import services
from flutter_rl.endpoints import prefect_api_url
from flutter_rl.settings import load_settings
from tests.conftest import private_services_config


def prefect_api_url_seen_in(folder: Path) -> str:
    """PREFECT_API_URL as the real Prefect settings resolve it for a process started in `folder`."""
    code = "from prefect.settings import PREFECT_API_URL; print(PREFECT_API_URL.value())"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_the_folder_prefect_toml_gives_prefect_the_servers_url_and_follows_the_port(tmp_path):
    settings = load_settings(private_services_config(tmp_path), environ={})
    lines: list[str] = []
    services.write_prefect_toml(settings, echo=lines.append)
    assert prefect_api_url_seen_in(tmp_path) == prefect_api_url(settings)
    assert any("prefect.toml" in line for line in lines)

    moved = settings.model_copy(deep=True)
    moved.orchestration.prefect_port += 1
    moved.source = settings.source
    services.write_prefect_toml(moved, echo=lines.append)
    assert prefect_api_url_seen_in(tmp_path) == prefect_api_url(moved)


def test_a_users_own_prefect_toml_is_left_alone(tmp_path):
    settings = load_settings(private_services_config(tmp_path), environ={})
    own = '[api]\nurl = "http://10.0.0.5:4200/api"\n'
    (tmp_path / "prefect.toml").write_text(own)
    lines: list[str] = []
    services.write_prefect_toml(settings, echo=lines.append)
    assert (tmp_path / "prefect.toml").read_text() == own
    assert "services env" in lines[0]
    services.down(settings, echo=lambda _: None)
    assert (tmp_path / "prefect.toml").read_text() == own


def test_settings_from_no_file_write_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(None, environ={}, file_optional=True)
    assert settings.source == ""
    services.write_prefect_toml(settings, echo=lambda _: None)
    assert not (tmp_path / "prefect.toml").exists()
