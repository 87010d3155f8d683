"""The state every part of the evaluator shares: the program, the screen size, the budget, errors.

`Evaluator` (evaluator.py) combines this base with one class per section of the language.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.errors import Budget, DartError
from flutter_renderer.dart.program import FunctionDecl, Program
from flutter_renderer.dart.syntax import Node, error_at
from flutter_renderer.dart.values import Props, type_name

BUILD_CONTEXT = Props("BuildContext", {"mounted": True})


class EvaluatorBase:
    """The evaluation state and the error helpers of one `compile_screen` call."""

    def __init__(self, program: Program, width: float, height: float, budget: Budget) -> None:
        self.program = program
        self.width = width
        self.height = height
        self.budget = budget
        self.depth = 0
        self.call_stack: list[FunctionDecl] = []
        self.globals: dict[str, Any] = {}
        self.evaluating_globals: set[str] = set()
        self.layout_builders: dict[int, tuple[Any, Any, Node]] = {}   # LayoutBuilders whose builder runs last

    # ----------------------------------------------------------------- errors

    def error(self, node: Node, message: str, kind: ErrorKind = ErrorKind.ANALYSIS) -> DartError:
        return error_at(node, kind, message)

    def _too_deep(self, node: Node) -> DartError:
        names = [fn.name for fn in self.call_stack]
        if len(names) != len(set(names)):
            return self.error(node, "Stack Overflow: the build recurses without end.", ErrorKind.RUNTIME)
        return self.error(node, f"The code is nested more than {self.budget.max_depth} levels deep.")

    def check_size(self, value: Any, node: Node) -> Any:
        """Refuse oversized strings and collections; every new string is charged to the budget."""
        if isinstance(value, str):
            self.budget.chars += len(value)
            if len(value) > self.budget.max_string:
                raise self.error(node, f"A string of more than {self.budget.max_string} characters.", ErrorKind.RUNTIME)
            if self.budget.chars > self.budget.max_total_chars:
                raise self.error(node, f"More than {self.budget.max_total_chars} characters of strings were built.",
                                 ErrorKind.RUNTIME)
        if isinstance(value, (list, dict)) and len(value) > self.budget.max_collection:
            raise self.error(node, f"A collection of more than {self.budget.max_collection} elements.", ErrorKind.RUNTIME)
        return value

    def check_count(self, count: Any, node: Node) -> int:
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise self.error(node, f"The length must be a non-negative int, not a '{type_name(count)}'.")
        if count > self.budget.max_collection:
            raise self.error(node, f"A collection of more than {self.budget.max_collection} elements.", ErrorKind.RUNTIME)
        return count
