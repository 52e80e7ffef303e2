"""Duplicate scoring on Chinese data."""

import pytest

from crmdesk.domain.dedupe import SHOW_FROM, Person, compare, name_key


@pytest.mark.parametrize(
    ("name", "company", "key"),
    [
        ("上海星辰贸易有限公司", True, "上海星辰贸易"),
        ("上海星辰贸易公司", True, "上海星辰贸易"),
        ("上海星辰贸易股份有限公司分公司", True, "上海星辰贸易"),
        ("ＡＢＣ Trading Co., Ltd.", True, "abctrading"),
        ("张 伟", False, "张伟"),
        ("有限公司", True, "有限公司"),  # only a suffix: nothing to strip it from
    ],
)
def test_name_keys(name: str, company: bool, key: str) -> None:
    assert name_key(name, company) == key


def p(i: int, name: str, phone: str = "", email: str = "", city: str = "", kind: str = "person") -> Person:
    return Person(i, name, kind, phone, email, city)


def test_scores() -> None:
    same_phone, why = compare(p(1, "张伟", "+8613812345678"), p(2, "张 伟", "+8613812345678"))
    assert same_phone >= 85 and [e.template for e in why] == ["same phone number", "same name"]
    shared_name, _ = compare(p(1, "张伟", city="上海"), p(2, "张伟", city="上海"))
    assert shared_name < SHOW_FROM  # thousands of people are called 张伟
    company, _ = compare(p(1, "星辰贸易有限公司", kind="company", city="上海"),
                         p(2, "星辰贸易公司", kind="company", city="上海"))
    assert company >= SHOW_FROM
    email, _ = compare(p(1, "Emily", email="E@x.cn"), p(2, "Emily Chen", email="e@x.cn"))
    assert email >= SHOW_FROM
    assert compare(p(1, "张伟"), p(2, "李丽"))[0] == 0
    typo, why = compare(p(1, "星辰贸易行", kind="company", email="a@b.cn"), p(2, "星晨贸易行", kind="company", email="a@b.cn"))
    assert "nearly the same name" in [e.template for e in why]
