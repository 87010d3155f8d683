"""The front end's one exception type and the resource budget that bounds an evaluation."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from flutter_renderer.api import ErrorKind, SourceError


class DartError(SourceError):
    """A classified compile error at a 1-based source position, printed like the Dart compiler."""

    def __str__(self) -> str:
        return f"line {self.line}:{self.column}: Error: {self.message}"


@dataclass
class Budget:
    """Limits for one `compile_screen` call; generated code is untrusted, so every loop is bounded.

    `deadline` is wall-clock seconds from the start of the call. The counters are reset by each call,
    so give every concurrent call its own Budget. `max_depth` bounds nested
    evaluation (expressions inside expressions, calls inside calls), which also keeps Python's own
    recursion far from its limit.
    """

    max_steps: int = 200_000  # expression evaluations
    max_nodes: int = 20_000  # objects in the output tree
    max_depth: int = 200  # nested evaluations
    deadline: float = 2.0  # seconds
    max_source_bytes: int = 200_000
    max_collection: int = 10_000  # elements in one list / map / string repetition
    max_string: int = 100_000  # characters in one string
    max_total_chars: int = 5_000_000  # characters in all strings made while evaluating
    steps: int = field(default=0, init=False)
    chars: int = field(default=0, init=False)
    nodes: int = field(default=0, init=False)
    _ends_at: float = field(default=0.0, init=False, repr=False)

    def start(self) -> None:
        """Reset the counters and start the clock."""
        self.steps = self.nodes = self.chars = 0
        self._ends_at = time.monotonic() + self.deadline

    def step(self, line: int, column: int) -> None:
        """Count one evaluation step; checks the clock every 256 steps to stay cheap."""
        self.steps += 1
        if self.steps > self.max_steps:
            raise DartError(ErrorKind.TIMEOUT, f"Evaluation exceeded {self.max_steps} steps.", line, column)
        if not self.steps & 255 and time.monotonic() > self._ends_at:
            raise DartError(ErrorKind.TIMEOUT, f"Evaluation exceeded {self.deadline:g} s.", line, column)

    def node(self, line: int, column: int) -> None:
        """Count one object of the output tree."""
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise DartError(
                ErrorKind.ANALYSIS, f"The widget tree has more than {self.max_nodes} objects.", line, column
            )


class DartThrow(DartError):
    """A Dart `throw`: a RUNTIME error unless a `catch` in the evaluated code handles it."""

    def __init__(self, value: object, message: str, line: int, column: int) -> None:
        super().__init__(ErrorKind.RUNTIME, message, line, column)
        self.value = value

    def __reduce__(self) -> tuple:
        # what crosses a process boundary is the error as reported; the thrown value stays here
        return (DartError, (self.kind, self.message, self.line, self.column))


class ResourceLimit(DartError):
    """A limit of the `Budget` (string or collection size, nesting) was reached. Real Dart would have
    gone on, so evaluated code can't catch it."""
