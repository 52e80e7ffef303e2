"""A shop with two account managers, for the tests of what aggregate figures each role sees.

:func:`build` fills the book in two steps: first Wang's customers, the unassigned ones and a
care task of no customer, then Li's (more of them, with other amounts, one sharing a phone
with one of Wang's and a deal of Wang's on one of them). Between the steps it calls ``between``
with the owner's measuring context, so a test can take the owner's figures of the book as Wang
sees it: Wang's figures afterwards must be exactly those.

Every record is made through the services (orders as the KPI tests make them), and each
customer has orders, a deal and a complaint, so each figure has something to count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field

from crmdesk.domain.clock import FixedClock
from crmdesk.domain.complaints import ComplaintInput, Resolution
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.enums import Role
from crmdesk.domain.ids import new_uid
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import care, complaints, customers, kpi, pipeline, setup, users
from crmdesk.services.context import Context
from crmdesk.services.dedupe import _recompute
from crmdesk.storage import models as m
from tests.conftest import FROZEN_AT

D = dt.date
HOUR = 3_600_000
DAY = 24 * HOUR
# The figures are read late on the frozen day, after every record was made (the making
# moves its clock on by the hour, to give the deals stays in their stages).
MEASURED_AT = FROZEN_AT.replace(hour=23)


@dataclass
class Book:
    users: dict[str, int] = field(default_factory=dict)
    customers: dict[str, list[int]] = field(default_factory=dict)  # by portion: "wang", "nobody", "li"
    complaints: dict[str, list[int]] = field(default_factory=dict)

    def measuring(self, name: str | None = None) -> Context:
        """A context of that user (None: the owner without sign-in) at the measuring moment."""
        clock = FixedClock(MEASURED_AT)
        if name is None:
            return Context(clock=clock)
        return Context(clock=clock, user_id=self.users[name], role=m.User.get_by_id(self.users[name]).role)


def _portion(ctx: Context, clock: FixedClock, book: Book, name: str, owner: int | None, size: int,
             scale: int, deal_owner: int | None = None) -> None:
    """``size`` customers of ``owner`` with orders, deals (open, won, lost), complaints and care
    tasks; amounts are multiplied by ``scale`` so portions differ."""
    first_open, second_open = [s for s in pipeline.stages() if not s.closed][:2]
    reason = pipeline.lost_reasons()[0][0]
    category = complaints.categories()[0][0]
    ids, logged = [], []
    for i in range(size):
        cid = customers.create_customer(ctx, CustomerInput(
            name=f"{name}-{i}", owner_id=owner, phone="" if i == 0 else f"139{scale:02d}{i:06d}",
            email="twins@example.com" if i in (1, 2) else "", tier=("general", "value", "partner")[i % 3]))[0]
        ids.append(cid)
        orders = ([(D(2025, 12, 1) + dt.timedelta(days=i), (i + 1) * 100_00 * scale), (D(2026, 11, 1 + i), 50_00)]
                  if i % 2 == 0 else [(D(2025, 11, 10), 300_00 * scale)])  # the odd ones lapse
        for day, cents in orders:
            m.Order.create(uid=new_uid(), stamp=ctx.now(), customer=cid, ordered_on=day, amount_cents=cents)
        _recompute(ctx, cid, ctx.now())
    m.Customer.update(created_at=kpi.day_start_ms(D(2026, 10, 15))).where(m.Customer.id == ids[0]).execute()
    deals = [pipeline.create_deal(ctx, DealInput(cid, f"{name} deal {i}", (i + 1) * 1000_00 * scale,
                                                 50 if i % 2 else None, D(2026, 12, 1) + dt.timedelta(days=20 * i),
                                                 deal_owner if deal_owner is not None else owner))[0]
             for i, cid in enumerate(ids)]
    clock.advance(hours=1)
    for i, deal in enumerate(deals):
        pipeline.move_deal(ctx, deal, None, second_open.id if i % 3 else first_open.id)
    clock.advance(hours=1)
    for i, deal in enumerate(deals):
        if i % 3 == 1:
            pipeline.win_deal(ctx, deal, None, 70_00 * scale)
        elif i % 3 == 2:
            pipeline.lose_deal(ctx, deal, None, reason)
    for i, cid in enumerate([*ids, ids[0]]):  # the first customer complains twice
        logged.append(complaints.log_complaint(ctx, ComplaintInput(
            customer_id=cid, received_at=ctx.now() - (i + 1) * DAY, severity=("urgent", "normal", "low")[i % 3],
            description=f"{name} complaint {i}", category_id=category))[0])
    for i, complaint in enumerate(logged[:3]):
        complaints.resolve(ctx, complaint, Resolution(text="sorted", resolved_at=ctx.now() - i * HOUR))
        complaints.rate(ctx, complaint, 5 - i % scale)
    care.create_task(ctx, care.TaskInput(f"call {name}", D(2026, 11, 23), ids[0]))  # due today
    care.create_task(ctx, care.TaskInput(f"visit {name}", D(2026, 11, 20), ids[-1]))  # overdue
    book.customers[name], book.complaints[name] = ids, logged


def build(ctx: Context, clock: FixedClock, between: Callable[[Book], None] = lambda _book: None) -> Book:
    """The whole book (see the module's text); ``between`` runs when Li's part is not made yet."""
    setup.ensure_defaults(ctx, "en")
    book = Book(users={"owner": m.User.get(m.User.username == "owner").id})
    for name, role in (("wang", Role.ACCOUNT_MANAGER), ("li", Role.ACCOUNT_MANAGER), ("zhao", Role.MANAGER),
                       ("qian", Role.READ_ONLY)):
        book.users[name] = users.add_user(ctx, name, name.title(), role)[0]
    _portion(ctx, clock, book, "wang", book.users["wang"], 6, 1)
    _portion(ctx, clock, book, "nobody", None, 2, 2)
    care.create_task(ctx, care.TaskInput("order stationery", D(2026, 11, 19)))  # of no customer: seen by all
    between(book)
    _portion(ctx, clock, book, "li", book.users["li"], 7, 3, deal_owner=book.users["wang"])
    twin = m.Customer.get_by_id(book.customers["wang"][1])  # Li's copy of one of Wang's customers
    book.customers["li"].append(customers.create_customer(ctx, CustomerInput(
        name="li-twin", owner_id=book.users["li"], phone=twin.phone))[0])
    return book


def seen_before_li(ctx: Context, clock: FixedClock, figures: Callable[[Context], dict[Any, Any]]
                   ) -> tuple[Book, dict[Any, Any]]:
    """The whole book, and ``figures`` as the owner read them before Li's customers came: what
    Wang, who sees their own and the unassigned customers, is to see of the finished book."""
    before: dict[Any, Any] = {}
    book = build(ctx, clock, lambda made: before.update(figures(made.measuring())))
    return book, before
