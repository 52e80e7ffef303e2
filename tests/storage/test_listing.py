"""Paged, SQL-sorted listings."""

from __future__ import annotations

from pathlib import Path

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers, lists
from crmdesk.services.context import Context
from crmdesk.storage import models as m


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


def test_position_of_matches_the_page_order(db: Path, ctx: Context) -> None:
    names = ["赵六", "Amy", "安娜", "白雪", "张三", "曾小贤", "安娜"]
    cities = ["上海", "", "北京", "上海", "", "广州", "北京"]
    for name, city in zip(names, cities):
        customers.create_customer(ctx, CustomerInput(name=name, city=city))
    listing = lists.customers(ctx)
    for key in ("name", "city", "last_contact_at"):
        for descending in (False, True):
            ids = [r[0] for r in listing.page(key, descending, 0, 100)]
            assert [listing.position_of(i, key, descending) for i in ids] == list(range(len(ids))), (key, descending)
    assert listing.position_of(999, "name", False) is None


def test_filters_combine(db: Path, ctx: Context) -> None:
    from crmdesk.domain.filters import UNASSIGNED, CustomerFilter

    a, _ = customers.create_customer(ctx, CustomerInput(name="张伟", tier="strategic", city="上海", phone="13812345678"))
    b, _ = customers.create_customer(ctx, CustomerInput(name="张丽", tier="general", city="北京", birth_month=11, birth_day=5))
    c, _ = customers.create_customer(ctx, CustomerInput(name="李伟", tier="strategic", city="上海"))
    customers.log_interaction(ctx, c, "call", "回访")

    def ids(**kw: object) -> list[int]:
        return sorted(r[0] for r in lists.customers(ctx, CustomerFilter(**kw)).page("name", False, 0, 100))

    assert ids(text="张") == [a, b]
    assert ids(text="伟") == [a, c]
    assert ids(text="zw") == [a]
    assert ids(text="zhang") == [a, b]
    assert ids(text="5678") == [a]
    assert ids(text="+86 138 1234") == [a]
    assert ids(text="张", tiers=("strategic",)) == [a]
    assert ids(city="上海") == [a, c]
    assert ids(no_contact_days=7) == [a, b]
    assert ids(birthday_this_month=True) == [b]  # the frozen clock says November
    assert ids(owner_id=UNASSIGNED) == [a, b, c]
    assert ids(text="nobody") == []
    assert lists.customers(ctx, CustomerFilter(text="张")).count() == 2


def test_large_result_strategy_gives_the_same_pages(db: Path, ctx: Context, monkeypatch) -> None:
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.storage import listing as listing_module

    for i in range(30):
        customers.create_customer(ctx, CustomerInput(name=f"张{'伟丽芳'[i % 3]}{i}", city=["上海", "北京"][i % 2]))
    customers.create_customer(ctx, CustomerInput(name="李四"))
    flt = CustomerFilter(text="张")

    def pages() -> list[list[int]]:
        out = []
        for key in ("name", "city", "owner"):
            for desc in (False, True):
                lst = lists.customers(ctx, flt)
                assert lst.count() == 30
                out.append([r[0] for r in lst.page(key, desc, 0, 7) + lst.page(key, desc, 7, 50)])
        return out

    small = pages()
    monkeypatch.setattr(listing_module, "LARGE_RESULT", 0)  # force walking the sort index
    assert pages() == small


def test_deleted_customers_leave_the_search_index(db: Path, ctx: Context) -> None:
    from crmdesk.domain.filters import CustomerFilter

    a, _ = customers.create_customer(ctx, CustomerInput(name="张三", phone="13812345678"))
    customers.create_customer(ctx, CustomerInput(name="张四"))
    customers.delete_customers(ctx, [a])
    assert lists.customers(ctx, CustomerFilter(text="张")).count() == 1
    assert lists.customers(ctx, CustomerFilter(text="5678")).count() == 0
    database = m.Customer._meta.database
    assert database.execute_sql("SELECT COUNT(*) FROM customer_fts WHERE customer_fts MATCH '\"张\"'").fetchone()[0] == 1



def test_name_ordered_search_pages_match_a_full_sort(db: Path, ctx: Context, monkeypatch) -> None:
    """Pages read in the search index's name-key order equal those of sorting every match,
    for names whose keys tie, differ, or stop early (digits, accents), with other filters too."""
    import random

    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.storage import listing as listing_module

    rng = random.Random(5)
    names = ["王伟", "王伟", "汪伟", "王芳", "王小明", "Wang Wei", "wangwei2", "Zoë Wang", "3M 王", "王", "阿王",
             "王府井商行", "Émile Wang", "欧阳王", "zzz王"]
    for i in range(90):
        customers.create_customer(ctx, CustomerInput(
            name=rng.choice(names), city=["上海", "北京"][i % 2], phone=f"1380000{i:04d}"))
    customers.create_customer(ctx, CustomerInput(name="李四", phone="13900000000"))

    def pages(flt: CustomerFilter) -> list[list[int]]:
        out = []
        for desc in (False, True):
            lst = lists.customers(ctx, flt)
            total = lst.count()
            got = []
            for offset in range(0, total + 7, 7):
                got += [r[0] for r in lst.page("name", desc, offset, 7)]
            assert len(got) == total
            out.append(got)
        return out

    for flt in (CustomerFilter(text="wang"), CustomerFilter(text="王"), CustomerFilter(text="13800"),
                CustomerFilter(text="王", city="上海")):
        full_sort = pages(flt)
        monkeypatch.setattr(listing_module, "LARGE_RESULT", 0)  # read in name-key order
        assert pages(flt) == full_sort, flt
        lst = lists.customers(ctx, flt)
        lst.count()
        for desc, order in zip((False, True), full_sort):
            assert [lst.position_of(i, "name", desc) for i in order] == list(range(len(order)))
        outside = lists.customers(ctx, CustomerFilter(text="李四")).page("name", False, 0, 1)[0][0]
        assert lst.position_of(outside, "name", False) is None
        monkeypatch.undo()


def test_name_keys_agree_with_the_database(db: Path, ctx: Context) -> None:
    from crmdesk.storage.name_key import name_key, prefix_of

    for name in ["王伟", "Zoë", "3M", "", "Amy Wong", "{brace}", "zhangwei"]:
        customers.create_customer(ctx, CustomerInput(name=name or "?"))
    database = m.Customer._meta.database
    rows = database.execute_sql("SELECT c.name_pinyin, c.id, v.search_key FROM customer c "
                                "JOIN customer_live_search v ON v.id = c.id").fetchall()
    assert rows and all(name_key(pinyin, cid) == key for pinyin, cid, key in rows)
    for a_pinyin, _, a_key in rows:  # a smaller name part of the key means an earlier name
        for b_pinyin, _, b_key in rows:
            if prefix_of(a_key) < prefix_of(b_key):
                assert a_pinyin < b_pinyin


def test_the_dashboards_conditions(db, ctx) -> None:  # noqa: ANN001 - fixtures
    import datetime as dt

    from crmdesk.domain.customer import CustomerInput
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.domain.ids import new_uid
    from crmdesk.services import customers
    from crmdesk.storage import listing
    from crmdesk.storage import models as m

    a, _ = customers.create_customer(ctx, CustomerInput(name="甲", phone="13800000001"))
    b, _ = customers.create_customer(ctx, CustomerInput(name="乙"))
    m.Customer.update(created_at=1000).where(m.Customer.id == a).execute()
    m.Order.create(uid=new_uid(), stamp=1, customer=b, ordered_on=dt.date(2026, 3, 1), amount_cents=1)
    m.Order.create(uid=new_uid(), stamp=1, customer=a, ordered_on=dt.date(2026, 4, 1), amount_cents=1, deleted_at=5)

    def ids(flt: CustomerFilter) -> list[int]:
        return sorted(listing.customer_ids(flt, ctx.now(), dt.date(2026, 11, 23)))

    assert ids(CustomerFilter(missing_phone=True)) == [b]
    assert ids(CustomerFilter(created_from=0, created_until=2000)) == [a]
    assert ids(CustomerFilter(ordered_from=dt.date(2026, 1, 1), ordered_until=dt.date(2027, 1, 1))) == [b]
    flt = CustomerFilter(ordered_from=dt.date(2026, 1, 1), missing_phone=True)
    assert CustomerFilter.from_json(flt.to_json()) == flt
    assert flt.has_figure_conditions and not flt.without_figure_conditions().has_figure_conditions
