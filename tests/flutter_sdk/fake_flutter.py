#!/usr/bin/python3
"""A stand-in for `flutter` and `dart` in tests of the batch logic (no Flutter SDK can be installed here).

It is NOT a renderer: it reads the generated test file and the candidates' `// fake: <behaviour>`
comments and plays back what the real tools would print and what the Dart harness would write
(marker, status JSON, a blank PNG of the configured size). Behaviours: syntax, analysis (caught by
`dart analyze`), compile (missed by the analyzer, fails the test file's compilation), unattributed
(fails compilation without naming a file), overflow, throw, hang (sleeps: a synchronous endless loop),
timeout-event (the reporter's timeout error, no status), die (the test process exits mid-test),
bad-status (the status file is garbage), bad-root (the root widget call in the generated test
does not compile).
Every invocation appends its argv to $HOME/fake_calls.jsonl. Standard library only: it runs inside
the sandbox with /usr/bin/python3.
"""

import json
import os
import re
import struct
import sys
import time
import zlib
from pathlib import Path

OVERFLOW = ("══╡ EXCEPTION CAUGHT BY RENDERING LIBRARY ╞════════════════════════\n"
            "The following assertion was thrown during layout:\n"
            "A RenderFlex overflowed by 42 pixels on the bottom.\n"
            "════════════════════════════════════════════════════════════════")


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


def analyze(folder: Path) -> int:
    errors = 0
    for path in sorted(folder.glob("c_*.dart")):
        kind = behaviour(path)
        if kind == "syntax":
            print(f"ERROR|SYNTACTIC_ERROR|EXPECTED_TOKEN|{path.resolve()}|3|14|1|Expected to find ';'.")
            errors += 1
        elif kind == "analysis":
            print(f"ERROR|COMPILE_TIME_ERROR|UNDEFINED_IDENTIFIER|{path.resolve()}|5|9|7|Undefined name 'Colours'.")
            errors += 1
        else:
            print(f"INFO|HINT|DEPRECATED_MEMBER_USE|{path.resolve()}|1|1|1|A harmless hint.")
    return 3 if errors else 0


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
    emit({"type": "testStart", "time": 1, "test": {"id": 0, "name": f"loading {test_file.resolve()}"}})
    broken = [i for i, kind in kinds.items() if kind == "compile"]
    bad_roots = [i for i, kind in kinds.items() if kind == "bad-root"]
    if broken or bad_roots or "unattributed" in kinds.values():
        for i in broken:
            print(f"lib/candidates/c_{i}.dart:7:3: Error: The getter 'colour' isn't defined for the class 'Colors'.")
        lines = source.splitlines()
        for i in bad_roots:
            line = next(n for n, text in enumerate(lines, 1) if f"() => c{i}." in text)
            print(f"test/render_batch_test.dart:{line}:40: Error: Too few positional arguments: 1 required, 0 given.")
        emit({"type": "error", "time": 2, "testID": 0, "error": f"Failed to load \"{test_file}\": "
              f"Compilation failed for testPath={test_file}", "stackTrace": "", "isFailure": False})
        emit({"type": "done", "time": 3, "success": False})
        return 1
    for test_id, index in enumerate(indexes, start=1):
        kind = kinds[index]
        emit({"type": "testStart", "time": 10, "test": {"id": test_id, "name": f"candidate {index}"}})
        (out_dir / f"c_{index}.started").write_text("")
        if kind == "hang":
            time.sleep(3600)
        if kind == "die":
            os._exit(9)
        if kind == "bad-status":   # candidate code overwrote its status file
            (out_dir / f"c_{index}.json").write_text("{not json")
            emit({"type": "testDone", "time": 12, "testID": test_id, "result": "success", "hidden": False})
            continue
        if kind == "timeout-event":
            emit({"type": "error", "time": 11, "testID": test_id, "isFailure": False, "stackTrace": "",
                  "error": f"TimeoutException after 0:00:{timeout_ms // 1000:02d}.000000: Test timed out"})
            emit({"type": "testDone", "time": 12, "testID": test_id, "result": "error", "hidden": False})
            continue
        errors = []
        if kind == "overflow":
            errors.append({"library": "rendering library", "summary": "A RenderFlex overflowed by 42 pixels on "
                           "the bottom.", "details": OVERFLOW})
        elif kind == "throw":
            errors.append({"library": "widgets library", "summary": "Null check operator used on a null value",
                           "details": "══╡ EXCEPTION CAUGHT BY WIDGETS LIBRARY ╞══\nNull check operator"})
        image = out_dir / f"c_{index}.png"
        image.write_bytes(png(round(width * ratio), round(height * ratio)))
        status = {"index": index, "errors": errors, "png": str(image), "elapsed_ms": 120}
        (out_dir / f"c_{index}.json").write_text(json.dumps(status))
        emit({"type": "testDone", "time": 13, "testID": test_id, "result": "success", "hidden": False})
    emit({"type": "done", "time": 20, "success": True})
    return 0


def main(argv: list[str]) -> int:
    with open(Path(os.environ["HOME"]) / "fake_calls.jsonl", "a") as log:
        log.write(json.dumps({"argv": argv, "cwd": os.getcwd()}) + "\n")
    args = [a for a in argv[1:] if not a.startswith("--")]
    if args[:1] == ["analyze"]:
        return analyze(Path(args[1]))
    if args[:2] == ["pub", "get"]:
        Path(".dart_tool").mkdir(exist_ok=True)
        Path(".dart_tool/package_config.json").write_text('{"configVersion": 2, "packages": []}')
        return 0
    if args[:1] == ["test"]:
        return run_tests(Path(args[1]))
    print(f"fake flutter: unsupported {argv}", file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
