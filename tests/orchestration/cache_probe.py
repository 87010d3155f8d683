"""A flow of two pure tasks keyed on different settings sections (run by test_orchestration_cache)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from prefect import flow, task

from flutter_rl.settings import Settings
from tasks.caching import content_cache

CALLS: list[str] = []
# the probe's functions live in this script, which TASK_SOURCE does not see; key on the cache code itself
PROBE_CODE = ("tasks",)


def prepare_data(settings: Settings, tag: str) -> str:
    CALLS.append("data")
    return f"{tag}:{settings.data.seed}"


def fit(settings: Settings, data: str) -> str:
    CALLS.append("train")
    return f"{data}:{settings.train.beta}"


def source_file(settings: Settings) -> str:
    return Path(settings.data.path).read_text()


prepare_task = task(
    prepare_data, cache_policy=content_cache("data", code=PROBE_CODE, external=source_file), persist_result=True
)
fit_task = task(fit, cache_policy=content_cache("train", code=PROBE_CODE), persist_result=True)


@flow(name="cache-probe")
def probe(beta: float, seed: int, tag: str, source: str) -> str:
    settings = Settings()
    settings.data.path = source
    settings.train.beta = beta
    settings.data.seed = seed
    return fit_task(settings, prepare_task(settings, tag))


if __name__ == "__main__":
    beta, seed, tag, source = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    result = probe(beta, seed, tag, source)
    print(json.dumps({"result": result, "calls": CALLS}))
