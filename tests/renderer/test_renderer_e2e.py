"""End to end: Dart source -> front end -> Flet -> Chromium -> PNG, with faults injected."""

from __future__ import annotations

import io
import threading
import time

import psutil
import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderSize
from flutter_renderer.examples import example_files

from .conftest import HANG_MARKER, needs_chromium, screen_source

pytestmark = [pytest.mark.e2e, needs_chromium]


def pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGB").tobytes()


def test_every_example_renders_at_the_requested_size(backend):
    files = example_files()
    assert len(files) >= 6
    results = backend.render_batch([f.read_text() for f in files])
    for file, result in zip(files, results):
        assert result.ok, f"{file.name}: {result.error_kind} {result.message}"
        assert Image.open(io.BytesIO(result.png)).size == (390, 844)


def test_pixel_ratio_and_size_are_honoured(backend):
    result = backend.render_batch([screen_source()], size=RenderSize(320, 480, 2.0))[0]
    assert result.ok, result.message
    assert Image.open(io.BytesIO(result.png)).size == (640, 960)


def test_same_code_gives_identical_pixels_in_one_backend(backend):
    code = example_files()[0].read_text()
    first, second = backend.render_batch([code, code])
    assert first.ok and second.ok
    assert pixels(first.png) == pixels(second.png)


def test_different_code_gives_different_pixels(backend):
    a, b = backend.render_batch([screen_source(title="Alpha"), screen_source(title="Beta")])
    assert pixels(a.png) != pixels(b.png)


def test_front_end_errors_propagate_and_good_samples_still_render(backend):
    codes = [
        screen_source(),
        "void main( {",  # syntax
        screen_source(body="const Frobnicate()"),  # analysis: unknown class
        screen_source(body="CustomPaint(painter: null)"),  # unsupported
        screen_source(body="Column(children: [ListView(children: const [])])"),  # unbounded viewport
        screen_source(title="Second"),
    ]
    results = backend.render_batch(codes)
    assert [r.error_kind for r in results] == [
        None,
        ErrorKind.SYNTAX,
        ErrorKind.ANALYSIS,
        ErrorKind.UNSUPPORTED,
        ErrorKind.OVERFLOW,
        None,
    ]
    assert results[0].ok and results[5].ok and pixels(results[0].png) != pixels(results[5].png)
    assert all(r.message for r in results[1:5])


def test_hanging_render_times_out_alone(backend):
    codes = [screen_source(title=f"Before {HANG_MARKER}" if i == 1 else f"Screen {i}") for i in range(4)]
    results = backend.render_batch(codes, timeout=4.0)
    assert results[1].error_kind is ErrorKind.TIMEOUT
    assert all(results[i].ok for i in (0, 2, 3)), [r.message for r in results]


def _browser_processes(worker) -> list[psutil.Process]:
    children = psutil.Process(worker.process.pid).children(recursive=True)
    return [p for p in children if "chrom" in p.name().lower()]


def test_killed_browser_mid_batch_is_restarted_and_nothing_is_misattributed(backend):
    codes = [screen_source(title=f"Screen {i}") for i in range(10)]
    reference = backend.render_batch(codes)
    assert all(r.ok for r in reference)
    victim = backend.workers[0]
    browsers = _browser_processes(victim)
    assert browsers, "the worker should own a Chromium process"

    def kill_soon() -> None:
        time.sleep(0.3)
        for process in browsers:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass

    killer = threading.Thread(target=kill_soon)
    killer.start()
    results = backend.render_batch(codes)
    killer.join()
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in browsers)
    for index, (ref, got) in enumerate(zip(reference, results)):
        assert got.ok, f"sample {index}: {got.error_kind} {got.message}"
        assert pixels(got.png) == pixels(ref.png), f"sample {index} got another sample's picture"


def test_identical_pixels_after_a_backend_restart(backend):
    from flutter_renderer.embedded.backend import EmbeddedBackend

    codes = [f.read_text() for f in example_files()[:3]]
    before = backend.render_batch(codes)
    with EmbeddedBackend(workers=1, timeout_s=10.0) as fresh:
        after = fresh.render_batch(codes)
    for a, b in zip(before, after):
        assert a.ok and b.ok
        assert pixels(a.png) == pixels(b.png)
