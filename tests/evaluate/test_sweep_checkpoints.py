import json
from pathlib import Path

import pytest

from flutter_rl.evaluate.checkpoints import base_model_hash, checkpoint_for, list_checkpoints


def _adapter(directory: Path, weights: bytes, extra: dict[str, bytes] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "adapter_config.json").write_text('{"r": 8}')
    (directory / "adapter_model.safetensors").write_bytes(weights)
    for name, data in (extra or {}).items():
        (directory / name).write_bytes(data)
    return directory


def test_lists_base_then_checkpoints_by_step_then_new_final(tmp_path):
    run = tmp_path / "train"
    _adapter(run / "checkpoint-10", b"w10")
    _adapter(run / "checkpoint-2", b"w2", {"optimizer.pt": b"state"})
    (run / "checkpoint-4").mkdir()  # a save cut short: no adapter_config.json
    _adapter(run, b"final-weights")
    (run / "trainer_state.json").write_text(json.dumps({"global_step": 12}))
    found = list_checkpoints(run, "org/model")
    assert [(c.name, c.step) for c in found] == [("base", 0), ("checkpoint-2", 2), ("checkpoint-10", 10), ("final", 12)]
    assert found[0].weights_dir is None and found[1].weights_dir == run / "checkpoint-2"
    assert len({c.content_hash for c in found}) == 4


def test_final_equal_to_last_checkpoint_is_not_listed_twice(tmp_path):
    run = tmp_path / "train"
    _adapter(run / "checkpoint-8", b"same", {"optimizer.pt": b"only in the checkpoint"})
    _adapter(run, b"same", {"README.md": b"model card"})
    assert [c.name for c in list_checkpoints(run, "org/model")] == ["base", "checkpoint-8"]


def test_hash_follows_adapter_weights_and_base(tmp_path):
    run = tmp_path / "train"
    adapter = _adapter(run / "checkpoint-1", b"a")
    first = checkpoint_for(adapter, "org/model").content_hash
    assert checkpoint_for(adapter, "org/other-model").content_hash != first
    (adapter / "optimizer.pt").write_bytes(b"does not change the weights")
    assert checkpoint_for(adapter, "org/model").content_hash == first
    (adapter / "adapter_model.safetensors").write_bytes(b"b")
    assert checkpoint_for(adapter, "org/model").content_hash != first
    assert checkpoint_for(adapter, "org/model").step == 1


def test_local_base_hashed_by_content_not_path(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "config.json").write_text("{}")
    assert base_model_hash(str(a)) == base_model_hash(str(b))
    (b / "config.json").write_text('{"x": 1}')
    assert base_model_hash(str(a)) != base_model_hash(str(b))


def test_missing_train_dir_gives_the_base_and_a_non_adapter_is_refused(tmp_path):
    assert [c.name for c in list_checkpoints(tmp_path / "absent", "org/model")] == ["base"]
    with pytest.raises(FileNotFoundError, match="not a checkpoint folder"):
        checkpoint_for(tmp_path, "org/model")


def _full_model(directory: Path, weights: bytes, extra: dict[str, bytes] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.json").write_text('{"model_type": "qwen3_vl"}')
    (directory / "model.safetensors").write_bytes(weights)
    for name, data in (extra or {}).items():
        (directory / name).write_bytes(data)
    return directory


def test_fully_fine_tuned_checkpoints_are_listed_and_hashed_by_their_weights(tmp_path):
    run = tmp_path / "train"
    _full_model(run / "checkpoint-4", b"w4", {"optimizer.pt": b"state", "tokenizer.json": b"{}"})
    _full_model(run / "checkpoint-8", b"w8")
    (run / "sft-model").mkdir()  # the warm-up is the base of such a run, not one of its checkpoints
    found = list_checkpoints(run, "org/model")
    assert [(c.name, c.step, c.weights_dir) for c in found[1:]] == [
        ("checkpoint-4", 4, run / "checkpoint-4"),
        ("checkpoint-8", 8, run / "checkpoint-8"),
    ]
    first = checkpoint_for(run / "checkpoint-4", "org/model").content_hash
    (run / "checkpoint-4" / "optimizer.pt").write_bytes(b"does not change the weights")
    assert checkpoint_for(run / "checkpoint-4", "org/model").content_hash == first
    (run / "checkpoint-4" / "model.safetensors").write_bytes(b"other")
    assert checkpoint_for(run / "checkpoint-4", "org/model").content_hash != first
