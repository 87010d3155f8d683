"""One checkpoint's completions -> per-sample rows, scored by `flutter_rl.reward.scoring.score_batch`.

The reward stage renders and scores; this module keeps what a report needs besides the numbers: the
completion, the render PNG and the error message of every sample. It wraps the renderer so that the
PNGs `score_batch` renders are kept without rendering twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from PIL import Image

from flutter_renderer.api import RenderBackend, RenderResult, RenderSize
from flutter_rl.reward.extract import extract_code
from flutter_rl.reward.scoring import score_batch
from flutter_rl.settings import RewardSettings

if TYPE_CHECKING:  # CLIP pulls in torch: import it only where CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

# the per-sample columns of a unit's table (besides checkpoint/step, added by the sweep)
SAMPLE_COLUMNS = [
    "id", "screen_type", "difficulty", "rendered", "error_kind", "error_message",
    "format", "visual", "combined", "structure", "ssim", "color", "layout", "clip", "completion",
]


class _KeepingBackend:
    """A renderer that remembers each code's result, so the sweep can keep the renders."""

    def __init__(self, backend: RenderBackend) -> None:
        self.backend = backend
        self.name, self.version = backend.name, backend.version
        self.results: dict[str, RenderResult] = {}

    def render_batch(self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None) -> list[RenderResult]:
        results = self.backend.render_batch(codes, size=size, timeout=timeout)
        self.results.update(zip(codes, results))
        return results

    def close(self) -> None:
        self.backend.close()


def score_samples(
    completions: Sequence[str],
    targets: Sequence[Image.Image],
    rows: Sequence[dict],
    *,
    backend: RenderBackend,
    reward: RewardSettings,
    embedder: ClipEmbedder | None = None,
    size: RenderSize | None = None,
    timeout: float | None = None,
    chunk: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[dict], dict[str, bytes]]:
    """Score completions against targets; return one row per sample and the render PNG of each id that rendered.

    `rows` carry each sample's id, screen_type and difficulty. With `chunk`, samples are rendered and
    scored `chunk` at a time (each sample's score does not depend on its neighbours) and `progress(n)`
    is called after each chunk.
    """
    keeping = _KeepingBackend(backend)
    step = chunk or max(len(completions), 1)
    scores = []
    for start in range(0, len(completions), step):
        scores += score_batch(
            completions[start:start + step], targets[start:start + step],
            backend=keeping, settings=reward, embedder=embedder, size=size, timeout=timeout,
        )
        if progress:
            progress(len(completions[start:start + step]))
    table, renders = [], {}
    for meta, completion, score in zip(rows, completions, scores):
        metrics = score.metrics
        table.append({
            "id": str(meta["id"]),
            "screen_type": meta["screen_type"],
            "difficulty": meta["difficulty"],
            "rendered": bool(score.rendered),
            "error_kind": score.error_kind,
            "error_message": score.reason,
            "format": score.format,
            "visual": score.visual,
            "combined": score.combined,
            # not rendered: the structure metrics are 0, as visual is, so their means compare like visual's
            **{name: float(metrics.get(name, 0.0)) for name in ("structure", "ssim", "color", "layout")},
            "clip": float(metrics["clip"]) if "clip" in metrics else float("nan"),
            "completion": completion,
        })
        result = keeping.results.get(extract_code(completion))
        if score.rendered and result is not None and result.png:
            renders[str(meta["id"])] = result.png
    return table, renders
