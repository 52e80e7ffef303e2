"""Bulk actions over a filter or a selection: all in one transaction, audited, searchable."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import bulk, customers, lists
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled
from crmdesk.storage import models as m


@pytest.fixture
def ids(db: Path, ctx: Context) -> list[int]:
    return [customers.create_customer(ctx, CustomerInput(name=n, city=c))[0]
            for n, c in (("张伟", "上海"), ("张丽", "北京"), ("李伟", "上海"), ("王芳", "广州"))]


def _found(ctx: Context, text: str) -> list[int]:
    return sorted(r[0] for r in lists.customers(ctx, CustomerFilter(text=text)).page("name", False, 0, 99))


def test_set_tier_on_a_filter_marks_it_manual(ctx: Context, ids: list[int]) -> None:
    changes = bulk.set_field(ctx, CustomerFilter(city="上海"), "tier", "strategic")
    assert changes.customers == {ids[0], ids[2]}
    rows = {c.id: c for c in m.Customer.select()}
    assert rows[ids[0]].tier == "strategic" and rows[ids[0]].tier_manual
    assert rows[ids[1]].tier == "general" and not rows[ids[1]].tier_manual
    assert m.AuditEntry.select().where(m.AuditEntry.action == "update").count() == 2


def test_bad_value_changes_nothing(ctx: Context, ids: list[int]) -> None:
    with pytest.raises(ValidationError):
        bulk.set_field(ctx, CustomerFilter(), "tier", "gold")
    with pytest.raises(ValidationError):
        bulk.assign_owner(ctx, CustomerFilter(), 999)
    assert {c.tier for c in m.Customer.select()} == {"general"}


def test_tags_added_and_removed_are_searchable(ctx: Context, ids: list[int]) -> None:
    bulk.add_tag(ctx, CustomerFilter(ids=(ids[1], ids[3])), "团购")
    bulk.add_tag(ctx, CustomerFilter(ids=(ids[1],)), "团购")  # twice is harmless
    assert _found(ctx, "团购") == [ids[1], ids[3]]
    assert customers.tag_names(ids[1]) == ["团购"]
    bulk.remove_tag(ctx, CustomerFilter(ids=(ids[1],)), "团购")
    assert _found(ctx, "团购") == [ids[3]]
    bulk.add_tag(ctx, CustomerFilter(ids=(ids[1],)), "团购")  # revived
    assert _found(ctx, "团购") == [ids[1], ids[3]]


def test_owner_and_delete(ctx: Context, ids: list[int]) -> None:
    from crmdesk.services import setup

    setup.ensure_defaults(ctx, "zh_CN")
    owner = m.User.get().id
    bulk.assign_owner(ctx, CustomerFilter(text="张"), owner)
    assert {c.name for c in m.Customer.select().where(m.Customer.owner == owner)} == {"张伟", "张丽"}
    bulk.delete(ctx, CustomerFilter(text="伟"))
    assert lists.customers(ctx).count() == 2


def test_cancel_rolls_back(ctx: Context, ids: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "CHUNK", 1)

    class StopAfterOne:
        calls = 0

        def report(self, done: int, total: int, stage: str = "") -> None:
            self.calls += 1

        def cancelled(self) -> bool:
            return self.calls >= 1

    with pytest.raises(Cancelled):
        bulk.set_field(ctx, CustomerFilter(), "category", "existing", progress=StopAfterOne())
    assert {c.category for c in m.Customer.select()} == {"potential"}
