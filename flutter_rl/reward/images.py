"""Target screenshots and renders as RGB images, whatever form they arrive in.

A `datasets` image column reaches a reward function as a PIL image, a `{"bytes", "path"}` dict, a path
or raw bytes; an `images` column holds a list of those (the first one is the target). Anything that
cannot be read raises `BadImageError` with the reason, so the caller can score that sample 0.
"""

from __future__ import annotations

import hashlib
import io
import os
from typing import Any

from PIL import Image, UnidentifiedImageError


class BadImageError(ValueError):
    """An image that is missing, unreadable or corrupt."""


def load_image(value: Any) -> Image.Image:
    """An RGB PIL image from a PIL image, PNG/JPEG bytes, a file path, a datasets dict or a list of those."""
    if isinstance(value, (list, tuple)):
        if not value:
            raise BadImageError("empty image list")
        value = value[0]
    if value is None:
        raise BadImageError("missing image")
    if isinstance(value, dict):
        value = value.get("bytes") or value.get("path")
        if not value:
            raise BadImageError("image dict has neither bytes nor path")
    try:
        if isinstance(value, Image.Image):
            image = value
        elif isinstance(value, (bytes, bytearray)):
            image = Image.open(io.BytesIO(value))
        elif isinstance(value, (str, os.PathLike)):
            image = Image.open(value)
        else:
            raise BadImageError(f"not an image: {type(value).__name__}")
        image.load()  # decode now: a truncated file fails here, not later inside a metric
        return image.convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        if isinstance(exc, BadImageError):
            raise
        raise BadImageError(f"unreadable image: {exc}") from exc


def image_hash(image: Image.Image) -> str:
    """The sha256 of an image's mode, size and pixel bytes: equal pixels give equal hashes."""
    digest = hashlib.sha256(f"{image.mode}:{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()
