"""What the embedded renderer knows of Flutter's API: classes, constructors, parameters, enums.

The Dart front end checks every constructor call against this catalog the way the Dart analyzer
checks against Flutter's sources: an unknown class or parameter, a missing required argument or too
many positional arguments is an analysis error. A real Flutter class the embedded backend cannot
reproduce is listed in `UNSUPPORTED` and gives an 'unsupported' error instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signature:
    """One constructor: positional parameter names (in order), named ones, and which are required."""

    positional: tuple[str, ...] = ()
    named: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()  # required named parameters
    optional_positional: int = 0            # how many of the trailing positional ones may be omitted


def sig(positional: str = "", named: str = "", required: str = "", optional_positional: int = 0) -> Signature:
    """Compact constructor: space-separated names; `key` is always accepted."""
    return Signature(
        positional=tuple(positional.split()),
        named=frozenset(named.split()) | {"key"},
        required=frozenset(required.split()),
        optional_positional=optional_positional,
    )


# type -> constructor name ('' = unnamed) -> signature
CLASSES: dict[str, dict[str, Signature]] = {
    "Text": {"": sig("data", "style textAlign maxLines overflow softWrap textScaleFactor semanticsLabel")},
    "Column": {"": sig("", "children mainAxisAlignment crossAxisAlignment mainAxisSize spacing verticalDirection textDirection")},
}

# enum-like types -> their constants (static members that are values, e.g. MainAxisAlignment.center)
ENUMS: dict[str, frozenset[str]] = {
    "MainAxisAlignment": frozenset("start end center spaceBetween spaceAround spaceEvenly".split()),
}

# real Flutter classes the embedded backend does not reproduce (-> ErrorKind.UNSUPPORTED)
UNSUPPORTED: frozenset[str] = frozenset({"CustomPaint", "PageView"})


def lookup(type_name: str, ctor: str = "") -> Signature | None:
    """The signature of `type_name.ctor`, or None when the catalog has no such constructor."""
    return CLASSES.get(type_name, {}).get(ctor)
