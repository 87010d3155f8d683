"""Fidelity fixes at the mapping level (no browser): the sizes and structure Flutter's sources give."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.embedded.mapping import build_screen
from flutter_renderer.embedded.values import MappingError
from flutter_renderer.ir import ColorValue, EnumValue, IconValue
from flutter_renderer.ir import DartObject as D


def built(widget: D, theme: D | None = None) -> ft.Control:
    """The Scaffold body of a screen showing `widget` under `theme`."""
    app = {"home": D("Scaffold", kwargs={"body": widget})}
    if theme is not None:
        app["theme"] = theme
    return build_screen(D("MaterialApp", kwargs=app)).root.content


def theme(density: str | None = None, tap: str | None = None) -> D:
    k = {}
    if density:
        k["visualDensity"] = EnumValue("VisualDensity", density)
    if tap:
        k["materialTapTargetSize"] = EnumValue("MaterialTapTargetSize", tap)
    return D("ThemeData", kwargs=k)


CHECKBOX = D("Checkbox", kwargs={"value": True, "onChanged": None})


@pytest.mark.parametrize(
    ("density", "tap", "side"),
    [
        (None, None, 48),
        (None, "shrinkWrap", 40),
        ("compact", "shrinkWrap", 32),
        ("comfortable", "padded", 44),
        ("compact", None, 40),
    ],
)
def test_checkbox_box_is_flutter_s_size(density, tap, side):
    box = built(CHECKBOX, theme(density, tap))
    assert (box.width, box.height) == (side, side) and isinstance(box.content, ft.Checkbox)


def test_buttons_are_boxed_only_when_shrink_wrapped_below_their_tap_target():
    icon = D("IconButton", kwargs={"icon": D("Icon", args=(IconValue("add"),)), "onPressed": None})
    text_button = D("TextButton", kwargs={"child": D("Text", args=("A",)), "onPressed": None})
    assert isinstance(built(icon), ft.IconButton) and isinstance(built(text_button), ft.TextButton)
    boxed = built(icon, theme("compact", "shrinkWrap"))  # M3 IconButton keeps its standard density
    assert (boxed.width, boxed.height) == (40, 40)
    boxed = built(text_button, theme("compact", "shrinkWrap"))
    assert (boxed.width, boxed.height) == (None, 32)


def test_drawer_header_decoration_and_divider_are_separate_boxes():
    header = built(
        D(
            "DrawerHeader",
            kwargs={
                "decoration": D("BoxDecoration", kwargs={"color": ColorValue("#ff2196f3")}),
                "child": D("Text", args=("H",)),
            },
        )
    )
    assert header.height == 161 and header.border.bottom.width == 0
    assert header.content.bgcolor == "#ff2196f3" and header.content.content.theme_style == ft.TextThemeStyle.BODY_LARGE


def test_unsized_image_is_the_constraints_minimum():
    image = built(D("Image", "network", ("https://h/x.png",), {"height": 80}))
    assert (image.width, image.height) == (0, 80)


def test_matrix4_constructors_become_flet_matrices_and_bad_ones_are_named():
    box = built(D("Container", kwargs={"width": 10, "height": 10, "transform": D("Matrix4", "rotationX", (0.5,))}))
    assert box.transform.matrix.ops[0].name == "rotate_x"
    with pytest.raises(MappingError, match="finite number"):
        built(D("Container", kwargs={"transform": D("Matrix4", "rotationZ", (float("nan"),))}))


def test_container_transform_applies_the_operations_recorded_on_its_matrix():
    from flutter_renderer.ir import MATRIX_OPS

    matrix = D("Matrix4", "identity", (), {MATRIX_OPS: [("rotateZ", (0.1,)), ("translate", (4.0, 2.0))]})
    box = built(D("Container", kwargs={"transform": matrix}))
    assert [(op.name, op.args) for op in box.transform.matrix.ops] == [
        ("rotate_z", [0.1]),
        ("translate", [4.0, 2.0, 0]),
    ]
    with pytest.raises(MappingError, match="Matrix4.shear"):
        built(D("Container", kwargs={"transform": D("Matrix4", "identity", (), {MATRIX_OPS: [("shear", (1.0,))]})}))


def test_prefix_widget_and_prefix_text_together_are_flutter_s_assertion():
    decoration = D("InputDecoration", kwargs={"prefix": D("Text", args=("a",)), "prefixText": "b"})
    with pytest.raises(MappingError, match="either prefix or prefixText"):
        built(D("TextField", kwargs={"decoration": decoration}))
