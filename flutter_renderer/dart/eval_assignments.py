"""Assignments and cascades: `x = v`, `a.b[i] += v`, `x ??= v`, `i++`, `++i`, `..add(x)`, `..field = v`.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`. Lists, maps and
the file's own objects change in place. A Flutter object (a `DartObject`, immutable in the IR)
changes by being replaced: `Paint()..color = c` is a Paint with that color, and `paint.color = c`
stores the new Paint back where `paint` came from. The front end doesn't know which Flutter
properties have setters, so it accepts any name there.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.eval_base import EvaluatorBase
from flutter_renderer.dart.syntax import SKIPPED, Node, field_groups, named, position, text
from flutter_renderer.dart.values import Instance, Record, Scope, as_declared, type_name
from flutter_renderer.ir import DartObject

# One step of a path from a value: ("get", name, node), ("index", key, node) or ("call", name, node,
# (args, kwargs)).
Step = tuple


class Assignment(EvaluatorBase):
    """Assignments and cascades."""

    # ----------------------------------------------------------------- assignments

    def _p_assignment_expression(self, node: Node, scope: Scope) -> Any:
        op = text(node.child_by_field_name("operator"))
        right_nodes = field_groups(node, "right")
        root, steps = self.target(named(node.child_by_field_name("left")), scope)
        if op == "=":
            value = self.eval_parts(right_nodes, scope, node)
        else:
            current = self.read_path(root, steps, scope, node)
            if op == "??=" and current is not None:
                return current
            right = self.eval_parts(right_nodes, scope, node)
            value = right if op == "??=" else self.apply_operator(op[:-1], current, right, node)
        self.write_path(root, steps, value, scope, node)
        return value

    def _p_postfix_expression(self, node: Node, scope: Scope) -> Any:
        if not any(c.type == "postfix_operator" for c in node.named_children):
            return self.eval_parts(named(node), scope, node)  # `List<int>.generate(...)` and its selectors
        target, op = named(node)
        return self.increment(target, text(op), scope, node, postfix=True)

    def increment(self, target: Node, op: str, scope: Scope, node: Node, postfix: bool) -> Any:
        """`i++` / `i--` (the old value) or `++i` / `--i` (the new one), on any assignable target."""
        root, steps = self.target(named(target), scope)
        current = self.read_path(root, steps, scope, node)
        updated = self.apply_operator(op[0], current, 1, node)
        self.write_path(root, steps, updated, scope, node)
        return current if postfix else updated

    def target(self, parts: list[Node], scope: Scope) -> tuple[Node, list[Step]]:
        """An assignable expression as its first node and the steps after it (indices evaluated now)."""
        return parts[0], self.steps(parts[1:], scope)

    def steps(self, selectors: list[Node], scope: Scope) -> list[Step]:
        """`.a`, `?.a`, `[i]`, `(args)` and `!` as steps; a call is merged into the name before it."""
        out: list[Step] = []
        for selector in selectors:
            inner = selector.named_children[0] if selector.type == "selector" and selector.named_children else selector
            if inner.type in (
                "unconditional_assignable_selector",
                "conditional_assignable_selector",
                "cascade_selector",
            ):
                member = named(inner)[0]
                if member.type == "index_selector":
                    out.append(("index", self.eval_parts(named(member), scope, member), member))
                else:
                    out.append(("get", text(member), member))
            elif inner.type == "index_selector":
                out.append(("index", self.eval_parts(named(inner), scope, inner), inner))
            elif inner.type == "argument_part":
                arguments = next((c for c in inner.named_children if c.type == "arguments"), None)
                if not out or out[-1][0] != "get":
                    raise self.error(
                        selector, "Only method calls can appear in an assignment target.", ErrorKind.UNSUPPORTED
                    )
                _, name, member = out.pop()
                out.append(("call", name, member, self.arguments(arguments, scope)))
            elif text(selector) != "!":
                raise self.error(
                    selector, f"The selector '{text(selector)[:30]}' can't be assigned to.", ErrorKind.UNSUPPORTED
                )
        return out

    def read_path(self, root: Node, steps: list[Step], scope: Scope, node: Node) -> Any:
        value = self.eval_node(root, scope) if root.type != "identifier" else self.lookup(text(root), scope, root)
        return self.follow(value, steps)

    def follow(self, value: Any, steps: list[Step]) -> Any:
        for step in steps:
            value = self.read_step(value, step)
        return value

    def read_step(self, value: Any, step: Step) -> Any:
        kind, key, at = step[0], step[1], step[2]
        if kind == "get":
            return self.get_member(value, key, at)
        if kind == "index":
            return self.index(value, key, at)
        return self.call_member(value, key, None, Scope(), at, step[3])

    def write_path(self, root: Node, steps: list[Step], value: Any, scope: Scope, node: Node) -> None:
        """Store `value` at the path; an immutable receiver that got replaced is stored back in turn."""
        if not steps:
            if root.type != "identifier":
                raise self.error(node, "Only variables, fields, properties and indices can be assigned to.")
            self.assign(text(root), value, scope, root)
            return
        receiver = self.read_path(root, [], scope, node)
        updated = self.store(receiver, steps, value, node)
        if updated is not receiver:
            if root.type == "this" or root.type != "identifier":
                raise self.error(node, "The changed Flutter object can't be stored back here.", ErrorKind.UNSUPPORTED)
            self.assign(text(root), updated, scope, root)

    def store(self, receiver: Any, steps: list[Step], value: Any, node: Node) -> Any:
        """Set `receiver.steps = value`; returns the receiver, or its replacement when it is immutable."""
        if len(steps) > 1:
            child = self.read_step(receiver, steps[0])
            updated = self.store(child, steps[1:], value, node)
            if updated is child:
                return receiver
            if steps[0][0] == "call":
                raise self.error(node, "The changed Flutter object can't be stored back here.", ErrorKind.UNSUPPORTED)
            return self.set_step(receiver, steps[0], updated)
        if steps[0][0] == "call":
            raise self.error(node, "A method call can't be assigned to.")
        return self.set_step(receiver, steps[0], value)

    def set_step(self, receiver: Any, step: Step, value: Any) -> Any:
        kind, key, at = step[0], step[1], step[2]
        if receiver is None:
            raise self.error(
                at, f"The setter '{key}' can't be unconditionally invoked because the receiver can be 'null'."
            )
        if kind == "index":
            return self.set_index(receiver, key, value, at)
        if isinstance(receiver, Instance):
            self.set_field(receiver, key, value, at)
            return receiver
        if isinstance(receiver, DartObject):
            self.budget.node(*position(at))
            return replace(receiver, kwargs={**receiver.kwargs, key: self.to_ir(value, at)})
        raise self.error(at, f"The setter '{key}' isn't defined for the type '{type_name(receiver)}'.")

    def set_index(self, receiver: Any, key: Any, value: Any, node: Node) -> Any:
        if isinstance(receiver, dict):
            receiver[self.hashable(key, node)] = value
            return self.check_size(receiver, node)
        if isinstance(receiver, list):
            if not isinstance(key, int) or isinstance(key, bool) or not 0 <= key < len(receiver):
                raise self.error(
                    node,
                    f"RangeError (index): Invalid value: Not in inclusive range 0..{len(receiver) - 1}: {key}",
                    ErrorKind.RUNTIME,
                )
            receiver[key] = value
            return receiver
        kind = ErrorKind.ANALYSIS if isinstance(receiver, (Record, str)) else ErrorKind.UNSUPPORTED
        raise self.error(node, f"The operator '[]=' isn't defined for the type '{type_name(receiver)}'.", kind)

    def set_field(self, instance: Instance, name: str, value: Any, node: Node) -> None:
        """`obj.name = value` on the file's own object: its setter, else its field."""
        for cls in self.lineage(instance.cls):
            if name in cls.setters:
                self.invoke(cls.setters[name], instance, [value], {}, node)
                return
        if not self.has_field(instance, name):
            raise self.error(node, f"The setter '{name}' isn't defined for the type '{instance.cls.name}'.")
        instance.fields[name] = as_declared(value, any(name in c.doubles for c in self.lineage(instance.cls)))

    def assign(self, name: str, value: Any, scope: Scope, node: Node) -> None:
        """`name = value`: a local, a field or setter of `this`, or a top-level variable."""
        holder = scope.find(name)
        if holder is not None:
            holder.vars[name] = as_declared(value, name in holder.doubles)
        elif isinstance(scope.this, Instance) and (
            self.has_field(scope.this, name) or any(name in c.setters for c in self.lineage(scope.this.cls))
        ):
            self.set_field(scope.this, name, value, node)
        elif name in self.program.variables:
            self.globals[name] = as_declared(value, name in self.program.doubles)
        else:
            raise self.error(node, f"The setter '{name}' isn't defined.")

    # ----------------------------------------------------------------- cascades

    def cascade(self, receiver: Any, sections: list[Node], scope: Scope) -> Any:
        """`receiver..a = 1..b()`: each section acts on the receiver; the value is the receiver
        (replaced, when it is a Flutter object a section changed). `?..` on null is null."""
        if sections and any(c.type == "?.." for c in sections[0].children) and receiver is None:
            return None
        for section in sections:
            self.budget.step(*position(section))
            children = [c for c in section.children if c.type not in ("..", "?..") and c.type not in SKIPPED]
            operator_at = next((i for i, c in enumerate(children) if not c.is_named and c.type.endswith("=")), None)
            selectors = children if operator_at is None else children[:operator_at]
            steps = self.steps([c for c in selectors if c.is_named], scope)
            if operator_at is None:
                self.follow(receiver, steps)
                continue
            op = children[operator_at].type
            value_nodes = [c for c in children[operator_at + 1 :] if c.is_named]
            if op != "=":
                current = self.follow(receiver, steps)
                if op == "??=" and current is not None:
                    continue
                right = self.eval_parts(value_nodes, scope, section)
                value = right if op == "??=" else self.apply_operator(op[:-1], current, right, section)
            else:
                value = self.eval_parts(value_nodes, scope, section)
            receiver = self.store(receiver, steps, value, section)
        return receiver
