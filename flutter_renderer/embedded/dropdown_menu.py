"""DropdownMenu, closed: Flet's Dropdown is Flutter's Material 3 DropdownMenu, so the field, its width
(Flutter measures the widest entry) and the selected entry's label are drawn by the widget itself."""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.registry import bad, build_optional, text_of, unsupported, widget, widget_list
from flutter_renderer.embedded.themes import INPUT_DECORATION
from flutter_renderer.ir import DartObject

# What of an InputDecorationTheme the Dropdown control carries (the rest would be dropped).
_DECORATION_THEME = {
    "filled": "filled",
    "fillColor": "fill_color",
    "contentPadding": "content_padding",
    "isDense": "dense",
}
_HONOURS = (
    "dropdownMenuEntries initialSelection onSelected enabled width menuHeight leadingIcon trailingIcon "
    "selectedTrailingIcon label hintText helperText errorText enableFilter enableSearch textStyle "
    "inputDecorationTheme menuStyle controller requestFocusOnTap expandedInsets searchCallback"
)


def _entry(index: int, entry: Any) -> ft.DropdownOption:
    """One DropdownMenuEntry, keyed by its position (Flet's option keys are strings, Dart values are not)."""
    entry = v.of_type(entry, "DropdownMenuEntry")
    k = entry.kwargs
    # `style` is the entry's MenuItemButton style in the open menu: not drawn while closed.
    return ft.DropdownOption(
        key=str(index),
        text=text_of(k.get("label")),
        content=build_optional(k.get("labelWidget")),
        leading_icon=build_optional(k.get("leadingIcon")),
        trailing_icon=build_optional(k.get("trailingIcon")),
        disabled=k.get("enabled") is False,
    )


def _decoration(value: Any, node: DartObject) -> dict[str, Any]:
    if value is None:
        return {}
    value = v.of_type(value, "InputDecorationTheme")
    extra = sorted(name for name, x in value.kwargs.items() if x is not None and name not in _DECORATION_THEME)
    if extra:
        raise unsupported(f"DropdownMenu.inputDecorationTheme with {', '.join(extra)}", node)
    k = value.kwargs
    return {
        name: converted
        for name, converted in (
            ("filled", k.get("filled")),
            ("fill_color", v.color(k.get("fillColor"))),
            ("content_padding", v.edge_insets(k.get("contentPadding"))),
            ("dense", k.get("isDense")),
        )
        if converted is not None
    }


def _shown_text(k: dict[str, Any], entries: list[DartObject], node: DartObject) -> int | None:
    """The index of the entry whose label the field shows first: the initialSelection's."""
    selection = k.get("initialSelection")
    controller = k.get("controller")
    if selection is None:
        if isinstance(controller, DartObject) and controller.kwargs.get("text"):
            raise unsupported("DropdownMenu with a controller's own text", node)
        return None
    matches = [i for i, entry in enumerate(entries) if entry.kwargs.get("value") == selection]
    return matches[0] if matches else None


@widget("DropdownMenu", honours=_HONOURS)
def dropdown_menu(node: DartObject) -> ft.Control:
    k = node.kwargs
    if INPUT_DECORATION.get():
        raise unsupported("DropdownMenu under a ThemeData.inputDecorationTheme", node)
    entries = widget_list(node, "dropdownMenuEntries")
    options = [_entry(i, entry) for i, entry in enumerate(entries)]
    shown = _shown_text(k, entries, node)
    expanded = k.get("expandedInsets")
    if expanded is not None and v.edge_insets(expanded) != ft.Padding(0, 0, 0, 0):
        raise unsupported("DropdownMenu.expandedInsets other than EdgeInsets.zero", node)
    label = k.get("label")
    if label is not None and not isinstance(label, DartObject):
        raise bad(label, "a Widget for DropdownMenu.label")
    return ft.Dropdown(
        options=options,
        value=None if shown is None else str(shown),
        label=build_optional(label),
        leading_icon=build_optional(k.get("leadingIcon")),
        trailing_icon=build_optional(k.get("trailingIcon")),
        selected_trailing_icon=build_optional(k.get("selectedTrailingIcon")),
        hint_text=text_of(k["hintText"]) if k.get("hintText") is not None else None,
        helper_text=text_of(k["helperText"]) if k.get("helperText") is not None else None,
        error_text=text_of(k["errorText"]) if k.get("errorText") is not None else None,
        text_style=v.text_style(k.get("textStyle")),
        width=v.finite(k.get("width")),
        disabled=k.get("enabled") is False,
        expand=True if expanded is not None else None,
        border=_border(k.get("inputDecorationTheme")),
        **_decoration(k.get("inputDecorationTheme"), node),
    )


def _border(theme: Any) -> ft.InputBorder:
    """The field's border at rest, in the colour InputDecorator gives it (Flet's own default side is black):
    DropdownMenu's default InputDecorationTheme(border: OutlineInputBorder()) in `outline`, or, under a
    theme of the call's that names no border, the decorator's underline (top corners 4) in onSurfaceVariant."""
    if theme is None:
        return ft.OutlineInputBorder(side=ft.BorderSide(1, "outline"))
    return ft.UnderlineInputBorder(side=ft.BorderSide(1, "onsurfacevariant"), border_radius=ft.BorderRadius(4, 4, 0, 0))
