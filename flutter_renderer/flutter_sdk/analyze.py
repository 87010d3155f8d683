"""Parse `dart analyze --format=machine` and sort each candidate's errors into syntax vs analysis.

One line per diagnostic: `SEVERITY|TYPE|ERROR_CODE|FILE_PATH|LINE|COLUMN|LENGTH|ERROR_MESSAGE`, where
`\\`, `|` are escaped with a backslash and newlines are written as `\\n` (dartdev's
`AnalyzeCommand.emitMachineFormat`). Other lines (progress text) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flutter_renderer.api import ErrorKind

# Codes that mean "does not parse" even if an analyzer version reports them under another type.
SYNTAX_CODES = frozenset({
    "EXPECTED_TOKEN", "MISSING_IDENTIFIER", "UNEXPECTED_TOKEN", "EXPECTED_EXECUTABLE", "MISSING_FUNCTION_BODY",
    "EXPECTED_CLASS_MEMBER", "UNTERMINATED_STRING_LITERAL", "UNTERMINATED_MULTI_LINE_COMMENT",
    "MISSING_CLOSING_PARENTHESIS", "EXPECTED_TYPE_NAME", "MISSING_CONST_FINAL_VAR_OR_TYPE",
})

_CANDIDATE_FILE = re.compile(r"(?:^|[/\\])c_(\d+)\.dart$")


@dataclass(frozen=True)
class Diagnostic:
    severity: str   # ERROR | WARNING | INFO
    type: str       # SYNTACTIC_ERROR | COMPILE_TIME_ERROR | STATIC_WARNING | HINT | LINT | ...
    code: str
    path: str
    line: int
    column: int
    message: str

    @property
    def kind(self) -> ErrorKind:
        """SYNTAX when the file does not parse, else ANALYSIS."""
        if self.type == "SYNTACTIC_ERROR" or self.code in SYNTAX_CODES:
            return ErrorKind.SYNTAX
        return ErrorKind.ANALYSIS

    def describe(self) -> str:
        """A compiler-like line, worded like the embedded front end's errors:
        `line 12:5: Error: Expected to find ';'. [EXPECTED_TOKEN]`."""
        return f"line {self.line}:{self.column}: {self.severity.capitalize()}: {self.message} [{self.code}]"


def _split_fields(line: str) -> list[str]:
    """Split on unescaped `|` and undo the escapes."""
    fields, current, chars = [], [], iter(line)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            current.append({"n": "\n", "r": "\r"}.get(nxt, nxt))
        elif char == "|":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def parse_machine_output(text: str) -> list[Diagnostic]:
    """Every well-formed diagnostic line of `text`, in order."""
    diagnostics = []
    for raw in text.splitlines():
        fields = _split_fields(raw.rstrip("\r"))
        if len(fields) != 8 or fields[0] not in {"ERROR", "WARNING", "INFO"}:
            continue
        severity, type_, code, path, line, column, _length, message = fields
        if not (line.isdigit() and column.isdigit()):
            continue
        diagnostics.append(Diagnostic(severity, type_, code, path, int(line), int(column), message))
    return diagnostics


def candidate_index(path: str) -> int | None:
    """The batch index of a candidate file (`.../lib/candidates/c_12.dart` -> 12), else None."""
    match = _CANDIDATE_FILE.search(path)
    return int(match.group(1)) if match else None


def errors_by_candidate(diagnostics: list[Diagnostic]) -> dict[int, list[Diagnostic]]:
    """ERROR-severity diagnostics grouped by candidate index; warnings and hints do not stop a render."""
    grouped: dict[int, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        index = candidate_index(diagnostic.path)
        if diagnostic.severity == "ERROR" and index is not None:
            grouped.setdefault(index, []).append(diagnostic)
    return grouped


def failure_of(errors: list[Diagnostic], limit: int = 3) -> tuple[ErrorKind, str]:
    """The error kind of a candidate (SYNTAX if any error is syntactic) and a message of its first errors."""
    kind = ErrorKind.SYNTAX if any(e.kind is ErrorKind.SYNTAX for e in errors) else ErrorKind.ANALYSIS
    ordered = sorted(errors, key=lambda e: (e.kind is not ErrorKind.SYNTAX, e.line, e.column))
    lines = [e.describe() for e in ordered[:limit]]
    if len(errors) > limit:
        lines.append(f"(+{len(errors) - limit} more errors)")
    return kind, "\n".join(lines)
