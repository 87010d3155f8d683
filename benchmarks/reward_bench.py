"""Time the reward metrics: ms per pair for each weight-free metric, CLIP embeddings per second.

    .venv/bin/python benchmarks/reward_bench.py [--pairs 50] [--clip-model ViT-B-32] [--clip-batch 16]

CLIP runs with random weights (none are available offline): the speed is the same as with real ones.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch
from PIL import Image, ImageDraw

from flutter_rl.reward.clip import ClipEmbedder
from flutter_rl.reward.structure import METRICS, prepare, structure_metrics


def _screen(seed: int) -> Image.Image:
    """A 390x844 screen of random cards and text, different for each seed."""
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (390, 844), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 390, 56], fill=tuple(int(c) for c in rng.integers(0, 255, 3)))
    for row in range(int(rng.integers(3, 8))):
        top = 80 + row * 100 + int(rng.integers(0, 20))
        draw.rectangle([16, top, 374, top + 80], fill="#EEEEEE")
        draw.text((32, top + 30), f"Item {rng.integers(1000)}", fill="black", font_size=20)
    return image


def _ms_per_call(fn, calls: int) -> float:
    times = []
    for i in range(calls):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--clip-model", default="ViT-B-32")
    parser.add_argument("--clip-batch", type=int, default=16)
    args = parser.parse_args()

    renders = [_screen(i) for i in range(args.pairs)]
    targets = [_screen(i + 10_000) for i in range(args.pairs)]
    weights = {"ssim": 0.4, "color": 0.2, "layout": 0.4}
    prepared = [(prepare(r), prepare(t)) for r, t in zip(renders, targets)]

    rows = [
        (
            "prepare (resize both to compare size)",
            _ms_per_call(lambda i: (prepare(renders[i]), prepare(targets[i])), args.pairs),
        )
    ]
    for name, metric in METRICS.items():
        rows.append((f"{name} (prepared pair)", _ms_per_call(lambda i, m=metric: m(*prepared[i]), args.pairs)))
    rows.append(
        (
            "structure_metrics (all, from 390x844)",
            _ms_per_call(lambda i: structure_metrics(renders[i], targets[i], weights), args.pairs),
        )
    )

    import open_clip

    model, _, preprocess = open_clip.create_model_and_transforms(args.clip_model, pretrained=None)
    embedder = ClipEmbedder(model, preprocess)
    images = (renders * ((args.clip_batch // len(renders)) + 1))[: args.clip_batch]
    embedder.embed(images)  # warm-up
    start = time.perf_counter()
    repeats = 3
    for _ in range(repeats):
        embedder.embed(images)
    per_second = repeats * len(images) / (time.perf_counter() - start)

    print(f"| metric | median ms per pair ({args.pairs} pairs, 390x844) |")
    print("|---|---|")
    for name, ms in rows:
        print(f"| {name} | {ms:.2f} |")
    print()
    print(
        f"| CLIP {args.clip_model} (random weights), device {embedder.device}, {torch.get_num_threads()} threads, "
        f"batch {args.clip_batch} | {per_second:.1f} images/s |"
    )


if __name__ == "__main__":
    main()
