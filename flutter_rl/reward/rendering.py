"""A batch of completions rendered once: the input every reward function reads.

`render_completions` extracts each completion's code, loads its target screenshot and renders every
code with a target in one `backend.render_batch` call. Nothing in a sample raises: an empty
completion, code that does not render, a crashed renderer, a corrupt render or a missing / corrupt
target give that sample an `error_kind` and a `reason` (also logged), and no render.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from PIL import Image

from flutter_renderer.api import ErrorKind, RenderBackend, RenderResult
from flutter_rl.reward.extract import extract
from flutter_rl.reward.images import BadImageError, load_image
from flutter_rl.settings import RewardSettings

if TYPE_CHECKING:  # torch loads only when CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder
    from flutter_rl.reward.registry import Reward

logger = logging.getLogger(__name__)


@dataclass
class RenderedBatch:
    """Codes, target images and renders of one batch; `value(name)` computes a reward once per batch.

    `targets[i]` is None for a bad target, `renders[i]` None when sample i did not render;
    `error_kinds[i]` / `reasons[i]` say why ('' when nothing went wrong)."""

    codes: list[str]
    targets: list[Image.Image | None]
    renders: list[Image.Image | None]
    results: list[RenderResult | None]
    error_kinds: list[str]
    reasons: list[str]
    settings: RewardSettings
    rewards: Mapping[str, Reward] = field(default_factory=dict)
    embedder: ClipEmbedder | None = None
    shared: dict[str, Any] = field(default_factory=dict, repr=False)  # what rewards compute once for all of them
    _values: dict[str, list[float]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.codes)

    def rendered(self) -> list[int]:
        """The indices of the samples that rendered (and have a target)."""
        return [i for i, render in enumerate(self.renders) if render is not None]

    def over_rendered(self, metric: Callable[[Image.Image, Image.Image], float]) -> list[float]:
        """`metric(render, target)` for each rendered sample, 0 for the others."""
        values = [0.0] * len(self)
        for i in self.rendered():
            values[i] = float(metric(self.renders[i], self.targets[i]))
        return values

    def value(self, name: str) -> list[float]:
        """Reward `name` of every sample, computed on the first call and kept for the batch."""
        if name not in self._values:
            self._values[name] = [float(v) for v in self.rewards[name].func(self)]
            if len(self._values[name]) != len(self):
                raise ValueError(f"reward {name!r} returned {len(self._values[name])} values for {len(self)} samples")
        return self._values[name]

    def mark(self, i: int, kind: str, reason: str, level: int = logging.DEBUG) -> None:
        """Record why a reward of sample i is 0: its kind and reason, logged."""
        self.error_kinds[i], self.reasons[i] = kind, reason
        logger.log(level, "reward 0 for this sample: %s", reason)

    def fail(self, i: int, kind: str, reason: str, level: int = logging.DEBUG) -> None:
        """`mark` sample i, which has no render to judge."""
        self.renders[i] = None
        self.mark(i, kind, reason, level)


def _render_all(backend: RenderBackend, codes: list[str]) -> list[RenderResult]:
    """`render_batch`, turning a backend that raises or miscounts into per-sample crash results."""
    if not codes:
        return []
    try:
        results = backend.render_batch(codes)
        if len(results) == len(codes):
            return results
        message = f"renderer returned {len(results)} results for {len(codes)} codes"
    except Exception as exc:  # the backend contract says it never raises; a reward must not die if it does
        message = f"renderer raised {type(exc).__name__}: {exc}"
    logger.warning("%s", message)
    return [RenderResult.failure(ErrorKind.CRASH, message) for _ in codes]


def render_completions(
    completions: Sequence[Any],
    targets: Sequence[Any],
    *,
    backend: RenderBackend,
    settings: RewardSettings,
    rewards: Mapping[str, Reward],
    embedder: ClipEmbedder | None = None,
) -> RenderedBatch:
    """Extract, load the targets and render a batch once, at the backend's own size and timeout."""
    if len(completions) != len(targets):
        raise ValueError(f"{len(completions)} completions but {len(targets)} targets")
    extractions = [extract(c) for c in completions]
    n = len(extractions)
    batch = RenderedBatch(
        codes=[e.code for e in extractions],
        targets=[None] * n,
        renders=[None] * n,
        results=[None] * n,
        error_kinds=[""] * n,
        reasons=[""] * n,
        settings=settings,
        rewards=rewards,
        embedder=embedder,
    )
    for i, target in enumerate(targets):
        try:
            batch.targets[i] = load_image(target)
        except BadImageError as exc:
            batch.fail(i, "bad_target", f"bad target image: {exc}", logging.WARNING)
            continue
        if not batch.codes[i]:
            batch.fail(i, "empty_completion", extractions[i].problem)

    to_render = [i for i in range(n) if batch.targets[i] is not None and batch.codes[i]]
    for i, result in zip(to_render, _render_all(backend, [batch.codes[i] for i in to_render])):
        batch.results[i] = result
        if not result.ok:
            kind = result.error_kind.value if result.error_kind else "render_failed"
            batch.fail(i, kind, f"did not render ({kind}): {result.message}")
            continue
        try:
            batch.renders[i] = load_image(result.png)
        except BadImageError as exc:
            batch.fail(i, "bad_render", f"renderer returned an unreadable image: {exc}", logging.WARNING)
    return batch
