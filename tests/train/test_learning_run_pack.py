"""Part C's device transfer (recipes/small_policy/learning_run.py, learning_unpack.py): what is packed comes back whole."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import torch
from transformers import AutoModelForImageTextToText

from flutter_rl.evaluate.checkpoints import list_checkpoints

from .conftest import REPO_ROOT

GPU = REPO_ROOT / "recipes" / "small_policy"


def _script(name: str):
    sys.path.insert(0, str(GPU))  # learning_unpack imports learning_run by name, as it does when run
    spec = importlib.util.spec_from_file_location(name, GPU / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_checkpoints_to_pack_are_spread_over_the_run_and_end_with_the_last() -> None:
    choose = _script("learning_run").choose_checkpoints
    run = [Path(f"checkpoint-{4 * k}") for k in range(1, 11)]
    assert choose(run, each_bytes=10, budget=25) == [run[4], run[9]]
    assert choose(run, each_bytes=10, budget=1000) == run
    assert choose(run, each_bytes=10, budget=5) == []


def test_packed_parts_unpack_to_the_sft_model_and_checkpoints_in_bf16(
    tiny_policy_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    learning_run, learning_unpack = _script("learning_run"), _script("learning_unpack")
    train = tmp_path / "train"
    model = AutoModelForImageTextToText.from_pretrained(tiny_policy_dir)
    model.save_pretrained(train / "sft-model")
    for step in (2, 4):
        model.save_pretrained(train / f"checkpoint-{step}")
        (train / f"checkpoint-{step}" / "optimizer.pt").write_bytes(b"x" * 1000)
    for name in ("tokenizer.json", "tokenizer_config.json", "processor_config.json", "chat_template.jinja"):
        (train / "sft-model" / name).write_bytes((tiny_policy_dir / name).read_bytes())
    monkeypatch.setattr(learning_run, "PART_BYTES", 100_000)  # several parts from a tiny model
    out = tmp_path / "out"
    out.mkdir()

    parts = learning_run.pack(train, tmp_path / "work", out)
    assert len(parts) > 1 and all((out / p).stat().st_size <= 100_000 for p in parts)
    unpacked = tmp_path / "unpacked"
    assert learning_unpack.unpack(out, unpacked) == ["checkpoint-2", "checkpoint-4", "sft-model"]

    assert not (unpacked / "checkpoint-4" / "optimizer.pt").exists()
    restored = AutoModelForImageTextToText.from_pretrained(unpacked / "sft-model")
    assert restored.dtype == torch.bfloat16
    torch.testing.assert_close(restored.lm_head.weight.float(), model.lm_head.weight.to(torch.bfloat16).float())
    assert (unpacked / "sft-model" / "tokenizer.json").is_file()
    assert [c.name for c in list_checkpoints(unpacked, str(unpacked / "sft-model"))] == [
        "base",
        "checkpoint-2",
        "checkpoint-4",
    ]
