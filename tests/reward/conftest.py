"""Fixtures of the reward tests: constructed screens, a fake renderer, a tiny random-weight CLIP."""

from __future__ import annotations

import json
from typing import Callable, Sequence

import pytest
import torch
from PIL import Image, ImageDraw

from flutter_renderer import fake
from flutter_renderer.fake import FakeBackend

# A completion the `fake_backend` fixture renders (it mentions Text) and one it calls a syntax error.
GOOD = """import 'package:flutter/material.dart';
class Home extends StatelessWidget {
  @override
  Widget build(BuildContext context) => const Text('Inbox');
}"""
NO_RENDER = GOOD.replace("const Text('Inbox')", "const Placeholder(")
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


@pytest.fixture()
def make_screen() -> Callable[..., Image.Image]:
    """`draw_screen`, for tests (conftest is not importable under --import-mode=importlib)."""
    return draw_screen


@pytest.fixture()
def to_png() -> Callable[[Image.Image], bytes]:
    return fake.to_png


@pytest.fixture()
def backend_class() -> Callable[[Callable[[str], bytes | None]], FakeBackend]:
    """A fake renderer drawing `draw(code)` (None: a syntax error)."""
    return lambda draw: FakeBackend(draw=draw)


@pytest.fixture()
def screen() -> Image.Image:
    return draw_screen()


@pytest.fixture()
def fake_backend(screen: Image.Image) -> FakeBackend:
    """Renders `screen` for code that mentions Text, a syntax error for anything else."""
    png = fake.to_png(screen)
    return FakeBackend(draw=lambda code: png if "Text" in code else None)


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
