"""Flow `render-screens`: a folder of `.dart` files -> PNGs, fanned out over the configured task runner."""

from __future__ import annotations

import json
from pathlib import Path

from prefect import flow, unmapped

from flows.common import flow_settings
from flutter_renderer.api import RenderResult
from flutter_rl import fanout
from flutter_rl.settings import Settings
from tasks.render import render_shard


@flow(name="render-shards")
def render_shards(shards: list[list[str]], settings: Settings) -> list[RenderResult]:
    """Map the shards over this flow's task runner (threads or Dask); results in input order."""
    futures = render_shard.map(shards, settings=unmapped(settings))
    return [result for future in futures for result in future.result()]


@flow(name="render-screens", log_prints=True)
def render_screens(
    folder: str, out: str = "", preset: str = "tiny", config: str = "pipeline.toml",
    overrides: dict[str, str] | None = None,
) -> dict:
    settings = flow_settings(preset, config, overrides)
    sources = sorted(Path(folder).glob("*.dart"))
    codes = [path.read_text(errors="replace") for path in sources]
    runner = fanout.task_runner_for(settings)
    results = render_shards.with_options(task_runner=runner)(fanout.shards(codes, settings.orchestration.dask_workers), settings)
    target = Path(out or folder)
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "render_results.jsonl", "w") as log:
        for path, result in zip(sources, results):
            if result.ok:
                (target / f"{path.stem}.png").write_bytes(result.png)
            kind = result.error_kind.value if result.error_kind else None
            log.write(json.dumps({"file": path.name, "ok": result.ok, "error_kind": kind, "message": result.message}) + "\n")
    rendered = sum(r.ok for r in results)
    print(f"rendered {rendered}/{len(results)} files into {target}")
    return {"rendered": rendered, "total": len(results), "out": str(target)}
