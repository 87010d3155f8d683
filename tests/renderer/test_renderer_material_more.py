"""Dart source -> front end -> Flet controls for the Material and painting values of the coverage
work (no browser): fillColor resolvers of checkboxes and radios at rest, and the widgets below."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import DartError
from flutter_renderer.embedded.values import MappingError

from .test_renderer_widgets import built

SCAFFOLD = """
import 'package:flutter/material.dart';
Color fill(Set<MaterialState> states) {{
  if (states.contains(MaterialState.pressed)) return Colors.blue;
  if (states.contains(MaterialState.disabled)) return Colors.grey;
  return states.contains(MaterialState.selected) ? Colors.green : Colors.red;
}}
void main() => runApp(MaterialApp(home: Scaffold(body: {body})));
"""


def body(expr: str) -> ft.Control:
    """The Flet control of a Scaffold body expression."""
    return built(SCAFFOLD.format(body=expr)).root.content


def error(expr: str) -> MappingError:
    with pytest.raises(MappingError) as info:
        body(expr)
    return info.value


def find(control: ft.Control, kind: type) -> ft.Control:
    """The first control of `kind` in a tree, depth first."""
    if isinstance(control, kind):
        return control
    for name in ("content", "controls"):
        child = getattr(control, name, None)
        for item in child if isinstance(child, list) else [child] if child is not None else []:
            if isinstance(item, ft.Control) and (found := find(item, kind)) is not None:
                return found
    return None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("value: false, onChanged: (bool? v) {}", "red"),
        ("value: true, onChanged: (bool? v) {}", "green"),
        ("value: true, onChanged: null", "grey"),
        ("value: null, tristate: true, onChanged: (bool? v) {}", "green"),  # null is drawn selected
    ],
)
def test_checkbox_fill_color_is_resolved_in_its_state_at_rest(args, expected):
    box = find(body(f"Checkbox({args}, fillColor: MaterialStateProperty.resolveWith(fill))"), ft.Checkbox)
    assert box.fill_color == {ft.ControlState.DEFAULT: expected}
    assert find(body(f"Checkbox({args})"), ft.Checkbox).fill_color is None


def test_radio_fill_color_is_resolved_in_its_state_at_rest():
    radio = find(
        body(
            "Radio<int>(value: 1, groupValue: 2, onChanged: (int? v) {}, "
            "fillColor: MaterialStateProperty.resolveWith(fill))"
        ),
        ft.Radio,
    )
    assert radio.fill_color == {ft.ControlState.DEFAULT: "red"}
    chosen = find(
        body(
            "Radio<int>(value: 2, groupValue: 2, onChanged: (int? v) {}, "
            "fillColor: const MaterialStatePropertyAll<Color>(Colors.teal))"
        ),
        ft.Radio,
    )
    assert chosen.fill_color == {ft.ControlState.DEFAULT: "teal"}


APP = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(theme: {theme}, home: const Scaffold(body: Text('x'))));
"""


def test_theme_data_from_is_the_m3_theme_of_its_scheme_with_a_12_percent_on_surface_divider():
    scheme = "ColorScheme.fromSeed(seedColor: Colors.blueGrey, brightness: Brightness.dark)"
    made = built(APP.format(theme=f"ThemeData.from(colorScheme: {scheme}, useMaterial3: true)"))
    plain = built(APP.format(theme=f"ThemeData(colorScheme: {scheme})"))
    assert made.theme.color_scheme_seed == plain.theme.color_scheme_seed == "bluegrey"
    assert made.dark and plain.dark and made.theme.use_material3
    assert made.theme.divider_color == "onsurface,0.12" and plain.theme.divider_color is None
    with pytest.raises(MappingError) as info:
        built(APP.format(theme=f"ThemeData.from(colorScheme: {scheme}, useMaterial3: false)"))
    assert info.value.kind is ErrorKind.UNSUPPORTED


def test_radial_and_sweep_gradients_keep_flutters_fields_and_defaults():
    box = body(
        "Container(width: 100, height: 100, decoration: const BoxDecoration(gradient: RadialGradient("
        "center: Alignment(-0.5, -0.6), radius: 0.15, colors: <Color>[Color(0xFFEEEEEE), Color(0xFF111133)], "
        "stops: <double>[0.9, 1.0])))"
    )
    radial = find(box, ft.Container).gradient
    assert isinstance(radial, ft.RadialGradient)
    assert (radial.center, radial.radius, radial.stops) == (ft.Alignment(-0.5, -0.6), 0.15, [0.9, 1.0])
    assert radial.colors == ["#FFEEEEEE", "#FF111133"] and radial.focal is None and radial.focal_radius == 0
    plain = find(
        body(
            "Container(decoration: const BoxDecoration(gradient: RadialGradient("
            "colors: <Color>[Colors.red, Colors.blue])))"
        ),
        ft.Container,
    ).gradient
    assert (plain.center, plain.radius) == (ft.Alignment(0, 0), 0.5)
    sweep = find(
        body(
            "Container(decoration: const BoxDecoration(gradient: SweepGradient(endAngle: 3.0, "
            "colors: <Color>[Colors.red, Colors.blue])))"
        ),
        ft.Container,
    ).gradient
    assert isinstance(sweep, ft.SweepGradient) and (sweep.start_angle, sweep.end_angle) == (0, 3.0)


BAR = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(appBar: PreferredSize(preferredSize: const Size.fromHeight(80),
    child: {child}), body: const Text('body'))));
"""


def test_preferred_size_app_bar_is_a_band_of_its_height_above_the_body_when_its_child_fills_it():
    page = built(
        BAR.format(
            child="Container(color: Colors.pink, child: const Column("
            "mainAxisAlignment: MainAxisAlignment.end, children: <Widget>[Text('bar')]))"
        )
    ).root
    assert isinstance(page, ft.Pagelet) and page.appbar is None
    column = page.content
    band, body_control = column.controls
    assert isinstance(column, ft.Column) and column.horizontal_alignment == ft.CrossAxisAlignment.STRETCH
    assert band.height == 80 and band.content.bgcolor == "pink" and body_control.expand
    for shrinks in (
        "const Text('bar')",
        "Container(color: Colors.pink, child: const Row(children: <Widget>[]))",
        "const Column(mainAxisSize: MainAxisSize.min, children: <Widget>[Text('bar')])",
    ):
        with pytest.raises(MappingError) as info:
            built(BAR.format(child=shrinks))
        assert info.value.kind is ErrorKind.UNSUPPORTED


FOOTER = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: const Text('body'), {extra}
    persistentFooterButtons: <Widget>[{buttons}])));
"""
ICON_BUTTON = "IconButton(onPressed: () {}, icon: const Icon(Icons.replay))"


def test_persistent_footer_buttons_are_a_bordered_row_under_the_body():
    page = built(FOOTER.format(extra="", buttons=f"{ICON_BUTTON}, {ICON_BUTTON}")).root
    body_control, footer = page.content.controls
    assert body_control.expand and not footer.expand
    line, box = footer.controls
    assert isinstance(line, ft.Divider) and (line.height, line.thickness) == (1, 1)
    assert box.padding == 8 and box.content.spacing == 8
    assert box.content.alignment == ft.MainAxisAlignment.END and len(box.content.controls) == 2
    start = built(
        FOOTER.format(extra="persistentFooterAlignment: AlignmentDirectional.centerStart,", buttons=ICON_BUTTON)
    ).root
    assert start.content.controls[1].controls[1].content.alignment == ft.MainAxisAlignment.START
    for extra, buttons in (
        ("", "TextButton(onPressed: () {}, child: const Text('a long label'))"),
        ("", ", ".join([ICON_BUTTON] * 7)),  # 7 x 48 + 6 x 8 > 390 - 16: a column
        ("floatingActionButton: FloatingActionButton(onPressed: () {}),", ICON_BUTTON),
    ):
        with pytest.raises(MappingError) as info:
            built(FOOTER.format(extra=extra, buttons=buttons))
        assert info.value.kind is ErrorKind.UNSUPPORTED


@pytest.mark.parametrize(
    "style",
    [
        "SystemUiOverlayStyle.light",
        "SystemUiOverlayStyle.dark",
        "const SystemUiOverlayStyle(statusBarColor: Colors.red)",
    ],
)
def test_system_ui_overlay_styles_are_values_a_frame_of_the_app_does_not_show(style):
    source = """
import 'package:flutter/material.dart';
import 'package:flutter/services.dart';
void main() => runApp(MaterialApp(home: Scaffold(appBar: AppBar(title: const Text('t'){style}))));
"""
    styled = built(source.replace("{style}", f", systemOverlayStyle: {style}")).root.appbar
    plain = built(source.replace("{style}", "")).root.appbar
    assert isinstance(styled, ft.AppBar) and styled.title.value == plain.title.value == "t"
    assert (styled.bgcolor, styled.elevation) == (plain.bgcolor, plain.elevation)


def test_radio_theme_fills_the_radios_below_that_set_no_fill_of_their_own():
    themed = (
        "RadioTheme(data: RadioThemeData(fillColor: MaterialStateProperty.all<Color>(Colors.white), "
        "splashRadius: 4), child: Row(children: <Widget>[{radios}]))"
    )
    radios = (
        "Radio<int>(value: 1, groupValue: 2, onChanged: (int? v) {}), "
        "Radio<int>(value: 2, groupValue: 2, onChanged: (int? v) {}, activeColor: Colors.teal), "
        "Radio<int>(value: 3, groupValue: 2, onChanged: (int? v) {}, "
        "fillColor: const MaterialStatePropertyAll<Color>(Colors.red))"
    )
    row = find(body(themed.format(radios=radios)), ft.Row)
    plain, active, own = (find(group, ft.Radio) for group in row.controls)
    assert plain.fill_color == {ft.ControlState.DEFAULT: "white"}
    assert active.fill_color is None and active.active_color == "teal"  # activeColor wins when selected
    assert own.fill_color == {ft.ControlState.DEFAULT: "red"}
    outside = find(body("Radio<int>(value: 1, groupValue: 2, onChanged: (int? v) {})"), ft.Radio)
    assert outside.fill_color is None
    dense = error(
        "RadioTheme(data: const RadioThemeData(visualDensity: VisualDensity.compact), "
        "child: Radio<int>(value: 1, groupValue: 2, onChanged: (int? v) {}))"
    )
    assert dense.kind is ErrorKind.UNSUPPORTED


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("axisDirectionToAxis(AxisDirection.up)", "Axis.vertical"),
        ("axisDirectionToAxis(AxisDirection.left)", "Axis.horizontal"),
        ("axisDirectionIsReversed(AxisDirection.left)", "true"),
        ("axisDirectionIsReversed(AxisDirection.down)", "false"),
        ("flipAxisDirection(AxisDirection.right)", "AxisDirection.left"),
    ],
)
def test_painting_direction_functions(expr, expected):
    text = body(f"Text('${{{expr}}}')")
    assert isinstance(text, ft.Text) and text.value == expected


BANNER = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: {body})));
"""
OPEN, DISMISS = (
    "TextButton(onPressed: null, child: Text('OPEN'))",
    "TextButton(onPressed: null, child: Text('DISMISS'))",
)


def banner(actions: str, wrap: str = "{}") -> ft.Control:
    source = BANNER.format(
        body=wrap.format(
            "const MaterialBanner(content: Text('Hello'), leading: Icon(Icons.info), "
            f"backgroundColor: Color(0xFFE0E0E0), actions: <Widget>[{actions}])"
        )
    )
    return built(source).root.content


def test_material_banner_lays_out_two_actions_in_a_bar_below_the_content():
    box = banner(f"{OPEN}, {DISMISS}")
    assert isinstance(box, ft.Container) and box.bgcolor == "#FFE0E0E0"
    padded, bar, divider = box.content.controls
    assert padded.padding == ft.Padding(16, 24, 16, 4)
    leading, content = padded.content.controls
    assert leading.padding == ft.Padding(0, 0, 16, 0) and isinstance(leading.content, ft.Icon)
    assert content.expand and find(content, ft.Text).value == "Hello"
    assert bar.height == 52 and bar.alignment == ft.Alignment(1, 0) and bar.padding == ft.Padding(8, 0, 8, 0)
    assert [type(c) for c in bar.content.controls][0::2] == [ft.TextButton, ft.TextButton]
    assert isinstance(divider, ft.Divider) and divider.height == 0 and divider.color == "outlinevariant"


def test_material_banner_puts_one_action_beside_the_content():
    box = banner(OPEN)
    padded, divider = box.content.controls
    assert padded.padding == ft.Padding(16, 2, 0, 0) and isinstance(divider, ft.Divider)
    *_, bar = padded.content.controls
    assert bar.height == 52 and isinstance(bar.content.controls[0], ft.TextButton)


def test_material_banner_stays_unsupported_where_overflow_bar_may_stack_the_actions():
    many = ", ".join([DISMISS] * 4)  # 4 x (24 + 7 x 12.7) + 3 x 8 > 390 - 16: maybe a column
    for actions, wrap in (
        (many, "{}"),
        (f"{OPEN}, {DISMISS}", "Center(child: {})"),
        (f"{OPEN}, IconButton(onPressed: null, icon: Icon(Icons.close))", "{}"),
    ):
        with pytest.raises(MappingError) as info:
            banner(actions, wrap)
        assert info.value.kind is ErrorKind.UNSUPPORTED


def test_button_style_text_style_from_the_theme_is_the_type_scale_without_its_colour():
    button = find(
        body(
            "Builder(builder: (BuildContext context) => ElevatedButton(onPressed: () {}, "
            "style: ElevatedButton.styleFrom(textStyle: Theme.of(context).textTheme.headlineSmall), "
            "child: const Text('Go')))"
        ),
        ft.Button,
    )
    style = button.style.text_style
    assert (style.size, style.height, style.weight, style.color) == (24, 32 / 24, ft.FontWeight.W_400, None)
    themed = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(theme: ThemeData(textTheme: const TextTheme(headlineSmall: TextStyle(fontSize: 30))),
    home: Builder(builder: (BuildContext context) => Scaffold(body: ElevatedButton(onPressed: () {},
    style: ElevatedButton.styleFrom(textStyle: Theme.of(context).textTheme.headlineSmall), child: const Text('Go'))))));
"""
    with pytest.raises(MappingError) as info:  # the app's own text theme: its sizes are not known here
        built(themed)
    assert info.value.kind is ErrorKind.UNSUPPORTED


SWITCHES = """
import 'package:flutter/material.dart';
import 'package:flutter/cupertino.dart';
void main() => runApp(MaterialApp(theme: {theme}, home: Scaffold(body: Switch.adaptive(value: true,
    applyCupertinoTheme: false, onChanged: (bool v) {{}}))));
"""


def test_switch_adaptive_is_the_material_switch_on_the_android_device():
    plain = built(SWITCHES.format(theme="ThemeData.light(useMaterial3: true)")).root.content
    copied = built(
        SWITCHES.format(
            theme="ThemeData.light(useMaterial3: true).copyWith("
            "cupertinoOverrideTheme: const CupertinoThemeData(applyThemeToAll: true))"
        )
    )
    assert isinstance(plain, ft.Switch) and plain.value is True and not plain.adaptive
    assert isinstance(copied.root.content, ft.Switch) and copied.theme.use_material3
    for theme in (
        "ThemeData(platform: TargetPlatform.iOS)",
        "ThemeData().copyWith(cupertinoOverrideTheme: const CupertinoThemeData(primaryColor: Colors.red))",
        "ThemeData().copyWith(colorScheme: const ColorScheme.light())",
    ):  # derived colours not recomputed
        with pytest.raises((MappingError, DartError)) as info:  # the last is the front end's
            built(SWITCHES.format(theme=theme))
        assert info.value.kind is ErrorKind.UNSUPPORTED, theme


def test_menu_anchor_at_rest_is_its_builders_widget_with_a_closed_controller():
    anchor = body(
        "MenuAnchor(menuChildren: <Widget>[CheckboxMenuButton(value: true, onChanged: (bool? v) {}, "
        "child: const Text('Show')), MenuItemButton(onPressed: () {}, child: const Text('Item'))], "
        "builder: (BuildContext context, MenuController controller, Widget? child) => TextButton("
        "onPressed: () => controller.open(), child: Text(controller.isOpen ? 'CLOSE' : 'OPEN')))"
    )
    button = find(anchor, ft.TextButton)
    assert button is not None and find(button, ft.Text).value == "OPEN"
    assert find(anchor, ft.Checkbox) is None
    child = body("MenuAnchor(menuChildren: const <Widget>[], child: const Text('anchor'))")
    assert isinstance(child, ft.Text) and child.value == "anchor"


def test_material_banner_with_one_tall_action_is_unsupported():
    with pytest.raises(MappingError) as info:
        banner("SizedBox(height: 80, child: Text('tall'))")
    assert info.value.kind is ErrorKind.UNSUPPORTED
