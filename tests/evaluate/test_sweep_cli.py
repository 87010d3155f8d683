from pathlib import Path

from flows import cli


def _config(tmp_path: Path) -> str:
    path = tmp_path / "pipeline.toml"
    path.write_text(f'[data]\noutput_dir = "{tmp_path / "data"}"\n[eval]\noutput_dir = "{tmp_path / "eval"}"\n')
    return str(path)


def test_evaluate_without_an_adapter_sweeps_and_passes_its_arguments(tmp_path, monkeypatch, capsys):
    seen = {}

    def fake_run_sweep(settings, train_dir, manifest, **kwargs):
        seen.update(settings=settings, train_dir=train_dir, manifest=manifest, **kwargs)
        raise FileNotFoundError("stop here")

    monkeypatch.setattr("flutter_rl.evaluate.sweep.run_sweep", fake_run_sweep)
    code = cli.main(
        [
            "--config",
            _config(tmp_path),
            "--set",
            "eval.max_new_tokens=99",
            "evaluate",
            "--train-dir",
            "runs/x",
            "--manifest",
            "m.parquet",
            "--limit",
            "5",
            "--no-track",
        ]
    )
    assert code == 2 and "stop here" in capsys.readouterr().err
    assert seen["train_dir"] == "runs/x" and seen["manifest"] == "m.parquet"
    assert seen["limit"] == 5 and seen["track"] is False
    assert seen["settings"].eval.max_new_tokens == 99


def test_missing_manifest_and_non_checkpoint_are_one_line_errors(tmp_path, capsys):
    assert cli.main(["--config", _config(tmp_path), "evaluate", "--no-track"]) == 2
    assert "no curated manifest under" in capsys.readouterr().err
    assert cli.main(["--config", _config(tmp_path), "evaluate", str(tmp_path), "--no-track"]) == 2
    assert "not a checkpoint folder" in capsys.readouterr().err


def test_evaluate_takes_one_target(tmp_path, capsys):
    assert cli.main(["--config", _config(tmp_path), "evaluate", "runs/x/checkpoint-1", "--base", "--no-track"]) == 2
    assert "not an adapter and --base" in capsys.readouterr().err
    assert cli.main(["--config", _config(tmp_path), "evaluate", "--base", "--train-dir", "runs/x", "--no-track"]) == 2
    assert "not --base and --train-dir" in capsys.readouterr().err
