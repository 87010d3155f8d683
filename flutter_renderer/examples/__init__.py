"""Example screens (`*.dart`) and their committed renders (`*.png`).

`python -m flutter_renderer.examples` (or `flutter-rl render-examples`) re-renders every example
with the configured backend and overwrites the PNGs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

EXAMPLES_DIR = Path(__file__).resolve().parent


def example_files() -> list[Path]:
    """The example Dart sources, sorted by name."""
    return sorted(EXAMPLES_DIR.glob("*.dart"))


def regenerate(settings: Any = None) -> int:
    """Render every example to `<name>.png` next to it; 0 when all rendered, else 1 (errors printed)."""
    from flutter_renderer.render import render_batch

    files = example_files()
    results = render_batch([f.read_text() for f in files], settings=settings)
    failed = 0
    for file, result in zip(files, results):
        if result.ok:
            file.with_suffix(".png").write_bytes(result.png)
            print(f"{file.with_suffix('.png').name}: {result.elapsed:.2f} s")
        else:
            failed += 1
            print(f"{file.name}: {result.error_kind.value}: {result.message}", file=sys.stderr)
    return 1 if failed else 0
