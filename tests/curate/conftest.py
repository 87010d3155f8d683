"""Fixtures for curation tests: the fake renderer (screens of blocks from each code's hash) and image helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from flutter_renderer.fake import FakeBackend, blocks_png
from flutter_rl.settings import DataSettings, Settings


@pytest.fixture
def fake_backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def small_settings(tmp_path: Path) -> Settings:
    """Settings with small splits and the output under tmp_path."""
    data = DataSettings(synthetic_count=48, train_size=12, eval_size=12, output_dir=str(tmp_path / "data"))
    return Settings(data=data)


def write_png(path: Path, seed: int | str, size: tuple[int, int] = (390, 844)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(blocks_png(seed, size))
    return path


@pytest.fixture
def make_png():
    """`make_png(path, seed, size=(390, 844))` writes a block-layout PNG and returns its path."""
    return write_png


@pytest.fixture
def png_bytes():
    """`png_bytes(seed, size=(390, 844))`: the PNG bytes `make_png` would write."""
    return blocks_png
