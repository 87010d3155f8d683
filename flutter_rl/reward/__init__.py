"""Rewards and visual metrics: format regexes, CLIP and weight-free structure similarity, TRL adapters.

- `format.format_score`: the format reward of one completion.
- `structure.METRICS`: weight-free SSIM / color / layout metrics; `structure.structure_metrics`.
- `clip.load_clip_embedder` / `clip.ClipEmbedder`: CLIP similarity with cached target embeddings.
- `scoring.score_batch`: every component of a batch, rendering it once; `scoring.VISUAL_REWARDS`.
- `trl_adapter.make_reward_functions`: `GRPOTrainer` reward functions and their weights.
"""

from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.format import format_score
from flutter_rl.reward.scoring import VISUAL_REWARDS, SampleScore, score_batch
from flutter_rl.reward.structure import METRICS, structure_metrics
from flutter_rl.reward.trl_adapter import make_reward_functions

__all__ = [
    "METRICS",
    "VISUAL_REWARDS",
    "RewardConfigError",
    "SampleScore",
    "format_score",
    "make_reward_functions",
    "score_batch",
    "structure_metrics",
]
