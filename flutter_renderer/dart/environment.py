"""What a device supplies and the front end fixes, so that a render never depends on when it runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# a fixed, unremarkable instant: a Saturday morning (renderer setting `now`)
DEFAULT_NOW = datetime(2024, 6, 15, 10, 30)


@dataclass(frozen=True)
class Environment:
    """`now` is what `DateTime.now()` returns: a local time on a device whose time zone is UTC."""

    now: datetime = DEFAULT_NOW

    @classmethod
    def parse(cls, now: str) -> "Environment":
        """From the renderer setting: an ISO-8601 local date and time without an offset."""
        instant = datetime.fromisoformat(now)
        if instant.tzinfo is not None:
            raise ValueError(f"now = {now!r}: give a local time without a UTC offset")
        return cls(instant)
