"""`flutter-rl curate` and `flutter-rl data show`: curate `[data]`, or show a curated manifest, as a
counts table with the manifest's path."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from flutter_rl.curate.ingest import IngestError
from flutter_rl.curate.manifest import REJECTED_FILE, Manifest, counts_table
from flutter_rl.curate.split import SplitError
from flutter_rl.settings import Settings


def run_curate(settings: Settings) -> int:
    """Curate `[data]` (reusing an identical manifest), print its counts and path; 1 on a data error."""
    from flutter_rl.curate.pipeline import curate

    try:
        manifest = curate(settings)
    except (IngestError, SplitError) as exc:
        Console(stderr=True).print(f"error: {exc}", markup=False, highlight=False)
        return 1
    print_manifest(manifest, "reused" if manifest.reused else "written")
    return 0


def show_manifest(settings: Settings, version: str) -> int:
    """Print the counts of a manifest given by version (under `data.output_dir`) or by directory."""
    candidates = [Path(version), Path(settings.data.output_dir) / version]
    root = next((c for c in candidates if (c / "manifest.parquet").is_file()), None)
    if root is None:
        Console(stderr=True).print(
            f"error: no manifest {version!r} (looked in {', '.join(map(str, candidates))})",
            markup=False,
            highlight=False,
        )
        return 1
    print_manifest(Manifest.load(root), "found")
    return 0


def print_manifest(manifest: Manifest, how: str) -> None:
    """The split x type x difficulty counts, the rejections and where the manifest lives."""
    console = Console()
    table = Table("split", "screen type", "difficulty", "screens", title=f"manifest {manifest.version}")
    for row in counts_table(manifest).itertuples():
        table.add_row(row.split, str(row.screen_type), str(row.difficulty), str(row.count))
    console.print(table)
    splits = ", ".join(f"{name} {count}" for name, count in manifest.report.get("splits", {}).items())
    console.print(
        f"{splits}; rejected {manifest.report.get('rejected', 0)} (see {manifest.root / REJECTED_FILE})",
        markup=False,
        highlight=False,
    )
    cropped = manifest.report.get("cropped", {})
    if any(cropped.values()):
        console.print(
            f"system bars cropped (columns crop_top / crop_bottom): status bar {cropped['status_bar']}, "
            f"navigation bar {cropped['navigation_bar']}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    for shortfall in manifest.report.get("shortfalls", []):
        console.print(
            f"shortfall: {shortfall['split']} {shortfall['difficulty']}: {shortfall['available']} of "
            f"{shortfall['requested']} screens",
            markup=False,
            highlight=False,
        )
    console.print(f"manifest {how}: {manifest.root}", markup=False, highlight=False, soft_wrap=True)
