"""Creating, editing, deleting and contacting customers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from crmdesk.domain import pinyin, search
from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import ContactInput, CustomerInput, clean_tags, validate, validate_contact
from crmdesk.domain.enums import InteractionKind
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.ids import new_uid
from crmdesk.services import audit, policy, sync_clock
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic


def _columns(data: CustomerInput) -> dict[str, Any]:
    values = validate(data)
    values["name_pinyin"], values["name_initials"] = pinyin.full_and_initials(values["name"], values["kind"] == "person")
    values["custom_fields"] = json.dumps(values["custom_fields"], ensure_ascii=False, sort_keys=True)
    values["owner"] = values.pop("owner_id")
    return values


def _search_columns(values: dict[str, Any], tags: list[str]) -> dict[str, str]:
    """The derived columns the search index reads (kept in the index by triggers)."""
    return search.customer_columns(values["name"], values["company"], values["email"], values["city"],
                                   values["phone"], values["phone_e164"], tags, values["kind"] == "person")


def refresh_search_columns(ctx: Context, customer_id: int) -> None:
    """Recompute a stored customer's pinyin and search columns from its row and tags (after
    a change made column by column: an import update, an undo, a merge)."""
    row = m.Customer.get_by_id(customer_id)
    person = row.kind == "person"
    full, initials = pinyin.full_and_initials(row.name, person)
    searchable = search.customer_columns(row.name, row.company, row.email, row.city, row.phone, row.phone_e164,
                                         tag_names(customer_id), person)
    m.Customer.update(name_pinyin=full, name_initials=initials, stamp=ctx.now(), **searchable).where(
        m.Customer.id == customer_id).execute()


def tag_names(customer_id: int) -> list[str]:
    query = (m.Tag.select(m.Tag.name).join(m.CustomerTag)
             .where((m.CustomerTag.customer == customer_id) & m.CustomerTag.deleted_at.is_null()
                    & m.Tag.deleted_at.is_null())
             .order_by(m.Tag.name))
    return [t.name for t in query]


def _set_tags(ctx: Context, customer_id: int, names: list[str]) -> None:
    """Make the customer's live tags exactly ``names`` (creating tags that do not exist yet)."""
    now = ctx.now()
    wanted: dict[int, str] = {}
    for name in names:
        tag = m.Tag.get_or_none(m.Tag.name == name)
        if tag is None:
            tag = m.Tag.create(uid=new_uid(), stamp=now, name=name)
        elif tag.deleted_at is not None:
            m.Tag.update(deleted_at=None, stamp=now).where(m.Tag.id == tag.id).execute()
        wanted[tag.id] = name
    links = {link.tag_id: link for link in m.CustomerTag.select().where(m.CustomerTag.customer == customer_id)}
    for tag_id, link in links.items():
        alive = link.deleted_at is None
        if tag_id in wanted and not alive:
            m.CustomerTag.update(deleted_at=None, stamp=now).where(
                (m.CustomerTag.customer == customer_id) & (m.CustomerTag.tag == tag_id)).execute()
        elif tag_id not in wanted and alive:
            m.CustomerTag.update(deleted_at=now, stamp=now).where(
                (m.CustomerTag.customer == customer_id) & (m.CustomerTag.tag == tag_id)).execute()
    for tag_id in wanted.keys() - links.keys():
        m.CustomerTag.create(customer=customer_id, tag=tag_id, stamp=now)
    changed = [t for t, link in links.items() if (t in wanted) != (link.deleted_at is None)]
    sync_clock.touch_links(ctx, [customer_id], [*changed, *(wanted.keys() - links.keys())])


def _save_contacts(ctx: Context, customer_id: int, contacts: list[ContactInput]) -> None:
    """Make the customer's live contacts exactly ``contacts`` (by id; new ones have none)."""
    now = ctx.now()
    rows = [(c.id, validate_contact(c)) for c in contacts]
    existing = {c.id for c in m.Contact.select(m.Contact.id).where(
        (m.Contact.customer == customer_id) & m.Contact.deleted_at.is_null())}
    kept = set()
    for contact_id, values in rows:
        if contact_id in existing:
            old = m.Contact.get_by_id(contact_id)
            fields = [k for k, v in values.items() if getattr(old, k) != v]
            if fields:
                m.Contact.update(stamp=now, **values).where(m.Contact.id == contact_id).execute()
                sync_clock.touch(ctx, m.Contact, [contact_id], fields)
            kept.add(contact_id)
        else:
            row = m.Contact.create(uid=new_uid(), stamp=now, customer=customer_id, **values)
            sync_clock.touch(ctx, m.Contact, [row.id])
    gone = existing - kept
    if gone:
        m.Contact.update(deleted_at=now, stamp=now).where(m.Contact.id.in_(list(gone))).execute()
        sync_clock.touch(ctx, m.Contact, list(gone), ["deleted_at"])


def contacts_of(customer_id: int) -> list[ContactInput]:
    query = (m.Contact.select().where((m.Contact.customer == customer_id) & m.Contact.deleted_at.is_null())
             .order_by(m.Contact.is_primary.desc(), m.Contact.id))
    return [ContactInput(name=c.name, title=c.title, phone=c.phone, email=c.email, notes=c.notes,
                         is_primary=c.is_primary, id=c.id) for c in query]




DERIVED = ("name_pinyin", "name_initials", "phone_e164")  # computed from name and phone: not news in the audit trail


def _audited(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in values.items() if k not in DERIVED}
    if out.get("custom_fields") == "{}":
        out.pop("custom_fields")
    if out.get("birth_month") is None and out.get("birthday_calendar") == "solar":
        out.pop("birthday_calendar")  # the default of a customer whose birthday is not known
    return out


def get_live(customer_id: int) -> m.Customer:
    row = m.Customer.get_or_none((m.Customer.id == customer_id) & m.Customer.deleted_at.is_null())
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "Customer {id} does not exist or was deleted."), id=customer_id
        )
    return row


def create_customer(ctx: Context, data: CustomerInput) -> tuple[int, Changes]:
    policy.require(ctx, policy.Permission.CHANGE)
    values = _columns(data)
    tags = clean_tags(data.tags)
    for contact in data.contacts:
        validate_contact(contact)  # refuse before anything is written
    now = ctx.now()
    with atomic():
        row = m.Customer.create(uid=new_uid(), stamp=now, created_at=now, **values, **_search_columns(values, tags))
        _set_tags(ctx, row.id, tags)
        _save_contacts(ctx, row.id, data.contacts)
        audit.created(ctx, row, {**_audited(values), "tags": tags})
    return row.id, Changes(customers={row.id})


@dataclass(frozen=True)
class CustomerSummary:
    """What the detail panel shows about a customer."""

    id: int
    name: str
    phone: str
    category: str
    tier: str
    stage: str
    owner: str
    order_count: int
    order_total_cents: int
    last_contact_at: int | None
    tags: list[str]
    uid: str = ""  # the record's global id (its audit history is kept by it)


def summary(customer_id: int, ctx: Context | None = None) -> CustomerSummary:
    if ctx is not None:
        policy.require_customer(ctx, customer_id, change=False)
    row = get_live(customer_id)
    owner = row.owner.display_name if row.owner_id else ""
    return CustomerSummary(row.id, row.name, row.phone, row.category, row.tier, row.stage, owner,
                           row.order_count, row.order_total_cents, row.last_contact_at, tag_names(customer_id),
                           row.uid)


def load_input(customer_id: int, ctx: Context | None = None) -> CustomerInput:
    """The stored customer as form input, for editing."""
    if ctx is not None:
        policy.require_customer(ctx, customer_id, change=False)
    row = get_live(customer_id)
    kwargs = {name: getattr(row, name) for name in CustomerInput.field_names() if name not in ("owner_id", "custom_fields")}
    return CustomerInput(owner_id=row.owner_id, custom_fields=json.loads(row.custom_fields or "{}"),
                         tags=tag_names(customer_id), contacts=contacts_of(customer_id), **kwargs)


def update_customer(ctx: Context, customer_id: int, data: CustomerInput, action: str = "update") -> Changes:
    """Save the edited customer; the audit trail gets the fields that changed (under
    ``action``: an undo or a merge says so)."""
    policy.require_customer(ctx, customer_id)
    values = _columns(data)
    tags = clean_tags(data.tags)
    for contact in data.contacts:
        validate_contact(contact)
    with atomic():
        row = get_live(customer_id)
        before = {k: getattr(row, k if k != "owner" else "owner_id") for k in values}
        diff = audit.diff(_audited(before), _audited(values))
        old_tags = tag_names(customer_id)
        if sorted(old_tags) != sorted(tags):
            diff["tags"] = [old_tags, tags]
        old_contacts = contacts_of(customer_id)
        if data.contacts != old_contacts:
            diff["contacts"] = [[c.name for c in old_contacts], [c.name for c in data.contacts]]
        if not diff:
            return Changes()
        _set_tags(ctx, customer_id, tags)
        _save_contacts(ctx, customer_id, data.contacts)
        for field in ("tier", "stage"):
            if field in diff:  # chosen by a person: re-tiering leaves it alone from now on
                values[f"{field}_manual"] = True
        searchable = _search_columns(values, tags)
        m.Customer.update(stamp=ctx.now(), **values, **searchable).where(m.Customer.id == customer_id).execute()
        audit.record(ctx, "customer", row.uid, action, diff)
    return Changes(customers={customer_id})


def delete_customers(ctx: Context, customer_ids: list[int]) -> Changes:
    """Move customers to the recycle bin (a tombstone; nothing is erased)."""
    from crmdesk.services import bulk  # the one place customers are binned, one or many

    if not customer_ids:  # an empty id list is no selection: it must not mean "everyone"
        return Changes()
    return bulk.delete(ctx, CustomerFilter(ids=tuple(customer_ids)))


def log_interaction(
    ctx: Context, customer_id: int, kind: str, summary: str, details: str = "", occurred_at: int | None = None
) -> tuple[int, Changes]:
    """Record a visit, call, message, e-mail or note; it resets the customer's contact clock."""
    policy.require_customer(ctx, customer_id)
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
            sync_clock.touch(ctx, m.Customer, [customer_id], ["last_contact_at"])
        from crmdesk.services import care  # the contact finishes the customer's "time to get in touch" task

        finished = care.contact_logged(ctx, customer_id)
    return row.id, Changes(customers={customer_id}, interactions={row.id}, reminders=finished)


