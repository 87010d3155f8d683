"""The embedded backend under faults (issue 21): a killed GPU process never yields a wrong image, no
screen color is mistaken for the frame marker, and a front-end budget timeout keeps its worker."""

from __future__ import annotations

import io
import threading

import psutil
import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind
from flutter_renderer.embedded.page_driver import gpu_process

from .conftest import needs_chromium, screen_source

pytestmark = [pytest.mark.e2e, needs_chromium]

COLORS = ["red", "blue", "green", "orange", "purple", "teal", "amber", "pink", "indigo", "brown"]
# The frame marker color of the renderer before issue 21 (now the blank screen's color): a screen of
# that color at its top-left corner timed out and restarted a worker.
OLD_MARKER_RGB = (1, 254, 2)


def pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGB").tobytes()


def worker_pids(backend) -> list[int]:
    return [w.process.pid for w in backend.workers]


def settled_pids(backend) -> list[int]:
    """The worker pids once each worker has rendered a screen (a worker left with a dead GPU process by
    an earlier test restarts here, not in the middle of the test) and is warm again."""
    backend.render_batch([screen_source(title="One"), screen_source(title="Two")])
    backend.start()
    return worker_pids(backend)


def bare_screen(scaffold: str) -> str:
    return f"""
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Home()));
class Home extends StatelessWidget {{
  const Home({{super.key}});
  @override
  Widget build(BuildContext context) => {scaffold};
}}
"""


def _kill(process: psutil.Process) -> None:
    try:
        process.kill()
    except psutil.NoSuchProcess:
        pass


@pytest.mark.timeout(420)
def test_killed_gpu_process_mid_batch_never_yields_a_wrong_image(backend):
    codes = [
        screen_source(
            title=f"Screen {i}",
            body=f"Container(color: Colors.{COLORS[i % len(COLORS)]}, child: Center(child: Text('Body {i}')))",
        )
        for i in range(20)
    ]
    # A generous timeout: a render slowed by a loaded machine must not pass for the kill's effect.
    reference = backend.render_batch(codes, timeout=30.0)
    assert all(r.ok for r in reference), [r.message for r in reference if not r.ok]
    # Measured on main before the fix: a blank white PNG came back as ok in 5 of 6 such kills.
    for delay in (0.5, 1.5, 2.5):
        backend.start()  # every worker warm, so each has a GPU process
        victim = gpu_process(psutil.Process(backend.workers[0].process.pid))
        assert victim is not None, "a headless Chromium runs a GPU process even with --disable-gpu"
        killer = threading.Timer(delay, _kill, (victim,))
        killer.start()
        results = backend.render_batch(codes, timeout=30.0)
        killer.join()
        for index, (ref, got) in enumerate(zip(reference, results)):
            assert got.ok or got.error_kind is ErrorKind.CRASH, f"kill at {delay} s, sample {index}: {got.message}"
            if got.ok:
                assert pixels(got.png) == pixels(ref.png), f"kill at {delay} s: sample {index} is not its screen"
        assert sum(r.ok for r in results) >= len(codes) - 1, "the lost sample is rendered again on a fresh browser"
        assert any("GPU process died" in w.last_error or "WebGL" in w.last_error for w in backend.workers)


def test_a_screen_in_any_color_renders_because_the_marker_is_outside_it(backend):
    pids = settled_pids(backend)
    codes = [
        bare_screen("const Scaffold(backgroundColor: Color(0xFF01FE02), body: Center(child: Text('Green')))"),
        bare_screen("const Scaffold(backgroundColor: Color(0xFF01FE02))"),  # pixel for pixel the blank screen
    ]
    green, same_as_blank = backend.render_batch(codes)
    assert green.ok and same_as_blank.ok, (green.message, same_as_blank.message)
    assert Image.open(io.BytesIO(green.png)).convert("RGB").getpixel((0, 0)) == OLD_MARKER_RGB
    assert Image.open(io.BytesIO(same_as_blank.png)).convert("RGB").getcolors() == [(390 * 844, OLD_MARKER_RGB)]
    assert worker_pids(backend) == pids


def test_front_end_budget_timeouts_keep_their_workers(backend):
    pids = settled_pids(backend)
    over_budget = [
        "Builder(builder: (context) { var n = 0; for (var i = 0; i < 1000000000; i++) { n++; } return Text('$n'); })",
        "Builder(builder: (context) { int f(int n) => n < 2 ? 1 : f(n - 1) + f(n - 2); return Text('${f(40)}'); })",
        (
            "Builder(builder: (context) { final g = List.generate(10000, (i) => List.generate(10000, (j) => i * j)); "
            "return Text('${g.length}'); })"
        ),
    ]
    results = backend.render_batch([screen_source(body=body) for body in over_budget] + [screen_source()])
    for result in results[:3]:
        assert result.error_kind is ErrorKind.TIMEOUT and "Evaluation exceeded" in result.message, result.message
    assert results[3].ok
    assert worker_pids(backend) == pids, "a budget timeout of the front end involves no browser: keep the worker"
