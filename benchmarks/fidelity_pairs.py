"""Rebuild the fidelity benchmark's pairs from a mirror of flutter/assets-for-api-docs.

    .venv/bin/python benchmarks/fidelity_pairs.py ASSETS_REPO_GIT_DIR OUT_DIR [--commit COMMIT]

For each of the 40 diagrams of `benchmarks/README.md`, OUT_DIR gets `NAME.dart` (the diagram's source
file as written, shown in a screen) and `NAME.png` (the image Flutter drew of it,
`assets/<material|widgets>/NAME.png`). Both are Flutter's, so OUT_DIR must stay outside this
repository; `benchmarks/fidelity.py OUT_DIR` measures them.

What is taken out of the diagram's file is the diagram harness only, by text edits that do not touch
the diagram's code: the harness's imports (`diagram_step.dart`, and `flutter_test`, which the
diagrams run under: dropdown_button's file imports it and uses none of it), the `with
DiagramMetadata` mixin (and the `@override` of the `name` it declared) and the `...DiagramStep`
class. The diagram widget is built
as the harness builds it: the element of the step's `diagrams` list whose name (a string literal or
one of the file's top-level `const String` names) is NAME, or the list's only element. It is shown in
the screen the PNGs were drawn on: a `MaterialApp` with the Linux desktop's theme (compact density,
shrink-wrapped tap targets), a `Scaffold` for the harness's `Material` and an `Align` at the top
left for its `Center` (the same layout, with the origin where the benchmark compares).
"""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

COMMIT = "fba3b82dd70ac2f340629bcc65e4a57c0952a202"
SOURCE_DIR = "packages/diagrams/lib/src"

# diagram name -> its source file (without `.dart`); the category comes from the file's step.
DIAGRAMS = {
    "bottom_navigation_bar": "bottom_navigation_bar",
    "card": "card",
    "checkbox_list_tile": "checkbox_list_tile",
    "checkbox_list_tile_custom": "checkbox_list_tile",
    "data_table": "data_table",
    "divider": "divider",
    "dropdown_button": "dropdown_button",
    "floating_action_button": "floating_action_button",
    "floating_action_button_label": "floating_action_button",
    "icon_button": "icon_button",
    "icon_button_background": "icon_button",
    "input_decoration": "input_decoration",
    "input_decoration_error": "input_decoration",
    "input_decoration_prefix_suffix": "input_decoration",
    "list_tile": "list_tile",
    "basic_material_app": "material_app",
    "theme_material_app": "material_app",
    "radio_list_tile": "radio_list_tile",
    "radio_list_tile_custom": "radio_list_tile",
    "scaffold": "scaffold",
    "scaffold_bottom_app_bar": "scaffold",
    "scaffold_background_color": "scaffold",
    "switch_list_tile": "switch_list_tile",
    "switch_list_tile_custom": "switch_list_tile",
    "text_field": "text_field",
    "text_form_field": "text_form_field",
    "align_constant": "align",
    "align_alignment": "align",
    "align_fractional_offset": "align",
    "column": "column",
    "column_properties": "column",
    "container_a": "container",
    "container_b": "container",
    "expanded_column": "expanded",
    "expanded_row": "expanded",
    "icon": "icon",
    "list_view": "list_view",
    "padding": "padding",
    "row": "row",
    "stack": "stack",
}

SCREEN = """
void main() => runApp(MaterialApp(
      theme: ThemeData(
        visualDensity: VisualDensity.compact,
        materialTapTargetSize: MaterialTapTargetSize.shrinkWrap,
      ),
      home: Scaffold(body: Align(alignment: Alignment.topLeft, child: {diagram})),
    ));
"""


class ExtractionError(Exception):
    """A diagram whose file does not have the shape this script edits."""


def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    """The bytes of `path` at `commit` of the bare repository `git_dir`."""
    return subprocess.run(
        ["git", "-C", str(git_dir), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def step_class(source: str) -> tuple[int, int]:
    """Start and end offsets of the `class ... extends DiagramStep { ... }` declaration."""
    match = re.search(r"^class \w+ extends DiagramStep \{", source, re.MULTILINE)
    if match is None:
        raise ExtractionError("no DiagramStep class")
    depth = 0
    for index in range(match.end() - 1, len(source)):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return match.start(), index + 1
    raise ExtractionError("unbalanced DiagramStep class")


def diagram_entries(step: str) -> list[str]:
    """The elements of the step's `diagrams` list literal, as written."""
    match = re.search(r"get diagrams async\s*=>\s*<\w+>\[(.*)\];", step, re.DOTALL)
    if match is None:
        raise ExtractionError("the step's diagrams are not one list literal")
    entries, depth, current = [], 0, ""
    for char in match.group(1):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            entries.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        entries.append(current.strip())
    return entries


def constructor_for(source: str, step: str, name: str) -> str:
    """The element of the step's list that builds diagram `name`."""
    constants = dict(re.findall(r"^const String (\w+) = '([^']*)';", source, re.MULTILINE))
    entries = diagram_entries(step)
    for entry in entries:
        literals = re.findall(r"'([^']*)'", entry)
        names = [constants[word] for word in re.findall(r"\b_?\w+\b", entry) if word in constants]
        if name in literals + names:
            return entry
    if len(entries) == 1:
        return entries[0]
    raise ExtractionError(f"no element of the step's diagrams builds {name!r}")


def without_harness(source: str) -> str:
    """The diagram's file without the diagram harness: its import, the mixin and the step class."""
    start, end = step_class(source)
    source = source[:start] + source[end:]
    source = re.sub(
        r"^import '(diagram_step\.dart|package:flutter_test/flutter_test\.dart)';\n", "", source, flags=re.MULTILINE
    )
    source, mixins = re.subn(r"\s+with DiagramMetadata\b", "", source)
    if mixins == 0:
        raise ExtractionError("no DiagramMetadata mixin")
    # The `name` the mixin declared is no longer an override.
    return re.sub(r"@override(\s+(?:final String name;|String get name\b))", r"\1", source)


def screen_file(source: str, name: str) -> str:
    """The one-file app that shows diagram `name` of `source` as the PNG's screen showed it."""
    start, end = step_class(source)
    diagram = constructor_for(source, source[start:end], name)
    return without_harness(source).rstrip() + "\n" + SCREEN.format(diagram=diagram)


def category(source: str) -> str:
    """`material` or `widgets`: the assets folder of the step's PNGs."""
    match = re.search(r"final String category = '(\w+)';", source)
    if match is None:
        raise ExtractionError("no category")
    return match.group(1)


def build(git_dir: Path, out: Path, commit: str) -> list[str]:
    """Write every pair into `out`; returns a line per diagram that could not be extracted."""
    out.mkdir(parents=True, exist_ok=True)
    failures = []
    for name, file in DIAGRAMS.items():
        source = git_show(git_dir, commit, f"{SOURCE_DIR}/{file}.dart").decode()
        try:
            code, png = screen_file(source, name), f"assets/{category(source)}/{name}.png"
        except ExtractionError as error:
            failures.append(f"{name}: {error}")
            continue
        try:
            image = git_show(git_dir, commit, png)
        except subprocess.CalledProcessError:
            failures.append(f"{name}: no {png} at that commit")
            continue
        (out / f"{name}.dart").write_text(code)
        (out / f"{name}.png").write_bytes(image)
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("git_dir", type=Path, help="a clone or bare mirror of flutter/assets-for-api-docs")
    parser.add_argument("out", type=Path, help="where the pairs go (outside this repository)")
    parser.add_argument("--commit", default=COMMIT)
    args = parser.parse_args()
    failures = build(args.git_dir, args.out, args.commit)
    print(f"{len(DIAGRAMS) - len(failures)}/{len(DIAGRAMS)} pairs written to {args.out}")
    for line in failures:
        print("not extracted:", line)


if __name__ == "__main__":
    main()
