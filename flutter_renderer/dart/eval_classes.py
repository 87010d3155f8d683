"""The file's own classes: instances, State objects and build(), and the values that leave as IR.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.ir import Closure, EnumValue
from flutter_renderer.dart.program import WIDGET_BASES, ClassDecl
from flutter_renderer.dart.syntax import Node, named, position, text
from flutter_renderer.dart.values import IR_LEAVES, BoundMethod, Instance, Lambda, Props, Scope, UserEnum, type_name
from flutter_renderer.dart.eval_base import BUILD_CONTEXT, EvaluatorBase


class ClassEvaluation(EvaluatorBase):
    """The file's own classes: instances, State objects and build(), and the values that leave as IR."""

    # ----------------------------------------------------------------- classes

    def instantiate(self, cls: ClassDecl, ctor_name: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        """Create an object of the file's own class; a widget is replaced by what its build returns."""
        ctor = cls.constructors.get(ctor_name)
        if ctor is not None and ctor.name == "factory":
            raise self.error(node, "Factory constructors are not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
        instance = Instance(cls)
        params_scope = Scope(None, instance)
        if ctor is not None:
            instance.fields.update(self.bind(ctor.params, args, kwargs, params_scope, node, cls.name))
        else:
            self.check_arguments(cls.name, 0, 0, set(), set(), args, kwargs, node)
        for owner in reversed(self.lineage(cls)):
            for name, init in owner.fields.items():
                if name not in instance.fields:
                    instance.fields[name] = self.eval(init, Scope(None, instance)) if init else None
        for entry in ctor.initializers if ctor is not None else []:
            parts = named(entry)
            if parts and parts[0].type == "field_initializer":
                target, *value = named(parts[0])
                instance.fields[text(target)] = self.eval_parts(value, params_scope, entry)
        base = self.widget_base(cls)
        if base in WIDGET_BASES:
            return self.build_widget(instance, base, node)
        return instance

    def build_widget(self, widget: Instance, base: str, node: Node) -> Any:
        target = widget
        if base == "StatefulWidget":
            target = self.call_member(widget, "createState", None, Scope(), node, ([], {}))
            if not isinstance(target, Instance) or self.widget_base(target.cls) != "State":
                raise self.error(node, f"'{widget.cls.name}.createState' must return a State.")
            target.fields["widget"] = widget
            for owner in self.lineage(target.cls):
                if "initState" in owner.methods:
                    self.invoke(owner.methods["initState"], target, [], {}, node)
                    break
        for owner in self.lineage(target.cls):
            if "build" in owner.methods:
                return self.invoke(owner.methods["build"], target, [BUILD_CONTEXT], {}, node)
        raise self.error(node, f"Missing concrete implementation of 'build' in '{target.cls.name}'.")

    # ----------------------------------------------------------------- output

    def to_ir(self, value: Any, node: Node) -> Any:
        """A runtime value as it may appear in the output tree."""
        if value is None or isinstance(value, (bool, int, float, str)) or isinstance(value, IR_LEAVES):
            return value
        if isinstance(value, (list, dict)):
            self.budget.node(*position(node))   # collections count towards the output tree's size
            if isinstance(value, list):
                return [self.to_ir(v, node) for v in value]
            return {self.to_ir(k, node): self.to_ir(v, node) for k, v in value.items()}
        if isinstance(value, (Lambda, BoundMethod)):
            return Closure(value.line)
        if isinstance(value, Props) and value.ir is not None:
            return value.ir
        if isinstance(value, UserEnum):   # a value a widget only compares (Radio.value, groupValue, map keys)
            return EnumValue(value.type, value.name)
        raise self.error(node, f"A value of type '{type_name(value)}' can't be passed to a Flutter widget here.")
