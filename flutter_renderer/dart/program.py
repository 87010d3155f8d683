"""The declarations of one Dart file: imports, top-level variables and functions, classes, enums."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.syntax import Node, error_at, named, split_exprs, text
from flutter_renderer.flutter_names import flutter_names

# Flutter's widget classes a class of the file may extend to be built by its own `build`, with the
# fields their constructor sets from `super(...)` (AnimatedWidget's State only calls widget.build).
BUILT_BY_SUBCLASS: dict[str, tuple[str, ...]] = {
    "StatelessWidget": (),
    "StatefulWidget": (),
    "AnimatedWidget": ("listenable",),
}
WIDGET_BASES = frozenset(BUILT_BY_SUBCLASS)
ALLOWED_DART_LIBRARIES = frozenset(
    {"dart:core", "dart:math", "dart:ui", "dart:async", "dart:collection", "dart:convert"}
)
FORBIDDEN_DART_LIBRARIES = frozenset(
    {"dart:io", "dart:ffi", "dart:isolate", "dart:html", "dart:mirrors", "dart:js", "dart:js_interop"}
)
# real, harmless libraries the front end doesn't provide
OTHER_DART_LIBRARIES = frozenset(
    {
        "dart:typed_data",
        "dart:developer",
        "dart:js_util",
        "dart:ui_web",
        "dart:web_gl",
        "dart:indexed_db",
        "dart:svg",
        "dart:web_audio",
    }
)


@dataclass
class Param:
    """One formal parameter: `this.x` / `super.key` / plain, with its default expression."""

    name: str
    kind: str = "plain"  # "this" | "super" | "plain"
    default: list[Node] | None = None  # the default value's expression nodes
    double: bool = False  # declared `double`: an int literal passed becomes a double


@dataclass
class Params:
    positional: list[Param] = field(default_factory=list)
    required_positional: int = 0
    named: dict[str, Param] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)


@dataclass
class FunctionDecl:
    """A function, method, getter or constructor. `body` is a function_body (None when abstract)."""

    name: str
    params: Params
    body: Node | None
    node: Node
    initializers: list[Node] = field(default_factory=list)  # constructor `: x = e` entries
    factory: bool = False
    owner: str = ""  # the class a member belongs to, whose statics its code sees unqualified
    # `: this.named(...)` (a `redirection` node) or, for `factory A() = B.named;`, the signature itself
    redirect: Node | None = None


@dataclass
class ClassDecl:
    """A class, a mixin (`kind` "mixin"), an extension (`kind` "extension", `superclass` its `on` type) or
    the members of an enhanced enum (`kind` "enum")."""

    name: str
    superclass: str
    super_type_args: list[str]
    node: Node
    kind: str = "class"
    mixins: list[str] = field(default_factory=list)  # `with A, B`, in that order
    interfaces: list[str] = field(default_factory=list)  # `implements A, B`
    fields: dict[str, list[Node] | None] = field(default_factory=dict)  # instance field -> initializer
    statics: dict[str, list[Node] | None] = field(default_factory=dict)
    constructors: dict[str, FunctionDecl] = field(default_factory=dict)  # '' = unnamed
    methods: dict[str, FunctionDecl] = field(default_factory=dict)
    getters: dict[str, FunctionDecl] = field(default_factory=dict)
    setters: dict[str, FunctionDecl] = field(default_factory=dict)
    doubles: set[str] = field(default_factory=set)  # fields (instance or static) declared `double`
    constants: dict[str, Node | None] = field(default_factory=dict)  # an enhanced enum's: their arguments
    late: set[str] = field(default_factory=set)  # `late` instance fields

    @property
    def is_widget(self) -> bool:
        return self.superclass in WIDGET_BASES

    @property
    def is_state(self) -> bool:
        return self.superclass == "State"


@dataclass
class Program:
    classes: dict[str, ClassDecl] = field(default_factory=dict)  # classes and mixins
    extensions: dict[str, ClassDecl] = field(default_factory=dict)
    enums: dict[str, list[str]] = field(default_factory=dict)
    enum_classes: dict[str, ClassDecl] = field(default_factory=dict)  # enums with fields, constructors, methods
    functions: dict[str, FunctionDecl] = field(default_factory=dict)
    getters: dict[str, FunctionDecl] = field(default_factory=dict)
    variables: dict[str, list[Node] | None] = field(default_factory=dict)
    doubles: set[str] = field(default_factory=set)  # top-level variables declared `double`
    prefixes: dict[str, str] = field(default_factory=dict)  # `import 'dart:math' as m` -> m: dart:math
    unprefixed: set[str] = field(default_factory=set)  # libraries imported without a prefix


def _with_bodies(nodes: list) -> Iterator[tuple]:
    """Each node with the `function_body` that follows it, if any: the grammar makes a function's
    signature and its body siblings."""
    for index, node in enumerate(nodes):
        following = nodes[index + 1] if index + 1 < len(nodes) else None
        yield node, following if following is not None and following.type == "function_body" else None


def read_program(root: Node) -> Program:
    """Collect the file's declarations; rejects imports the renderer cannot provide and names
    declared twice."""
    program = Program()
    seen: set[str] = set()

    def declare(name: str, at: Node) -> str:
        if name in seen:
            raise error_at(at, ErrorKind.ANALYSIS, f"'{name}' is already declared in this scope.")
        seen.add(name)
        return name

    children = named(root)
    for index, (node, body) in enumerate(_with_bodies(children)):
        if node.type == "import_or_export":
            _read_import(node, program)
        elif node.type == "class_definition":
            cls = _read_class(node)
            program.classes[declare(cls.name, node)] = cls
        elif node.type == "enum_declaration":
            name = declare(text(node.child_by_field_name("name")), node)
            body_node = node.child_by_field_name("body")
            constants = [c for c in named(body_node) if c.type == "enum_constant"]
            program.enums[name] = [text(c.child_by_field_name("name")) for c in constants]
            if any(c.type in ("declaration", "method_signature") for c in named(body_node)):
                enum = ClassDecl(name, "", [], node, kind="enum")
                _read_members(body_node, enum)
                for constant in constants:
                    part = next((c for c in named(constant) if c.type == "argument_part"), None)
                    arguments = next((c for c in named(part) if c.type == "arguments"), None) if part else None
                    enum.constants[text(constant.child_by_field_name("name"))] = arguments
                program.enum_classes[name] = enum
        elif node.type == "function_signature":
            fn = _read_function(node, body)
            program.functions[declare(fn.name, node)] = fn
        elif node.type == "getter_signature":
            name = declare(text(node.child_by_field_name("name")), node)
            program.getters[name] = FunctionDecl(name, Params(), body, node)
        elif node.type in ("static_final_declaration_list", "initialized_identifier_list"):
            typed_double = declares_double(children[index - 1 : index])  # the type is the sibling before
            for name, init in _read_variables(node).items():
                program.variables[declare(name, node)] = init
                if typed_double:
                    program.doubles.add(name)
        elif node.type == "mixin_declaration":
            mixin = _read_mixin(node)
            program.classes[declare(mixin.name, node)] = mixin
        elif node.type == "extension_declaration":
            extension = _read_extension(node, len(program.extensions))
            program.extensions[declare(extension.name, node)] = extension
        elif node.type == "extension_type_declaration":
            raise error_at(
                node, ErrorKind.UNSUPPORTED, "'extension type' declarations are not supported by the embedded renderer."
            )
    return program


def _read_import(node: Node, program: Program) -> None:
    uri_node = next((d for d in _descendants(node) if d.type == "uri"), None)
    if uri_node is None:
        return
    uri = text(uri_node).strip("'\"")
    if uri in FORBIDDEN_DART_LIBRARIES:
        raise error_at(
            uri_node, ErrorKind.UNSUPPORTED, f"The library '{uri}' is not available in the embedded renderer."
        )
    if uri.startswith("dart:"):
        if uri in OTHER_DART_LIBRARIES:
            raise error_at(
                uri_node, ErrorKind.UNSUPPORTED, f"The library '{uri}' is not available in the embedded renderer."
            )
        if uri not in ALLOWED_DART_LIBRARIES:
            if flutter_names().get(uri) is not None:  # a real Dart library, e.g. dart:typed_data
                raise error_at(
                    uri_node, ErrorKind.UNSUPPORTED, f"The library '{uri}' is not available in the embedded renderer."
                )
            raise error_at(uri_node, ErrorKind.ANALYSIS, f"Not found: '{uri}'")
    elif uri.startswith("package:"):
        package = uri[len("package:") :].split("/", 1)[0]
        if flutter_names().get(f"package:{package}") is not None:  # Flutter's own dependencies resolve
            raise error_at(
                uri_node, ErrorKind.UNSUPPORTED, f"The library '{uri}' is not available in the embedded renderer."
            )
        if package != "flutter":
            raise error_at(uri_node, ErrorKind.ANALYSIS, f"Couldn't resolve the package '{package}' in '{uri}'.")
    else:
        raise error_at(uri_node, ErrorKind.ANALYSIS, f"Error when reading '{uri}': No such file or directory")
    spec = next((d for d in _descendants(node) if d.type == "import_specification"), None)
    if spec is not None:
        names = [c for c in named(spec) if c.type == "identifier"]
        if names:
            program.prefixes[text(names[-1])] = uri
            return
    program.unprefixed.add(uri)


def _descendants(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.children)
    return out


def _read_variables(node: Node) -> dict[str, list[Node] | None]:
    """`a = 1, b` under an initialized_identifier_list / static_final_declaration_list."""
    variables = {}
    for item in named(node):
        parts = named(item)
        if parts and parts[0].type == "identifier":
            exprs = split_exprs(parts[1:])
            variables[text(parts[0])] = exprs[0] if exprs else None
    return variables


def read_params(param_list: Node | None) -> Params:
    """The formal parameters of a function, constructor or function literal."""
    params = Params()
    if param_list is None:
        return params
    for child in named(param_list):
        if child.type == "formal_parameter":
            params.positional.append(_read_param(child))
            params.required_positional += 1
        elif child.type == "optional_formal_parameters":
            is_named = any(c.type == "{" for c in child.children)
            pending_required = False
            current: Param | None = None
            for part in child.children:
                if part.type == "required":
                    pending_required = True
                elif part.type == "formal_parameter":
                    current = _read_param(part)
                    if is_named:
                        params.named[current.name] = current
                        if pending_required:
                            params.required.add(current.name)
                    else:
                        params.positional.append(current)
                    pending_required = False
                elif part.is_named and current is not None and part.type not in ("comment",):
                    if current.default is None:
                        current.default = [part]
                    else:
                        current.default.append(part)
    return params


def _read_param(node: Node) -> Param:
    for child in named(node):
        if child.type in ("constructor_param", "super_formal_parameter"):
            name = [c for c in named(child) if c.type == "identifier"][-1]
            return Param(text(name), "this" if child.type == "constructor_param" else "super")
    name_node = node.child_by_field_name("name")
    if name_node is None:
        identifiers = [c for c in named(node) if c.type == "identifier"]
        name_node = identifiers[-1] if identifiers else node
    return Param(text(name_node), double=declares_double(named(node)))


def declares_double(nodes: list[Node]) -> bool:
    """Whether these sibling nodes declare the type `double` (or `double?`)."""
    return any(c.type == "type_identifier" and text(c) == "double" for c in nodes)


def _read_function(signature: Node, body: Node | None) -> FunctionDecl:
    name = signature.child_by_field_name("name")
    params = next((c for c in named(signature) if c.type == "formal_parameter_list"), None)
    return FunctionDecl(text(name) if name is not None else "", read_params(params), body, signature)


def _read_class(node: Node) -> ClassDecl:
    superclass_node = node.child_by_field_name("superclass")
    superclass, type_args, mixins = "", [], []
    if superclass_node is not None:
        types = [c for c in named(superclass_node) if c.type == "type_identifier"]
        superclass = text(types[0]) if types else ""
        args = next((c for c in named(superclass_node) if c.type == "type_arguments"), None)
        type_args = [text(c) for c in named(args)] if args is not None else []
        with_clause = next((c for c in named(superclass_node) if c.type == "mixins"), None)
        mixins = [text(c) for c in named(with_clause) if c.type == "type_identifier"] if with_clause is not None else []
    name = node.child_by_field_name("name")
    if name is None:
        raise error_at(
            node,
            ErrorKind.UNSUPPORTED,
            "Mixin application classes ('class B = A with M;') are not supported by the embedded renderer.",
        )
    implements = next((c for c in named(node) if c.type == "interfaces"), None)
    interfaces = [text(c) for c in named(implements) if c.type == "type_identifier"] if implements is not None else []
    cls = ClassDecl(text(name), superclass, type_args, node, mixins=mixins, interfaces=interfaces)
    _read_members(node.child_by_field_name("body"), cls)
    return cls


def _read_mixin(node: Node) -> ClassDecl:
    """`mixin M on State<X> { ... }`: its `on` types only constrain where it applies."""
    name = next(c for c in named(node) if c.type == "identifier")
    mixin = ClassDecl(text(name), "", [], node, kind="mixin")
    _read_members(next((c for c in named(node) if c.type == "class_body"), None), mixin)
    return mixin


def _read_extension(node: Node, index: int) -> ClassDecl:
    """`extension E on T { ... }`; an unnamed one is called `<extension N>`. `superclass` holds T
    without type arguments."""
    name = node.child_by_field_name("name")
    on = node.child_by_field_name("class")
    extension = ClassDecl(
        text(name) if name is not None else f"<extension {index}>",
        text(on).split("<")[0].rstrip("?") if on is not None else "",
        [],
        node,
        kind="extension",
    )
    _read_members(node.child_by_field_name("body"), extension)
    return extension


def _read_members(body: Node | None, cls: ClassDecl) -> None:
    members = named(body) if body is not None else []
    for member, function_body in _with_bodies(members):
        if member.type == "declaration":
            _read_declaration(member, cls)
        elif member.type == "method_signature":
            _read_method(member, function_body, cls)
    for group in (cls.constructors, cls.methods, cls.getters, cls.setters):
        for fn in group.values():
            fn.owner = cls.name


def _read_declaration(node: Node, cls: ClassDecl) -> None:
    parts = named(node)
    is_static = any(c.type == "static" for c in node.children)
    for part in parts:
        if part.type in ("constructor_signature", "constant_constructor_signature"):
            _add_constructor(part, None, cls, node)
        elif part.type in ("factory_constructor_signature", "redirecting_factory_constructor_signature"):
            _add_factory(part, None, cls)
        elif part.type in ("function_signature", "getter_signature", "setter_signature"):
            _read_method(node, None, cls)  # abstract
        elif part.type in ("initialized_identifier_list", "static_final_declaration_list"):
            variables = _read_variables(part)
            (cls.statics if is_static else cls.fields).update(variables)
            if declares_double(parts):
                cls.doubles.update(variables)
            if any(c.type == "late" for c in node.children):
                cls.late.update(variables)


def _constructor_name(signature: Node, cls: ClassDecl) -> str:
    identifiers = [text(c) for c in named(signature) if c.type == "identifier"]
    return identifiers[1] if len(identifiers) > 1 and identifiers[0] == cls.name else ""


def _is_constructor(signature: Node, cls: ClassDecl) -> bool:
    """A `name(...)` signature without a return type is a constructor only when it has the class's
    name; `_onScroll() {` is a method whose return type was left out."""
    first = next((c for c in named(signature) if c.type == "identifier"), None)
    return first is not None and text(first) == cls.name


def _add_constructor(signature: Node, body: Node | None, cls: ClassDecl, declaration: Node) -> None:
    params = next((c for c in named(signature) if c.type == "formal_parameter_list"), None)
    if not _is_constructor(signature, cls):
        name = text(next(c for c in named(signature) if c.type == "identifier"))
        cls.methods[name] = FunctionDecl(name, read_params(params), body, signature)
        return
    initializers = next((c for c in named(declaration) if c.type == "initializers"), None)
    entries = [e for e in named(initializers)] if initializers is not None else []
    redirect = next((c for c in named(declaration) if c.type == "redirection"), None)
    cls.constructors[_constructor_name(signature, cls)] = FunctionDecl(
        cls.name, read_params(params), body, signature, entries, redirect=redirect
    )


def _add_factory(signature: Node, body: Node | None, cls: ClassDecl) -> None:
    params = next((c for c in named(signature) if c.type == "formal_parameter_list"), None)
    redirecting = signature.type == "redirecting_factory_constructor_signature"
    cls.constructors[_constructor_name(signature, cls)] = FunctionDecl(
        cls.name, read_params(params), body, signature, factory=True, redirect=signature if redirecting else None
    )


def _read_method(signature: Node, body: Node | None, cls: ClassDecl) -> None:
    for part in named(signature):
        if part.type == "function_signature":
            fn = _read_function(part, body)
            cls.methods[fn.name] = fn
        elif part.type == "getter_signature":
            fn_name = text(part.child_by_field_name("name"))
            cls.getters[fn_name] = FunctionDecl(fn_name, Params(), body, part)
        elif part.type == "setter_signature":
            fn_name = text(part.child_by_field_name("name"))
            params = next((c for c in named(part) if c.type == "formal_parameter_list"), None)
            cls.setters[fn_name] = FunctionDecl(fn_name, read_params(params), body, part)
        elif part.type in ("constructor_signature", "constant_constructor_signature"):
            _add_constructor(part, body, cls, signature)
        elif part.type == "factory_constructor_signature":
            _add_factory(part, body, cls)
        elif part.type == "operator_signature" and _operator_symbol(part) == "[]":
            params = next((c for c in named(part) if c.type == "formal_parameter_list"), None)
            cls.methods[INDEX_OPERATOR] = FunctionDecl(INDEX_OPERATOR, read_params(params), body, part)


# The name a class's `operator []` is stored under (no Dart identifier can clash with it).
INDEX_OPERATOR = "operator[]"


def _operator_symbol(signature: Node) -> str:
    """The operator an `operator_signature` declares: the tokens between `operator` and its parameters."""
    tokens = [c for c in signature.children if c.type != "formal_parameter_list"]
    start = next((i for i, c in enumerate(tokens) if c.type == "operator"), len(tokens))
    return "".join(text(c) for c in tokens[start + 1 :])
