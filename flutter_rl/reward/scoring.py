"""Score a batch of completions against their target screenshots, rendering the batch once.

For each sample: format = `code_format_score` of the extracted code; the code is rendered (all samples
of the batch in one `backend.render_batch` call); when it renders, the weight-free `structure`
metrics are always computed, and `clip` too when a CLIP embedder is given; visual is the
`[reward] visual` entry of `VISUAL_REWARDS` applied to those metrics, and 0 when the code does not
render; combined = visual_weight x visual + format_weight x format.

Nothing in a sample raises: an empty completion, code that does not render, a crashed renderer, a
corrupt render or a missing / corrupt target image all give that sample its zeros plus a `reason`
(a corrupt target zeroes every component: the sample cannot be judged). The reason is also logged.

A sample the renderer rejects as `unsupported` (valid Flutter this backend cannot draw) is scored like
any failure here (visual 0), but `SampleScore.unsupported` marks it, so training can leave it out
(`trl_adapter`) and reports can count it apart (`render_summary`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PIL import Image

from flutter_renderer.api import ErrorKind, RenderBackend, RenderResult, RenderSize
from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.extract import extract
from flutter_rl.reward.format import code_format_score
from flutter_rl.reward.images import BadImageError, load_image
from flutter_rl.reward.structure import structure_metrics
from flutter_rl.settings import RewardSettings

if TYPE_CHECKING:  # torch loads only when CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

logger = logging.getLogger(__name__)


def clip_visual(metrics: dict[str, float], settings: RewardSettings) -> float:
    """CLIP cosine similarity of render and target."""
    return metrics["clip"]


def structure_visual(metrics: dict[str, float], settings: RewardSettings) -> float:
    """The weighted SSIM / color / layout score (no weights needed)."""
    return metrics["structure"]


def mix_visual(metrics: dict[str, float], settings: RewardSettings) -> float:
    """`mix_clip_share` x CLIP + the rest x structure."""
    share = settings.mix_clip_share
    return share * metrics["clip"] + (1 - share) * metrics["structure"]


VISUAL_REWARDS: dict[str, Callable[[dict[str, float], RewardSettings], float]] = {
    "clip": clip_visual,
    "structure": structure_visual,
    "mix": mix_visual,
}
NEEDS_CLIP = {"clip", "mix"}


@dataclass
class SampleScore:
    """One completion's reward components; `reason` says why a component is 0 ('' when none is)."""

    format: float = 0.0
    rendered: bool = False
    visual: float = 0.0
    combined: float = 0.0
    metrics: dict[str, float] = field(default_factory=dict)
    error_kind: str = ""  # a renderer ErrorKind value, or empty_completion / bad_target / bad_render / metric_failed
    reason: str = ""

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


def structure_weights(settings: RewardSettings) -> dict[str, float]:
    """The `[reward] structure_*_weight` settings by metric name."""
    return {
        "ssim": settings.structure_ssim_weight,
        "color": settings.structure_color_weight,
        "layout": settings.structure_layout_weight,
    }


def _fail(score: SampleScore, kind: str, reason: str, level: int = logging.DEBUG) -> None:
    score.error_kind, score.reason = kind, reason
    logger.log(level, "reward 0 for this sample: %s", reason)


def _render_all(backend: RenderBackend, codes: list[str], size: RenderSize | None, timeout: float | None) -> list[RenderResult]:
    """`render_batch`, turning a backend that raises or miscounts into per-sample crash results."""
    if not codes:
        return []
    try:
        results = backend.render_batch(codes, size=size, timeout=timeout)
        if len(results) == len(codes):
            return results
        message = f"renderer returned {len(results)} results for {len(codes)} codes"
    except Exception as exc:  # the backend contract says it never raises; a reward must not die if it does
        message = f"renderer raised {type(exc).__name__}: {exc}"
    logger.warning("%s", message)
    return [RenderResult.failure(ErrorKind.CRASH, message) for _ in codes]


def score_batch(
    completions: Sequence[Any],
    targets: Sequence[Any],
    *,
    backend: RenderBackend,
    settings: RewardSettings,
    embedder: ClipEmbedder | None = None,
    size: RenderSize | None = None,
    timeout: float | None = None,
) -> list[SampleScore]:
    """Every reward component of each (completion, target screenshot) pair, in order."""
    if len(completions) != len(targets):
        raise ValueError(f"{len(completions)} completions but {len(targets)} targets")
    if settings.visual not in VISUAL_REWARDS:
        raise RewardConfigError(f"[reward] visual = {settings.visual!r}: choose one of {sorted(VISUAL_REWARDS)}")
    if settings.visual in NEEDS_CLIP and embedder is None:
        raise RewardConfigError(f'[reward] visual = "{settings.visual}" needs a CLIP embedder (load_clip_embedder)')

    extractions = [extract(c) for c in completions]
    codes = [e.code for e in extractions]
    scores = [SampleScore(format=code_format_score(code)) for code in codes]
    target_images: dict[int, Image.Image] = {}
    for i, (score, target) in enumerate(zip(scores, targets)):
        try:
            target_images[i] = load_image(target)
        except BadImageError as exc:
            score.format = 0.0
            _fail(score, "bad_target", f"bad target image: {exc}", logging.WARNING)
    for i, code in enumerate(codes):
        if not code and i in target_images:
            _fail(scores[i], "empty_completion", extractions[i].problem)

    to_render = [i for i in target_images if codes[i]]
    renders: dict[int, Image.Image] = {}
    for i, result in zip(to_render, _render_all(backend, [codes[i] for i in to_render], size, timeout)):
        if not result.ok:
            kind = result.error_kind.value if result.error_kind else "render_failed"
            _fail(scores[i], kind, f"did not render ({kind}): {result.message}")
            continue
        try:
            renders[i] = load_image(result.png)
        except BadImageError as exc:
            _fail(scores[i], "bad_render", f"renderer returned an unreadable image: {exc}", logging.WARNING)

    for i in renders:
        scores[i].rendered = True
    weights = structure_weights(settings)
    for i in renders:
        try:
            scores[i].metrics = structure_metrics(renders[i], target_images[i], weights)
        except Exception as exc:  # a metric bug on one odd image must not kill the batch
            _fail(scores[i], "metric_failed", f"structure metrics failed: {exc}", logging.WARNING)
    if embedder is not None and renders:
        order = list(renders)
        try:
            for i, value in zip(order, embedder.similarity([renders[i] for i in order], [target_images[i] for i in order])):
                scores[i].metrics["clip"] = value
        except Exception as exc:  # e.g. CUDA out of memory: score the batch 0, keep training
            if settings.visual in NEEDS_CLIP:
                for i in order:
                    _fail(scores[i], "metric_failed", f"CLIP embedding failed: {exc}", logging.WARNING)
            else:  # CLIP was only reported here, not rewarded
                logger.warning("CLIP embedding failed, 'clip' metric left out: %s", exc)

    visual = VISUAL_REWARDS[settings.visual]
    for i, score in enumerate(scores):
        if score.rendered and not score.error_kind:
            score.visual = float(visual(score.metrics, settings))
        if i in target_images:
            score.combined = settings.visual_weight * score.visual + settings.format_weight * score.format
    return scores
