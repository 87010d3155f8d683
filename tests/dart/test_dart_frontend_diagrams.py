"""Front-end features the flutter/assets-for-api-docs diagrams read in `build` (benchmarks/fidelity_pairs.py):
the widget's own `key`, `timeDilation`, `DefaultTextStyle.of(context)` and `TextStyle.apply`."""

from __future__ import annotations

from flutter_renderer.dart import compile_screen
from flutter_renderer.ir import DartObject

WIDTH, HEIGHT = 390, 844

INNER = (
    "class Inner extends StatelessWidget {\n"
    "  const Inner({super.key});\n"
    "  @override\n"
    "  Widget build(BuildContext context) => Text(key == null ? 'no key' : 'keyed');\n"
    "}\n"
    "class Explicit extends StatelessWidget {\n"
    "  const Explicit({Key? key}) : super(key: key);\n"
    "  @override\n"
    "  Widget build(BuildContext context) => Text(key == null ? 'no key' : 'keyed');\n"
    "}\n"
)


def test_a_widget_reads_its_own_key_in_build(make_screen) -> None:
    def built(expr: str) -> str:
        root = compile_screen(make_screen(expr, top=INNER), width=WIDTH, height=HEIGHT)
        return root.args[0]

    assert built("const Inner()") == "no key"
    assert built("Inner(key: UniqueKey())") == "keyed"
    assert built("Explicit(key: ValueKey(1))") == "keyed"
    assert built("const Explicit()") == "no key"


def test_time_dilation_is_one_at_the_first_frame(expr_value) -> None:
    top = "import 'package:flutter/scheduler.dart' show timeDilation;\n"
    assert expr_value("timeDilation != 1.0 ? 'slow' : 'normal'", top=top) == "normal"


def test_default_text_style_of_is_the_ambient_style_and_apply_scales_it(make_screen) -> None:
    root = compile_screen(
        make_screen(
            "Text('x', style: DefaultTextStyle.of(context).style.apply(fontSizeFactor: 2.0, fontSizeDelta: 1.0))"
        ),
        width=WIDTH,
        height=HEIGHT,
    )
    style = root.kwargs["style"]
    assert isinstance(style, DartObject) and style.kwargs["_ambient"] is True
    assert (style.kwargs["_fontSizeFactor"], style.kwargs["_fontSizeDelta"]) == (2.0, 1.0)


def test_apply_scales_a_known_size_and_keeps_a_theme_style_symbolic(make_screen) -> None:
    def style_of(expr: str) -> DartObject:
        return compile_screen(make_screen(f"Text('x', style: {expr})"), width=WIDTH, height=HEIGHT).kwargs["style"]

    assert style_of("TextStyle(fontSize: 10).apply(fontSizeFactor: 2.0, fontSizeDelta: 3.0)").kwargs["fontSize"] == 23.0
    themed = style_of("Theme.of(context).textTheme.titleLarge!.apply(fontSizeFactor: 1.5, color: Colors.red)")
    assert themed.kwargs["_theme"] == "titleLarge"
    assert themed.kwargs["_fontSizeFactor"] == 1.5 and themed.kwargs["color"] is not None
    # a size given after apply is the size drawn
    resized = style_of("DefaultTextStyle.of(context).style.apply(fontSizeFactor: 2.0).copyWith(fontSize: 9)")
    assert resized.kwargs["fontSize"] == 9 and "_fontSizeFactor" not in resized.kwargs
