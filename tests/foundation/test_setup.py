"""The setup's torchvision fix: the ML stack imports beside the CPU torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_ml_stack_imports_in_a_fresh_interpreter() -> None:
    code = "import torchvision, open_clip, trl; from transformers import AutoProcessor; print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("ok")


def test_patch_guards_the_fake_registrations(tmp_path: Path, repo_root: Path) -> None:
    sys.path.insert(0, str(repo_root / "scripts"))
    try:
        from patch_torchvision import patch
    finally:
        sys.path.pop(0)
    target = tmp_path / "_meta_registrations.py"
    target.write_text('@torch.library.register_fake("torchvision::nms")\ndef meta_nms(): ...\n')
    assert patch(target) is True
    assert "_has_ops()" in target.read_text()
    assert patch(target) is False  # idempotent
