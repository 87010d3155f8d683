"""Records and patterns: record literals, `switch` on any pattern with `when` guards, `if (x case P)`,
and destructuring in declarations, assignments and `for` loops.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.eval_base import EvaluatorBase
from flutter_renderer.dart.operators import dart_equals
from flutter_renderer.dart.patterns import (
    CastP,
    ConstantP,
    IdentifierP,
    ListP,
    LogicalP,
    MapP,
    NullP,
    ObjectP,
    Pattern,
    RecordP,
    RelationalP,
    VariableP,
    read_pattern,
    read_pattern_node,
    split_case,
)
from flutter_renderer.dart.syntax import SKIPPED, Node, field_groups, named, text
from flutter_renderer.dart.values import Record, Scope, type_name

# how a bare identifier in a pattern is read: a constant to compare with, a new variable, or an
# existing variable to assign
MATCH, DECLARE, ASSIGN = "match", "declare", "assign"


class PatternMatching(EvaluatorBase):
    """Records and patterns."""

    # ----------------------------------------------------------------- records

    def _p_record_literal(self, node: Node, scope: Scope) -> Record:
        positional, named_fields = self.record_fields(node, scope)
        return Record(tuple(positional), tuple(sorted(named_fields.items())))

    def record_fields(self, node: Node, scope: Scope) -> tuple[list[Any], dict[str, Any]]:
        """The fields of `(a, b, name: c)`; the grammar writes each either in a `record_field` or bare."""
        positional: list[Any] = []
        named_fields: dict[str, Any] = {}
        segment: list[Node] = []
        for child in [*node.children, None]:
            if child is not None and child.type in ("(", ")") and not child.is_named:
                continue
            if child is not None and not (not child.is_named and child.type == ","):
                if child.type not in SKIPPED:
                    segment.extend(named(child) if child.type == "record_field" else [child])
                continue
            if segment:
                if segment[0].type == "label":
                    label = text(named(segment[0])[0])
                    if label in named_fields:
                        raise self.error(segment[0], f"The field '{label}' is already specified.")
                    named_fields[label] = self.eval_parts(segment[1:], scope, segment[0])
                else:
                    positional.append(self.eval_parts(segment, scope, segment[0]))
            segment = []
        return positional, named_fields

    # ----------------------------------------------------------------- matching

    def pattern_at(self, nodes: list[Node], where: Node) -> Pattern:
        """The pattern of a sibling list, read once per syntax node."""
        key = (where, nodes[0] if nodes else None)
        if key not in self.patterns:
            self.patterns[key] = read_pattern(nodes, where)
        return self.patterns[key]

    def matches(self, pattern: Pattern, value: Any, scope: Scope, binds: dict[str, Any], context: str) -> bool:
        """Whether `value` matches; the variables it declares are added to `binds`."""
        self.budget.step(*(p + 1 for p in pattern.node.start_point))
        if isinstance(pattern, IdentifierP):
            if pattern.name == "_":
                return True
            if context != MATCH or pattern.binds:
                binds[pattern.name] = value
                return True
            return dart_equals(self.lookup(pattern.name, scope, pattern.node), value)
        if isinstance(pattern, ConstantP):
            return dart_equals(self.constant(pattern, scope), value)
        if isinstance(pattern, VariableP):
            if pattern.type is not None and not self.has_type(value, pattern.type, pattern.nullable, pattern.node):
                return False
            if pattern.name != "_":
                binds[pattern.name] = value
            return True
        if isinstance(pattern, RelationalP):
            operand = self.eval(list(pattern.expr), scope)
            if pattern.op in ("==", "!="):
                return dart_equals(value, operand) == (pattern.op == "==")
            if value is None:
                return False
            return self.truth(self.apply_operator(pattern.op, value, operand, pattern.node), pattern.node)
        if isinstance(pattern, LogicalP):
            if pattern.op == "&&":
                return self.matches(pattern.left, value, scope, binds, context) and self.matches(
                    pattern.right, value, scope, binds, context
                )
            for side in (pattern.left, pattern.right):
                trial: dict[str, Any] = {}
                if self.matches(side, value, scope, trial, context):
                    binds.update(trial)
                    return True
            return False
        if isinstance(pattern, NullP):
            if value is None:
                if pattern.asserts:
                    raise self.error(pattern.node, "Null check operator used on a null value.", ErrorKind.RUNTIME)
                return False
            return self.matches(pattern.inner, value, scope, binds, context)
        if isinstance(pattern, CastP):
            if not self.has_type(value, pattern.type, pattern.nullable, pattern.node):
                raise self.error(
                    pattern.node,
                    f"type '{type_name(value)}' is not a subtype of type '{pattern.type}' in type cast.",
                    ErrorKind.RUNTIME,
                )
            return self.matches(pattern.inner, value, scope, binds, context)
        return self.matches_structure(pattern, value, scope, binds, context)

    def matches_structure(
        self, pattern: Pattern, value: Any, scope: Scope, binds: dict[str, Any], context: str
    ) -> bool:
        """Record, list, map and object patterns."""

        def all_match(pairs: list[tuple[Pattern, Any]]) -> bool:
            return all(self.matches(p, v, scope, binds, context) for p, v in pairs)

        if isinstance(pattern, RecordP):
            if (
                not isinstance(value, Record)
                or len(value.positional) != len(pattern.positional)
                or {n for n, _ in value.named} != {n for n, _ in pattern.named}
            ):
                return False
            fields = dict(value.named)
            return all_match(
                list(zip(pattern.positional, value.positional)) + [(p, fields[n]) for n, p in pattern.named]
            )
        if isinstance(pattern, ListP):
            fixed = len(pattern.before) + len(pattern.after)
            if not isinstance(value, list) or len(value) < fixed or (not pattern.has_rest and len(value) != fixed):
                return False
            tail = value[len(value) - len(pattern.after) :] if pattern.after else []
            pairs = list(zip(pattern.before, value)) + list(zip(pattern.after, tail))
            if pattern.rest is not None:
                pairs.append((pattern.rest, value[len(pattern.before) : len(value) - len(pattern.after)]))
            return all_match(pairs)
        if isinstance(pattern, MapP):
            if not isinstance(value, dict):
                return False
            pairs = []
            for key_nodes, sub in pattern.entries:
                key = self.eval(list(key_nodes), scope)
                if key not in value:
                    return False
                pairs.append((sub, value[key]))
            return all_match(pairs)
        if isinstance(pattern, ObjectP):
            if not self.has_type(value, pattern.type, False, pattern.node):
                return False
            return all_match([(sub, self.get_member(value, name, sub.node)) for name, sub in pattern.fields])
        raise self.error(pattern.node, "This pattern is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)

    def constant(self, pattern: ConstantP, scope: Scope) -> Any:
        parts = list(pattern.expr)
        if parts[0].type == "minus_operator":
            value = self.eval_parts(parts[1:], scope, pattern.node)
            return self.apply_operator("-", 0, value, pattern.node)
        if parts[0].type == "qualified":
            type_node, member = named(parts[0])[0], named(parts[0])[-1]
            return self.static_get(text(type_node), text(member), member)
        return self.eval_parts([p for p in parts if p.type != "const_builtin"], scope, pattern.node)

    def has_type(self, value: Any, wanted: str, nullable: bool, node: Node) -> bool:
        if value is None and nullable:
            return True
        return self.is_type(value, wanted, node)

    def bind_all(self, binds: dict[str, Any], scope: Scope, node: Node, context: str) -> None:
        for name, value in binds.items():
            if context == ASSIGN:
                self.assign(name, value, scope, node)
            else:
                scope.vars[name] = value

    def destructure(self, pattern: Pattern, value: Any, scope: Scope, context: str) -> None:
        """An irrefutable pattern (`final (a, b) = r;`, `(a, b) = (b, a);`): a value that doesn't match
        is the error Dart's type checker would report."""
        binds: dict[str, Any] = {}
        if not self.matches(pattern, value, scope, binds, context):
            raise self.error(
                pattern.node,
                f"The matched value of type '{type_name(value)}' isn't assignable to the pattern.",
                ErrorKind.RUNTIME,
            )
        self.bind_all(binds, scope, pattern.node, context)

    def _p_pattern_assignment(self, node: Node, scope: Scope) -> Any:
        equals = next(i for i, c in enumerate(node.children) if c.type == "=")
        value = self.eval_parts([c for c in node.children[equals + 1 :] if c.is_named], scope, node)
        self.destructure(read_pattern_node(named(node)[0]), value, scope, ASSIGN)
        return value

    def declare_pattern(self, declaration: Node, scope: Scope) -> None:
        """`final (x, y) = ...;` / `var [a, ...rest] = ...;`."""
        pattern_node = next(c for c in named(declaration) if c.type.endswith("_pattern"))
        equals = next(i for i, c in enumerate(declaration.children) if c.type == "=")
        value = self.eval_parts([c for c in declaration.children[equals + 1 :] if c.is_named], scope, declaration)
        self.destructure(read_pattern_node(pattern_node), value, scope, DECLARE)

    # ----------------------------------------------------------------- switch and if-case

    def case_matches(
        self, pattern_nodes: list[Node], guard: list[Node], value: Any, scope: Scope, where: Node
    ) -> Scope | None:
        """The scope of a matching case (its variables bound), or None; the guard sees the variables."""
        binds: dict[str, Any] = {}
        if not self.matches(self.pattern_at(pattern_nodes, where), value, scope, binds, MATCH):
            return None
        inner = Scope(scope)
        inner.vars.update(binds)
        if guard and not self.truth(self.eval_parts(guard, inner, where), where):
            return None
        return inner

    def if_case(self, node: Node, scope: Scope) -> Scope | None:
        """`if (x case P when g)`: the scope of the taken branch, or None."""
        children = [c for c in node.children if c.type not in SKIPPED]
        case_at = next(i for i, c in enumerate(children) if c.type == "case")
        opening = next(i for i, c in enumerate(children) if c.type == "(")
        closing = max(i for i, c in enumerate(children) if c.type == ")" and not c.is_named and i > case_at)
        value = self.eval_parts([c for c in children[opening + 1 : case_at] if c.is_named], scope, node)
        rest = children[case_at + 1 : closing]
        when = next((i for i, c in enumerate(rest) if c.type == "when" and not c.is_named), len(rest))
        return self.case_matches(rest[:when], [c for c in rest[when + 1 :] if c.is_named], value, scope, node)

    def switch_statement(self, node: Node, scope: Scope) -> Any:
        """The first case that matches runs its statements (empty cases share the next body); `break`
        ends the switch. Returns the `_Return` / loop signal of a statement, or None."""
        value = self.eval_node(node.child_by_field_name("condition"), scope)
        cases = [c for c in named(node.child_by_field_name("body")) if c.type.startswith("switch_statement_")]
        matched: Scope | None = None
        for case in cases:
            pattern, guard, body = split_case(case, ":")
            if matched is None:
                if case.type == "switch_statement_default":
                    matched = Scope(scope)
                else:
                    matched = self.case_matches(pattern, guard, value, scope, case)
            if matched is not None and body:
                return self.run_case(body, matched)
        return None

    def _p_switch_expression(self, node: Node, scope: Scope) -> Any:
        value = self.eval_node(node.child_by_field_name("condition"), scope)
        for case in field_groups(node, "body"):
            if case.type != "switch_expression_case":
                continue
            pattern, guard, result = split_case(case, "=>")
            matched = self.case_matches(pattern, guard, value, scope, case)
            if matched is not None:
                return self.eval_parts(result, matched, case)
        raise self.error(node, "No case of the switch expression matched.", ErrorKind.RUNTIME)

    def loop_pattern(self, parts: Node) -> Pattern | None:
        """The pattern of `for (final (a, b) in ...)`, if the loop declares one."""
        node = next((c for c in named(parts) if c.type.endswith("_pattern")), None)
        return read_pattern_node(node) if node is not None else None
