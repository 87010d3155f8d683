"""Image checks and normalization: decode, size and aspect checks, system bars cropped
(`system_bars`), RGB + resize, perceptual hash.

Normalized PNGs go to a content-addressed store (`<sha256>.png`), so items carry paths, not bytes,
and normalizing the same image twice writes nothing new. The original file is never modified.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from flutter_rl.curate.items import Item, RawItem, Rejection
from flutter_rl.curate.system_bars import apply_crop, crop_for
from flutter_rl.settings import DataSettings

HASH_SIZE = 8  # 8 x 8 = 64-bit perceptual hash
_DCT_SIZE = 32  # pHash: DCT of a 32 x 32 grayscale thumbnail, keep the 8 x 8 lowest frequencies


def _dct_matrix(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    x = np.arange(n)[None, :]
    matrix = np.sqrt(2 / n) * np.cos(np.pi * (2 * x + 1) * k / (2 * n))
    matrix[0] /= np.sqrt(2)
    return matrix


_DCT = _dct_matrix(_DCT_SIZE)


def phash(image: Image.Image) -> str:
    """The 64-bit perceptual hash (pHash) as 16 hex digits: bits of the low-frequency DCT
    coefficients above their median, robust to resizing and recompression."""
    gray = np.asarray(image.convert("L").resize((_DCT_SIZE, _DCT_SIZE), Image.Resampling.LANCZOS), dtype=np.float64)
    low = (_DCT @ gray @ _DCT.T)[:HASH_SIZE, :HASH_SIZE].flatten()
    bits = low > np.median(low[1:])  # the DC term would dominate the median
    return f"{int(''.join('1' if b else '0' for b in bits), 2):016x}"


def hamming(a: str, b: str) -> int:
    """Number of differing bits between two hex hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def to_rgb(image: Image.Image) -> Image.Image:
    """RGB, with transparency composited over white (how a phone shows a transparent screenshot)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def check_image(image: Image.Image, settings: DataSettings) -> str | None:
    """Why this screenshot is unusable (too small, not phone-shaped), or None when it is fine."""
    width, height = image.size
    if width < settings.min_width or height < settings.min_height:
        return f"too small: {width}x{height}, minimum {settings.min_width}x{settings.min_height}"
    aspect = height / width
    if not settings.min_aspect <= aspect <= settings.max_aspect:
        return f"not phone-shaped: height/width {aspect:.2f} outside [{settings.min_aspect}, {settings.max_aspect}]"
    return None


def normalize(image: Image.Image, width: int) -> Image.Image:
    """RGB at `width` pixels wide, aspect kept (`width` 0 keeps the size)."""
    rgb = to_rgb(image)
    if width and rgb.width != width:
        rgb = rgb.resize((width, round(rgb.height * width / rgb.width)), Image.Resampling.LANCZOS)
    return rgb


def validate_and_normalize(
    items: list[RawItem], settings: DataSettings, store_dir: str | Path, progress: Callable[[int], None] | None = None
) -> tuple[list[Item], list[Rejection]]:
    """Decode, check, crop the system bars of and normalize every item; one bad file becomes a
    rejection, never an exception. `progress(1)` is called after each item."""
    store = Path(store_dir)
    store.mkdir(parents=True, exist_ok=True)
    kept: list[Item] = []
    rejected: list[Rejection] = []
    for raw in items:
        if progress:
            progress(1)
        try:
            with Image.open(raw.image_path) as opened:
                frames = getattr(opened, "n_frames", 1)
                opened.load()  # decodes fully: truncated and corrupt files fail here
                image = opened.copy()
        except Exception as exc:  # PIL raises OSError, SyntaxError, ValueError... for bad files
            rejected.append(Rejection(raw.id, raw.image_path, "validate", f"cannot decode image: {exc}"))
            continue
        # an animation is not a screenshot, and taking its first frame silently would hide that
        problem = f"animated image ({frames} frames): a screenshot is one frame" if frames > 1 else None
        problem = problem or check_image(image, settings)
        if problem:
            rejected.append(Rejection(raw.id, raw.image_path, "validate", problem))
            continue
        crop = crop_for(image, settings.crop_status_bar, settings.crop_navigation_bar)
        if crop.top + crop.bottom > image.height // 2:
            rejected.append(
                Rejection(
                    raw.id,
                    raw.image_path,
                    "validate",
                    f"crop of {crop.top} + {crop.bottom} pixels leaves under half of its {image.height}",
                )
            )
            continue
        normalized = normalize(apply_crop(image, crop), settings.normalize_width)
        buffer = io.BytesIO()
        normalized.save(buffer, format="PNG")
        data = buffer.getvalue()
        digest = hashlib.sha256(data).hexdigest()
        target = store / f"{digest}.png"
        if not target.exists():
            target.write_bytes(data)
        kept.append(
            Item(
                id=raw.id,
                image_path=str(target),
                original_path=raw.image_path,
                source=raw.source,
                width=normalized.width,
                height=normalized.height,
                image_sha256=digest,
                phash=phash(normalized),
                screen_type=raw.screen_type,
                difficulty=raw.difficulty,
                reference_code=raw.reference_code,
                crop_top=crop.top,
                crop_bottom=crop.bottom,
            )
        )
    return kept, rejected


def dedupe(items: list[Item], max_distance: int) -> tuple[list[Item], list[Rejection]]:
    """Drop perceptual near-duplicates (Hamming distance <= `max_distance`), keeping the first by id;
    each dropped item is a rejection naming the screen it duplicates."""
    kept: list[Item] = []
    kept_hashes = np.zeros(len(items), dtype=np.uint64)
    rejected: list[Rejection] = []
    for item in sorted(items, key=lambda i: i.id):
        value = np.uint64(int(item.phash, 16))
        distances = np.bitwise_count(kept_hashes[: len(kept)] ^ value)
        nearest = int(distances.argmin()) if len(kept) else -1
        if nearest >= 0 and distances[nearest] <= max_distance:
            twin = kept[nearest]
            rejected.append(
                Rejection(
                    item.id,
                    item.original_path,
                    "dedupe",
                    f"duplicate of {twin.id} (perceptual hash distance {distances[nearest]})",
                )
            )
            continue
        kept_hashes[len(kept)] = value
        kept.append(item)
    return kept, rejected
