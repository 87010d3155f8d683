"""Fixtures for the training tests: a tiny offline Qwen3-VL, small screenshot rows, a real MLflow server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import pytest
from PIL import Image, ImageDraw

from flutter_rl.settings import Settings, load_settings
from flutter_rl.train.prompt import build_example
from flutter_rl.train.tiny_policy import make_tiny_policy

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_CODE = """import 'package:flutter/material.dart';

void main() => runApp(const MaterialApp(home: Home()));

class Home extends StatelessWidget {
  const Home({super.key});

  @override
  Widget build(BuildContext context) {
    return const Scaffold(body: Center(child: Text('Hello')));
  }
}"""


def format_regex_reward(prompts: Any, completions: list, **_: Any) -> list[float]:
    """A small real reward: the share of three Flutter markers present in the completion."""
    markers = (r"import", r"class \w+", r"Widget build")
    texts = [c[0]["content"] if isinstance(c, list) else str(c) for c in completions]
    return [sum(bool(re.search(m, t)) for m in markers) / len(markers) for t in texts]


def distinct_chars_reward(prompts: Any, completions: list, **_: Any) -> list[float]:
    """A dense reward with spread inside every group, so GRPO has an advantage to learn from."""
    texts = [c[0]["content"] if isinstance(c, list) else str(c) for c in completions]
    return [len(set(t)) / 32 for t in texts]


REWARD_FUNCS = [format_regex_reward, distinct_chars_reward]
REWARD_WEIGHTS = [0.8, 0.2]


def screenshot(seed: int) -> Image.Image:
    """A phone-shaped image with an app bar, a few list rows and a button, colored by `seed`."""
    palette = ["#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f"]
    image = Image.new("RGB", (90, 180), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 90, 20), fill=palette[seed % len(palette)])
    for row in range(seed % 3 + 2):
        draw.rectangle((8, 30 + row * 22, 82, 46 + row * 22), outline="#9e9e9e")
    draw.rounded_rectangle((20, 150, 70, 166), radius=6, fill=palette[(seed + 2) % len(palette)])
    return image


@pytest.fixture(scope="session")
def tiny_policy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_policy(tmp_path_factory.mktemp("tiny-policy"), seed=0)


@pytest.fixture
def screen_rows() -> list[dict[str, Any]]:
    return [build_example(screenshot(i), reference_code=REFERENCE_CODE, screen_type="list") for i in range(4)]


@pytest.fixture
def make_settings(tiny_policy_dir: Path, tmp_path: Path) -> Callable[..., Settings]:
    """Tiny-preset settings for a fast CPU training in `tmp_path/<name>`; keyword overrides use dotted keys."""

    def make(name: str = "train", **overrides: Any) -> Settings:
        values = {
            "model.name": str(tiny_policy_dir),
            "train.output_dir": str(tmp_path / name),
            "train.max_steps": 2,
            "train.save_steps": 2,
            "train.max_completion_length": 16,
            "train.num_generations": 2,
            "train.per_device_train_batch_size": 2,
            "train.gradient_accumulation_steps": 1,
            "tracking.experiment": "flutter-rl-tests",
        }
        values.update({key.replace("__", "."): value for key, value in overrides.items()})
        return load_settings(REPO_ROOT / "pipeline.toml", preset="tiny", overrides=values, environ={})

    return make


@pytest.fixture
def nf4_on_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """`load_policy` takes its NF4 branch (normally CUDA only) with a float32 compute dtype."""
    import torch
    from transformers import BitsAndBytesConfig

    import flutter_rl.train.policy as policy

    config = BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=torch.float32,
    )
    monkeypatch.setattr(policy, "quantization_config", lambda model, cuda: config)


@pytest.fixture(scope="session")
def mlflow_server(live_services) -> str:
    """The URI of the shared test services' real MLflow tracking server (tests/conftest.py)."""
    from flutter_rl.endpoints import mlflow_url

    return mlflow_url(live_services)
