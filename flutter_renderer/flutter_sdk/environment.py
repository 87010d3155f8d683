"""The sandbox an SDK's commands run in, and the smoke command that shows they really run there.

`smoke_test` runs `flutter --version --machine` the way every render runs `flutter`: same launcher,
sandbox, limits and environment. It passes only when the launcher's writes, its git calls, the Dart VM,
the tool snapshot and the tool's lock all work in the sandbox. (On the master/main channel `--version`
also fetches tags and deletes the version files, flutter_tools version.dart `fetchTagsAndGetVersion`,
which a read-only SDK refuses: use a stable or beta SDK.)

Every `flutter` call writes into the SDK's `bin/cache`: newer launchers write `engine.stamp` (through a
temporary file and `mv`) and `engine.realm` (flutter/flutter `bin/internal/update_engine_version.sh`,
called from `bin/internal/shared.sh`; the script does not exist yet at 90e4a12f2a, Jan 2024), and the
tool opens `lockfile` for writing (flutter_tools `cache.dart` `Cache.lock`). The SDK must stay
read-only, though: candidate code must not replace `flutter_tester` or the tool snapshot that the user
runs later outside the sandbox. So in bwrap `bin/cache` is a `ScratchDir`: a private tmpfs with the real
entries bound back read-only, where those names (`CACHE_WRITES`) start absent and are written privately.

The launcher also runs `git rev-parse HEAD` in the SDK on every call (and newer ones `git ls-files`);
when that fails it takes the tool for stale and tries to rebuild it, offline. git refuses a clone owned
by another user ("detected dubious ownership") unless a `safe.directory` setting names it, and inside
bwrap every file of another user belongs to `nobody` while the user's ~/.gitconfig and /etc/gitconfig
are hidden. So every SDK command gets that setting for the SDK root: through GIT_CONFIG_* variables
(git >= 2.38 reads safe.directory from command-scope config, git/git 779ea93) and through the private
home's .gitconfig (older git reads it only from the global and system files, git/git 8959555).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from flutter_renderer.flutter_sdk.runner import Runtime, kill_group, read_log
from flutter_renderer.flutter_sdk.sandbox import SandboxSpec, ScratchDir
from flutter_renderer.flutter_sdk.sdk import FlutterSdk, FlutterSdkError, pub_cache_dir

# Written by the launcher or the tool on every call (see the module docstring); everything else is read.
# A leftover engine_fallback.stamp is removed by update_engine_version.sh on stable and beta SDKs,
# which a file bound in read-only would refuse: it starts absent too.
CACHE_WRITES = frozenset({"engine.stamp", "engine.realm", "lockfile", "engine_fallback.stamp"})
SMOKE_ARGS = ("--no-version-check", "--suppress-analytics", "--version", "--machine")


def sandbox_spec(
    sdk: FlutterSdk, mode: str, workdir: Path, *, cpu_time_limit_s: int, memory_limit_mb: int
) -> SandboxSpec:
    """How SDK commands for `workdir` are isolated: the SDK and pub cache read-only, `bin/cache` private."""
    pub_cache = pub_cache_dir()
    return SandboxSpec(
        mode=mode,
        workdir=workdir,
        readonly=tuple(p for p in (sdk.root, pub_cache) if p.exists()),
        scratch=(ScratchDir(sdk.cache, CACHE_WRITES),),
        cpu_time_limit_s=cpu_time_limit_s,
        memory_limit_mb=memory_limit_mb,
        extra_env={"PUB_CACHE": str(pub_cache), "FLUTTER_ROOT": str(sdk.root), **git_env(sdk)},
    )


def make_runtime(
    sdk: FlutterSdk,
    mode: str,
    workdir: Path,
    project: Path,
    *,
    cpu_time_limit_s: int,
    memory_limit_mb: int,
    startup_timeout_s: float,
) -> Runtime:
    """How to run SDK commands in `project` under `workdir`: its sandbox and private home (created here)."""
    prepare_home(workdir / "home", sdk)
    spec = sandbox_spec(sdk, mode, workdir, cpu_time_limit_s=cpu_time_limit_s, memory_limit_mb=memory_limit_mb)
    return Runtime(sdk, project, spec, startup_timeout_s)


def git_env(sdk: FlutterSdk, base: dict[str, str] | None = None) -> dict[str, str]:
    """`base` (default: nothing) plus a command-scope `safe.directory` entry for the SDK root, appended after
    any GIT_CONFIG_* entries `base` already has."""
    env = dict(base or {})
    count = int(env.get("GIT_CONFIG_COUNT", "0") or 0)
    env.update(
        {
            "GIT_CONFIG_COUNT": str(count + 1),
            f"GIT_CONFIG_KEY_{count}": "safe.directory",
            f"GIT_CONFIG_VALUE_{count}": str(sdk.root),
        }
    )
    return env


def prepare_home(home: Path, sdk: FlutterSdk) -> None:
    """The sandbox's private HOME, with a .gitconfig that names the SDK safe for git older than 2.38."""
    home.mkdir(parents=True, exist_ok=True)
    (home / ".gitconfig").write_text(f"[safe]\n\tdirectory = {sdk.root}\n", encoding="utf-8")


def host_env(sdk: FlutterSdk) -> dict[str, str]:
    """The user's own environment plus the SDK's safe.directory, for the commands that run outside the sandbox."""
    return git_env(sdk, dict(os.environ))


def smoke_test(runtime: Runtime) -> dict:
    """`flutter --version --machine` in the runtime's sandbox: the tool's JSON (frameworkVersion, dartSdkVersion...).

    Raises FlutterSdkError with the sandbox mode, the exit status and the command's output when it fails.
    """
    proc, out, err = runtime.start([str(runtime.sdk.flutter), *SMOKE_ARGS], "smoke")
    timed_out = False
    try:
        proc.wait(timeout=runtime.startup_timeout_s)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        timed_out = True
    stdout, stderr = read_log(out), read_log(err)
    start, end = stdout.find("{"), stdout.rfind("}")
    try:
        info = json.loads(stdout[start : end + 1]) if start != -1 else None
    except ValueError:
        info = None
    if proc.returncode == 0 and isinstance(info, dict):
        return info
    status = f"did not finish within {runtime.startup_timeout_s:.0f}s" if timed_out else f"exited {proc.returncode}"
    output = (stderr + stdout).strip()[-1500:] or "(no output)"
    raise FlutterSdkError(
        f"the Flutter SDK does not run in the {runtime.sandbox.mode!r} sandbox: "
        f"`flutter {' '.join(SMOKE_ARGS)}` {status}: {output}"
    )
