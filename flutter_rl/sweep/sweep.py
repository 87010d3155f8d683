"""Sweep every checkpoint of a training run over the eval set, with a per-unit cache, and report.

`run_sweep` lists the base and each saved adapter (`checkpoints.list_checkpoints`), evaluates each
one that the cache does not hold (generate -> render -> score), builds the tables and logs them to
MLflow (`tracking.log_sweep`: a parent run with a nested run per checkpoint). `evaluate` is the
same for one checkpoint next to the base, for the nightly flow: the base unit is cached after its
first evaluation, so each night costs one checkpoint.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pandas as pd

from flutter_renderer.api import RenderBackend
from flutter_rl.reward.registry import needs_clip
from flutter_rl.settings import Settings
from flutter_rl.sweep import cache, report
from flutter_rl.sweep.checkpoints import Checkpoint, checkpoint_for, list_checkpoints
from flutter_rl.sweep.evalset import EvalSet, latest_manifest, load_eval_set
from flutter_rl.sweep.generate import GenerateFn, LazyPolicy, decoding_settings, generate_all
from flutter_rl.sweep.scoring import score_samples
from flutter_rl.train.run_dirs import latest_training_dir

if TYPE_CHECKING:  # CLIP pulls in torch: import it only where CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1  # bump when the per-sample table changes: old units are then recomputed
GeneratorFor = Callable[[Path | None], AbstractContextManager[GenerateFn]]


@dataclass
class UnitResult:
    """One checkpoint's per-sample table and where it is cached."""

    checkpoint: Checkpoint
    key: str
    samples: pd.DataFrame
    cached: bool


@dataclass
class SweepResult:
    """Everything a sweep produced: per-sample rows of every checkpoint, the tables, the MLflow run."""

    units: list[UnitResult]
    eval_set: EvalSet
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    run_id: str | None = None

    @property
    def samples(self) -> pd.DataFrame:
        return pd.concat([u.samples for u in self.units], ignore_index=True)


def unit_parts(settings: Settings, checkpoint: Checkpoint, eval_set: EvalSet, backend: RenderBackend) -> dict[str, Any]:
    """What a unit's results depend on; its hash is the cache key."""
    r = settings.renderer
    return {
        "schema": SCHEMA_VERSION,
        "checkpoint": checkpoint.content_hash,
        "eval_set": eval_set.content_hash,
        "decoding": decoding_settings(settings.eval, settings.model),
        "renderer": {"name": backend.name, "version": backend.version, "size": [r.width, r.height, r.pixel_ratio], "timeout_s": r.timeout_s},
        "reward": settings.section_hash("reward"),
    }


def evaluate_unit(
    settings: Settings,
    checkpoint: Checkpoint,
    eval_set: EvalSet,
    *,
    generator_for: GeneratorFor,
    backend: RenderBackend,
    embedder: Callable[[], ClipEmbedder | None],
) -> UnitResult:
    """One checkpoint's per-sample table: from the cache, else generated, rendered, scored and cached."""
    parts = unit_parts(settings, checkpoint, eval_set, backend)
    key = cache.unit_key(parts)
    samples = cache.load_unit(settings.eval.output_dir, key)
    cached = samples is not None
    if samples is None:
        log.info("evaluating %s on %d screens", checkpoint.name, len(eval_set))
        clip = embedder()  # before generating: missing CLIP weights should stop the sweep in seconds
        with generator_for(checkpoint.weights_dir) as generate:
            completions = generate_all(generate, eval_set.images, settings.eval.batch_size)
        rows, renders = score_samples(
            completions, eval_set.images, eval_set.rows.to_dict("records"),
            backend=backend, reward=settings.reward, embedder=clip,
        )
        samples = pd.DataFrame(rows)
        cache.save_unit(settings.eval.output_dir, key, parts, samples, renders)
    else:
        log.info("%s: cached (%s)", checkpoint.name, key[:12])
    samples.insert(0, "step", checkpoint.step)
    samples.insert(0, "checkpoint", checkpoint.name)
    return UnitResult(checkpoint, key, samples, cached)


def build_tables(samples: pd.DataFrame, settings: Settings) -> dict[str, pd.DataFrame]:
    """The report tables of a sweep, by the file name they are logged under."""
    ci = {"bootstrap_samples": settings.eval.bootstrap_samples, "confidence": settings.eval.confidence}
    return {
        "overall": report.overall_table(samples, **ci),
        "by_screen_type": report.breakdown_table(samples, "screen_type", **ci),
        "by_difficulty": report.breakdown_table(samples, "difficulty", **ci),
        "errors": report.error_table(samples),
    }


def default_backend(settings: Settings) -> RenderBackend:
    """The renderer of `[renderer] backend` (`flutter_renderer.render.make_backend`)."""
    from flutter_renderer.render import make_backend

    return make_backend(settings)


def _embedder_loader(settings: Settings) -> Callable[[], ClipEmbedder | None]:
    loaded: list[ClipEmbedder | None] = []

    def load() -> ClipEmbedder | None:
        if not loaded:
            from flutter_rl.reward.clip import load_clip_embedder

            loaded.append(load_clip_embedder(settings.reward) if needs_clip(settings.reward) else None)
        return loaded[0]

    return load


def run_sweep(
    settings: Settings,
    train_dir: str | Path | None = None,
    manifest: str | Path | None = None,
    *,
    checkpoints: list[Checkpoint] | None = None,
    limit: int | None = None,
    generator_for: GeneratorFor | None = None,
    backend: RenderBackend | None = None,
    embedder: ClipEmbedder | None = None,
    track: bool = True,
) -> SweepResult:
    """Evaluate the base and every checkpoint of `train_dir` (default: the newest training run under
    `[train] output_dir`) on the eval split of `manifest` (default: the newest curated manifest under `[data] output_dir`; at most
    `limit` screens).

    Injected `generator_for` / `backend` / `embedder` replace the policy, renderer and CLIP model of the
    settings (tests, or callers that hold them already). With `track`, logs everything to MLflow.
    """
    eval_set = load_eval_set(manifest or latest_manifest(settings.data.output_dir), limit=limit)
    train_dir = train_dir if train_dir is not None else latest_training_dir(settings.train.output_dir)
    if checkpoints is None:
        checkpoints = list_checkpoints(train_dir, settings.model.name)
    generator_for = generator_for or LazyPolicy(settings.model, settings.eval).generator
    own_backend = backend is None
    backend = backend or default_backend(settings)
    load_embedder = (lambda: embedder) if embedder is not None else _embedder_loader(settings)
    try:
        units = [
            evaluate_unit(settings, c, eval_set, generator_for=generator_for, backend=backend, embedder=load_embedder)
            for c in checkpoints
        ]
    finally:
        if own_backend:
            backend.close()
    result = SweepResult(units, eval_set)
    result.tables = build_tables(result.samples, settings)
    if track:
        from flutter_rl.sweep.tracking import log_sweep

        result.run_id = log_sweep(result, settings, train_dir=str(train_dir))
    return result


def evaluate(
    settings: Settings, weights_dir: str | Path, manifest: str | Path | None = None, **kwargs: Any
) -> SweepResult:
    """Evaluate one saved adapter or model next to the base (cached after its first run): `run_sweep` of the two."""
    checkpoints = [list_checkpoints(None, settings.model.name)[0], checkpoint_for(weights_dir, settings.model.name)]
    return run_sweep(settings, Path(weights_dir).parent, manifest, checkpoints=checkpoints, **kwargs)
