"""The IR of a whole screen -> the Flet controls and theme one render shows.

`build_screen` is the only entry point: it resolves MaterialApp (theme, home), builds the widget
tree with Flutter's constraints (the app fills the screen), and returns a `Screen` that the page
driver puts on the page. Widget builders live in layout, material, navigation, inputs and scaffold.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from typing import Any

import flet as ft

from flutter_renderer.api import ErrorKind, RenderSize
from flutter_renderer.embedded import (  # noqa: F401 - registers builders
    animated,
    at_rest,
    behaviour,
    compositions,
    cupertino,
    dropdown_menu,
    fitted,
    fractions,
    icon_theme,
    inputs,
    layout,
    material,
    menus,
    navigation,
    painting,
    panels,
    scaffold,
    slivers,
    themes,
)
from flutter_renderer.embedded.banner import full_width
from flutter_renderer.embedded.density import METRICS, from_theme
from flutter_renderer.embedded.material import SCREEN_HEIGHT, SCREEN_WIDTH, default_style
from flutter_renderer.embedded.registry import axes, build
from flutter_renderer.embedded.text_defaults import TextDefaults, text_defaults
from flutter_renderer.embedded.values import MappingError
from flutter_renderer.ir import DartObject

# Deeply nested trees are legal Dart; the mapping recurses once per widget level.
MAX_DEPTH_RECURSION = 20000


@dataclass
class Screen:
    """What one render shows: the root control (filling the page) and the app's theme."""

    root: ft.Control
    theme: ft.Theme
    dark: bool


def _widgets_app(node: DartObject) -> tuple[Any, TextDefaults]:
    """WidgetsApp: no theme and no Material; its text is `textStyle`, else the engine's default."""
    return scaffold.app_home(node), default_style(node.kwargs.get("textStyle"), replace=True)


def restore_defaults(value: Any, seen: set[int] | None = None) -> None:
    """Builders pass None for every Flutter argument the code left out; where Flet's own default is
    not None (e.g. TabBar.indicator_thickness), None breaks Flet's validation, so put the default back."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        for item in value:
            restore_defaults(item, seen)
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    for field in dataclasses.fields(value):
        if field.name.startswith("_") or field.name == "parent":
            continue
        current = getattr(value, field.name, None)
        if current is None:
            if field.default is not dataclasses.MISSING and field.default is not None:
                setattr(value, field.name, field.default)
            elif field.default_factory is not dataclasses.MISSING:
                setattr(value, field.name, field.default_factory())
        else:
            restore_defaults(current, seen)


def build_screen(tree: Any, size: RenderSize | None = None) -> Screen:
    """Map a screen's IR to Flet. Raises MappingError (ANALYSIS / UNSUPPORTED / OVERFLOW / RUNTIME)."""
    size = size or RenderSize()
    defaults, look = TextDefaults(), cupertino.CupertinoLook()
    if isinstance(tree, DartObject) and tree.type == "MaterialApp" and not tree.ctor:
        home, app_theme, dark, theme_node = scaffold.material_app(tree)
    elif isinstance(tree, DartObject) and tree.type == "WidgetsApp" and not tree.ctor:
        (home, defaults), (app_theme, dark), theme_node = _widgets_app(tree), scaffold.theme(None), None
    elif isinstance(tree, DartObject) and tree.type == "CupertinoApp" and not tree.ctor:
        home, theme_node = scaffold.app_home(tree), None
        app_theme, dark, defaults, look = cupertino.cupertino_theme(tree.kwargs.get("theme"))
    else:
        home, (app_theme, dark), theme_node = tree, scaffold.theme(None), None
    look_token = cupertino.CUPERTINO.set(look)
    token, height_token = SCREEN_WIDTH.set(size.width), SCREEN_HEIGHT.set(size.height)
    metrics = METRICS.set(from_theme(theme_node, dark))
    background = scaffold.SCAFFOLD_BACKGROUND.set(app_theme.scaffold_bgcolor or "surface")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, MAX_DEPTH_RECURSION))
    try:
        app_theme_node = (
            tree.kwargs.get("theme") if isinstance(tree, DartObject) and tree.type == "MaterialApp" else None
        )
        with axes(vertical=False, horizontal=False), text_defaults(defaults), themes.theme_defaults(app_theme_node):
            with full_width(home):
                root = build(home)
        root = scaffold.route(root)
        root.expand = True
        restore_defaults(root)
        restore_defaults(app_theme)
    except RecursionError:
        raise MappingError(ErrorKind.RUNTIME, "widget tree too deep to lay out (stack overflow)") from None
    except MappingError:
        raise
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
        # A malformed IR value the checks above did not anticipate: report it, never crash the worker.
        raise MappingError(ErrorKind.RUNTIME, f"cannot build this widget tree: {type(exc).__name__}: {exc}") from None
    finally:
        sys.setrecursionlimit(limit)
        cupertino.CUPERTINO.reset(look_token)
        SCREEN_WIDTH.reset(token)
        SCREEN_HEIGHT.reset(height_token)
        METRICS.reset(metrics)
        scaffold.SCAFFOLD_BACKGROUND.reset(background)
    return Screen(root=root, theme=app_theme, dark=dark)
