"""The IR -> Flet mapping reproduces Flutter's defaults and Flutter's layout errors (no browser)."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.catalog import CLASSES, UNSUPPORTED
from flutter_renderer.embedded.mapping import build_screen
from flutter_renderer.embedded.registry import WIDGETS
from flutter_renderer.embedded.scaffold import BASELINE_LIGHT
from flutter_renderer.embedded.values import MappingError
from flutter_renderer.ir import Closure, ColorValue, EnumValue, IconValue
from flutter_renderer.ir import DartObject as D


def text(value: str) -> D:
    return D("Text", args=(value,))


def body(root: ft.Control) -> ft.Control:
    """The Scaffold body of a built screen."""
    assert isinstance(root, ft.Pagelet)
    return root.content


def screen(widget: D) -> ft.Control:
    return body(build_screen(D("MaterialApp", kwargs={"home": D("Scaffold", kwargs={"body": widget})})).root)


def error_of(widget: D) -> MappingError:
    with pytest.raises(MappingError) as info:
        screen(widget)
    return info.value


def test_column_uses_flutter_defaults_not_flets():
    column = screen(D("Column", kwargs={"children": [text("a"), text("b")]}))
    assert column.spacing == 0
    assert column.alignment == ft.MainAxisAlignment.START
    assert column.horizontal_alignment == ft.CrossAxisAlignment.CENTER
    assert column.tight is False  # MainAxisSize.max


def test_row_arguments_map_to_flet():
    row = screen(
        D(
            "Row",
            kwargs={
                "mainAxisAlignment": EnumValue("MainAxisAlignment", "spaceBetween"),
                "mainAxisSize": EnumValue("MainAxisSize", "min"),
                "spacing": 8,
                "children": [text("a")],
            },
        )
    )
    assert (row.alignment, row.tight, row.spacing) == (ft.MainAxisAlignment.SPACE_BETWEEN, True, 8)
    assert row.vertical_alignment == ft.CrossAxisAlignment.CENTER


def test_padding_and_edge_insets():
    padded = screen(
        D(
            "Padding",
            kwargs={
                "padding": D("EdgeInsets", "symmetric", kwargs={"horizontal": 24, "vertical": 8}),
                "child": text("x"),
            },
        )
    )
    assert padded.padding == ft.Padding(24, 8, 24, 8)
    only = screen(D("Padding", kwargs={"padding": D("EdgeInsets", "only", kwargs={"left": 3}), "child": text("x")}))
    assert only.padding == ft.Padding(3, 0, 0, 0)


def test_expanded_sets_flex_on_its_child():
    column = screen(D("Column", kwargs={"children": [D("Expanded", kwargs={"flex": 2, "child": text("x")})]}))
    assert column.controls[0].expand == 2 and column.controls[0].expand_loose is False


def test_container_decoration():
    box = screen(
        D(
            "Container",
            kwargs={
                "width": 10,
                "height": 20,
                "decoration": D(
                    "BoxDecoration",
                    kwargs={"color": ColorValue("#ff112233"), "borderRadius": D("BorderRadius", "circular", (8,))},
                ),
            },
        )
    )
    assert (box.width, box.height, box.bgcolor) == (10, 20, "#ff112233")
    assert box.border_radius == ft.BorderRadius.all(8)


def test_scaffold_parts_and_default_theme():
    built = build_screen(
        D(
            "MaterialApp",
            kwargs={
                "home": D(
                    "Scaffold",
                    kwargs={
                        "appBar": D("AppBar", kwargs={"title": text("T")}),
                        "body": text("b"),
                        "floatingActionButton": D(
                            "FloatingActionButton",
                            kwargs={"onPressed": Closure(), "child": D("Icon", args=(IconValue("add"),))},
                        ),
                    },
                )
            },
        )
    )
    assert isinstance(built.root.appbar, ft.AppBar)
    assert isinstance(built.root.floating_action_button, ft.FloatingActionButton)
    assert built.root.bgcolor == "surface"
    assert built.theme.color_scheme.primary == BASELINE_LIGHT["primary"] == "#ff6750a4"
    assert built.theme.visual_density == ft.VisualDensity.STANDARD


def test_text_field_defaults_to_flutters_underline():
    assert screen(D("TextField")).border == ft.InputBorder.UNDERLINE
    outlined = screen(
        D(
            "TextField",
            kwargs={
                "decoration": D("InputDecoration", kwargs={"labelText": "Email", "border": D("OutlineInputBorder")})
            },
        )
    )
    assert (outlined.border, outlined.label) == (ft.InputBorder.OUTLINE, "Email")


def test_button_without_on_pressed_is_disabled():
    assert screen(D("ElevatedButton", kwargs={"onPressed": None, "child": text("x")})).disabled is True
    assert screen(D("ElevatedButton", kwargs={"onPressed": Closure(), "child": text("x")})).disabled is False


def test_button_with_a_null_child_is_drawn_without_a_label():
    # ButtonStyleButton.child is `Widget?`: Flutter aligns no child inside the button's padding
    empty = screen(D("ElevatedButton", kwargs={"onPressed": Closure(), "child": None}))
    assert isinstance(empty, ft.Button) and (empty.content.width, empty.content.height) == (0, 0)
    assert empty.content.content is None
    shrunk = screen(
        D(
            "TextButton",
            kwargs={
                "onPressed": Closure(),
                "child": None,
                "style": D(
                    "TextButton",
                    "styleFrom",
                    kwargs={"tapTargetSize": EnumValue("MaterialTapTargetSize", "shrinkWrap")},
                ),
            },
        )
    )
    # shrink-wrapped: Flutter's 40 px minimum height (M3), the empty label adds nothing to it
    assert isinstance(shrunk, ft.Container) and shrunk.height == 40 and isinstance(shrunk.content, ft.TextButton)
    # a label that is no widget is still the analyzer's error
    assert error_of(D("ElevatedButton", kwargs={"onPressed": Closure(), "child": 3})).kind is ErrorKind.ANALYSIS


def test_list_view_in_column_is_flutters_unbounded_height_error():
    error = error_of(D("Column", kwargs={"children": [D("ListView", kwargs={"children": [text("x")]})]}))
    assert error.kind is ErrorKind.OVERFLOW and "unbounded height" in error.message
    # shrinkWrap or Expanded make it legal, as in Flutter
    screen(D("Column", kwargs={"children": [D("ListView", kwargs={"shrinkWrap": True, "children": []})]}))
    screen(D("Column", kwargs={"children": [D("Expanded", kwargs={"child": D("ListView", kwargs={"children": []})})]}))


def test_text_field_in_row_needs_bounded_width():
    error = error_of(D("Row", kwargs={"children": [D("TextField")]}))
    assert error.kind is ErrorKind.OVERFLOW and "unbounded width" in error.message


def test_expanded_inside_scroll_view_column_is_an_error():
    error = error_of(
        D(
            "SingleChildScrollView",
            kwargs={"child": D("Column", kwargs={"children": [D("Expanded", kwargs={"child": text("x")})]})},
        )
    )
    assert error.kind is ErrorKind.OVERFLOW and "non-zero flex" in error.message


def test_expanded_outside_a_flex_is_a_runtime_error():
    error = error_of(D("Center", kwargs={"child": D("Expanded", kwargs={"child": text("x")})}))
    assert error.kind is ErrorKind.RUNTIME and "ParentDataWidget" in error.message


def test_tab_bar_without_controller_and_length_mismatch():
    bar = D("TabBar", kwargs={"tabs": [D("Tab", kwargs={"text": "a"})]})
    assert error_of(bar).kind is ErrorKind.RUNTIME
    with pytest.raises(MappingError, match="does not match"):
        build_screen(D("DefaultTabController", kwargs={"length": 2, "child": D("Scaffold", kwargs={"body": bar})}))


def test_unknown_widget_is_analysis_and_unmapped_real_widget_is_unsupported():
    assert error_of(D("Frobnicator")).kind is ErrorKind.ANALYSIS
    assert error_of(D("CustomPaint")).kind is ErrorKind.UNSUPPORTED
    assert error_of(D("ShaderMask", kwargs={"child": text("x")})).kind is ErrorKind.UNSUPPORTED  # a Flutter widget


def test_a_flutter_value_that_is_no_widget_where_a_widget_goes_is_analysis():
    error = error_of(D("EdgeInsets", "all", (8,)))  # the Dart analyzer: not assignable to 'Widget'
    assert error.kind is ErrorKind.ANALYSIS and "EdgeInsets.all is not a widget" in error.message


def test_parameter_that_changes_pixels_but_is_not_reproduced_is_named():
    error = error_of(D("Center", kwargs={"widthFactor": 2.0, "child": text("x")}))
    assert error.kind is ErrorKind.UNSUPPORTED and "widthFactor" in error.message


def test_callbacks_and_keys_are_ignored():
    button = screen(
        D(
            "TextButton",
            kwargs={
                "onPressed": Closure(),
                "onLongPress": Closure(),
                "key": D("ValueKey", args=("k",)),
                "child": text("x"),
            },
        )
    )
    assert isinstance(button, ft.TextButton)


def test_indeterminate_progress_is_frozen_for_determinism():
    assert screen(D("CircularProgressIndicator")).value is not None


def test_absurdly_deep_nesting_is_a_clean_error():
    tree: D = text("leaf")
    for _ in range(3000):
        tree = D("Padding", kwargs={"padding": D("EdgeInsets", "all", (1,)), "child": tree})
    error = error_of(tree)
    assert error.kind is ErrorKind.UNSUPPORTED and "deeper" in error.message


def test_every_mapped_widget_is_in_the_catalog_and_not_unsupported():
    for name in WIDGETS:
        type_name, _, ctor = name.partition(".")
        assert ctor in CLASSES.get(type_name, {}), name
        assert type_name not in UNSUPPORTED, name


def test_right_to_left_is_unsupported_and_left_to_right_is_fine():
    rtl = D("Row", kwargs={"textDirection": EnumValue("TextDirection", "rtl"), "children": [text("a")]})
    assert error_of(rtl).kind is ErrorKind.UNSUPPORTED
    screen(D("Row", kwargs={"textDirection": EnumValue("TextDirection", "ltr"), "children": [text("a")]}))


def test_visibility_and_aspect_ratio():
    assert screen(D("Visibility", kwargs={"visible": False, "child": text("x")})).width == 0
    kept = screen(D("Visibility", kwargs={"visible": False, "maintainSize": True, "child": text("x")}))
    assert kept.opacity == 0 and isinstance(kept.content, ft.Text)
    assert screen(D("AspectRatio", kwargs={"aspectRatio": 2.0, "child": text("x")})).aspect_ratio == 2.0


def test_constraints_that_cannot_bind_on_the_screen_are_accepted_others_named():
    wide = D("BoxConstraints", kwargs={"maxWidth": 600})
    assert isinstance(screen(D("ConstrainedBox", kwargs={"constraints": wide, "child": text("x")})).content, ft.Text)
    narrow = D("BoxConstraints", kwargs={"maxWidth": 200})
    error = error_of(D("Container", kwargs={"constraints": narrow, "child": text("x")}))
    assert error.kind is ErrorKind.UNSUPPORTED and "width 0..200" in error.message
    tight = D("BoxConstraints", "tightFor", kwargs={"width": 50, "height": 60})
    assert (screen(D("Container", kwargs={"constraints": tight})).width,) == (50,)
