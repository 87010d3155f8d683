"""Reward functions for TRL's `GRPOTrainer`.

TRL calls each reward function as `f(prompts=..., completions=..., completion_ids=..., **columns)`,
where `columns` holds every dataset column (here the target screenshot, `image` or `images`) plus
`trainer_state`, `log_extra` and `log_metric`; it wants one float per completion, logs each function's
mean and std under its `__name__`, and sums them with `GRPOConfig.reward_weights`.

So one `RewardScorer` renders and scores a batch once (`scoring.score_batch`) and remembers that batch;
three thin `ComponentReward`s read their component from it:

| function        | weight               | value                                |
|-----------------|----------------------|--------------------------------------|
| `format_reward` | `[reward] format_weight` | format score in [0, 1]            |
| `visual_reward` | `[reward] visual_weight` | visual similarity, 0 if no render, None if `unsupported` |
| `rendered`      | 0 (logged only)      | 1 if the code rendered, else 0, None if `unsupported` |

Their weighted sum is exactly the combined reward. Per-sample failure reasons go to the completions
table (`render_error` column) and the mean of each visual metric over rendered samples to the
training logs (`visual/ssim`, `visual/color`, `visual/layout`, `visual/structure`, `visual/clip`),
with the batch's `scoring.render_summary` (`render/rate`, `render/unsupported_share`, ...).

A completion the renderer rejects as `unsupported` is valid Flutter the renderer cannot draw, so its
visual similarity is unknown, not 0: `visual_reward` and `rendered` return None for it (TRL's "no
reward for this sample"), `format_reward` its real score. `InstrumentedGRPOTrainer` then leaves such
a completion out of its group's advantage and out of the loss.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Callable, Sequence

from flutter_renderer.api import RenderBackend, RenderSize
from flutter_rl.reward.extract import completion_text
from flutter_rl.reward.images import BadImageError, image_hash, load_image
from flutter_rl.reward.scoring import NEEDS_CLIP, SampleScore, render_summary, score_batch
from flutter_rl.settings import Settings

if TYPE_CHECKING:  # torch loads only when CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

TARGET_COLUMNS = ("image", "images")


def _batch_key(completions: Sequence[Any], targets: Sequence[Any]) -> str:
    """A digest of the completions' text and the targets' pixels: equal batches, equal keys."""
    digest = hashlib.sha256()
    for completion, target in zip(completions, targets, strict=True):
        digest.update(completion_text(completion).encode("utf-8", "replace") + b"\0")
        try:
            digest.update(image_hash(load_image(target)).encode())
        except BadImageError as exc:
            digest.update(f"bad:{exc}".encode())
    return digest.hexdigest()


class RewardScorer:
    """Scores each TRL batch once; later calls with the same batch reuse that scoring."""

    def __init__(self, settings: Settings, backend: RenderBackend, embedder: ClipEmbedder | None = None) -> None:
        self.settings = settings.reward
        self.backend = backend
        self.embedder = embedder
        self.size = RenderSize(settings.renderer.width, settings.renderer.height, settings.renderer.pixel_ratio)
        self.timeout = settings.renderer.timeout_s
        self._last: tuple[str, list[SampleScore]] | None = None

    def score(
        self,
        completions: Sequence[Any],
        targets: Sequence[Any],
        log_extra: Callable[[str, list], None] | None = None,
        log_metric: Callable[[str, float], None] | None = None,
    ) -> list[SampleScore]:
        """The scores of a batch, from the cache when it is the batch scored last."""
        key = _batch_key(completions, targets)
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        scores = score_batch(
            completions, targets, backend=self.backend, settings=self.settings,
            embedder=self.embedder, size=self.size, timeout=self.timeout,
        )
        self._last = (key, scores)
        if log_extra is not None:
            log_extra("render_error", [s.reason for s in scores])
        if log_metric is not None:
            for name in ("ssim", "color", "layout", "structure", "clip"):
                values = [s.metrics[name] for s in scores if name in s.metrics]
                if values:
                    log_metric(f"visual/{name}", sum(values) / len(values))
            for name, value in render_summary(scores).items():
                log_metric(name, value)
        return scores


class ComponentReward:
    """One reward component as a TRL reward function; `__name__` is what TRL logs it as."""

    def __init__(self, scorer: RewardScorer, name: str, component: str, *, needs_render: bool) -> None:
        self.scorer = scorer
        self.__name__ = name
        self.component = component  # a SampleScore field: format, visual or rendered
        self.needs_render = needs_render  # None for an `unsupported` sample: the renderer could not judge it

    def __call__(self, prompts: Any = None, completions: Sequence[Any] = (), **kwargs: Any) -> list[float | None]:
        column = next((c for c in TARGET_COLUMNS if c in kwargs), None)
        targets = kwargs[column] if column else [None] * len(completions)
        scores = self.scorer.score(completions, targets, kwargs.get("log_extra"), kwargs.get("log_metric"))
        return [None if self.needs_render and s.unsupported else float(getattr(s, self.component)) for s in scores]


def make_reward_functions(
    settings: Settings, backend: RenderBackend, embedder: ClipEmbedder | None = None
) -> tuple[list[ComponentReward], list[float]]:
    """`(reward_funcs, reward_weights)` for `GRPOTrainer(reward_funcs=...)` and `GRPOConfig(reward_weights=...)`.

    The CLIP embedder is loaded from the settings when `[reward] visual` needs one and none is given,
    so a missing checkpoint fails here, before training starts.
    """
    if embedder is None and settings.reward.visual in NEEDS_CLIP:
        from flutter_rl.reward.clip import load_clip_embedder

        embedder = load_clip_embedder(settings.reward)
    scorer = RewardScorer(settings, backend, embedder)
    funcs = [
        ComponentReward(scorer, "format_reward", "format", needs_render=False),
        ComponentReward(scorer, "visual_reward", "visual", needs_render=True),
        ComponentReward(scorer, "rendered", "rendered", needs_render=True),
    ]
    return funcs, [settings.reward.format_weight, settings.reward.visual_weight, 0.0]
