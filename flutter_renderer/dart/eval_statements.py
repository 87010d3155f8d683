"""Function bodies and statements: blocks, `if`, loops, `break`/`continue`, `try`/`catch`/`throw`,
local declarations and generators.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`. A statement returns
None or a signal (`Return`, `Jump`) that the enclosing body, loop or switch consumes. Every loop
iteration counts against the step budget, so `while (true) {}` ends as a TIMEOUT.
"""

from __future__ import annotations

from typing import Any, Iterator

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.errors import DartError, DartThrow, ResourceLimit
from flutter_renderer.dart.eval_base import EvaluatorBase
from flutter_renderer.dart.eval_patterns import DECLARE
from flutter_renderer.dart.program import FunctionDecl, declares_double, read_params
from flutter_renderer.dart.syntax import SKIPPED, Node, field_groups, named, position, split_exprs, text
from flutter_renderer.dart.values import DartException, FutureValue, Lambda, Scope, as_declared, type_name

# hidden scope variables: no Dart identifier can look them up
CAUGHT, YIELDED = "<caught>", "<yielded>"


class Return:
    """A `return` reached inside a block."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Jump:
    """A `break` or `continue`, with its label if it names one."""

    __slots__ = ("kind", "label")

    def __init__(self, kind: str, label: str | None) -> None:
        self.kind = kind
        self.label = label


Signal = Return | Jump | None


class StatementEvaluation(EvaluatorBase):
    """Function bodies and statements."""

    # ----------------------------------------------------------------- functions

    def invoke(
        self,
        fn: FunctionDecl,
        this: Any,
        args: list[Any],
        kwargs: dict[str, Any],
        node: Node,
        closure_scope: Scope | None = None,
    ) -> Any:
        """Run a function, method or getter body and return its value."""
        scope = Scope(closure_scope, this, fn.owner or None)
        self.bind(fn.params, args, kwargs, scope, node)
        if fn.body is None:
            raise self.error(node, f"'{fn.name}' has no body.")
        self.call_stack.append(fn)
        self.depth += 1
        try:
            if self.depth > self.budget.max_depth:
                raise self._too_deep(node)
            return self.run_body(fn.body, Scope(scope))
        finally:
            self.depth -= 1
            self.call_stack.pop()

    def run_body(self, body: Node, scope: Scope) -> Any:
        """A function body's value. An `async` body is not run: build never awaits it, so the caller
        gets an opaque Future (see the package docstring). A `sync*` body runs to its end, eagerly."""
        markers = "".join(c.type for c in body.children if not c.is_named)
        if markers.startswith("async"):
            return FutureValue("Stream" if "*" in markers else "Future")
        generator = markers.startswith("sync")
        if generator:
            scope.vars[YIELDED] = []
        parts = named(body)
        if parts and parts[0].type == "block":
            result = self.block(parts[0], scope)
            if generator:
                return scope.vars[YIELDED]
            return result.value if isinstance(result, Return) else None
        return self.eval_parts(parts, scope, body) if parts else None

    def block(self, block: Node, scope: Scope) -> Signal:
        inner = Scope(scope)
        for statement in named(block):
            result = self.statement(statement, inner)
            if result is not None:
                return result
        return None

    # ----------------------------------------------------------------- statements

    def statement(self, node: Node, scope: Scope) -> Signal:
        self.budget.step(*position(node))
        kind = node.type
        handler = getattr(self, f"_s_{kind}", None)
        if handler is not None:
            return handler(node, scope)
        if kind == "expression_statement":
            parts = named(node)
            if parts and parts[0].type != "super":
                self.eval_parts(parts, scope, node)
        elif kind == "local_variable_declaration":
            definition = named(node)[0]
            if definition.type == "pattern_variable_declaration":
                self.declare_pattern(definition, scope)
            else:
                self.declare(definition, scope)
        elif kind in ("empty_statement", "assert_statement"):
            pass  # asserts are off in release builds, which is what a screenshot shows
        elif kind in ("break_statement", "continue_statement"):
            label = next((text(c) for c in named(node) if c.type == "identifier"), None)
            return Jump(kind.split("_")[0], label)
        else:
            raise self.error(node, f"The statement '{text(node)[:40]}' is not supported.", ErrorKind.UNSUPPORTED)
        return None

    def _s_block(self, node: Node, scope: Scope) -> Signal:
        return self.block(node, scope)

    def _s_return_statement(self, node: Node, scope: Scope) -> Signal:
        parts = named(node)
        return Return(self.eval_parts(parts, scope, node) if parts else None)

    def _s_if_statement(self, node: Node, scope: Scope) -> Signal:
        if any(c.type == "case" and not c.is_named for c in node.children):
            matched = self.if_case(node, scope)
            branch = node.child_by_field_name("consequence" if matched is not None else "alternative")
            return self.statement(branch, matched or Scope(scope)) if branch is not None else None
        condition = [c for i, c in enumerate(node.children) if c.is_named and node.field_name_for_child(i) is None]
        branch = node.child_by_field_name(
            "consequence" if self.truth(self.eval_parts(condition, scope, node), node) else "alternative"
        )
        return self.statement(branch, Scope(scope)) if branch is not None else None

    def _s_switch_statement(self, node: Node, scope: Scope) -> Signal:
        result = self.switch_statement(node, scope)
        return None if isinstance(result, Jump) and result.kind == "break" and result.label is None else result

    def run_case(self, statements: list[Node], scope: Scope) -> Signal:
        for statement in statements:
            result = self.statement(statement, scope)
            if result is not None:
                return result
        return None

    def _s_local_function_declaration(self, node: Node, scope: Scope) -> Signal:
        function = named(node)[0]
        signature, body = function.child_by_field_name("parameters"), function.child_by_field_name("body")
        name = text(signature.child_by_field_name("name"))
        params = next((c for c in named(signature) if c.type == "formal_parameter_list"), None)
        scope.vars[name] = Lambda(read_params(params), body, scope, position(node)[0], name)
        return None

    def _s_labeled_statement(self, node: Node, scope: Scope) -> Signal:
        label, body = (c for c in named(node))
        result = self.statement(body, scope) if body.type not in LOOPS else self.run_loop(body, scope, text(label))
        if isinstance(result, Jump) and result.kind == "break" and result.label == text(label):
            return None
        return result

    # ----------------------------------------------------------------- loops

    def _s_for_statement(self, node: Node, scope: Scope) -> Signal:
        return self.run_loop(node, scope, None)

    _s_while_statement = _s_for_statement
    _s_do_statement = _s_for_statement

    def run_loop(self, node: Node, scope: Scope, label: str | None) -> Signal:
        """Run a loop's body per iteration; `break`/`continue` without a label or with this loop's end it."""
        body = node.child_by_field_name("body")
        for loop_scope in self.iterations(node, scope):
            result = self.statement(body, loop_scope)
            if isinstance(result, Jump) and result.label in (None, label):
                if result.kind == "break":
                    return None
                continue
            if result is not None:
                return result
        return None

    def iterations(self, node: Node, scope: Scope) -> Iterator[Scope]:
        if node.type == "for_statement":
            yield from self.loop(named(node)[0], scope)
            return
        condition = node.child_by_field_name("condition")
        first = node.type == "do_statement"
        while True:
            self.budget.step(*position(node))
            if not first and not self.truth(self.eval_node(condition, scope), condition):
                return
            first = False
            yield Scope(scope)

    def loop(self, parts: Node, scope: Scope) -> Iterator[Scope]:
        """The scopes of a `for` loop's iterations: for-in (with a variable or a pattern), or C-style."""
        if any(c.type == "in" for c in parts.children):
            iterable = self.eval_parts(field_groups(parts, "value"), scope, parts)
            if isinstance(iterable, dict) or not isinstance(iterable, list):
                raise self.error(
                    parts, f"The type '{type_name(iterable)}' used in the 'for' loop must implement 'Iterable'."
                )
            pattern = self.loop_pattern(parts)
            name_node = parts.child_by_field_name("name")
            for item in list(iterable):
                self.budget.step(*position(parts))
                loop_scope = Scope(scope)
                if pattern is not None:
                    self.destructure(pattern, item, loop_scope, DECLARE)
                elif name_node is not None:
                    loop_scope.vars[text(name_node)] = item
                else:
                    assigned = next(c for c in named(parts) if c.type in ("identifier", "assignable_expression"))
                    self.assign(text(assigned), item, scope, assigned)
                yield loop_scope
            return
        loop_scope = Scope(scope)
        init = parts.child_by_field_name("init")
        if init is not None:
            self.statement(init, loop_scope) if init.type == "local_variable_declaration" else self.eval_node(
                init, loop_scope
            )
        condition = field_groups(parts, "condition")
        updates = field_groups(parts, "update")
        while True:
            self.budget.step(*position(parts))
            if condition and not self.truth(self.eval_parts(condition, loop_scope, parts), parts):
                return
            yield Scope(loop_scope)
            for group in split_exprs(updates):
                self.eval(group, loop_scope)

    # ----------------------------------------------------------------- exceptions

    def _s_try_statement(self, node: Node, scope: Scope) -> Signal:
        """`try`/`on T catch (e, s)`/`finally`. Dart exceptions (a `throw`, a null check, a range
        error) are caught; the Budget's limits and static errors are not."""
        body, clauses, finally_block = _try_parts(node)
        try:
            try:
                outcome = self.statement(body, scope)
            except DartError as exc:
                handler = self.catch_clause(clauses, exc) if _catchable(exc) else None
                if handler is None:
                    raise
                outcome = self.run_catch(handler, exc, scope)
        except DartError as exc:
            if finally_block is None or not _catchable(exc):
                raise
            final = self.statement(finally_block, scope)
            if final is not None:  # a return or break in `finally` discards the exception, as in Dart
                return final
            raise
        if finally_block is not None:
            final = self.statement(finally_block, scope)
            if final is not None:
                return final
        return outcome

    def catch_clause(
        self, clauses: list[tuple[str | None, list[str], Node]], exc: DartError
    ) -> tuple[str | None, list[str], Node] | None:
        thrown = exc.value if isinstance(exc, DartThrow) else None
        for clause in clauses:
            wanted = clause[0]
            if wanted in (None, "Object", "dynamic"):
                return clause
            if isinstance(exc, DartThrow):
                if thrown is not None and self.is_type(thrown, wanted, clause[2]):
                    return clause
            elif wanted == "Error":  # the front end's own runtime errors are Dart Errors (RangeError, ...)
                return clause
        return None

    def run_catch(self, clause: tuple[str | None, list[str], Node], exc: DartError, scope: Scope) -> Signal:
        _, names, block = clause
        inner = Scope(scope)
        inner.vars[CAUGHT] = exc
        caught = exc.value if isinstance(exc, DartThrow) else DartException("Error", exc.message)
        for name, value in zip(names, (caught, None)):  # no stack trace: the second name is null
            inner.vars[name] = value
        return self.statement(block, inner)

    def _p_throw_expression(self, node: Node, scope: Scope) -> Any:
        value = self.eval_parts(named(node), scope, node)
        if value is None:
            raise self.error(node, "Throwing null: the thrown expression must have a non-nullable type.")
        raise DartThrow(value, f"Uncaught exception: {self.to_str(value, node)}", *position(node))

    def _p_rethrow_expression(self, node: Node, scope: Scope) -> Any:
        holder = scope.find(CAUGHT)
        if holder is None:
            raise self.error(node, "A rethrow must be inside of a catch clause.")
        raise holder.vars[CAUGHT]

    # ----------------------------------------------------------------- declarations and generators

    def declare(self, definition: Node, scope: Scope) -> None:
        """`final a = 1, b;` -> bind each name in `scope`."""
        name: str | None = None
        value_nodes: list[Node] = []
        double = declares_double(named(definition))

        def flush() -> None:
            if name is not None:
                value = self.eval_parts(value_nodes, scope, definition) if value_nodes else None
                scope.vars[name] = as_declared(value, double)
                if double:
                    scope.doubles = {*scope.doubles, name}

        for i, child in enumerate(definition.children):
            field = definition.field_name_for_child(i)
            if field == "name":
                flush()
                name, value_nodes = text(child), []
            elif field == "value":
                value_nodes.append(child)
            elif child.type == "initialized_identifier":
                flush()
                parts = named(child)
                name, value_nodes = text(parts[0]), parts[1:]
        flush()

    def _s_yield_statement(self, node: Node, scope: Scope) -> Signal:
        holder = scope.find(YIELDED)
        if holder is None:
            raise self.error(
                node, "Yield statements must be in a generator function (one marked with either 'async*' or 'sync*')."
            )
        value = self.eval_parts(named(node), scope, node)
        items = holder.vars[YIELDED]
        if node.type == "yield_each_statement":
            if not isinstance(value, list):
                raise self.error(
                    node, f"The type '{type_name(value)}' implied by the 'yield*' expression must be an Iterable."
                )
            items.extend(value)
        else:
            items.append(value)
        self.check_size(items, node)
        return None

    _s_yield_each_statement = _s_yield_statement


LOOPS = frozenset({"for_statement", "while_statement", "do_statement"})


def _catchable(exc: DartError) -> bool:
    return exc.kind is ErrorKind.RUNTIME and not isinstance(exc, ResourceLimit)


def _try_parts(node: Node) -> tuple[Node, list[tuple[str | None, list[str], Node]], Node | None]:
    """The body, the `on T catch (e, s) { }` clauses as (T, names, block), and the finally block."""
    body = node.child_by_field_name("body")
    clauses: list[tuple[str | None, list[str], Node]] = []
    finally_block = None
    wanted: str | None = None
    names: list[str] = []
    for child in node.children:
        if child == body or child.type in SKIPPED:
            continue
        if child.type == "type_identifier":
            wanted = text(child)
        elif child.type == "catch_clause":
            parameters = next((c for c in named(child) if c.type == "catch_parameters"), None)
            names = [text(c) for c in named(parameters) if c.type == "identifier"] if parameters is not None else []
        elif child.type == "block":
            clauses.append((wanted, names, child))
            wanted, names = None, []
        elif child.type == "finally_clause":
            finally_block = next(c for c in named(child) if c.type == "block")
    return body, clauses, finally_block
