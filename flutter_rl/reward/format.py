"""The format reward: does the code have the shape of a one-file Flutter screen?

Three regex checks, each worth a third of the score (so the score is 0, 1/3, 2/3 or 1):

- `import`: `import 'package:flutter/material.dart';` (either quote style);
- `widget_class`: a class that `extends StatelessWidget` or `extends StatefulWidget` (a `State<...>`
  subclass alone, or any other base class, does not count);
- `build_method`: a `Widget build(BuildContext <name>)` method (any parameter name).

Comments are removed first (string literals are kept intact) so commented-out code earns nothing.
The checks run on the code extracted from the completion (`extract.extract_code`); code longer than
`extract.MAX_COMPLETION_CHARS` passes none, before any pattern runs.
"""

from __future__ import annotations

import re
from typing import Any

from flutter_rl.reward.extract import MAX_COMPLETION_CHARS, extract_code

# Linear in the code: no pattern can rescan a stretch of text from many starting points (the line
# start allows only spaces and tabs, so blank lines are not swallowed by every line start; type
# parameters stop at the next `<`, so `class A<class A<...` is not rescanned to the end each time).
FORMAT_CHECKS: dict[str, re.Pattern[str]] = {
    "import": re.compile(r"^[ \t]*import\s+(['\"])package:flutter/material\.dart\1\s*;", re.MULTILINE),
    "widget_class": re.compile(r"\bclass\s+\w+(?:\s*<[^<>{]*>)?\s+extends\s+(?:StatelessWidget|StatefulWidget)\b"),
    "build_method": re.compile(r"\bWidget\s+build\s*\(\s*BuildContext\s+\w+\s*\)"),
}

# A string literal (kept), or a line / block comment (dropped). Every quote starts a literal that ends at
# its closing quote or else at the end of its line (possessive, so never retried from a later quote),
# and an unclosed block comment runs to the end: one pass over the code.
_COMMENT_OR_STRING = re.compile(
    r"('(?:\\.?|[^'\\\n])*+(?:'|(?=\n)|\Z)|\"(?:\\.?|[^\"\\\n])*+(?:\"|(?=\n)|\Z))|//[^\n]*|/\*.*?(?:\*/|\Z)", re.DOTALL
)


def strip_comments(code: str) -> str:
    """Dart code without `//` and `/* */` comments; comment markers inside string literals are kept."""
    return _COMMENT_OR_STRING.sub(lambda m: m.group(1) or "", code)


def format_checks(code: str) -> dict[str, bool]:
    """Each named check of `FORMAT_CHECKS` on already-extracted code (all False over the size cap)."""
    if len(code) > MAX_COMPLETION_CHARS:
        return dict.fromkeys(FORMAT_CHECKS, False)
    bare = strip_comments(code)
    return {name: bool(pattern.search(bare)) for name, pattern in FORMAT_CHECKS.items()}


def code_format_score(code: str) -> float:
    """The share of format checks extracted code passes, in [0, 1]; 0 for empty code."""
    if not code.strip():
        return 0.0
    checks = format_checks(code)
    return sum(checks.values()) / len(checks)


def format_score(completion: Any) -> float:
    """The share of format checks a completion passes, in [0, 1]; 0 for an empty completion."""
    return code_format_score(extract_code(completion))
