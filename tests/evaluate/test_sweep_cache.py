import pandas as pd
import pytest

from flutter_rl.evaluate import cache


def test_round_trip_keeps_rows_and_renders(tmp_path):
    parts = {"checkpoint": "abc", "eval_set": "def"}
    key = cache.unit_key(parts)
    samples = pd.DataFrame({"id": ["a/1", "a_1"], "combined": [0.5, 0.0], "completion": ["code", ""]})
    cache.save_unit(tmp_path, key, parts, samples, {"a/1": b"png-bytes"})
    pd.testing.assert_frame_equal(cache.load_unit(tmp_path, key), samples)
    assert cache.render_path(tmp_path, key, "a/1").read_bytes() == b"png-bytes"
    assert cache.render_path(tmp_path, key, "a_1") is None  # similar ids never share a file
    assert cache.render_path(tmp_path, key, "a/1").parent == tmp_path / key / "renders"


def test_key_changes_with_any_part_and_missing_unit_is_none(tmp_path):
    a = cache.unit_key({"checkpoint": "abc", "decoding": {"temperature": 0.0}})
    assert a == cache.unit_key({"decoding": {"temperature": 0.0}, "checkpoint": "abc"})
    assert a != cache.unit_key({"checkpoint": "abc", "decoding": {"temperature": 0.7}})
    assert cache.load_unit(tmp_path, a) is None


def test_failed_write_leaves_no_unit(tmp_path):
    class Broken(pd.DataFrame):
        def to_parquet(self, *args, **kwargs):
            raise OSError("disk full")

    key = cache.unit_key({"x": 1})
    with pytest.raises(OSError, match="disk full"):
        cache.save_unit(tmp_path, key, {"x": 1}, Broken({"id": ["a"]}), {"a": b"png"})
    assert cache.load_unit(tmp_path, key) is None
    assert list(tmp_path.iterdir()) == []
