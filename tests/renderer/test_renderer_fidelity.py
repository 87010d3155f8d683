"""Fidelity fixes, checked on rendered pixels: what real Flutter draws (the sources cited per test)
against what the embedded renderer draws."""

from __future__ import annotations

import io
from itertools import pairwise

import numpy as np
import pytest
from PIL import Image

from flutter_renderer.embedded.fonts import find_roboto_faces

from .conftest import needs_chromium

pytestmark = [pytest.mark.e2e, needs_chromium]

SURFACE = (0xFE, 0xF7, 0xFF)  # the M3 baseline light surface (the Scaffold's background)
PRIMARY = (0x67, 0x50, 0xA4)
GREY = (0xE0, 0xE0, 0xE0)  # the image placeholder


def app(body: str, theme: str = "", scaffold: str = "") -> str:
    """A one-file app whose Scaffold body is `body` (built with a BuildContext `context`); `theme`
    is ThemeData's argument list, `scaffold` more Scaffold arguments."""
    return (
        f"import 'package:flutter/material.dart';\n"
        f"void main() => runApp(MaterialApp(theme: ThemeData({theme}), home: const Home()));\n"
        f"class Home extends StatelessWidget {{\n  const Home({{super.key}});\n  @override\n"
        f"  Widget build(BuildContext context) => Scaffold(body: {body}{', ' + scaffold if scaffold else ''});\n}}\n"
    )


def render(backend, *codes: str) -> list[np.ndarray]:
    """RGB arrays of the renders (fails the test when one does not render)."""
    results = backend.render_batch(list(codes))
    for result in results:
        assert result.ok, f"{result.error_kind}: {result.message}"
    return [np.asarray(Image.open(io.BytesIO(r.png)).convert("RGB")).astype(int) for r in results]


def ink(pixels: np.ndarray, background=SURFACE, threshold: int = 60) -> np.ndarray:
    """True where a pixel differs clearly from the background."""
    return np.abs(pixels - np.array(background)).max(axis=-1) > threshold


def bands(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) rows of each run of rows that contain ink."""
    rows = mask.any(axis=1)
    runs, start = [], None
    for y, on in enumerate(list(rows) + [False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            runs.append((start, y - 1))
            start = None
    return runs


def columns(mask: np.ndarray) -> tuple[int, int]:
    """First and last column with ink."""
    xs = np.where(mask.any(axis=0))[0]
    return int(xs.min()), int(xs.max())


def near(pixel: np.ndarray, color: tuple[int, int, int], tolerance: int = 3) -> bool:
    return bool(np.abs(pixel - np.array(color)).max() <= tolerance)


def painted(pixels: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    """True where a pixel is `color` (within 2 levels per channel)."""
    return np.abs(pixels - np.array(color)).max(axis=-1) <= 2


# --- fonts -------------------------------------------------------------------------------------


@pytest.mark.skipif(not find_roboto_faces(), reason="fonts-roboto-unhinted is not installed (scripts/setup.sh)")
def test_bold_medium_and_italic_are_real_roboto_faces(backend):
    # Real Roboto Bold is wider than Regular (a synthesized bold is the regular outline smeared by a
    # pixel); Medium is its own face (synthesized, it is drawn as Regular).
    line = "'The quick brown fox jumps over', style: TextStyle(fontSize: 20"
    rows = ", ".join(
        f"Text({line}{extra}))"
        for extra in (
            "",
            ", fontWeight: FontWeight.w500",
            ", fontWeight: FontWeight.bold",
            ", fontStyle: FontStyle.italic",
        )
    )
    (pixels,) = render(backend, app(f"Column(crossAxisAlignment: CrossAxisAlignment.start, children: [{rows}])"))
    lines = bands(ink(pixels))[:4]
    assert len(lines) == 4, lines
    regular, medium, bold = (ink(pixels[a : b + 1]) for a, b in lines[:3])
    regular_width, bold_width = (np.subtract(*columns(mask)[::-1]) + 1 for mask in (regular, bold))
    assert bold_width >= 1.01 * regular_width, (regular_width, bold_width)
    assert medium.sum() > 1.1 * regular.sum()  # a heavier face, not the regular one drawn again


# --- visual density and tap targets ------------------------------------------------------------


def _pitch(pixels: np.ndarray, x0: int, x1: int) -> list[int]:
    """Vertical distances between successive inked bands of the strip x0..x1."""
    tops = [a for a, _ in bands(ink(pixels[:, x0:x1]))]
    return [b - a for a, b in pairwise(tops)]


def test_shrink_wrapped_tap_targets_and_density_size_checkboxes_radios_and_buttons(backend):
    # checkbox.dart / radio.dart: 48 px, 40 when shrink-wrapped, + 4 px per density unit (compact
    # -2); M3 IconButton: 40 px with its standard density; TextButton: 40 px (64 x 40 minimum).
    theme = "materialTapTargetSize: MaterialTapTargetSize.shrinkWrap, visualDensity: VisualDensity.compact"
    checks = (
        "Column(children: [Checkbox(value: true, onChanged: null), Checkbox(value: true, onChanged: null), "
        "Checkbox(value: true, onChanged: null)])"
    )
    radios = (
        "Column(children: [Radio(value: 1, groupValue: 1, onChanged: null), "
        "Radio(value: 1, groupValue: 1, onChanged: null), Radio(value: 1, groupValue: 1, onChanged: null)])"
    )
    icons = (
        "Column(children: [IconButton(icon: Icon(Icons.add), onPressed: null), "
        "IconButton(icon: Icon(Icons.add), onPressed: null), IconButton(icon: Icon(Icons.add), onPressed: null)])"
    )
    texts = (
        "Column(children: [TextButton(onPressed: null, child: Text('A')), "
        "TextButton(onPressed: null, child: Text('A')), TextButton(onPressed: null, child: Text('A'))])"
    )
    layout = f"Row(crossAxisAlignment: CrossAxisAlignment.start, children: [{checks}, {radios}, {icons}, {texts}])"
    shrunk, padded = render(backend, app(layout, theme), app(layout, "visualDensity: VisualDensity.compact"))
    assert _pitch(shrunk, 0, 32) == [32, 32]  # 40 - 8
    assert _pitch(shrunk, 32, 64) == [32, 32]
    assert _pitch(shrunk, 64, 104) == [40, 40]  # standard density: 40, not the 48 tap target
    assert _pitch(shrunk, 104, 168) == [32, 32]  # compact: 40 - 8
    assert _pitch(padded, 0, 40) == [40, 40]  # padded: 48 - 8


def test_a_widget_s_own_tap_target_size_wins_over_the_theme(backend):
    boxes = ", ".join(
        ["Checkbox(value: true, onChanged: null, materialTapTargetSize: MaterialTapTargetSize.shrinkWrap)"] * 3
    )
    (pixels,) = render(backend, app(f"Column(children: [{boxes}])"))
    assert _pitch(pixels, 0, 40) == [40, 40]


# --- BottomNavigationBar -----------------------------------------------------------------------

_ITEMS = (
    "items: const [BottomNavigationBarItem(icon: Icon(Icons.home), label: 'Home'), "
    "BottomNavigationBarItem(icon: Icon(Icons.business), label: 'Business'), "
    "BottomNavigationBarItem(icon: Icon(Icons.school), label: 'School'){}]"
)


def test_bottom_navigation_bar_casts_its_shadow_below_and_is_58_px_in_material_3(backend):
    # A Material of elevation 8: the shadow falls mostly below it. M3 labels are bodyMedium lines (20 px):
    # 7 + 24 + 20 + 7 = 58 px (as on assets-for-api-docs' bottom_navigation_bar.png).
    bar = f"BottomNavigationBar({_ITEMS.format('')})"
    floating, docked = render(
        backend,
        app(f"Column(children: [Expanded(child: SizedBox()), {bar}, Expanded(child: SizedBox())])"),
        app("SizedBox()", scaffold=f"bottomNavigationBar: {bar}"),
    )

    def darkness(pixels: np.ndarray) -> np.ndarray:  # against the surface, left of the first icon
        return np.clip(sum(SURFACE) - pixels[:, 5].sum(axis=-1), 0, None)

    shade = darkness(floating)
    middle = floating.shape[0] // 2
    assert shade[middle:].sum() > 2 * shade[:middle].sum() > 0
    # Docked at the bottom, only the shadow's upper penumbra shows, darkest right above the bar.
    assert docked.shape[0] - int(np.argmax(darkness(docked))) == 59


def test_shifting_bottom_navigation_bar_without_item_colours_is_drawn_on_surface(backend):
    # bottom_navigation_bar.dart: a shifting bar's colour is the selected item's backgroundColor,
    # else the Material's canvas colour (surface); never primary.
    star = ", BottomNavigationBarItem(icon: Icon(Icons.star), label: 'Star')"
    (pixels,) = render(
        backend, app("SizedBox()", scaffold=f"bottomNavigationBar: BottomNavigationBar({_ITEMS.format(star)})")
    )
    assert near(pixels[-10, 3], SURFACE), pixels[-10, 3]


# --- DrawerHeader ------------------------------------------------------------------------------


def test_drawer_header_with_a_decoration_draws_it(backend):
    # drawer_header.dart: 161 px tall, the decoration box fills it, margin 8 below.
    code = app(
        "Column(crossAxisAlignment: CrossAxisAlignment.stretch, children: [DrawerHeader("
        "decoration: BoxDecoration(color: Color(0xFF2196F3)), child: Text('Header')), Text('below')])"
    )
    (pixels,) = render(backend, code)
    blue = np.array([near(p, (0x21, 0x96, 0xF3)) for p in pixels[:200, 200]])
    assert blue[:160].all() and not blue[162:].any()


# --- images ------------------------------------------------------------------------------------


def test_images_are_laid_out_as_flutter_lays_out_an_image_before_it_loads(backend):
    # rendering/image.dart: with no image yet, the box is tightFor(width, height).enforce(constraints)
    # .smallest: nothing for an unsized image under loose constraints, no full-width band for a
    # height-only one; the given size when given; the full width when the width is tight.
    code = app(
        "Column(children: [Image.asset('a.png', height: 80), Image.network('https://h/x.png', width: 100, "
        "height: 50), Expanded(child: Center(child: Image.network('https://h/y.png'))), "
        "Column(crossAxisAlignment: CrossAxisAlignment.stretch, children: [Image.asset('b.png', height: 40)])])"
    )
    (pixels,) = render(backend, code)
    grey = painted(pixels, GREY)
    assert bands(grey) == [(80, 129), (pixels.shape[0] - 40, pixels.shape[0] - 1)]
    assert columns(grey[80:130]) == (145, 244)
    assert columns(grey[-40:]) == (0, pixels.shape[1] - 1)


# --- text fields, transforms, dropdowns, theme text styles -------------------------------------


def test_input_decoration_icon_and_prefix_and_suffix_are_drawn(backend):
    # input_decorator.dart: the icon sits before the field (24 px + 16 px gap); prefix and suffix show
    # once the field has text.
    field = (
        "Padding(padding: EdgeInsets.all(16), child: TextFormField(initialValue: 'abc', "
        "decoration: InputDecoration({}border: OutlineInputBorder())))"
    )
    plain, decorated = render(
        backend,
        app(field.format("")),
        app(field.format("icon: Icon(Icons.send), prefix: Text('Pre'), suffix: Text('Suf'), ")),
    )
    rows = slice(16 + 12, 16 + 56 - 12)  # inside the 56 px field, clear of its border
    assert ink(plain[rows, 18:28]).sum() == 0  # the field's own left padding
    assert ink(decorated[rows, 16:40]).sum() > 50  # the send icon
    assert ink(decorated[rows, 60:370]).sum() > 2 * ink(plain[rows, 18:370]).sum()  # Pre + abc + Suf


def test_container_transform_moves_and_rotates_the_container(backend):
    code = app(
        "Column(crossAxisAlignment: CrossAxisAlignment.start, children: [Container(width: 100, height: 50, "
        "color: Color(0xFFFF0000), transform: Matrix4.translationValues(40, 10, 0)), SizedBox(height: 100), "
        "Container(width: 100, height: 50, color: Color(0xFF00FF00), transform: Matrix4.rotationZ(0.1))])"
    )
    (pixels,) = render(backend, code)
    red, green = painted(pixels, (255, 0, 0)), painted(pixels, (0, 255, 0))
    assert bands(red) == [(10, 59)] and columns(red) == (40, 139)
    # Rotated by 0.1 rad about its top-left corner (0, 150): the top edge drops ~10 px over 100 px.
    left_top = min(y for y in range(pixels.shape[0]) if green[y, 2])
    right_top = min(y for y in range(pixels.shape[0]) if green[y, 95])
    assert left_top in (150, 151) and 8 <= right_top - left_top <= 11


def test_dropdown_underline_sits_8_px_above_the_bottom_of_the_48_px_button(backend):
    # dropdown.dart: the underline is Positioned(bottom: 8) unless isDense or itemHeight is null.
    code = app(
        "Align(alignment: Alignment.topLeft, child: DropdownButton<String>(value: 'a', onChanged: (v) {}, "
        "underline: Container(height: 2, color: Color(0xFF0000FF)), items: const [DropdownMenuItem("
        "value: 'a', child: Text('One')), DropdownMenuItem(value: 'b', child: Text('A much longer item'))]))"
    )
    (pixels,) = render(backend, code)
    blue = painted(pixels, (0, 0, 255))
    assert bands(blue) == [(38, 39)]
    # As wide as the widest item (an IndexedStack), not the selected one.
    assert columns(blue)[1] > 120


def test_theme_text_style_copy_with_keeps_the_theme_style(backend):
    # `textTheme.headlineMedium!.copyWith(color: ...)` is headlineMedium (28 px) in that colour.
    small, large = render(
        backend,
        app("Text('Hello', style: TextStyle(color: Color(0xFF000000)))"),
        app("Text('Hello', style: Theme.of(context).textTheme.headlineMedium!.copyWith(color: Color(0xFF000000)))"),
    )
    (small_top, small_bottom), (large_top, large_bottom) = bands(ink(small))[0], bands(ink(large))[0]
    assert large_bottom - large_top > 1.5 * (small_bottom - small_top)
