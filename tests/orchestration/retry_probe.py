"""Runs the real `curate-dataset` flow with its curation failing once (run by the retry test)."""

from __future__ import annotations

import json
import sys
from types import SimpleNamespace

import tasks.curate
from flows.curate_dataset import curate_dataset_flow

ATTEMPTS: list[int] = []


def flaky_curate(settings, backend=None):
    ATTEMPTS.append(1)
    if len(ATTEMPTS) == 1:
        raise ConnectionError("renderer restarting (injected)")
    return SimpleNamespace(root=f"/manifests/{settings.data.seed}")


if __name__ == "__main__":
    tasks.curate.curate = flaky_curate  # the task's plain function, replaced to fail once
    result = curate_dataset_flow(preset="", config=sys.argv[1], overrides={"data.seed": sys.argv[2]})
    print(json.dumps({"result": result, "attempts": len(ATTEMPTS)}))
