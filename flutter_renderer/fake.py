"""`FakeBackend`: the one stand-in renderer of the tests, answering as the embedded backend does.

It keeps the `RenderBackend` contract of `flutter_renderer/api.py` (one `RenderResult` per code, in
order, never raising for a bad sample; size and timeout from its `RendererSettings`) and returns the
error kinds the embedded backend gives for the cases tests script:

- code with `MaterialApp(routes:` (no `home`) is `unsupported`, with the message
  `flutter_renderer/embedded/mapping.py` raises through `values.unsupported(...)`;
- code with `FAIL_MARKER` is a `runtime` error, as `embedded/worker.py` reports an exception while
  building;
- otherwise `draw(code)` gives the screen (a PIL image or PNG bytes); None is a `syntax` error, as the
  front end reports code it cannot parse. The default draw is a screen of colored blocks laid out
  from the code's hash, at the settings' size: equal codes render equal, distinct codes distinct.
"""

from __future__ import annotations

import hashlib
import io
import random
from typing import Callable, Sequence

from PIL import Image, ImageDraw

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize
from flutter_renderer.settings import RendererSettings

UNSUPPORTED_MARK = "MaterialApp(routes:"
UNSUPPORTED_MESSAGE = (
    "line 3:10: MaterialApp without home (routes/onGenerateRoute) is not supported by the embedded renderer"
)
FAIL_MARKER = "// fail-render"
SYNTAX_MESSAGE = "line 1: expected ';'"

Draw = Callable[[str], "Image.Image | bytes | None"]


def blocks_png(seed: int | str, size: tuple[int, int] = (390, 844)) -> bytes:
    """A phone-shaped PNG of colored blocks laid out from `seed`: distinct seeds look distinct."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    width, height = size
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        w = rng.randrange(min(20, width // 2 - 1), width // 2) if width >= 4 else 1
        h = rng.randrange(min(10, height // 4 - 1), height // 4) if height >= 8 else 1
        draw.rectangle([x, y, x + w, y + h], fill=tuple(rng.randrange(256) for _ in range(3)))
    return to_png(image)


def to_png(image: Image.Image) -> bytes:
    """PNG bytes of an image."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class FakeBackend:
    """A `RenderBackend` without a browser; `calls` holds the codes of every batch, in order."""

    name = "fake"
    version = "1"

    def __init__(self, settings: RendererSettings | None = None, *, draw: Draw | None = None) -> None:
        self.settings = settings or RendererSettings()
        self.draw = draw
        self.calls: list[list[str]] = []

    def _one(self, code: str, size: RenderSize) -> RenderResult:
        if UNSUPPORTED_MARK in code:
            return RenderResult.failure(ErrorKind.UNSUPPORTED, UNSUPPORTED_MESSAGE)
        if FAIL_MARKER in code:
            return RenderResult.failure(ErrorKind.RUNTIME, "StateError: marked to fail")
        if self.draw is None:
            return RenderResult(ok=True, png=blocks_png(hashlib.sha256(code.encode()).hexdigest(), size.pixels))
        screen = self.draw(code)
        if screen is None:
            return RenderResult.failure(ErrorKind.SYNTAX, SYNTAX_MESSAGE)
        return RenderResult(ok=True, png=to_png(screen) if isinstance(screen, Image.Image) else screen)

    def render_batch(
        self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None
    ) -> list[RenderResult]:
        """One result per code, in order; `size` defaults to the settings' size, as a real backend's."""
        self.calls.append(list(codes))
        return [self._one(code, size or self.settings.size) for code in codes]

    def close(self) -> None:
        """Nothing to stop."""

    def __enter__(self) -> "FakeBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
