"""Runs the real `curate-dataset` flow with its curation failing once with a transient fault, or every
time with a deterministic one (argv[3]: "transient" | "deterministic"; run by the retry tests)."""

from __future__ import annotations

import json
import sys
from types import SimpleNamespace

import tasks.curate
from flows.curate import curate_dataset_flow
from flutter_rl.curate.split import SplitError

ATTEMPTS: list[int] = []


def flaky_curate(settings, backend=None):
    ATTEMPTS.append(1)
    if len(ATTEMPTS) == 1:
        raise ConnectionError("renderer restarting (injected)")
    return SimpleNamespace(root=f"/manifests/{settings.data.seed}")


def unsplittable_curate(settings, backend=None):
    ATTEMPTS.append(1)
    raise SplitError("no screens for the train split (injected)")


if __name__ == "__main__":
    # the task's plain function, replaced to fail
    tasks.curate.curate = flaky_curate if sys.argv[3] == "transient" else unsplittable_curate
    try:
        result = curate_dataset_flow(preset="", config=sys.argv[1], overrides={"data.seed": sys.argv[2]})
    except SplitError as exc:
        result = f"failed: {exc}"
    print(json.dumps({"result": result, "attempts": len(ATTEMPTS)}))
