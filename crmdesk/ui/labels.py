"""Translated display labels for the stored enum values, and value formatting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from crmdesk.domain import currency
from crmdesk.domain.clock import from_ms
from crmdesk.domain.errors import ERRORS_CONTEXT, CrmError, DiskFullError, is_disk_full

CONTEXT = "labels"

_LABELS: dict[str, str] = {
    # customer kind
    "person": QT_TRANSLATE_NOOP("labels", "Person"),
    "company": QT_TRANSLATE_NOOP("labels", "Company"),
    # category
    "potential": QT_TRANSLATE_NOOP("labels", "Potential"),
    "existing": QT_TRANSLATE_NOOP("labels", "Existing"),
    "former": QT_TRANSLATE_NOOP("labels", "Former"),
    # tier
    "strategic": QT_TRANSLATE_NOOP("labels", "Strategic"),
    "partner": QT_TRANSLATE_NOOP("labels", "Partner"),
    "value": QT_TRANSLATE_NOOP("labels", "Value"),
    "general": QT_TRANSLATE_NOOP("labels", "General"),
    # lifecycle stage ("potential" is shared with the category)
    "new": QT_TRANSLATE_NOOP("labels", "New"),
    "active": QT_TRANSLATE_NOOP("labels", "Active"),
    "loyal": QT_TRANSLATE_NOOP("labels", "Loyal"),
    "churned": QT_TRANSLATE_NOOP("labels", "Churned"),
    # reminder kinds
    "birthday": QT_TRANSLATE_NOOP("labels", "Birthday"),
    "anniversary": QT_TRANSLATE_NOOP("labels", "Anniversary"),
    "holiday": QT_TRANSLATE_NOOP("labels", "Holiday greeting"),
    "after_sale": QT_TRANSLATE_NOOP("labels", "After-sale follow-up"),
    "after_complaint": QT_TRANSLATE_NOOP("labels", "After-complaint follow-up"),
    "cadence": QT_TRANSLATE_NOOP("labels", "Regular contact"),
    "task": QT_TRANSLATE_NOOP("labels", "Task"),
    # severity
    "low": QT_TRANSLATE_NOOP("labels", "Low"),
    "normal": QT_TRANSLATE_NOOP("labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("labels", "High"),
    "urgent": QT_TRANSLATE_NOOP("labels", "Urgent"),
    # complaint status ("new" is in _COMPLAINT_STATUS: it reads differently there)
    "in_progress": QT_TRANSLATE_NOOP("labels", "In progress"),
    "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "reopened": QT_TRANSLATE_NOOP("labels", "Reopened"),
    # user roles
    "owner": QT_TRANSLATE_NOOP("labels", "Owner"),
    "manager": QT_TRANSLATE_NOOP("labels", "Manager"),
    "account_manager": QT_TRANSLATE_NOOP("labels", "Account manager"),
    "read_only": QT_TRANSLATE_NOOP("labels", "Read-only"),
    # deal status
    "open": QT_TRANSLATE_NOOP("labels", "Open"),
    "won": QT_TRANSLATE_NOOP("labels", "Won"),
    "lost": QT_TRANSLATE_NOOP("labels", "Lost"),
}


# Values whose word differs by family: a "new" complaint is not a "new" customer.
_COMPLAINT_STATUS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("labels.complaint", "New"),
}


_INTERACTION: dict[str, str] = {
    "visit": QT_TRANSLATE_NOOP("labels.interaction", "Visit"),
    "call": QT_TRANSLATE_NOOP("labels.interaction", "Call"),
    "message": QT_TRANSLATE_NOOP("labels.interaction", "Message"),
    "email": QT_TRANSLATE_NOOP("labels.interaction", "E-mail"),
    "note": QT_TRANSLATE_NOOP("labels.interaction", "Note"),
}


_CHANNEL: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("labels.channel", "Phone"),
    "in_store": QT_TRANSLATE_NOOP("labels.channel", "In store"),
    "wechat": QT_TRANSLATE_NOOP("labels.channel", "WeChat"),
    "email": QT_TRANSLATE_NOOP("labels.channel", "E-mail"),
    "online_review": QT_TRANSLATE_NOOP("labels.channel", "Online review"),
    "other": QT_TRANSLATE_NOOP("labels.channel", "Other"),
}


def channel_source(value: str) -> str | None:
    return _CHANNEL.get(value)


def interaction_source(value: str) -> str | None:
    return _INTERACTION.get(value)


def complaint_status_source(value: str) -> tuple[str, str] | None:
    """(context, untranslated label) of a complaint status."""
    if value in _COMPLAINT_STATUS:
        return "labels.complaint", _COMPLAINT_STATUS[value]
    return (CONTEXT, _LABELS[value]) if value in _LABELS else None


def channel(value: str) -> str:
    text = _CHANNEL.get(value)
    return QCoreApplication.translate("labels.channel", text) if text else value


def countdown(due_ms: int | None, now_ms: int) -> str:
    """A service deadline as time left ("3 h 20 min left") or overdue ("overdue 2 h")."""
    if due_ms is None:
        return ""
    minutes = abs(due_ms - now_ms) // 60_000
    days, hours, mins = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        span = QCoreApplication.translate("labels.countdown", "%1 d %2 h").replace("%1", str(days)).replace(
            "%2", str(hours))
    elif hours:
        span = QCoreApplication.translate("labels.countdown", "%1 h %2 min").replace("%1", str(hours)).replace(
            "%2", str(mins))
    else:
        span = QCoreApplication.translate("labels.countdown", "%1 min").replace("%1", str(mins))
    if due_ms < now_ms:
        return QCoreApplication.translate("labels.countdown", "overdue %1").replace("%1", span)
    return QCoreApplication.translate("labels.countdown", "%1 left").replace("%1", span)


def interaction_kind(value: str) -> str:
    text = _INTERACTION.get(value)
    return QCoreApplication.translate("labels.interaction", text) if text else value


def label_source(value: str) -> str | None:
    """The untranslated label of a stored enum value, if it has one."""
    return _LABELS.get(value)


def label(value: str | None) -> str:
    """The translated label of a stored enum value (the value itself if it has none)."""
    if value is None:
        return ""
    text = _LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, text) if text else value


def complaint_status(value: str | None) -> str:
    text = _COMPLAINT_STATUS.get(value or "")
    return QCoreApplication.translate("labels.complaint", text) if text else label(value)


def error_text(exc: BaseException) -> str:
    """A user-facing sentence for an error, translated when it is one of ours."""
    if not isinstance(exc, CrmError) and is_disk_full(exc):
        exc = DiskFullError()  # a write outside a service transaction still reads as one sentence
    if isinstance(exc, CrmError):
        template = QCoreApplication.translate(ERRORS_CONTEXT, exc.template)
        try:
            return template.format(**exc.params)
        except (KeyError, IndexError, ValueError):
            return str(exc)
    return str(exc) or type(exc).__name__


def money(cents: int | None) -> str:
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, currency.symbol())


def date_text(value: dt.date | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.isoformat()


def timestamp_date(ms: int | None) -> str:
    return "" if ms is None else from_ms(ms).date().isoformat()


def timestamp_minutes(ms: int | None) -> str:
    return "" if ms is None else from_ms(ms).strftime("%Y-%m-%d %H:%M")
