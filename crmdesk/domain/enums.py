"""Closed vocabularies of the data model, stored by their string value."""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """An enum whose members compare equal to, and are stored as, their string value."""

    def __str__(self) -> str:
        return self.value

    @classmethod
    def values(cls) -> list[str]:
        cached = cls.__dict__.get("_values_cache")
        if cached is None:
            cached = [m.value for m in cls]
            type.__setattr__(cls, "_values_cache", cached)
        return list(cached)


class CustomerKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class Category(StrEnum):
    POTENTIAL = "potential"
    EXISTING = "existing"
    FORMER = "former"


class Tier(StrEnum):
    STRATEGIC = "strategic"
    PARTNER = "partner"
    VALUE = "value"
    GENERAL = "general"


class LifecycleStage(StrEnum):
    POTENTIAL = "potential"
    NEW = "new"
    ACTIVE = "active"
    LOYAL = "loyal"
    CHURNED = "churned"


class BirthdayCalendar(StrEnum):
    SOLAR = "solar"
    LUNAR = "lunar"


class InteractionKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    MESSAGE = "message"
    EMAIL = "email"
    NOTE = "note"


class StageKind(StrEnum):
    """Whether a pipeline stage holds open deals or closes them."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


class DealStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class ReminderKind(StrEnum):
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    HOLIDAY = "holiday"
    AFTER_SALE = "after_sale"
    AFTER_COMPLAINT = "after_complaint"
    CADENCE = "cadence"
    TASK = "task"


class ReminderStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"


class ComplaintChannel(StrEnum):
    PHONE = "phone"
    IN_STORE = "in_store"
    WECHAT = "wechat"
    EMAIL = "email"
    ONLINE_REVIEW = "online_review"
    OTHER = "other"


class Severity(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class ComplaintStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    ACCOUNT_MANAGER = "account_manager"
    READ_ONLY = "read_only"
