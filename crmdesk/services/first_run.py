"""The first start on an empty book, and demo data that can be taken out again in one step.

The welcome asks for the business's name, the language and the currency; the defaults made
when the database was created (stage names, lost reasons, complaint categories, the owner's
name) follow the chosen language as long as nobody renamed them. Demo loads note which
customers and which helper rows (account managers, tags) they made, so that
:func:`remove_demo` can erase exactly those, with everything hanging off the customers.
"""

from __future__ import annotations

from crmdesk.domain import currency
from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.services import setup
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

WELCOME_KEY = "welcome_done"
DEMO_KEY = "demo_data"  # {"ranges": [[first id, last id], ...], "users": [ids], "tags": [ids]}
MAX_NAME = 100
CHUNK = 2_000


def needs_welcome() -> bool:
    """A book nobody has started yet: never welcomed, and no customer ever stored."""
    return setup.get_setting(WELCOME_KEY) is None and not m.Customer.select().exists()


def welcome(ctx: Context, business_name: str, language: str, currency_code: str) -> Changes:
    """Keep the answers of the welcome (checked first: nothing is stored if one is wrong)."""
    with atomic():
        changes = set_business(ctx, business_name, currency_code)
        changes.merge(relabel_defaults(ctx, language))
        setup.set_setting(ctx, WELCOME_KEY, True)
    return changes


def set_business(ctx: Context, business_name: str, currency_code: str) -> Changes:
    """The business's name (for the reports' headers) and currency, both checked first."""
    policy.require(ctx, policy.Permission.SETTINGS)
    name = " ".join(business_name.split())
    if len(name) > MAX_NAME:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The business name can be at most {max} characters long."),
                              field="business_name", max=MAX_NAME)
    currency.check(currency_code)
    with atomic():
        changes = setup.set_setting(ctx, "business_name", name)
        changes.merge(setup.set_currency(ctx, currency_code))
    return changes


def relabel_defaults(ctx: Context, language: str) -> Changes:
    """Give the untouched default names the words of ``language``."""
    zh = language.startswith("zh")
    now = ctx.now()
    tables = ((m.PipelineStage, [(s[0], s[1]) for s in setup.DEFAULT_STAGES]),
              (m.LostReason, setup.DEFAULT_LOST_REASONS), (m.ComplaintCategory, setup.DEFAULT_COMPLAINT_CATEGORIES))
    with atomic():
        for model, pairs in tables:
            for pair in pairs:
                old, new = (pair[1], pair[0]) if zh else pair
                model.update(name=new, stamp=now).where((model.name == old) & model.deleted_at.is_null()).execute()
        old, new = ("Owner", "店主") if zh else ("店主", "Owner")
        m.User.update(display_name=new, stamp=now).where(
            (m.User.username == "owner") & (m.User.display_name == old)).execute()
    return Changes(settings=True, everything=True)


def note_demo(ctx: Context, first_id: int, last_id: int, user_ids: list[int], tag_ids: list[int]) -> None:
    """Remember what a demo load made (call in its transaction)."""
    found = demo_data()
    found["ranges"].append([first_id, last_id])
    found["users"] = sorted(set(found["users"]) | set(user_ids))
    found["tags"] = sorted(set(found["tags"]) | set(tag_ids))
    setup.set_setting(ctx, DEMO_KEY, found)


def demo_data() -> dict[str, list]:
    found = setup.get_setting(DEMO_KEY) or {}
    return {"ranges": list(found.get("ranges", [])), "users": list(found.get("users", [])),
            "tags": list(found.get("tags", []))}


def has_demo() -> bool:
    return bool(demo_data()["ranges"])


def remove_demo(ctx: Context, progress: Progress | None = None) -> Changes:
    """Erase the demo customers with everything that hangs off them (orders, deals, care
    tasks, complaints, history), and the account managers and tags the demo made that
    nothing else uses. One transaction: cancelled or failed, nothing is gone."""
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    progress = progress or NoProgress()
    found = demo_data()
    chunks = [(low, min(low + CHUNK - 1, high)) for first, high in found["ranges"]
              for low in range(first, high + 1, CHUNK)]
    with atomic():
        for done, (low, high) in enumerate(chunks):
            check(progress)
            customers = m.Customer.select(m.Customer.uid).where(m.Customer.id.between(low, high))
            m.AuditEntry.delete().where(m.AuditEntry.record_uid.in_(customers)).execute()
            m.Customer.delete().where(m.Customer.id.between(low, high)).execute()  # the rest cascades
            progress.report(done + 1, len(chunks))
        if found["users"]:
            m.User.delete().where(m.User.id.in_(found["users"]) & m.User.id.not_in(
                m.Customer.select(m.Customer.owner).where(m.Customer.owner.is_null(False)))).execute()
        if found["tags"]:
            m.Tag.delete().where(m.Tag.id.in_(found["tags"]) & m.Tag.id.not_in(
                m.CustomerTag.select(m.CustomerTag.tag))).execute()
        setup.set_setting(ctx, DEMO_KEY, {})
    return Changes(everything=True)
