"""The mapping of what the assets-for-api-docs diagrams needed, and where it stops (no browser)."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.embedded.mapping import build_screen
from flutter_renderer.embedded.values import MappingError
from flutter_renderer.ir import ColorValue, EnumValue, IconValue
from flutter_renderer.ir import DartObject as D

AMBIENT_TWICE = D("TextStyle", kwargs={"_ambient": True, "_fontSizeFactor": 2.0, "_fontSizeDelta": 0.0})


def build(body: D, **scaffold) -> ft.Control:
    return build_screen(D("MaterialApp", kwargs={"home": D("Scaffold", kwargs={"body": body, **scaffold})})).root


def error_of(body: D, **scaffold) -> MappingError:
    with pytest.raises(MappingError) as info:
        build(body, **scaffold)
    return info.value


def test_shape_decoration_of_a_circle_and_a_rounded_rectangle():
    red = ColorValue("#FFFF0000")
    circle = build(
        D("Container", kwargs={"decoration": D("ShapeDecoration", kwargs={"color": red, "shape": D("CircleBorder")})})
    ).content
    assert circle.shape == ft.BoxShape.CIRCLE and circle.bgcolor and circle.border is None
    rounded = build(
        D(
            "Container",
            kwargs={
                "decoration": D(
                    "ShapeDecoration",
                    kwargs={
                        "shape": D(
                            "RoundedRectangleBorder",
                            kwargs={
                                "borderRadius": D("BorderRadius", "circular", (12.0,)),
                                "side": D("BorderSide", kwargs={"color": red, "width": 3.0}),
                            },
                        )
                    },
                )
            },
        )
    ).content
    assert rounded.shape == ft.BoxShape.RECTANGLE and rounded.border.top.width == 3.0
    assert rounded.border_radius is not None
    stadium = error_of(
        D("Container", kwargs={"decoration": D("ShapeDecoration", kwargs={"shape": D("StadiumBorder")})})
    )
    assert stadium.kind is ErrorKind.UNSUPPORTED and "StadiumBorder" in str(stadium)


def test_extend_body_needs_a_bottom_app_bar_to_know_its_height():
    text = D("Text", args=("a",))
    icon = D("Icon", args=(IconValue("home"),))
    destinations = [D("NavigationDestination", kwargs={"icon": icon, "label": label}) for label in ("a", "b")]
    nav = D("NavigationBar", kwargs={"destinations": destinations})
    error = error_of(text, extendBody=True, bottomNavigationBar=nav)
    assert error.kind is ErrorKind.UNSUPPORTED and "extendBody" in str(error)
    extended = build(text, extendBody=True, bottomNavigationBar=D("BottomAppBar", kwargs={"height": 64.0}))
    assert isinstance(extended.content, ft.Stack) and extended.content.controls[0].bottom == -64.0
    assert build(text, extendBody=True).content.value == "a"  # no bar: nothing to extend behind


def test_a_nested_material_app_honours_only_what_a_still_frame_shows():
    nested = D("MaterialApp", kwargs={"home": D("Text", args=("x",)), "initialRoute": "/"})
    error = error_of(nested)
    assert error.kind is ErrorKind.UNSUPPORTED and "initialRoute" in str(error)
    dark = D(
        "MaterialApp",
        kwargs={
            "theme": D("ThemeData", kwargs={"brightness": EnumValue("Brightness", "dark")}),
            "home": D("Scaffold"),
            "debugShowCheckedModeBanner": False,
        },
    )
    themed = build(dark).content
    assert themed.theme_mode == ft.ThemeMode.DARK and isinstance(themed.content, ft.Pagelet)


def test_the_ambient_style_is_scaled_in_a_text_and_refused_elsewhere():
    scaled = build(D("Text", args=("a",), kwargs={"style": AMBIENT_TWICE})).content
    assert scaled.style.size == 28.0  # bodyMedium's 14 px, doubled
    span = D("Text", "rich", (D("TextSpan", kwargs={"text": "a", "style": AMBIENT_TWICE}),))
    assert error_of(span).kind is ErrorKind.UNSUPPORTED
    material2 = D(
        "MaterialApp",
        kwargs={
            "theme": D("ThemeData", kwargs={"useMaterial3": False}),
            "home": D("Scaffold", kwargs={"body": D("Text", args=("a",), kwargs={"style": AMBIENT_TWICE})}),
        },
    )
    with pytest.raises(MappingError) as info:
        build_screen(material2)
    assert info.value.kind is ErrorKind.UNSUPPORTED
