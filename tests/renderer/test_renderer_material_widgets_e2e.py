"""End to end: compositions of this module's Material widgets drawn in Chromium, checked by their
pixels (ToggleButtons' fills and borders, a large FAB's size)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from .conftest import needs_chromium
from .test_renderer_widgets_e2e import near

pytestmark = [pytest.mark.e2e, needs_chromium]

SCREEN = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(backgroundColor: Colors.white,
  body: Column(crossAxisAlignment: CrossAxisAlignment.start, children: <Widget>[
    ToggleButtons(isSelected: const <bool>[false, true], onPressed: (int i) {},
        fillColor: const Color(0xFF00FF00), selectedBorderColor: const Color(0xFFFF0000),
        borderColor: const Color(0xFF0000FF), constraints: const BoxConstraints(minWidth: 80, minHeight: 60),
        children: const <Widget>[SizedBox(), SizedBox()]),
    FloatingActionButton.large(onPressed: () {}, backgroundColor: const Color(0xFF000000), elevation: 0,
        child: const Icon(Icons.add, color: Color(0xFF000000))),
  ]))));
"""


@pytest.fixture(scope="module")
def shot(backend):
    (result,) = backend.render_batch([SCREEN], timeout=30)
    assert result.ok, f"{result.error_kind}: {result.message}"
    return Image.open(io.BytesIO(result.png)).convert("RGB")


def test_toggle_buttons_fill_borders_and_divider(shot):
    # Row: 1 px border + 80 px button, a 1 px divider, 80 px button + 1 px border; 60 + 2 px tall.
    assert near(shot.getpixel((40, 31)), (255, 255, 255))  # the unselected button: no fill
    assert near(shot.getpixel((122, 31)), (0, 255, 0))  # the selected one: fillColor
    assert near(shot.getpixel((0, 31)), (0, 0, 255))  # the first's start border: borderColor
    assert near(shot.getpixel((81, 31)), (255, 0, 0))  # the divider next to the selected button
    assert near(shot.getpixel((162, 31)), (255, 0, 0))  # the selected last button's end border
    assert near(shot.getpixel((122, 0)), (255, 0, 0)) and near(shot.getpixel((40, 0)), (0, 0, 255))
    # 62 px tall (above the 48 px minimum): the bottom border on row 61, the FAB from row 62
    assert near(shot.getpixel((40, 61)), (0, 0, 255)) and near(shot.getpixel((40, 60)), (255, 255, 255))


def test_large_fab_is_96_px(shot):
    # below the 62 px toggle row: a black 96 x 96 square with 28 px corners
    assert near(shot.getpixel((48, 62 + 48)), (0, 0, 0)) and near(shot.getpixel((95, 62 + 48)), (0, 0, 0))
    assert near(shot.getpixel((98, 62 + 48)), (255, 255, 255))
    assert near(shot.getpixel((1, 62 + 1)), (255, 255, 255))  # the rounded corner
