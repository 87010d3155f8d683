"""Checkpoint sweeps: generate, render and score every checkpoint of a run on the eval set, report to MLflow.

- `checkpoints`: the base model and each saved adapter of a training run, in step order, with content hashes;
- `evalset`: the eval rows of the curated manifest and their content hash;
- `generate`: batched generation with the policy (+ a PEFT adapter), decoding from `[eval]`;
- `scoring`: one checkpoint's completions -> per-sample rows (rendered, error kind, format, visual, combined);
- `cache`: per-unit results on disk, keyed by (checkpoint, eval set, decoding, renderer, reward);
- `stats`: seeded bootstrap intervals; `report`: the tables; `plots`: figures and image grids;
- `sweep`: `run_sweep` (base + every checkpoint) and `evaluate` (one adapter next to the base);
- `tracking`: the sweep in MLflow (parent run, nested run per checkpoint) and reading it back;
- `cli`: the `flutter-rl evaluate` command.
"""
