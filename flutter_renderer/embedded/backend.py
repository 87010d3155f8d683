"""`EmbeddedBackend`: the RenderBackend of the embedded renderer (Dart front end + Flet + Chromium)."""

from __future__ import annotations

import hashlib
import logging
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Sequence

from flutter_renderer.api import RenderResult, RenderSize
from flutter_renderer.dart.environment import DEFAULT_NOW
from flutter_renderer.embedded.fonts import find_roboto_faces, font_status, fonts_version
from flutter_renderer.embedded.pool import Pool
from flutter_renderer.settings import RendererSettings

log = logging.getLogger(__name__)
_PACKAGE = Path(__file__).resolve().parents[1]
# Everything that decides the pixels or the error kinds: the front end, the catalog, the index of
# Flutter's names, the IR, this package.
_SOURCES = ("embedded", "dart", "catalog.py", "flutter_names.py", "flutter_names.txt", "ir.py")


def source_version(now: str = DEFAULT_NOW.isoformat()) -> str:
    """A hash of every source file that decides the pixels, plus the Flet version, the Roboto faces
    served and the fixed `DateTime.now()`: changes whenever the mapping, the front end, the Flutter web
    client, the fonts or that instant change, so cached renders are redone."""
    digest = hashlib.sha256(package_version("flet").encode())
    digest.update(fonts_version(find_roboto_faces()).encode())
    digest.update(now.encode())
    for name in _SOURCES:
        path = _PACKAGE / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return f"embedded-{digest.hexdigest()[:12]}"


class EmbeddedBackend:
    """A warm pool of Flet + Chromium workers. Use as a context manager, or call `close()`.

    Built from `[renderer]` settings (`EmbeddedBackend(settings.renderer)`), with `changes` to single
    fields (`EmbeddedBackend(workers=1)`); size and timeout are the settings'. Workers start on the
    first batch (a few seconds each, in parallel) and stay warm."""

    name = "embedded"

    def __init__(self, settings: RendererSettings | None = None, **changes: Any) -> None:
        self.settings = (settings or RendererSettings()).updated(**changes)
        self.size, self.timeout = self.settings.size, self.settings.timeout_s
        self.version = source_version(self.settings.now)
        fonts_ok, fonts_detail = font_status()
        if not fonts_ok:
            log.warning("embedded renderer: %s", fonts_detail)
        self._pool = Pool(
            workers=self.settings.workers,
            chromium_path=self.settings.chromium_path,
            size=self.size,
            memory_limit_mb=self.settings.memory_limit_mb,
            now=self.settings.now,
        )

    def __enter__(self) -> "EmbeddedBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the workers now instead of on the first batch, and wait until each is warm."""
        self._pool.wait_ready()

    def render_batch(
        self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None
    ) -> list[RenderResult]:
        """Render Dart sources, in order, at the settings' size and timeout unless given; never raises
        for a bad sample."""
        return self._pool.run(list(codes), size or self.size, timeout or self.timeout)

    @property
    def workers(self) -> list[Any]:
        """The pool's workers (tests inspect and kill their browsers)."""
        return self._pool.slots

    def close(self) -> None:
        """Stop every worker and browser; safe to call twice."""
        self._pool.close()
