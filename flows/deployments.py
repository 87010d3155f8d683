"""The deployments users run: `prefect deployment run train-and-eval/default` and friends.

Registered from this repository as local source for the process worker of
`[orchestration] work_pool` (`flutter-rl deploy`). Each deployment passes the settings file it was
registered with, so the worker's runs read the same `pipeline.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flutter_rl.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class DeploymentSpec:
    entrypoint: str  # file:function, relative to the repository root
    name: str
    preset: str
    description: str
    nightly: bool = False  # scheduled on `[orchestration] nightly_cron`
    parameters: dict[str, Any] = field(default_factory=dict)


DEPLOYMENTS: tuple[DeploymentSpec, ...] = (
    DeploymentSpec(
        "flows/train_and_eval.py:train_and_eval",
        "default",
        "tiny",
        "Embedded default: synthetic data, embedded renderer, the small trained policy; minutes on a CPU.",
    ),
    DeploymentSpec(
        "flows/train_and_eval.py:train_and_eval",
        "reference",
        "reference",
        "The seed experiment: Qwen3-VL-8B QLoRA, CLIP reward, on one GPU.",
    ),
    DeploymentSpec(
        "flows/nightly.py:nightly_eval",
        "default",
        "tiny",
        "Nightly: newest checkpoint and base on the eval set, compared with the previous night.",
        nightly=True,
    ),
    DeploymentSpec("flows/curate.py:curate_dataset_flow", "default", "tiny", "Curate the manifest of [data]."),
    DeploymentSpec("flows/train.py:train_flow", "default", "tiny", "Curate (cached) and train."),
    DeploymentSpec(
        "flows/evaluate.py:evaluate_flow",
        "default",
        "tiny",
        "Evaluate the base and every checkpoint of the newest run under [train] output_dir (or one adapter_dir).",
    ),
)


def register_deployments(settings: Settings, config_path: str | Path) -> list[str]:
    """Create or update every deployment; returns their 'flow/deployment' names."""
    from prefect import flow

    names = []
    for spec in DEPLOYMENTS:
        source = flow.from_source(source=str(REPO_ROOT), entrypoint=spec.entrypoint)
        source.deploy(
            name=spec.name,
            work_pool_name=settings.orchestration.work_pool,
            parameters={"preset": spec.preset, "config": str(Path(config_path).resolve()), **spec.parameters},
            description=spec.description,
            cron=settings.orchestration.nightly_cron if spec.nightly else None,
            print_next_steps=False,
            ignore_warnings=True,  # the "use .serve for local development" hint: we want the worker
        )
        names.append(f"{source.name}/{spec.name}")
    return names
