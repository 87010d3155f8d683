"""Menus, search and choice controls, closed as a first frame shows them: PopupMenuButton (its
button), SearchAnchor (what its builder built, or its bar), SearchBar, Autocomplete (its field) and
SegmentedButton, each drawn by the Flet control of the same Flutter widget."""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.material import button_style
from flutter_renderer.embedded.registry import (
    bad,
    build,
    build_optional,
    evaluated,
    layout_error,
    runtime_error,
    text_of,
    unbounded,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.ir import DartObject


@widget(
    "PopupMenuButton",
    honours="itemBuilder initialValue onOpened onSelected onCanceled elevation shadowColor "
    "surfaceTintColor padding child splashRadius icon iconSize offset enabled shape "
    "color iconColor constraints position clipBehavior useRootNavigator "
    "popUpAnimationStyle",
)
def popup_menu_button(node: DartObject) -> ft.Control:
    # Closed: the button (`child`, else `icon`, else more_vert) is all a first frame shows.
    k = node.kwargs
    if k.get("child") is not None and k.get("icon") is not None:
        raise bad(k["icon"], "either child or icon in PopupMenuButton, not both (Flutter asserts this)")
    return ft.PopupMenuButton(
        content=build_optional(k.get("child")),
        icon=build_optional(k.get("icon")),
        items=[],
        icon_size=v.finite(k.get("iconSize")),
        icon_color=v.color(k.get("iconColor")),
        padding=v.edge_insets(k.get("padding")) or ft.Padding(8, 8, 8, 8),
        disabled=k.get("enabled") is False,
    )


def search_bar_args(k: dict[str, Any], prefix: str) -> dict[str, Any]:
    """SearchBar's arguments (SearchAnchor.bar's are the same with a `bar` prefix) -> ft.SearchBar's."""

    def arg(name: str) -> Any:
        return k.get(prefix + name[0].upper() + name[1:] if prefix else name)

    for name in ("overlayColor", "surfaceTintColor"):
        if arg(name) is not None:
            raise unsupported(f"SearchBar.{name}", None)
    controller = k.get("controller") or k.get("searchController")
    value = controller.kwargs.get("text") if isinstance(controller, DartObject) else None
    trailing = arg("trailing")
    return dict(
        value=text_of(value) if value is not None else None,
        bar_hint_text=arg("hintText"),
        bar_leading=build_optional(arg("leading")),
        bar_trailing=[build(item) for item in trailing] if isinstance(trailing, list) else None,
        bar_bgcolor=v.control_states(arg("backgroundColor")),
        bar_shadow_color=v.control_states(arg("shadowColor")),
        bar_elevation=v.control_states(arg("elevation"), v.finite),
        bar_border_side=v.control_states(arg("side"), v.border_side),
        bar_shape=v.control_states(arg("shape"), v.shape_border),
        bar_padding=v.control_states(arg("padding"), v.edge_insets),
        bar_text_style=v.control_states(arg("textStyle"), v.text_style),
        bar_hint_text_style=v.control_states(arg("hintStyle"), v.text_style),
    )


def _search_width_check(node: DartObject) -> None:
    if unbounded("h"):
        raise layout_error(f"{node.type} was given unbounded width (a search bar in a Row needs Expanded)", node)


@widget(
    "MenuAnchor",
    honours="menuChildren builder child controller childFocusNode style alignmentOffset "
    "consumeOutsideTap crossAxisUnconstrained anchorTapClosesMenu",
)
def menu_anchor(node: DartObject) -> ft.Control:
    """MenuAnchor at rest: the menu (menuChildren, its style and offset) shows only when opened, so the
    anchor is the widget its builder returned (the front end ran it with a closed MenuController), or
    its child."""
    k = node.kwargs
    built = k.get("builder")
    return build(built if isinstance(built, DartObject) else k.get("child"))


@widget(
    "SearchBar",
    honours="controller focusNode hintText leading trailing onTap onChanged onSubmitted constraints "
    "elevation backgroundColor shadowColor surfaceTintColor overlayColor side shape padding "
    "textStyle hintStyle textCapitalization enabled autoFocus",
)
def search_bar(node: DartObject) -> ft.Control:
    _search_width_check(node)
    if node.kwargs.get("constraints") is not None:
        raise unsupported("SearchBar.constraints", node)
    return ft.SearchBar(**search_bar_args(node.kwargs, ""), disabled=node.kwargs.get("enabled") is False)


@widget(
    "SearchAnchor.bar",
    honours="barLeading barTrailing barHintText onTap onSubmitted onChanged barElevation "
    "barBackgroundColor barOverlayColor barSide barShape barPadding barTextStyle "
    "barHintStyle viewLeading viewTrailing viewHintText viewBackgroundColor "
    "viewElevation viewSide viewShape viewHeaderHeight viewHeaderTextStyle "
    "viewHeaderHintStyle dividerColor constraints viewConstraints isFullScreen "
    "searchController suggestionsBuilder",
)
def search_anchor_bar(node: DartObject) -> ft.Control:
    # Closed: its SearchBar, whose leading widget defaults to a search icon.
    _search_width_check(node)
    if node.kwargs.get("constraints") is not None:
        raise unsupported("SearchAnchor.bar constraints", node)
    args = search_bar_args(node.kwargs, "bar")
    args["bar_leading"] = args["bar_leading"] or ft.Icon(ft.Icons.SEARCH)
    return ft.SearchBar(**args)


@widget(
    "SearchAnchor",
    honours="builder suggestionsBuilder isFullScreen searchController viewBuilder viewLeading "
    "viewTrailing viewHintText viewBackgroundColor viewElevation viewSurfaceTintColor "
    "viewSide viewShape headerHeight headerTextStyle headerHintStyle dividerColor "
    "viewConstraints viewOnChanged viewOnSubmitted",
)
def search_anchor(node: DartObject) -> ft.Control:
    # Closed: what its builder built for the (closed) search controller.
    return build(evaluated(node, "builder"))


@widget(
    "Autocomplete",
    "RawAutocomplete",
    honours="optionsBuilder displayStringForOption fieldViewBuilder onSelected optionsMaxHeight optionsViewBuilder "
    "optionsViewOpenDirection initialValue focusNode textEditingController",
)
def autocomplete(node: DartObject) -> ft.Control:
    # Closed: its field, as the fieldViewBuilder the front end ran built it, or Flutter's default
    # field (a TextFormField with the default decoration), which is Flet's AutoComplete field.
    k = node.kwargs
    field = evaluated(node, "fieldViewBuilder", optional=True)
    if field is not None:
        return build(field)
    if node.type == "RawAutocomplete" and k.get("textEditingController") is None:
        raise runtime_error("RawAutocomplete needs a fieldViewBuilder or a textEditingController and focusNode", node)
    if unbounded("h"):
        raise layout_error("An InputDecorator (Autocomplete's field) cannot have an unbounded width", node)
    initial = k.get("initialValue")
    text = initial.kwargs.get("text") if isinstance(initial, DartObject) else None
    return ft.AutoComplete(value=text_of(text) if text is not None else "", suggestions=[])


def _segment_key(value: Any) -> str:
    return repr(value)


@widget(
    "SegmentedButton",
    honours="segments selected onSelectionChanged multiSelectionEnabled emptySelectionAllowed "
    "style showSelectedIcon selectedIcon",
)
def segmented_button(node: DartObject) -> ft.Control:
    k = node.kwargs
    segments = []
    for item in widget_list(node, "segments"):
        v.of_type(item, "ButtonSegment")
        s = item.kwargs
        if s.get("icon") is None and s.get("label") is None:
            raise runtime_error("A ButtonSegment needs an icon or a label", item)
        segments.append(
            ft.Segment(
                value=_segment_key(s.get("value")),
                icon=build_optional(s.get("icon")),
                label=build_optional(s.get("label")),
                disabled=s.get("enabled") is False,
            )
        )
    selected = k.get("selected")
    if not isinstance(selected, list):
        raise bad(selected, "a Set of the selected segments' values")
    multiple, empty = bool(k.get("multiSelectionEnabled")), bool(k.get("emptySelectionAllowed"))
    if (not selected and not empty) or (len(selected) > 1 and not multiple):
        raise runtime_error("SegmentedButton.selected does not fit multiSelectionEnabled/emptySelectionAllowed", node)
    style, width, height = _segment_style(k.get("style"), node)
    if width is not None or height is not None:
        raise unsupported("SegmentedButton.style minimumSize/fixedSize", node)
    return ft.SegmentedButton(
        segments=segments,
        selected=[_segment_key(s) for s in selected],
        style=style,
        allow_multiple_selection=multiple,
        allow_empty_selection=empty,
        show_selected_icon=k.get("showSelectedIcon", True) is not False,
        selected_icon=build_optional(k.get("selectedIcon")),
        disabled=k.get("onSelectionChanged") is None,
    )


# SegmentedButton.styleFrom's colours are per state (_SegmentButtonDefaultColor: selected or not); a
# state it leaves null falls back to _SegmentedButtonDefaultsM3: onSecondaryContainer on
# secondaryContainer when selected, onSurface on nothing otherwise.
_SEGMENT_COLORS = (
    ("color", "foregroundColor", "selectedForegroundColor", "onsurface", "onsecondarycontainer"),
    ("bgcolor", "backgroundColor", "selectedBackgroundColor", "transparent", "secondarycontainer"),
)


def _segment_style(value: Any, node: DartObject) -> tuple[ft.ButtonStyle | None, float | None, float | None]:
    """A SegmentedButton's style: a ButtonStyle, or SegmentedButton.styleFrom with its colours by state."""
    if not (isinstance(value, DartObject) and value.type == "SegmentedButton" and value.ctor == "styleFrom"):
        return button_style(value)
    k = value.kwargs
    names = {name for entry in _SEGMENT_COLORS for name in entry[1:3]}
    style, width, height = button_style(
        DartObject("TextButton", "styleFrom", (), {name: x for name, x in k.items() if name not in names})
    )
    style = style or ft.ButtonStyle()
    for attr, plain, selected, plain_default, selected_default in _SEGMENT_COLORS:
        if k.get(plain) is None and k.get(selected) is None:
            continue
        if node.kwargs.get("onSelectionChanged") is None:
            raise unsupported("SegmentedButton.styleFrom colours on a disabled SegmentedButton", node)
        setattr(
            style,
            attr,
            {
                ft.ControlState.SELECTED: v.color(k.get(selected)) or selected_default,
                ft.ControlState.DEFAULT: v.color(k.get(plain)) or plain_default,
            },
        )
    return style, width, height
