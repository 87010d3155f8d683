"""The real `curate-dataset` and `train-policy` tasks key their cache on all the code they run: an
edited helper module deep inside a stage re-runs the task, an edited unrelated stage does not."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flutter_rl.curate.pipeline import curate
from flutter_rl.train.run import run_training
from tasks.curate import CURATE_CODE
from tasks.train import TRAIN_CODE

PROJECT_PACKAGES = ("flutter_rl", "flutter_renderer")
# imported by the stages but not part of a result: settings (and the check of their [train.trl]
# keys) are keyed by their sections' values, the endpoints only say where MLflow is, and progress
# bars only report how far work is
NOT_RESULT_CODE = {
    "flutter_rl",
    "flutter_rl.settings",
    "flutter_rl.trl_passthrough",
    "flutter_rl.endpoints",
    "flutter_rl.progress",
}

KEYS_SCRIPT = """
import json, types
from flutter_rl.settings import Settings
import flutter_rl
from tasks.curate import curate_dataset
from tasks.train import train_policy

def key(task, **inputs):
    return task.cache_policy.compute_key(types.SimpleNamespace(task=task), {"settings": Settings(), **inputs}, {})

print(json.dumps({"root": flutter_rl.__file__, "curate": key(curate_dataset),
                  "train": key(train_policy, manifest_dir="m", policy="p")}))
"""


def _imported_modules(start: str, root: Path) -> set[str]:
    """Every project module `start` imports, directly or through other project modules (read, not run)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        module = todo.pop()
        base = root.joinpath(*module.split("."))
        path = base / "__init__.py" if (base / "__init__.py").exists() else base.with_suffix(".py")
        if module in seen or not path.exists():
            continue
        seen.add(module)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] in PROJECT_PACKAGES:
                    todo.extend(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return seen


@pytest.mark.parametrize(("function", "code"), [(curate, CURATE_CODE), (run_training, TRAIN_CODE)])
def test_task_code_lists_cover_everything_the_function_imports(function, code, repo_root: Path) -> None:
    imported = _imported_modules(function.__module__, repo_root)
    assert function.__module__ in imported
    uncovered = {m for m in imported - NOT_RESULT_CODE if not any(m == p or m.startswith(f"{p}.") for p in code)}
    assert not uncovered, f"{function.__qualname__} runs code its cache key does not see: {sorted(uncovered)}"


def _keys(tree: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", KEYS_SCRIPT],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tree,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree), "HOME": str(tree)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    keys = json.loads(proc.stdout.strip().splitlines()[-1])
    assert keys["root"].startswith(str(tree)), keys["root"]  # the copy is what was imported
    return keys


def _touch(path: Path) -> None:
    path.write_text(path.read_text() + "\n# edited by the cache test\n")


@pytest.mark.e2e
def test_real_task_keys_follow_code_edits(repo_root: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    for package in ("flutter_rl", "flutter_renderer", "tasks"):
        shutil.copytree(repo_root / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
    first = _keys(tree)
    assert _keys(tree) == first  # nothing edited: the same keys

    _touch(tree / "flutter_rl/train/grpo.py")  # a training helper, not the module of run_training
    after_train_edit = _keys(tree)
    assert after_train_edit["train"] != first["train"]
    assert after_train_edit["curate"] == first["curate"]

    _touch(tree / "flutter_rl/evaluate/report.py")  # evaluation: neither task runs it
    assert _keys(tree) == after_train_edit

    _touch(tree / "flutter_rl/curate/split.py")  # curation's helper: curation re-runs, and training reads its manifests
    after_curate_edit = _keys(tree)
    assert after_curate_edit["curate"] != after_train_edit["curate"]
    assert after_curate_edit["train"] != after_train_edit["train"]

    _touch(tree / "flutter_rl/synth/screens.py")  # the generator's templates: curation's synthetic source
    after_synth_edit = _keys(tree)
    assert after_synth_edit["curate"] != after_curate_edit["curate"]
    assert after_synth_edit["train"] != after_curate_edit["train"]

    _touch(tree / "flutter_rl/vocabulary.py")  # a single module, not a package
    after_curate_edit = _keys(tree)
    assert after_curate_edit["curate"] != after_synth_edit["curate"]

    _touch(tree / "flutter_renderer/dart/eval_calls.py")  # the renderer draws curation's screens and the reward's
    after_renderer_edit = _keys(tree)
    assert after_renderer_edit["curate"] != after_curate_edit["curate"]
    assert after_renderer_edit["train"] != after_curate_edit["train"]
