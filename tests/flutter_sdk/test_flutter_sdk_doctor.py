"""`flutter-rl doctor` rows for the Flutter SDK backend."""

from __future__ import annotations

from flutter_renderer.flutter_sdk import diagnose as diagnose_module
from flutter_renderer.flutter_sdk import sandbox
from flutter_renderer.flutter_sdk.diagnose import diagnose
from flutter_renderer.settings import RendererSettings
from flutter_rl import doctor


def test_missing_sdk_row_says_how_to_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    rows = {name: (ok, detail) for name, ok, detail in diagnose(RendererSettings())}
    assert rows["flutter sdk"][0] is False and "[renderer] flutter_sdk" in rows["flutter sdk"][1]
    assert rows["flutter fonts"][0] is False


def test_found_sdk_fonts_and_sandbox(fake_sdk, monkeypatch):
    monkeypatch.setattr(diagnose_module, "bwrap_works", lambda: False)
    monkeypatch.setattr(diagnose_module, "unshare_works", lambda: True)
    rows = {name: (ok, detail) for name, ok, detail in diagnose(RendererSettings(flutter_sdk=str(fake_sdk)))}
    assert rows["flutter sdk"] == (True, f"{fake_sdk.resolve()} (Flutter 3.32.8)")
    assert rows["flutter fonts"][0] is True and "Roboto (2 files)" in rows["flutter fonts"][1]
    assert rows["flutter sandbox"][0] is True and "user files are visible" in rows["flutter sandbox"][1]
    (fake_sdk / "bin" / "cache" / "artifacts" / "material_fonts" / "MaterialIcons-Regular.otf").unlink()
    fonts = {n: (ok, d) for n, ok, d in diagnose(RendererSettings(flutter_sdk=str(fake_sdk)))}["flutter fonts"]
    assert fonts[0] is False and "flutter precache" in fonts[1]
    none = {n: d for n, _, d in diagnose(RendererSettings(flutter_sdk=str(fake_sdk), sandbox="none"))}
    assert "WITHOUT isolation" in none["flutter sandbox"]
    monkeypatch.setattr(diagnose_module, "unshare_works", lambda: False)
    auto = {n: (ok, d) for n, ok, d in diagnose(RendererSettings(flutter_sdk=str(fake_sdk)))}["flutter sandbox"]
    assert auto[0] is False and "apt-get install bubblewrap" in auto[1]


def test_flutter_rows_fail_the_doctor_only_when_selected(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    settings_file = tmp_path / "pipeline.toml"  # not the repo's file, which other work may be editing
    settings_file.write_text('[renderer]\nbackend = "embedded"\n')
    monkeypatch.setenv("FLUTTER_RL_SETTINGS", str(settings_file))
    monkeypatch.delenv("FLUTTER_RL_PRESET", raising=False)
    monkeypatch.setenv("FLUTTER_RL__RENDERER__BACKEND", "embedded")
    rows = doctor._flutter_sdk_checks()
    assert rows and all(c.optional for c in rows)
    assert doctor.print_report(rows) is True
    monkeypatch.setenv("FLUTTER_RL__RENDERER__BACKEND", "flutter")
    rows = doctor._flutter_sdk_checks()
    assert doctor.print_report(rows) is False and "[ERR] flutter sdk" in capsys.readouterr().out


def test_doctor_runs_flutter_in_the_sandbox_and_shows_why_it_fails(fake_sdk):
    """The doctor runs the backend's smoke command in the configured sandbox, not only the sandbox probe."""
    mode = "bwrap" if sandbox.bwrap_works() else "none"
    rows = {n: (ok, d) for n, ok, d in diagnose(RendererSettings(flutter_sdk=str(fake_sdk), sandbox=mode))}
    assert rows["flutter in sandbox"] == (
        True,
        f"`flutter --version --machine` ran in the {mode!r} sandbox (Flutter 3.32.8, Dart 3.8.1)",
    )
    (fake_sdk / "bin" / "cache" / "flutter_tools.stamp").write_text("0" * 40 + ":\n")  # the tool is stale
    ok, detail = {n: (ok, d) for n, ok, d in diagnose(RendererSettings(flutter_sdk=str(fake_sdk), sandbox=mode))}[
        "flutter in sandbox"
    ]
    # the launcher's rebuild starts with `rm -f $FLUTTER_ROOT/version`: refused by the read-only SDK in bwrap
    reason = "version': Read-only file system" if mode == "bwrap" else "Unable to 'pub upgrade' flutter tool"
    assert ok is False and "exited 1" in detail and reason in detail
