#!/usr/bin/env bash
# On the GPU loan: install the wheels carried in .device/carry (built here for Python 3.12) under
# /tmp/pylib, beside the machine's own torch/transformers/peft/accelerate. Prints the versions.
set -euo pipefail
if [ ! -f /tmp/pylib/.done ]; then
  python3 -m pip install -q --no-deps --no-index --target /tmp/pylib .device/carry/*.whl
  touch /tmp/pylib/.done
fi
export PYTHONPATH=/tmp/pylib:$PWD
python3 -c "import torch, transformers, peft, trl, bitsandbytes; print('torch', torch.__version__, 'transformers', transformers.__version__, 'peft', peft.__version__, 'trl', trl.__version__, 'bnb', bitsandbytes.__version__)"
