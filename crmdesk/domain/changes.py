"""What a mutation touched, so that views refresh only what they must."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    """Ids of records a service call created, changed or deleted, by kind.

    ``everything`` says the change was too broad to list (a demo load, a restore); every
    view should then reload.
    """

    customers: set[int] = field(default_factory=set)
    opportunities: set[int] = field(default_factory=set)
    reminders: set[int] = field(default_factory=set)
    complaints: set[int] = field(default_factory=set)
    interactions: set[int] = field(default_factory=set)
    settings: bool = False
    everything: bool = False

    def merge(self, other: Changes) -> Changes:
        self.customers |= other.customers
        self.opportunities |= other.opportunities
        self.reminders |= other.reminders
        self.complaints |= other.complaints
        self.interactions |= other.interactions
        self.settings = self.settings or other.settings
        self.everything = self.everything or other.everything
        return self

    def __bool__(self) -> bool:
        return bool(
            self.customers
            or self.opportunities
            or self.reminders
            or self.complaints
            or self.interactions
            or self.settings
            or self.everything
        )
