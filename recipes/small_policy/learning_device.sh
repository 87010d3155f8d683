#!/usr/bin/env bash
# On the GPU loan: Part C's learning run (learning_run.py) with what it needs, its log beside its files.
#
#   bash recipes/small_policy/learning_device.sh [learning_run.py options, e.g. --set renderer.workers=12]
#
# Carry [".device/partc"] (learning_data.py's export, plus the wheels trl, datasets and pydantic with
# their dependencies for Python 3.12). The wheels are installed under PYLIB only when trl or datasets
# do not import. The embedded renderer is the one install_renderer.sh (Part A) installed: its env.sh
# names Chromium; without it GRPO is skipped (the SFT still runs and comes back).
set -euo pipefail
PYLIB=${PYLIB:-/tmp/pylib}
export PYTHONPATH="$PYLIB:$PWD${PYTHONPATH:+:$PYTHONPATH}"
if ! python3 -c "import trl, datasets, pydantic" 2>/dev/null; then
  python3 -m pip install -q --no-deps --no-index --disable-pip-version-check --target "$PYLIB" .device/partc/wheels/*.whl
fi
if [ -f /tmp/chromium-root/env.sh ]; then
  . /tmp/chromium-root/env.sh
else
  echo "no /tmp/chromium-root/env.sh (Part A not installed): GRPO runs only if [renderer] chromium_path renders"
fi
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
python3 -u recipes/small_policy/learning_run.py --data .device/partc --work /tmp/partc --out "$OUT" "$@" 2>&1 \
  | tee "$OUT/learning_run.log"
