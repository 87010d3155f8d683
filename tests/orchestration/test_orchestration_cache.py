"""Task caching across flow runs, through the real Prefect server: a changed setting or input
re-runs exactly the tasks that depend on it."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.services]
PROBE = Path(__file__).with_name("cache_probe.py")


def _run_probe(repo_root: Path, beta: float, seed: int, tag: str, source: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    proc = subprocess.run(
        [sys.executable, str(PROBE), str(beta), str(seed), tag, str(source)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=repo_root,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_cache_reuse_and_exact_invalidation(live_services, repo_root: Path, tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:8]  # fresh inputs: nothing cached from an earlier test session
    source = tmp_path / "screens.txt"
    source.write_text("v1")
    run_probe = functools.partial(_run_probe, source=source)
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
    # a file the task reads outside its arguments changed: the external fingerprint re-runs it
    assert run_probe(repo_root, 0.1, 1, tag)["calls"] == []
    source.write_text("v2")
    # data re-runs; its output did not change, so training is still served from the cache
    assert run_probe(repo_root, 0.1, 1, tag)["calls"] == ["data"]
