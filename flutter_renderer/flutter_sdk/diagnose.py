"""What `flutter-rl doctor` says about the Flutter SDK backend: the SDK, its fonts, the sandbox."""

from __future__ import annotations

from flutter_renderer.flutter_sdk.sandbox import bwrap_works, unshare_works
from flutter_renderer.flutter_sdk.sdk import FlutterSdkError, find_sdk, font_files
from flutter_rl.settings import RendererSettings


def _sandbox_row(requested: str) -> tuple[str, bool, str]:
    usable = {"bwrap": bwrap_works(), "unshare": unshare_works()}
    found = ", ".join(mode for mode, ok in usable.items() if ok) or "neither bwrap nor unshare"
    if requested == "none":
        return "flutter sandbox", True, "sandbox = \"none\" (your choice): generated code runs WITHOUT isolation"
    if requested in usable:
        ok = usable[requested]
        return "flutter sandbox", ok, f"{requested} {'works' if ok else 'is not usable'} here (usable: {found})"
    if usable["bwrap"]:
        return "flutter sandbox", True, "auto -> bwrap (no network, only the SDK, pub cache and work dir visible)"
    if usable["unshare"]:
        return "flutter sandbox", True, "auto -> unshare (no network, but user files are visible: install bubblewrap)"
    return "flutter sandbox", False, "auto -> none: install bubblewrap (apt-get install bubblewrap)"


def diagnose(settings: RendererSettings) -> list[tuple[str, bool, str]]:
    """(name, ok, detail) rows for the SDK, the fonts and the sandbox, as `settings` would use them."""
    try:
        sdk = find_sdk(settings.flutter_sdk)
    except FlutterSdkError as exc:
        return [("flutter sdk", False, str(exc)), ("flutter fonts", False, "no SDK"), _sandbox_row(settings.sandbox)]
    rows = [("flutter sdk", True, f"{sdk.root} (Flutter {sdk.version})")]
    if not settings.real_fonts:
        rows.append(("flutter fonts", True, "real_fonts = false: text draws as Ahem block glyphs"))
    else:
        fonts = font_files(sdk)
        missing = {"Roboto", "MaterialIcons"} - set(fonts)
        detail = (f"Roboto ({len(fonts['Roboto'])} files) and MaterialIcons in {sdk.material_fonts}" if not missing
                  else f"missing {', '.join(sorted(missing))} in {sdk.material_fonts}: run `flutter precache`")
        rows.append(("flutter fonts", not missing, detail))
    rows.append(_sandbox_row(settings.sandbox))
    return rows
