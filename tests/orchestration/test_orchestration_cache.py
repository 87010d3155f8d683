"""Task caching across flow runs, through the real Prefect server: a changed setting or input
re-runs exactly the tasks that depend on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.services]
PROBE = Path(__file__).with_name("cache_probe.py")


def run_probe(repo_root: Path, beta: float, seed: int, tag: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    proc = subprocess.run([sys.executable, str(PROBE), str(beta), str(seed), tag],
                          capture_output=True, text=True, env=env, timeout=300, cwd=repo_root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_cache_reuse_and_exact_invalidation(live_services, repo_root: Path) -> None:
    tag = uuid.uuid4().hex[:8]  # fresh inputs: nothing cached from an earlier test session
    first = run_probe(repo_root, 0.1, 1, tag)
    assert first == {"result": f"{tag}:1:0.1", "calls": ["data", "train"]}
    # same everything: both tasks come from the cache of the earlier flow run
    assert run_probe(repo_root, 0.1, 1, tag) == {"result": f"{tag}:1:0.1", "calls": []}
    # a [train] setting changed: only the training task runs again
    assert run_probe(repo_root, 0.2, 1, tag) == {"result": f"{tag}:1:0.2", "calls": ["train"]}
    # a [data] setting changed: data re-runs, and training sees a new input, so it re-runs too
    assert run_probe(repo_root, 0.2, 2, tag)["calls"] == ["data", "train"]
    # a changed plain input (not a setting) invalidates like a setting does
    assert run_probe(repo_root, 0.1, 1, tag + "x")["calls"] == ["data", "train"]
