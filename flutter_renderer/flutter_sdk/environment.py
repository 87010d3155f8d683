"""The sandbox an SDK's commands run in, and the smoke command that shows they really run there.

Every `flutter` call writes into the SDK's `bin/cache`: newer launchers write `engine.stamp` (through a
temporary file and `mv`) and `engine.realm` (flutter/flutter `bin/internal/update_engine_version.sh`,
called from `bin/internal/shared.sh`; the script does not exist yet at 90e4a12f2a, Jan 2024), and the
tool opens `lockfile` for writing (flutter_tools `cache.dart` `Cache.lock`). The SDK must stay
read-only, though: candidate code must not replace `flutter_tester` or the tool snapshot that the user
runs later outside the sandbox. So in bwrap `bin/cache` is a `ScratchDir`: a private tmpfs with the real
entries bound back read-only, where those three names start absent and are written privately.
"""

from __future__ import annotations

from pathlib import Path

from flutter_renderer.flutter_sdk.sandbox import SandboxSpec, ScratchDir
from flutter_renderer.flutter_sdk.sdk import FlutterSdk, pub_cache_dir

# Written by the launcher or the tool on every call (see the module docstring); everything else is read.
CACHE_WRITES = frozenset({"engine.stamp", "engine.realm", "lockfile"})


def sandbox_spec(sdk: FlutterSdk, mode: str, workdir: Path, *, cpu_time_limit_s: int, memory_limit_mb: int) -> SandboxSpec:
    """How SDK commands for `workdir` are isolated: the SDK and pub cache read-only, `bin/cache` private."""
    pub_cache = pub_cache_dir()
    return SandboxSpec(
        mode=mode,
        workdir=workdir,
        readonly=tuple(p for p in (sdk.root, pub_cache) if p.exists()),
        scratch=(ScratchDir(sdk.cache, CACHE_WRITES),),
        cpu_time_limit_s=cpu_time_limit_s,
        memory_limit_mb=memory_limit_mb,
        extra_env={"PUB_CACHE": str(pub_cache), "FLUTTER_ROOT": str(sdk.root)},
    )
