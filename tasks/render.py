"""Rendering as a Prefect task, for fan-out over a task runner."""

from __future__ import annotations

from prefect import task

from flutter_renderer.api import RenderResult
from flutter_rl import batch_render
from flutter_rl.settings import Settings
from tasks.retry import transient_retries


@task(name="render-shard", **transient_retries(2, backoff_factor=5))
def render_shard(codes: list[str], settings: Settings) -> list[RenderResult]:
    """Render one shard of Flutter files; one bad sample is a failed result, never a failed task."""
    return batch_render.render_shard(codes, settings)


@task(name="read-sources")
def read_sources(folder: str) -> dict[str, str]:
    """The `.dart` files of a folder, by name."""
    return batch_render.read_sources(folder)


@task(name="write-renders")
def write_renders(names: list[str], results: list[RenderResult], out: str) -> int:
    """PNGs and a results log into `out`; returns how many rendered."""
    return batch_render.write_renders(names, results, out)
