"""Parse `flutter test --machine` output: the test package's JSON reporter events plus plain lines.

Each JSON line is one event (`start`, `suite`, `group`, `testStart`, `print`, `error`, `testDone`,
`done`; see package:test's doc/json_reporter.md; `--machine` makes the tool pass `-r json` to the test
runner). The tool's own notifications, one-element arrays such as
`[{"event":"test.startedProcess","params":{...}}]` (flutter_tools test/event_printer.dart), are skipped.
Anything else (compiler diagnostics such as `lib/candidates/c_3.dart:12:5: Error: ...`, tool messages) is
kept as plain text. The harness names its tests `candidate <index>`; the suite's loading pseudo-test is
`loading <path>` and the hooks are `(setUpAll)` / `(tearDownAll)` (package:test_api declarer.dart). A
stream without a `start` event means the test runner never started: the launcher or the tool failed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from flutter_renderer.flutter_sdk.analyze import candidate_index

_TEST_NAME = re.compile(r"\bcandidate (\d+)$")
# Front-end (CFE) diagnostics, as printed by the Flutter tool's compiler: `path:line:col: Error: message`, each
# on its own line, or the first one right after `Compilation failed for testPath=<path>: ` in a load error.
_COMPILE_ERROR = re.compile(
    r"(?:^|: )(?P<path>[^\s:]+?\.dart):(?P<line>\d+):(?P<column>\d+): Error: (?P<message>.+)$", re.M
)


@dataclass
class TestOutcome:
    """What the reporter said about one candidate's test."""

    result: str = ""  # "" (never finished) | success | failure | error
    errors: list[str] = field(default_factory=list)
    prints: list[str] = field(default_factory=list)
    started_ms: int | None = None
    done_ms: int | None = None


@dataclass
class MachineOutput:
    outcomes: dict[int, TestOutcome] = field(default_factory=dict)  # by candidate index
    load_errors: list[str] = field(default_factory=list)  # the suite failed to load/compile
    setup_errors: list[str] = field(default_factory=list)  # a `(setUpAll)` hook failed: no test ran
    plain: list[str] = field(default_factory=list)  # non-JSON lines
    started: bool = False  # the runner's `start` event was seen
    success: bool | None = None  # the `done` event's verdict

    @property
    def compile_failed(self) -> bool:
        """The suite did not compile (flutter_platform.dart: `Compilation failed for testPath=...`)."""
        return any("Compilation failed" in error for error in self.load_errors)


@dataclass(frozen=True)
class CompileError:
    path: str
    line: int
    column: int
    message: str

    @property
    def candidate(self) -> int | None:
        return candidate_index(self.path)

    def describe(self) -> str:
        return f"line {self.line}:{self.column}: Error: {self.message}"


def parse_machine_output(text: str) -> MachineOutput:
    """Fold the event stream into one outcome per candidate test."""
    out = MachineOutput()
    tests: dict[int, int | None] = {}  # reporter test id -> candidate index (None: a pseudo-test or hook)
    names: dict[int, str] = {}
    for line in text.splitlines():
        if line.lstrip().startswith('[{"event"'):
            continue
        event = _json_event(line)
        if event is None:
            if line.strip():
                out.plain.append(line)
            continue
        kind = event.get("type")
        if kind == "start":
            out.started = True
        elif kind == "testStart":
            test = event.get("test") or {}
            name = str(test.get("name", ""))
            match = _TEST_NAME.search(name)
            index = int(match.group(1)) if match else None
            tests[test.get("id")] = index
            names[test.get("id")] = name
            if index is not None:
                out.outcomes.setdefault(index, TestOutcome()).started_ms = event.get("time")
        elif kind in {"error", "print", "testDone"}:
            test_id = event.get("testID")
            index = tests.get(test_id)
            if index is None:
                if kind == "error":
                    _hook_error(out, names.get(test_id, ""), str(event.get("error", "")))
                continue
            outcome = out.outcomes.setdefault(index, TestOutcome())
            if kind == "error":
                outcome.errors.append(str(event.get("error", "")))
            elif kind == "print":
                outcome.prints.append(str(event.get("message", "")))
            else:
                outcome.result = str(event.get("result", ""))
                outcome.done_ms = event.get("time")
        elif kind == "done":
            out.success = bool(event.get("success"))
    return out


def _hook_error(out: MachineOutput, name: str, error: str) -> None:
    """File an error of a test that is no candidate: the loading pseudo-test or the setUpAll hook."""
    if name.startswith("loading "):
        out.load_errors.append(error)
    elif name.endswith("(setUpAll)"):
        out.setup_errors.append(error)


def _json_event(line: str) -> dict | None:
    text = line.strip()
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) and "type" in value else None


def compile_errors(text: str) -> list[CompileError]:
    """Every distinct `file.dart:L:C: Error: message` in `text`, in order. Current SDKs print each error on
    stderr (compile.dart `StdoutHandler` -> printError) and again in the loading test's error."""
    found = (
        CompileError(m["path"], int(m["line"]), int(m["column"]), m["message"].strip())
        for m in _COMPILE_ERROR.finditer(text)
    )
    return list(dict.fromkeys(found))
