"""Classify what Flutter reported while building, laying out and painting a candidate.

The harness records each `FlutterErrorDetails` as {library, summary, details}; `details` is Flutter's
usual dump (`══╡ EXCEPTION CAUGHT BY RENDERING LIBRARY ╞═══...`). When the harness could not write its
status file, the same dumps arrive as text in `flutter test` output and are split with `split_dumps`.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from flutter_renderer.api import ErrorKind

# Layout problems: overflow, and the unbounded-constraint family that Flutter reports during layout.
_OVERFLOW_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"\boverflowed by [\d.]+ pixels\b",
        r"\bwas given unbounded (?:height|width)\b",
        r"\bhave non-zero flex but incoming (?:height|width) constraints are unbounded\b",
        r"\bBoxConstraints forces an infinite (?:height|width)\b",
        r"\bRenderBox was not laid out\b",
        r"\bcannot have an unbounded (?:height|width)\b",
        r"\bAn InputDecorator, which is typically created by a TextField, cannot have an unbounded width\b",
    )
]
# Errors that leave the screen usable: an image that fails to load draws its error/empty box. Network
# images always fail in flutter_test (its HttpClient answers 400) and so do assets under
# --no-test-assets (services/asset_bundle.dart: 'Unable to load asset: "<key>".'), whichever library
# the error reaches the harness through.
_WARNING_LIBRARIES = frozenset({"image resource service"})
_WARNING_PATTERNS = [re.compile(r"\bUnable to load asset\b")]

_DUMP_HEADER = re.compile(r"^══╡ EXCEPTION CAUGHT BY (.+?) ╞═*$", re.M)
_DUMP_FOOTER = re.compile(r"^═{20,}$", re.M)
_THROWN_LINE = re.compile(r"^The following .+? was thrown .+?:$", re.M)


def is_overflow(text: str) -> bool:
    """True when `text` describes a layout overflow or an unbounded constraint."""
    return any(p.search(text) for p in _OVERFLOW_PATTERNS)


def is_warning(error: Mapping[str, str]) -> bool:
    """True for errors that do not stop a render (see `_WARNING_LIBRARIES`)."""
    if error.get("library", "").lower() in _WARNING_LIBRARIES:
        return True
    return any(p.search(error.get("summary") or error.get("details") or "") for p in _WARNING_PATTERNS)


def summary_of(error: Mapping[str, str], limit: int = 300) -> str:
    """One or two lines naming the error: the exception text without Flutter's decoration."""
    text = (error.get("summary") or error.get("details") or "").strip()
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("══")]
    short = " ".join(lines[:2])
    library = error.get("library")
    prefix = f"[{library}] " if library else ""
    return (prefix + short)[:limit]


def classify(errors: Iterable[Mapping[str, str]]) -> tuple[ErrorKind | None, str, list[str]]:
    """(kind, message, warnings) for a candidate's errors; kind is None when only warnings remain.

    The first real error decides the kind: Flutter's first report is the cause, later ones are usually
    its consequences (an overflow after a failed build, for example).
    """
    errors = list(errors)
    warnings = [summary_of(e) for e in errors if is_warning(e)]
    real = [e for e in errors if not is_warning(e)]
    if not real:
        return None, "", warnings
    first = real[0]
    text = f"{first.get('summary', '')}\n{first.get('details', '')}"
    kind = ErrorKind.OVERFLOW if is_overflow(text) else ErrorKind.RUNTIME
    message = summary_of(first)
    if len(real) > 1:
        message += f" (+{len(real) - 1} more errors)"
    return kind, message, warnings


def split_dumps(text: str) -> list[dict[str, str]]:
    """Flutter error dumps found in plain output, as {library, summary, details} records."""
    records = []
    headers = list(_DUMP_HEADER.finditer(text))
    for number, header in enumerate(headers):
        end = headers[number + 1].start() if number + 1 < len(headers) else len(text)
        footer = _DUMP_FOOTER.search(text, header.end(), end)
        body = text[header.end() : footer.start() if footer else end]
        thrown = _THROWN_LINE.search(body)
        after = body[thrown.end() :] if thrown else body
        summary = next((line.strip() for line in after.splitlines() if line.strip()), "")
        records.append(
            {
                "library": header.group(1).lower(),
                "summary": summary,
                "details": text[header.start() : footer.end() if footer else end],
            }
        )
    return records
