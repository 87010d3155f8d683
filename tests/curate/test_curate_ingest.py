"""Ingesting folders (with CSV/JSONL metadata or none), Hugging Face datasets, and the label fallback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from flutter_rl.curate.images import validate_and_normalize
from flutter_rl.curate.ingest import IngestError, ingest_folder, ingest_hf
from flutter_rl.curate.labels import (
    DIFFICULTIES,
    SCREEN_TYPES,
    UNKNOWN_TYPE,
    difficulty_from_code,
    difficulty_from_image,
    label_fallback,
    label_items,
    type_from_code,
)
from flutter_rl.settings import DataSettings
from flutter_rl.synth.synthetic import screen_from_seed


def test_folder_with_csv_metadata(tmp_path: Path, make_png) -> None:
    make_png(tmp_path / "shots" / "a.png", 1)
    make_png(tmp_path / "shots" / "b.png", 2)
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "id,image,screen_type,difficulty,reference_code\nlogin-1,a.png,Login,easy,\nghost,missing.png,list,hard,\n"
    )

    items, rejected = ingest_folder(tmp_path / "shots", meta)

    by_id = {i.id: i for i in items}
    assert set(by_id) == {"login-1", "b"}
    assert (by_id["login-1"].screen_type, by_id["login-1"].difficulty) == ("login", "easy")
    assert by_id["login-1"].reference_code is None
    assert by_id["b"].screen_type is None  # no metadata row: ingested unlabelled
    assert [(r.id, r.reason) for r in rejected] == [("ghost", "image named in metadata does not exist")]


def test_folder_reads_its_own_metadata_jsonl(tmp_path: Path, make_png) -> None:
    make_png(tmp_path / "x.png", 1)
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps(
            {"id": "x", "image": "x.png", "screen_type": "chat", "difficulty": "medium", "reference_code": "code"}
        )
        + "\n"
    )
    items, rejected = ingest_folder(tmp_path)
    assert not rejected
    assert [(i.id, i.screen_type, i.difficulty, i.reference_code) for i in items] == [("x", "chat", "medium", "code")]


def test_bad_metadata_and_missing_folder_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "m.jsonl").write_text('{"id": 1}\n{not json\n')
    with pytest.raises(IngestError, match="line 2"):
        ingest_folder(tmp_path, tmp_path / "m.jsonl")
    with pytest.raises(IngestError, match="not found"):
        ingest_folder(tmp_path / "nope")
    (tmp_path / "m2.jsonl").write_text('["not", "an", "object"]\n')
    with pytest.raises(IngestError, match="expected a JSON object"):
        ingest_folder(tmp_path, tmp_path / "m2.jsonl")
    (tmp_path / "m.txt").write_text("")
    with pytest.raises(IngestError, match=".csv or .jsonl"):
        ingest_folder(tmp_path, tmp_path / "m.txt")


def test_screenshots_without_labels_get_heuristic_labels(tmp_path: Path, make_png) -> None:
    make_png(tmp_path / "plain.png", 5)
    code = screen_from_seed("settings", "easy", 3).code
    make_png(tmp_path / "coded.png", 6)
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"id": "coded", "image": "coded.png", "reference_code": code}) + "\n"
    )
    raw, _ = ingest_folder(tmp_path)
    items, _ = validate_and_normalize(raw, DataSettings(), tmp_path / "store")

    labelled = {i.id: i for i in label_items(items)}

    assert labelled["coded"].screen_type == "settings" and labelled["coded"].screen_type_source == "heuristic"
    assert labelled["plain"].screen_type == UNKNOWN_TYPE and labelled["plain"].screen_type_source == "heuristic"
    assert labelled["plain"].difficulty in DIFFICULTIES and labelled["plain"].difficulty_source == "heuristic"


def test_each_label_says_whether_it_was_guessed(tmp_path: Path, make_png) -> None:
    make_png(tmp_path / "typed.png", 5)
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"id": "typed", "image": "typed.png", "screen_type": "menu"}) + "\n"
    )
    raw, _ = ingest_folder(tmp_path)
    items, _ = validate_and_normalize(raw, DataSettings(), tmp_path / "store")
    (typed,) = label_items(items)
    assert (typed.screen_type, typed.screen_type_source) == ("menu", "metadata")
    assert typed.difficulty in DIFFICULTIES and typed.difficulty_source == "heuristic"


def test_metadata_labels_win_and_invalid_labels_count_as_missing(tmp_path: Path, make_png) -> None:
    image = str(make_png(tmp_path / "a.png", 1))
    assert label_fallback("menu", "hard", None, image) == ("menu", "hard", frozenset())
    screen_type, difficulty, guessed = label_fallback("banana", "hard", None, image)
    assert (screen_type, difficulty, guessed) == (UNKNOWN_TYPE, "hard", {"screen_type"})


def test_code_heuristic_agrees_with_generator_labels() -> None:
    """The heuristic is tuned on the generator, so this is its ceiling, not its accuracy on real code."""
    cells = [(t, d, seed) for t in SCREEN_TYPES for d in DIFFICULTIES for seed in range(100, 106)]
    screens = [screen_from_seed(t, d, seed) for t, d, seed in cells]
    type_hits = sum(type_from_code(s.code) == s.screen_type for s in screens) / len(screens)
    difficulty_hits = sum(difficulty_from_code(s.code) == s.difficulty for s in screens) / len(screens)
    assert type_hits >= 0.9
    assert difficulty_hits >= 0.6


def test_hf_dataset_saved_to_disk_loads_offline(tmp_path: Path, png_bytes) -> None:
    datasets = pytest.importorskip("datasets")
    dataset = datasets.Dataset.from_dict(
        {
            "id": ["s1", "s2"],
            "image": [{"bytes": png_bytes(1), "path": None}, {"bytes": png_bytes(2), "path": None}],
            "screen_type": ["list", None],
            "difficulty": ["easy", None],
        }
    ).cast_column("image", datasets.Image())
    datasets.DatasetDict({"train": dataset}).save_to_disk(str(tmp_path / "ds"))

    items, rejected = ingest_hf(str(tmp_path / "ds"), "train", tmp_path / "export")

    assert not rejected
    assert [(i.id, i.screen_type, i.source) for i in items] == [("s1", "list", "hf"), ("s2", None, "hf")]
    assert Path(items[0].image_path).read_bytes() == png_bytes(1)


def test_image_difficulty_grows_with_edge_density() -> None:
    blank = Image.new("RGB", (390, 844), "white")
    busy = blank.copy()
    draw = ImageDraw.Draw(busy)
    for y in range(0, 844, 6):  # a screen full of text-like stripes
        draw.line([(10, y), (380, y)], fill="black")
    assert difficulty_from_image(blank) == "easy"
    assert difficulty_from_image(busy) == "hard"
