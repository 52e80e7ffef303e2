"""Default configuration of a new database."""

from pathlib import Path

from crmdesk.services import setup
from crmdesk.services.context import Context
from crmdesk.storage import models as m


def test_defaults_are_created_once_in_the_language_given(db: Path, ctx: Context) -> None:
    assert setup.ensure_defaults(ctx, "zh_CN").everything
    assert not setup.ensure_defaults(ctx, "en")  # second call does nothing
    stages = [s.name for s in m.PipelineStage.select().order_by(m.PipelineStage.position)]
    assert stages[0] == "初步接洽" and len(stages) == len(setup.DEFAULT_STAGES)
    assert {r.tier: r.days for r in m.CadenceRule.select()} == {"strategic": 14, "partner": 30, "value": 60, "general": 90}
    assert setup.get_setting("sla_hours") == {"urgent": 4, "high": 24, "normal": 72, "low": 168}
    assert m.User.get(m.User.username == "owner").role == "owner"


def test_english_defaults(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "en")
    assert m.LostReason.select().order_by(m.LostReason.position).first().name == "Price too high"


def test_settings_round_trip(db: Path, ctx: Context) -> None:
    setup.set_setting(ctx, "business_name", "星辰茶庄")
    setup.set_setting(ctx, "business_name", "星辰茶庄（总店）")
    assert setup.get_setting("business_name") == "星辰茶庄（总店）"
    assert setup.get_setting("missing", 7) == 7
