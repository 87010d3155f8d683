"""The kind of an error about something the renderer doesn't implement: valid Flutter or not.

The front end implements part of Flutter (the catalog, flutter_api). For any other name, member or
argument it asks the index of Flutter's public API (`flutter_renderer.flutter_names`): if Flutter
has it, the sample is valid Flutter that this renderer cannot draw yet (UNSUPPORTED); if Flutter
doesn't have it, or the file doesn't import the library that exports it, or the call doesn't fit
Flutter's own constructor, the code is wrong and the error is the analyzer's (ANALYSIS). Where the
index can't tell (the partial lists of dart:ui and dart:core), the error stays ANALYSIS.
"""

from __future__ import annotations

import re
from typing import Collection, Sequence

from flutter_renderer.api import ErrorKind
from flutter_renderer.catalog import Signature
from flutter_renderer.dart.program import Program
from flutter_renderer.flutter_names import Constructor, flutter_names, library_of

# declarations a name can be used as a type of (`T(...)`, `T.member`)
TYPE_KINDS = frozenset({"class", "mixin", "enum", "extension", "typedef"})
_UNKNOWN_PARAMETER = re.compile(r"The named parameter '(\w+)' isn't defined")


def valid_flutter(what: str) -> str:
    """The message of an UNSUPPORTED error for valid Flutter the renderer doesn't implement."""
    return f"'{what}' is valid Flutter that the embedded renderer cannot draw yet."


def imported(program: Program) -> set[str]:
    """The library ids (`material`, `dart:ui`, ...) the file imports without a prefix."""
    return {library_of(uri) for uri in program.unprefixed}


def is_flutter_type(name: str, program: Program) -> bool:
    """Whether `name` is a type of Flutter's API (or Dart's) that the file's imports make visible."""
    names = flutter_names()
    decl = names.get(name)
    return decl is not None and decl.kind in TYPE_KINDS and names.visible(name, imported(program))


def visible(name: str, program: Program) -> bool:
    """Whether the file's imports make the top-level Flutter name `name` visible."""
    return flutter_names().visible(name, imported(program))


def name_kind(name: str, program: Program) -> ErrorKind:
    """An unknown top-level name: UNSUPPORTED when the file's imports make it a Flutter name."""
    return ErrorKind.UNSUPPORTED if visible(name, program) else ErrorKind.ANALYSIS


def type_known(name: str) -> bool:
    """Whether the index has the type `name` at all (so its members can be checked)."""
    return flutter_names().get(name) is not None


def static_exists(owner: str, member: str, program: Program) -> bool:
    """Whether `Owner.member` is in Flutter: a static member, enum value or named constructor, or a
    name of the library imported with the prefix `Owner` (`ui.Color`)."""
    names = flutter_names()
    # the front end calls dart:math's prefix `math` whatever the file names it
    prefix = program.prefixes.get(owner) or ("dart:math" if owner == "math" else None)
    if prefix is not None:
        return library_of(prefix) in names.libraries.get(member, frozenset())
    return names.has_static(owner, member) is True


def member_exists(type_name: str, member: str) -> bool:
    """Whether instances of the Flutter (or Dart) type `type_name` have `member`."""
    return flutter_names().has_member(type_name, member) is True


def flutter_constructor(type_name: str, ctor: str) -> Constructor | None:
    """Flutter's constructor `type_name.ctor`, if the index has it."""
    return flutter_names().constructor(type_name, ctor)


def argument_error(
    least: int, most: int, named: Collection[str], required: Collection[str], positional: int, labels: Sequence[str]
) -> str | None:
    """The analyzer's first complaint about a call's arguments, or None when they fit."""
    if positional > most:
        return f"Too many positional arguments: {most} expected, but {positional} found."
    if positional < least:
        return f"Too few positional arguments: {least} required, {positional} given."
    for label in labels:
        if label not in named:
            return f"The named parameter '{label}' isn't defined."
    for name in sorted(set(required) - set(labels)):
        return f"The named parameter '{name}' is required, but there's no corresponding argument."
    return None


def signature_error(signature: Signature, positional: int, labels: Sequence[str]) -> str | None:
    """`argument_error` against a catalog signature."""
    most = len(signature.positional)
    return argument_error(
        most - signature.optional_positional, most, signature.named, signature.required, positional, labels
    )


def call_error(
    type_name: str, ctor: str, catalog_error: str, positional: int, labels: Sequence[str]
) -> tuple[ErrorKind, str]:
    """A constructor call the catalog's signature rejects: ANALYSIS with the analyzer's message if it
    doesn't fit Flutter's own constructor either (or the index doesn't have it), else UNSUPPORTED."""
    flutter = flutter_constructor(type_name, ctor)
    if flutter is None:
        return ErrorKind.ANALYSIS, catalog_error
    error = argument_error(
        flutter.min_positional, flutter.max_positional, flutter.named, flutter.required, positional, labels
    )
    if error is not None:
        return ErrorKind.ANALYSIS, error
    what = f"{type_name}.{ctor}" if ctor else type_name
    unknown = _UNKNOWN_PARAMETER.match(catalog_error)
    if unknown is not None:
        return ErrorKind.UNSUPPORTED, (
            f"The named parameter '{unknown[1]}' of '{what}' is valid Flutter that "
            "the embedded renderer cannot draw yet."
        )
    return ErrorKind.UNSUPPORTED, f"{valid_flutter(what)[:-1]} with these arguments ({catalog_error})"
