"""Backend selection and the RenderBackend contract (no browser is started)."""

from __future__ import annotations

import pytest

from flutter_renderer.api import RenderBackend
from flutter_renderer.embedded.backend import EmbeddedBackend, source_version
from flutter_renderer.render import make_backend
from flutter_renderer.settings import RendererSettings


def test_embedded_backend_is_a_render_backend_built_from_settings():
    backend = make_backend(RendererSettings(workers=3, width=320, height=640, pixel_ratio=2.0, timeout_s=4.0))
    assert isinstance(backend, EmbeddedBackend) and isinstance(backend, RenderBackend)
    assert backend.name == "embedded" and backend.version == source_version()
    assert (backend.size.width, backend.size.height, backend.size.pixel_ratio) == (320, 640, 2.0)
    assert backend.timeout == 4.0 and backend._pool.workers == 3
    backend.close()  # never started: closing is a no-op, and safe twice
    backend.close()


def test_version_names_the_backend_and_is_stable():
    assert source_version() == source_version()
    assert source_version().startswith("embedded-")


def test_unknown_backend_is_refused():
    class Renderer:
        backend = "povray"

    with pytest.raises(ValueError, match="povray"):
        make_backend(Renderer())


def test_the_fixed_now_reaches_the_workers_and_the_version():
    """`[renderer] now` is what DateTime.now() returns in the workers; it is part of the version, so
    cached renders of date-showing screens are redone when it changes."""
    backend = make_backend(RendererSettings(now="2023-01-02T03:04:05"))
    assert backend._pool.now == "2023-01-02T03:04:05"
    assert backend.version == source_version("2023-01-02T03:04:05") != source_version()
    with pytest.raises(ValueError):
        RendererSettings(now="2023-01-02T03:04:05Z")


def test_the_worker_compiles_with_the_environment_it_was_started_with():
    from datetime import datetime

    from flutter_renderer.api import RenderSize
    from flutter_renderer.dart import Environment
    from flutter_renderer.embedded.worker import _compile

    source = "import 'package:flutter/material.dart';\nvoid main() => runApp(Text('${DateTime.now().year}'));\n"
    tree = _compile(source, RenderSize(), 5.0, Environment(datetime(1999, 12, 31)))
    assert tree.args == ("1999",)
