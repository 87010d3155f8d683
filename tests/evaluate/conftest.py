"""Fixtures of the sweep tests: a small eval manifest on disk and a test renderer.

`color_backend()` is the fake renderer (flutter_renderer/fake.py) drawing code that names a color
(`// color: #rrggbb`) as a screen of that color; code with `UNSUPPORTED_CODE` (a `MaterialApp` without
`home`) is `unsupported`, anything else is a syntax error. It lets the reporting and cache tests know every
score in advance; the real policy and MLflow run in `test_sweep_e2e.py`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from flutter_renderer.fake import FakeBackend

SCREEN_TYPES = ["login", "list", "menu"]
DIFFICULTIES = ["easy", "hard"]
_COLOR = re.compile(r"color: (#[0-9a-f]{6})")


def png(color: str, size: tuple[int, int] = (39, 84)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


# valid Flutter the fake renderer, like the embedded one, calls `unsupported` (flutter_renderer/fake.py)
UNSUPPORTED_CODE = "MaterialApp(routes: {})"


def screen_code(color: str) -> str:
    """A completion that passes every format check and renders as `color` with `color_backend()`."""
    return (
        "```dart\nimport 'package:flutter/material.dart';\n// color: " + color + "\n"
        "class S extends StatelessWidget {\n  Widget build(BuildContext context) => const Placeholder();\n}\n```"
    )


def draw_color(code: str) -> Image.Image | None:
    """The screen of `// color: #rrggbb` (None, a syntax error, without one)."""
    match = _COLOR.search(code)
    return Image.new("RGB", (39, 84), match.group(1)) if match else None


def color_backend() -> FakeBackend:
    """The fake renderer drawing `draw_color`."""
    return FakeBackend(draw=draw_color)


def write_manifest(directory: Path, count: int = 6) -> Path:
    """`count` eval screens (target color #2050a0) cycling through SCREEN_TYPES x DIFFICULTIES."""
    (directory / "images").mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(count):
        name = f"images/s{i}.png"
        (directory / name).write_bytes(png("#2050a0"))
        rows.append(
            {
                "id": f"s{i}",
                "split": "eval",
                "screen_type": SCREEN_TYPES[i % 3],
                "difficulty": DIFFICULTIES[i % 2],
                "image_path": name,
                "reference_code": "",
            }
        )
    rows.append(
        {
            "id": "t0",
            "split": "train",
            "screen_type": "login",
            "difficulty": "easy",
            "image_path": "images/s0.png",
            "reference_code": "",
        }
    )
    path = directory / "manifest.parquet"
    pd.DataFrame(rows).to_parquet(path)
    return path


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    return write_manifest(tmp_path / "data")
