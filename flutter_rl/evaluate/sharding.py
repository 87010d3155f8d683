"""A sweep in several processes (`accelerate launch ... -m flows.cli sweep`): each process
generates its share of the eval screens' batches, the main process gathers every completion, then
renders, scores, caches and logs exactly as a single process would.

Batches are whole `[eval] batch_size` slices of the eval set in the single-process order (process r
of N takes batches r, r + N, ...), and a sampled evaluation seeds each batch from `[eval] seed` and
the batch's first index (`generate.generate_batches`), so the completions do not depend on how many
processes generated them.
"""

from __future__ import annotations

import os


def process_shard() -> tuple[int, int]:
    """`(rank, world size)` of this process under `accelerate launch` (torchrun); `(0, 1)` outside one."""
    return int(os.environ.get("RANK", "0")), int(os.environ.get("WORLD_SIZE", "1"))


def batch_starts(count: int, batch_size: int, shard: tuple[int, int]) -> list[int]:
    """The first index of each batch of `count` screens that process `shard[0]` of `shard[1]` generates."""
    rank, world = shard
    return list(range(0, count, batch_size))[rank::world]


def gather_completions(local: dict[int, list[str]], count: int, world: int) -> list[str] | None:
    """Every process's `{batch start: completions}` merged in screen order on the main process (None
    on the others); with one process, `local` in order."""
    parts: list[dict[int, list[str]] | None] = [local]
    if world > 1:
        import torch
        import torch.distributed as dist
        from accelerate import PartialState

        PartialState(cpu=not torch.cuda.is_available())  # joins the process group the launch set up
        parts = [None] * world if dist.get_rank() == 0 else None
        dist.gather_object(local, parts, dst=0)
        if parts is None:
            return None
    by_start = sorted((start, texts) for part in parts for start, texts in part.items())  # type: ignore[union-attr]
    merged = [text for _, texts in by_start for text in texts]
    if len(merged) != count:
        raise RuntimeError(f"gathered {len(merged)} completions for {count} eval screens")
    return merged
