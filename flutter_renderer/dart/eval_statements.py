"""Function bodies and statements: blocks, `if`, `for`, `switch`, local declarations.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.program import FunctionDecl, read_params
from flutter_renderer.dart.syntax import Node, field_groups, named, position, split_exprs, text
from flutter_renderer.dart.values import Instance, Lambda, Scope, type_name
from flutter_renderer.dart.eval_base import EvaluatorBase

UNSUPPORTED_STATEMENTS = {
    "while_statement": "'while' loops", "do_statement": "'do' loops",
    "try_statement": "'try' statements", "yield_statement": "'yield'", "yield_each_statement": "'yield*'",
    "break_statement": "'break'", "continue_statement": "'continue'", "labeled_statement": "labels",
}


class _Return:
    """A `return` reached inside a block."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class StatementEvaluation(EvaluatorBase):
    """Function bodies and statements: blocks, `if`, `for`, `switch`, local declarations."""

    # ----------------------------------------------------------------- functions and classes

    def invoke(self, fn: FunctionDecl, this: Instance | None, args: list[Any], kwargs: dict[str, Any], node: Node,
               closure_scope: Scope | None = None) -> Any:
        """Run a function, method or getter body and return its value."""
        scope = Scope(closure_scope, this)
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
        markers = [c.type for c in body.children if not c.is_named]
        if any(m in ("async", "async*", "sync*") for m in markers) or "*" in markers:
            raise self.error(body, "Asynchronous and generator functions can't run while building.", ErrorKind.UNSUPPORTED)
        parts = named(body)
        if parts and parts[0].type == "block":
            result = self.block(parts[0], scope)
            return result.value if isinstance(result, _Return) else None
        return self.eval_parts(parts, scope, body) if parts else None

    def block(self, block: Node, scope: Scope) -> _Return | None:
        inner = Scope(scope)
        for statement in named(block):
            result = self.statement(statement, inner)
            if result is not None:
                return result
        return None

    def statement(self, node: Node, scope: Scope) -> _Return | None:
        self.budget.step(*position(node))
        kind = node.type
        if kind == "block":
            return self.block(node, scope)
        if kind == "return_statement":
            parts = named(node)
            return _Return(self.eval_parts(parts, scope, node) if parts else None)
        if kind == "local_variable_declaration":
            self.declare(named(node)[0], scope)
        elif kind == "expression_statement":
            parts = named(node)
            if parts and parts[0].type != "super":
                self.eval_parts(parts, scope, node)
        elif kind == "if_statement":
            condition = [c for i, c in enumerate(node.children) if c.is_named and node.field_name_for_child(i) is None]
            branch = node.child_by_field_name(
                "consequence" if self.truth(self.eval_parts(condition, scope, node), node) else "alternative")
            return self.statement(branch, Scope(scope)) if branch is not None else None
        elif kind == "for_statement":
            body = node.child_by_field_name("body")
            for loop_scope in self.loop(named(node)[0], scope):
                result = self.statement(body, loop_scope)
                if result is not None:
                    return result
        elif kind == "switch_statement":
            return self.switch_statement(node, scope)
        elif kind == "local_function_declaration":
            function = named(node)[0]
            signature, body = function.child_by_field_name("parameters"), function.child_by_field_name("body")
            name = text(signature.child_by_field_name("name"))
            params = next((c for c in named(signature) if c.type == "formal_parameter_list"), None)
            scope.vars[name] = Lambda(read_params(params), body, scope, position(node)[0], name)
        elif kind in ("empty_statement", "assert_statement"):
            pass
        elif kind in UNSUPPORTED_STATEMENTS:
            raise self.error(node, f"{UNSUPPORTED_STATEMENTS[kind]} are not supported by the embedded renderer.",
                             ErrorKind.UNSUPPORTED)
        else:
            raise self.error(node, f"The statement '{text(node)[:40]}' is not supported.", ErrorKind.UNSUPPORTED)
        return None

    def switch_statement(self, node: Node, scope: Scope) -> _Return | None:
        """`switch` on constants: the first matching case runs (an empty case falls through); `break` ends it."""
        value = self.eval_node(node.child_by_field_name("condition"), scope)
        cases = [c for c in named(node.child_by_field_name("body")) if c.type.startswith("switch_statement_")]
        matched = False
        for case in cases:
            patterns = [c for c in named(case) if c.type.endswith("_pattern")]
            statements = [c for c in named(case) if c.type not in ("case_builtin",) and not c.type.endswith("_pattern")]
            matched = matched or case.type == "switch_statement_default" or any(
                self.matches(p, value, scope) for p in patterns)
            if matched and statements:
                inner = Scope(scope)
                for statement in statements:
                    if statement.type == "break_statement":
                        return None
                    result = self.statement(statement, inner)
                    if result is not None:
                        return result
                return None
        return None

    def _p_switch_expression(self, node: Node, scope: Scope) -> Any:
        value = self.eval_node(node.child_by_field_name("condition"), scope)
        for case in field_groups(node, "body"):
            if case.type != "switch_expression_case":
                continue
            parts = named(case)
            patterns = [p for p in parts if p.type.endswith("_pattern")]
            result = [p for p in parts if not p.type.endswith("_pattern") and p.type != "logical_or_operator"]
            if any(self.matches(p, value, scope) for p in patterns):
                return self.eval_parts(result, scope, case)
        raise self.error(node, "No case of the switch expression matched.", ErrorKind.RUNTIME)

    def matches(self, pattern: Node, value: Any, scope: Scope) -> bool:
        """Constant patterns only: literals, constants, `Type.member`, and `_`."""
        if pattern.type != "constant_pattern":
            raise self.error(pattern, "Only constant patterns are supported in 'switch'.", ErrorKind.UNSUPPORTED)
        inner = named(pattern)[0]
        if inner.type == "identifier" and text(inner) == "_":
            return True
        if inner.type == "qualified":
            type_node, member = named(inner)[0], named(inner)[-1]
            return self.static_get(text(type_node), text(member), member) == value
        return self.eval_parts(named(pattern), scope, pattern) == value

    def declare(self, definition: Node, scope: Scope) -> None:
        """`final a = 1, b;` -> bind each name in `scope`."""
        name: str | None = None
        value_nodes: list[Node] = []

        def flush() -> None:
            if name is not None:
                scope.vars[name] = self.eval_parts(value_nodes, scope, definition) if value_nodes else None

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

    def loop(self, parts: Node, scope: Scope):
        """The scopes of a `for` loop's iterations: for-in over a list, or a C-style loop."""
        if parts.child_by_field_name("value") is not None and any(c.type == "in" for c in parts.children):
            name_node = parts.child_by_field_name("name")
            if name_node is None:
                raise self.error(parts, "Patterns in 'for' loops are not supported.", ErrorKind.UNSUPPORTED)
            iterable = self.eval_parts(field_groups(parts, "value"), scope, parts)
            if isinstance(iterable, dict) or not isinstance(iterable, list):
                raise self.error(parts, f"The type '{type_name(iterable)}' used in the 'for' loop must implement 'Iterable'.")
            for item in list(iterable):
                loop_scope = Scope(scope)
                loop_scope.vars[text(name_node)] = item
                yield loop_scope
            return
        loop_scope = Scope(scope)
        init = parts.child_by_field_name("init")
        if init is not None:
            self.statement(init, loop_scope) if init.type == "local_variable_declaration" else self.eval_node(init, loop_scope)
        condition = field_groups(parts, "condition")
        updates = field_groups(parts, "update")
        while True:
            self.budget.step(*position(parts))
            if condition and not self.truth(self.eval_parts(condition, loop_scope, parts), parts):
                return
            yield Scope(loop_scope)
            for group in split_exprs(updates):
                self.eval(group, loop_scope)
