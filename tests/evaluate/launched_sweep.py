"""What each process of the launched-sweep test runs: `run_sweep` of the base policy with the sweep
tests' `color_backend()` (tests/evaluate/conftest.py), no MLflow; the main process writes the per-sample
table as JSON. Usage: `launched_sweep.py SETTINGS.toml MANIFEST TRAIN_DIR OUT.json`."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from flutter_rl.evaluate.sweep import run_sweep
from flutter_rl.settings import load_settings

spec = importlib.util.spec_from_file_location("sweep_fixtures", Path(__file__).with_name("conftest.py"))
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)

if __name__ == "__main__":
    settings_file, manifest, train_dir, out = sys.argv[1:5]
    result = run_sweep(
        load_settings(settings_file, environ={}), train_dir, manifest, backend=fixtures.color_backend(), track=False
    )
    if result.tables:
        Path(out).write_text(json.dumps(result.samples.to_dict("records"), default=str))
