"""End to end: boxes and at-rest widgets of the widgets library drawn in Chromium, checked by their
pixels (IndexedStack, Offstage, a Container under a maximum, a DraggableScrollableSheet, a text
field's controller text, a Navigator's initial route, a FractionallySizedBox)."""

from __future__ import annotations

import pytest

from .conftest import near, needs_chromium, render_images

pytestmark = [pytest.mark.e2e, needs_chromium]

BOXES = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: Column(
  crossAxisAlignment: CrossAxisAlignment.start,
  children: <Widget>[
    const IndexedStack(index: 1, children: <Widget>[
      ColoredBox(color: Colors.red, child: SizedBox(width: 100, height: 40)),
      ColoredBox(color: Colors.green, child: SizedBox(width: 60, height: 20)),
    ]),
    const Offstage(child: ColoredBox(color: Colors.blue, child: SizedBox(width: 50, height: 50))),
    Container(alignment: Alignment.center, color: Colors.orange,
        constraints: const BoxConstraints(maxWidth: 300, maxHeight: 50), child: const Text('max')),
    Expanded(child: DraggableScrollableSheet(initialChildSize: 0.5,
        builder: (BuildContext context, ScrollController controller) => const ColoredBox(color: Colors.purple))),
  ],
))));
"""
FRACTION = """
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: SizedBox(
  width: 200, height: 400,
  child: FractionallySizedBox(widthFactor: 0.5, heightFactor: 0.25, alignment: Alignment.bottomRight,
      child: ColoredBox(color: Colors.blue)),
))));
"""
NAVIGATOR = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: Navigator(
  onGenerateRoute: (RouteSettings settings) => MaterialPageRoute<Object>(
    settings: settings,
    builder: (BuildContext context) => Column(children: <Widget>[
      Container(height: 100, color: settings.name == '/' ? Colors.teal : Colors.red),
      TextField(controller: TextEditingController(text: 'WWWWWWWW'),
          style: const TextStyle(fontSize: 40, color: Colors.black)),
    ]),
  ),
))));
"""


@pytest.fixture(scope="module")
def shots(backend):
    return render_images(backend, [BOXES, NAVIGATOR, FRACTION])


def test_indexed_stack_offstage_a_maximum_and_a_sheet_at_its_initial_size(shots):
    image = shots[0]
    assert near(image.getpixel((30, 10)), (0x4C, 0xAF, 0x50))  # the shown child, index 1
    assert near(image.getpixel((80, 30)), (255, 255, 255))  # the hidden one keeps the stack 100 x 40
    assert near(image.getpixel((290, 65)), (0xFF, 0x98, 0x00))  # the Container is 300 wide, right below
    assert near(image.getpixel((310, 65)), (255, 255, 255))  # (Offstage took no room)
    assert near(image.getpixel((195, 300)), (255, 255, 255))  # the top half of the sheet's space is empty
    assert near(image.getpixel((195, 600)), (0x9C, 0x27, 0xB0))  # the sheet fills the bottom half
    assert near(image.getpixel((195, 470)), (0x9C, 0x27, 0xB0))  # which starts at 90 + 754 / 2 = 467


def test_a_navigator_shows_its_initial_route_and_a_field_its_controllers_text(shots):
    image = shots[1]
    assert near(image.getpixel((195, 50)), (0x00, 0x96, 0x88))  # the route for '/'
    text = [image.getpixel((x, y)) for x in range(10, 300) for y in range(105, 170)]
    assert sum(near(p, (0, 0, 0), 60) for p in text) > 500  # the controller's text is drawn


def test_a_fractionally_sized_box_is_its_fraction_of_the_parent_at_its_alignment(shots):
    image = shots[2]
    assert near(image.getpixel((150, 350)), (0x21, 0x96, 0xF3))  # 100 x 100 at the bottom right of 200 x 400
    assert near(image.getpixel((103, 303)), (0x21, 0x96, 0xF3))
    assert near(image.getpixel((97, 350)), (255, 255, 255))  # left of it
    assert near(image.getpixel((150, 297)), (255, 255, 255))  # above it
    assert near(image.getpixel((150, 403)), (255, 255, 255))  # below the parent
