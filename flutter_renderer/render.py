"""The renderer's entry point: `render_batch(codes)` with the backend `[renderer] backend` selects.

The default backend is built once per process from the settings and kept warm (its workers are
stopped at interpreter exit); pass `settings` to use a different configuration.
"""

from __future__ import annotations

import atexit
from typing import Any, Sequence

from flutter_renderer.api import RenderBackend, RenderResult, RenderSize

_DEFAULT: dict[str, RenderBackend] = {}


def make_backend(settings: Any) -> RenderBackend:
    """The backend `settings.renderer.backend` names ("embedded" or "flutter"), not yet started.

    `settings` is the full Settings or its `renderer` section."""
    renderer = getattr(settings, "renderer", settings)
    if renderer.backend == "embedded":
        from flutter_renderer.embedded.backend import EmbeddedBackend

        return EmbeddedBackend(renderer)
    if renderer.backend == "flutter":
        from flutter_renderer.flutter_sdk import FlutterSdkBackend  # written separately; imported only when chosen

        return FlutterSdkBackend(renderer)
    raise ValueError(f"unknown renderer backend {renderer.backend!r} (expected 'embedded' or 'flutter')")


def default_backend(settings: Any = None) -> RenderBackend:
    """The process-wide backend for these settings (loaded from pipeline.toml when None)."""
    if settings is None:
        from flutter_rl.settings import load_settings

        settings = load_settings()
    renderer = getattr(settings, "renderer", settings)
    key = renderer.model_dump_json() if hasattr(renderer, "model_dump_json") else repr(renderer)
    if key not in _DEFAULT:
        _DEFAULT[key] = make_backend(renderer)
    return _DEFAULT[key]


def render_batch(codes: Sequence[str], *, settings: Any = None, size: RenderSize | None = None,
                 timeout: float | None = None) -> list[RenderResult]:
    """Render Flutter sources to PNGs (or classified errors), in order, with the configured backend."""
    return default_backend(settings).render_batch(codes, size=size, timeout=timeout)


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
