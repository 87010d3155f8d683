"""Curation as a Prefect task: the manifest of `[data]`, rendered with `[renderer]`."""

from __future__ import annotations

from prefect import task

from flutter_rl.curate.pipeline import curate, input_fingerprint
from flutter_rl.settings import Settings
from tasks.caching import content_cache
from tasks.retry import transient_retries

# what curation runs: its stage and the renderer that draws the screens
CURATE_CODE = ("flutter_rl.curate", "flutter_rl.synth", "flutter_rl.vocabulary", "flutter_renderer")


@task(
    name="curate-dataset",
    cache_policy=content_cache("data", "renderer", code=CURATE_CODE, external=input_fingerprint),
    persist_result=True,
    **transient_retries(2, backoff_factor=5),  # a renderer restart is transient
)
def curate_dataset(settings: Settings) -> str:
    """Curate (or reuse) the manifest; returns its directory."""
    return str(curate(settings).root)
