"""Renders through a REAL Flutter SDK. Skipped on this project's machines, where Flutter cannot be installed."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderSize
from flutter_rl.settings import RendererSettings

pytestmark = [
    pytest.mark.flutter_sdk,
    pytest.mark.skipif(shutil.which("flutter") is None, reason="needs the Flutter SDK: `flutter` is not on PATH"),
]

HELLO = """import 'package:flutter/material.dart';

void main() => runApp(const HelloApp());

class HelloApp extends StatelessWidget {
  const HelloApp({super.key});
  @override
  Widget build(BuildContext context) => MaterialApp(
        home: Scaffold(
          appBar: AppBar(title: const Text('Hello')),
          body: const Center(child: Icon(Icons.favorite, size: 64, color: Colors.red)),
        ),
      );
}
"""

OVERFLOW = """import 'package:flutter/material.dart';

class TallScreen extends StatelessWidget {
  const TallScreen({super.key});
  @override
  Widget build(BuildContext context) => Scaffold(
        body: Column(children: [for (var i = 0; i < 40; i++) const SizedBox(height: 100, child: Text('row'))]),
      );
}
"""

THROWS = """import 'package:flutter/material.dart';

class Broken extends StatelessWidget {
  const Broken({super.key});
  @override
  Widget build(BuildContext context) {
    final String? name = null;
    return Scaffold(body: Text(name!));
  }
}
"""

SPIN = """import 'package:flutter/material.dart';

class Spin extends StatelessWidget {
  const Spin({super.key});
  @override
  Widget build(BuildContext context) {
    while (true) {}
  }
}
"""


@pytest.fixture(scope="module")
def backend():
    from flutter_renderer.flutter_sdk import FlutterSdkBackend

    with FlutterSdkBackend(RendererSettings(backend="flutter", timeout_s=20, flutter_startup_timeout_s=600)) as b:
        yield b


def test_real_sdk_renders_and_classifies(backend):
    results = backend.render_batch([HELLO, "class {", OVERFLOW, THROWS, "import 'package:nope/nope.dart';"],
                                   size=RenderSize(390, 844, 2.0))
    assert results[0].ok, results[0].message
    image = Image.open(io.BytesIO(results[0].png)).convert("RGB")
    assert image.size == (780, 1688)
    assert len(set(image.getdata())) > 10          # an app bar, text and a red icon, not a blank frame
    assert results[1].error_kind is ErrorKind.SYNTAX
    assert results[2].error_kind is ErrorKind.OVERFLOW and "overflowed" in results[2].message
    assert results[3].error_kind is ErrorKind.RUNTIME
    assert results[4].error_kind is ErrorKind.ANALYSIS


def test_real_sdk_endless_build_is_a_timeout(backend):
    results = backend.render_batch([SPIN, HELLO], timeout=5)
    assert results[0].error_kind is ErrorKind.TIMEOUT
    assert results[1].ok
