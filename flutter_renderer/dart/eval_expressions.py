"""Expressions, literals and operators.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

from typing import Any, Callable

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import dart_core
from flutter_renderer.dart.eval_base import EvaluatorBase
from flutter_renderer.dart.operators import (
    BINARY_NODES,
    Conditional,
    GenericCall,
    OperatorError,
    Tree,
    apply_operator,
    operator_tree,
    wrap64,
)
from flutter_renderer.dart.program import read_params
from flutter_renderer.dart.syntax import Node, field_groups, named, position, split_exprs, text, unescape
from flutter_renderer.dart.values import (
    EXCEPTION_SUPERTYPES,
    BoundMethod,
    DartException,
    FutureValue,
    Instance,
    Lambda,
    MapEntry,
    Props,
    Record,
    Scope,
    SuperRef,
    UserEnum,
    dart_str,
    type_name,
)
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue, IconValue


class ExpressionEvaluation(EvaluatorBase):
    """Expressions, literals and operators."""

    # ----------------------------------------------------------------- expressions

    def eval(self, nodes: list[Node], scope: Scope) -> Any:
        """Evaluate one expression given as a primary node and the selector nodes after it."""
        head = nodes[0]
        line, column = head.start_point
        self.budget.step(line + 1, column + 1)
        self.depth += 1
        try:
            if self.depth > self.budget.max_depth:
                raise self._too_deep(head)
            rest = nodes[1:]
            if head.type == "identifier" and rest and self._call_args(rest[0]) is not None:
                value = self.call_name(text(head), self._call_args(rest[0]), scope, head)  # type: ignore[arg-type]
                rest = rest[1:]
            else:
                value = self.primary(head, scope)
            return self.selectors(value, rest, scope)
        finally:
            self.depth -= 1

    def eval_node(self, node: Node, scope: Scope) -> Any:
        return self.eval([node], scope)

    def eval_parts(self, nodes: list[Node], scope: Scope, where: Node) -> Any:
        """Evaluate sibling nodes that must form exactly one expression."""
        groups = split_exprs(nodes)
        if len(groups) != 1:
            raise self.error(where, "Expected one expression.", ErrorKind.SYNTAX)
        return self.eval(groups[0], scope)

    @staticmethod
    def _call_args(node: Node) -> Node | None:
        """The `arguments` node when `node` is a call selector `(...)`, else None."""
        if node.type == "selector":
            part = node.named_children[0] if node.named_children else None
            if part is not None and part.type == "argument_part":
                return next((c for c in part.named_children if c.type == "arguments"), None)
        return None

    def primary(self, node: Node, scope: Scope) -> Any:
        kind = node.type
        handler: Callable[[Node, Scope], Any] | None = getattr(self, f"_p_{kind}", None)
        if handler is not None:
            return handler(node, scope)
        if kind in BINARY_NODES:
            return self.binary(node, scope)
        if kind in ("true", "false"):
            return kind == "true"
        if kind == "null_literal":
            return None
        if kind in ("decimal_integer_literal", "hex_integer_literal"):
            return self.int_literal(node)
        if kind == "decimal_floating_point_literal":
            return float(text(node).replace("_", ""))
        if kind == "identifier":
            return self.lookup(text(node), scope, node)
        if kind == "parenthesized_expression":
            return self.eval_parts(named(node), scope, node)
        if kind == "await_expression":  # async bodies never run (statements.run_body), so this one isn't async
            raise self.error(node, "The await expression can only be used in an async function.")
        raise self.error(
            node,
            f"The expression '{text(node)[:40]}' ({kind}) is not supported by the embedded renderer.",
            ErrorKind.UNSUPPORTED,
        )

    def int_literal(self, node: Node) -> int:
        digits = text(node).replace("_", "")
        hexadecimal = digits[:2].lower() == "0x"
        limit = 2**64 if hexadecimal else 2**63  # hex literals may use the sign bit
        too_big = self.error(node, f"The integer literal {digits[:24]} can't be represented in 64 bits.")
        if len(digits) > 20:
            raise too_big
        value = int(digits[2:], 16) if hexadecimal else int(digits)
        if value >= limit:
            raise too_big
        return wrap64(value)

    def _p_string_literal(self, node: Node, scope: Scope) -> str:
        source = node.text
        pieces: list[str] = []
        opener, raw = "", False  # the delimiter of the literal being read ("" = between literals)
        cursor = node.start_byte
        for child in node.children:
            quote = child.type.lstrip("r") if not child.is_named else ""
            # only the opening delimiter closes: "Don't" holds a ' that is text
            if quote in ("'", '"', "'''", '"""') and (not opener or quote == opener):
                if opener:
                    pieces.append(source[cursor - node.start_byte : child.start_byte - node.start_byte].decode())
                    opener = ""
                else:
                    opener, raw = quote, child.type.startswith("r")
            elif opener:
                pieces.append(source[cursor - node.start_byte : child.start_byte - node.start_byte].decode())
                if raw:
                    pieces.append(text(child))
                elif child.type == "escape_sequence":
                    pieces.append(unescape(text(child)))
                elif child.type == "template_substitution":
                    pieces.append(self.to_str(self._interpolate(child, scope), child))
                else:
                    pieces.append(text(child))
            cursor = child.end_byte
        return self.check_size("".join(pieces), node)

    def to_str(self, value: Any, node: Node) -> str:
        if isinstance(value, Instance) and any("toString" in c.methods for c in self.lineage(value.cls)):
            printed = self.call_member(value, "toString", None, Scope(), node, ([], {}))
            if isinstance(printed, str):
                return printed
        try:
            return dart_str(value, self.budget.max_string)
        except ValueError as exc:
            raise self.error(node, f"toString(): {exc}.", ErrorKind.RUNTIME) from None

    def _interpolate(self, node: Node, scope: Scope) -> Any:
        parts = named(node)
        if len(parts) == 1 and parts[0].type == "identifier_dollar_escaped":
            if text(parts[0]) == "this":
                return self._p_this(parts[0], scope)
            return self.lookup(text(parts[0]), scope, parts[0])
        return self.eval_parts(parts, scope, node)

    def _p_list_literal(self, node: Node, scope: Scope) -> list[Any]:
        items: list[Any] = []
        for group in split_exprs([c for c in named(node) if c.type not in ("type_arguments", "const_builtin")]):
            items.extend(self.element(group, scope))
            self.check_size(items, node)
        return items

    def element(self, group: list[Node], scope: Scope, in_map: bool = False) -> list[Any]:
        """The values one collection element adds: an expression, `if`, `for` or a spread. In a map
        literal the values are (key, value) pairs."""
        head = group[0]
        self.budget.step(*position(head))
        if head.type == "spread_element":
            nullable = any(c.type in ("...?", "?") for c in head.children)
            value = self.eval_parts(named(head), scope, head)
            if value is None and nullable:
                return []
            if in_map != isinstance(value, dict) or not isinstance(value, (list, dict)):
                where = "a map" if in_map else "a list or set"
                raise self.error(head, f"The type '{type_name(value)}' can't be spread into {where}.")
            return list(value.items()) if in_map else value
        if head.type == "if_element":
            if any(c.type == "case" and not c.is_named for c in head.children):
                matched = self.if_case(head, scope)
                branch, scope = ("consequence", matched) if matched is not None else ("alternative", scope)
            else:
                condition = [
                    c for i, c in enumerate(head.children) if c.is_named and head.field_name_for_child(i) is None
                ]
                branch = "consequence" if self.truth(self.eval_parts(condition, scope, head), head) else "alternative"
            nodes = field_groups(head, branch)
            return [v for g in split_exprs(nodes) for v in self.element(g, scope, in_map)] if nodes else []
        if head.type == "for_element":
            body = field_groups(head, "body")
            out: list[Any] = []
            for loop_scope in self.loop(named(head)[0], scope):
                for g in split_exprs(body):
                    out.extend(self.element(g, loop_scope, in_map))
                self.check_size(out, head)
            return out
        if head.type == "pair":
            if not in_map:
                raise self.error(head, "A map entry can't be used in a list or set literal.")
            key = self.eval_parts(field_groups(head, "key"), scope, head)
            return [(self.hashable(key, head), self.eval_parts(field_groups(head, "value"), scope, head))]
        if in_map:
            raise self.error(head, "Expected a map entry ('key: value') in a map literal.")
        return [self.eval(group, scope)]

    def _p_set_or_map_literal(self, node: Node, scope: Scope) -> Any:
        parts = [c for c in named(node) if c.type not in ("type_arguments", "const_builtin")]
        type_args = next((c for c in named(node) if c.type == "type_arguments"), None)
        type_count = len(named(type_args)) if type_args is not None else 0
        in_map = _has_pair(parts) or type_count == 2 or (not parts and type_count != 1)
        items = [v for g in split_exprs(parts) for v in self.element(g, scope, in_map)]
        if in_map:
            return self.check_size(dict(items), node)
        return self.check_size(list(dict.fromkeys(self.hashable(i, node) for i in items)), node)  # a set, ordered

    def hashable(self, value: Any, node: Node) -> Any:
        try:
            hash(value)
        except TypeError:
            raise self.error(
                node, f"A '{type_name(value)}' can't be a map key or set element here.", ErrorKind.UNSUPPORTED
            ) from None
        return value

    def _p_conditional_expression(self, node: Node, scope: Scope) -> Any:
        condition = [c for i, c in enumerate(node.children) if c.is_named and node.field_name_for_child(i) is None]
        branch = "consequence" if self.truth(self.eval_parts(condition, scope, node), node) else "alternative"
        return self.eval_parts(field_groups(node, branch), scope, node)

    def _p_unary_expression(self, node: Node, scope: Scope) -> Any:
        parts = named(node)
        if parts[0].type == "increment_operator":
            return self.increment(parts[1], text(parts[0]), scope, node, postfix=False)
        if parts[0].type != "prefix_operator":
            return self.eval_parts(parts, scope, node)
        op = text(parts[0])
        value = self.eval_parts(parts[1:], scope, node)
        if op == "!":
            return not self.truth(value, node)
        if op == "-" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
        if op == "-" and dart_core.duration_micros(value) is not None:
            return dart_core.duration(-(dart_core.duration_micros(value) or 0))
        if op == "~" and isinstance(value, int):
            return ~value
        raise self.error(node, f"The operator '{op}' isn't defined for the type '{type_name(value)}'.")

    def _p_type_test_expression(self, node: Node, scope: Scope) -> bool:
        parts = named(node)
        test = parts[-1]
        value = self.eval_parts(parts[:-1], scope, node)
        negated = "!" in text(test).split()[0]
        wanted = text(test).split()[-1].rstrip("?")
        return self.is_type(value, wanted, test) != negated

    def _p_type_cast_expression(self, node: Node, scope: Scope) -> Any:
        return self.eval_parts(named(node)[:-1], scope, node)

    def _p_function_expression(self, node: Node, scope: Scope) -> Lambda:
        params = read_params(node.child_by_field_name("parameters"))
        return Lambda(params, node.child_by_field_name("body"), scope, position(node)[0])

    def _p_const_object_expression(self, node: Node, scope: Scope) -> Any:
        parts = named(node)
        type_node = next((p for p in parts if p.type == "type_identifier"), None)
        if type_node is None:
            raise self.error(node, f"The expression '{text(node)[:40]}' is not supported.", ErrorKind.UNSUPPORTED)
        ctor = next((text(p) for p in parts if p.type == "identifier"), "")
        arguments = next((p for p in parts if p.type == "arguments"), None)
        args, kwargs = self.arguments(arguments, scope)
        return self.construct(text(type_node), ctor, args, kwargs, type_node, scope)

    _p_new_expression = _p_const_object_expression
    _p_constructor_invocation = _p_const_object_expression

    def _p_this(self, node: Node, scope: Scope) -> Any:
        if scope.this is None:
            raise self.error(node, "Invalid reference to 'this' expression.")
        return scope.this

    def _p_super(self, node: Node, scope: Scope) -> SuperRef:
        if not isinstance(scope.this, Instance) or not scope.owner:
            raise self.error(node, "Invalid context for 'super' invocation.")
        return SuperRef(scope.this, scope.owner)

    # ----------------------------------------------------------------- operators

    def binary(self, node: Node, scope: Scope) -> Any:
        return self._eval_tree(operator_tree(node), scope)

    def _eval_tree(self, tree: Tree, scope: Scope) -> Any:
        """Evaluate an operator tree; `??`, `&&` and `||` evaluate their right side only when needed."""
        if isinstance(tree, list):
            return self.eval_parts(tree, scope, tree[0]) if tree else None
        if isinstance(tree, GenericCall):
            return self.generic_call(tree, scope)
        if isinstance(tree, Conditional):
            branch = (
                tree.consequence
                if self.truth(self._eval_tree(tree.condition, scope), tree.consequence[0])
                else tree.alternative
            )
            return self.eval_parts(branch, scope, branch[0])
        (op, op_node), left_tree, right_tree = tree
        left = self._eval_tree(left_tree, scope)
        if op == "??":
            return left if left is not None else self._eval_tree(right_tree, scope)
        if op in ("&&", "||"):
            if self.truth(left, op_node) == (op == "||"):
                return op == "||"
            return self.truth(self._eval_tree(right_tree, scope), op_node)
        return self.apply_operator(op, left, self._eval_tree(right_tree, scope), op_node)

    def generic_call(self, call: GenericCall, scope: Scope) -> Any:
        first, rest = call.tail[0], call.tail[1:]
        if first.type == "dot_shorthand":  # Type<T>.name(...)
            value = self.eval(call.callee, scope)
            name_node = named(first)[0]
            arguments = self._call_args(rest[0]) if rest else None
            if arguments is not None:
                value, rest = self.call_member(value, text(name_node), arguments, scope, name_node), rest[1:]
            else:
                value = self.get_member(value, text(name_node), name_node)
            return self.selectors(value, rest, scope)
        if first.type == "record_literal":  # f<T>(a, b: c): the arguments were read as a record
            args = self.record_fields(first, scope)
        else:
            args = ([self.eval_parts(named(first), scope, first)], {})  # f<T>(x): exactly one argument
        *receiver, last = call.callee
        access = last.named_children[0] if last.type == "selector" and last.named_children else None
        if receiver and access is not None and access.type == "unconditional_assignable_selector":
            member = named(access)[0]
            value = self.call_member(self.eval(receiver, scope), text(member), None, scope, member, args)
        else:
            value = self.call(self.eval(call.callee, scope), *args, call.callee[0])
        return self.selectors(value, rest, scope)

    def apply_operator(self, op: str, left: Any, right: Any, node: Node) -> Any:
        try:
            return self.check_size(apply_operator(op, left, right, self.budget.max_string), node)
        except OperatorError as exc:
            raise (self.limit(node, str(exc)) if exc.limit else self.error(node, str(exc), exc.kind)) from None

    def truth(self, value: Any, node: Node) -> bool:
        if not isinstance(value, bool):
            raise self.error(
                node, f"A value of type '{type_name(value)}' can't be used as a condition (it isn't a 'bool')."
            )
        return value

    def is_type(self, value: Any, wanted: str, node: Node) -> bool:
        simple = {
            "int": int,
            "double": float,
            "num": (int, float),
            "String": str,
            "bool": bool,
            "List": list,
            "Map": dict,
            "Iterable": list,
            "Widget": DartObject,
            "Record": Record,
            "MapEntry": MapEntry,
            "Function": (Lambda, BoundMethod, Closure),
            "Color": ColorValue,
            "IconData": IconValue,
            "DateTime": dart_core.DateTimeValue,
        }
        if wanted in ("Object", "dynamic"):
            return value is not None
        if wanted == "Null":
            return value is None
        if wanted in simple:
            return isinstance(value, simple[wanted]) and (wanted == "bool" or not isinstance(value, bool))
        if wanted in self.program.classes:
            return isinstance(value, Instance) and wanted in [c.name for c in self.lineage(value.cls)]
        if wanted in self.program.enums:
            return isinstance(value, UserEnum) and value.type == wanted
        if isinstance(value, DartException) and wanted in EXCEPTION_SUPERTYPES:
            return value.is_a(wanted)
        if isinstance(value, (DartObject, Props, EnumValue, FutureValue)) and value.type == wanted:
            return True
        if wanted in EXCEPTION_SUPERTYPES:
            return False
        raise self.error(node, f"The type test 'is {wanted}' is not supported.", ErrorKind.UNSUPPORTED)


def _has_pair(elements: list[Node]) -> bool:
    """Whether a `{...}` literal is a map: one of its elements, or of their `if`/`for` bodies, is a pair."""
    stack = list(elements)
    while stack:
        node = stack.pop()
        if node.type == "pair":
            return True
        if node.type in ("if_element", "for_element"):
            stack.extend(named(node))
    return False
