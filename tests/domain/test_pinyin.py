"""Pinyin of names, surname readings included."""

import pytest

from crmdesk.domain.pinyin import full_and_initials, syllables


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张伟", "zhangwei", "zw"),
        ("曾小贤", "zengxiaoxian", "zxx"),  # not ceng
        ("单田芳", "shantianfang", "stf"),  # not dan
        ("解缙", "xiejin", "xj"),  # not jie
        ("查良镛", "zhaliangyong", "zly"),  # not cha
        ("仇英", "qiuying", "qy"),  # not chou
        ("区永", "ouyong", "oy"),  # not qu
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("Emily Chen", "emilychen", "ec"),
        ("王Tony", "wangtony", "wt"),
        ("", "", ""),
    ],
)
def test_full_and_initials(name: str, full: str, initials: str) -> None:
    assert full_and_initials(name) == (full, initials)


def test_common_reading_kept_outside_the_surname() -> None:
    # 曾 inside a given name keeps its common reading.
    assert syllables("李曾") == ["li", "ceng"]
