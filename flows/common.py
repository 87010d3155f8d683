"""What every flow does first: turn its parameters into validated settings, or fail fast."""

from __future__ import annotations

from flutter_rl.settings import Settings, load_settings


def flow_settings(preset: str, config: str, overrides: dict[str, str] | None) -> Settings:
    """Settings of a flow run: `config` with `preset` and `overrides` ({"train.beta": "0.2"}).

    Raises SettingsError (the flow run fails at once, with the message) for a bad parameter.
    """
    return load_settings(config, preset=preset, overrides=overrides or {})
