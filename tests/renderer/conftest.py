"""Fixtures of the renderer tests: one warm embedded backend per test module that needs a browser."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from flutter_renderer.embedded.worker import HANG_MARKER_ENV

CHROMIUM = "/usr/bin/chromium"
HANG_MARKER = "__render_hang_test__"

needs_chromium = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() or shutil.which("chromium")),
    reason="Chromium is not installed (scripts/setup.sh installs it)",
)


def screen_source(title: str = "Hello", body: str = "const Center(child: Text('World'))") -> str:
    """A small complete Flutter app; `body` is the Scaffold body expression."""
    return f"""
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Home()));
class Home extends StatelessWidget {{
  const Home({{super.key}});
  @override
  Widget build(BuildContext context) {{
    return Scaffold(appBar: AppBar(title: const Text('{title}')), body: {body});
  }}
}}
"""


def state_source(
    build: str,
    fields: str = "",
    init: str = "",
    mixins: str = "SingleTickerProviderStateMixin",
    libraries: tuple[str, ...] = ("material",),
) -> str:
    """An app of one StatefulWidget whose State (`with mixins`) declares `fields`, runs `init` in
    initState and builds the expression `build`; it imports package:flutter's `libraries`."""
    imports = "\n".join(f"import 'package:flutter/{name}.dart';" for name in libraries)
    return f"""
{imports}
void main() => runApp(const Demo());
class Demo extends StatefulWidget {{
  const Demo({{super.key}});
  @override
  State<Demo> createState() => _DemoState();
}}
class _DemoState extends State<Demo> with {mixins} {{
  {fields}
  @override
  void initState() {{
    super.initState();
    {init}
  }}
  @override
  Widget build(BuildContext context) => {build};
}}
"""


def near(pixel: tuple[int, ...], rgb: tuple[int, int, int], tolerance: int = 12) -> bool:
    """Whether a screenshot pixel is within `tolerance` of `rgb` on every channel."""
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb))


def render_images(backend, sources: list[str]) -> list:
    """Render `sources` in one batch (each must draw) and return their screenshots as RGB images."""
    import io

    from PIL import Image

    results = backend.render_batch(sources, timeout=30)
    for result in results:
        assert result.ok, f"{result.error_kind}: {result.message}"
    return [Image.open(io.BytesIO(r.png)).convert("RGB") for r in results]


@pytest.fixture(scope="module")
def backend():
    """Two warm workers; the hang marker is set before they start so the test hook is active."""
    from flutter_renderer.embedded.backend import EmbeddedBackend

    os.environ[HANG_MARKER_ENV] = HANG_MARKER
    with EmbeddedBackend(workers=2, chromium_path=CHROMIUM, timeout_s=10.0) as warm:
        warm.start()
        yield warm
    os.environ.pop(HANG_MARKER_ENV, None)
