"""Run untrusted Dart (the candidates run inside `flutter test`) with no network and no user files.

Three modes, chosen by `[renderer] sandbox`:

- `bwrap` (bubblewrap): new user, pid, net, ipc and uts namespaces; an empty root with only /usr
  (and its /bin, /lib symlinks), a few files of /etc, the Flutter SDK and the pub cache read-only,
  the batch's work directory read-write and a private /tmp. A `ScratchDir` inside a read-only tree
  (the SDK's `bin/cache`) is a private tmpfs with the real entries bound back read-only. The loopback
  interface is up (flutter test talks to its test process over 127.0.0.1), nothing else is reachable.
- `unshare`: new user, pid and net namespaces (loopback brought up with `ip`). No network, but the
  file system is the user's: this mode does NOT hide files. Use bwrap where you can.
- `none`: no isolation at all, only the resource limits; a warning is logged.

`auto` picks bwrap when it works here, else unshare, else none (with a warning).

Limits (every mode): `prlimit` sets RLIMIT_CPU (`cpu_time_limit_s`, CPU seconds per process) and
RLIMIT_DATA (`memory_limit_mb`, per process). RLIMIT_DATA and not RLIMIT_AS because the Dart VM
reserves far more address space than it uses; RLIMIT_DATA counts only writable private memory, so it
bounds what a runaway candidate can allocate without breaking the VM's reservations. Wall-clock
timeouts are enforced by the caller (`runner.py`), which kills the whole process group.
"""

from __future__ import annotations

import functools
import logging
import os
import resource
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

log = logging.getLogger(__name__)

MODES = ("bwrap", "unshare", "none")

# Top-level directories that modern distributions make symlinks into /usr.
_ROOT_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
# The few /etc entries a Dart/Flutter process needs: users, name lookup of localhost, the dynamic
# linker cache, fonts configuration. Nothing else of /etc (keys, credentials) is visible.
_ETC_FILES = (
    "/etc/passwd",
    "/etc/group",
    "/etc/hosts",
    "/etc/nsswitch.conf",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/fonts",
    "/etc/alternatives",
    "/etc/localtime",
)


class SandboxError(RuntimeError):
    """The requested sandbox cannot be used on this machine."""


@dataclass(frozen=True)
class ScratchDir:
    """A directory of a read-only tree that programs must write to, without the real one ever being written.

    In bwrap it becomes a tmpfs in which every entry of the real directory is bound back read-only, except
    the names in `private`, which start absent; new names (temporary files, replacements by `mv`) live and
    die with the sandbox. The other modes use the real directory as it is.
    """

    path: Path
    private: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SandboxSpec:
    """What a sandboxed command may see and use."""

    mode: str
    workdir: Path  # read-write: the batch's project and outputs
    readonly: tuple[Path, ...] = ()  # the Flutter SDK, the pub cache
    scratch: tuple[ScratchDir, ...] = ()  # inside `readonly` trees: private writable copies
    cpu_time_limit_s: int = 120
    memory_limit_mb: int = 4096
    extra_env: dict[str, str] = field(default_factory=dict, hash=False)


def _probe(mode: str) -> bool:
    """Run `true` through exactly the wrapper and environment that renders use in `mode`.

    A lighter probe can pass where the real wrapper fails: where AppArmor restricts unprivileged user
    namespaces (Ubuntu 23.10+, `kernel.apparmor_restrict_unprivileged_userns`), `unshare --user --net
    true` succeeds but the process gets no capabilities, so `ip link set lo up` inside it fails.
    """
    with tempfile.TemporaryDirectory(prefix="flutter-rl-sandbox-probe-") as tmp:
        spec = SandboxSpec(mode=mode, workdir=Path(tmp))
        try:
            return (
                subprocess.run(
                    sandbox_command(["true"], spec),
                    env=sandbox_env(spec, Path(tmp), []),
                    cwd=tmp,
                    capture_output=True,
                    timeout=20,
                ).returncode
                == 0
            )
        except (OSError, subprocess.TimeoutExpired):
            return False


@functools.cache
def bwrap_works() -> bool:
    """True when bubblewrap is installed and can create its namespaces here (containers may forbid it)."""
    return shutil.which("bwrap") is not None and _probe("bwrap")


@functools.cache
def unshare_works() -> bool:
    """True when util-linux `unshare` can make a user + network namespace here and bring its loopback up."""
    return shutil.which("unshare") is not None and _probe("unshare")


def resolve_mode(requested: str) -> str:
    """The sandbox mode to use for `requested` ("auto", "bwrap", "unshare", "none")."""
    if requested == "auto":
        if bwrap_works():
            return "bwrap"
        if unshare_works():
            log.warning(
                "sandbox: bubblewrap is not usable here, using `unshare`: no network, but candidates "
                "can read and write the user's files. Install bubblewrap (apt-get install bubblewrap)."
            )
            return "unshare"
        log.warning(
            "sandbox: neither bubblewrap nor unshare is usable here: generated code runs WITHOUT "
            "isolation (network and files reachable), only with CPU/memory limits"
        )
        return "none"
    if requested == "bwrap" and not bwrap_works():
        raise SandboxError(
            '[renderer] sandbox = "bwrap" but bubblewrap is missing or cannot create namespaces '
            "here (install it: apt-get install bubblewrap)"
        )
    if requested == "unshare" and not unshare_works():
        raise SandboxError(
            '[renderer] sandbox = "unshare" but `unshare --user --net` (util-linux) with `ip link set '
            "lo up` (iproute2) is missing or not permitted here (where AppArmor restricts "
            "unprivileged user namespaces, as on Ubuntu 23.10+, unshare runs but ip cannot)"
        )
    if requested not in MODES:
        raise SandboxError(f"unknown sandbox mode {requested!r} (choose auto, bwrap, unshare or none)")
    return requested


def _root_args() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for path in _ROOT_LINKS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def _bwrap_args(spec: SandboxSpec, cwd: Path) -> list[str]:
    args = ["bwrap", "--unshare-all", "--die-with-parent", *_root_args()]
    for path in _ETC_FILES:
        if os.path.exists(path):
            args += ["--ro-bind", path, path]
    args += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for path in spec.readonly:
        args += ["--ro-bind", str(path), str(path)]
    for scratch in spec.scratch:
        args += _scratch_args(scratch)
    args += ["--bind", str(spec.workdir), str(spec.workdir), "--chdir", str(cwd), "--"]
    return args


def _scratch_args(scratch: ScratchDir) -> list[str]:
    """A tmpfs over `scratch.path`, then its real entries bound back (listed now: the cache can change)."""
    if not scratch.path.is_dir():
        return []
    args = ["--tmpfs", str(scratch.path)]
    for entry in sorted(scratch.path.iterdir()):
        if entry.name in scratch.private:
            continue
        if entry.is_symlink():
            args += ["--symlink", os.readlink(entry), str(entry)]
        else:
            args += ["--ro-bind", str(entry), str(entry)]
    return args


def _unshare_args() -> list[str]:
    # A new network namespace starts with loopback down; flutter test needs 127.0.0.1.
    return [
        "unshare",
        "--user",
        "--map-root-user",
        "--net",
        "--pid",
        "--fork",
        "--kill-child",
        "--",
        "sh",
        "-c",
        'ip link set lo up && exec "$@"',
        "sandbox",
    ]


def _limit_args(spec: SandboxSpec) -> list[str]:
    if shutil.which("prlimit") is None:
        return []
    return ["prlimit", f"--cpu={spec.cpu_time_limit_s}", f"--data={spec.memory_limit_mb * 1024 * 1024}", "--"]


def sandbox_command(argv: Sequence[str], spec: SandboxSpec, cwd: Path | None = None) -> list[str]:
    """`argv` wrapped in the resource limits and the sandbox of `spec.mode`, to run in `cwd` (default: workdir).

    Start it with the same `cwd`: bwrap changes into it inside the sandbox, the other modes inherit it.
    """
    if spec.mode not in MODES:
        raise SandboxError(f"unknown sandbox mode {spec.mode!r}")
    wrapper = {"bwrap": _bwrap_args(spec, cwd or spec.workdir), "unshare": _unshare_args(), "none": []}[spec.mode]
    return [*_limit_args(spec), *wrapper, *argv]


def limits_preexec(spec: SandboxSpec) -> Callable[[], None] | None:
    """Where `prlimit` is missing, a `preexec_fn` that sets the same limits in the child; else None."""
    if shutil.which("prlimit") is not None:
        return None
    cpu, data = spec.cpu_time_limit_s, spec.memory_limit_mb * 1024 * 1024

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_DATA, (data, data))

    return apply


def sandbox_env(spec: SandboxSpec, home: Path, path_dirs: Sequence[Path]) -> dict[str, str]:
    """A clean environment: none of the user's variables (tokens, proxies) reach the candidates."""
    search = [str(p) for p in path_dirs] + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]
    env = {
        "PATH": os.pathsep.join(search),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "FLUTTER_SUPPRESS_ANALYTICS": "true",
        "DART_SUPPRESS_ANALYTICS": "true",
    }
    if spec.mode != "bwrap":  # outside bwrap /tmp is the host's: keep temporary files in the workdir
        env["TMPDIR"] = str(spec.workdir / "tmp")
    env.update(spec.extra_env)
    return env
