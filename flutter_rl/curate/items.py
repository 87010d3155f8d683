"""The records that flow through curation: raw screens from a source, curated screens, rejections."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawItem:
    """A screen as a source gave it: an image file plus whatever labels and code came with it."""

    id: str
    image_path: str
    source: str  # "folder" | "hf" | "synthetic"
    screen_type: str | None = None
    difficulty: str | None = None
    reference_code: str | None = None


@dataclass(frozen=True)
class Item:
    """A validated, normalized screen: `image_path` is the normalized PNG, `original_path` the input."""

    id: str
    image_path: str
    original_path: str
    source: str
    width: int
    height: int
    image_sha256: str
    phash: str
    screen_type: str | None = None
    difficulty: str | None = None
    reference_code: str | None = None
    screen_type_source: str = "metadata"  # "metadata" | "heuristic" (guessed by labels.label_fallback)
    difficulty_source: str = "metadata"
    crop_top: int = 0  # pixels of the original cut off the top (a status bar) and bottom (a navigation bar)
    crop_bottom: int = 0
    split: str = ""


@dataclass(frozen=True)
class Rejection:
    """A screen left out, with the stage that rejected it and why (every one lands in the report)."""

    id: str
    path: str
    stage: str  # "ingest" | "validate" | "dedupe"
    reason: str
