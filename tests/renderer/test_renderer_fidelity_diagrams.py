"""What the flutter/assets-for-api-docs diagrams needed (benchmarks/fidelity_pairs.py), checked on
rendered pixels: a MaterialApp inside the tree, ShapeDecoration, IconButton.color, Scaffold.extendBody
and DefaultTextStyle.of(context).style.apply(...)."""

from __future__ import annotations

import numpy as np
import pytest

from .conftest import needs_chromium
from .test_renderer_fidelity import SURFACE, app, bands, columns, ink, near, painted, render

pytestmark = [pytest.mark.e2e, needs_chromium]

WHITE = (255, 255, 255)
GREEN = (0, 255, 0)
RED = (255, 0, 0)


def test_a_material_app_inside_the_tree_draws_its_own_theme_and_home(backend):
    # material/app.dart: the inner MaterialApp builds a Theme of its own `theme` (not the outer one)
    # around its home route; a home that is not a Scaffold has no Material behind it (black).
    box = "Container(width: 200, height: 300, padding: const EdgeInsets.all(5), color: Colors.white, child: {})"
    dark = "MaterialApp(theme: ThemeData(brightness: Brightness.dark), home: Scaffold(appBar: AppBar(title: const Text('Home'))))"
    bare = "MaterialApp(home: const SizedBox())"
    nested, unscaffolded = render(
        backend,
        app(f"Align(alignment: Alignment.topLeft, child: {box.format(dark)})"),
        app(f"Align(alignment: Alignment.topLeft, child: {box.format(bare)})"),
    )
    assert near(nested[2, 2], WHITE) and near(nested[150, 195], WHITE)  # the container's padding
    inner = nested[200, 100]
    assert inner.max() < 40, inner  # the dark scheme's surface
    assert near(nested[200, 300], SURFACE)  # the outer app's light Scaffold
    assert unscaffolded[150, 100].max() < 10 and near(unscaffolded[2, 2], WHITE)


def test_shape_decoration_paints_a_circle_and_a_rounded_rectangle_with_its_side(backend):
    # painting/shape_decoration.dart: the shape's path filled with the colour, its side stroked inside it.
    circle = (
        "Ink(width: 60, height: 60, decoration: const ShapeDecoration(color: Color(0xFF00FF00), shape: CircleBorder()))"
    )
    rounded = (
        "Container(width: 100, height: 100, decoration: ShapeDecoration(color: const Color(0xFF00FF00), "
        "shape: RoundedRectangleBorder(borderRadius: BorderRadius.circular(30), "
        "side: const BorderSide(color: Color(0xFFFF0000), width: 4))))"
    )
    (pixels,) = render(
        backend, app(f"Column(crossAxisAlignment: CrossAxisAlignment.start, children: [{circle}, {rounded}])")
    )
    assert near(pixels[30, 30], GREEN) and near(pixels[5, 5], SURFACE)  # inside the circle, its corner
    assert near(pixels[30, 2], GREEN) and near(pixels[2, 30], GREEN)  # edge midpoints are on the circle
    top = 60
    assert near(pixels[top + 50, 50], GREEN)
    assert near(pixels[top + 1, 50], RED) and near(pixels[top + 50, 1], RED)  # the side along the edges
    assert near(pixels[top + 2, 2], SURFACE)  # the rounded corner is outside


def test_icon_button_color_is_its_icon_colour(backend):
    # material/icon_button.dart: `color` is the icon's colour through an IconTheme, `disabledColor`
    # when onPressed is null; an Icon's own colour wins.
    buttons = (
        "IconButton(icon: const Icon(Icons.stop), color: const Color(0xFFFF0000), onPressed: () {}), "
        "IconButton(icon: const Icon(Icons.stop), disabledColor: const Color(0xFF00FF00), onPressed: null), "
        "IconButton(icon: const Icon(Icons.stop, color: Color(0xFF0000FF)), color: const Color(0xFFFF0000), "
        "onPressed: () {})"
    )
    (pixels,) = render(backend, app(f"Row(children: [{buttons}])"))
    strip = pixels[:48]
    assert painted(strip[:, :48], RED).sum() > 100
    assert painted(strip[:, 48:96], GREEN).sum() > 100
    assert painted(strip[:, 96:144], (0, 0, 255)).sum() > 100 and not painted(strip[:, 96:144], RED).any()


def test_extend_body_lays_the_body_out_behind_the_bottom_app_bar(backend):
    # material/scaffold.dart: with extendBody the body's height reaches the Scaffold's bottom, so a
    # centred child moves down by half the bar's height (Material 3 BottomAppBar: 80 px).
    bar = "bottomNavigationBar: BottomAppBar(child: Container(height: 40))"
    extended, plain = render(
        backend,
        app("const Center(child: Text('Body'))", scaffold=f"extendBody: true, {bar}"),
        app("const Center(child: Text('Body'))", scaffold=bar),
    )
    text_top = [bands(ink(image[:-100]))[0][0] for image in (extended, plain)]
    assert text_top[0] - text_top[1] == pytest.approx(40, abs=1), text_top


def test_default_text_style_of_context_scaled_by_apply_is_twice_the_ambient_size(backend):
    # painting/text_style.dart: apply(fontSizeFactor: 2) doubles the ambient style's size (bodyMedium, 14 px).
    lines = (
        "Column(crossAxisAlignment: CrossAxisAlignment.start, children: [const Text('Rochambeau'), "
        "Text('Rochambeau', style: DefaultTextStyle.of(context).style.apply(fontSizeFactor: 2.0))])"
    )
    (pixels,) = render(backend, app(lines))
    small, large = bands(ink(pixels))[:2]
    widths = [np.subtract(*columns(ink(pixels[a : b + 1]))[::-1]) + 1 for a, b in (small, large)]
    assert widths[1] / widths[0] == pytest.approx(2.0, abs=0.08), widths
