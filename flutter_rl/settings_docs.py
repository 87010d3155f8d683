"""The settings' defaults and help, written out: `pipeline.toml` and `flutter-rl config --explain`.

Both read the `Field(default, description=...)` of `flutter_rl.settings`, the one place a default is
written; `tests/foundation/test_settings_docs.py` fails when `pipeline.toml` is not what
`defaults_toml()` generates (regenerate it with `flutter-rl config defaults > pipeline.toml`).
"""

from __future__ import annotations

import json
import textwrap
from typing import Any, Iterator

from pydantic import BaseModel

from flutter_rl.settings import Settings

HEADER = """\
# flutter-rl settings. Every setting lives here; `flutter-rl config show` prints the resolved values and
# `flutter-rl config --explain` their help. Generated from flutter_rl/settings.py (the one place a default
# and its help are written): edit the values, but add or document a setting there, then run
# `flutter-rl config defaults > pipeline.toml`.
# Choose a preset (a file recipes/NAME.toml overlaying these values) with `preset = "..."`,
# FLUTTER_RL_PRESET, or `--preset`; override a key with FLUTTER_RL__SECTION__KEY=value or
# `--set section.key=value`.
"""
VALUE_COLUMN = 30  # inline help starts here, as in the hand-written file this replaced
WIDTH = 120  # a help text that would pass this column goes on comment lines above its key


def toml_value(value: Any) -> str:
    """One TOML value for a setting's type (strings, numbers, booleans, lists of those)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's string escapes are TOML's basic-string escapes
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def _is_section(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, WIDTH - 2)]


def _with_help(line: str, help_text: str) -> str:
    return f"{line:<{VALUE_COLUMN - 2}}  # {help_text}" if help_text else line


def _section_lines(name: str, model: type[BaseModel], defaults: BaseModel) -> Iterator[str]:
    if model.__doc__:
        yield from _comment(model.__doc__.strip().splitlines()[0])
    yield f"[{name}]"
    tables = []
    for key, field in model.model_fields.items():
        value = getattr(defaults, key)
        if _is_section(field.annotation) or _is_table(value):
            tables.append((key, field))
            continue
        line = f"{key} = {toml_value(value)}"
        help_text = field.description or ""
        inline = _with_help(line, help_text)
        if len(inline) <= WIDTH:
            yield inline
        else:
            yield from _comment(help_text)
            yield line
    for key, field in tables:
        yield ""
        if _is_section(field.annotation):
            yield from _section_lines(f"{name}.{key}", field.annotation, getattr(defaults, key))
        else:
            yield from _comment(field.description or "")
            yield f"[{name}.{key}]"
            yield from (f"{k} = {toml_value(v)}" for k, v in getattr(defaults, key).items())


def defaults_toml() -> str:
    """The text of `pipeline.toml`: every setting at its default, with its help as a comment."""
    defaults = Settings()
    lines = HEADER.splitlines()
    preset = Settings.model_fields["preset"]
    lines.append(_with_help(f"preset = {toml_value(defaults.preset)}", preset.description or ""))
    for name, field in Settings.model_fields.items():
        if _is_section(field.annotation):
            lines += ["", *_section_lines(name, field.annotation, getattr(defaults, name))]
    return "\n".join(lines) + "\n"


def explain(settings: Settings) -> str:
    """One line per setting: `section.key = value`, the default when it differs, and the help."""
    rows = []

    def walk(prefix: str, model: BaseModel, defaults: BaseModel) -> None:
        for key, field in type(model).model_fields.items():
            if field.exclude:
                continue
            value, default = getattr(model, key), getattr(defaults, key)
            if isinstance(value, BaseModel):
                walk(f"{prefix}{key}.", value, default)
                continue
            shown = json.dumps(value)
            changed = "" if value == default else f"  (default {json.dumps(default)})"
            rows.append(f"{prefix}{key} = {shown}{changed}\n    {field.description or ''}")

    walk("", settings, Settings())
    return "\n".join(rows)
