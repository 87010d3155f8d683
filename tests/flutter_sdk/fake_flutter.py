#!/usr/bin/python3
"""A stand-in for the fake SDK's Dart VM, `bin/cache/dart-sdk/bin/dart` (no Flutter SDK can be installed here).

Called as `dart analyze ...` it is dartdev's analyzer; called by `bin/flutter` (tests/flutter_sdk/
fake_launcher.py) with `flutter_tools.snapshot` it is the flutter tool. It is NOT a renderer: it reads
the generated test file and the candidates' `// fake: <behaviour>` comments and plays back what the
real tools print and what the Dart harness writes. Where each behaviour comes from:

- the tool first opens `bin/cache/lockfile` for writing (flutter_tools cache.dart `Cache.lock`: "Failed
  to open or create the artifact cache lockfile", exit 1), then writes `$FLUTTER_ROOT/version` if it is
  missing (version.dart `_ensureLegacyVersionFile`, from `ensureVersionFile`, which
  flutter_command_runner.dart `runCommand` calls on every command; the fake SDK always has the other
  file it writes when missing, `bin/cache/flutter.version.json`);
- `flutter --version --machine` prints FlutterVersion.toJson() plus `flutterRoot`, indented by two
  spaces (flutter_command_runner.dart, version.dart `toJson`);
- `dart analyze --format=machine`: one `SEVERITY|TYPE|CODE|PATH|LINE|COLUMN|LENGTH|MESSAGE` line per
  diagnostic, exit 3 when there are errors (dart-lang/sdk pkg/dartdev/lib/src/commands/analyze.dart
  `emitMachineFormat`, `run`). The language version is the lower bound of the pubspec's `sdk:`
  constraint, so a candidate marked `wildcards` (`(_, _)`, a Dart 3.7 feature) gets the error an older
  language gives it, DUPLICATE_DEFINITION;
- `flutter test --machine` prints package:test's JSON reporter events (the tool passes `-r json`:
  flutter_tools test/runner.dart) and the tool's own `[{"event":"test.startedProcess",...}]` lines
  (test/event_printer.dart). Compiler errors go to stderr (compile.dart `StdoutHandler` ->
  `printError`) and, in current SDKs, also into the loading test's error, which reads
  `Compilation failed for testPath=<path>` (test/flutter_platform.dart) followed by `: <errors>`;
- the harness's `setUpAll` reads every font file of the generated config (render_harness.dart
  `loadFonts`); a missing one fails `(setUpAll)`, the name package:test gives that hook
  (test_api declarer.dart), and then no candidate test runs.

Candidate behaviours: syntax, analysis (caught by `dart analyze`), wildcards (see above), entry-error
(`dart analyze` rejects the file's last line, where the backend adds the function that builds main's app), compile
(missed by the analyzer, fails the test file's compilation), unattributed (fails compilation without
naming a file), overflow, throw, hang (sleeps: a synchronous endless loop), timeout-event (the
reporter's timeout error, no status), die (the test process exits mid-test), bad-status (the status
file is garbage), bad-root (the root widget call in the generated test does not compile), plant
(candidate code tries to overwrite files of the SDK). Every call appends {"via": "dart", "tool": bool,
"argv"} to $HOME/fake_calls.jsonl. `pub get` hangs, with a child process, when $FAKE_PUB_GET_HANG names
a file (it gets the child's pid). Standard library only: it runs inside the sandbox with /usr/bin/python3.
"""

import json
import os
import re
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

# The tool finds the SDK through FLUTTER_ROOT, which the launcher exports (flutter_tools cache.dart
# `Cache.defaultFlutterRoot`); dartdev needs no SDK root here.
ROOT = Path(os.environ.get("FLUTTER_ROOT") or Path(__file__).parents[4])
CACHE = ROOT / "bin" / "cache"
OVERFLOW = (
    "══╡ EXCEPTION CAUGHT BY RENDERING LIBRARY ╞════════════════════════\n"
    "The following assertion was thrown during layout:\n"
    "A RenderFlex overflowed by 42 pixels on the bottom.\n"
    "════════════════════════════════════════════════════════════════"
)


def behaviour(path: Path) -> str:
    match = re.search(r"// fake: ([\w-]+)", path.read_text())
    return match.group(1) if match else "ok"


def emit(event: dict) -> None:
    print(json.dumps(event), flush=True)


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def language_version() -> tuple[int, int]:
    """The lower bound of `environment: sdk:` in ./pubspec.yaml, as (major, minor)."""
    match = re.search(r"^\s+sdk:\s*['\"]?(?:\^|>=)\s*(\d+)\.(\d+)", Path("pubspec.yaml").read_text(), re.M)
    return (int(match.group(1)), int(match.group(2))) if match else (2, 12)


def analyze(folder: Path) -> int:
    errors = 0
    language = language_version()
    for path in sorted(folder.glob("c_*.dart")):
        kind = behaviour(path)
        if kind == "syntax":
            print(f"ERROR|SYNTACTIC_ERROR|EXPECTED_TOKEN|{path.resolve()}|3|14|1|Expected to find ';'.")
            errors += 1
        elif kind == "analysis":
            print(f"ERROR|COMPILE_TIME_ERROR|UNDEFINED_IDENTIFIER|{path.resolve()}|5|9|7|Undefined name 'Colours'.")
            errors += 1
        elif kind == "entry-error":  # the analyzer rejects what the backend appended for main's app
            last = len(path.read_text().splitlines())
            print(f"ERROR|COMPILE_TIME_ERROR|UNDEFINED_IDENTIFIER|{path.resolve()}|{last}|5|3|Undefined name 'app'.")
            errors += 1
        elif kind == "wildcards" and language < (3, 7):
            print(
                f"ERROR|COMPILE_TIME_ERROR|DUPLICATE_DEFINITION|{path.resolve()}|6|30|1|The name '_' is already defined."
            )
            errors += 1
        else:
            print(f"INFO|HINT|DEPRECATED_MEMBER_USE|{path.resolve()}|1|1|1|A harmless hint.")
    return 3 if errors else 0


def plant() -> None:
    """What hostile candidate code would try: replace the tool and the Dart SDK the user runs later."""
    for target in (
        CACHE / "flutter_tools.snapshot",
        CACHE / "dart-sdk" / "version",
        CACHE / "lockfile",
        CACHE / "engine.stamp",
        ROOT / "bin" / "flutter",
    ):
        try:
            target.write_text("planted by a candidate")
        except OSError:
            pass


def font_paths(source: str) -> list[str]:
    fonts = re.search(r"fonts: <String, List<String>>\{(.*?)\},\n\);", source, re.S)
    return re.findall(r"<String>\[([^\]]*)\]", fonts.group(1)) if fonts else []


def run_tests(test_file: Path) -> int:
    source = test_file.read_text()
    out_dir = Path(re.search(r"outDir: '([^']*)'", source).group(1))
    width = float(re.search(r"width: ([\d.]+)", source).group(1))
    height = float(re.search(r"height: ([\d.]+)", source).group(1))
    ratio = float(re.search(r"pixelRatio: ([\d.]+)", source).group(1))
    timeout_ms = int(re.search(r"timeoutMs: (\d+)", source).group(1))
    indexes = [int(i) for i in re.findall(r"renderCandidate\(config, (\d+),", source)]
    kinds = {i: behaviour(Path(f"lib/candidates/c_{i}.dart")) for i in indexes}
    emit({"type": "start", "time": 0, "protocolVersion": "0.1.1", "runnerVersion": "fake", "pid": os.getpid()})
    print('\n[{"event":"test.startedProcess","params":{"vmServiceUri":null,"observatoryUri":null}}]', flush=True)
    emit({"type": "testStart", "time": 1, "test": {"id": 0, "name": f"loading {test_file.resolve()}"}})
    broken = [i for i, kind in kinds.items() if kind == "compile"]
    bad_roots = [i for i, kind in kinds.items() if kind == "bad-root"]
    if broken or bad_roots or "unattributed" in kinds.values():
        lines = source.splitlines()
        errors = [
            error
            for i in broken
            for error in (
                f"lib/candidates/c_{i}.dart:7:3: Error: The getter 'colour' isn't defined for the class 'Colors'.",
                f"lib/candidates/c_{i}.dart:9:12: Error: Method not found: 'Colour'.",
            )
        ]
        for i in bad_roots:
            line = next(n for n, text in enumerate(lines, 1) if f"() => c{i}." in text)
            errors.append(
                f"test/render_batch_test.dart:{line}:40: Error: Too few positional arguments: 1 required, 0 given."
            )
        for error in errors:
            print(error, file=sys.stderr, flush=True)
        detail = (": " + "\n".join(errors)) if errors else ""
        emit(
            {
                "type": "error",
                "time": 2,
                "testID": 0,
                "error": f'Failed to load "{test_file}": Compilation failed for testPath={test_file.resolve()}{detail}',
                "stackTrace": "",
                "isFailure": False,
            }
        )
        emit({"type": "done", "time": 3, "success": False})
        return 1
    emit({"type": "testDone", "time": 4, "testID": 0, "result": "success", "hidden": True})
    missing = [p for group in font_paths(source) for p in re.findall(r"'([^']*)'", group) if not os.access(p, os.R_OK)]
    if missing:
        emit({"type": "testStart", "time": 5, "test": {"id": 1, "name": "(setUpAll)"}})
        emit(
            {
                "type": "error",
                "time": 6,
                "testID": 1,
                "isFailure": False,
                "stackTrace": "",
                "error": f"PathNotFoundException: Cannot open file, path = '{missing[0]}' "
                "(OS Error: No such file or directory, errno = 2)",
            }
        )
        emit({"type": "testDone", "time": 7, "testID": 1, "result": "error", "hidden": True})
        emit({"type": "done", "time": 8, "success": False})
        return 1
    for test_id, index in enumerate(indexes, start=10):
        kind = kinds[index]
        emit({"type": "testStart", "time": 10, "test": {"id": test_id, "name": f"candidate {index}"}})
        (out_dir / f"c_{index}.started").write_text("")
        if kind == "hang":
            time.sleep(3600)
        if kind == "die":
            os._exit(9)
        if kind == "plant":
            plant()
        if kind == "bad-status":  # candidate code overwrote its status file
            (out_dir / f"c_{index}.json").write_text("{not json")
            emit({"type": "testDone", "time": 12, "testID": test_id, "result": "success", "hidden": False})
            continue
        if kind == "timeout-event":
            emit(
                {
                    "type": "error",
                    "time": 11,
                    "testID": test_id,
                    "isFailure": False,
                    "stackTrace": "",
                    "error": f"TimeoutException after 0:00:{timeout_ms // 1000:02d}.000000: Test timed out",
                }
            )
            emit({"type": "testDone", "time": 12, "testID": test_id, "result": "error", "hidden": False})
            continue
        errors = []
        if kind == "overflow":
            errors.append(
                {
                    "library": "rendering library",
                    "summary": "A RenderFlex overflowed by 42 pixels on the bottom.",
                    "details": OVERFLOW,
                }
            )
        elif kind == "throw":
            errors.append(
                {
                    "library": "widgets library",
                    "summary": "Null check operator used on a null value",
                    "details": "══╡ EXCEPTION CAUGHT BY WIDGETS LIBRARY ╞══\nNull check operator",
                }
            )
        image = out_dir / f"c_{index}.png"
        image.write_bytes(png(round(width * ratio), round(height * ratio)))
        status = {"index": index, "errors": errors, "png": str(image), "elapsed_ms": 120}
        (out_dir / f"c_{index}.json").write_text(json.dumps(status))
        emit({"type": "testDone", "time": 13, "testID": test_id, "result": "success", "hidden": False})
    emit({"type": "done", "time": 20, "success": True})
    return 0


def version_json() -> str:
    info = json.loads((CACHE / "flutter.version.json").read_text())
    info["flutterVersion"] = info["frameworkVersion"]
    info["flutterRoot"] = str(ROOT)
    return json.dumps(info, indent=2)


def pub_get() -> int:
    hang = os.environ.get("FAKE_PUB_GET_HANG")
    if hang:
        child = subprocess.Popen(["sleep", "600"])
        Path(hang).write_text(str(child.pid))
        time.sleep(600)
    Path(".dart_tool").mkdir(exist_ok=True)
    Path(".dart_tool/package_config.json").write_text('{"configVersion": 2, "packages": []}')
    return 0


def tool(args: list[str]) -> int:
    try:
        lock = open(CACHE / "lockfile", "a")  # noqa: SIM115 - held, like the tool's lock, until exit
    except OSError as exc:
        print(f'Failed to open or create the artifact cache lockfile: "{exc}"', file=sys.stderr)
        print(f"Please ensure you have permissions to create or open {CACHE / 'lockfile'}", file=sys.stderr)
        return 1
    legacy_version = ROOT / "version"
    if not legacy_version.exists():
        legacy_version.write_text(json.loads((CACHE / "flutter.version.json").read_text())["frameworkVersion"])
    words = [a for a in args if not a.startswith("--")]
    if "--version" in args:
        print(version_json() if "--machine" in args else "Flutter (fake)")
        return 0
    if words[:2] == ["pub", "get"]:
        return pub_get()
    if words[:1] == ["test"]:
        return run_tests(Path(words[1]))
    lock.close()
    print(f"fake flutter: unsupported {args}", file=sys.stderr)
    return 64


def main(argv: list[str]) -> int:
    snapshot = next((i for i, a in enumerate(argv) if a.endswith("flutter_tools.snapshot")), None)
    with open(Path(os.environ["HOME"]) / "fake_calls.jsonl", "a") as log:
        log.write(json.dumps({"via": "dart", "tool": snapshot is not None, "argv": argv}) + "\n")
    if snapshot is not None:
        return tool(argv[snapshot + 1 :])
    args = [a for a in argv[1:] if not a.startswith("--")]
    if args[:1] == ["analyze"]:
        return analyze(Path(args[1]))
    print(f"fake dart: unsupported {argv}", file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
