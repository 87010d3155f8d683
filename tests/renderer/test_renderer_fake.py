"""The one fake renderer of the tests keeps the RenderBackend contract and answers as the embedded backend."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderBackend, RenderSize
from flutter_renderer.fake import FAIL_MARKER, FakeBackend
from flutter_renderer.settings import RendererSettings

SCREEN = """import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Scaffold(body: Text('Inbox'))));
"""
UNSUPPORTED = SCREEN.replace("home: Scaffold(body: Text('Inbox'))", "routes: {}")
BROKEN = SCREEN.replace("runApp(", "runApp((")


def test_fake_keeps_the_contract_and_owns_its_size() -> None:
    fake = FakeBackend(RendererSettings(width=100, height=200, pixel_ratio=2.0))
    assert isinstance(fake, RenderBackend)
    ok, unsupported, failed = fake.render_batch([SCREEN, UNSUPPORTED, SCREEN + FAIL_MARKER])
    assert ok.ok and Image.open(io.BytesIO(ok.png)).size == (200, 400)
    assert unsupported.error_kind is ErrorKind.UNSUPPORTED and failed.error_kind is ErrorKind.RUNTIME
    assert fake.render_batch([SCREEN])[0].png == ok.png  # equal code, equal screen
    assert fake.render_batch([SCREEN], size=RenderSize(10, 20, 1.0))[0].png != ok.png
    assert fake.calls == [[SCREEN, UNSUPPORTED, SCREEN + FAIL_MARKER], [SCREEN], [SCREEN]]
    assert FakeBackend(draw=lambda code: None).render_batch([SCREEN])[0].error_kind is ErrorKind.SYNTAX


@pytest.mark.e2e
def test_fake_answers_the_scripted_cases_as_the_embedded_backend(backend) -> None:
    """The behaviour the fake claims is the real backend's: `unsupported` for MaterialApp without home,
    `syntax` for code the front end cannot parse, a PNG of the settings' size otherwise."""
    fake = FakeBackend(draw=lambda code: None if "((" in code else Image.new("RGB", (390, 844)))
    real = backend.render_batch([SCREEN, UNSUPPORTED, BROKEN])
    faked = fake.render_batch([SCREEN, UNSUPPORTED, BROKEN])
    assert (
        [r.error_kind for r in real] == [f.error_kind for f in faked] == [None, ErrorKind.UNSUPPORTED, ErrorKind.SYNTAX]
    )
    assert "MaterialApp without home (routes/onGenerateRoute) is not supported" in real[1].message
    assert Image.open(io.BytesIO(real[0].png)).size == Image.open(io.BytesIO(faked[0].png)).size


def test_the_renderer_does_not_import_the_pipeline() -> None:
    code = (
        "import sys, flutter_renderer.render, flutter_renderer.settings, flutter_renderer.fake, "
        "flutter_renderer.embedded.backend, flutter_renderer.flutter_sdk.backend, flutter_renderer.flutter_sdk.diagnose; "
        "bad = [m for m in sys.modules if m.startswith('flutter_rl')]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_render_command_needs_no_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.cli import main
    from flutter_renderer import render

    seen = []
    monkeypatch.setattr(render, "render_file", lambda source, output, *, settings: seen.append(settings) or 0)
    monkeypatch.chdir(tmp_path)  # no pipeline.toml here
    monkeypatch.delenv("FLUTTER_RL_SETTINGS", raising=False)
    assert main(["--set", "renderer.width=200", "render", "screen.dart"]) == 0
    assert seen == [RendererSettings(width=200)]
    assert main(["config"]) == 2  # the pipeline's other commands still need the file
