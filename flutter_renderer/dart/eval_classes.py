"""The file's own classes: constructors of every kind, State objects and their lifecycle, mixins,
`late` fields, and the values that leave as IR.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import dart_core, first_frame, kinds
from flutter_renderer.dart.eval_base import BUILD_CONTEXT, EvaluatorBase
from flutter_renderer.dart.program import BUILT_BY_SUBCLASS, WIDGET_BASES, ClassDecl, FunctionDecl
from flutter_renderer.dart.syntax import Node, named, position, text
from flutter_renderer.dart.values import (
    IR_LEAVES,
    BoundMethod,
    FutureValue,
    Instance,
    Lambda,
    Props,
    Scope,
    TypeRef,
    UserEnum,
    as_declared,
    type_name,
)
from flutter_renderer.ir import Closure, DartObject, EnumValue

# Flutter classes a file's own class may extend whose objects change nothing in a still frame.
INVISIBLE_BASES = frozenset(
    ("MultiSelectableSelectionContainerDelegate", "SelectionContainerDelegate", "StaticSelectionContainerDelegate")
)
# what Flutter calls on a new State before its first build, in this order
STATE_LIFECYCLE = ("initState", "didChangeDependencies")


class ClassEvaluation(EvaluatorBase):
    """The file's own classes and the values that leave as IR."""

    # ----------------------------------------------------------------- construction

    def instantiate(self, cls: ClassDecl, ctor_name: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        """Create an object of the file's own class; a widget is replaced by what its build returns."""
        if cls.kind != "class":
            raise self.error(node, f"The {cls.kind} '{cls.name}' can't be instantiated.")
        ctor = cls.constructors.get(ctor_name)
        if ctor is not None and ctor.factory:
            return self.run_factory(cls, ctor, args, kwargs, node)
        instance = Instance(cls)
        self.initialize(instance, cls, ctor, args, kwargs, node)
        base = self.widget_base(cls)
        if base in WIDGET_BASES:
            return self.build_widget(instance, base, node)
        return instance

    def run_factory(
        self, cls: ClassDecl, ctor: FunctionDecl, args: list[Any], kwargs: dict[str, Any], node: Node
    ) -> Any:
        """`factory A.f(...) => ...` runs like a static method; `factory A.f(...) = B.g;` calls B.g."""
        if ctor.redirect is not None:
            after = ctor.redirect.children[[c.type for c in ctor.redirect.children].index("=") + 1 :]
            target = [text(c) for c in after if c.type in ("type_identifier", "identifier")]
            return self.construct(target[0], target[1] if len(target) > 1 else "", args, kwargs, node, None)
        return self.invoke(ctor, None, args, kwargs, node)

    def initialize(
        self,
        instance: Instance,
        cls: ClassDecl,
        ctor: FunctionDecl | None,
        args: list[Any],
        kwargs: dict[str, Any],
        node: Node,
    ) -> None:
        """Run one constructor on `instance` as Dart does: parameters, field initializers, the
        initializer list, the superclass's constructor, then the body."""
        params = Scope(None, instance, cls.name)
        if ctor is None:
            self.check_arguments(0, 0, set(), set(), args, kwargs, node)
            fields, supers = {}, ([], {})
        else:
            fields, supers = self.bind(ctor.params, args, kwargs, params, node)
            if ctor.redirect is not None:  # `A.named() : this(...)`
                parts = named(ctor.redirect)
                target = next((text(p) for p in parts if p.type == "identifier"), "")
                if target not in cls.constructors:
                    raise self.error(
                        ctor.redirect, f"Couldn't find constructor '{cls.name}{'.' + target if target else ''}'."
                    )
                redirected = self.arguments(next((p for p in parts if p.type == "arguments"), None), params)
                self.initialize(instance, cls, cls.constructors[target], *redirected, node)
                return
        for name, value in fields.items():
            self.set_own_field(instance, cls, name, value)
        for owner in [cls, *self.mixins_of(cls)]:
            for name, init in owner.fields.items():
                if name not in instance.fields and name not in owner.late:
                    value = self.eval(init, Scope(None, instance, owner.name)) if init else None
                    self.set_own_field(instance, owner, name, value)
        super_call: Node | None = None
        for entry in ctor.initializers if ctor is not None else []:
            parts = named(entry)
            if parts and parts[0].type == "field_initializer":
                target, *value = named(parts[0])
                self.set_own_field(instance, cls, text(target), self.eval_parts(value, params, entry))
            elif parts and parts[0].type == "super":
                super_call = entry
        self.initialize_super(instance, cls, super_call, supers, params, node)
        if ctor is not None and ctor.body is not None:
            self.run_body(ctor.body, Scope(params))

    def initialize_super(
        self,
        instance: Instance,
        cls: ClassDecl,
        call: Node | None,
        forwarded: tuple[list[Any], dict[str, Any]],
        scope: Scope,
        node: Node,
    ) -> None:
        """`super(...)` / `super.named(...)` (with `super.x` parameters forwarded), when the superclass
        is one of the file's classes; a Flutter widget superclass (WIDGET_BASES) keeps the widget's
        `key` (the field `Widget.key` that `build` may read), gets its arguments checked and keeps the
        fields BUILT_BY_SUBCLASS names (AnimatedWidget's `listenable`); other Flutter superclasses
        (State) need nothing."""
        parent = self.program.classes.get(cls.superclass)
        if parent is None and cls.superclass not in WIDGET_BASES:
            return
        name, args, kwargs = "", list(forwarded[0]), dict(forwarded[1])
        if call is not None:
            parts = named(call)
            name = next((text(p) for p in parts if p.type == "identifier"), "")
            explicit = self.arguments(next((p for p in parts if p.type == "arguments"), None), scope)
            args, kwargs = explicit[0] + args, {**explicit[1], **kwargs}
        if parent is None:
            instance.fields.setdefault("key", kwargs.get("key"))
            self.flutter_super(instance, cls.superclass, name, args, kwargs, call or node)
            return
        if name and name not in parent.constructors:
            raise self.error(call or node, f"Couldn't find constructor '{parent.name}.{name}'.")
        self.initialize(instance, parent, parent.constructors.get(name), args, kwargs, node)

    def flutter_super(
        self, instance: Instance, superclass: str, name: str, args: list[Any], kwargs: dict[str, Any], node: Node
    ) -> None:
        """The constructor of a Flutter superclass the file's class is built like (BUILT_BY_SUBCLASS):
        its arguments checked against Flutter's, the fields it sets stored on `instance`."""
        flutter = kinds.flutter_constructor(superclass, name)
        if flutter is None:
            raise self.error(node, f"Couldn't find constructor '{superclass}{'.' + name if name else ''}'.")
        self.check_arguments(
            flutter.min_positional, flutter.max_positional, flutter.named, flutter.required, args, kwargs, node
        )
        for field in BUILT_BY_SUBCLASS[superclass]:
            instance.fields[field] = kwargs.get(field)

    def set_own_field(self, instance: Instance, cls: ClassDecl, name: str, value: Any) -> None:
        instance.fields[name] = as_declared(value, name in cls.doubles)

    def mixins_of(self, cls: ClassDecl) -> list[ClassDecl]:
        return [self.program.classes[m] for m in cls.mixins if m in self.program.classes]

    def late_field(self, instance: Instance, name: str, node: Node) -> Any:
        """A `late` field read before it was set: its initializer runs now, once; without one, Dart
        throws."""
        for cls in self.lineage(instance.cls):
            if name in cls.late:
                init = cls.fields.get(name)
                if init is None:
                    raise self.error(
                        node, f"LateInitializationError: Field '{name}' has not been initialized.", ErrorKind.RUNTIME
                    )
                self.set_own_field(instance, cls, name, self.eval(init, Scope(None, instance, cls.name)))
                return instance.fields[name]
        raise self.error(node, f"The getter '{name}' isn't defined for the type '{instance.cls.name}'.")

    # ----------------------------------------------------------------- widgets

    def build_widget(self, widget: Instance, base: str, node: Node) -> Any:
        target = widget
        if base == "StatefulWidget":
            target = self.call_member(widget, "createState", None, Scope(), node, ([], {}))
            if not isinstance(target, Instance) or self.widget_base(target.cls) != "State":
                raise self.error(node, f"'{widget.cls.name}.createState' must return a State.")
            target.fields["widget"] = widget
            for hook in STATE_LIFECYCLE:
                method = self.find_method(target.cls, hook)
                if method is not None:
                    self.invoke(method, target, [], {}, node)
        build = self.find_method(target.cls, "build")
        if build is None:
            raise self.error(node, f"Missing concrete implementation of 'build' in '{target.cls.name}'.")
        return self.invoke(build, target, [BUILD_CONTEXT], {}, node)

    def find_method(self, cls: ClassDecl, name: str) -> FunctionDecl | None:
        return next((c.methods[name] for c in self.lineage(cls) if name in c.methods), None)

    # ----------------------------------------------------------------- output

    def state_interface(self, value: Any) -> str | None:
        """The WidgetStateProperty kind (`MaterialStateOutlinedBorder`, ...) an object of the file's own
        classes implements and resolves itself, or None."""
        if not isinstance(value, Instance) or self.find_method(value.cls, "resolve") is None:
            return None
        return next(
            (name for cls in self.lineage(value.cls) for name in cls.interfaces if name in first_frame.STATE_KINDS),
            None,
        )

    def to_ir(self, value: Any, node: Node) -> Any:
        """A runtime value as it may appear in the output tree."""
        if value is None or isinstance(value, (bool, int, float, str)) or isinstance(value, IR_LEAVES):
            return value
        if isinstance(value, (list, dict)):
            self.budget.node(*position(node))  # collections count towards the output tree's size
            if isinstance(value, list):
                return [self.to_ir(v, node) for v in value]
            return {self.to_ir(k, node): self.to_ir(v, node) for k, v in value.items()}
        if isinstance(value, (Lambda, BoundMethod)):
            return Closure(value.line)
        if isinstance(value, Props) and value.ir is not None:
            return value.ir
        if isinstance(value, dart_core.DateTimeValue):
            return DartObject("DateTime", "fromMicrosecondsSinceEpoch", (value.micros,), {"isUtc": value.utc})
        if isinstance(value, UserEnum):  # an enum of the file given to a widget (a Radio's value)
            return EnumValue(value.type, value.name)
        if isinstance(value, (TypeRef, FutureValue)):  # no widget parameter takes a Type, nor a Future here
            raise self.error(node, f"A value of type '{type_name(value)}' can't be passed to a Flutter widget here.")
        resolver = self.state_interface(value)
        if resolver is not None:
            # the file's own WidgetStateProperty: its `resolve` for every still state set, as resolveWith
            states = first_frame.state_sets("WidgetState" if resolver.startswith("Widget") else "MaterialState")
            values = [
                self.to_ir(self.call_member(value, "resolve", None, Scope(), node, ([s], {})), node) for s in states
            ]
            return DartObject(resolver, "resolveWith", (values,), line=position(node)[0], column=position(node)[1])
        if isinstance(value, Instance) and self.widget_base(value.cls) in INVISIBLE_BASES:
            # a delegate that only reacts to selection gestures: nothing of it shows at rest
            return DartObject(self.widget_base(value.cls), line=position(node)[0], column=position(node)[1])
        if isinstance(value, Instance) and self.widget_base(value.cls) not in ("", "Object"):
            raise self.error(
                node,
                f"'{value.cls.name}' extends the Flutter class '{self.widget_base(value.cls)}', which "
                "the embedded renderer can't draw.",
                ErrorKind.UNSUPPORTED,
            )
        # an enum value, object or theme the IR can't carry: valid where Flutter's parameter takes it
        # (`Radio<Choice>(value: Choice.a)`), and without parameter types it can't be called wrong
        raise self.error(
            node,
            f"A value of type '{type_name(value)}' passed to a Flutter widget is not supported "
            "by the embedded renderer.",
            ErrorKind.UNSUPPORTED,
        )
