"""Reward functions for TRL's `GRPOTrainer`.

TRL calls each reward function as `f(prompts=..., completions=..., completion_ids=..., **columns)`,
where `columns` holds every dataset column (here the target screenshot, `image` or `images`) plus
`trainer_state`, `log_extra` and `log_metric`; it wants one float per completion, logs each function's
mean and std under its `__name__`, and sums them with `GRPOConfig.reward_weights`.

So one `RewardScorer` renders and scores a batch once (`scoring.score_batch`) and remembers that batch;
one thin `ComponentReward` per entry of `[reward] funcs` reads its reward from it, weighted by
`[reward] weights` (by default `format_reward` 0.2 and `visual_reward` 0.8: visual similarity, 0 if no
render), plus `rendered` with weight 0 (logged only: 1 if the code rendered, else 0). Their weighted
sum is exactly the combined reward. Per-sample failure reasons go to the completions table
(`render_error` column) and the mean of each visual metric over rendered samples to the training logs
(`visual/ssim`, `visual/color`, `visual/layout`, `visual/structure`, `visual/clip`, ...), with the
batch's `scoring.render_summary` (`render/rate`, `render/unsupported_share`, ...).

A completion the renderer rejects as `unsupported` is valid Flutter the renderer cannot draw, so its
visual similarity is unknown, not 0: a reward that needs a render returns None for it (TRL's "no
reward for this sample"), `format_reward` its real score. `InstrumentedGRPOTrainer` then leaves such
a completion out of its group's advantage and out of the loss.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Callable, Sequence

from flutter_renderer.api import RenderBackend
from flutter_rl.reward.extract import completion_text
from flutter_rl.reward.images import BadImageError, image_hash, load_image
from flutter_rl.reward.registry import REWARDS, needs_clip, resolve
from flutter_rl.reward.scoring import SampleScore, render_summary, score_batch
from flutter_rl.settings import Settings

if TYPE_CHECKING:  # torch loads only when CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

TARGET_COLUMNS = ("image", "images")
RENDER_RATE = "rendered"  # always logged, with weight 0


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
        scores = score_batch(completions, targets, backend=self.backend, settings=self.settings, embedder=self.embedder)
        self._last = (key, scores)
        if log_extra is not None:
            log_extra("render_error", [s.reason for s in scores])
        if log_metric is not None:
            for name in dict.fromkeys(n for s in scores for n in s.metrics):
                values = [s.metrics[name] for s in scores if name in s.metrics]
                log_metric(f"visual/{name}", sum(values) / len(values))
            for name, value in render_summary(scores).items():
                log_metric(name, value)
        return scores


class ComponentReward:
    """One reward component as a TRL reward function; `__name__` is what TRL logs it as."""

    def __init__(self, scorer: RewardScorer, name: str, component: str, *, needs_render: bool) -> None:
        self.scorer = scorer
        self.__name__ = name
        self.component = component  # a name of SampleScore.values
        self.needs_render = needs_render  # None for an `unsupported` sample: the renderer could not judge it

    def __call__(self, prompts: Any = None, completions: Sequence[Any] = (), **kwargs: Any) -> list[float | None]:
        column = next((c for c in TARGET_COLUMNS if c in kwargs), None)
        targets = kwargs[column] if column else [None] * len(completions)
        scores = self.scorer.score(completions, targets, kwargs.get("log_extra"), kwargs.get("log_metric"))
        return [None if self.needs_render and s.unsupported else s.values.get(self.component, 0.0) for s in scores]


def make_reward_functions(
    settings: Settings, backend: RenderBackend, embedder: ClipEmbedder | None = None
) -> tuple[list[ComponentReward], list[float]]:
    """`(reward_funcs, reward_weights)` for `GRPOTrainer(reward_funcs=...)` and `GRPOConfig(reward_weights=...)`.

    The CLIP embedder is loaded from the settings when `[reward] visual` needs one and none is given,
    so a missing checkpoint fails here, before training starts.
    """
    reward = settings.reward
    rewards = resolve(reward.funcs, REWARDS)  # an unknown name fails here, before training starts
    if embedder is None and needs_clip(reward, rewards):
        from flutter_rl.reward.clip import load_clip_embedder

        embedder = load_clip_embedder(reward)
    scorer = RewardScorer(settings, backend, embedder)
    names = [*reward.funcs, *([] if RENDER_RATE in reward.funcs else [RENDER_RATE])]
    weights = [*reward.weights, *([] if RENDER_RATE in reward.funcs else [0.0])]
    funcs = [ComponentReward(scorer, trl_name(name), name, needs_render=rewards[name].needs_render) for name in names]
    return funcs, weights


def trl_name(name: str) -> str:
    """What TRL logs reward `name` as: `<name>_reward` (the last part of a dotted path), `rendered` as is."""
    short = name.rpartition(".")[2]
    return short if short == RENDER_RATE or short.endswith("_reward") else f"{short}_reward"
