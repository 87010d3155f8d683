"""End to end: the boxes of coverage session 6 drawn in Chromium, checked by their pixels
(FittedBox, RotatedBox, IconTheme, OverflowBar as a row and as a column)."""

from __future__ import annotations

import pytest

from .conftest import near, needs_chromium, render_images

pytestmark = [pytest.mark.e2e, needs_chromium]

BOXES = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: Column(
  crossAxisAlignment: CrossAxisAlignment.start, children: [
    SizedBox(width: 200, height: 100, child: FittedBox(fit: BoxFit.fill,
        child: Container(width: 20, height: 20, color: Colors.red))),
    RotatedBox(quarterTurns: 1, child: Container(width: 100, height: 20, color: Colors.blue)),
    Container(color: Colors.green, child: IconTheme(data: const IconThemeData(color: Colors.white, size: 48),
        child: Row(mainAxisSize: MainAxisSize.min, children: [const Icon(Icons.stop),
          IconButton(onPressed: () {}, icon: const Icon(Icons.stop))]))),
  ]))));
"""
BARS = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white, body: Column(children: [
  OverflowBar(spacing: 8, children: [
    ElevatedButton(onPressed: () {}, child: const Text('One')),
    ElevatedButton(onPressed: () {}, child: const Text('Two'))]),
  OverflowBar(overflowAlignment: OverflowBarAlignment.end, children: [
    ElevatedButton(onPressed: () {}, child: const Text('A long label for the first button')),
    ElevatedButton(onPressed: () {}, child: const Text('A long label for the second one'))]),
]))));
"""


def _rows_with(image, y_range, x_range, predicate) -> list[int]:
    return [y for y in y_range if any(predicate(image.getpixel((x, y))) for x in x_range)]


def test_boxes_are_drawn_as_flutter_lays_them_out(backend):
    boxes, bars = render_images(backend, [BOXES, BARS])
    red = (244, 67, 54)
    # FittedBox(fill): the 20 px square stretched over the 200 x 100 box, nothing beyond it.
    assert near(boxes.getpixel((5, 5)), red) and near(boxes.getpixel((195, 95)), red)
    assert not near(boxes.getpixel((205, 50)), red) and not near(boxes.getpixel((100, 105)), red)
    # RotatedBox: 100 x 20 laid out as 20 x 100 below it.
    blue = (33, 150, 243)
    assert near(boxes.getpixel((10, 150)), blue) and near(boxes.getpixel((10, 195)), blue)
    assert not near(boxes.getpixel((40, 110)), blue)
    # IconTheme: both 48 px stop icons are white on the green row (the icon button's too).
    white = (255, 255, 255)
    top = 200
    icon_pixels = [x for x in range(0, 150) if near(boxes.getpixel((x, top + 24)), white, 20)]
    assert icon_pixels and min(icon_pixels) < 40 and max(icon_pixels) > 60
    # OverflowBar: two short buttons side by side at the top; two long ones stacked, end-aligned
    # (found by their primary-coloured labels).
    label = lambda p: p[2] - p[1] > 40 and p[0] < 200  # noqa: E731
    first_row = _rows_with(bars, range(0, 60), range(0, 390), label)
    middle = first_row[len(first_row) // 2]
    xs = [x for x in range(390) if label(bars.getpixel((x, middle)))]
    # 'One' then 'Two' on one line, the bar as wide as they are, centred by the Column
    assert first_row and 100 < min(xs) < 160 and 230 < max(xs) < 290
    below = _rows_with(bars, range(60, 200), range(300, 370), label)
    assert below and max(below) - min(below) > 30  # two labels on top of each other
    assert not _rows_with(bars, range(60, 200), range(0, 100), label)  # at the end, not the start
