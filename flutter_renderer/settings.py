"""`RendererSettings`: everything a backend needs, with its default and help text in one place.

The renderer stands alone: `flutter-rl render` and the benchmarks build a backend from these settings
without a pipeline file, and `flutter_rl.settings` embeds the same type as its `[renderer]` table.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from flutter_renderer.api import RenderSize
from flutter_renderer.dart.environment import DEFAULT_NOW, Environment


class RendererSettings(BaseModel):
    """How Flutter code becomes a PNG: the backend, the screen, and the limits of one render."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    backend: Literal["embedded", "flutter"] = Field(
        "embedded", description='"embedded" (Flet + Chromium, runs anywhere) | "flutter" (real Flutter SDK)'
    )
    width: int = Field(390, ge=16, le=4096, description="logical pixels")
    height: int = Field(844, ge=16, le=4096, description="logical pixels")
    pixel_ratio: float = Field(1.0, gt=0, le=4, description="device pixels per logical pixel")
    workers: int = Field(2, ge=1, le=64, description="warm browser pages rendering in parallel")
    timeout_s: float = Field(10.0, gt=0, description="per sample")
    chromium_path: str = Field("/usr/bin/chromium", description="embedded backend: the Chromium binary")
    flutter_sdk: str = Field("", description="path to the Flutter SDK; empty = `flutter` on PATH")
    real_fonts: bool = Field(
        True, description="flutter backend: load Roboto + MaterialIcons instead of Ahem block glyphs"
    )
    sandbox: Literal["auto", "bwrap", "unshare", "none"] = Field(
        "auto", description='flutter backend: "auto" | "bwrap" | "unshare" | "none"'
    )
    memory_limit_mb: int = Field(4096, ge=256, description="per render process")
    cpu_time_limit_s: int = Field(120, ge=1, description="flutter backend: CPU seconds per `flutter test`")
    flutter_startup_timeout_s: float = Field(
        300.0, gt=0, description="flutter backend: pub get / analyze / compiling the harness before the first render"
    )
    now: str = Field(
        DEFAULT_NOW.isoformat(),
        description="embedded backend: what DateTime.now() returns (local time of a device in UTC)",
    )

    @field_validator("now")
    @classmethod
    def _now_is_a_local_time(cls, value: str) -> str:
        return Environment.parse(value).now.isoformat()

    def updated(self, **changes: object) -> "RendererSettings":
        """A validated copy with `changes` (field names) applied."""
        return RendererSettings.model_validate({**self.model_dump(), **changes})

    @property
    def size(self) -> RenderSize:
        """The screen every render of these settings is drawn at."""
        return RenderSize(self.width, self.height, self.pixel_ratio)
