"""Sweep every checkpoint of a training run over the eval set, with a per-unit cache, and report.

`run_sweep` lists the base and each saved adapter (`checkpoints.list_checkpoints`), evaluates each
one that the cache does not hold (generate -> render -> score), builds the tables and logs them to
MLflow (`tracking.log_sweep`: a parent run with a nested run per checkpoint). `evaluate` is the
same for one checkpoint next to the base, for the nightly flow: the base unit is cached after its
first evaluation, so each night costs one checkpoint. `evaluate_base` is the base model alone (your
own screenshots, before any training).
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pandas as pd

from flutter_renderer.api import RenderBackend
from flutter_rl import progress
from flutter_rl.evaluate import cache, report
from flutter_rl.evaluate.checkpoints import Checkpoint, checkpoint_for, list_checkpoints
from flutter_rl.evaluate.evalset import EvalSet, dataset_name, latest_manifest, load_eval_set
from flutter_rl.evaluate.generate import GenerateFn, LazyPolicy, decoding_settings, generate_batches
from flutter_rl.evaluate.scoring import score_samples
from flutter_rl.evaluate.sharding import batch_starts, gather_completions, process_shard
from flutter_rl.reward.registry import needs_clip
from flutter_rl.settings import Settings
from flutter_rl.train.run_dirs import latest_training_dir

if TYPE_CHECKING:  # CLIP pulls in torch: import it only where CLIP is used
    from flutter_rl.reward.clip import ClipEmbedder

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1  # bump when the per-sample table changes: old units are then recomputed
SCORE_CHUNK_PER_WORKER = 8  # screens rendered per progress step and render worker: every worker stays busy
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
    dataset: str = ""  # the manifest's version
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
        "renderer": {
            "name": backend.name,
            "version": backend.version,
            "size": [r.width, r.height, r.pixel_ratio],
            "timeout_s": r.timeout_s,
        },
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
        e, shard = settings.eval, process_shard()
        starts = batch_starts(len(eval_set), e.batch_size, shard)
        shard_size = sum(min(e.batch_size, len(eval_set) - start) for start in starts)
        with (
            generator_for(checkpoint.weights_dir) as generate,
            progress.track(f"{checkpoint.name}: generate", shard_size) as advance,
        ):
            batches = generate_batches(
                generate,
                eval_set.images,
                e.batch_size,
                starts,
                seed=e.seed if e.temperature > 0 else None,
                progress=advance,
            )
        completions = gather_completions(batches, len(eval_set), shard[1])
        if completions is None:  # another process of a launched sweep: the main one scores everything
            return UnitResult(checkpoint, key, pd.DataFrame(), cached=False)
        with progress.track(f"{checkpoint.name}: render + score", len(eval_set)) as advance:
            rows, renders = score_samples(
                completions,
                eval_set.images,
                eval_set.rows.to_dict("records"),
                backend=backend,
                reward=settings.reward,
                embedder=clip,
                chunk=SCORE_CHUNK_PER_WORKER * settings.renderer.workers,
                progress=advance,
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
    run_name: str | None = None,
) -> SweepResult:
    """Evaluate the base and every checkpoint of `train_dir` (default: the newest training run under
    `[train] output_dir`) on the eval split of `manifest` (default: the newest curated manifest under `[data] output_dir`; at most
    `limit` screens).

    Injected `generator_for` / `backend` / `embedder` replace the policy, renderer and CLIP model of the
    settings (tests, or callers that hold them already). With `track`, logs everything to MLflow, as
    the run `run_name` (default "sweep <train_dir name>"). Under `accelerate launch` each process
    generates its share of the screens (`sharding`); the main process scores, caches and logs them,
    the others return a result without tables.
    """
    manifest = manifest or latest_manifest(settings.data.output_dir)
    eval_set = load_eval_set(manifest, limit=limit)
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
    result = SweepResult(units, eval_set, dataset=dataset_name(manifest))
    if process_shard()[0] != 0:  # a launched sweep's other process: it only generated its share
        return result
    result.tables = build_tables(result.samples, settings)
    if track:
        from flutter_rl.evaluate.tracking import log_sweep

        result.run_id = log_sweep(result, settings, train_dir=str(train_dir or ""), run_name=run_name)
    return result


def evaluate(
    settings: Settings, weights_dir: str | Path, manifest: str | Path | None = None, **kwargs: Any
) -> SweepResult:
    """Evaluate one saved adapter or model next to the base (cached after its first run): `run_sweep` of the two."""
    checkpoints = [list_checkpoints(None, settings.model.name)[0], checkpoint_for(weights_dir, settings.model.name)]
    return run_sweep(settings, Path(weights_dir).parent, manifest, checkpoints=checkpoints, **kwargs)


def model_label(model_name: str) -> str:
    """A model's short name for run names: a local folder's name, or a hub id without its owner."""
    return Path(model_name).name


def evaluate_base(settings: Settings, manifest: str | Path | None = None, **kwargs: Any) -> SweepResult:
    """Evaluate the base model `[model] name` alone (no adapter, no training run), logged to MLflow as
    the run "base <model> on <dataset version>"."""
    manifest = manifest or latest_manifest(settings.data.output_dir)
    run_name = f"base {model_label(settings.model.name)} on {dataset_name(manifest)}"
    base = list_checkpoints(None, settings.model.name)
    return run_sweep(settings, "", manifest, checkpoints=base, run_name=run_name, **kwargs)  # "": no training run
