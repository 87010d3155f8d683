"""Cache policies for tasks whose work is pure: same inputs, same code, same settings -> same result.

Prefect's default policy includes the flow-run id, so it never reuses work across runs. Ours keys a
task on its inputs (the `settings` object excluded), its own source, the source of every module of
the packages its plain function runs (a helper module edited deep inside `flutter_rl/train/` changes
the key, not only the module that holds the function), and the hash of only the settings sections
that function reads: a change to `[train]` re-runs training but not curation.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from prefect.cache_policies import INPUTS, TASK_SOURCE, CachePolicy
from prefect.context import TaskRunContext
from prefect.utilities.hashing import hash_objects


@dataclass
class SettingsSections(CachePolicy):
    """Keys on the content of the named sections of the task's `settings` input, and on the working
    directory, since the relative paths in those sections (runs/...) resolve against it."""

    sections: tuple[str, ...] = ()

    def compute_key(
        self, task_ctx: TaskRunContext, inputs: dict[str, Any], flow_parameters: dict[str, Any], **kwargs: Any
    ) -> Optional[str]:
        settings = inputs.get("settings")
        if settings is None:
            return None
        return hash_objects(os.getcwd(), *(settings.section_hash(name) for name in self.sections))


def package_source_hash(packages: tuple[str, ...]) -> str:
    """The sha256 of every file of the named packages, or of the named single modules (path and
    content, sorted), compiled files aside."""
    digest = hashlib.sha256()
    for package in sorted(packages):
        spec = importlib.util.find_spec(package)
        if spec is None or not (spec.submodule_search_locations or spec.origin):
            raise ValueError(f"{package!r} is not a package or module this interpreter can import")
        if not spec.submodule_search_locations:
            digest.update(f"{package}\0".encode())
            digest.update(Path(spec.origin).read_bytes())
            continue
        for root in spec.submodule_search_locations:
            for path in sorted(Path(root).rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                    digest.update(f"{package}/{path.relative_to(root).as_posix()}\0".encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class PackageSource(CachePolicy):
    """Keys on the files of the packages a task's plain function runs."""

    packages: tuple[str, ...] = ()

    def compute_key(
        self, task_ctx: TaskRunContext, inputs: dict[str, Any], flow_parameters: dict[str, Any], **kwargs: Any
    ) -> Optional[str]:
        return package_source_hash(self.packages)


@dataclass
class ExternalInputs(CachePolicy):
    """Keys on what a task reads outside its arguments (files a folder source points at), as hashed
    by `fingerprint(settings)`."""

    fingerprint: Callable[[Any], str] | None = field(default=None)

    def compute_key(
        self, task_ctx: TaskRunContext, inputs: dict[str, Any], flow_parameters: dict[str, Any], **kwargs: Any
    ) -> Optional[str]:
        settings = inputs.get("settings")
        return hash_objects(self.fingerprint(settings)) if settings is not None and self.fingerprint else None


def content_cache(*sections: str, code: tuple[str, ...], external: Callable[[Any], str] | None = None) -> CachePolicy:
    """The policy for a pure task that reads `sections` of the settings, runs the code of the `code`
    packages (name every package its plain function imports, directly or not, whose code changes the
    result; tests/orchestration checks the real tasks' lists) and, when given, reads the outside files
    hashed by `external(settings)`."""
    policy = (INPUTS - "settings") + TASK_SOURCE + PackageSource(packages=code) + SettingsSections(sections=sections)
    return policy + ExternalInputs(fingerprint=external) if external else policy
