"""`[data] crop_status_bar = "auto"` / `crop_navigation_bar = "auto"` on real phone screenshots.

Reads a folder of screenshots named `<app>--<file>` (`benchmarks/extract_phone_screenshots.sh` makes
one from app repositories' store screenshots), runs `flutter_rl.curate.system_bars.find_bar` on each
edge and prints, per app, the images and what "auto" cut (in pixels and logical units). With
`--sheets DIR` it also writes one review image per app: the top and bottom strips of each screenshot
with the cut drawn as a red line, so the result can be checked by eye (benchmarks/README.md has the
verdicts). JSON with every image's numbers with `--out`.

    .venv/bin/python benchmarks/system_bars_real.py /tmp/phone-shots --sheets /tmp/bar-sheets --out /tmp/bars.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flutter_rl.curate.system_bars import REFERENCE_WIDTH, find_bar  # noqa: E402

SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}
SHEET_WIDTH, STRIP_HEIGHT = 540, 110


def measure(path: Path) -> dict:
    """One screenshot's size and what "auto" cuts at each edge."""
    image = Image.open(path).convert("RGB")
    unit = image.width / REFERENCE_WIDTH
    top, bottom = find_bar(image, "top"), find_bar(image, "bottom")
    return {
        "file": path.name,
        "app": path.name.split("--")[0],
        "size": list(image.size),
        "top_px": top,
        "bottom_px": bottom,
        "top_units": round(top / unit, 1),
        "bottom_units": round(bottom / unit, 1),
    }


def review_row(path: Path, row: dict) -> Image.Image:
    """The top and bottom strips of one screenshot, side by side, each cut as a red line."""
    image = Image.open(path).convert("RGB")
    scale = SHEET_WIDTH / image.width
    small = image.resize((SHEET_WIDTH, round(image.height * scale)))
    top = small.crop((0, 0, SHEET_WIDTH, STRIP_HEIGHT))
    bottom = small.crop((0, small.height - STRIP_HEIGHT, SHEET_WIDTH, small.height))
    if row["top_px"]:
        ImageDraw.Draw(top).line((0, row["top_px"] * scale, SHEET_WIDTH, row["top_px"] * scale), fill="red")
    if row["bottom_px"]:
        y = STRIP_HEIGHT - row["bottom_px"] * scale
        ImageDraw.Draw(bottom).line((0, y, SHEET_WIDTH, y), fill="red")
    tile = Image.new("RGB", (2 * SHEET_WIDTH + 10, STRIP_HEIGHT), "white")
    tile.paste(top, (0, 0))
    tile.paste(bottom, (SHEET_WIDTH + 10, 0))
    return tile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sheets", type=Path, help="write one review image per app here")
    parser.add_argument("--out", type=Path, help="JSON with every image's numbers")
    args = parser.parse_args()

    paths = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in SUFFIXES)
    rows = [measure(path) for path in paths]
    by_app: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_app[row["app"]].append(row)

    print("| app | images | size | status bar cut (units) | navigation bar cut (units) |")
    print("|---|---:|---|---|---|")
    for app, found in by_app.items():
        sizes = sorted({f"{r['size'][0]}x{r['size'][1]}" for r in found})
        tops = ", ".join(str(r["top_units"]) for r in found)
        bottoms = ", ".join(str(r["bottom_units"]) for r in found)
        print(f"| {app} | {len(found)} | {' '.join(sizes)} | {tops} | {bottoms} |")
    print(
        f"\n{len(rows)} images of {len(by_app)} apps: status bar cut in {sum(bool(r['top_px']) for r in rows)}, "
        f"navigation bar cut in {sum(bool(r['bottom_px']) for r in rows)}"
    )

    if args.sheets:
        args.sheets.mkdir(parents=True, exist_ok=True)
        for app, found in by_app.items():
            tiles = [review_row(args.folder / row["file"], row) for row in found]
            sheet = Image.new("RGB", (tiles[0].width, len(tiles) * (STRIP_HEIGHT + 5)), "gray")
            for index, tile in enumerate(tiles):
                sheet.paste(tile, (0, index * (STRIP_HEIGHT + 5)))
            sheet.save(args.sheets / f"{app}.png")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
