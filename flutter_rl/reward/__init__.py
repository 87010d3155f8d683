"""Rewards and visual metrics: format regexes, CLIP and weight-free structure similarity, TRL adapters.

- `registry.REWARDS`: every reward, a plain function over a rendered batch, by name.
- `rendering.render_completions`: a batch rendered once (`RenderedBatch`), the input of every reward.
- `scoring.score_batch`: the chosen and reported rewards of a batch and their weighted sum.
- `format.format_score`: the format reward of one completion.
- `structure.METRICS`: weight-free SSIM / color / layout metrics; `structure.structure_metrics`.
- `clip.load_clip_embedder` / `clip.ClipEmbedder`: CLIP similarity with cached target embeddings.
- `trl_adapter.make_reward_functions`: `GRPOTrainer` reward functions and their weights.
"""

from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.format import format_score
from flutter_rl.reward.registry import REWARDS, Reward
from flutter_rl.reward.rendering import RenderedBatch
from flutter_rl.reward.scoring import SampleScore, score_batch
from flutter_rl.reward.structure import METRICS, structure_metrics
from flutter_rl.reward.trl_adapter import make_reward_functions

__all__ = [
    "METRICS",
    "REWARDS",
    "RenderedBatch",
    "Reward",
    "RewardConfigError",
    "SampleScore",
    "format_score",
    "make_reward_functions",
    "score_batch",
    "structure_metrics",
]
