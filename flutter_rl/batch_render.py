"""Rendering a folder of Flutter files in shards: cut a batch into shards, render one shard with a
backend of its own, read the sources and write the PNGs and a results log.

The `render-screens` flow (`flows/render.py`) maps the shards over a Prefect task runner (threads or
Dask); each shard renders with its own warm backend, so a shard should hold many samples.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence, TypeVar

from flutter_renderer.api import RenderResult
from flutter_rl.settings import Settings

T = TypeVar("T")


def shards(items: Sequence[T], count: int) -> list[list[T]]:
    """`items` cut into at most `count` contiguous, nearly equal, non-empty shards (order kept)."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return [shard for shard in out if shard]


def render_shard(codes: Sequence[str], settings: Settings) -> list[RenderResult]:
    """Render one shard with a backend of its own (it runs in a Dask worker process)."""
    from flutter_renderer.render import make_backend

    with make_backend(settings) as backend:
        return backend.render_batch(list(codes))


def read_sources(folder: str | Path) -> dict[str, str]:
    """The `.dart` files of `folder`, by file name, in name order (undecodable bytes replaced)."""
    return {path.name: path.read_text(errors="replace") for path in sorted(Path(folder).glob("*.dart"))}


def write_renders(names: Sequence[str], results: Sequence[RenderResult], out: str | Path) -> int:
    """`<stem>.png` for each result that rendered and one `render_results.jsonl` line per file; returns
    how many rendered."""
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "render_results.jsonl", "w") as log:
        for name, result in zip(names, results):
            if result.ok:
                (target / f"{Path(name).stem}.png").write_bytes(result.png)
            kind = result.error_kind.value if result.error_kind else None
            log.write(json.dumps({"file": name, "ok": result.ok, "error_kind": kind, "message": result.message}) + "\n")
    return sum(result.ok for result in results)
