"""`flutter-rl doctor`: what on this machine is usable, and what is not and why."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flutter_rl.settings import RendererSettings


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    optional: bool = False  # reported, but does not fail the doctor


def _python_imports(module: str) -> Check:
    proc = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    last = (proc.stderr.strip().splitlines() or [""])[-1]
    return Check(f"import {module}", proc.returncode == 0, "ok" if proc.returncode == 0 else last)


def _version(module: str) -> Check:
    try:
        mod = importlib.import_module(module)
    except Exception as exc:  # noqa: BLE001 - doctor reports every failure as a line
        return Check(module, False, f"{type(exc).__name__}: {exc}")
    return Check(module, True, getattr(mod, "__version__", "installed"))


def _renderer_settings() -> RendererSettings:
    """`[renderer]` of the project's settings, or its defaults when the settings do not load."""
    from flutter_rl.settings import RendererSettings, SettingsError, load_settings

    try:
        return load_settings().renderer
    except SettingsError:
        return RendererSettings()


def _flutter_sdk_checks() -> list[Check]:
    """The Flutter SDK backend's SDK, fonts and sandbox; required only when `[renderer] backend = "flutter"`."""
    from flutter_renderer.flutter_sdk.diagnose import diagnose

    renderer = _renderer_settings()
    optional = renderer.backend != "flutter"
    return [Check(name, ok, detail, optional=optional) for name, ok, detail in diagnose(renderer)]


def _chromium_check() -> Check:
    """The browser the embedded renderer launches: `[renderer] chromium_path` (overrides included)."""
    path = _renderer_settings().chromium_path
    found = shutil.which(path) is not None
    return Check("chromium", found, path if found else f"{path} is not an executable file ([renderer] chromium_path)")


def _roboto_check() -> Check:
    """The real Roboto faces the embedded renderer serves; without them bold and italic are synthesized."""
    from flutter_renderer.embedded.fonts import font_status

    ok, detail = font_status()
    return Check("roboto faces", ok, detail, optional=True)


def run_checks(quick: bool = False) -> list[Check]:
    """Checks of the Python stack, Chromium and (when not quick) the heavier imports."""
    checks = [_version(m) for m in ("torch", "transformers", "trl", "peft", "prefect", "mlflow", "flet")]
    checks.append(_chromium_check())
    checks.append(_roboto_check())
    checks.append(_python_imports("torchvision"))
    checks += _flutter_sdk_checks()
    if not quick:
        checks += [_python_imports("open_clip"), _python_imports("tree_sitter_dart")]
        try:
            import torch

            checks.append(
                Check("cuda", torch.cuda.is_available(), "available" if torch.cuda.is_available() else "none (CPU)")
            )
        except Exception as exc:  # noqa: BLE001
            checks.append(Check("cuda", False, str(exc)))
    return checks


def print_report(checks: list[Check]) -> bool:
    """Print one line per check; True when every check that matters passed (CUDA is optional)."""
    for check in checks:
        mark = "ok " if check.ok else ("-- " if check.optional or check.name == "cuda" else "ERR")
        print(f"[{mark}] {check.name:24s} {check.detail}")
    return all(c.ok for c in checks if c.name != "cuda" and not c.optional)
