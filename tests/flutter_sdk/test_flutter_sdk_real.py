"""Renders through a REAL Flutter SDK. Skipped on this project's machines, where Flutter cannot be installed."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderSize
from flutter_renderer.settings import RendererSettings

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
    results = backend.render_batch(
        [HELLO, "class {", OVERFLOW, THROWS, "import 'package:nope/nope.dart';"], size=RenderSize(390, 844, 2.0)
    )
    assert results[0].ok, results[0].message
    image = Image.open(io.BytesIO(results[0].png)).convert("RGB")
    assert image.size == (780, 1688)
    assert len(set(image.getdata())) > 10  # an app bar, text and a red icon, not a blank frame
    assert results[1].error_kind is ErrorKind.SYNTAX
    assert results[2].error_kind is ErrorKind.OVERFLOW and "overflowed" in results[2].message
    assert results[3].error_kind is ErrorKind.RUNTIME
    assert results[4].error_kind is ErrorKind.ANALYSIS


def test_real_sdk_endless_build_is_a_timeout(backend):
    results = backend.render_batch([SPIN, HELLO], timeout=5)
    assert results[0].error_kind is ErrorKind.TIMEOUT
    assert results[1].ok


# Issue 16: what the harness fixes do to real pixels. Written for, and never yet run on, a real SDK.
FAB = """import 'package:flutter/material.dart';

class Fab extends StatelessWidget {
  const Fab({super.key});
  @override
  Widget build(BuildContext context) => Scaffold(
        backgroundColor: Colors.white,
        floatingActionButton: FloatingActionButton(
            onPressed: () {}, backgroundColor: Colors.white, elevation: 6, child: const SizedBox()),
      );
}
"""

DELAYED = """import 'package:flutter/material.dart';

class Delayed extends StatefulWidget {
  const Delayed({super.key});
  @override
  State<Delayed> createState() => _DelayedState();
}

class _DelayedState extends State<Delayed> {
  final Future<int> answer = Future<int>.delayed(const Duration(seconds: 2), () => 42);
  @override
  Widget build(BuildContext context) => FutureBuilder<int>(
        future: answer,
        builder: (context, snapshot) => Container(color: snapshot.hasData ? Colors.green : Colors.red),
      );
}
"""

PAINTS_SIZES = """import 'package:flutter/material.dart';
import 'package:flutter/rendering.dart';

class Debugging extends StatelessWidget {
  const Debugging({super.key});
  @override
  Widget build(BuildContext context) {
    debugPaintSizeEnabled = true;
    return const Scaffold(body: Center(child: Text('debug')));
  }
}
"""

WHITE = """import 'package:flutter/material.dart';

class White extends StatelessWidget {
  const White({super.key});
  @override
  Widget build(BuildContext context) => Container(color: Colors.white);
}
"""

MISSING_ASSET = """import 'package:flutter/material.dart';

class Logo extends StatelessWidget {
  const Logo({super.key});
  @override
  Widget build(BuildContext context) => Container(
        decoration: const BoxDecoration(image: DecorationImage(image: AssetImage('assets/missing.png'))));
}
"""

CUPERTINO = """import 'package:flutter/cupertino.dart';

void main() => runApp(const CupertinoApp(home: Thin()));

class Thin extends StatelessWidget {
  const Thin({super.key});
  @override
  Widget build(BuildContext context) => const CupertinoPageScaffold(
        backgroundColor: CupertinoColors.white,
        child: Center(child: Text('iiiiii', style: TextStyle(fontSize: 60, color: CupertinoColors.black))),
      );
}
"""


def _gray(png: bytes) -> list[int]:
    return list(Image.open(io.BytesIO(png)).convert("L").getdata())


def test_real_sdk_draws_real_shadows(backend):
    (result,) = backend.render_batch([FAB], size=RenderSize(200, 200, 1.0))
    assert result.ok, result.message
    assert min(_gray(result.png)) > 64  # debugDisableShadows strokes a 12 px black ring around the FAB


def test_real_sdk_waits_for_a_delayed_future(backend):
    (result,) = backend.render_batch([DELAYED], size=RenderSize(100, 100, 1.0))
    assert result.ok, result.message
    assert Image.open(io.BytesIO(result.png)).convert("RGB").getpixel((50, 50)) == (76, 175, 80)  # Colors.green


def test_real_sdk_debug_switches_do_not_leak_into_the_next_candidate(backend):
    results = backend.render_batch([PAINTS_SIZES, WHITE], size=RenderSize(100, 100, 1.0))
    assert results[1].ok, results[1].message
    assert set(_gray(results[1].png)) == {255}


def test_real_sdk_missing_asset_is_only_a_warning(backend):
    (result,) = backend.render_batch([MISSING_ASSET], size=RenderSize(100, 100, 1.0))
    assert result.ok, result.message
    assert any("Unable to load asset" in w for w in result.warnings)


def test_real_sdk_cupertino_text_uses_real_glyphs(backend):
    (result,) = backend.render_batch([CUPERTINO], size=RenderSize(400, 200, 1.0))
    assert result.ok, result.message
    image = Image.open(io.BytesIO(result.png)).convert("L")
    ink = image.point(lambda v: 255 if v < 128 else 0)
    box = ink.getbbox()
    assert box is not None
    inked = sum(1 for v in ink.crop(box).getdata() if v)
    assert inked / ((box[2] - box[0]) * (box[3] - box[1])) < 0.4  # the test font's glyphs are solid boxes


def test_real_sdk_compiles_candidates_at_the_installed_language_version(backend):
    version = backend.sdk.dart_version
    if tuple(int(part) for part in version.split(".")[:2]) < (3, 7):
        pytest.skip(f"wildcard variables need Dart 3.7, this SDK has {version}")
    wildcards = WHITE.replace(
        "Container(color: Colors.white)",
        "Builder(builder: (_) => LayoutBuilder(builder: (_, _) => Container(color: Colors.white)))",
    )
    (result,) = backend.render_batch([wildcards], size=RenderSize(50, 50, 1.0))
    assert result.ok, result.message
