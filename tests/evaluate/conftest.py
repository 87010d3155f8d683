"""Fixtures of the sweep tests: a small eval manifest on disk and a test renderer.

`ColorBackend` is a test double of the renderer interface: code that names a color (`// color: #rrggbb`)
"renders" as a screen of that color, code with `UNSUPPORTED_CODE` (a `MaterialApp` without `home`) is
`unsupported`, anything else is a syntax error. It lets the reporting and cache tests know every
score in advance; the real policy and MLflow run in `test_sweep_e2e.py`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Sequence

import pandas as pd
import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize

SCREEN_TYPES = ["login", "list", "menu"]
DIFFICULTIES = ["easy", "hard"]
_COLOR = re.compile(r"color: (#[0-9a-f]{6})")


def png(color: str, size: tuple[int, int] = (39, 84)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


# valid Flutter that flutter_renderer/embedded/mapping.py rejects with `values.unsupported(...)`, which
# embedded/worker.py returns as `RenderResult.failure(ErrorKind.UNSUPPORTED, message)`
UNSUPPORTED_CODE = "MaterialApp(routes: {})"


def screen_code(color: str) -> str:
    """A completion that passes every format check and renders as `color` with `ColorBackend`."""
    return (
        "```dart\nimport 'package:flutter/material.dart';\n// color: " + color + "\n"
        "class S extends StatelessWidget {\n  Widget build(BuildContext context) => const Placeholder();\n}\n```"
    )


class ColorBackend:
    """Renders `// color: #rrggbb` as a plain screen of that color, `UNSUPPORTED_CODE` as `unsupported`;
    anything else is a syntax error."""

    name = "color-test"
    version = "1"

    def __init__(self) -> None:
        self.calls = 0

    def render_batch(self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None) -> list[RenderResult]:
        self.calls += 1
        results = []
        for code in codes:
            if UNSUPPORTED_CODE in code:
                results.append(RenderResult.failure(ErrorKind.UNSUPPORTED, "MaterialApp without home (routes/onGenerateRoute) is not supported by the embedded renderer"))
                continue
            match = _COLOR.search(code)
            results.append(RenderResult(ok=True, png=png(match.group(1))) if match else RenderResult.failure(ErrorKind.SYNTAX, "expected ';'"))
        return results

    def close(self) -> None:
        pass


def write_manifest(directory: Path, count: int = 6) -> Path:
    """`count` eval screens (target color #2050a0) cycling through SCREEN_TYPES x DIFFICULTIES."""
    (directory / "images").mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(count):
        name = f"images/s{i}.png"
        (directory / name).write_bytes(png("#2050a0"))
        rows.append({
            "id": f"s{i}", "split": "eval", "screen_type": SCREEN_TYPES[i % 3],
            "difficulty": DIFFICULTIES[i % 2], "image_path": name, "reference_code": "",
        })
    rows.append({"id": "t0", "split": "train", "screen_type": "login", "difficulty": "easy", "image_path": "images/s0.png", "reference_code": ""})
    path = directory / "manifest.parquet"
    pd.DataFrame(rows).to_parquet(path)
    return path


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    return write_manifest(tmp_path / "data")
