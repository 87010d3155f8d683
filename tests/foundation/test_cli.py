"""The command line turns expected failures into one clear line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main


def test_a_missing_input_file_is_one_line_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "nope.dart"
    assert main(["render", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(missing) in err and "Traceback" not in err
