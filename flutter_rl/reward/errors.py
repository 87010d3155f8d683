"""Errors of the reward stage that stop a run (bad samples never raise: they score 0)."""

from __future__ import annotations


class RewardConfigError(ValueError):
    """A `[reward]` setting that cannot be used; the message names the setting and what to do."""
