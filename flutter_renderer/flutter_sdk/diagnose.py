"""What `flutter-rl doctor` says about the Flutter SDK backend: the SDK, its fonts, the sandbox, and whether
`flutter` really runs in that sandbox (the smoke command every backend start runs too)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flutter_renderer.flutter_sdk import environment
from flutter_renderer.flutter_sdk.sandbox import SandboxError, bwrap_works, resolve_mode, unshare_works
from flutter_renderer.flutter_sdk.sdk import FlutterSdk, FlutterSdkError, find_sdk, font_files
from flutter_renderer.settings import RendererSettings


def _sandbox_row(requested: str) -> tuple[str, bool, str]:
    usable = {"bwrap": bwrap_works(), "unshare": unshare_works()}
    found = ", ".join(mode for mode, ok in usable.items() if ok) or "neither bwrap nor unshare"
    if requested == "none":
        return "flutter sandbox", True, 'sandbox = "none" (your choice): generated code runs WITHOUT isolation'
    if requested in usable:
        ok = usable[requested]
        return "flutter sandbox", ok, f"{requested} {'works' if ok else 'is not usable'} here (usable: {found})"
    if usable["bwrap"]:
        return "flutter sandbox", True, "auto -> bwrap (no network, only the SDK, pub cache and work dir visible)"
    if usable["unshare"]:
        return "flutter sandbox", True, "auto -> unshare (no network, but user files are visible: install bubblewrap)"
    return "flutter sandbox", False, "auto -> none: install bubblewrap (apt-get install bubblewrap)"


def _smoke_row(sdk: FlutterSdk, settings: RendererSettings) -> tuple[str, bool, str]:
    """Run the backend's smoke command (`environment.smoke_test`) in a throw-away work dir."""
    try:
        mode = resolve_mode(settings.sandbox)
    except SandboxError as exc:
        return "flutter in sandbox", False, f"not run: {exc}"
    with tempfile.TemporaryDirectory(prefix="flutter-rl-doctor-") as tmp:
        runtime = environment.make_runtime(
            sdk,
            mode,
            Path(tmp),
            Path(tmp),
            cpu_time_limit_s=settings.cpu_time_limit_s,
            memory_limit_mb=settings.memory_limit_mb,
            startup_timeout_s=settings.flutter_startup_timeout_s,
        )
        try:
            info = environment.smoke_test(runtime)
        except FlutterSdkError as exc:
            return "flutter in sandbox", False, str(exc)
    return (
        "flutter in sandbox",
        True,
        f"`flutter --version --machine` ran in the {mode!r} sandbox "
        f"(Flutter {info.get('frameworkVersion', '?')}, Dart {info.get('dartSdkVersion', '?')})",
    )


def diagnose(settings: RendererSettings) -> list[tuple[str, bool, str]]:
    """(name, ok, detail) rows for the SDK, the fonts, the sandbox and a sandboxed `flutter` run, as `settings`
    would use them."""
    try:
        sdk = find_sdk(settings.flutter_sdk)
    except FlutterSdkError as exc:
        return [
            ("flutter sdk", False, str(exc)),
            ("flutter fonts", False, "no SDK"),
            _sandbox_row(settings.sandbox),
            ("flutter in sandbox", False, "no SDK"),
        ]
    rows = [("flutter sdk", True, f"{sdk.root} (Flutter {sdk.version})")]
    if not settings.real_fonts:
        rows.append(
            (
                "flutter fonts",
                True,
                "real_fonts = false: text draws in the test font's block glyphs (FlutterTest; Ahem in older SDKs)",
            )
        )
    else:
        fonts = font_files(sdk)
        missing = {"Roboto", "MaterialIcons"} - set(fonts)
        detail = (
            f"Roboto ({len(fonts['Roboto'])} files) and MaterialIcons in {sdk.material_fonts}"
            if not missing
            else f"missing {', '.join(sorted(missing))} in {sdk.material_fonts}: run `flutter precache`"
        )
        rows.append(("flutter fonts", not missing, detail))
    rows.append(_sandbox_row(settings.sandbox))
    rows.append(_smoke_row(sdk, settings))
    return rows
