#!/usr/bin/env bash
# One setup command for a fresh Debian/Ubuntu machine: system packages, a virtual environment in .venv,
# the project and its pinned dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${FLUTTER_RL_VENV:-.venv}
PYTHON=${PYTHON:-python3}

# Chromium drives the embedded Flutter web renderer; fonts for Chromium's own UI text; the real Roboto
# faces (bold, medium, italic...) the embedded renderer serves to Flutter; bubblewrap sandboxes
# generated code under the Flutter SDK backend.
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if ! command -v chromium >/dev/null 2>&1 || ! command -v bwrap >/dev/null 2>&1 \
      || [ ! -d /usr/share/fonts/truetype/roboto/unhinted ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core \
      fonts-roboto-unhinted bubblewrap >/dev/null
  fi
else
  echo "warning: no apt-get; install Chromium yourself and set [renderer] chromium_path" >&2
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
PIP="$VENV/bin/python -m pip"
$PIP install -q --upgrade pip

# Keep a CUDA torch that is already there (GPU boxes); otherwise pin the tested CPU build.
CONSTRAINTS=constraints.txt
if $VENV/bin/python -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null; then
  grep -vE '^(torch|torchvision)==' constraints.txt > "$VENV/constraints-gpu.txt"
  CONSTRAINTS="$VENV/constraints-gpu.txt"
else
  $PIP install -q torch==2.13.0
fi
$PIP install -q -c "$CONSTRAINTS" -e ".[dev]"
"$VENV/bin/python" scripts/patch_torchvision.py
"$VENV/bin/python" -m flows.cli doctor --quick
echo "setup done: activate with 'source $VENV/bin/activate'"
