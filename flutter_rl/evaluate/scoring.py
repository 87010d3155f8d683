"""One checkpoint's completions -> per-sample rows, scored by the reward stage's registry.

The reward stage renders and scores; this module keeps what a report needs besides the numbers: the
completion, the render PNG and the error message of every sample. The batch is rendered once
(`rendering.render_completions`), so its PNGs are kept without rendering twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from PIL import Image

from flutter_renderer.api import RenderBackend
from flutter_rl.reward.registry import REWARDS, report_columns, resolve
from flutter_rl.reward.rendering import render_completions
from flutter_rl.reward.scoring import check_reward_settings, score_rendered
from flutter_rl.settings import RewardSettings

if TYPE_CHECKING:  # CLIP pulls in torch: import it only where CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

NAN = float("nan")


def score_samples(
    completions: Sequence[str],
    targets: Sequence[Image.Image],
    rows: Sequence[dict],
    *,
    backend: RenderBackend,
    reward: RewardSettings,
    embedder: ClipEmbedder | None = None,
    chunk: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[dict], dict[str, bytes]]:
    """Score completions against targets; return one row per sample and the render PNG of each id that rendered.

    `rows` carry each sample's id, screen_type and difficulty. A reward the batch could not compute
    (CLIP without an embedder) is NaN; one a sample could not earn (no render) is 0, as visual is, so
    the means of every column compare like visual's. With `chunk`, samples are rendered and scored
    `chunk` at a time (each sample's score does not depend on its neighbours) and `progress(n)` is
    called after each chunk.
    """
    rewards = resolve(reward.funcs, REWARDS)
    check_reward_settings(reward, embedder, rewards)
    step = chunk or max(len(completions), 1)
    scores, results = [], []
    for start in range(0, len(completions), step):
        batch = render_completions(
            completions[start : start + step],
            targets[start : start + step],
            backend=backend,
            settings=reward,
            rewards=rewards,
            embedder=embedder,
        )
        scores += score_rendered(batch)
        results += batch.results
        if progress:
            progress(len(batch.results))
    computed = {name for score in scores for name in score.values}
    table, renders = [], {}
    for i, (meta, completion, score) in enumerate(zip(rows, completions, scores)):
        table.append(
            {
                "id": str(meta["id"]),
                "screen_type": meta["screen_type"],
                "difficulty": meta["difficulty"],
                "rendered": score.rendered,
                "error_kind": score.error_kind,
                "error_message": score.reason,
                **{name: float(score.values.get(name, 0.0)) if name in computed else NAN for name in report_columns()},
                "combined": score.combined,
                "completion": completion,
            }
        )
        result = results[i]
        if score.rendered and result is not None and result.png:
            renders[str(meta["id"])] = result.png
    return table, renders
