"""What the sweep's progress steps cost: rendering and scoring eval screens in one batch against in
chunks of `SCORE_CHUNK_PER_WORKER x [renderer] workers` (one progress step each), real embedded renderer.

The completions are the synthetic generator's own code (every one renders), the targets their renders.

    .venv/bin/python benchmarks/score_chunk_bench.py --n 32
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flutter_renderer.render import make_backend  # noqa: E402
from flutter_rl.evaluate.scoring import score_samples  # noqa: E402
from flutter_rl.evaluate.sweep import SCORE_CHUNK_PER_WORKER  # noqa: E402
from flutter_rl.reward.images import load_image  # noqa: E402
from flutter_rl.settings import RewardSettings, load_settings  # noqa: E402
from flutter_rl.synth.synthetic import generate_screens  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    settings = load_settings(ROOT / "pipeline.toml")
    screens = generate_screens(args.n, 3, ())
    completions = [f"```dart\n{s.code}\n```" for s in screens]
    rows = [{"id": f"s{i}", "screen_type": s.screen_type, "difficulty": s.difficulty} for i, s in enumerate(screens)]
    reward = RewardSettings(visual="structure")
    chunk = SCORE_CHUNK_PER_WORKER * settings.renderer.workers
    with make_backend(settings) as backend:
        targets = [load_image(r.png) for r in backend.render_batch([s.code for s in screens])]
        timings: dict[str, list[float]] = {"one batch": [], f"chunks of {chunk}": []}
        for _ in range(args.repeats):
            for name, size in (("one batch", None), (f"chunks of {chunk}", chunk)):
                start = time.perf_counter()
                score_samples(completions, targets, rows, backend=backend, reward=reward, chunk=size)
                timings[name].append(time.perf_counter() - start)
    print(f"{args.n} screens, {settings.renderer.workers} render workers, best of {args.repeats}")
    print("| scoring | seconds | screens/s |")
    print("|---|---|---|")
    for name, seconds in timings.items():
        print(f"| {name} | {min(seconds):.1f} | {args.n / min(seconds):.2f} |")


if __name__ == "__main__":
    main()
