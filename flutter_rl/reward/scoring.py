"""Score a batch of completions against their target screenshots, rendering the batch once.

`score_batch` renders the batch (`rendering.render_completions`), then evaluates every reward of
`[reward] funcs` and every reported one (`registry.REWARDS`) over it: combined = the sum of
`[reward] weights` x the chosen rewards. A reward that needs a render is 0 for a sample that did not
render; every reward is 0 for a sample whose target is bad (it cannot be judged).

A reward function that raises zeroes that reward for the batch: the samples it would judge get
`metric_failed` and the reason when the reward is chosen, and the reward is left out of the report
(with a warning) when it is only reported. A reward whose inputs are missing (CLIP without an
embedder) is left out of the report, and a configuration error when it is chosen.

A sample the renderer rejects as `unsupported` (valid Flutter this backend cannot draw) is scored like
any failure here, but `SampleScore.unsupported` marks it, so training can leave it out
(`trl_adapter`) and reports can count it apart (`render_summary`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from flutter_renderer.api import ErrorKind, RenderBackend
from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.registry import REWARDS, Reward, resolve
from flutter_rl.reward.rendering import RenderedBatch, render_completions
from flutter_rl.settings import RewardSettings

if TYPE_CHECKING:  # torch loads only when CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

logger = logging.getLogger(__name__)
HEADLINE = ("format", "visual", "rendered")  # SampleScore attributes; the other values are its `metrics`


@dataclass
class SampleScore:
    """One completion's rewards by registry name; `reason` says why a reward is 0 ('' when none is)."""

    values: dict[str, float] = field(default_factory=dict)
    combined: float = 0.0
    error_kind: str = ""  # a renderer ErrorKind value, or empty_completion / bad_target / bad_render / metric_failed
    reason: str = ""

    @property
    def format(self) -> float:
        return self.values.get("format", 0.0)

    @property
    def visual(self) -> float:
        return self.values.get("visual", 0.0)

    @property
    def rendered(self) -> bool:
        return bool(self.values.get("rendered", 0.0))

    @property
    def metrics(self) -> dict[str, float]:
        """The visual metrics computed for this sample (structure, ssim, color, layout, clip, ...)."""
        return {name: value for name, value in self.values.items() if name not in HEADLINE}

    @property
    def unsupported(self) -> bool:
        """True when the renderer called the code valid Flutter that it cannot draw: no verdict on the policy."""
        return self.error_kind == ErrorKind.UNSUPPORTED.value


def render_summary(scores: Sequence[SampleScore]) -> dict[str, float]:
    """The render figures of a batch: `render/rate` over all samples, `render/unsupported_share`,
    `render/rate_supported` (among the others) and `render/unsupported_format` (the format score the
    unsupported samples would have earned); the last two only when they have samples."""
    if not scores:
        return {}
    unsupported = [s for s in scores if s.unsupported]
    supported = len(scores) - len(unsupported)
    rendered = sum(s.rendered for s in scores)
    summary = {"render/rate": rendered / len(scores), "render/unsupported_share": len(unsupported) / len(scores)}
    if supported:
        summary["render/rate_supported"] = rendered / supported
    if unsupported:
        summary["render/unsupported_format"] = sum(s.format for s in unsupported) / len(unsupported)
    return summary


def check_reward_settings(settings: RewardSettings, embedder: ClipEmbedder | None, rewards: dict[str, Reward]) -> None:
    """Stop on a choice of rewards that cannot be scored, before any rendering."""
    for name in {*settings.structure_weights, settings.visual}:
        if name not in rewards:
            raise RewardConfigError(f"[reward] names {name!r}, which is not a registered reward ({', '.join(rewards)})")
    chosen = {settings.visual if name == "visual" else name for name in settings.funcs}
    if embedder is None and any(rewards[name].needs_clip for name in chosen if name in rewards):
        raise RewardConfigError(
            f'[reward] visual = "{settings.visual}" (or funcs {settings.funcs}) needs a CLIP '
            "embedder (load_clip_embedder)"
        )


def _evaluate(batch: RenderedBatch, name: str, chosen: bool) -> list[float] | None:
    """Reward `name` over the batch; on failure None, after marking the samples (`chosen`) or warning."""
    reward = batch.rewards[name]
    if reward.needs_clip and batch.embedder is None and not chosen:
        return None
    judged = batch.rendered() if reward.needs_render else [i for i, t in enumerate(batch.targets) if t is not None]
    try:
        return batch.value(name)
    except RewardConfigError:
        raise
    except Exception as exc:  # e.g. CUDA out of memory in CLIP: zero this reward, keep training
        if not chosen:
            logger.warning("reward %r failed, left out of the report: %s", name, exc)
            return None
        for i in judged:
            batch.mark(i, "metric_failed", f"{name} failed: {exc}", logging.WARNING)
        return [0.0] * len(batch)


def score_rendered(batch: RenderedBatch) -> list[SampleScore]:
    """Every chosen and reported reward of each sample of a rendered batch, and their weighted sum."""
    settings = batch.settings
    chosen = set(settings.funcs)
    names = [*dict.fromkeys([*settings.funcs, *(n for n, r in batch.rewards.items() if r.report), "rendered"])]
    columns = {name: values for name in names if (values := _evaluate(batch, name, name in chosen)) is not None}
    scores = [SampleScore(error_kind=batch.error_kinds[i], reason=batch.reasons[i]) for i in range(len(batch))]
    for i, score in enumerate(scores):
        judged, rendered = batch.targets[i] is not None, batch.renders[i] is not None
        for name, values in columns.items():
            if judged and (rendered or not batch.rewards[name].needs_render):
                score.values[name] = values[i]
        if judged:
            score.combined = sum(w * score.values.get(n, 0.0) for n, w in zip(settings.funcs, settings.weights))
    return scores


def score_batch(
    completions: Sequence[Any],
    targets: Sequence[Any],
    *,
    backend: RenderBackend,
    settings: RewardSettings,
    embedder: ClipEmbedder | None = None,
) -> list[SampleScore]:
    """Every reward of each (completion, target screenshot) pair, in order, rendering the batch once."""
    rewards = resolve(settings.funcs, REWARDS)
    check_reward_settings(settings, embedder, rewards)
    batch = render_completions(
        completions, targets, backend=backend, settings=settings, rewards=rewards, embedder=embedder
    )
    return score_rendered(batch)
