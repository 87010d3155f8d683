"""Input widgets: text fields, checkboxes, switches, radios, sliders and dropdowns."""

from __future__ import annotations

import math
from contextvars import ContextVar
from typing import Any

import flet as ft

from flutter_renderer.embedded import density as tap
from flutter_renderer.embedded import themes
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.fonts import ROBOTO_LINE_HEIGHT
from flutter_renderer.embedded.material import make_list_tile
from flutter_renderer.embedded.registry import (
    bad,
    build,
    build_optional,
    layout_error,
    runtime_error,
    text_of,
    unbounded,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.embedded.themes import INPUT_DECORATION
from flutter_renderer.ir import DartObject, EnumValue, controller_text

_DECORATION = (
    "icon label labelText labelStyle floatingLabelStyle helperText helperStyle hintText hintStyle "
    "errorText errorStyle isDense contentPadding prefixIcon prefix prefixText prefixStyle suffixIcon "
    "suffix suffixText suffixStyle counterText filled fillColor border enabledBorder focusedBorder "
    "errorBorder disabledBorder focusedErrorBorder floatingLabelBehavior alignLabelWithHint "
    "helperMaxLines hintMaxLines errorMaxLines counter counterStyle isCollapsed constraints"
)


def _border(value: Any, *, exact_side: bool) -> dict[str, Any]:
    """An InputBorder -> Flet's border kind, radius and (for enabledBorder) side color and width.

    Flutter keeps only the shape of `decoration.border` and paints it with the theme's side (unless
    the side is BorderSide.none); `enabledBorder` is painted exactly as given."""
    if value is None:
        return {}
    if isinstance(value, DartObject) and value.type == "InputBorder" and value.ctor == "none":
        return {"border": ft.InputBorder.NONE}
    if not isinstance(value, DartObject) or value.type not in ("OutlineInputBorder", "UnderlineInputBorder"):
        raise bad(value, "an InputBorder")
    side = v.border_side(value.kwargs.get("borderSide"))
    args: dict[str, Any] = {
        "border": ft.InputBorder.OUTLINE if value.type == "OutlineInputBorder" else ft.InputBorder.UNDERLINE,
        "border_radius": v.border_radius(value.kwargs.get("borderRadius")),
    }
    if side is not None and side.width == 0:
        # BorderSide.none: no line, but the shape still clips the fill (a rounded filled search box).
        args.update(border_color="transparent", border_width=0)
    elif exact_side and side is not None:
        args.update(border_color=side.color, border_width=side.width)
    return args


def decoration_args(value: Any) -> dict[str, Any]:
    """InputDecoration -> Flet TextField arguments. Flutter's default border is an underline; what the
    decoration leaves out comes from the theme's InputDecorationTheme (themes.INPUT_DECORATION)."""
    if value is None:
        value = DartObject("InputDecoration")  # a field's default decoration
    v.of_type(value, "InputDecoration")
    # InputDecoration.collapsed gives `border: InputBorder.none` and `filled: false` as defaults of its
    # own, so the theme's border and fill do not apply unless the call passes them.
    collapsed = {"border": DartObject("InputBorder", "none"), "filled": False} if value.ctor == "collapsed" else {}
    k = {**INPUT_DECORATION.get(), **collapsed, **{name: x for name, x in value.kwargs.items() if x is not None}}
    for name in ("label", "counter", "constraints", "floatingLabelBehavior", "isCollapsed"):
        if k.get(name) is not None:
            raise unsupported(f"InputDecoration.{name}", value)
    for name in ("prefix", "suffix"):
        if k.get(name) is not None and k.get(f"{name}Text") is not None:
            raise bad(k[name], f"either {name} or {name}Text in InputDecoration, not both (Flutter asserts this)")
    # The border drawn while not focused is enabledBorder when given, else border.
    border = _border(k.get("border"), exact_side=False)
    border.update(_border(k.get("enabledBorder"), exact_side=True))
    border.setdefault("border", ft.InputBorder.UNDERLINE)
    filled = k.get("filled")
    return dict(
        label=text_of(k["labelText"]) if k.get("labelText") is not None else None,
        label_style=v.text_style(k.get("labelStyle")),
        helper=text_of(k["helperText"]) if k.get("helperText") is not None else None,
        helper_style=v.text_style(k.get("helperStyle")),
        hint_text=text_of(k["hintText"]) if k.get("hintText") is not None else None,
        hint_style=v.text_style(k.get("hintStyle")),
        error=text_of(k["errorText"]) if k.get("errorText") is not None else None,
        error_style=v.text_style(k.get("errorStyle")),
        dense=k.get("isDense"),
        content_padding=v.edge_insets(k.get("contentPadding")),
        prefix_icon=build_optional(k.get("prefixIcon")),
        suffix_icon=build_optional(k.get("suffixIcon")),
        icon=build_optional(k.get("icon")),
        prefix=_affix(k, "prefix"),
        suffix=_affix(k, "suffix"),
        counter=text_of(k["counterText"]) if k.get("counterText") else None,
        filled=bool(filled) if filled is not None else None,
        fill_color=v.color(k.get("fillColor")),
        align_label_with_hint=k.get("alignLabelWithHint"),
        collapsed=True if value.ctor == "collapsed" else None,  # isCollapsed: no content padding
        **border,
    )


def _affix(k: dict[str, Any], name: str) -> ft.Control | None:
    """InputDecoration.prefix/suffix (a widget) or prefixText/suffixText (a Text in prefixStyle/suffixStyle)."""
    if k.get(name) is not None:
        return build(k[name])
    if k.get(f"{name}Text") is not None:
        return ft.Text(text_of(k[f"{name}Text"]), style=v.text_style(k.get(f"{name}Style")))
    return None


_FIELD = (
    "decoration obscureText maxLines minLines style textAlign readOnly enabled maxLength expands "
    "initialValue textAlignVertical"
)


def field_text(k: dict[str, Any]) -> str:
    """The text a field starts with: `initialValue` (TextFormField), else its controller's text."""
    if k.get("initialValue") is not None:
        return text_of(k["initialValue"])
    controller = k.get("controller")
    return controller_text(controller) if isinstance(controller, DartObject) else ""


@widget("TextField", "TextFormField", honours=_FIELD)
def text_field(node: DartObject) -> ft.Control:
    k = node.kwargs
    if unbounded("h"):
        raise layout_error(
            "An InputDecorator, which is typically created by a TextField, cannot have an "
            "unbounded width (a TextField in a Row needs Expanded or a SizedBox)",
            node,
        )
    if k.get("expands") or k.get("textAlignVertical") is not None:
        raise unsupported(f"{node.type}.expands/textAlignVertical", node)
    obscure = bool(k.get("obscureText"))
    max_lines = k.get("maxLines", 1)
    if obscure and max_lines != 1:
        raise runtime_error("Obscured fields cannot be multiline", node)
    min_lines = k.get("minLines")
    multiline = max_lines is None or (isinstance(max_lines, int) and max_lines > 1) or bool(min_lines)
    style = k.get("style")
    return ft.TextField(
        # Flutter's InputDecorator takes the full available width; Flet caps a TextField at 300 px.
        width=math.inf,
        value=field_text(k),
        password=obscure,
        multiline=multiline,
        max_lines=max_lines if multiline else None,
        min_lines=min_lines,
        text_style=v.text_style(style),
        text_align=v.enum(k.get("textAlign"), "TextAlign", ft.TextAlign),
        read_only=bool(k.get("readOnly")),
        disabled=k.get("enabled") is False,
        max_length=int(k["maxLength"]) if isinstance(k.get("maxLength"), int) and k["maxLength"] > 0 else None,
        **decoration_args(k.get("decoration")),
    )


def _disabled(k: dict[str, Any]) -> bool:
    return k.get("onChanged") is None or k.get("enabled") is False


_CHECKBOX = "value tristate activeColor checkColor fillColor shape side isError"


def _fill_at_rest(k: dict[str, Any], selected: bool) -> dict[ft.ControlState, Any] | None:
    """`fillColor` (a WidgetStateProperty) resolved in the one state the first frame shows, so Flet's
    resolution order of its state keys can't pick another; None (Flutter's default fill) when unset
    or when the resolver returns null there."""
    fill = v.color(
        v.state_value(k.get("fillColor"), selected=selected, disabled=_disabled(k), error=bool(k.get("isError")))
    )
    return {ft.ControlState.DEFAULT: fill} if fill is not None else None


def _checkbox(node: DartObject) -> ft.Checkbox:
    k = node.kwargs
    value = k.get("value")
    if value is None and not k.get("tristate"):
        raise runtime_error(f"{node.type}.value is null but tristate is false", node)
    # a tristate checkbox at null is drawn selected (checkbox.dart: MaterialState.selected unless false)
    return ft.Checkbox(
        value=value,
        tristate=bool(k.get("tristate")),
        active_color=v.color(k.get("activeColor")),
        fill_color=_fill_at_rest(k, value is not False),
        check_color=v.color(k.get("checkColor")),
        shape=v.shape_border(k.get("checkboxShape") or k.get("shape")),
        border_side=v.border_side(k.get("side")),
        error=bool(k.get("isError")),
        disabled=_disabled(k),
    )


@widget("Checkbox", honours=_CHECKBOX + " onChanged materialTapTargetSize visualDensity")
def checkbox(node: DartObject) -> ft.Control:
    return tap.toggle(_checkbox(node), node.kwargs)


_TILE = (
    "title subtitle isThreeLine dense secondary selected controlAffinity contentPadding tileColor "
    "selectedTileColor shape enabled visualDensity onChanged materialTapTargetSize"
)


def _affinity(k: dict[str, Any], default: str) -> str:
    value = k.get("controlAffinity")
    name = value.name if isinstance(value, EnumValue) else "platform"
    return default if name == "platform" else name


def _tile(node: DartObject, control: ft.Control, default_affinity: str) -> ft.Control:
    k = node.kwargs
    secondary = build_optional(k.get("secondary"))
    if _affinity(k, default_affinity) == "leading":
        return make_list_tile(k, leading=control, trailing=secondary)
    return make_list_tile(k, leading=secondary, trailing=control)


@widget("CheckboxListTile", honours=_CHECKBOX + " checkboxShape " + _TILE)
def checkbox_list_tile(node: DartObject) -> ft.Control:
    return _tile(node, tap.toggle(_checkbox(node), node.kwargs, in_tile=True), "trailing")


_SWITCH = (
    "value activeColor activeThumbColor activeTrackColor inactiveThumbColor inactiveTrackColor thumbColor "
    "trackColor trackOutlineColor thumbIcon"
)


def _switch(node: DartObject) -> ft.Switch:
    k = node.kwargs
    on, disabled = bool(k.get("value")), _disabled(k)

    def state(name: str) -> Any:  # a WidgetStateProperty for this switch's state
        return v.state_value(k.get(name), selected=on, disabled=disabled)

    icon = state("thumbIcon")
    if icon is not None and not (isinstance(icon, DartObject) and icon.type == "Icon" and icon.args):
        raise bad(icon, "an Icon for Switch.thumbIcon")
    thumb, track = v.color(state("thumbColor")), v.color(state("trackColor"))
    return ft.Switch(
        value=on,
        active_color=thumb if on and thumb else v.color(k.get("activeThumbColor") or k.get("activeColor")),
        active_track_color=track if on and track else v.color(k.get("activeTrackColor")),
        inactive_thumb_color=thumb if not on and thumb else v.color(k.get("inactiveThumbColor")),
        inactive_track_color=track if not on and track else v.color(k.get("inactiveTrackColor")),
        track_outline_color=v.color(state("trackOutlineColor")),
        thumb_icon=v.icon(icon.args[0]) if icon is not None else None,
        disabled=disabled,
    )


@widget("Switch", honours=_SWITCH + " onChanged")
def switch(node: DartObject) -> ft.Control:
    return _switch(node)


@widget("Switch.adaptive", honours=_SWITCH + " onChanged applyCupertinoTheme")
def adaptive_switch(node: DartObject) -> ft.Control:
    """Switch.adaptive: the Material Switch except on iOS and macOS, which the app's device (Android)
    is not unless the theme says so."""
    if themes.PLATFORM.get() in ("iOS", "macOS"):
        raise unsupported(f"Switch.adaptive under ThemeData.platform {themes.PLATFORM.get()}", node)
    return _switch(node)


@widget("SwitchListTile", honours=_SWITCH + " " + _TILE)
def switch_list_tile(node: DartObject) -> ft.Control:
    return _tile(node, _switch(node), "trailing")


# The fillColor of the nearest RadioTheme widget (None: none, or it sets none); ThemeData.radioTheme
# goes to Flet's theme instead, where Flutter's own Radio reads it.
_RADIO_THEME_FILL: ContextVar[Any] = ContextVar("radio_theme_fill", default=None)
# RadioThemeData fields that never show at rest
_RADIO_THEME_INVISIBLE = frozenset("mouseCursor overlayColor splashRadius key".split())


@widget("RadioTheme", honours="data child")
def radio_theme(node: DartObject) -> ft.Control:
    """RadioTheme: the radios below take its fillColor where they set neither fillColor nor (when
    selected) activeColor, as radio.dart resolves them; its tap target size and density are unsupported."""
    data = node.kwargs.get("data")
    v.of_type(data, "RadioThemeData")
    for name, value in data.kwargs.items():
        if value is not None and name != "fillColor" and name not in _RADIO_THEME_INVISIBLE:
            raise unsupported(f"RadioTheme with RadioThemeData.{name}", node)
    token = _RADIO_THEME_FILL.set(data.kwargs.get("fillColor"))
    try:
        return build(node.kwargs.get("child"))
    finally:
        _RADIO_THEME_FILL.reset(token)


def _radio(node: DartObject) -> ft.Control:
    k = node.kwargs
    selected = k.get("value") == k.get("groupValue")
    if k.get("fillColor") is None and not (selected and k.get("activeColor") is not None):
        k = k | {"fillColor": _RADIO_THEME_FILL.get()}
    # Flet radios take their selection from an enclosing RadioGroup; one group per radio keeps the
    # Flutter semantics (selected when value == groupValue) without tracking groups across the tree.
    return ft.RadioGroup(
        value="on" if selected else None,
        content=ft.Radio(
            value="on",
            active_color=v.color(k.get("activeColor")),
            fill_color=_fill_at_rest(k, selected),
            toggleable=bool(k.get("toggleable")),
            disabled=k.get("onChanged") is None and k.get("enabled") is not True,
        ),
    )


@widget(
    "Radio",
    honours="value groupValue activeColor fillColor toggleable onChanged enabled materialTapTargetSize visualDensity",
)
def radio(node: DartObject) -> ft.Control:
    return tap.toggle(_radio(node), node.kwargs)


@widget("RadioListTile", honours="value groupValue activeColor fillColor toggleable " + _TILE)
def radio_list_tile(node: DartObject) -> ft.Control:
    return _tile(node, tap.toggle(_radio(node), node.kwargs, in_tile=True), "leading")


def slider_range(node: DartObject) -> tuple[float, float, float]:
    """A slider's (value, min, max), min and max defaulting to 0 and 1; Flutter asserts min <= value <= max."""
    k = node.kwargs
    value, low, high = v.finite(k.get("value")), v.finite(k.get("min")), v.finite(k.get("max"))
    low, high = (0.0 if low is None else low), (1.0 if high is None else high)
    if value is None or not low <= value <= high:
        raise runtime_error(f"{node.type} value {value} is not between min {low} and max {high}", node)
    return value, low, high


# slider.dart, _RenderSlider.computeDryLayout: under an unbounded width (in a Row) a slider is
# _minPreferredTrackWidth (144) plus its widest part, the 48 px RoundSliderOverlayShape.
_SLIDER_PREFERRED_WIDTH = 144 + 48


@widget(
    "Slider",
    honours="value min max divisions label activeColor inactiveColor secondaryActiveColor thumbColor "
    "secondaryTrackValue onChanged padding year2023",
)
def slider(node: DartObject) -> ft.Control:
    k = node.kwargs
    value, low, high = slider_range(node)
    return ft.Slider(
        width=_SLIDER_PREFERRED_WIDTH if unbounded("h") else None,
        value=value,
        min=low,
        max=high,
        divisions=k.get("divisions"),
        active_color=v.color(k.get("activeColor")),
        inactive_color=v.color(k.get("inactiveColor")),
        secondary_active_color=v.color(k.get("secondaryActiveColor")),
        thumb_color=v.color(k.get("thumbColor")),
        secondary_track_value=v.finite(k.get("secondaryTrackValue")),
        padding=v.edge_insets(k.get("padding")),
        year_2023=k.get("year2023"),
        disabled=k.get("onChanged") is None,
    )


@widget("RangeSlider", honours="values min max divisions labels activeColor inactiveColor onChanged")
def range_slider(node: DartObject) -> ft.Control:
    # The labels are value indicators, shown only while a thumb is dragged.
    k = node.kwargs
    values = v.of_type(k.get("values"), "RangeValues")
    start, end = (v.finite(x) for x in values.args)
    low, high = v.finite(k.get("min")), v.finite(k.get("max"))
    low, high = (0.0 if low is None else low), (1.0 if high is None else high)
    if start is None or end is None or not low <= start <= end <= high:
        raise runtime_error(f"RangeSlider values {start}..{end} are not ordered between min {low} and max {high}", node)
    return ft.RangeSlider(
        start_value=start,
        end_value=end,
        min=low,
        max=high,
        divisions=k.get("divisions"),
        active_color=v.color(k.get("activeColor")),
        inactive_color=v.color(k.get("inactiveColor")),
        width=_SLIDER_PREFERRED_WIDTH if unbounded("h") else None,
        disabled=k.get("onChanged") is None,
    )


def _selected_index(node: DartObject) -> int | None:
    """The index of the DropdownMenuItem whose value equals the button's value (Flutter asserts one)."""
    k = node.kwargs
    value = k.get("value", k.get("initialValue"))
    items = widget_list(node, "items")
    for item in items:
        v.of_type(item, "DropdownMenuItem")
    if value is None:
        return None
    matches = [index for index, item in enumerate(items) if item.kwargs.get("value") == value]
    if len(matches) != 1:
        raise runtime_error(
            f"There should be exactly one item with [{node.type}]'s value: {value!r}. "
            f"{'Either zero or 2 or more' if not matches else len(matches)} [DropdownMenuItem]s "
            "were detected with the same value",
            node,
        )
    return matches[0]


def _selected_item(node: DartObject) -> Any:
    """The child of the selected DropdownMenuItem, None when no item is selected."""
    index = _selected_index(node)
    return None if index is None else widget_list(node, "items")[index].kwargs.get("child")


def _replacing_style(value: Any) -> ft.TextStyle:
    """A TextStyle that replaces the ambient one (DropdownButton puts `style` in a DefaultTextStyle):
    what it leaves unset is the engine's default, 14 px Roboto at its own line height, not bodyMedium's."""
    style = v.text_style(value) or ft.TextStyle()
    style.size = style.size or 14
    style.height = style.height or ROBOTO_LINE_HEIGHT
    style.letter_spacing = style.letter_spacing or 0
    style.weight = style.weight or ft.FontWeight.NORMAL
    return style


@widget(
    "DropdownButton",
    honours="items value hint disabledHint isExpanded isDense underline icon iconSize "
    "iconEnabledColor iconDisabledColor style elevation dropdownColor onChanged itemHeight borderRadius "
    "alignment padding menuMaxHeight",
)
def dropdown_button(node: DartObject) -> ft.Control:
    # Composed from primitives: Flet's Dropdown is the Material 3 DropdownMenu (a text field), while
    # Flutter's DropdownButton is the selected item, an arrow_drop_down icon and a 1 px underline.
    k = node.kwargs
    expanded = bool(k.get("isExpanded"))
    if expanded and unbounded("h"):
        raise layout_error("DropdownButton with isExpanded was given unbounded width", node)
    selected = _selected_index(node)
    children = [item.kwargs.get("child") for item in widget_list(node, "items")]
    if k.get("hint") is not None:
        children.append(k["hint"])
        selected = len(children) - 1 if selected is None else selected
    # An IndexedStack of every item (and the hint): as wide as the widest, showing the selected one.
    layers = []
    for index, child in enumerate(children):
        layer = build(child)
        if isinstance(layer, ft.Text) and layer.style is None and layer.theme_style is None:
            # DropdownButton draws its items in `style ?? textTheme.titleMedium`, not the ambient style.
            layer.style = _replacing_style(k["style"]) if k.get("style") is not None else None
            layer.theme_style = None if layer.style else ft.TextThemeStyle.TITLE_MEDIUM
        if index != selected:
            layer.opacity = 0
        layers.append(layer)
    content = ft.Stack(layers, alignment=ft.Alignment(-1, 0)) if selected is not None else ft.Container()
    icon = build(k["icon"]) if k.get("icon") is not None else ft.Icon(ft.Icons.ARROW_DROP_DOWN)
    if isinstance(icon, ft.Icon):
        # dropdown.dart's IconTheme around the icon: iconSize, and grey 700 / white70 (enabled) or
        # grey 400 / white10 (disabled) unless iconEnabledColor / iconDisabledColor say otherwise.
        enabled = k.get("onChanged") is not None
        dark = tap.METRICS.get().dark
        default = ("#b3ffffff" if dark else "#ff616161") if enabled else ("#1affffff" if dark else "#ffbdbdbd")
        icon.size = icon.size or v.finite(k.get("iconSize")) or 24
        icon.color = icon.color or v.color(k.get("iconEnabledColor" if enabled else "iconDisabledColor")) or default
    if expanded:
        content.expand = 1
    row = ft.Row([content, icon], spacing=0, tight=not expanded, vertical_alignment=ft.CrossAxisAlignment.CENTER)
    underline = build(k["underline"]) if k.get("underline") is not None else ft.Container(height=1, bgcolor="#ffbdbdbd")
    # Flutter stacks the underline over the button, 8 px above its bottom unless the button is dense
    # or its itemHeight is null (dropdown.dart); items are itemHeight (default 48) tall.
    dense = bool(k.get("isDense"))
    item_height = v.finite(k.get("itemHeight")) or 48
    no_item_height = "itemHeight" in k and k["itemHeight"] is None
    button = ft.Stack(
        [
            ft.Container(row, height=24 if dense else item_height),
            ft.Container(underline, left=0, right=0, bottom=0 if dense or no_item_height else 8),
        ]
    )
    return ft.Container(button, padding=v.edge_insets(k.get("padding"))) if k.get("padding") is not None else button


@widget(
    "DropdownButtonFormField",
    honours="items value initialValue hint decoration isExpanded isDense icon "
    "elevation dropdownColor menuMaxHeight "
    "style onChanged",
)
def dropdown_button_form_field(node: DartObject) -> ft.Control:
    # Drawn as the InputDecorator it is: a read-only field showing the selected item's text.
    k = node.kwargs
    if unbounded("h"):
        raise layout_error("An InputDecorator (DropdownButtonFormField) cannot have an unbounded width", node)
    shown = _selected_item(node)
    if shown is not None and not (isinstance(shown, DartObject) and shown.type == "Text" and shown.args):
        raise unsupported("a DropdownButtonFormField item other than Text", node)
    args = decoration_args(k.get("decoration"))
    if args.get("hint_text") is None and isinstance(k.get("hint"), DartObject) and k["hint"].type == "Text":
        args["hint_text"] = text_of(k["hint"].args[0])
    args["suffix_icon"] = ft.Icon(ft.Icons.ARROW_DROP_DOWN, color="onsurfacevariant")
    return ft.TextField(
        value=text_of(shown.args[0]) if shown is not None else "",
        read_only=True,
        width=math.inf,
        text_style=v.text_style(k.get("style")),
        **args,
    )


@widget("DropdownMenuItem", honours="value child enabled alignment")
def dropdown_menu_item(node: DartObject) -> ft.Control:
    return build(node.kwargs.get("child"))
