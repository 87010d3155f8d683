"""Sandbox commands: how they are built, and (where bwrap/unshare work here) what they really block."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from flutter_renderer.flutter_sdk import sandbox
from flutter_renderer.flutter_sdk.sandbox import SandboxSpec, ScratchDir, sandbox_command

PYTHON = "/usr/bin/python3"
PROBE = r"""
import json, os, socket, sys
result = {}
s = socket.socket()
s.settimeout(2)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
    result["connect"] = "connected"
except OSError as exc:
    result["connect"] = type(exc).__name__
result["secret_visible"] = os.path.exists(sys.argv[2])
result["home_visible"] = os.path.exists(sys.argv[3])
open(os.path.join(sys.argv[4], "written.txt"), "w").write("ok")
try:
    open(os.path.join(sys.argv[5], "planted.txt"), "w").write("x")
    result["readonly_writable"] = True
except OSError:
    result["readonly_writable"] = False
print(json.dumps(result))
"""


def _spec(mode: str, tmp_path: Path, **kw) -> SandboxSpec:
    work, sdk = tmp_path / "work", tmp_path / "sdk"
    work.mkdir(exist_ok=True)
    sdk.mkdir(exist_ok=True)
    return SandboxSpec(mode=mode, workdir=work, readonly=(sdk,), cpu_time_limit_s=30, memory_limit_mb=1024, **kw)


def test_bwrap_command_isolates_and_binds(tmp_path):
    cache = tmp_path / "sdk" / "cache"
    (cache / "dart-sdk").mkdir(parents=True)
    (cache / "lockfile").write_text("")
    (cache / "link").symlink_to("dart-sdk")
    spec = _spec("bwrap", tmp_path, scratch=(ScratchDir(cache, frozenset({"lockfile"})),))
    cmd = sandbox_command(["flutter", "test"], spec, spec.workdir / "project")
    bwrap = cmd.index("bwrap")
    assert cmd[bwrap + 1 : bwrap + 3] == ["--unshare-all", "--die-with-parent"]
    assert cmd[-3:] == ["--", "flutter", "test"]
    joined = " ".join(cmd)
    assert f"--ro-bind {tmp_path / 'sdk'} {tmp_path / 'sdk'}" in joined
    # the private cache comes after the read-only SDK; its real entries are bound back, the private ones not
    assert (
        f"--tmpfs {cache} --ro-bind {cache / 'dart-sdk'} {cache / 'dart-sdk'} --symlink dart-sdk {cache / 'link'}"
        in joined
    )
    assert joined.index(f"--tmpfs {cache}") > joined.index(f"--ro-bind {tmp_path / 'sdk'}")
    assert str(cache / "lockfile") not in joined and "--bind " + str(tmp_path / "sdk") not in joined
    assert f"--bind {spec.workdir} {spec.workdir} --chdir {spec.workdir / 'project'}" in joined
    assert "--tmpfs /tmp" in joined and "--ro-bind /usr /usr" in joined
    assert "/root" not in cmd and "/home" not in cmd and "/etc/shadow" not in cmd
    # the writable workdir is bound after the private /tmp, so a workdir under /tmp stays visible
    assert cmd.index(str(spec.workdir)) > cmd.index("/tmp")


def test_unshare_command_brings_loopback_up(tmp_path):
    cmd = sandbox_command(["flutter", "test"], _spec("unshare", tmp_path))
    start = cmd.index("unshare")
    assert {"--net", "--user", "--map-root-user", "--pid", "--fork"} <= set(cmd[start:])
    assert "ip link set lo up" in " ".join(cmd) and cmd[-2:] == ["flutter", "test"]


def test_limits_prefix(tmp_path):
    cmd = sandbox_command(["x"], _spec("none", tmp_path))
    if shutil.which("prlimit"):
        assert cmd == ["prlimit", "--cpu=30", f"--data={1024 * 1024 * 1024}", "--", "x"]
        assert sandbox.limits_preexec(_spec("none", tmp_path)) is None
    else:
        assert cmd == ["x"] and sandbox.limits_preexec(_spec("none", tmp_path)) is not None


def test_env_is_clean(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    spec = _spec("none", tmp_path, extra_env={"PUB_CACHE": "/pc"})
    env = sandbox.sandbox_env(spec, tmp_path / "home", [Path("/sdk/bin")])
    assert "SECRET_TOKEN" not in env and env["PUB_CACHE"] == "/pc" and env["HOME"] == str(tmp_path / "home")
    assert env["PATH"].startswith("/sdk/bin:") and env["TMPDIR"] == str(spec.workdir / "tmp")


def test_unknown_mode_is_refused(tmp_path):
    with pytest.raises(sandbox.SandboxError):
        sandbox.resolve_mode("docker")


def test_auto_falls_back_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(sandbox, "bwrap_works", lambda: False)
    monkeypatch.setattr(sandbox, "unshare_works", lambda: False)
    assert sandbox.resolve_mode("auto") == "none"
    assert "WITHOUT isolation" in caplog.text
    with pytest.raises(sandbox.SandboxError, match="apt-get install bubblewrap"):
        sandbox.resolve_mode("bwrap")


def _run_probe(mode: str, tmp_path: Path) -> dict:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    threading.Thread(target=lambda: server.accept(), daemon=True).start()  # a host service to reach
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("user data")
    spec = _spec(mode, tmp_path)
    argv = [
        PYTHON,
        "-c",
        PROBE,
        str(server.getsockname()[1]),
        str(secret),
        str(Path.home()),
        str(spec.workdir),
        str(spec.readonly[0]),
    ]
    try:
        proc = subprocess.run(
            sandbox_command(argv, spec),
            capture_output=True,
            text=True,
            timeout=60,
            env=sandbox.sandbox_env(spec, spec.workdir, []),
        )
    finally:
        server.close()
    assert proc.returncode == 0, proc.stderr
    assert (spec.workdir / "written.txt").read_text() == "ok"
    return json.loads(proc.stdout)


@pytest.mark.skipif(not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here")
def test_bwrap_really_blocks_network_and_files(tmp_path):
    result = _run_probe("bwrap", tmp_path)
    assert result["connect"] in {"ConnectionRefusedError", "TimeoutError", "OSError"}  # own netns: no host service
    assert result["secret_visible"] is False and result["home_visible"] is False
    assert result["readonly_writable"] is False


SCRATCH_PROBE = r"""
import os, sys
cache = sys.argv[1]
tmp = os.path.join(cache, "engine.stamp.tmp.1")
open(tmp, "w").write("private")
os.replace(tmp, os.path.join(cache, "engine.stamp"))        # update_engine_version.sh: tmp file + mv
open(os.path.join(cache, "lockfile"), "a").close()             # cache.dart Cache.lock: open for writing
print(open(os.path.join(cache, "dart-sdk", "version")).read().strip())
for target in (os.path.join(cache, "dart-sdk", "version"), os.path.join(cache, "tool.snapshot")):
    try:
        open(target, "w").write("planted")
        print("planted", target)
    except OSError:
        pass
"""


@pytest.mark.skipif(not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here")
def test_bwrap_scratch_dir_is_writable_inside_and_untouched_outside(tmp_path):
    cache = tmp_path / "sdk" / "bin" / "cache"
    (cache / "dart-sdk").mkdir(parents=True)
    (cache / "dart-sdk" / "version").write_text("3.8.1\n")
    (cache / "tool.snapshot").write_text("real tool")
    (cache / "lockfile").write_text("")
    before = {p.relative_to(cache): p.read_bytes() for p in cache.rglob("*") if p.is_file()}
    spec = _spec("bwrap", tmp_path, scratch=(ScratchDir(cache, frozenset({"engine.stamp", "lockfile"})),))
    proc = subprocess.run(
        sandbox_command([PYTHON, "-c", SCRATCH_PROBE, str(cache)], spec),
        capture_output=True,
        text=True,
        timeout=60,
        env=sandbox.sandbox_env(spec, spec.workdir, []),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["3.8.1"]  # real entries readable, none of them writable
    after = {p.relative_to(cache): p.read_bytes() for p in cache.rglob("*") if p.is_file()}
    assert after == before  # the private writes never reached the real cache


@pytest.mark.skipif(not sandbox.unshare_works(), reason="unshare --user --net is not permitted here")
def test_unshare_really_blocks_network(tmp_path):
    result = _run_probe("unshare", tmp_path)
    assert result["connect"] != "connected"
    assert result["secret_visible"] is True  # documented: unshare mode does not hide files


@pytest.mark.skipif(not shutil.which("prlimit"), reason="prlimit (util-linux) is not installed")
def test_memory_limit_stops_a_runaway_allocation(tmp_path):
    spec = SandboxSpec(mode="none", workdir=tmp_path, cpu_time_limit_s=30, memory_limit_mb=256)
    argv = sandbox_command([PYTHON, "-c", "b = bytearray(600 * 1024 * 1024)"], spec)
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, env={"PATH": os.environ["PATH"]})
    assert proc.returncode != 0 and "MemoryError" in proc.stderr


@pytest.mark.skipif(not shutil.which("unshare"), reason="util-linux unshare is not installed")
def test_unshare_probe_runs_the_wrapper_that_renders_use(tmp_path, monkeypatch):
    """Issue 16 (6): where AppArmor restricts unprivileged user namespaces (Ubuntu 23.10+), `unshare --user
    --net true` succeeds but `ip link set lo up` inside it does not; the probe must run what renders run."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "ip").write_text("#!/bin/sh\necho 'RTNETLINK answers: Operation not permitted' >&2\nexit 2\n")
    (fake_bin / "ip").chmod(0o755)
    real_env = sandbox.sandbox_env
    monkeypatch.setattr(sandbox, "sandbox_env", lambda spec, home, dirs: real_env(spec, home, [fake_bin, *dirs]))
    sandbox.unshare_works.cache_clear()
    try:
        assert sandbox.unshare_works() is False
        with pytest.raises(sandbox.SandboxError, match="AppArmor"):
            sandbox.resolve_mode("unshare")
    finally:
        monkeypatch.undo()
        sandbox.unshare_works.cache_clear()
    spec = _spec("unshare", tmp_path)
    works = (
        subprocess.run(
            sandbox_command(["true"], spec), env=sandbox.sandbox_env(spec, tmp_path, []), capture_output=True
        ).returncode
        == 0
    )
    assert sandbox.unshare_works() is works
