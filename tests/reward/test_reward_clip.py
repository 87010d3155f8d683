"""The CLIP path with a small random-weight open_clip model, and how weights are resolved."""

from __future__ import annotations

import time

import pytest
import torch
from PIL import Image

from flutter_rl.reward.clip import ClipEmbedder, load_clip_embedder
from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.settings import RewardSettings

TINY = "tiny-test-clip"  # registered by the tiny_clip fixture


@pytest.fixture()
def embedder(tiny_clip) -> ClipEmbedder:
    model, preprocess = tiny_clip
    return ClipEmbedder(model, preprocess, device="cpu")


@pytest.fixture()
def screens(make_screen) -> list[Image.Image]:
    return [
        make_screen(),
        make_screen(bar_color="#C62828", texts=("A", "B")),
        make_screen(offset=200),
        Image.new("RGB", (390, 844), "black"),
    ]


def test_identical_images_score_one(embedder: ClipEmbedder, screens: list[Image.Image]) -> None:
    assert embedder.similarity(screens, [s.copy() for s in screens]) == pytest.approx([1.0] * len(screens), abs=1e-5)


def test_similarity_is_symmetric_and_in_unit_range(embedder: ClipEmbedder, screens: list[Image.Image]) -> None:
    others = screens[1:] + screens[:1]
    forward, backward = embedder.similarity(screens, others), embedder.similarity(others, screens)
    assert forward == pytest.approx(backward, abs=1e-5)
    assert all(0.0 <= v <= 1.0 for v in forward)
    assert min(forward) < 0.9999  # different screens are not all scored as identical


def test_batched_equals_one_by_one(embedder: ClipEmbedder, screens: list[Image.Image]) -> None:
    targets = list(reversed(screens))
    batched = embedder.similarity(screens, targets)
    single = [embedder.similarity([r], [t])[0] for r, t in zip(screens, targets)]
    assert batched == pytest.approx(single, abs=1e-5)


def test_target_embeddings_are_cached(tiny_clip, screens: list[Image.Image]) -> None:
    model, preprocess = tiny_clip
    embedder = ClipEmbedder(model, preprocess, device="cpu")
    first = embedder.similarity(screens[:2], screens[2:4])
    assert (embedder.cache_hits, embedder.cache_misses) == (0, 2)
    second = embedder.similarity(screens[:2], [s.copy() for s in screens[2:4]])  # equal pixels, new objects
    assert (embedder.cache_hits, embedder.cache_misses) == (2, 2)
    assert second == pytest.approx(first, abs=1e-6)


def test_cache_is_bounded(tiny_clip, screens: list[Image.Image]) -> None:
    model, preprocess = tiny_clip
    embedder = ClipEmbedder(model, preprocess, device="cpu", cache_size=2)
    embedder.embed_targets(screens)
    assert len(embedder._cache) == 2


def test_local_checkpoint_file_loads_those_weights(tiny_clip, tmp_path, screens: list[Image.Image]) -> None:
    model, _ = tiny_clip
    checkpoint = tmp_path / "tiny.pt"
    torch.save(model.state_dict(), checkpoint)
    loaded = load_clip_embedder(RewardSettings(clip_model=TINY, clip_pretrained=str(checkpoint)), device="cpu")
    assert torch.allclose(
        loaded.embed(screens[:2]), ClipEmbedder(model, loaded.preprocess, device="cpu").embed(screens[:2]), atol=1e-5
    )


def test_uncached_tag_offline_is_a_clear_error_without_network(tiny_clip) -> None:
    started = time.monotonic()
    with pytest.raises(RewardConfigError, match=r"clip_pretrained.*clip_allow_download"):
        load_clip_embedder(RewardSettings(clip_model="ViT-B-32", clip_pretrained="openai"))
    assert time.monotonic() - started < 10  # no download retries


@pytest.mark.parametrize(
    "model, pretrained, message",
    [
        ("ViT-B-32", "no-such-tag", r"clip_pretrained = 'no-such-tag'.*its tags: .*openai"),
        ("ViT-B-32", "/nowhere/clip.pt", r"clip_pretrained: checkpoint file not found"),
        ("ViT-B-32", " ", r"clip_pretrained is empty"),
        ("No-Such-Model", "openai", r"clip_model = 'No-Such-Model'"),
    ],
)
def test_unusable_settings_name_the_setting(model: str, pretrained: str, message: str) -> None:
    with pytest.raises(RewardConfigError, match=message):
        load_clip_embedder(RewardSettings(clip_model=model, clip_pretrained=pretrained))


def test_unknown_model_with_a_local_file_names_the_model(tmp_path) -> None:
    checkpoint = tmp_path / "weights.pt"
    checkpoint.write_bytes(b"not a checkpoint")
    with pytest.raises(RewardConfigError, match=r"clip_model = 'No-Such-Model'"):
        load_clip_embedder(RewardSettings(clip_model="No-Such-Model", clip_pretrained=str(checkpoint)))


def test_cached_tag_loads_from_the_cache_without_network(tiny_clip, tmp_path, monkeypatch, screens) -> None:
    import huggingface_hub
    import open_clip

    model, _ = tiny_clip
    checkpoint = tmp_path / "open_clip_pytorch_model.bin"
    torch.save(model.state_dict(), checkpoint)
    cfg = {"hf_hub": "org/tiny/", "mean": (0.5, 0.5, 0.5), "std": (0.25, 0.25, 0.25)}
    monkeypatch.setattr(
        open_clip, "get_pretrained_cfg", lambda name, tag: cfg if (name, tag) == (TINY, "cached") else {}
    )
    monkeypatch.setattr(
        huggingface_hub,
        "try_to_load_from_cache",
        lambda repo, name: str(checkpoint) if (repo, name) == ("org/tiny", checkpoint.name) else None,
    )
    loaded = load_clip_embedder(RewardSettings(clip_model=TINY, clip_pretrained="cached"), device="cpu")
    normalize = [t for t in loaded.preprocess.transforms if type(t).__name__ == "Normalize"][0]
    assert tuple(normalize.mean) == cfg["mean"]  # the tag's preprocessing, not the default
    assert torch.allclose(
        loaded.embed(screens[:1]), ClipEmbedder(model, loaded.preprocess, device="cpu").embed(screens[:1]), atol=1e-5
    )
