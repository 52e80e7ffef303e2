"""Pipeline rules: deal validation, card positions, rotting."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.domain.errors import ValidationError
from crmdesk.domain.pipeline import (
    DealInput,
    StageInput,
    is_rotting,
    needs_renumbering,
    position_between,
    validate_deal,
    validate_stages,
    weighted_cents,
)

TODAY = dt.date(2026, 11, 23)


def deal(**kw) -> DealInput:
    return DealInput(**{"customer_id": 1, "title": "  年度  采购 ", **kw})


def test_a_valid_deal_is_trimmed() -> None:
    assert validate_deal(deal(), TODAY).title == "年度 采购"


@pytest.mark.parametrize("kw, field", [
    ({"title": "  "}, "title"), ({"customer_id": None}, "customer"), ({"amount_cents": -1}, "amount"),
    ({"amount_cents": 10**12}, "amount"), ({"probability": 101}, "probability"),
    ({"expected_close": dt.date(2025, 1, 1)}, "expected_close"),
    ({"expected_close": dt.date(2099, 1, 1)}, "expected_close"), ({"priority": 7}, "priority"),
])
def test_bad_deals_name_the_field(kw: dict, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_deal(deal(**kw), TODAY)
    assert caught.value.field == field


def test_an_edited_deal_may_keep_a_long_passed_close_date() -> None:
    old = dt.date(2024, 5, 1)
    assert validate_deal(deal(expected_close=old), TODAY, old_close=old).expected_close == old


def test_positions_fall_between_neighbours() -> None:
    assert position_between(None, None) == 1.0
    assert position_between(None, 3.0) == 2.0
    assert position_between(3.0, None) == 4.0
    assert position_between(1.0, 2.0) == 1.5
    assert needs_renumbering(1.0, 1.0 + 1e-9) and not needs_renumbering(1.0, 1.5)


def test_rotting_and_weighting() -> None:
    day = 86_400_000
    assert is_rotting(0, 7, 8 * day) and not is_rotting(0, 7, 7 * day) and not is_rotting(0, None, 999 * day)
    assert weighted_cents(10_000, 25) == 2_500


def test_stages_need_one_won_one_lost_and_unique_names() -> None:
    good = [StageInput(None, "Lead", 10, 14), StageInput(None, "Won", 100, None, "won"),
            StageInput(None, "Lost", 0, None, "lost")]
    assert [s.name for s in validate_stages(good)] == ["Lead", "Won", "Lost"]
    with pytest.raises(ValidationError):
        validate_stages(good[:2])
    with pytest.raises(ValidationError):
        validate_stages([*good, StageInput(None, "lead", 20, 7)])
    with pytest.raises(ValidationError):
        validate_stages([StageInput(None, "Lead", 10, 0), *good[1:]])
