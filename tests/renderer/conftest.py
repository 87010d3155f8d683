"""Fixtures of the renderer tests: one warm embedded backend per test module that needs a browser."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from flutter_renderer.embedded.worker import HANG_MARKER_ENV

CHROMIUM = "/usr/bin/chromium"
HANG_MARKER = "__render_hang_test__"

needs_chromium = pytest.mark.skipif(not (Path(CHROMIUM).exists() or shutil.which("chromium")),
                                    reason="Chromium is not installed (scripts/setup.sh installs it)")


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


@pytest.fixture(scope="module")
def backend():
    """Two warm workers; the hang marker is set before they start so the test hook is active."""
    from flutter_renderer.embedded.backend import EmbeddedBackend

    os.environ[HANG_MARKER_ENV] = HANG_MARKER
    with EmbeddedBackend(workers=2, chromium_path=CHROMIUM, timeout_s=10.0) as warm:
        warm.start()
        yield warm
    os.environ.pop(HANG_MARKER_ENV, None)
