"""Dart's binary operators: re-parsing operator chains with Dart's precedence, and applying them.

tree-sitter-dart nests mixed operator chains in the wrong order (`1 + 2 * 3 - 4 < 5` comes out as
`1 + (2 * 3 - (4 < 5))`), so a chain is flattened into operands and operators and parsed again here.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import dart_core
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.syntax import Node, field_groups, text
from flutter_renderer.dart.values import type_name

BINARY_NODES = frozenset(
    {
        "additive_expression",
        "multiplicative_expression",
        "relational_expression",
        "equality_expression",
        "logical_and_expression",
        "logical_or_expression",
        "if_null_expression",
        "bitwise_and_expression",
        "bitwise_or_expression",
        "bitwise_xor_expression",
        "shift_expression",
    }
)
# low to high
PRECEDENCE = {
    "??": 1,
    "||": 2,
    "&&": 3,
    "==": 4,
    "!=": 4,
    "<": 5,
    ">": 5,
    "<=": 5,
    ">=": 5,
    "|": 6,
    "^": 7,
    "&": 8,
    "<<": 9,
    ">>": 9,
    ">>>": 9,
    "+": 10,
    "-": 10,
    "*": 11,
    "/": 11,
    "%": 11,
    "~/": 11,
}
INT64 = 1 << 64
_ARITHMETIC = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
}
_BITWISE = {
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
    "<<": operator.lshift,
    ">>": operator.rshift,
    ">>>": lambda a, b: (a % INT64) >> b,
}

# An operand is the list of sibling nodes forming one expression (or a GenericCall); an operation
# is ((operator, operator node), left, right).
Tree = Any


class OperatorError(Exception):
    """An operator that can't apply to its operands; the evaluator adds the source position."""

    def __init__(self, message: str, kind: ErrorKind = ErrorKind.ANALYSIS, limit: bool = False) -> None:
        super().__init__(message)
        self.kind = kind
        self.limit = limit  # a Budget limit, not a Dart exception


def wrap64(value: int) -> int:
    """Dart ints are 64-bit; wrapping also stops big-int growth from eating memory."""
    value %= INT64
    return value - INT64 if value >= INT64 >> 1 else value


@dataclass(frozen=True)
class GenericCall:
    """`items.map<Widget>((e) => ...)` / `List<int>.generate(...)` / `Foo<T>(a, b: c)`: tree-sitter-dart
    reads a generic call as `items.map < Widget > (...)` (the arguments as a parenthesized expression
    or a record); this is that call, put back together."""

    callee: list[Node]  # `items`, `.map`
    tail: list[Node]  # `(argument)` or `.generate`, then the selectors after the call


@dataclass(frozen=True)
class Conditional:
    """`a + b > c ? x : y`, which tree-sitter-dart nests as `a + (b > c ? x : y)`: the conditional
    binds loosest, so the whole chain is its condition."""

    condition: Tree
    consequence: list[Node]
    alternative: list[Node]


def operator_tree(node: Node) -> Tree:
    """The chain under `node` as a tree that follows Dart's precedence (left-associative)."""
    tokens = _join_generic_calls(_flatten(node))
    last = tokens[-1]
    if len(tokens) > 1 and isinstance(last, list) and len(last) == 1 and last[0].type == "conditional_expression":
        conditional = last[0]
        condition = [
            c
            for i, c in enumerate(conditional.children)
            if c.is_named and conditional.field_name_for_child(i) is None and c.type != "comment"
        ]
        inner = _flatten(condition[0]) if len(condition) == 1 and condition[0].type in BINARY_NODES else [condition]
        return Conditional(
            _parse(tokens[:-1] + inner),
            field_groups(conditional, "consequence"),
            field_groups(conditional, "alternative"),
        )
    return _parse(tokens)


def _parse(tokens: list[Any]) -> Tree:
    cursor = 0

    def parse(min_precedence: int) -> Tree:
        nonlocal cursor
        left = tokens[cursor]
        cursor += 1
        while cursor < len(tokens):
            op = tokens[cursor]
            precedence = PRECEDENCE[op[0]]
            if precedence < min_precedence:
                break
            cursor += 1
            left = (op, left, parse(precedence + 1))
        return left

    return parse(1)


def _flatten(node: Node) -> list[Any]:
    """Operands (node lists) and (operator, node) pairs, with nested chains spliced in."""
    tokens: list[Any] = []
    operand: list[Node] = []

    def close_operand() -> None:
        if len(operand) == 1 and operand[0].type in BINARY_NODES:
            tokens.extend(_flatten(operand[0]))
        else:
            tokens.append(list(operand))

    for child in node.children:
        op = _operator(child)
        if op is not None:
            close_operand()
            tokens.append((op, child))
            operand = []
        elif child.is_named and child.type != "comment":
            operand.append(child)
    close_operand()
    return tokens


def _join_generic_calls(tokens: list[Any]) -> list[Any]:
    """Replace `A < T > (x)` and `A < T > .name(...)` (T a single type name) by a GenericCall."""
    out: list[Any] = []
    i = 0
    while i < len(tokens):
        window = tokens[i : i + 5]
        if (
            len(window) == 5
            and window[1][0] == "<"
            and window[3][0] == ">"
            and _is_type(window[2])
            and window[4]
            and window[4][0].type in ("parenthesized_expression", "record_literal", "dot_shorthand")
        ):
            out.append(GenericCall(window[0], window[4]))
            i += 5
        else:
            out.append(tokens[i])
            i += 1
    return out


def _is_type(operand: Any) -> bool:
    if not isinstance(operand, list) or len(operand) != 1 or operand[0].type not in ("identifier", "type_identifier"):
        return False
    name = text(operand[0])
    return name[:1].isupper() or name in ("int", "double", "num", "bool", "dynamic", "void")


def _operator(node: Node) -> str | None:
    if node.type.endswith("_operator") and node.type not in ("prefix_operator", "postfix_operator"):
        return text(node)
    if not node.is_named and node.type in PRECEDENCE:
        return node.type
    return None


def apply_operator(op: str, left: Any, right: Any, max_string: int) -> Any:
    """`left op right` for every operator but the short-circuiting `&&`, `||` and `??`."""
    if op in ("==", "!="):
        return dart_equals(left, right) == (op == "==")
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right)):
        return _number_operator(op, left, right)
    if op == "+" and type(left) is type(right) and isinstance(left, (str, list)):
        return left + right
    if op == "*" and isinstance(left, str) and isinstance(right, int) and not isinstance(right, bool):
        if len(left) * max(right, 0) > max_string:
            raise OperatorError(f"A string of more than {max_string} characters.", ErrorKind.RUNTIME, limit=True)
        return left * right
    micros = dart_core.duration_micros(left)
    if micros is not None:
        try:
            result = dart_core.duration_operator(op, micros, right)
        except dart_core.CoreError as exc:
            raise OperatorError(str(exc), exc.kind) from None
        if result is not MISSING:
            return result
    if left is None:
        raise OperatorError(f"The operator '{op}' can't be unconditionally invoked because the receiver can be 'null'.")
    raise OperatorError(f"The operator '{op}' isn't defined for the type '{type_name(left)}' and '{type_name(right)}'.")


def dart_equals(left: Any, right: Any) -> bool:
    """Dart's `==`: a bool is never equal to a number, Durations are equal when equally long."""
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    micros = dart_core.duration_micros(left)
    if micros is not None:
        return micros == dart_core.duration_micros(right)
    return bool(left == right)


def _number_operator(op: str, left: float, right: float) -> Any:
    both_int = isinstance(left, int) and isinstance(right, int)
    if op == "/":
        if right == 0:
            return math.nan if left == 0 else math.copysign(math.inf, left)
        return left / right
    if op in ("~/", "%") and right == 0:
        raise OperatorError("IntegerDivisionByZeroException", ErrorKind.RUNTIME)
    if op == "~/":
        if both_int:
            sign = 1 if (left < 0) == (right < 0) else -1
            return wrap64(abs(left) // abs(right) * sign)
        quotient = left / right
        if not math.isfinite(quotient):
            raise OperatorError(f"Unsupported operation: {quotient}.toInt()", ErrorKind.RUNTIME)
        return wrap64(int(quotient))
    if op == "%":
        return left % abs(right)
    if op in _BITWISE:
        if not both_int:
            raise OperatorError(f"The operator '{op}' isn't defined for the type 'double'.")
        if op in ("<<", ">>", ">>>") and not 0 <= right < 64:
            return 0 if op != ">>" or left >= 0 else -1
        return wrap64(_BITWISE[op](left, right))
    if op not in _ARITHMETIC:
        raise OperatorError(f"The operator '{op}' isn't defined for the type 'num'.")
    result = _ARITHMETIC[op](left, right)
    return wrap64(result) if isinstance(result, int) and not isinstance(result, bool) else result
