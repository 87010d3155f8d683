"""The fixed prompt: one screenshot plus an instruction asking for one complete Flutter file.

Training rows use TRL's conversational form: `prompt` holds the messages with plain-string content and
the screenshot travels in the `image` column; TRL inserts the image block before the user text. For
generation outside TRL (evaluation), `build_chat(image)` returns the same messages with the image
block already in place, ready for `processor.apply_chat_template`.
"""

from __future__ import annotations

from typing import Any

from PIL import Image

SYSTEM_PROMPT = "You are an expert Flutter developer who turns app screenshots into working Flutter code."

INSTRUCTION = (
    "Write one complete Flutter file that reproduces this phone screen as closely as possible. "
    "Return only the code in a single ```dart block: `import 'package:flutter/material.dart';`, "
    "a `main()` that calls `runApp`, and the widget classes with their `Widget build(BuildContext context)` "
    "methods. Use only the Flutter SDK (no other packages, no network images)."
)


def build_prompt() -> list[dict[str, str]]:
    """The conversational prompt of a training row (the screenshot goes in the row's `image` column)."""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": INSTRUCTION},
    ]


def build_example(image: Image.Image, **columns: Any) -> dict[str, Any]:
    """One training row: the prompt, the screenshot as `image`, and any extra columns for the rewards."""
    if not isinstance(image, Image.Image):
        raise TypeError(f"image must be a PIL image, got {type(image).__name__}")
    return {"prompt": build_prompt(), "image": image.convert("RGB"), **columns}


def build_chat(image: Image.Image) -> list[dict[str, Any]]:
    """The prompt with the screenshot embedded, for `processor.apply_chat_template` outside TRL."""
    system, user = build_prompt()
    return [
        {"role": "system", "content": [{"type": "text", "text": system["content"]}]},
        {"role": "user", "content": [{"type": "image", "image": image}, {"type": "text", "text": user["content"]}]},
    ]
