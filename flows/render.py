"""Flow `render-screens`: a folder of `.dart` files -> PNGs, fanned out over the configured task runner."""

from __future__ import annotations

from prefect import flow, unmapped
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.common import flow_settings
from flutter_renderer.api import RenderResult
from flutter_rl import batch_render
from flutter_rl.settings import Settings
from tasks.render import read_sources, render_shard, write_renders


def task_runner_for(settings: Settings) -> TaskRunner:
    """The task runner `[orchestration]` asks for: threads, a local Dask cluster of `dask_workers`
    processes, or an existing cluster at `dask_address` (several machines)."""
    o = settings.orchestration
    if o.task_runner == "thread":
        return ThreadPoolTaskRunner(max_workers=o.dask_workers)
    from prefect_dask import DaskTaskRunner

    if o.dask_address:
        return DaskTaskRunner(address=o.dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": o.dask_workers, "threads_per_worker": 1, "processes": True})


@flow(name="render-shards")
def render_shards(shards: list[list[str]], settings: Settings) -> list[RenderResult]:
    """Map the shards over this flow's task runner (threads or Dask); results in input order."""
    futures = render_shard.map(shards, settings=unmapped(settings))
    return [result for future in futures for result in future.result()]


@flow(name="render-screens", log_prints=True)
def render_screens(
    folder: str,
    out: str = "",
    preset: str = "tiny",
    config: str = "pipeline.toml",
    overrides: dict[str, str] | None = None,
) -> dict:
    settings = flow_settings(preset, config, overrides)
    sources = read_sources(folder)
    runner = task_runner_for(settings)
    shards = batch_render.shards(list(sources.values()), settings.orchestration.dask_workers)
    results = render_shards.with_options(task_runner=runner)(shards, settings)
    target = out or folder
    rendered = write_renders(list(sources), results, target)
    print(f"rendered {rendered}/{len(results)} files into {target}")
    return {"rendered": rendered, "total": len(results), "out": target}
