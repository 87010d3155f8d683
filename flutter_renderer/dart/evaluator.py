"""Evaluate the declarative subset of a Dart file into IR values.

Build methods, helpers, getters and constructors of the file's own classes run here; function
literals used as callbacks are kept as `Closure`s and never run. Every evaluation counts against a
`Budget`, so no input can loop, recurse or allocate without bound.
"""

from __future__ import annotations

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.errors import DartError
from flutter_renderer.dart.eval_assignments import Assignment
from flutter_renderer.dart.eval_calls import CallEvaluation
from flutter_renderer.dart.eval_classes import ClassEvaluation
from flutter_renderer.dart.eval_expressions import ExpressionEvaluation
from flutter_renderer.dart.eval_layout import LayoutEvaluation
from flutter_renderer.dart.eval_members import MemberAccess
from flutter_renderer.dart.eval_patterns import PatternMatching
from flutter_renderer.dart.eval_statements import StatementEvaluation
from flutter_renderer.dart.grid_extent import resolve_grid_extents
from flutter_renderer.dart.main_call import MainCall
from flutter_renderer.dart.overflow_bar import resolve_overflow_bars
from flutter_renderer.dart.program import ClassDecl
from flutter_renderer.dart.values import Scope, type_name
from flutter_renderer.ir import DartObject


class Evaluator(
    ExpressionEvaluation,
    Assignment,
    MemberAccess,
    CallEvaluation,
    StatementEvaluation,
    PatternMatching,
    ClassEvaluation,
    LayoutEvaluation,
):
    """Evaluates one parsed file for one screen size; create one per `compile_screen` call.

    Each base class is one section of the language; they share `EvaluatorBase`'s state."""

    # ----------------------------------------------------------------- entry point

    def root(self, main_call: MainCall | None, fallback: ClassDecl | None) -> DartObject:
        """The root widget: the argument of `runApp(...)` in main (after the statements of main it
        needs), else the chosen widget class."""
        if main_call is not None:
            at = main_call.argument[0]
            scope = Scope()
            for statement in main_call.prelude:
                if self.statement(statement, scope) is not None:  # a `return` before runApp
                    raise self.error(statement, "main returns before it calls runApp.", ErrorKind.UNSUPPORTED)
            value = self.eval(main_call.argument, scope)
        elif fallback is not None:
            at = fallback.node
            value = self.instantiate(fallback, "", [], {}, at)
        else:
            raise DartError(ErrorKind.ANALYSIS, "No widget to render.", 1, 1)
        value = self.to_ir(value, at)
        if not isinstance(value, DartObject):
            raise self.error(at, f"The root must be a widget, not '{type_name(value)}'.")
        self.run_layout_builders(value)
        resolve_overflow_bars(value, self.width, self.height)
        resolve_grid_extents(value, self.width, self.height)
        return value
