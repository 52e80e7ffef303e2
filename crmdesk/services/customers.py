"""Creating, editing, deleting and contacting customers."""

from __future__ import annotations

import json
from typing import Any

from crmdesk.domain import pinyin, search
from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput, validate
from crmdesk.domain.enums import InteractionKind
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic


def _columns(data: CustomerInput) -> dict[str, Any]:
    values = validate(data)
    values["name_pinyin"], values["name_initials"] = pinyin.full_and_initials(values["name"])
    values["custom_fields"] = json.dumps(values["custom_fields"], ensure_ascii=False, sort_keys=True)
    values["owner"] = values.pop("owner_id")
    return values


def _search_columns(values: dict[str, Any], tags: list[str]) -> dict[str, str]:
    """The derived columns the search index reads (kept in the index by triggers)."""
    return {
        "search_text": search.search_text(values["name"], values["company"], values["email"], values["city"], *tags),
        "search_pinyin": search.pinyin_text(values["name"], values["company"]),
        "search_digits": search.phone_digits(values["phone"], values["phone_e164"]),
    }


def tag_names(customer_id: int) -> list[str]:
    query = (m.Tag.select(m.Tag.name).join(m.CustomerTag)
             .where((m.CustomerTag.customer == customer_id) & m.CustomerTag.deleted_at.is_null()
                    & m.Tag.deleted_at.is_null())
             .order_by(m.Tag.name))
    return [t.name for t in query]


def refresh_search(customer_ids: list[int]) -> None:
    """Recompute the search columns of customers (after their tags or contacts changed)."""
    for row in m.Customer.select().where(m.Customer.id.in_(customer_ids)):
        values = {f: getattr(row, f) for f in ("name", "company", "email", "city", "phone", "phone_e164")}
        m.Customer.update(**_search_columns(values, tag_names(row.id))).where(m.Customer.id == row.id).execute()


def _audit(ctx: Context, record: m.Synced, action: str, changes: dict[str, Any]) -> None:
    m.AuditEntry.create(
        at=ctx.now(),
        user=ctx.user_id,
        table_name=record._meta.table_name,
        record_uid=record.uid,
        action=action,
        changes=json.dumps(changes, ensure_ascii=False, default=str),
    )


def get_live(customer_id: int) -> m.Customer:
    row = m.Customer.get_or_none((m.Customer.id == customer_id) & m.Customer.deleted_at.is_null())
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Customer {id} does not exist or was deleted."), id=customer_id
        )
    return row


def create_customer(ctx: Context, data: CustomerInput) -> tuple[int, Changes]:
    values = _columns(data)
    now = ctx.now()
    with atomic():
        row = m.Customer.create(uid=new_uid(), stamp=now, created_at=now, **values, **_search_columns(values, []))
        _audit(ctx, row, "create", {k: [None, v] for k, v in values.items() if v not in ("", None, False)})
    return row.id, Changes(customers={row.id})


def load_input(customer_id: int) -> CustomerInput:
    """The stored customer as form input, for editing."""
    row = get_live(customer_id)
    kwargs = {name: getattr(row, name) for name in CustomerInput.field_names() if name not in ("owner_id", "custom_fields")}
    return CustomerInput(owner_id=row.owner_id, custom_fields=json.loads(row.custom_fields or "{}"), **kwargs)


def update_customer(ctx: Context, customer_id: int, data: CustomerInput) -> Changes:
    values = _columns(data)
    with atomic():
        row = get_live(customer_id)
        before = {k: getattr(row, k if k != "owner" else "owner_id") for k in values}
        diff = {k: [before[k], v] for k, v in values.items() if before[k] != v}
        if not diff:
            return Changes()
        searchable = _search_columns(values, tag_names(customer_id))
        m.Customer.update(stamp=ctx.now(), **values, **searchable).where(m.Customer.id == customer_id).execute()
        _audit(ctx, row, "update", diff)
    return Changes(customers={customer_id})


def delete_customers(ctx: Context, customer_ids: list[int]) -> Changes:
    """Move customers to the recycle bin (a tombstone; nothing is erased)."""
    now = ctx.now()
    with atomic():
        rows = list(m.Customer.select().where(m.Customer.id.in_(customer_ids) & m.Customer.deleted_at.is_null()))
        m.Customer.update(deleted_at=now, stamp=now).where(m.Customer.id.in_([r.id for r in rows])).execute()
        for row in rows:
            _audit(ctx, row, "delete", {})
    return Changes(customers={r.id for r in rows})


def log_interaction(
    ctx: Context, customer_id: int, kind: str, summary: str, details: str = "", occurred_at: int | None = None
) -> tuple[int, Changes]:
    """Record a visit, call, message, e-mail or note; it resets the customer's contact clock."""
    if kind not in InteractionKind.values():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a kind of contact."), field="kind", value=kind)
    summary = summary.strip()
    if not summary:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say in a few words what happened."), field="summary")
    at = occurred_at if occurred_at is not None else ctx.now()
    with atomic():
        customer = get_live(customer_id)
        row = m.Interaction.create(
            uid=new_uid(), stamp=ctx.now(), customer=customer, kind=kind, occurred_at=at,
            author=ctx.user_id, summary=summary, details=details.strip(),
        )
        if customer.last_contact_at is None or at > customer.last_contact_at:
            m.Customer.update(last_contact_at=at, stamp=ctx.now()).where(m.Customer.id == customer_id).execute()
    return row.id, Changes(customers={customer_id}, interactions={row.id})


