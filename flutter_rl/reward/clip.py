"""CLIP image embeddings (open_clip) for the visual reward.

`load_clip_embedder` builds the model named by `[reward] clip_model` with the weights of
`[reward] clip_pretrained`: a pretrained tag (e.g. `openai`) found in the local Hugging Face or
`~/.cache/clip` cache, or a local checkpoint file. It never downloads unless
`[reward] clip_allow_download = true`, and it never falls back to random weights: missing weights
are a `RewardConfigError` naming the setting. Random weights (tests, benchmarks) are only possible by
building a model yourself and passing it to `ClipEmbedder`.

`ClipEmbedder.similarity` embeds renders and targets in batches on the GPU when there is one; target
embeddings are kept in an LRU cache keyed by the sha256 of the target's pixels, since each target
screenshot is scored against every completion of its group, at every epoch.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from typing import Any, Callable, Sequence

import torch
from PIL import Image

from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.images import image_hash
from flutter_rl.settings import RewardSettings

_WEIGHT_SUFFIXES = (".pt", ".pth", ".bin", ".safetensors", ".ckpt")


class ClipEmbedder:
    """Unit-norm CLIP image embeddings and render-vs-target cosine similarity."""

    def __init__(
        self,
        model: torch.nn.Module,
        preprocess: Callable[[Image.Image], torch.Tensor],
        *,
        device: str | None = None,
        batch_size: int = 64,
        cache_size: int = 4096,
    ) -> None:
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.model = model.eval().to(self.device)
        self.preprocess = preprocess
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._cache: OrderedDict[str, torch.Tensor] = OrderedDict()
        self.cache_hits = 0
        self.cache_misses = 0

    @torch.inference_mode()
    def embed(self, images: Sequence[Image.Image]) -> torch.Tensor:
        """Unit-norm embeddings, shape (len(images), dim), on the CPU."""
        chunks = []
        for start in range(0, len(images), self.batch_size):
            pixels = torch.stack([self.preprocess(im.convert("RGB")) for im in images[start : start + self.batch_size]])
            features = self.model.encode_image(pixels.to(self.device)).float()
            chunks.append(torch.nn.functional.normalize(features, dim=-1).cpu())
        return torch.cat(chunks) if chunks else torch.empty(0)

    def embed_targets(self, images: Sequence[Image.Image]) -> torch.Tensor:
        """Like `embed`, but each distinct target is embedded once and then served from the cache."""
        keys = [image_hash(im) for im in images]
        missing = {key: im for key, im in zip(keys, images) if key not in self._cache}
        self.cache_hits += len(keys) - len(missing)
        self.cache_misses += len(missing)
        if missing:
            for key, embedding in zip(missing, self.embed(list(missing.values()))):
                self._cache[key] = embedding
        for key in keys:
            self._cache.move_to_end(key)
        result = torch.stack([self._cache[key] for key in keys]) if keys else torch.empty(0)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return result

    def similarity(self, renders: Sequence[Image.Image], targets: Sequence[Image.Image]) -> list[float]:
        """Cosine similarity of each render with its target, negative values clipped to 0."""
        if len(renders) != len(targets):
            raise ValueError(f"{len(renders)} renders but {len(targets)} targets")
        if not renders:
            return []
        cosine = (self.embed(renders) * self.embed_targets(targets)).sum(dim=-1)
        return cosine.clamp(0.0, 1.0).tolist()


def _cached_weights(model_name: str, tag: str) -> tuple[str | None, dict[str, Any]]:
    """The local file of a pretrained tag if some cache holds it, and the tag's config."""
    import open_clip
    from huggingface_hub import try_to_load_from_cache

    cfg = open_clip.get_pretrained_cfg(model_name, tag)
    if not cfg:
        known = ", ".join(open_clip.list_pretrained_tags_by_model(model_name)) or "none"
        raise RewardConfigError(
            f"[reward] clip_pretrained = {tag!r} is neither a file nor a pretrained tag of "
            f"[reward] clip_model = {model_name!r} (its tags: {known})"
        )
    if cfg.get("file"):
        return cfg["file"], cfg
    if cfg.get("hf_hub"):
        repo, filename = os.path.split(cfg["hf_hub"])
        for name in [filename] if filename else ["open_clip_model.safetensors", "open_clip_pytorch_model.bin"]:
            found = try_to_load_from_cache(repo.rstrip("/"), name)
            if isinstance(found, str):
                return found, cfg
    if cfg.get("url"):
        candidate = os.path.join(os.path.expanduser("~/.cache/clip"), os.path.basename(cfg["url"]))
        if os.path.isfile(candidate):
            return candidate, cfg
    return None, cfg


def load_clip_embedder(settings: RewardSettings, *, device: str | None = None) -> ClipEmbedder:
    """The CLIP embedder of `[reward] clip_model` / `clip_pretrained`; `RewardConfigError` when unusable."""
    import open_clip

    name, pretrained = settings.clip_model, settings.clip_pretrained.strip()
    kwargs: dict[str, Any] = {}
    if name.startswith("local-dir:"):
        weights: str | None = None  # open_clip reads config and weights from the folder
    elif not pretrained:
        raise RewardConfigError("[reward] clip_pretrained is empty: name a pretrained tag or a local checkpoint file")
    elif os.path.isfile(pretrained):
        weights = pretrained
    elif pretrained.endswith(_WEIGHT_SUFFIXES) or os.sep in pretrained:
        raise RewardConfigError(f"[reward] clip_pretrained: checkpoint file not found: {pretrained}")
    else:
        weights, cfg = _cached_weights(name, pretrained)
        if weights is not None:  # load the cached file directly, with the tag's preprocessing: no network
            kwargs = {
                "force_quick_gelu": bool(cfg.get("quick_gelu", False)),
                "image_mean": cfg.get("mean"),
                "image_std": cfg.get("std"),
                "image_interpolation": cfg.get("interpolation"),
                "image_resize_mode": cfg.get("resize_mode"),
            }
        elif settings.clip_allow_download:
            weights = pretrained
        else:
            raise RewardConfigError(
                f"CLIP weights {name}/{pretrained} are not in the local cache and downloads are off: set "
                "[reward] clip_pretrained to a local checkpoint file, pre-fetch the weights, set "
                '[reward] clip_allow_download = true, or use [reward] visual = "structure" (no weights needed)'
            )
    try:
        model, _, preprocess = open_clip.create_model_and_transforms(
            name, pretrained=weights, **{k: v for k, v in kwargs.items() if v is not None}
        )
    except Exception as exc:  # open_clip raises RuntimeError/OSError/KeyError for unusable names and files
        raise RewardConfigError(
            f"cannot load CLIP [reward] clip_model = {name!r} with [reward] clip_pretrained = {pretrained!r}: {exc}"
        ) from exc
    return ClipEmbedder(model, preprocess, device=device)
