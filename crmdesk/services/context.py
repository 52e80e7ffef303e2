"""Who is acting and what time it is: passed to every service call.

``user_id`` None with the owner's role is the one-person shop without sign-in (and the
command line without ``--user``): the owner, unnamed in the audit trail as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crmdesk.domain.clock import Clock, SystemClock
from crmdesk.domain.enums import Role


@dataclass
class Context:
    clock: Clock = field(default_factory=SystemClock)
    user_id: int | None = None
    role: str = Role.OWNER

    def now(self) -> int:
        return self.clock.now_ms()
