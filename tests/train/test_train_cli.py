"""`flutter-rl make-tiny-policy` and `flutter-rl train` from the command line."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from flows.cli import main
from flutter_rl.train.run import train_rows

from .conftest import REFERENCE_CODE, REPO_ROOT, screenshot


def test_make_tiny_policy_command_writes_a_loadable_policy(tmp_path: Path, capsys) -> None:
    out = tmp_path / "tiny-policy"
    assert main(["make-tiny-policy", "--out", str(out), "--seed", "3"]) == 0
    assert str(out) in capsys.readouterr().out
    written = {p.name for p in out.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "processor_config.json"} <= written


def test_train_command_with_a_missing_model_exits_2_naming_the_setting(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "runs" / "tiny-policy"
    code = main(
        [
            "--config",
            str(REPO_ROOT / "pipeline.toml"),
            "--preset",
            "tiny",
            "--set",
            f"model.name={missing}",
            "--set",
            "tracking.uri=http://127.0.0.1:9",
            "train",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "[model] name" in err and "make-tiny-policy" in err and "Traceback" not in err


def test_train_rows_skip_unreadable_screenshots(tmp_path: Path, caplog) -> None:
    good = tmp_path / "good.png"
    screenshot(0).save(good)
    (tmp_path / "bad.png").write_bytes(b"not a png")
    frame = pd.DataFrame(
        [
            {
                "id": "a",
                "image_path": str(good),
                "screen_type": "list",
                "difficulty": "easy",
                "reference_code": REFERENCE_CODE,
            },
            {
                "id": "b",
                "image_path": str(tmp_path / "bad.png"),
                "screen_type": "form",
                "difficulty": "easy",
                "reference_code": None,
            },
        ]
    )
    rows = train_rows(frame)
    assert [r["id"] for r in rows] == ["a"] and rows[0]["image"].size == (90, 180)
    assert rows[0]["reference_code"] == REFERENCE_CODE and rows[0]["prompt"][-1]["role"] == "user"
    assert "skipping b" in caplog.text
