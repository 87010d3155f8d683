"""The renderer's entry point: `render_batch(codes)` with the backend `RendererSettings.backend` selects.

The renderer stands alone: its settings are `flutter_renderer.settings.RendererSettings` (the
defaults when none are given, no pipeline file needed); `flutter_rl.settings.Settings` embeds the
same type as `[renderer]`, and either can be passed. The default backend of each configuration is
built once per process and kept warm (its workers are stopped at interpreter exit).
"""

from __future__ import annotations

import atexit
from typing import Any, Sequence

from flutter_renderer.api import RenderBackend, RenderResult
from flutter_renderer.settings import RendererSettings

_DEFAULT: dict[str, RenderBackend] = {}


def renderer_settings(settings: Any = None) -> RendererSettings:
    """`settings` itself when it is RendererSettings, its `renderer` section when it has one, else the defaults."""
    if settings is None:
        return RendererSettings()
    return getattr(settings, "renderer", settings)


def make_backend(settings: Any = None) -> RenderBackend:
    """The backend `backend` names ("embedded" or "flutter"), not yet started, which owns the settings'
    size and timeout. `settings`: RendererSettings, or settings with a `renderer` section."""
    renderer = renderer_settings(settings)
    if renderer.backend == "embedded":
        from flutter_renderer.embedded.backend import EmbeddedBackend

        return EmbeddedBackend(renderer)
    if renderer.backend == "flutter":
        from flutter_renderer.flutter_sdk import FlutterSdkBackend  # written separately; imported only when chosen

        return FlutterSdkBackend(renderer)
    raise ValueError(f"unknown renderer backend {renderer.backend!r} (expected 'embedded' or 'flutter')")


def default_backend(settings: Any = None) -> RenderBackend:
    """The process-wide backend for these settings (the defaults when None)."""
    renderer = renderer_settings(settings)
    key = renderer.model_dump_json()
    if key not in _DEFAULT:
        _DEFAULT[key] = make_backend(renderer)
    return _DEFAULT[key]


def render_batch(codes: Sequence[str], *, settings: Any = None) -> list[RenderResult]:
    """Render Flutter sources to PNGs (or classified errors), in order, with the configured backend."""
    return default_backend(settings).render_batch(codes)


@atexit.register
def close_default_backends() -> None:
    """Stop the warm backends (also run at interpreter exit)."""
    while _DEFAULT:
        _, backend = _DEFAULT.popitem()
        backend.close()


def render_file(source: str, output: str | None = None, *, settings: Any = None) -> int:
    """`flutter-rl render screen.dart -o screen.png`: 0 and the PNG written (default: the source with
    .png), or 1 and the error kind + message printed."""
    import sys
    from pathlib import Path

    output = output or str(Path(source).with_suffix(".png"))
    code = Path(source).read_text(encoding="utf-8", errors="replace")
    result = render_batch([code], settings=settings)[0]
    if not result.ok:
        kind = result.error_kind.value if result.error_kind else "error"
        print(f"{source}: {kind}: {result.message}", file=sys.stderr)
        return 1
    Path(output).write_bytes(result.png)
    print(f"{output} ({result.elapsed:.2f} s)")
    return 0
