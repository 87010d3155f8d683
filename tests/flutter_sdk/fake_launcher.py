#!/usr/bin/python3
"""A stand-in for the Flutter SDK's `bin/flutter` launcher, step for step as the real one behaves.

The real launcher is `bin/flutter` -> `bin/internal/shared.sh` (`shared::execute`, `upgrade_flutter`), run
under `set -e` on every call. What it does, in order (flutter/flutter at 90e4a12f2a, Jan 2024, which
has no `bin/internal/update_engine_version.sh` yet, and at the later commits 00df50370b (shared.sh) and
077114f9b9 (update_engine_version.sh) read through the search index):

1. exit 1 unless `git` is on PATH and `$FLUTTER_ROOT/.git` exists (shared.sh `shared::execute`);
2. newer SDKs only (the fake SDK has `bin/internal/update_engine_version.sh`): write
   `bin/cache/engine.stamp` through `engine.stamp.tmp.<pid>` and `mv`, then `bin/cache/engine.realm`
   (update_engine_version.sh, called from `upgrade_flutter`; the engine version is the tracked
   `bin/internal/engine.version`, found with `git ls-files`, and then a leftover
   `bin/cache/engine_fallback.stamp` is removed). A failed write or removal exits 1 (`set -e`);
3. `git -C $FLUTTER_ROOT rev-parse HEAD` (shared.sh `upgrade_flutter`); `local revision="$(...)"` hides
   a failure, so a refused git gives an empty revision;
4. rebuild the tool when `bin/cache/flutter_tools.snapshot` is missing, `bin/cache/flutter_tools.stamp`
   is not `<revision>:<FLUTTER_TOOL_ARGS>`, or (newer SDKs) `engine.stamp` differs from
   `engine-dart-sdk.stamp`. The rebuild first runs `rm -f "$FLUTTER_ROOT/version"` (fails on a
   read-only SDK), then `pub upgrade`s flutter_tools, which needs the network: here it fails at once
   (the real one retries 10 times, 5 s apart, then exits 1);
5. `exec bin/cache/dart-sdk/bin/dart --packages=... bin/cache/flutter_tools.snapshot "$@"` with
   FLUTTER_ROOT exported (shared.sh `shared::execute`), which is where the tool finds the SDK.

Every call appends {"via": "bin/flutter", "argv": ...} to $HOME/fake_calls.jsonl before step 1. A file
`.fake-foreign-owner` in the SDK root makes git treat the clone as another user's, as it does for an
SDK owned by someone else (or by `nobody` inside a user namespace): the launcher then runs git with
GIT_TEST_ASSUME_DIFFERENT_OWNER=1, git's own switch for that case (git setup.c `ensure_valid_ownership`),
and the real git refuses it unless a `safe.directory` setting names the SDK.
Standard library only: it runs inside the sandbox with /usr/bin/python3.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fail(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
    sys.exit(1)


def git(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if (ROOT / ".fake-foreign-owner").exists():
        env["GIT_TEST_ASSUME_DIFFERENT_OWNER"] = "1"
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, env=env)


def update_engine_version(cache: Path) -> None:
    """update_engine_version.sh: the tracked engine.version becomes engine.stamp; the realm is empty."""
    tracked = git("ls-files", "bin/internal/engine.version").stdout.strip()
    version = (ROOT / "bin" / "internal" / "engine.version").read_text().strip() if tracked else ""
    fallback = cache / "engine_fallback.stamp"
    if tracked and fallback.exists():
        try:
            fallback.unlink()
        except OSError as exc:
            fail(f"rm: cannot remove '{fallback}': {exc.strerror}")
    tmp = cache / f"engine.stamp.tmp.{os.getpid()}"
    try:
        tmp.write_text(version + "\n")
        os.replace(tmp, cache / "engine.stamp")
    except OSError as exc:
        # `echo ... > tmp && mv ...` is an AND list: set -e does not stop there; the realm write below does.
        print(f"update_engine_version.sh: {exc}", file=sys.stderr)
    try:
        (cache / "engine.realm").write_text("\n")
    except OSError as exc:
        fail(f"{ROOT}/bin/internal/update_engine_version.sh: {cache}/engine.realm: {exc.strerror}")


def tool_is_stale(cache: Path, revision: str) -> bool:
    if not (cache / "flutter_tools.snapshot").is_file():
        return True
    stamp = cache / "flutter_tools.stamp"
    if not stamp.is_file() or stamp.read_text().strip() != f"{revision}:{os.environ.get('FLUTTER_TOOL_ARGS', '')}":
        return True
    engine, dart_sdk = cache / "engine.stamp", cache / "engine-dart-sdk.stamp"
    return engine.is_file() and (not dart_sdk.is_file() or engine.read_text().strip() != dart_sdk.read_text().strip())


def rebuild_tool() -> None:
    try:
        (ROOT / "version").unlink(missing_ok=True)
    except OSError as exc:
        fail(f"rm: cannot remove '{ROOT / 'version'}': {exc.strerror}")
    print("Building flutter tool...", file=sys.stderr)
    fail(
        "Error: Unable to 'pub upgrade' flutter tool. Retrying in five seconds... (9 tries left)\n"
        "Command 'pub upgrade' still failed after 10 tries, giving up."
    )


def main() -> None:
    with open(Path(os.environ["HOME"]) / "fake_calls.jsonl", "a") as log:
        log.write(json.dumps({"via": "bin/flutter", "argv": sys.argv}) + "\n")
    if shutil.which("git") is None:
        fail("Error: Unable to find git in your PATH.")
    if not (ROOT / ".git").exists():
        fail("Error: The Flutter directory is not a clone of the GitHub project.")
    cache = ROOT / "bin" / "cache"
    if (ROOT / "bin" / "internal" / "update_engine_version.sh").exists():
        update_engine_version(cache)
    head = git("rev-parse", "HEAD")
    revision = head.stdout.strip() if head.returncode == 0 else ""
    if head.returncode != 0:
        print(head.stderr, file=sys.stderr, end="")
    if tool_is_stale(cache, revision):
        rebuild_tool()
    os.environ["FLUTTER_ROOT"] = str(ROOT)  # shared.sh: export FLUTTER_ROOT; the tool takes its root from it
    dart = cache / "dart-sdk" / "bin" / "dart"
    packages = ROOT / "packages" / "flutter_tools" / ".dart_tool" / "package_config.json"
    try:
        os.execv(dart, [str(dart), f"--packages={packages}", str(cache / "flutter_tools.snapshot"), *sys.argv[1:]])
    except OSError as exc:  # bash: `exec` of a missing program reports it and exits 127
        print(f"{ROOT}/bin/internal/shared.sh: {dart}: {exc.strerror}", file=sys.stderr)
        sys.exit(127)


if __name__ == "__main__":
    main()
