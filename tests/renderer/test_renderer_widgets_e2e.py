"""End to end: the widgets of issue 15 drawn in Chromium, checked by their pixels (three screens in
one batch: surfaces and animations, a Cupertino page, a sliver scroll view)."""

from __future__ import annotations

import pytest

from .conftest import near, needs_chromium, render_images

pytestmark = [pytest.mark.e2e, needs_chromium]

SURFACES = """
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Demo()));
class Demo extends StatefulWidget {
  const Demo({super.key});
  @override
  State<Demo> createState() => _DemoState();
}
class _DemoState extends State<Demo> with SingleTickerProviderStateMixin {
  late final AnimationController _controller = AnimationController(vsync: this, duration: const Duration(seconds: 1));
  @override
  Widget build(BuildContext context) {
    return Scaffold(
      backgroundColor: Colors.white,
      body: Column(crossAxisAlignment: CrossAxisAlignment.start, children: [
        Container(width: 200, height: 100, decoration: BoxDecoration(color: Colors.red,
            border: Border.all(color: Colors.black, width: 4),
            image: const DecorationImage(image: NetworkImage('https://example.com/a.png'), fit: BoxFit.cover))),
        const SizedBox(width: 100, height: 100, child: FlutterLogo(size: 100)),
        FadeTransition(opacity: _controller, child: Container(width: 100, height: 50, color: Colors.green)),
        const AnimatedContainer(duration: Duration(seconds: 1), width: 100, height: 50, color: Colors.blue),
        Transform.translate(offset: const Offset(50, 0),
            child: const ColoredBox(color: Colors.orange, child: SizedBox(width: 50, height: 50))),
      ]),
    );
  }
}
"""
CUPERTINO = """
import 'package:flutter/cupertino.dart';
void main() => runApp(const CupertinoApp(theme: CupertinoThemeData(brightness: Brightness.light), home: Page()));
class Page extends StatelessWidget {
  const Page({super.key});
  @override
  Widget build(BuildContext context) {
    return CupertinoPageScaffold(
      navigationBar: const CupertinoNavigationBar(middle: Text('Title')),
      child: SafeArea(child: Column(children: [
        CupertinoButton.filled(onPressed: () {}, child: const Text('Go')),
        CupertinoListSection.insetGrouped(children: const [
          CupertinoListTile(title: Text('One')),
          CupertinoListTile(title: Text('Two')),
        ]),
        CupertinoSwitch(value: true, onChanged: (v) {}),
      ])),
    );
  }
}
"""
SLIVERS = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: CustomScrollView(slivers: [
  const SliverAppBar(expandedHeight: 200, flexibleSpace: FlexibleSpaceBar(background: ColoredBox(color: Colors.blue))),
  SliverList(delegate: SliverChildBuilderDelegate(
      (context, i) => Container(height: 60, color: i.isEven ? Colors.red : Colors.green), childCount: 4)),
  SliverGrid.count(crossAxisCount: 2, children: const [ColoredBox(color: Colors.purple), ColoredBox(color: Colors.yellow)]),
]))));
"""


@pytest.fixture(scope="module")
def shots(backend):
    return render_images(backend, [SURFACES, CUPERTINO, SLIVERS])


def test_surfaces_images_logo_and_animations_at_their_first_frame(shots):
    image = shots[0]
    assert near(image.getpixel((100, 50)), (0xE0, 0xE0, 0xE0))  # the image placeholder over the red
    assert near(image.getpixel((1, 50)), (0, 0, 0))  # under the border
    logo = [image.getpixel((x, y)) for x in range(100) for y in range(100, 200)]
    assert sum(near(p, (0x54, 0xC5, 0xF8), 20) for p in logo) > 600  # light beams
    assert sum(near(p, (0x01, 0x57, 0x9B), 20) for p in logo) > 150  # the dark beam
    assert near(image.getpixel((50, 225)), (255, 255, 255))  # FadeTransition at opacity 0
    assert near(image.getpixel((50, 275)), (0x21, 0x96, 0xF3))  # AnimatedContainer at its target
    assert near(image.getpixel((75, 325)), (0xFF, 0x98, 0x00))  # translated by 50 px
    assert near(image.getpixel((25, 325)), (255, 255, 255))


def test_cupertino_page_button_section_and_switch(shots):
    image = shots[1]
    assert near(image.getpixel((5, 5)), (0xF9, 0xF9, 0xF9), 8)  # the translucent bar over white
    assert near(image.getpixel((195, 80)), (0x00, 0x7A, 0xFF))  # the filled button, below the bar
    assert near(image.getpixel((5, 150)), (0xF2, 0xF2, 0xF7), 6)  # the grouped section's background
    assert near(image.getpixel((300, 125)), (255, 255, 255), 6)  # its rounded group of rows
    switch = [image.getpixel((x, 230)) for x in range(160, 230)]
    assert any(near(p, (0x34, 0xC7, 0x59), 20) for p in switch)  # systemGreen track


def test_slivers_from_the_top_at_offset_zero(shots):
    image = shots[2]
    assert near(image.getpixel((195, 100)), (0x21, 0x96, 0xF3))  # SliverAppBar expanded to 200
    assert near(image.getpixel((195, 230)), (0xF4, 0x43, 0x36))  # first list item
    assert near(image.getpixel((195, 290)), (0x4C, 0xAF, 0x50))  # second
    assert near(image.getpixel((100, 530)), (0x9C, 0x27, 0xB0))  # grid cells, 195 px squares
    assert near(image.getpixel((300, 530)), (0xFF, 0xEB, 0x3B))
