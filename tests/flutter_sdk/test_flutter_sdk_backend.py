"""FlutterSdkBackend end to end over the fake SDK of conftest.make_fake_sdk (no real SDK can be installed here).

Its `bin/flutter` (fake_launcher.py) does what flutter/flutter's `bin/internal/shared.sh` and
`update_engine_version.sh` do on every call (write `bin/cache/engine.stamp` and `engine.realm`, run
`git rev-parse HEAD`, rebuild the tool when its stamp does not match); its Dart VM (fake_flutter.py)
plays back what `dart analyze` and `flutter test --machine` print and what the Dart harness writes.
So these tests check the Python side and the sandbox, run for real: ordering, isolation of bad
candidates, timeouts, compile-failure recovery, the commands. They say nothing about real Flutter renders.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderBackend, RenderSize
from flutter_renderer.flutter_sdk import FlutterSdkBackend, FlutterSdkError, sandbox
from flutter_renderer.settings import RendererSettings

SCREEN = """import 'package:flutter/material.dart';
// fake: {kind}
void main() => runApp(const App());
class App extends StatelessWidget {{
  const App({{super.key}});
  @override
  Widget build(BuildContext context) => const MaterialApp(home: Scaffold());
}}
"""


def screen(kind: str = "ok") -> str:
    return SCREEN.format(kind=kind)


def settings(sdk: Path, **kw) -> RendererSettings:
    values = dict(
        backend="flutter",
        flutter_sdk=str(sdk),
        sandbox="none",
        timeout_s=1.0,
        flutter_startup_timeout_s=20.0,
        width=40,
        height=60,
        pixel_ratio=1.5,
    )
    values.update(kw)
    return RendererSettings(**values)


def calls(home: Path, via: str = "bin/flutter") -> list[list[str]]:
    """The argv of every call of `bin/flutter` (the launcher) or of the Dart VM (`via="dart"`), in order."""
    lines = (home / "fake_calls.jsonl").read_text().splitlines() if (home / "fake_calls.jsonl").exists() else []
    return [entry["argv"] for entry in map(json.loads, lines) if entry["via"] == via]


def flutter_test_runs(home: Path) -> list[list[str]]:
    """The `flutter test` calls among `calls(home)` (the others: the smoke command at start)."""
    return [argv for argv in calls(home) if "test" in argv[1:]]


def test_missing_sdk_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(FlutterSdkError, match=r"\[renderer\] flutter_sdk"):
        FlutterSdkBackend(RendererSettings(backend="flutter"))
    with pytest.raises(FlutterSdkError, match="no bin/flutter there"):
        FlutterSdkBackend(RendererSettings(backend="flutter", flutter_sdk=str(tmp_path)))


def test_batch_results_in_order_with_each_failure_isolated(fake_sdk):
    codes = [
        screen(),
        screen("syntax"),
        screen("analysis"),
        screen("overflow"),
        screen("throw"),
        "",
        "import 'package:flutter/material.dart';\nint x = 1; // no widget",
        screen(),
    ]
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        assert isinstance(backend, RenderBackend)
        assert backend.name == "flutter" and backend.version.startswith("flutter-3.32.8+harness-")
        results = backend.render_batch(codes)
    kinds = [r.error_kind for r in results]
    assert kinds == [
        None,
        ErrorKind.SYNTAX,
        ErrorKind.ANALYSIS,
        ErrorKind.OVERFLOW,
        ErrorKind.RUNTIME,
        ErrorKind.SYNTAX,
        ErrorKind.UNSUPPORTED,
        None,
    ]
    assert results[0].ok and results[7].ok
    assert Image.open(io.BytesIO(results[0].png)).size == (60, 90)  # 40x60 logical at ratio 1.5
    assert results[1].message == "line 3:14: Error: Expected to find ';'. [EXPECTED_TOKEN]"
    assert "overflowed by 42 pixels" in results[3].message and results[3].png is not None


def test_one_analyze_and_one_test_process_per_clean_batch(fake_sdk):
    backend = FlutterSdkBackend(settings(fake_sdk))
    try:
        backend.render_batch([screen(), screen("overflow"), screen("analysis")])
        launcher, vm = calls(backend._runtime.home), calls(backend._runtime.home, via="dart")
    finally:
        backend.close()
    assert [a[1:] for a in vm if a[1] == "analyze"] == [["analyze", "--format=machine", "lib/candidates"]]
    assert [a[1:] for a in launcher] == [
        ["--no-version-check", "--suppress-analytics", "--version", "--machine"],
        [
            "--no-version-check",
            "--suppress-analytics",
            "test",
            "--machine",
            "--no-pub",
            "--no-test-assets",
            "test/render_batch_test.dart",
        ],
    ]
    assert not backend._workdir.exists()
    backend.close()  # twice is fine
    with pytest.raises(RuntimeError, match="closed"):
        backend.render_batch([screen()])


def test_batch_of_only_empty_codes_runs_no_tool(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch(["", "  \n"])
        assert flutter_test_runs(backend._runtime.home) == []
        assert not [argv for argv in calls(backend._runtime.home, via="dart") if "analyze" in argv]
    assert [r.error_kind for r in results] == [ErrorKind.SYNTAX, ErrorKind.SYNTAX]


def test_hang_is_a_timeout_and_the_rest_still_render(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        backend._runtime = dataclasses.replace(backend._runtime, grace_s=0.5)  # keep the test short
        results = backend.render_batch([screen(), screen("hang"), screen(), screen("timeout-event")], timeout=0.5)
        runs = flutter_test_runs(backend._runtime.home)
    assert [r.error_kind for r in results] == [None, ErrorKind.TIMEOUT, None, ErrorKind.TIMEOUT]
    assert "killed" in results[1].message
    assert len(runs) == 2  # the hang killed the first process; candidates 2 and 3 ran again


def test_compile_error_missed_by_analyzer_drops_only_that_candidate(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch([screen(), screen("compile"), screen()])
    assert [r.error_kind for r in results] == [None, ErrorKind.ANALYSIS, None]
    # current SDKs print each compiler error on stderr and again in the load error: once each in the message
    assert results[1].message.splitlines() == [
        "line 7:3: Error: The getter 'colour' isn't defined for the class 'Colors'.",
        "line 9:12: Error: Method not found: 'Colour'.",
    ]


def test_error_on_a_generated_line_belongs_to_its_candidate(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch([screen(), screen("bad-root"), screen()])
    assert [r.error_kind for r in results] == [None, ErrorKind.ANALYSIS, None]
    assert "Too few positional arguments" in results[1].message


def test_unattributed_load_failure_is_bisected(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch([screen(), screen(), screen("unattributed"), screen()])
    assert [r.ok for r in results] == [True, True, False, True]
    assert results[2].error_kind is ErrorKind.CRASH


def test_dying_test_process_blames_the_running_candidate(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch([screen(), screen("die"), screen()])
    assert [r.error_kind for r in results] == [None, ErrorKind.CRASH, None]
    assert "exit 9" in results[1].message


def test_test_font_mode_passes_no_fonts_and_changes_the_version(fake_sdk):
    with (
        FlutterSdkBackend(settings(fake_sdk)) as real,
        FlutterSdkBackend(settings(fake_sdk, real_fonts=False)) as boxes,
    ):
        assert {"Roboto", "MaterialIcons", "CupertinoSystemText"} <= set(real.fonts)
        assert [p.name for p in real.fonts["Roboto"]] == ["Roboto-Regular.ttf", "roboto-bold.ttf"]
        assert boxes.fonts == {} and boxes.version == real.version + "+test-font"
        boxes.render_batch([screen()], size=RenderSize(20, 30, 1.0))
        generated = (boxes._runtime.project / "test" / "render_batch_test.dart").read_text()
    assert "fonts: <String, List<String>>{}," in generated and "width: 20.0," in generated


@pytest.mark.skipif(not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here")
def test_batch_runs_inside_bwrap(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk, sandbox="bwrap")) as backend:
        assert backend.sandbox_mode == "bwrap"
        results = backend.render_batch([screen(), screen("syntax"), screen("overflow")])
    assert [r.error_kind for r in results] == [None, ErrorKind.SYNTAX, ErrorKind.OVERFLOW]


def test_garbage_status_file_fails_only_its_candidate(fake_sdk):
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch([screen("bad-status"), screen()])
    assert results[0].error_kind is ErrorKind.CRASH and "unreadable harness status" in results[0].message
    assert results[1].ok


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


@pytest.mark.skipif(not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here")
@pytest.mark.parametrize("launcher", ["current", "legacy"])
def test_launcher_writes_only_a_private_cache_inside_bwrap(make_sdk, launcher):
    """Issue 16 (1): the launcher writes bin/cache on every call; the real bin/cache must stay untouched."""
    sdk = make_sdk(launcher=launcher)
    with FlutterSdkBackend(settings(sdk, sandbox="bwrap")) as backend:
        # a fallback stamp left by an earlier run on another channel: newer launchers remove it on every call
        (sdk / "bin" / "cache" / "engine_fallback.stamp").write_text(f"{'1' * 40}:{'2' * 40}\n")
        before = _tree(sdk)  # after start: `pub get` ran outside the sandbox, like the user's own flutter
        results = backend.render_batch([screen(), screen("plant"), screen("overflow")])
        after = _tree(sdk)
    assert [r.ok for r in results] == [True, True, False], [r.message for r in results]
    assert after == before  # the launcher's stamps, the lock and the planted files stayed inside


def test_environment_failure_runs_flutter_test_once(fake_sdk):
    """Issue 16 (2): a launcher that fails before any test event is no compile error to bisect."""
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        # the tool snapshot no longer matches HEAD: the launcher tries to rebuild it and cannot (no network)
        (fake_sdk / "bin" / "cache" / "flutter_tools.stamp").write_text("0" * 40 + ":\n")
        results = backend.render_batch([screen() for _ in range(8)])
        runs = flutter_test_runs(backend._runtime.home)
    assert len(runs) == 1  # bisecting 8 candidates would have started 15
    assert {r.error_kind for r in results} == {ErrorKind.CRASH}
    assert all("Unable to 'pub upgrade' flutter tool" in r.message for r in results)


def test_failed_setup_all_is_a_harness_failure_not_bisected(fake_sdk):
    """Issue 16 (2): the harness's setUpAll loads the fonts; when it fails no candidate ran at all."""
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        (fake_sdk / "bin" / "cache" / "artifacts" / "material_fonts" / "Roboto-Regular.ttf").unlink()
        results = backend.render_batch([screen(), screen(), screen()])
        runs = flutter_test_runs(backend._runtime.home)
    assert len(runs) == 1
    assert {r.error_kind for r in results} == {ErrorKind.CRASH}
    assert all("setUpAll" in r.message and "Roboto-Regular.ttf" in r.message for r in results)


def test_candidates_use_the_installed_dart_language_version(make_sdk):
    """Issue 16 (4): the pubspec's lower SDK bound is the language version; `>=3.0.0` made every candidate Dart 3.0."""
    with (
        FlutterSdkBackend(settings(make_sdk("new", dart="3.8.1"))) as new,
        FlutterSdkBackend(settings(make_sdk("old", dart="3.5.4"))) as old,
    ):
        assert new.render_batch([screen("wildcards")])[0].ok  # `(_, _)` needs Dart 3.7
        (result,) = old.render_batch([screen("wildcards")])
        pubspec = (new._runtime.project / "pubspec.yaml").read_text()
    assert result.error_kind is ErrorKind.ANALYSIS and "The name '_' is already defined" in result.message
    assert "sdk: ^3.8.0" in pubspec
    assert new.version.split("+harness-")[1] != old.version.split("+harness-")[1]


@pytest.mark.parametrize(
    "mode",
    [
        "none",
        pytest.param(
            "bwrap",
            marks=pytest.mark.skipif(
                not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here"
            ),
        ),
    ],
)
def test_sdk_that_git_considers_someone_elses(fake_sdk, mode):
    """Issue 16 (7): git refuses a clone owned by another user unless safe.directory names it; the sandbox
    hides ~/.gitconfig and /etc/gitconfig, so a refused `git rev-parse HEAD` made the launcher rebuild the tool."""
    (fake_sdk / ".fake-foreign-owner").write_text("")
    with FlutterSdkBackend(settings(fake_sdk, sandbox=mode)) as backend:
        results = backend.render_batch([screen(), screen("overflow")])
    assert [r.error_kind for r in results] == [None, ErrorKind.OVERFLOW], results[0].message


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give the fake SDK to another user")
@pytest.mark.skipif(not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here")
def test_sdk_owned_by_another_user_inside_bwrap(fake_sdk):
    """Issue 16 (7): inside bwrap another user's files belong to `nobody`; git then refuses the clone."""
    for path in [fake_sdk, *fake_sdk.rglob("*")]:
        os.lchown(path, 4242, 4242)
    with FlutterSdkBackend(settings(fake_sdk, sandbox="bwrap")) as backend:
        (result,) = backend.render_batch([screen()])
    assert result.ok, result.message


def test_each_safe_directory_route_alone_satisfies_git(fake_sdk, tmp_path):
    """The GIT_CONFIG_* entry (git >= 2.38) and the private home's .gitconfig (any git) each suffice."""
    from flutter_renderer.flutter_sdk import environment
    from flutter_renderer.flutter_sdk.sdk import find_sdk

    sdk = find_sdk(str(fake_sdk))
    home = tmp_path / "private-home"
    environment.prepare_home(home, sdk)
    foreign = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "empty"), "GIT_TEST_ASSUME_DIFFERENT_OWNER": "1"}
    rev_parse = ["git", "-C", str(sdk.root), "rev-parse", "HEAD"]
    if subprocess.run(rev_parse, env=foreign, capture_output=True).returncode == 0:
        pytest.skip("this git (< 2.35.2) has no ownership check")
    assert subprocess.run(rev_parse, env=environment.git_env(sdk, foreign), capture_output=True).returncode == 0
    assert subprocess.run(rev_parse, env={**foreign, "HOME": str(home)}, capture_output=True).returncode == 0
    chained = environment.git_env(sdk, {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "a.b", "GIT_CONFIG_VALUE_0": "c"})
    assert chained["GIT_CONFIG_COUNT"] == "2" and chained["GIT_CONFIG_KEY_1"] == "safe.directory"


@pytest.mark.skipif(not sandbox.bwrap_works(), reason="bubblewrap is not installed or cannot create namespaces here")
def test_start_runs_the_smoke_command_in_the_sandbox_and_reports_its_output(fake_sdk, tmp_path):
    """An SDK that works outside the sandbox and not inside (its Dart VM links outside the SDK, as some
    installers do) must fail at start with the command's output, not turn every candidate into `crash`."""
    dart = fake_sdk / "bin" / "cache" / "dart-sdk" / "bin" / "dart"
    elsewhere = tmp_path / "elsewhere" / "dart"
    elsewhere.parent.mkdir()
    dart.rename(elsewhere)
    dart.symlink_to(elsewhere)
    with pytest.raises(
        FlutterSdkError,
        match=r"(?s)does not run in the 'bwrap' sandbox: `flutter --no-version-check "
        r"--suppress-analytics --version --machine` exited 127: .*/dart: No such file",
    ):
        FlutterSdkBackend(settings(fake_sdk, sandbox="bwrap"))
    with FlutterSdkBackend(settings(fake_sdk, sandbox="none")) as backend:  # outside the sandbox it runs
        assert calls(backend._runtime.home)[0][1:] == [
            "--no-version-check",
            "--suppress-analytics",
            "--version",
            "--machine",
        ]


def test_cupertino_families_get_the_roboto_files(fake_sdk):
    """Issue 16 (8): Cupertino text asks for CupertinoSystemText/Display (.SF Pro/.SF UI in older SDKs); with
    nothing registered under those names it draws in the test font's boxes even with real_fonts."""
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        backend.render_batch([screen()])
        generated = (backend._runtime.project / "test" / "render_batch_test.dart").read_text()
    roboto = backend.fonts["Roboto"]
    assert [p.name for p in roboto] == ["Roboto-Regular.ttf", "roboto-bold.ttf"]
    for family in ("CupertinoSystemText", "CupertinoSystemDisplay", ".SF Pro Text", ".SF Pro Display", ".SF UI Text"):
        assert backend.fonts[family] == roboto
        assert f"'{family}': <String>['{roboto[0]}', '{roboto[1]}']" in generated
    assert backend.fonts["MaterialIcons"][0].name == "MaterialIcons-Regular.otf"


def test_main_app_is_pumped_and_a_rejected_entry_falls_back_to_the_class(fake_sdk):
    """Issue 16 (10): the app main() runs is pumped (its theme included); if the analyzer rejects the function
    added to build it, the candidate is rewritten as it was and its root class pumped instead."""
    with FlutterSdkBackend(settings(fake_sdk)) as backend:
        results = backend.render_batch([screen(), screen("entry-error")])
        project = backend._runtime.project
        generated = (project / "test" / "render_batch_test.dart").read_text()
        files = [(project / "lib" / "candidates" / f"c_{i}.dart").read_text() for i in (0, 1)]
    assert [r.ok for r in results] == [True, True], [r.message for r in results]
    assert "renderCandidate(config, 0, () => c0.$flutterRlApp(), wrap: false);" in generated
    assert "renderCandidate(config, 1, () => c1.App(), wrap: false);" in generated
    assert files[0].endswith("Widget $flutterRlApp() =>\n    const App()\n    ;\n") and files[1] == screen(
        "entry-error"
    )


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


def test_pub_get_timeout_kills_the_processes_flutter_started(fake_sdk, tmp_path, monkeypatch):
    """Issue 16 (10): `flutter pub get` runs pub in a child process; a timeout must not leave it running."""
    pidfile = tmp_path / "pub-child.pid"
    monkeypatch.setenv("FAKE_PUB_GET_HANG", str(pidfile))
    with pytest.raises(FlutterSdkError, match="took longer than 2s"):
        FlutterSdkBackend(settings(fake_sdk, flutter_startup_timeout_s=1.5))
    child = int(pidfile.read_text())
    try:
        assert not _alive(child)
    finally:
        if _alive(child):
            os.kill(child, 9)


def test_flutter_on_path_must_lead_into_an_sdk(fake_sdk, tmp_path, monkeypatch):
    """Issue 16 (10): a `flutter` shim on PATH (snap, a wrapper script) is no SDK root: say so, do not guess."""
    from flutter_renderer.flutter_sdk.sdk import find_sdk

    shims = tmp_path / "shims"
    shims.mkdir()
    (shims / "flutter").write_text('#!/bin/sh\nexec /opt/elsewhere/flutter "$@"\n')
    (shims / "flutter").chmod(0o755)
    monkeypatch.setenv("PATH", str(shims))
    with pytest.raises(FlutterSdkError, match=r"not inside a Flutter SDK.*\[renderer\] flutter_sdk"):
        find_sdk()
    (shims / "flutter").unlink()
    (shims / "flutter").symlink_to(fake_sdk / "bin" / "flutter")  # a link into a real SDK is fine
    assert find_sdk().root == fake_sdk.resolve()
    lookalike = tmp_path / "lookalike" / "bin" / "flutter"  # a configured folder must be an SDK too
    lookalike.parent.mkdir(parents=True)
    lookalike.write_text("#!/bin/sh\n")
    with pytest.raises(FlutterSdkError, match="no bin/internal/shared.sh"):
        find_sdk(str(lookalike.parent.parent))
