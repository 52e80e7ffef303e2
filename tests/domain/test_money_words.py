"""Amounts in capitals (大写), as an accountant would write them on a receipt."""

from __future__ import annotations

import pytest

from crmdesk.domain.money_words import amount_words, integer_words


@pytest.mark.parametrize(("cents", "expected"), [
    (0, "零元整"),
    (1, "壹分"),
    (10, "壹角"),
    (15, "壹角伍分"),
    (100, "壹元整"),
    (105, "壹元零伍分"),
    (1000, "壹拾元整"),
    (1010, "壹拾元零壹角"),
    (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
    (100500, "壹仟零伍元整"),
    (10000010, "壹拾万元零壹角"),
    (10000000, "壹拾万元整"),
    (1000500, "壹万零伍元整"),
    (1005000, "壹万零伍拾元整"),
    (1010000, "壹万零壹佰元整"),
    (10100000, "壹拾万壹仟元整"),
    (20000000000, "贰亿元整"),
    (10001000000, "壹亿零壹万元整"),
    (11000000000, "壹亿壹仟万元整"),
    (10000000100, "壹亿零壹元整"),
    (100010000000000, "壹万零壹亿元整"),
    (123456789012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分"),  # units digit zero: 零 before the 角
    (-100500, "负壹仟零伍元整"),
    (-5, "负伍分"),
])
def test_amount_words(cents: int, expected: str) -> None:
    assert amount_words(cents) == expected


@pytest.mark.parametrize(("number", "expected"), [
    (0, "零"), (10, "壹拾"), (101, "壹佰零壹"), (1001, "壹仟零壹"), (1100, "壹仟壹佰"),
    (100000000, "壹亿"), (1000000000000, "壹万亿"),
])
def test_integer_words(number: int, expected: str) -> None:
    assert integer_words(number) == expected


def test_refuses_what_it_cannot_write() -> None:
    with pytest.raises(ValueError):
        amount_words(10**18)
    with pytest.raises(ValueError):
        integer_words(-1)
