"""Scale-out: split a batch into shards and run them on a Prefect task runner (threads or Dask).

`[orchestration] task_runner = "dask"` runs shards on a local Dask cluster of `dask_workers`
processes, or on an existing cluster at `dask_address` (several machines). Each shard renders with
its own warm backend, so a shard should hold many samples.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flutter_renderer.api import RenderResult, RenderSize
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


def task_runner_for(settings: Settings) -> TaskRunner:
    """The task runner `[orchestration]` asks for."""
    o = settings.orchestration
    if o.task_runner == "thread":
        return ThreadPoolTaskRunner(max_workers=o.dask_workers)
    from prefect_dask import DaskTaskRunner

    if o.dask_address:
        return DaskTaskRunner(address=o.dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": o.dask_workers, "threads_per_worker": 1, "processes": True})


def render_shard(codes: Sequence[str], settings: Settings) -> list[RenderResult]:
    """Render one shard with a backend of its own (it runs in a Dask worker process)."""
    from flutter_renderer.render import make_backend

    r = settings.renderer
    with make_backend(settings) as backend:
        return backend.render_batch(list(codes), size=RenderSize(r.width, r.height, r.pixel_ratio), timeout=r.timeout_s)
