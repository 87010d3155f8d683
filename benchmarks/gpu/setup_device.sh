#!/usr/bin/env bash
# On the GPU loan: install the wheels carried in FOLDER... (default .device/carry; built here for
# Python 3.12) under /tmp/pylib, beside the machine's own torch/transformers/peft/accelerate, one
# folder per call when together they exceed what a call may carry. Prints what imports.
#   bash benchmarks/gpu/setup_device.sh [FOLDER ...]
set -euo pipefail
for folder in "${@:-.device/carry}"; do
  marker="/tmp/pylib/.done-$(basename "$folder")"
  if [ ! -f "$marker" ]; then
    python3 -m pip install -q --no-deps --no-index --target /tmp/pylib "$folder"/*.whl
    touch "$marker"
  fi
done
export PYTHONPATH=/tmp/pylib:$PWD
python3 - <<'PY'
import importlib
for name in ("torch", "transformers", "peft", "trl", "bitsandbytes"):
    try:
        print(name, importlib.import_module(name).__version__)
    except ImportError as error:
        print(name, "not installed yet:", error)
PY
