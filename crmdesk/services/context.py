"""Who is acting and what time it is: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field

from crmdesk.domain.clock import Clock, SystemClock


@dataclass
class Context:
    clock: Clock = field(default_factory=SystemClock)
    user_id: int | None = None

    def now(self) -> int:
        return self.clock.now_ms()
