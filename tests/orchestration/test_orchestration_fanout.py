"""Render fan-out over a Prefect task runner on a real local Dask cluster."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flutter_rl.batch_render import shards

pytestmark = [pytest.mark.e2e, pytest.mark.services]


def test_shards_keep_order_and_balance() -> None:
    assert shards(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert shards([1, 2], 5) == [[1], [2]]
    assert shards([], 3) == []


def test_render_screens_on_a_local_dask_cluster(live_services, repo_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "screens"
    folder.mkdir()
    examples = sorted((repo_root / "flutter_renderer" / "examples").glob("*.dart"))[:3]
    for example in examples:
        shutil.copy(example, folder / example.name)
    (folder / "zz_broken.dart").write_text("import 'package:flutter/material.dart';\nclass A extends StatelessWidget {")
    script = (
        "import json, sys\n"
        "from flows.render import render_screens\n"
        "print(json.dumps(render_screens(sys.argv[1], sys.argv[2], preset='', config=sys.argv[3], overrides={"
        "'orchestration.task_runner': 'dask', 'orchestration.dask_workers': '2', 'renderer.workers': '1'})))\n"
    )
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", script, str(folder), str(out), live_services.source],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=repo_root,
        env={**os.environ, "PYTHONPATH": str(repo_root)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "LocalCluster" in proc.stderr  # prefect-dask logs the cluster it created for the shards
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary == {"rendered": len(examples), "total": len(examples) + 1, "out": str(out)}
    lines = [json.loads(line) for line in (out / "render_results.jsonl").read_text().splitlines()]
    assert [line["file"] for line in lines] == [e.name for e in examples] + ["zz_broken.dart"]
    assert lines[-1]["error_kind"] == "syntax"
    for example in examples:
        png = (out / f"{example.stem}.png").read_bytes()
        assert png.startswith(b"\x89PNG")
