"""The state every part of the evaluator shares: the program, the screen size, the budget, errors.

`Evaluator` (evaluator.py) combines this base with one class per section of the language.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.environment import Environment
from flutter_renderer.dart.errors import Budget, DartError, ResourceLimit
from flutter_renderer.dart.program import ClassDecl, FunctionDecl, Program
from flutter_renderer.dart.syntax import Node, error_at, position
from flutter_renderer.dart.values import Props, type_name

BUILD_CONTEXT = Props("BuildContext", {"mounted": True})


class EvaluatorBase:
    """The evaluation state and the error helpers of one `compile_screen` call."""

    def __init__(
        self, program: Program, width: float, height: float, budget: Budget, environment: Environment | None = None
    ) -> None:
        self.program = program
        self.width = width
        self.height = height
        self.budget = budget
        self.environment = environment or Environment()
        self.depth = 0
        self.call_stack: list[FunctionDecl] = []
        self.globals: dict[str, Any] = {}
        self.evaluating_globals: set[str] = set()
        self.patterns: dict[tuple[Node, Node | None], Any] = {}  # read once per syntax node (patterns.py)
        self.lineages: dict[str, list[ClassDecl]] = {}  # by class name (eval_members.lineage)
        self.layout_builders: dict[int, tuple[Any, Any, Node]] = {}  # LayoutBuilders whose builder runs last

    # ----------------------------------------------------------------- errors

    def error(self, node: Node, message: str, kind: ErrorKind = ErrorKind.ANALYSIS) -> DartError:
        return error_at(node, kind, message)

    def limit(self, node: Node, message: str, kind: ErrorKind = ErrorKind.RUNTIME) -> ResourceLimit:
        """A Budget limit reached: an error the evaluated code can't catch."""
        return ResourceLimit(kind, message, *position(node))

    def _too_deep(self, node: Node) -> DartError:
        names = [fn.name for fn in self.call_stack]
        if len(names) != len(set(names)):
            return self.limit(node, "Stack Overflow: the build recurses without end.")
        return self.limit(
            node, f"The code is nested more than {self.budget.max_depth} levels deep.", ErrorKind.ANALYSIS
        )

    def check_size(self, value: Any, node: Node) -> Any:
        """Refuse oversized strings and collections; every new string is charged to the budget."""
        if isinstance(value, str):
            self.budget.chars += len(value)
            if len(value) > self.budget.max_string:
                raise self.limit(node, f"A string of more than {self.budget.max_string} characters.")
            if self.budget.chars > self.budget.max_total_chars:
                raise self.limit(node, f"More than {self.budget.max_total_chars} characters of strings were built.")
        if isinstance(value, (list, dict)) and len(value) > self.budget.max_collection:
            raise self.limit(node, f"A collection of more than {self.budget.max_collection} elements.")
        return value

    def check_count(self, count: Any, node: Node) -> int:
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise self.error(node, f"The length must be a non-negative int, not a '{type_name(count)}'.")
        if count > self.budget.max_collection:
            raise self.limit(node, f"A collection of more than {self.budget.max_collection} elements.")
        return count
