"""`[renderer] chromium_path` is the browser the pool launches (a wrapper script works, as on the GPU
loan), `start()` returns with every worker warm, and `flutter-rl doctor` checks that same path."""

from __future__ import annotations

import pytest

from flutter_renderer.embedded.backend import EmbeddedBackend
from flutter_rl import doctor
from flutter_rl.settings import load_settings

from .conftest import CHROMIUM, needs_chromium, screen_source


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """A settings file of this test's own (the repo's may be mid-edit by other work)."""
    settings_file = tmp_path / "pipeline.toml"
    settings_file.write_text("[renderer]\nworkers = 1\n")
    monkeypatch.setenv("FLUTTER_RL_SETTINGS", str(settings_file))
    monkeypatch.delenv("FLUTTER_RL_PRESET", raising=False)


def _wrapper(tmp_path):
    """A Chromium wrapper script that logs each launch, like install_renderer.sh's chromium.sh."""
    log = tmp_path / "launched.txt"
    script = tmp_path / "chromium.sh"
    script.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {CHROMIUM} "$@"\n')
    script.chmod(0o755)
    return script, log


@pytest.mark.e2e
@needs_chromium
def test_pool_launches_the_configured_chromium_and_start_waits_until_warm(tmp_path, monkeypatch):
    script, log = _wrapper(tmp_path)
    monkeypatch.setenv("FLUTTER_RL__RENDERER__CHROMIUM_PATH", str(script))
    with EmbeddedBackend(load_settings().renderer, workers=2) as backend:
        backend.start()
        assert [w.state for w in backend.workers] == ["idle", "idle"]
        assert len(log.read_text().splitlines()) == 2  # one browser per worker, both through the wrapper
        result = backend.render_batch([screen_source("Wrapped")])[0]
    assert result.ok, result.message


def test_doctor_checks_the_configured_chromium(tmp_path, monkeypatch):
    script, _ = _wrapper(tmp_path)
    monkeypatch.setenv("FLUTTER_RL__RENDERER__CHROMIUM_PATH", str(script))
    assert doctor._chromium_check() == doctor.Check("chromium", True, str(script))
    monkeypatch.setenv("FLUTTER_RL__RENDERER__CHROMIUM_PATH", str(tmp_path / "missing"))
    check = doctor._chromium_check()
    assert not check.ok and "[renderer] chromium_path" in check.detail
