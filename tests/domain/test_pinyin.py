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


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("重庆火锅店", "chongqinghuoguodian", "cqhgd"),  # not zhong: a company is read in context
        ("招商银行", "zhaoshangyinhang", "zsyh"),
        ("北京长青电子", "beijingchangqingdianzi", "bjcqdz"),
    ],
)
def test_company_names_are_read_in_context(name: str, full: str, initials: str) -> None:
    assert full_and_initials(name, person=False) == (full, initials)


def test_given_names_read_in_context_and_compound_surname_initials() -> None:
    assert full_and_initials("李长青") == ("lichangqing", "lcq")
    assert full_and_initials("长孙无忌") == ("zhangsunwuji", "zswj")
