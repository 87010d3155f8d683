"""Fixtures of the reward tests: constructed screens, a fake renderer, a tiny random-weight CLIP."""

from __future__ import annotations

import io
import json
from typing import Callable, Sequence

import pytest
import torch
from PIL import Image, ImageDraw

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize

TINY_CLIP = "tiny-test-clip"
TINY_CLIP_CONFIG = {
    "embed_dim": 32,
    "vision_cfg": {"image_size": 64, "layers": 2, "width": 64, "patch_size": 16, "head_width": 32},
    "text_cfg": {"context_length": 16, "vocab_size": 1000, "width": 64, "heads": 2, "layers": 2},
}


def draw_screen(
    *,
    bar_color: str = "#1565C0",
    texts: Sequence[str] = ("Inbox", "Settings", "Profile"),
    offset: int = 0,
    size: tuple[int, int] = (390, 844),
) -> Image.Image:
    """A phone-like screen: an app bar, then one card with a label per text, all moved down by `offset`."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, offset, size[0], offset + 56], fill=bar_color)
    for row, text in enumerate(texts):
        top = offset + 80 + row * 90
        draw.rectangle([16, top, size[0] - 16, top + 70], fill="#EEEEEE", outline="#BDBDBD")
        draw.text((32, top + 25), text, fill="black", font_size=22)
    return image


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# Code the embedded renderer calls `unsupported`: `MaterialApp` without `home` is valid Flutter its
# mapping cannot draw (flutter_renderer/embedded/mapping.py raises `values.unsupported(...)`, and
# embedded/worker.py returns it as `RenderResult.failure(ErrorKind.UNSUPPORTED, message)`).
UNSUPPORTED_CODE_MARK = "routes:"
UNSUPPORTED_MESSAGE = "line 3:10: MaterialApp without home (routes/onGenerateRoute) is not supported by the embedded renderer"


class FakeBackend:
    """A `RenderBackend` for unit tests: `screen_for(code)` gives the PNG, or None for a syntax error;
    code with `UNSUPPORTED_CODE_MARK` is `unsupported`, as the embedded renderer reports it."""

    name = "fake"
    version = "0"

    def __init__(self, screen_for: Callable[[str], bytes | None]) -> None:
        self.screen_for = screen_for
        self.calls: list[list[str]] = []

    def render_batch(
        self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None
    ) -> list[RenderResult]:
        self.calls.append(list(codes))
        results = []
        for code in codes:
            if UNSUPPORTED_CODE_MARK in code:
                results.append(RenderResult.failure(ErrorKind.UNSUPPORTED, UNSUPPORTED_MESSAGE))
                continue
            png = self.screen_for(code)
            results.append(RenderResult(ok=True, png=png) if png is not None
                           else RenderResult.failure(ErrorKind.SYNTAX, "line 1: expected ';'"))
        return results

    def close(self) -> None:
        pass


@pytest.fixture()
def make_screen() -> Callable[..., Image.Image]:
    """`draw_screen`, for tests (conftest is not importable under --import-mode=importlib)."""
    return draw_screen


@pytest.fixture()
def to_png() -> Callable[[Image.Image], bytes]:
    return png_bytes


@pytest.fixture()
def backend_class() -> type[FakeBackend]:
    return FakeBackend


@pytest.fixture()
def screen() -> Image.Image:
    return draw_screen()


@pytest.fixture()
def fake_backend(screen: Image.Image) -> FakeBackend:
    """Renders `screen` for code that mentions Text, a syntax error for anything else."""
    png = png_bytes(screen)
    return FakeBackend(lambda code: png if "Text" in code else None)


@pytest.fixture(scope="session")
def tiny_clip(tmp_path_factory: pytest.TempPathFactory):
    """A small open_clip model with random weights, registered from a config file (no download)."""
    import open_clip

    config_dir = tmp_path_factory.mktemp("clip_config")
    (config_dir / f"{TINY_CLIP}.json").write_text(json.dumps(TINY_CLIP_CONFIG))
    open_clip.add_model_config(config_dir)
    torch.manual_seed(0)
    model, _, preprocess = open_clip.create_model_and_transforms(TINY_CLIP, pretrained=None)
    return model, preprocess
