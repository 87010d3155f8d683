"""How well `[data] crop_status_bar = "auto"` / `crop_navigation_bar = "auto"` find system bars.

Screens without bars (synthetic screens rendered by the embedded renderer, or `--folder` of PNGs you
trust to have none) are scaled to phone densities and given Android / iOS bars drawn as
`tests/curate/phone_bars.py` draws them. Printed per edge and bar style: screens where the bar was
found to the pixel, within 1 unit (dp / pt: `scale` pixels, at least 2), cut short / too long, missed; and how many bare screens would
have been cropped (false crops). Also the time `find_bar` takes per screenshot.

    .venv/bin/python benchmarks/system_bars.py --n 48          # render 48 synthetic screens first
    .venv/bin/python benchmarks/system_bars.py --folder DIR    # PNG screens without bars
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "curate")]

from phone_bars import navigation_bar, status_bar, with_bars  # noqa: E402

from flutter_rl.curate.system_bars import find_bar  # noqa: E402

SCALES = (2.0, 2.625, 3.0, 3.5)
TOP_STYLES = ("android", "ios")
BOTTOM_STYLES = ("buttons", "gesture", "home")


def _screens(args: argparse.Namespace) -> list[Image.Image]:
    if args.folder:
        return [Image.open(p).convert("RGB") for p in sorted(Path(args.folder).glob("*.png"))]
    from flutter_renderer.render import make_backend
    from flutter_rl.settings import load_settings
    from flutter_rl.synth.synthetic import synthesize

    settings = load_settings(ROOT / "pipeline.toml")
    out = Path(tempfile.mkdtemp(prefix="system-bars-"))
    with make_backend(settings) as backend:
        report = synthesize(args.n, out, backend, seed=args.seed)
    return [Image.open(out / f"{i}.png").convert("RGB") for i in report.written]


def _verdict(found: int, truth: int, scale: float) -> str:
    if found == truth:
        return "exact"
    if abs(found - truth) <= max(2, round(scale)):
        return "within 1 unit"
    if found == 0:
        return "missed"
    return "short" if found < truth else "too long"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=48, help="synthetic screens to render (default 48)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--folder", help="PNG screens without bars, instead of rendering")
    args = parser.parse_args()
    screens = _screens(args)
    counts: dict[tuple[str, str], Counter] = {}
    false_crops = Counter()
    calls, seconds = 0, 0.0
    for screen in screens:
        for scale in SCALES:
            phone_screen = screen.resize(
                (round(screen.width * scale), round(screen.height * scale)), Image.Resampling.LANCZOS
            )
            for edge in ("top", "bottom"):
                start = time.perf_counter()
                false_crops[edge] += find_bar(phone_screen, edge) > 0
                seconds, calls = seconds + time.perf_counter() - start, calls + 1
            for k, (top_style, bottom_style) in enumerate((t, b) for t in TOP_STYLES for b in BOTTOM_STYLES):
                top = status_bar(phone_screen.width, scale, top_style)
                bottom = navigation_bar(phone_screen.width, scale, bottom_style)
                phone = with_bars(phone_screen, top, bottom)
                start = time.perf_counter()
                found_top, found_bottom = find_bar(phone, "top"), find_bar(phone, "bottom")
                seconds, calls = seconds + time.perf_counter() - start, calls + 2
                if k % len(BOTTOM_STYLES) == 0:  # each status bar style once per screen and scale
                    counts.setdefault(("status", top_style), Counter())[_verdict(found_top, top.height, scale)] += 1
                if k < len(BOTTOM_STYLES):
                    counts.setdefault(("navigation", bottom_style), Counter())[
                        _verdict(found_bottom, bottom.height, scale)
                    ] += 1
    verdicts = ("exact", "within 1 unit", "short", "too long", "missed")
    print(f"{len(screens)} screens x {len(SCALES)} scales {SCALES}")
    print(f"| bar | style | {' | '.join(verdicts)} |")
    print("|---|---|" + "---|" * len(verdicts))
    for (bar, style), tally in counts.items():
        print(f"| {bar} | {style} | " + " | ".join(str(tally[v]) for v in verdicts) + " |")
    bare = len(screens) * len(SCALES)
    print(f"false crops on {bare} bare screens: top {false_crops['top']}, bottom {false_crops['bottom']}")
    print(f"find_bar: {1000 * seconds / calls:.1f} ms per edge")


if __name__ == "__main__":
    main()
