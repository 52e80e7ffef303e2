"""The welcome on an empty book, and demo data taken out again in one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain import currency
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import ValidationError
from crmdesk.services import customers, first_run, setup
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.storage import kpi
from crmdesk.storage import models as m


def test_the_welcome_is_for_an_untouched_book_only(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    assert first_run.needs_welcome()
    first_run.welcome(ctx, "  老王  水果店 ", "en", "HKD")
    assert not first_run.needs_welcome()
    assert setup.get_setting("business_name") == "老王 水果店"
    assert currency.current() == "HKD" and currency.symbol() == "HK$"
    # The defaults made in Chinese now read in English; a renamed one is left alone.
    stages = [s.name for s in m.PipelineStage.select().order_by(m.PipelineStage.position)]
    assert stages[:2] == ["Lead", "Qualified"]
    assert m.User.get(m.User.username == "owner").display_name == "Owner"


def test_a_book_with_customers_is_not_welcomed(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    customers.create_customer(ctx, CustomerInput(name="已有客户"))
    assert not first_run.needs_welcome()


@pytest.mark.parametrize(("name", "code"), [("x" * 101, "CNY"), ("店", "XXX")])
def test_bad_answers_store_nothing(db: Path, ctx: Context, name: str, code: str) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    with pytest.raises(ValidationError):
        first_run.welcome(ctx, name, "zh_CN", code)
    assert first_run.needs_welcome() and setup.get_setting("business_name") == ""
    assert currency.current() == "CNY"


def test_demo_data_comes_out_whole_and_alone(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    mine, _ = customers.create_customer(ctx, CustomerInput(name="真客户", tags=["VIP"]))
    generator.generate(ctx, 60, seed=5)
    generator.generate(ctx, 10, seed=6)  # a second load adds to what is noted
    assert first_run.has_demo() and m.Customer.select().count() == 71
    assert m.Order.select().count() > 0 and m.Opportunity.select().count() > 0

    first_run.remove_demo(ctx)
    assert [c.id for c in m.Customer.select()] == [mine]
    for model in (m.Order, m.Opportunity, m.Interaction, m.Complaint, m.StageChange):
        assert model.select().count() == 0, model
    assert m.Reminder.select().count() == m.Reminder.select().where(m.Reminder.customer == mine).count()
    assert [t.name for t in m.Tag.select()] == ["VIP"]  # the demo's other tags are gone, the used one stays
    assert m.User.select().where(m.User.username == "zhangli").count() == 0
    assert not first_run.has_demo() and kpi.rollups_agree()
    assert customers.summary(mine).tags == ["VIP"]
