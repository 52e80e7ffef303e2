"""Roles: what each one sees and may do, through the same services the app and CLI call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.complaints import ComplaintInput
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.enums import Role
from crmdesk.domain.errors import PermissionDeniedError
from crmdesk.domain.filters import ComplaintFilter, CustomerFilter, DealFilter
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import audit, bulk, care, complaints, customers, lists, pipeline, policy, setup, users
from crmdesk.services.context import Context
from crmdesk.services.exporting import export_customers
from crmdesk.storage import models as m
from crmdesk.storage.audit import TrailFilter

HOUR = 3_600_000


@pytest.fixture()
def shop(db: Path, ctx: Context) -> dict:
    """An owner, two account managers, a manager and a read-only user; customers of each
    account manager and one of nobody's, each with a deal, a care task and a complaint."""
    setup.ensure_defaults(ctx, "en")
    ids = {"owner": m.User.get(m.User.username == "owner").id}
    for name, role in (("wang", Role.ACCOUNT_MANAGER), ("li", Role.ACCOUNT_MANAGER), ("zhao", Role.MANAGER),
                       ("qian", Role.READ_ONLY)):
        ids[name] = users.add_user(ctx, name, name.title(), role)[0]
    category = complaints.categories()[0][0]
    for name, owner in (("Wang's", ids["wang"]), ("Li's", ids["li"]), ("Nobody's", None)):
        cid = customers.create_customer(ctx, CustomerInput(name=name, owner_id=owner))[0]
        ids[name] = cid
        ids[f"{name} deal"] = pipeline.create_deal(ctx, DealInput(cid, f"{name} deal", 100_000))[0]
        ids[f"{name} task"] = care.create_task(ctx, care.TaskInput(f"call {name}", dt.date(2026, 11, 24), cid))[0]
        ids[f"{name} complaint"] = complaints.log_complaint(ctx, ComplaintInput(
            customer_id=cid, received_at=ctx.now() - HOUR, severity="normal", description=f"{name} parcel late",
            category_id=category))[0]
    care.create_task(ctx, care.TaskInput("order stationery", dt.date(2026, 11, 24)))  # of no customer
    return ids


def as_user(ctx: Context, shop: dict, name: str) -> Context:
    return Context(clock=ctx.clock, user_id=shop[name], role=m.User.get_by_id(shop[name]).role)


def names(listing) -> list[str]:  # noqa: ANN001 - a Listing
    keys = listing.keys
    return sorted(row[1 + keys.index("name")] for row in listing.page("name", False, 0, 100))


def test_an_account_manager_sees_their_own_and_the_unassigned_customers_in_every_list(ctx: Context, shop: dict) -> None:
    wang = as_user(ctx, shop, "wang")
    listing = lists.customers(wang)
    assert listing.count() == 2 and names(listing) == ["Nobody's", "Wang's"]
    assert lists.customers(wang, CustomerFilter(text="Li")).count() == 0
    assert bulk.resolve(wang, CustomerFilter()) == sorted([shop["Wang's"], shop["Nobody's"]])
    deals = lists.open_opportunities(wang)
    assert sorted(r[2] for r in deals.page("title", False, 0, 10)) == ["Nobody's deal", "Wang's deal"]
    board = pipeline.board(wang, DealFilter(), 50)
    assert sorted(c.title for page in board.pages.values() for c in page) == ["Nobody's deal", "Wang's deal"]
    assert sum(t.count for t in pipeline.column_totals(DealFilter(), wang).values()) == 2
    assert pipeline.card(wang, shop["Li's deal"]) is None
    tasks = [t.title for t in care.tasks(wang, None, None)]
    assert sorted(tasks) == ["call Nobody's", "call Wang's", "order stationery"]
    assert care.task(wang, shop["Li's task"]) is None
    assert lists.open_reminders(wang).count() == 3
    assert lists.complaints(wang, ComplaintFilter()).count() == 2
    assert lists.complaints(wang, ComplaintFilter(text="parcel")).count() == 2
    # the owner, a manager and the read-only user see everyone
    for who in ("owner", "zhao", "qian"):
        assert lists.customers(as_user(ctx, shop, who)).count() == 3
    assert lists.customers(ctx).count() == 3  # no sign-in: the owner, as before


def test_an_account_manager_changes_only_what_they_see_and_may_hand_a_customer_over(ctx: Context, shop: dict) -> None:
    wang = as_user(ctx, shop, "wang")
    data = customers.load_input(shop["Wang's"], wang)
    data.city = "Hangzhou"
    customers.update_customer(wang, shop["Wang's"], data)
    with pytest.raises(PermissionDeniedError, match="another account manager"):
        customers.load_input(shop["Li's"], wang)
    with pytest.raises(PermissionDeniedError):
        customers.update_customer(wang, shop["Li's"], customers.load_input(shop["Li's"]))
    with pytest.raises(PermissionDeniedError):
        customers.log_interaction(wang, shop["Li's"], "call", "hello")
    with pytest.raises(PermissionDeniedError):
        bulk.set_field(wang, CustomerFilter(ids=(shop["Wang's"], shop["Li's"])), "tier", "strategic")
    assert m.Customer.get_by_id(shop["Wang's"]).tier != "strategic"  # refused whole
    with pytest.raises(PermissionDeniedError):
        pipeline.delete_deal(wang, shop["Li's deal"])
    with pytest.raises(PermissionDeniedError):
        care.mark_done(wang, shop["Li's task"])
    with pytest.raises(PermissionDeniedError):
        complaints.add_note(wang, shop["Li's complaint"], "seen")
    with pytest.raises(PermissionDeniedError):
        pipeline.create_deal(wang, DealInput(shop["Li's"], "poaching", 1))
    # a bulk change over "everything" touches only what they see
    bulk.set_field(wang, CustomerFilter(), "tier", "partner")
    tiers = {c.name: c.tier for c in m.Customer.select()}
    assert tiers["Wang's"] == tiers["Nobody's"] == "partner" != tiers["Li's"]
    # hand-over: the unassigned customer goes to Li, and out of Wang's sight
    bulk.assign_owner(wang, CustomerFilter(ids=(shop["Nobody's"],)), shop["li"])
    assert names(lists.customers(wang)) == ["Wang's"]
    assert m.AuditEntry.select().where(m.AuditEntry.user == shop["wang"]).count() >= 3  # the audit names Wang
    with pytest.raises(PermissionDeniedError):  # the whole trail shows everyone's customers
        audit.trail(TrailFilter(), ctx=wang)
    assert audit.trail(TrailFilter(), ctx=as_user(ctx, shop, "qian"))


def test_read_only_sees_everything_and_changes_nothing(ctx: Context, shop: dict) -> None:
    qian = as_user(ctx, shop, "qian")
    assert lists.customers(qian).count() == 3
    assert customers.summary(shop["Li's"], qian).name == "Li's"
    attempts = [
        lambda: customers.create_customer(qian, CustomerInput(name="New")),
        lambda: customers.update_customer(qian, shop["Li's"], customers.load_input(shop["Li's"])),
        lambda: customers.delete_customers(qian, [shop["Li's"]]),
        lambda: bulk.add_tag(qian, CustomerFilter(), "vip"),
        lambda: pipeline.delete_deal(qian, shop["Li's deal"]),
        lambda: care.create_task(qian, care.TaskInput("x", dt.date(2026, 12, 1))),
        lambda: complaints.start_work(qian, shop["Li's complaint"]),
        lambda: setup.set_currency(qian, "USD"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError, match="not change|Only the owner"):
            attempt()
    assert m.Customer.select().count() == 3 and m.Tag.select().count() == 0


def test_a_manager_works_on_every_customer_but_not_on_settings_users_or_exports(ctx: Context, shop: dict,
                                                                                tmp_path: Path) -> None:
    zhao = as_user(ctx, shop, "zhao")
    bulk.set_field(zhao, CustomerFilter(), "tier", "value")
    assert {c.tier for c in m.Customer.select()} == {"value"}
    pipeline.delete_deal(zhao, shop["Li's deal"])
    for attempt, sentence in [
        (lambda: users.add_user(zhao, "sun", "Sun", Role.OWNER), "manage users"),
        (lambda: setup.set_currency(zhao, "USD"), "settings"),
        (lambda: pipeline.save_stages(zhao, []), "settings"),
        (lambda: complaints.add_category(zhao, "Noise"), "settings"),
        (lambda: export_customers(zhao, CustomerFilter(), tmp_path / "all.csv", "csv"), "export"),
    ]:
        with pytest.raises(PermissionDeniedError, match=sentence):
            attempt()
    assert not (tmp_path / "all.csv").exists()


def test_the_recycle_bin_is_the_owners_but_anyone_may_undo_their_own_delete(ctx: Context, shop: dict) -> None:
    from crmdesk.services import recycle_bin

    zhao = as_user(ctx, shop, "zhao")
    step = recycle_bin.delete_deal(zhao, shop["Li's deal"], None, "Li's deal")
    step.undo(zhao)  # taking back one's own delete is not a visit to the bin
    assert m.Opportunity.get_by_id(shop["Li's deal"]).deleted_at is None
    step.redo(zhao)
    for attempt in (lambda: recycle_bin.require_access(zhao),
                    lambda: recycle_bin.restore_step(zhao, [("deal", shop["Li's deal"])]),
                    lambda: recycle_bin.empty(zhao), lambda: recycle_bin.set_retention_days(zhao, 7)):
        with pytest.raises(PermissionDeniedError, match="recycle bin"):
            attempt()
    assert m.Opportunity.get_by_id(shop["Li's deal"]).deleted_at is not None  # still in the bin, not erased
    recycle_bin.restore_step(as_user(ctx, shop, "owner"), [("deal", shop["Li's deal"])])
    assert m.Opportunity.get_by_id(shop["Li's deal"]).deleted_at is None


def test_the_owner_does_everything_and_denials_are_translatable_sentences(ctx: Context, shop: dict,
                                                                          tmp_path: Path) -> None:
    owner = as_user(ctx, shop, "owner")
    assert export_customers(owner, CustomerFilter(), tmp_path / "all.csv", "csv") == 3
    setup.set_currency(owner, "USD")
    for permission, sentence in policy.DENIED.items():
        assert sentence.endswith(".") and permission in policy.Permission
    with pytest.raises(PermissionDeniedError) as denied:
        policy.require(as_user(ctx, shop, "qian"), policy.Permission.EXPORT)
    assert denied.value.template == policy.DENIED[policy.Permission.EXPORT]  # the GUI translates the template


@pytest.mark.sqlite_only("reads SQLite's EXPLAIN QUERY PLAN; the index is SQLite's partial index of live customers by owner")
def test_the_visibility_condition_uses_the_owner_index(ctx: Context, shop: dict) -> None:
    wang = as_user(ctx, shop, "wang")
    listing = lists.customers(wang)
    sql, params = listing.base().select(m.Customer.id).sql()
    plan = " ".join(str(row) for row in m.database_proxy.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "customer_live_owner" in plan
