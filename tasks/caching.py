"""Cache policies for tasks whose work is pure: same inputs, same code, same settings -> same result.

Prefect's default policy includes the flow-run id, so it never reuses work across runs. Ours keys a
task on its inputs (the `settings` object excluded), its own source, the source of the plain
function it wraps, and the hash of only the settings sections that function reads: a change to
`[train]` re-runs training but not curation.
"""

from __future__ import annotations

import inspect
import os
from dataclasses import dataclass, field
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


@dataclass
class FunctionSource(CachePolicy):
    """Keys on the source of the module that holds the wrapped plain function."""

    function: Callable[..., Any] | None = field(default=None)

    def compute_key(
        self, task_ctx: TaskRunContext, inputs: dict[str, Any], flow_parameters: dict[str, Any], **kwargs: Any
    ) -> Optional[str]:
        module = inspect.getmodule(self.function)
        return hash_objects(inspect.getsource(module) if module else repr(self.function))


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


def content_cache(
    function: Callable[..., Any], *sections: str, external: Callable[[Any], str] | None = None
) -> CachePolicy:
    """The policy for a pure task wrapping `function` that reads `sections` of the settings (and, when
    given, the outside files hashed by `external(settings)`)."""
    policy = (INPUTS - "settings") + TASK_SOURCE + FunctionSource(function=function) + SettingsSections(sections=sections)
    return policy + ExternalInputs(fingerprint=external) if external else policy
