"""Rendering as a Prefect task, for fan-out over a task runner."""

from __future__ import annotations

from prefect import task
from prefect.tasks import exponential_backoff

from flutter_renderer.api import RenderResult
from flutter_rl import fanout
from flutter_rl.settings import Settings


@task(name="render-shard", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=5))
def render_shard(codes: list[str], settings: Settings) -> list[RenderResult]:
    """Render one shard of Flutter files; one bad sample is a failed result, never a failed task."""
    return fanout.render_shard(codes, settings)
