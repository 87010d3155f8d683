"""Seeded, stratified train/eval splits.

Eval is drawn first, spread evenly over `eval_difficulties`; train then comes from what is left in
`train_difficulties` (and `train_screen_types`, when set). Within a difficulty the quota is shared
among screen types in proportion to how many screens each type has (largest remainder), so a split
keeps the type mix of the data; with `eval_even_types` the eval quota is shared equally instead (types
held out of training are rare in such data, and would otherwise get almost no eval screens).
Screens in neither split are kept as 'unused'. A quota that cannot be met is a `Shortfall`,
reported, not an exception, unless a split would end up empty. `train_size = 0` asks for an
eval-only dataset: an empty train split is then what was asked for.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Hashable, Sequence

from flutter_rl.curate.items import Item
from flutter_rl.settings import DataSettings

SPLITS = ("train", "eval", "unused")


class SplitError(ValueError):
    """The data cannot fill a split at all (a property of the data and settings: retrying cannot help)."""


@dataclass(frozen=True)
class Shortfall:
    """A split that got fewer screens of some difficulty than it asked for."""

    split: str
    difficulty: str
    requested: int
    available: int


def allocate(sizes: dict[Hashable, int], total: int) -> dict[Hashable, int]:
    """Share `total` among groups in proportion to their sizes (largest remainder), never giving a
    group more than it has. Ties break by group key, so the result is deterministic."""
    available = sum(sizes.values())
    total = min(total, available)
    if not available:
        return {key: 0 for key in sizes}
    exact = {key: total * size / available for key, size in sizes.items()}
    quota = {key: int(value) for key, value in exact.items()}
    order = sorted(sizes, key=lambda key: (-(exact[key] - quota[key]), str(key)))
    for key in order[: total - sum(quota.values())]:
        quota[key] += 1
    return quota


def allocate_even(sizes: dict[Hashable, int], total: int) -> dict[Hashable, int]:
    """Share `total` equally among groups, never giving a group more than it has: what a small group
    cannot take goes to the others. Remainders go to the first groups by key."""
    quota = {key: 0 for key in sizes}
    remaining = min(total, sum(sizes.values()))
    open_groups = sorted((key for key in sizes if sizes[key] > 0), key=str)
    while remaining:
        share, extra = divmod(remaining, len(open_groups))
        for index, key in enumerate(open_groups):
            take = min(share + (1 if index < extra else 0), sizes[key] - quota[key])
            quota[key] += take
            remaining -= take
        open_groups = [key for key in open_groups if quota[key] < sizes[key]]
    return quota


def _even(difficulties: Sequence[str], total: int) -> dict[str, int]:
    share, extra = divmod(total, len(difficulties))
    return {d: share + (1 if i < extra else 0) for i, d in enumerate(difficulties)}


def _draw(
    pool: list[Item], split: str, difficulties: Sequence[str], total: int, rng: random.Random, even_types: bool = False
) -> tuple[list[Item], list[Shortfall]]:
    """Choose `total` items of `pool`, even over difficulties, stratified by type within each (in
    proportion to the types' counts, or equally with `even_types`)."""
    by_difficulty: dict[str, list[Item]] = defaultdict(list)
    for item in pool:
        by_difficulty[item.difficulty or ""].append(item)
    wanted = _even(difficulties, total)
    # A difficulty short of screens hands its unfilled quota to the others, in order.
    got = {d: min(wanted[d], len(by_difficulty[d])) for d in difficulties}
    for d in difficulties:
        spare = len(by_difficulty[d]) - got[d]
        extra = min(spare, total - sum(got.values()))
        got[d] += max(extra, 0)
    shortfalls = [
        Shortfall(split, d, wanted[d], len(by_difficulty[d])) for d in difficulties if len(by_difficulty[d]) < wanted[d]
    ]
    chosen: list[Item] = []
    for d in difficulties:
        by_type: dict[str, list[Item]] = defaultdict(list)
        for item in by_difficulty[d]:
            by_type[item.screen_type or ""].append(item)
        quota = (allocate_even if even_types else allocate)({t: len(v) for t, v in sorted(by_type.items())}, got[d])
        for screen_type, items in sorted(by_type.items()):
            rng.shuffle(items)
            chosen += items[: quota[screen_type]]
    return [replace(item, split=split) for item in chosen], shortfalls


def split(items: list[Item], settings: DataSettings) -> tuple[dict[str, list[Item]], list[Shortfall]]:
    """{'train', 'eval', 'unused'} -> items, each sorted by id, and the shortfalls to report."""
    rng = random.Random(settings.seed)
    pool = sorted(items, key=lambda item: item.id)
    eval_pool = [i for i in pool if i.difficulty in settings.eval_difficulties]
    eval_items, short_eval = _draw(
        eval_pool, "eval", settings.eval_difficulties, settings.eval_size, rng, even_types=settings.eval_even_types
    )
    eval_ids = {i.id for i in eval_items}
    train_types = settings.train_screen_types
    train_pool = [
        i
        for i in pool
        if i.id not in eval_ids
        and i.difficulty in settings.train_difficulties
        and (not train_types or i.screen_type in train_types)
    ]
    train_items, short_train = _draw(train_pool, "train", settings.train_difficulties, settings.train_size, rng)
    if not eval_items or (settings.train_size and not train_items):
        raise SplitError(_empty_split_reason("eval" if not eval_items else "train", items, eval_items, settings))
    used = eval_ids | {i.id for i in train_items}
    unused = [replace(i, split="unused") for i in pool if i.id not in used]
    splits = {"train": train_items, "eval": eval_items, "unused": unused}
    return {name: sorted(v, key=lambda i: i.id) for name, v in splits.items()}, short_eval + short_train


def _empty_split_reason(empty: str, items: list[Item], eval_items: list[Item], settings: DataSettings) -> str:
    """Why `empty` got no screens, naming the setting that caused it."""
    difficulties = sorted({str(i.difficulty) for i in items})
    head = f"no screens for the {empty} split: {len(items)} screens, difficulties {difficulties}"
    if empty == "eval":
        return f"{head}; none has a difficulty in data.eval_difficulties {list(settings.eval_difficulties)}"
    if len(eval_items) == len(items):
        return (
            f"{head}; the eval split took all of them (data.eval_size = {settings.eval_size}): lower "
            "data.eval_size, or set data.train_size = 0 for an eval-only dataset"
        )
    types = " and data.train_screen_types" if settings.train_screen_types else ""
    return (
        f"{head}; {len(items) - len(eval_items)} are left after eval, and none matches "
        f"data.train_difficulties {list(settings.train_difficulties)}{types}"
    )
