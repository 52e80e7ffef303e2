"""The complaint workflow, input rules and deadline arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.domain.complaints import (
    ComplaintInput,
    Resolution,
    WorkingHours,
    check_satisfaction,
    check_transition,
    deadline,
    validate_complaint,
    validate_resolution,
)
from crmdesk.domain.errors import ValidationError

TZ = dt.timezone(dt.timedelta(hours=8))
NOW = 1_800_000_000_000

ALLOWED = [("new", "in_progress"), ("new", "resolved"), ("in_progress", "resolved"), ("resolved", "closed"),
           ("resolved", "reopened"), ("closed", "reopened"), ("reopened", "in_progress"), ("reopened", "resolved")]
REFUSED = [("new", "closed"), ("new", "reopened"), ("in_progress", "closed"), ("in_progress", "new"),
           ("closed", "resolved"), ("closed", "in_progress"), ("resolved", "new"), ("reopened", "closed"),
           ("new", "new"), ("closed", "bogus")]


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_allowed_moves(current: str, target: str) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_refused_moves(current: str, target: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_transition(current, target)
    assert info.value.field == "status"


def test_a_complaint_needs_customer_description_and_a_past_time() -> None:
    good = ComplaintInput(customer_id=1, received_at=NOW - 1000, description="送货晚了三天")
    validate_complaint(good, NOW)
    for bad, field in ((ComplaintInput(received_at=NOW, description="x"), "customer"),
                       (ComplaintInput(customer_id=1, received_at=NOW, description="  "), "description"),
                       (ComplaintInput(customer_id=1, received_at=NOW + 3_600_000, description="x"), "received_at"),
                       (ComplaintInput(customer_id=1, received_at=NOW, description="x", severity="huge"), "severity"),
                       (ComplaintInput(customer_id=1, received_at=NOW, description="x", channel="fax"), "channel")):
        with pytest.raises(ValidationError) as info:
            validate_complaint(bad, NOW)
        assert info.value.field == field


def test_resolution_rules() -> None:
    validate_resolution(Resolution("换了新货", resolved_at=NOW), NOW - 10, NOW)
    with pytest.raises(ValidationError, match="before it was received"):
        validate_resolution(Resolution("换了新货", resolved_at=NOW - 20), NOW - 10, NOW)
    with pytest.raises(ValidationError):
        validate_resolution(Resolution("", resolved_at=NOW), NOW - 10, NOW)
    with pytest.raises(ValidationError):
        validate_resolution(Resolution("退款", compensation_cents=-1, resolved_at=NOW), NOW - 10, NOW)


@pytest.mark.parametrize("score", [0, 6, -1])
def test_satisfaction_is_one_to_five(score: int) -> None:
    with pytest.raises(ValidationError):
        check_satisfaction(score)
    check_satisfaction(1)
    check_satisfaction(5)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=TZ)  # 2026-11-20 is a Friday


@pytest.mark.parametrize(("received", "hours", "due"), [
    (at(20, 10), 4, at(20, 14)),            # within Friday
    (at(20, 16), 4, at(23, 11)),            # 2 h Friday, 2 h Monday from 9:00
    (at(21, 12), 1, at(23, 10)),            # received on Saturday: starts Monday 9:00
    (at(20, 20), 24, at(25, 15)),           # after hours: Mon 9 h, Tue 9 h, Wed 6 h
    (at(23, 7, 30), 9, at(23, 18)),         # before opening: the whole Monday
    (at(23, 18), 0.5, at(24, 9, 30)),       # at closing time: next morning
])
def test_deadline_in_working_hours(received: dt.datetime, hours: float, due: dt.datetime) -> None:
    assert deadline(received, hours, WorkingHours()) == due


def test_deadline_in_plain_hours_and_bad_working_hours() -> None:
    assert deadline(at(20, 16), 72) == at(23, 16)
    with pytest.raises(ValidationError):
        WorkingHours(start=dt.time(18), end=dt.time(9))
    with pytest.raises(ValidationError):
        WorkingHours(days=frozenset())
