"""The business's currency, chosen once, writes every amount: screens, exports, reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain import currency
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.metrics import suggest_tier
from crmdesk.reports.words import ReportWords
from crmdesk.services import setup
from crmdesk.services.context import Context
from crmdesk.services.exporting import money_format


def test_the_chosen_currency_writes_every_amount(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "en")
    assert money_format() == '"¥"#,##0.00' and ReportWords().money(-150) == "-¥1.50"
    setup.set_currency(ctx, "EUR")
    assert setup.get_setting("currency") == "EUR"
    assert money_format() == '"€"#,##0.00' and ReportWords().money(123_456) == "€1,234.56"
    assert suggest_tier(2_000_000)[1].text().startswith("Total spent €20,000")
    currency.set_current("CNY")
    setup.apply_settings()  # as opening the database again does
    assert currency.symbol() == "€"


def test_an_unknown_currency_is_refused_and_a_stored_one_falls_back(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "en")
    with pytest.raises(ValidationError):
        setup.set_currency(ctx, "DOGE")
    assert setup.get_setting("currency") == "CNY"
    setup.set_setting(ctx, "currency", "XYZ")  # written by a newer crmdesk, say
    setup.apply_settings()
    assert currency.current() == "CNY"
