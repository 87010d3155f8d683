"""The renderer interface: Flutter source in, PNG or a classified error out.

Every backend (the embedded Flet + Chromium one, the real Flutter SDK one) implements
`RenderBackend.render_batch`. A batch never raises for a bad sample: each sample gets its own
`RenderResult`, in input order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol, Sequence, runtime_checkable


class ErrorKind(str, Enum):
    """Why a sample did not render. The values are what reports and MLflow tables show."""

    SYNTAX = "syntax"  # the file does not parse as Dart
    ANALYSIS = "analysis"  # parses, but names an unknown symbol/parameter or misses a required one
    UNSUPPORTED = "unsupported"  # valid Flutter that this backend cannot reproduce
    OVERFLOW = "overflow"  # Flutter reported a layout overflow / unbounded constraint
    RUNTIME = "runtime"  # an exception while building or painting
    TIMEOUT = "timeout"  # the sample exceeded its time budget
    CRASH = "crash"  # the backend itself failed (browser or SDK process died) after a retry


class SourceError(Exception):
    """An error in the candidate's source, classified by `kind`, at a 1-based line and column."""

    def __init__(self, kind: ErrorKind, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = f"line {self.line}:{self.column}: " if self.line else ""
        return f"{where}{self.message}"

    def __reduce__(self) -> tuple:
        # so the error survives a process pool (the default would call __init__ with the message only)
        return (type(self), (self.kind, self.message, self.line, self.column))


@dataclass(frozen=True)
class RenderSize:
    """Logical screen size and device pixel ratio; the PNG is width*ratio x height*ratio pixels."""

    width: int = 390
    height: int = 844
    pixel_ratio: float = 1.0

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width * self.pixel_ratio), round(self.height * self.pixel_ratio)


@dataclass
class RenderResult:
    """The outcome for one sample: `png` when `ok`, else `error_kind` and a compiler-like `message`."""

    ok: bool
    png: bytes | None = None
    error_kind: ErrorKind | None = None
    message: str = ""
    elapsed: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def failure(cls, kind: ErrorKind, message: str, elapsed: float = 0.0) -> "RenderResult":
        return cls(ok=False, error_kind=kind, message=message, elapsed=elapsed)


@runtime_checkable
class RenderBackend(Protocol):
    """What the pipeline needs from a renderer. Backends are context managers that own their workers."""

    name: str
    version: str  # part of evaluation cache keys: a new renderer version re-renders

    def render_batch(
        self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None
    ) -> list[RenderResult]:
        """Render every code, in order; never raises for a bad sample."""
        ...

    def close(self) -> None:
        """Stop workers and free resources; safe to call twice."""
        ...
