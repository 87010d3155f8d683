"""End to end: the Material and painting values of the coverage work drawn in Chromium, checked by
their pixels (a resolved checkbox fill, a radial gradient, a PreferredSize bar, a persistent footer,
a MaterialBanner)."""

from __future__ import annotations

import pytest

from .conftest import near, needs_chromium, render_images

pytestmark = [pytest.mark.e2e, needs_chromium]

HEAD = "import 'package:flutter/material.dart';\n"
CHECKBOX = (
    HEAD
    + """
Color fill(Set<MaterialState> states) => Colors.red;
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: Align(
    alignment: Alignment.topLeft, child: Checkbox(value: false, onChanged: (bool? v) {},
    fillColor: MaterialStateProperty.resolveWith(fill))))));
"""
)
GRADIENT = (
    HEAD
    + """
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: Align(
    alignment: Alignment.topLeft, child: Container(width: 200, height: 200, decoration: const BoxDecoration(
    gradient: RadialGradient(radius: 0.25, colors: <Color>[Color(0xFFFF0000), Color(0xFF0000FF)])))))));
"""
)
BAR = (
    HEAD
    + """
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white,
    appBar: PreferredSize(preferredSize: const Size.fromHeight(80), child: Container(color: const Color(0xFF00FF00),
        child: const Column(mainAxisAlignment: MainAxisAlignment.end, children: <Widget>[Text('bar')]))),
    body: const SizedBox.expand(),
    persistentFooterButtons: <Widget>[IconButton(onPressed: () {}, icon: const Icon(Icons.replay))])));
"""
)
BANNER = (
    HEAD
    + """
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: const MaterialBanner(
    content: Text('Hello'), backgroundColor: Color(0xFFE0E0E0),
    actions: <Widget>[TextButton(onPressed: null, child: Text('OPEN')),
                      TextButton(onPressed: null, child: Text('DISMISS'))]))));
"""
)


@pytest.fixture(scope="module")
def shots(backend):
    return render_images(backend, [CHECKBOX, GRADIENT, BAR, BANNER])


def test_checkbox_fill_resolver_fills_the_unchecked_box(shots):
    # a 48 px tap target at the top left; the 18 px box centred in it, filled red inside its border
    assert near(shots[0].getpixel((24, 24)), (0xF4, 0x43, 0x36))  # Colors.red
    assert near(shots[0].getpixel((45, 45)), (255, 255, 255))


def test_radial_gradient_is_red_at_its_centre_and_blue_past_its_radius(shots):
    assert near(shots[1].getpixel((100, 100)), (255, 0, 0), 20)  # centre
    assert near(shots[1].getpixel((100, 160)), (0, 0, 255), 20)  # 60 px out: past 0.25 x 200
    assert near(shots[1].getpixel((250, 100)), (255, 255, 255))  # outside the box


def test_preferred_size_bar_and_persistent_footer(shots):
    shot = shots[2]
    assert near(shot.getpixel((200, 40)), (0, 255, 0)) and near(shot.getpixel((200, 79)), (0, 255, 0))
    assert near(shot.getpixel((200, 81)), (255, 255, 255))  # the body starts at 80
    # the footer: 1 px divider (outlineVariant) + 8 + a 48 px IconButton + 8 = 65 px above the bottom
    height = shot.size[1]
    assert near(shot.getpixel((100, height - 65)), (0xCA, 0xC4, 0xD0), 16)
    assert near(shot.getpixel((100, height - 67)), (255, 255, 255))


def test_material_banner_box_and_its_action_bar(shots):
    shot = shots[3]
    # 24 (top padding) + a 20 px line of bodyMedium + 4 + the 52 px bar = 100 px of E0E0E0
    assert near(shot.getpixel((5, 5)), (0xE0, 0xE0, 0xE0)) and near(shot.getpixel((5, 98)), (0xE0, 0xE0, 0xE0))
    assert near(shot.getpixel((5, 103)), (255, 255, 255))
    # the (disabled, onSurface at 38%) labels are drawn at the end of the bar, none at its start
    bar = [shot.getpixel((x, 74)) for x in range(200, 390)]
    assert any(not near(p, (0xE0, 0xE0, 0xE0), 40) for p in bar)
    assert all(near(shot.getpixel((x, 74)), (0xE0, 0xE0, 0xE0)) for x in range(0, 150))
