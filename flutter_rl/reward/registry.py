"""Rewards as plain functions over a rendered batch, registered by name.

A reward function takes a `RenderedBatch` (every completion's code, target and render, rendered
once) and returns one float per sample. `REWARDS` names them; `[reward] funcs` and `weights` choose
the ones GRPO sums, and a dotted path (`mypackage.rewards.ocr_match`) names a user's own function.
Another reward reads a registered one with `batch.value(name)`, computed once per batch.

Adding a reward is one function and one line in `REWARDS` (docs/extending.md). The evaluation
tables get a column for every entry with `report=True`, and `[reward] structure_weights` may weigh
any registered metric into `structure`.
"""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.format import code_format_score
from flutter_rl.reward.rendering import RenderedBatch
from flutter_rl.reward.structure import color_score, layout_score, prepare, ssim_score
from flutter_rl.settings import RewardSettings

RewardFunc = Callable[[RenderedBatch], Sequence[float]]


@dataclass(frozen=True)
class Reward:
    """A registered reward: its function and what it needs.

    `needs_render`: 0 for a sample that did not render (and no verdict for an `unsupported` one in
    training); `needs_clip`: it reads `batch.embedder`; `report`: computed for every batch and shown in
    the evaluation tables (when its inputs exist), not only when `[reward] funcs` chooses it."""

    func: RewardFunc
    needs_render: bool = True
    needs_clip: bool = False
    report: bool = True


def format_reward(batch: RenderedBatch) -> list[float]:
    """Three regex checks on the extracted code (flutter_rl.reward.format)."""
    return [code_format_score(code) for code in batch.codes]


def rendered(batch: RenderedBatch) -> list[float]:
    """1 when the code rendered, else 0: the render rate."""
    return [float(render is not None) for render in batch.renders]


def _prepared(batch: RenderedBatch) -> dict[int, tuple]:
    """Each rendered sample's (render, target) at the metrics' compare size, resized once for all three."""
    if "prepared" not in batch.shared:
        batch.shared["prepared"] = {i: (prepare(batch.renders[i]), prepare(batch.targets[i])) for i in batch.rendered()}
    return batch.shared["prepared"]


def _prepared_metric(metric: Callable) -> RewardFunc:
    def over_batch(batch: RenderedBatch) -> list[float]:
        pairs = _prepared(batch)
        return [metric(*pairs[i]) if i in pairs else 0.0 for i in range(len(batch))]

    over_batch.__doc__ = metric.__doc__
    return over_batch


ssim = _prepared_metric(ssim_score)
color = _prepared_metric(color_score)
layout = _prepared_metric(layout_score)


def structure(batch: RenderedBatch) -> list[float]:
    """The mean of the metrics of `[reward] structure_weights`, weighted by them."""
    weights = batch.settings.structure_weights
    total = sum(weights.values())
    if total <= 0:
        raise RewardConfigError("[reward] structure_weights must not all be 0")
    columns = {name: batch.value(name) for name in weights}
    return [sum(weights[name] * columns[name][i] for name in weights) / total for i in range(len(batch))]


def clip(batch: RenderedBatch) -> list[float]:
    """CLIP cosine similarity of render and target (needs the CLIP embedder)."""
    if batch.embedder is None:
        raise RewardConfigError("the clip reward needs a CLIP embedder (load_clip_embedder)")
    order = batch.rendered()
    values = [0.0] * len(batch)
    if order:
        similarity = batch.embedder.similarity([batch.renders[i] for i in order], [batch.targets[i] for i in order])
        for i, value in zip(order, similarity):
            values[i] = value
    return values


def mix(batch: RenderedBatch) -> list[float]:
    """`[reward] mix_clip_share` x clip + the rest x structure."""
    share = batch.settings.mix_clip_share
    return [share * c + (1 - share) * s for c, s in zip(batch.value("clip"), batch.value("structure"))]


def visual(batch: RenderedBatch) -> list[float]:
    """The metric `[reward] visual` names (clip, structure or mix)."""
    return batch.value(batch.settings.visual)


REWARDS: dict[str, Reward] = {
    "format": Reward(format_reward, needs_render=False),
    "visual": Reward(visual),
    "rendered": Reward(rendered, report=False),
    "structure": Reward(structure),
    "ssim": Reward(ssim),
    "color": Reward(color),
    "layout": Reward(layout),
    "clip": Reward(clip, needs_clip=True),
    "mix": Reward(mix, needs_clip=True, report=False),
}


def _import(path: str) -> Reward:
    module_name, _, attribute = path.rpartition(".")
    try:
        func = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as exc:
        raise RewardConfigError(f"[reward] funcs: cannot import {path!r}: {exc}") from exc
    return func if isinstance(func, Reward) else Reward(func, report=False)


def resolve(names: Sequence[str], registry: Mapping[str, Reward] = REWARDS) -> dict[str, Reward]:
    """The registry plus every dotted path of `names` imported (as the path's last part); a
    RewardConfigError names an unknown name and its closest registered one."""
    resolved = dict(registry)
    for name in names:
        if "." in name:
            resolved[name] = _import(name)
        elif name not in resolved:
            close = difflib.get_close_matches(name, list(resolved), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise RewardConfigError(
                f"[reward] funcs: unknown reward {name!r}{hint}; known: {', '.join(resolved)}, "
                "or a dotted path to your own function"
            )
    return resolved


def needs_clip(settings: RewardSettings, registry: Mapping[str, Reward] = REWARDS) -> bool:
    """Whether the rewards `[reward] funcs` chooses read the CLIP embedder."""
    chosen = {settings.visual if name == "visual" else name for name in settings.funcs}
    return any(name in registry and registry[name].needs_clip for name in chosen)


def report_columns(registry: Mapping[str, Reward] = REWARDS) -> list[str]:
    """The rewards evaluation tables show, in registry order."""
    return [name for name, reward in registry.items() if reward.report]
