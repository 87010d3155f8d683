"""Fixtures for curation tests: a fake renderer backend and small image helpers."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path
from typing import Sequence

import pytest
from PIL import Image, ImageDraw

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize
from flutter_rl.settings import DataSettings, Settings


def screen_png(seed: int | str, size: tuple[int, int] = (390, 844)) -> bytes:
    """A phone-shaped PNG of colored blocks laid out from `seed`: distinct seeds look distinct."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    width, height = size
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(20, width // 2), rng.randrange(10, height // 4)
        draw.rectangle([x, y, x + w, y + h], fill=tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class FakeBackend:
    """Stands in for a renderer: each code gets a deterministic image; codes containing
    `FAIL_MARKER` fail, so failure reporting can be tested."""

    name = "fake"
    version = "1"
    FAIL_MARKER = "// fail-render"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def render_batch(self, codes: Sequence[str], *, size: RenderSize | None = None,
                     timeout: float | None = None) -> list[RenderResult]:
        self.calls.append(len(codes))
        size = size or RenderSize()
        return [RenderResult.failure(ErrorKind.RUNTIME, "marked to fail") if self.FAIL_MARKER in code
                else RenderResult(ok=True, png=screen_png(hashlib.sha256(code.encode()).hexdigest(), size.pixels))
                for code in codes]

    def close(self) -> None:
        pass

    def __enter__(self) -> "FakeBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@pytest.fixture
def fake_backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def small_settings(tmp_path: Path) -> Settings:
    """Settings with small splits and the output under tmp_path."""
    data = DataSettings(synthetic_count=48, train_size=12, eval_size=12, output_dir=str(tmp_path / "data"))
    return Settings(data=data)


def write_png(path: Path, seed: int | str, size: tuple[int, int] = (390, 844)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(screen_png(seed, size))
    return path


@pytest.fixture
def make_png():
    """`make_png(path, seed, size=(390, 844))` writes a block-layout PNG and returns its path."""
    return write_png


@pytest.fixture
def png_bytes():
    """`png_bytes(seed, size=(390, 844))`: the PNG bytes `make_png` would write."""
    return screen_png
