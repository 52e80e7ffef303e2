"""The business configuration a new database starts with (stages, lists, cadences, SLAs).

The names are data, stored in the database and editable later; they are chosen once, in the
language the database is created in.
"""

from __future__ import annotations

import json
from typing import Any

from crmdesk.domain import currency
from crmdesk.domain.changes import Changes
from crmdesk.domain.enums import Role, Severity, StageKind, Tier
from crmdesk.domain.ids import new_uid
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

SETUP_KEY = "setup_version"

# (Chinese, English, default probability %, rotting days, kind)
DEFAULT_STAGES = [
    ("初步接洽", "Lead", 10, 14, StageKind.OPEN),
    ("需求确认", "Qualified", 25, 14, StageKind.OPEN),
    ("方案报价", "Proposal", 50, 10, StageKind.OPEN),
    ("商务谈判", "Negotiation", 75, 7, StageKind.OPEN),
    ("赢单", "Won", 100, None, StageKind.WON),
    ("输单", "Lost", 0, None, StageKind.LOST),
]
DEFAULT_LOST_REASONS = [
    ("价格太高", "Price too high"),
    ("选择了竞争对手", "Chose a competitor"),
    ("需求取消", "No longer needed"),
    ("没有预算", "No budget"),
    ("联系不上", "Could not reach them"),
    ("其他", "Other"),
]
DEFAULT_COMPLAINT_CATEGORIES = [
    ("产品质量", "Product quality"),
    ("物流配送", "Delivery"),
    ("服务态度", "Service attitude"),
    ("价格/账单", "Price / billing"),
    ("售后服务", "After-sales"),
    ("其他", "Other"),
]
DEFAULT_CADENCE_DAYS = {Tier.STRATEGIC: 14, Tier.PARTNER: 30, Tier.VALUE: 60, Tier.GENERAL: 90}
DEFAULT_SLA_HOURS = {Severity.URGENT: 4, Severity.HIGH: 24, Severity.NORMAL: 72, Severity.LOW: 168}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language.startswith("zh") else pair[1]


def ensure_defaults(ctx: Context, language: str = "zh_CN") -> Changes:
    """Fill a new database with the default configuration; does nothing the second time."""
    changes = Changes()
    with atomic():
        if m.Setting.get_or_none(m.Setting.key == SETUP_KEY) is not None:
            return changes
        now = ctx.now()

        def synced(**values: Any) -> dict[str, Any]:
            return {"uid": new_uid(), "stamp": now, **values}

        m.User.create(**synced(username="owner", display_name=_pick(("店主", "Owner"), language), role=Role.OWNER))
        for pos, (zh, en, prob, rot, kind) in enumerate(DEFAULT_STAGES):
            m.PipelineStage.create(
                **synced(name=_pick((zh, en), language), position=pos, probability=prob, rotting_days=rot, kind=kind)
            )
        for pos, pair in enumerate(DEFAULT_LOST_REASONS):
            m.LostReason.create(**synced(name=_pick(pair, language), position=pos))
        for pos, pair in enumerate(DEFAULT_COMPLAINT_CATEGORIES):
            m.ComplaintCategory.create(**synced(name=_pick(pair, language), position=pos))
        for tier, days in DEFAULT_CADENCE_DAYS.items():
            m.CadenceRule.create(**synced(tier=tier, days=days))
        set_setting(ctx, "sla_hours", {str(k): v for k, v in DEFAULT_SLA_HOURS.items()})
        set_setting(ctx, "currency", "CNY")
        set_setting(ctx, "business_name", "")
        set_setting(ctx, SETUP_KEY, 1)
    changes.everything = True
    return changes


def apply_settings() -> None:
    """Put into effect the settings that the code reads outside the database: the currency
    every amount is written in (an unknown code falls back to the default)."""
    code = get_setting("currency", currency.DEFAULT)
    currency.set_current(code if code in currency.CURRENCIES else currency.DEFAULT)


def set_currency(ctx: Context, code: str) -> Changes:
    """Choose the business's currency (amounts are not converted: they are written with the
    new symbol from now on)."""
    policy.require(ctx, policy.Permission.SETTINGS)
    changes = set_setting(ctx, "currency", currency.check(code))
    currency.set_current(code)
    changes.everything = True  # every amount on screen is written anew
    return changes


def get_setting(key: str, default: Any = None) -> Any:
    row = m.Setting.get_or_none(m.Setting.key == key)
    return default if row is None else json.loads(row.value)


def set_setting(ctx: Context, key: str, value: Any) -> Changes:
    text = json.dumps(value, ensure_ascii=False)
    m.Setting.insert(key=key, value=text, stamp=ctx.now()).on_conflict(
        conflict_target=[m.Setting.key], update={m.Setting.value: text, m.Setting.stamp: ctx.now()}
    ).execute()
    return Changes(settings=True)
