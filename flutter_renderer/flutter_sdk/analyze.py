"""Parse `dart analyze --format=machine` and sort each candidate's errors into syntax vs analysis.

One line per diagnostic: `SEVERITY|TYPE|ERROR_CODE|FILE_PATH|LINE|COLUMN|LENGTH|ERROR_MESSAGE`, where
`\\`, `|` are escaped with a backslash and newlines are written as `\\n` (dart-lang/sdk
pkg/dartdev/lib/src/commands/analyze.dart `emitMachineFormat`). Other lines (progress text) are
ignored. Only the code and message are trusted to tell a parse error, not the TYPE column: a dartdev
that talks LSP to the analysis server writes the placeholder `LINT` there for every diagnostic, and it
may be empty. Severities other than ERROR/WARNING/INFO (HINT, LINT) are read too; only ERROR stops a render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flutter_renderer.api import ErrorKind

# Parser and scanner codes that mean "does not parse" (the analyzer's ParserErrorCode and ScannerErrorCode,
# pkg/analyzer/lib/src/dart/error/syntactic_errors.g.dart), whatever the TYPE column says.
SYNTAX_CODES = frozenset(
    {
        "EXPECTED_TOKEN",
        "EXPECTED_INSTEAD",
        "EXPECTED_EXECUTABLE",
        "EXPECTED_CLASS_MEMBER",
        "EXPECTED_TYPE_NAME",
        "EXPECTED_BODY",
        "EXPECTED_CASE_OR_DEFAULT",
        "EXPECTED_ELSE_OR_COMMA",
        "EXPECTED_LIST_OR_MAP_LITERAL",
        "EXPECTED_NAMED_TYPE",
        "EXPECTED_STRING_LITERAL",
        "EXPECTED_IDENTIFIER_BUT_GOT_KEYWORD",
        "MISSING_IDENTIFIER",
        "MISSING_STATEMENT",
        "MISSING_FUNCTION_BODY",
        "MISSING_FUNCTION_PARAMETERS",
        "MISSING_METHOD_PARAMETERS",
        "MISSING_CLOSING_PARENTHESIS",
        "MISSING_CONST_FINAL_VAR_OR_TYPE",
        "MISSING_ASSIGNABLE_SELECTOR",
        "MISSING_ASSIGNMENT_IN_INITIALIZER",
        "MISSING_EXPRESSION_IN_INITIALIZER",
        "MISSING_EXPRESSION_IN_THROW",
        "MISSING_CATCH_OR_FINALLY",
        "MISSING_INITIALIZER",
        "MISSING_KEYWORD_OPERATOR",
        "MISSING_TERMINATOR_FOR_PARAMETER_GROUP",
        "UNEXPECTED_TOKEN",
        "UNEXPECTED_TOKENS",
        "UNTERMINATED_STRING_LITERAL",
        "UNTERMINATED_MULTI_LINE_COMMENT",
        "ILLEGAL_CHARACTER",
        "MISSING_DIGIT",
        "MISSING_HEX_DIGIT",
        "MISSING_QUOTE",
        "UNEXPECTED_DOLLAR_IN_STRING",
    }
)
# The same errors by their messages (same file), for parser codes that are not listed above.
_SYNTAX_MESSAGE = re.compile(
    r"^(?:Expected (?:to find '|an identifier\.|a statement\.|a class member\.|a type name\.|a string literal\.|"
    r"a method, getter, setter or operator declaration\.|an expression after|an assignment after|'[^']+' instead of)"
    r"|Unexpected (?:text|tokens?)\b|Unterminated (?:string literal|multi-line comment)\.|Illegal character\b"
    r"|Variables must be declared using the keywords\b|A function body must be provided\."
    r"|(?:Functions|Methods) must have an explicit list of parameters\.|The closing parenthesis is missing\.)"
)
_SEVERITIES = frozenset({"ERROR", "WARNING", "INFO", "HINT", "LINT"})

_CANDIDATE_FILE = re.compile(r"(?:^|[/\\])c_(\d+)\.dart$")


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # ERROR | WARNING | INFO | HINT | LINT
    type: str  # SYNTACTIC_ERROR | COMPILE_TIME_ERROR | STATIC_WARNING | HINT | LINT | ... | "" (unreliable)
    code: str
    path: str
    line: int
    column: int
    message: str

    @property
    def kind(self) -> ErrorKind:
        """SYNTAX when the file does not parse, else ANALYSIS."""
        if self.type == "SYNTACTIC_ERROR" or self.code in SYNTAX_CODES or _SYNTAX_MESSAGE.match(self.message):
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
        if len(fields) != 8 or fields[0].upper() not in _SEVERITIES:
            continue
        severity, type_, code, path, line, column, _length, message = fields
        if not (line.isdigit() and column.isdigit()):
            continue
        diagnostics.append(
            Diagnostic(severity.upper(), type_.upper(), code.upper(), path, int(line), int(column), message)
        )
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
