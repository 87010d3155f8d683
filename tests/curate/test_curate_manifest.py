"""Manifest writing, content-hash caching, the synthetic source end to end (fake renderer), MLflow, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from flows.cli import main as cli_main
from flutter_renderer.fake import FAIL_MARKER
from flutter_rl.curate.ingest import IngestError
from flutter_rl.curate.manifest import Manifest, counts_table
from flutter_rl.curate.pipeline import curate, input_fingerprint, synthetic_dir
from flutter_rl.settings import DataSettings, Settings
from flutter_rl.synth import synth_command
from flutter_rl.synth.synthetic import METADATA_FILE, synthesize


def _folder_settings(tmp_path: Path, folder: Path) -> Settings:
    data = DataSettings(source="folder", path=str(folder), train_size=4, eval_size=3, output_dir=str(tmp_path / "out"))
    return Settings(data=data)


def _screens(folder: Path, make_png, n: int = 9) -> None:
    for k in range(n):
        make_png(folder / f"s{k}.png", f"screen-{k}")
    rows = [
        {
            "id": f"s{k}",
            "image": f"s{k}.png",
            "screen_type": ["login", "list", "menu"][k % 3],
            "difficulty": ["easy", "easy", "medium", "hard"][k % 4],
        }
        for k in range(n)
    ]
    (folder / "metadata.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_manifest_has_the_columns_images_counts_and_report(tmp_path: Path, make_png) -> None:
    folder = tmp_path / "shots"
    _screens(folder, make_png)
    (folder / "broken.png").write_bytes(b"nope")

    manifest = curate(_folder_settings(tmp_path, folder))

    assert manifest.root == tmp_path / "out" / manifest.hash[:12]
    for column in (
        "id",
        "split",
        "screen_type",
        "difficulty",
        "image_path",
        "original_path",
        "width",
        "height",
        "phash",
        "reference_code",
        "source",
    ):
        assert column in manifest.frame.columns
    assert all(Path(p).is_file() for p in manifest.frame["image_path"])
    assert len(manifest.split("train")) == 4 and len(manifest.split("eval")) == 3
    assert manifest.report["rejected"] == 1
    rejected = pd.read_csv(manifest.root / "rejected.csv")
    assert rejected.loc[0, "id"] == "broken" and rejected.loc[0, "reason"].startswith("cannot decode")
    counts = counts_table(manifest)
    assert counts["count"].sum() == 9
    assert set(counts.columns) == {"split", "screen_type", "difficulty", "count"}
    reloaded = Manifest.load(manifest.root / "manifest.parquet")
    assert reloaded.hash == manifest.hash and reloaded.frame.equals(manifest.frame)


def test_unchanged_inputs_reuse_the_manifest_and_a_changed_image_invalidates_it(tmp_path: Path, make_png) -> None:
    folder = tmp_path / "shots"
    _screens(folder, make_png)
    settings = _folder_settings(tmp_path, folder)

    first = curate(settings)
    second = curate(settings)
    assert not first.reused and second.reused and second.hash == first.hash
    stamp = (first.root / "manifest.parquet").stat().st_mtime_ns
    assert (second.root / "manifest.parquet").stat().st_mtime_ns == stamp

    make_png(folder / "s3.png", "an edited screenshot")
    third = curate(settings)
    assert third.hash != first.hash and not third.reused and third.root != first.root
    relabelled = curate(Settings(data=settings.data.model_copy(update={"seed": 7})))
    assert relabelled.hash != third.hash


def test_input_fingerprint_changes_when_a_screenshot_changes(tmp_path: Path, make_png) -> None:
    folder = tmp_path / "shots"
    _screens(folder, make_png, n=3)
    settings = _folder_settings(tmp_path, folder)
    before = input_fingerprint(settings)
    assert before == input_fingerprint(settings)
    make_png(folder / "s1.png", "edited", (390, 900))
    assert input_fingerprint(settings) != before
    assert input_fingerprint(Settings()) == ""  # synthetic: the settings say it all


def test_synthetic_source_is_deterministic_per_seed(tmp_path: Path, fake_backend) -> None:
    def run(out: Path, seed: int) -> Manifest:
        data = DataSettings(
            source="synthetic", synthetic_count=40, train_size=12, eval_size=12, seed=seed, output_dir=str(out)
        )
        return curate(Settings(data=data), fake_backend)

    first, again, other = run(tmp_path / "a", 3), run(tmp_path / "b", 3), run(tmp_path / "c", 4)
    assert first.hash == again.hash
    assert first.hash != other.hash
    assert set(first.frame["source"]) == {"synthetic"}
    assert first.frame["reference_code"].str.contains("Widget build").all()
    assert (first.frame["screen_type_source"] == "metadata").all()
    assert (first.frame["difficulty_source"] == "metadata").all()
    assert len(first.split("train")) == 12 and set(first.split("train")["difficulty"]) == {"easy"}
    assert len(first.split("eval")) == 12


def test_synthetic_folder_is_reused_for_the_same_inputs(tmp_path: Path, fake_backend) -> None:
    settings = Settings(data=DataSettings(synthetic_count=30, train_size=8, eval_size=6, output_dir=str(tmp_path)))
    curate(settings, fake_backend)
    calls = len(fake_backend.calls)
    curate(settings, fake_backend)
    assert len(fake_backend.calls) == calls  # nothing rendered again
    assert (synthetic_dir(settings, fake_backend.version) / METADATA_FILE).is_file()
    bigger = Settings(data=settings.data.model_copy(update={"synthetic_count": 31}))
    assert synthetic_dir(bigger, "1") != synthetic_dir(settings, "1")
    assert synthetic_dir(settings, "2") != synthetic_dir(settings, "1")  # a new renderer re-renders


def test_a_crashed_renderer_is_not_cached(tmp_path: Path, fake_backend) -> None:
    from flutter_renderer.api import ErrorKind, RenderResult

    class CrashingBackend(type(fake_backend)):
        def render_batch(self, codes, *, size=None, timeout=None):
            return [RenderResult.failure(ErrorKind.CRASH, "no renderer worker could start") for _ in codes]

    settings = Settings(data=DataSettings(synthetic_count=24, train_size=6, eval_size=6, output_dir=str(tmp_path)))
    with pytest.raises(IngestError, match="no usable screens.*crash"):
        curate(settings, CrashingBackend())
    manifest = curate(settings, fake_backend)  # renders again instead of reusing the crashed folder
    assert fake_backend.calls and len(manifest.frame) > 0


def test_synthesize_reports_render_failures(tmp_path: Path, fake_backend, monkeypatch) -> None:
    from flutter_rl.synth import synthetic

    real = synthetic.screen_from_seed

    def failing_lists(screen_type: str, difficulty: str, seed: int):
        screen = real(screen_type, difficulty, seed)
        if screen_type == "list":
            return synthetic.SyntheticScreen(screen.code + FAIL_MARKER + "\n", screen_type, difficulty, seed)
        return screen

    monkeypatch.setattr(synthetic, "screen_from_seed", failing_lists)
    report = synthesize(36, tmp_path, fake_backend, seed=1, batch_size=10)

    assert len(report.failures) == 3 and {f["screen_type"] for f in report.failures} == {"list"}
    assert len(report.written) == 33 and report.render_rate == pytest.approx(33 / 36)
    rows = [json.loads(line) for line in (tmp_path / METADATA_FILE).read_text().splitlines()]
    assert [r["id"] for r in rows] == report.written
    assert all((tmp_path / f"{r['id']}.dart").read_text() == r["reference_code"] for r in rows)
    assert len((tmp_path / "failures.jsonl").read_text().splitlines()) == 3
    assert [len(batch) for batch in fake_backend.calls] == [10, 10, 10, 6]


def test_generate_screens_are_the_screens_synthesize_writes(tmp_path: Path, fake_backend) -> None:
    from flutter_rl.synth.synthetic import generate_screens

    report = synthesize(12, tmp_path, fake_backend, seed=5, batch_size=5)
    written = [(tmp_path / f"{sample_id}.dart").read_text() for sample_id in report.written]
    assert written == [screen.code for screen in generate_screens(12, seed=5)]


def test_render_failures_of_the_synthetic_source_are_in_the_report(tmp_path: Path, fake_backend, monkeypatch) -> None:
    from flutter_rl.synth import synthetic

    real = synthetic.screen_from_seed
    monkeypatch.setattr(
        synthetic,
        "screen_from_seed",
        lambda t, d, seed: synthetic.SyntheticScreen(
            real(t, d, seed).code + (FAIL_MARKER if t == "chat" else ""), t, d, seed
        ),
    )
    settings = Settings(data=DataSettings(synthetic_count=36, train_size=6, eval_size=6, output_dir=str(tmp_path)))

    manifest = curate(settings, fake_backend)

    reserve = [(6, settings.data.train_difficulties), (6, settings.data.eval_difficulties)]
    chats = sum(t == "chat" for t, _ in synthetic.plan_labels(36, reserve, settings.data.seed))
    assert chats > 0 and manifest.report["rejected_by_stage"] == {"render": chats}
    assert "chat" not in set(manifest.frame["screen_type"])
    rejected = pd.read_csv(manifest.root / "rejected.csv")
    assert rejected["reason"].str.startswith("chat/").all()


def test_synth_command_writes_the_folder(tmp_path: Path, fake_backend, monkeypatch) -> None:
    monkeypatch.setattr(synth_command, "_default_backend", lambda settings: fake_backend)
    config = tmp_path / "pipeline.toml"
    config.write_text("[data]\nseed = 9\n")  # hermetic: not the repository's pipeline.toml
    status = cli_main(["--config", str(config), "synth", "--n", "5", "--out", str(tmp_path / "s")])
    assert status == 0
    assert len((tmp_path / "s" / METADATA_FILE).read_text().splitlines()) == 5
    assert len(list((tmp_path / "s").glob("*.png"))) == 5


def test_manifest_is_logged_to_mlflow(tmp_path: Path, make_png) -> None:
    mlflow = pytest.importorskip("mlflow")
    folder = tmp_path / "shots"
    _screens(folder, make_png)
    manifest = curate(_folder_settings(tmp_path, folder))
    from flutter_rl.curate.tracking import log_manifest_to_mlflow

    mlflow.set_tracking_uri(f"sqlite:///{tmp_path / 'mlflow.db'}")
    mlflow.set_experiment("curate-test")
    with mlflow.start_run() as run:
        log_manifest_to_mlflow(manifest)
    logged = mlflow.get_run(run.info.run_id)
    inputs = {d.dataset.name: d for d in logged.inputs.dataset_inputs}
    assert set(inputs) == {"screens-train", "screens-eval"}
    assert inputs["screens-train"].dataset.digest == manifest.version
    assert {t.key: t.value for t in inputs["screens-eval"].tags}["mlflow.data.context"] == "eval"
    assert logged.data.params["data.manifest"] == manifest.version
    table = mlflow.load_table("data/counts.json", run_ids=[run.info.run_id])
    assert table["count"].sum() == 9
