"""Make PyPI's CUDA torchvision importable beside a CPU torch.

torchvision's wheel ships C++ ops built for CUDA; beside the CPU torch they fail to load, and
`_meta_registrations.py` then registers fake kernels for ops that do not exist, so `import torchvision`
(and with it open_clip, trl and AutoProcessor) dies with "operator torchvision::nms does not exist".
This guards those two registrations with `_has_ops()`, as torchvision already does elsewhere in that
file. Transforms work afterwards; C++ ops such as nms do not (nothing here needs them). Idempotent.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

GUARD = "(lambda f: f) if not torchvision.extension._has_ops() else "


def imports_cleanly() -> bool:
    """True when `import torchvision` works in a fresh interpreter."""
    return subprocess.run([sys.executable, "-c", "import torchvision"], capture_output=True).returncode == 0


def patch(path: Path) -> bool:
    """Guard the nms/qnms fake registrations in `path`; returns True when the file changed."""
    text = path.read_text()
    patched = text
    for op in ("nms", "qnms"):
        plain = f'@torch.library.register_fake("torchvision::{op}")'
        patched = patched.replace(plain, f'@({GUARD}torch.library.register_fake("torchvision::{op}"))')
    if patched == text:
        return False
    path.write_text(patched)
    return True


def main() -> int:
    if imports_cleanly():
        print("torchvision imports cleanly; nothing to patch")
        return 0
    spec = importlib.util.find_spec("torchvision")
    if spec is None or spec.origin is None:
        print("torchvision is not installed", file=sys.stderr)
        return 1
    target = Path(spec.origin).parent / "_meta_registrations.py"
    changed = patch(target)
    if not imports_cleanly():
        print(f"torchvision still fails to import after patching {target}", file=sys.stderr)
        return 1
    print(f"patched {target}" if changed else f"{target} already patched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
