"""Paged, SQL-sorted listings."""

from __future__ import annotations

from pathlib import Path

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers, lists
from crmdesk.services.context import Context


def _names(rows: list[tuple]) -> list[str]:
    return [r[1] for r in rows]


def test_customers_sort_by_pinyin_and_page(db: Path, ctx: Context) -> None:
    for name in ["赵六", "Amy Wong", "安娜", "白雪", "张三", "曾小贤"]:
        customers.create_customer(ctx, CustomerInput(name=name))
    listing = lists.customers(ctx)
    assert listing.count() == 6
    everything = listing.page("name", False, 0, 100)
    assert _names(everything) == ["Amy Wong", "安娜", "白雪", "曾小贤", "张三", "赵六"]
    assert _names(listing.page("name", True, 0, 2)) == ["赵六", "张三"]
    assert listing.page("name", False, 2, 2) == everything[2:4]
    assert listing.page("name", False, 6, 10) == []


def test_deleted_customers_are_not_listed(db: Path, ctx: Context) -> None:
    keep, _ = customers.create_customer(ctx, CustomerInput(name="张三"))
    gone, _ = customers.create_customer(ctx, CustomerInput(name="李四"))
    customers.delete_customers(ctx, [gone])
    listing = lists.customers(ctx)
    assert listing.count() == 1
    assert [r[0] for r in listing.page("city", False, 0, 10)] == [keep]
    assert [r[0] for r in listing.rows([keep, gone])] == [keep]


def test_ties_are_broken_by_id(db: Path, ctx: Context) -> None:
    ids = [customers.create_customer(ctx, CustomerInput(name=f"客户{i}", city="上海"))[0] for i in range(5)]
    listing = lists.customers(ctx)
    assert [r[0] for r in listing.page("city", False, 0, 10)] == ids
    assert [r[0] for r in listing.page("city", True, 0, 10)] == ids[::-1]
