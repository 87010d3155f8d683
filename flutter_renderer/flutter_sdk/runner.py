"""Run the SDK over one batch: `dart analyze` once, then `flutter test` on the survivors, isolating failures.

`analyze` drops the candidates that do not compile (one process for the whole batch). `render` runs
the generated test in one `flutter test --machine` process and watches the harness's marker files:
a candidate whose test started and did not finish within its timeout (a synchronous endless loop
cannot be stopped from inside Dart) is killed with the whole process, marked TIMEOUT, and the
candidates after it run in a new process. If the test file does not compile (an error the analyzer
missed), the candidates named in the compiler's errors are dropped and the rest run again; when no
candidate is named, the group is split in halves until the culprit is alone. Any other failure with no
result (the launcher or tool failed before the runner's `start` event, the harness's setUpAll failed,
the test process could not start) is the environment's: the group fails once, with the reason.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import signal
import subprocess
import time
from collections import deque
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Mapping

from flutter_renderer.api import ErrorKind, RenderResult
from flutter_renderer.flutter_sdk import analyze as analyzer
from flutter_renderer.flutter_sdk.flutter_errors import classify, split_dumps
from flutter_renderer.flutter_sdk.harness import CANDIDATES_DIR, TEST_FILE, HarnessConfig, write_test
from flutter_renderer.flutter_sdk.machine_events import (
    CompileError,
    MachineOutput,
    compile_errors,
    parse_machine_output,
)
from flutter_renderer.flutter_sdk.roots import RootWidget
from flutter_renderer.flutter_sdk.sandbox import SandboxSpec, limits_preexec, sandbox_command, sandbox_env
from flutter_renderer.flutter_sdk.sdk import FlutterSdk

_TIMED_OUT = re.compile(r"\bTest timed out after\b|\bTimeoutException after\b")
_POLL_S = 0.05
_TAIL = 2000


@dataclass(frozen=True)
class Runtime:
    """How to run SDK commands for one backend: which SDK, which project, how isolated, how patient."""

    sdk: FlutterSdk
    project: Path
    sandbox: SandboxSpec
    startup_timeout_s: float
    grace_s: float = 5.0

    @property
    def home(self) -> Path:
        return self.sandbox.workdir / "home"

    def start(self, argv: list[str], name: str) -> tuple[subprocess.Popen, Path, Path]:
        """Start `argv` in the sandbox, in its own process group; stdout/stderr go to files in the workdir."""
        logs = self.sandbox.workdir / "logs"
        logs.mkdir(exist_ok=True)
        stdout, stderr = logs / f"{name}.out", logs / f"{name}.err"
        env = sandbox_env(self.sandbox, self.home, [self.sdk.root / "bin", self.sdk.dart.parent])
        with stdout.open("wb") as out, stderr.open("wb") as err:
            proc = subprocess.Popen(
                sandbox_command(argv, self.sandbox, self.project),
                cwd=self.project,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
                preexec_fn=limits_preexec(self.sandbox),
            )
        return proc, stdout, stderr


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the process and everything it started (they share its process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def read_log(path: Path) -> str:
    """A command's captured stdout or stderr ("" when it wrote none)."""
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def analyze(runtime: Runtime) -> tuple[dict[int, list[analyzer.Diagnostic]], list[str]]:
    """Errors per candidate index from one `dart analyze --format=machine` over the candidates folder.

    Returns (errors, warnings); when the analyzer itself fails, no candidate is dropped here (the
    compile step still catches them) and the failure is a warning.
    """
    argv = [str(runtime.sdk.dart), "analyze", "--format=machine", CANDIDATES_DIR]
    proc, out, err = runtime.start(argv, "analyze")
    try:
        proc.wait(timeout=runtime.startup_timeout_s)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        return {}, [f"dart analyze took longer than {runtime.startup_timeout_s:.0f}s; candidates were not pre-checked"]
    # dartdev prints machine format to stdout; the older dartanalyzer printed it to stderr: read both.
    diagnostics = analyzer.parse_machine_output(read_log(out) + "\n" + read_log(err))
    if proc.returncode not in (0, 1, 2, 3) and not diagnostics:
        return {}, [f"dart analyze failed (exit {proc.returncode}): {read_log(err)[-_TAIL:]}"]
    return analyzer.errors_by_candidate(diagnostics), []


@dataclass
class TestRun:
    """The outcome of one `flutter test` process over a group of candidates."""

    results: dict[int, RenderResult] = field(default_factory=dict)
    compile_errors: dict[int, list[CompileError]] = field(default_factory=dict)
    harness_errors: list[CompileError] = field(default_factory=list)  # errors in files that are not candidates
    events: MachineOutput = field(default_factory=MachineOutput)
    returncode: int | None = None
    startup_timed_out: bool = False
    hung: int | None = None
    output_tail: str = ""


def _png_bytes(path: Path, pixels: tuple[int, int], warnings: list[str]) -> bytes | None:
    """The PNG at `path`, resized to exactly `pixels` if Flutter rounded the size differently."""
    if path.is_symlink() or not path.is_file():  # a link planted by candidate code must not be followed
        return None
    data = path.read_bytes()
    from PIL import Image

    with Image.open(BytesIO(data)) as image:
        if image.size == pixels:
            return data
        warnings.append(f"resized the capture from {image.size[0]}x{image.size[1]} to {pixels[0]}x{pixels[1]}")
        buffer = BytesIO()
        image.convert("RGBA").resize(pixels).save(buffer, format="PNG")
        return buffer.getvalue()


def result_from_status(status: Mapping, png_path: Path, pixels: tuple[int, int]) -> RenderResult:
    """A RenderResult from the harness's `c_<i>.json` (the errors captured in the test) and its PNG.

    The PNG is read from where the harness was told to write it, never from a path in the status file:
    candidate code can write that file, and must not make the host read anything else.
    """
    kind, message, warnings = classify(status.get("errors") or [])
    png = _png_bytes(png_path, pixels, warnings) if status.get("png") else None
    elapsed = float(status.get("elapsed_ms") or 0) / 1000
    if kind is None and png is not None:
        return RenderResult(ok=True, png=png, elapsed=elapsed, warnings=warnings)
    if kind is None:
        kind, message = ErrorKind.RUNTIME, "the harness produced no image"
    return RenderResult(ok=False, png=png, error_kind=kind, message=message, elapsed=elapsed, warnings=warnings)


def _read_status(path: Path, pixels: tuple[int, int]) -> RenderResult:
    """`result_from_status` of a status file that candidate code may have overwritten with anything."""
    try:
        if path.is_symlink():
            raise ValueError("is a symbolic link")
        return result_from_status(json.loads(path.read_text(encoding="utf-8")), path.with_suffix(".png"), pixels)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return RenderResult.failure(
            ErrorKind.CRASH, f"unreadable harness status {path.name}: {type(exc).__name__}: {exc}"
        )


def result_from_reporter(errors: list[str], timeout_s: float) -> RenderResult:
    """A RenderResult from the reporter's error events, for a test that wrote no status file."""
    text = "\n".join(errors)
    if _TIMED_OUT.search(text):
        return RenderResult.failure(ErrorKind.TIMEOUT, f"exceeded {timeout_s:g}s", elapsed=timeout_s)
    kind, message, _ = classify(split_dumps(text) or [{"summary": text}])
    return RenderResult.failure(kind or ErrorKind.RUNTIME, message or text[:300])


def _watch(
    proc: subprocess.Popen, out_dir: Path, indexes: list[int], runtime: Runtime, timeout_s: float
) -> tuple[int | None, bool]:
    """Wait for `proc`; kill it when no candidate makes progress in time. Returns (hung index, startup timed out)."""
    started: dict[int, float] = {}
    finished: set[int] = set()
    last_progress = time.monotonic()
    while proc.poll() is None:
        now = time.monotonic()
        for index in indexes:
            if index not in started and (out_dir / f"c_{index}.started").exists():
                started[index], last_progress = now, now
            if index not in finished and (out_dir / f"c_{index}.json").exists():
                finished.add(index)
                last_progress = now
        limit = runtime.startup_timeout_s if not started else timeout_s + runtime.grace_s
        if now - last_progress > limit:
            kill_group(proc)
            running = [i for i in started if i not in finished]
            return (running[0] if running else None), not started
        time.sleep(_POLL_S)
    return None, False


def run_tests(runtime: Runtime, roots: Mapping[int, RootWidget], config: HarnessConfig, run_name: str) -> TestRun:
    """One `flutter test --machine` over `roots`; results for every candidate it could settle."""
    config.out_dir.mkdir(parents=True, exist_ok=True)
    write_test(runtime.project, roots, config)
    argv = [
        str(runtime.sdk.flutter),
        "--no-version-check",
        "--suppress-analytics",
        "test",
        "--machine",
        "--no-pub",
        "--no-test-assets",
        TEST_FILE,
    ]
    proc, out, err = runtime.start(argv, run_name)
    hung, startup_timed_out = _watch(proc, config.out_dir, sorted(roots), runtime, config.timeout_s)
    stdout, stderr = read_log(out), read_log(err)
    events = parse_machine_output(stdout)
    pixels = (round(config.width * config.pixel_ratio), round(config.height * config.pixel_ratio))
    run = TestRun(
        hung=hung,
        startup_timed_out=startup_timed_out,
        output_tail=(stdout + stderr)[-_TAIL:],
        events=events,
        returncode=proc.returncode,
    )
    for index in roots:
        status_file = config.out_dir / f"c_{index}.json"
        outcome = events.outcomes.get(index)
        if status_file.exists():
            run.results[index] = _read_status(status_file, pixels)
            if outcome and outcome.errors:  # e.g. a timer left pending after the capture: note, not fatal
                run.results[index].warnings.append(outcome.errors[0][:300])
        elif index == hung:
            run.results[index] = RenderResult.failure(
                ErrorKind.TIMEOUT,
                f"exceeded {config.timeout_s:g}s (the test process had to be killed)",
                config.timeout_s,
            )
        elif outcome and outcome.errors:
            run.results[index] = result_from_reporter(outcome.errors, config.timeout_s)
        elif (config.out_dir / f"c_{index}.started").exists():  # the test process died inside this test
            run.results[index] = RenderResult.failure(
                ErrorKind.CRASH,
                f"the test process died while rendering (exit {proc.returncode}): {run.output_tail[-300:]}",
            )
    owners = _generated_line_owners(runtime.project / TEST_FILE)
    for error in compile_errors("\n".join([*events.plain, stderr, *events.load_errors])):
        owner = owners.get(error.line) if error.path.endswith(Path(TEST_FILE).name) else error.candidate
        if owner in roots:
            run.compile_errors.setdefault(owner, []).append(error)
        else:
            run.harness_errors.append(error)
    return run


def _generated_line_owners(test_file: Path) -> dict[int, int]:
    """Line of the generated test -> the candidate it imports or pumps (`as c3;`, `() => c3.Root()`).

    An error on such a line (a root class that cannot be built after all) belongs to that candidate.
    """
    owners = {}
    for number, line in enumerate(test_file.read_text(encoding="utf-8").splitlines(), start=1):
        match = re.search(r"\bas c(\d+);|\(\) => c(\d+)\.", line)
        if match:
            owners[number] = int(match.group(1) or match.group(2))
    return owners


def _compile_failure(errors: list[CompileError]) -> RenderResult:
    lines = [e.describe() for e in errors[:3]]
    return RenderResult.failure(ErrorKind.ANALYSIS, "\n".join(lines))


def render(runtime: Runtime, roots: Mapping[int, RootWidget], config: HarnessConfig) -> dict[int, RenderResult]:
    """Render every candidate of `roots`, re-running the unsettled ones until each has a result."""
    results: dict[int, RenderResult] = {}
    queue: deque[list[int]] = deque([sorted(roots)] if roots else [])
    runs = 0
    while queue:
        group = queue.popleft()
        runs += 1
        run_config = dataclasses.replace(config, out_dir=config.out_dir / f"run_{runs}")
        run = run_tests(runtime, {i: roots[i] for i in group}, run_config, f"test_{runs}")
        results.update(run.results)
        for index, errors in run.compile_errors.items():
            results.setdefault(index, _compile_failure(errors))
        left = [i for i in group if i not in results]
        if not left:
            continue
        if run.results or run.compile_errors:
            queue.append(left)  # progress was made: the rest get a fresh process
        elif run.harness_errors:
            message = "the harness does not compile with this Flutter SDK (too old?): " + "; ".join(
                f"{Path(e.path).name} {e.describe()}" for e in run.harness_errors[:3]
            )
            results.update({i: RenderResult.failure(ErrorKind.CRASH, message) for i in left})
        elif run.events.compile_failed and len(left) > 1 and not run.startup_timed_out:
            half = len(left) // 2
            queue.extend([left[:half], left[half:]])
        else:
            message = _group_failure(run, runtime.startup_timeout_s)
            results.update({i: RenderResult.failure(ErrorKind.CRASH, message) for i in left})
    return results


def _group_failure(run: TestRun, startup_timeout_s: float) -> str:
    """Why a `flutter test` run settled none of its candidates, for every one of them."""
    tail = run.output_tail[-800:]
    if run.startup_timed_out:
        return f"flutter test did not start a test within {startup_timeout_s:.0f}s: {tail}"
    if run.events.setup_errors:
        return f"the render harness's setUpAll (font loading) failed: {run.events.setup_errors[0][:600]}"
    if not run.events.started:
        return (
            f"flutter test exited {run.returncode} before its test runner started (the SDK's launcher or tool "
            f"failed; `flutter-rl doctor` runs the same command): {tail}"
        )
    if run.events.load_errors:
        return f"flutter test could not load the batch: {run.events.load_errors[0][:600]}"
    return f"flutter test exited {run.returncode} without results: {tail}"
