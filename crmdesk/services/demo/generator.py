"""Fill a database with realistic, reproducible demo data.

The same seed and the same clock give the same data (uids included). Rows are generated in
chunks and written with the raw driver inside one transaction, with secondary indexes rebuilt
after the load, so that a million customers take a minute or two rather than hours — and a
cancelled or failed run leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from crmdesk.domain import pinyin, search
from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import local_date
from crmdesk.domain.enums import (
    BirthdayCalendar,
    Category,
    ComplaintChannel,
    ComplaintStatus,
    CustomerKind,
    DealStatus,
    InteractionKind,
    LifecycleStage,
    ReminderKind,
    ReminderStatus,
    Role,
    Severity,
    StageKind,
    Tier,
)
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.domain.ids import seeded_uid
from crmdesk.services import first_run, setup
from crmdesk.services.context import Context
from crmdesk.services.demo import pools
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.storage import bulk
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

DAY_MS = 86_400_000
CHUNK = 10_000
MAX_CUSTOMERS = 5_000_000

CUSTOMER_COLUMNS = (
    "id", "uid", "stamp", "kind", "name", "name_pinyin", "name_initials", "gender", "company",
    "title", "phone", "phone_e164", "email", "address", "city", "source", "category", "tier",
    "tier_manual", "stage", "stage_manual", "owner_id", "birthday_calendar", "birth_year",
    "birth_month", "birth_day", "birth_leap_month", "custom_fields", "notes", "created_at",
    "last_contact_at", "first_order_on", "last_order_on", "order_count", "order_total_cents",
    "search_text", "search_pinyin", "search_digits",
)
INTERACTION_COLUMNS = ("id", "uid", "stamp", "customer_id", "kind", "occurred_at", "author_id", "summary", "details")
ORDER_COLUMNS = ("id", "uid", "stamp", "customer_id", "ordered_on", "amount_cents", "description")
TAG_COLUMNS = ("customer_id", "tag_id", "stamp")
OPPORTUNITY_COLUMNS = (
    "id", "uid", "stamp", "customer_id", "title", "stage_id", "status", "amount_cents", "probability",
    "expected_close", "owner_id", "priority", "position", "next_step", "next_step_due",
    "lost_reason_id", "created_at", "stage_entered_at", "closed_at",
)
STAGE_CHANGE_COLUMNS = ("id", "uid", "stamp", "opportunity_id", "from_stage_id", "to_stage_id", "moved_at", "user_id")
REMINDER_COLUMNS = (
    "id", "uid", "stamp", "customer_id", "kind", "title", "notes", "due_on", "status",
    "source_key", "assignee_id", "done_at", "created_at",
)
COMPLAINT_COLUMNS = (
    "id", "uid", "stamp", "customer_id", "received_at", "channel", "category_id", "severity",
    "description", "assignee_id", "status", "due_at", "resolved_at", "closed_at", "resolution",
    "compensation_cents", "root_cause", "satisfaction", "satisfaction_comment", "search_text",
)
EVENT_COLUMNS = ("id", "uid", "stamp", "complaint_id", "at", "user_id", "from_status", "to_status", "note")
TABLES = ("customer", "interaction", "sale_order", "customer_tag", "opportunity", "stage_change",
          "reminder", "complaint", "complaint_event")


@dataclass
class DemoSummary:
    customers: int = 0
    interactions: int = 0
    orders: int = 0
    opportunities: int = 0
    reminders: int = 0
    complaints: int = 0
    changes: Changes = field(default_factory=lambda: Changes(everything=True))


@dataclass
class _Setup:
    """Configuration rows the generated data refers to."""

    managers: list[int]
    open_stages: list[tuple[int, int]]  # (id, probability)
    won_stage: int
    lost_stage: int
    lost_reasons: list[int]
    categories: list[int]
    tags: dict[int, str]  # id -> name
    sla_hours: dict[str, int]


class _Ids:
    def __init__(self) -> None:
        self._next = {t: bulk.next_id(t) for t in TABLES if t != "customer_tag"}

    def take(self, table: str) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value


def has_customers() -> bool:
    return m.Customer.select().where(m.Customer.deleted_at.is_null()).exists()


def generate(
    ctx: Context, customers: int, seed: int = 1, language: str = "zh_CN", progress: Progress | None = None
) -> DemoSummary:
    """Add ``customers`` demo customers with their history, deals, care tasks and complaints."""
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of demo customers must be between 1 and {max}."),
            field="customers", max=MAX_CUSTOMERS,
        )
    progress = progress or NoProgress()
    setup.ensure_defaults(ctx, language)
    # The seed is mixed with where the ids start, so adding demo data twice gives new uids.
    first_id = bulk.next_id("customer")
    gen = _Generator(ctx, random.Random(f"{seed}:{first_id}"), progress)
    with atomic():
        gen.prepare()
        with bulk.deferred_upkeep(TABLES, customers):
            done = 0
            while done < customers:
                check(progress)
                size = min(CHUNK, customers - done)
                gen.chunk(size)
                done += size
                progress.report(done, customers)
            progress.report(customers, customers, "indexes")
        first_run.note_demo(ctx, first_id, bulk.next_id("customer") - 1, gen.made_users, gen.made_tags)
        bulk.refresh_statistics()
    return gen.summary


class _Generator:
    def __init__(self, ctx: Context, rng: random.Random, progress: Progress) -> None:
        self.ctx = ctx
        self.rng = rng
        self.progress = progress
        self.now = ctx.now()
        self.today = local_date(self.now)
        self.summary = DemoSummary()
        self.made_users: list[int] = []  # what this load adds besides customers, for removing it
        self.made_tags: list[int] = []
        self.city_weights = [c[2] for c in pools.CITIES]
        self.surname_weights = [max(1.0, 60 / (i + 1)) for i in range(len(pools.SURNAMES))]

    # -- configuration ---------------------------------------------------------------------
    def prepare(self) -> None:
        rng, now = self.rng, self.now
        managers = []
        for username, display in pools.MANAGERS:
            user = m.User.get_or_none(m.User.username == username)
            if user is None:
                user = m.User.create(uid=seeded_uid(rng), stamp=now, username=username,
                                     display_name=display, role=Role.ACCOUNT_MANAGER)
                self.made_users.append(user.id)
            managers.append(user.id)
        tags = {}
        for name in pools.TAGS:
            tag = m.Tag.get_or_none(m.Tag.name == name)
            if tag is None:
                tag = m.Tag.create(uid=seeded_uid(rng), stamp=now, name=name)
                self.made_tags.append(tag.id)
            tags[tag.id] = name
        stages = list(m.PipelineStage.select().where(m.PipelineStage.deleted_at.is_null()).order_by(m.PipelineStage.position))
        sla = setup.get_setting("sla_hours", {}) or {str(k): v for k, v in setup.DEFAULT_SLA_HOURS.items()}
        self.cfg = _Setup(
            managers=managers,
            open_stages=[(s.id, s.probability) for s in stages if s.kind == StageKind.OPEN],
            won_stage=next(s.id for s in stages if s.kind == StageKind.WON),
            lost_stage=next(s.id for s in stages if s.kind == StageKind.LOST),
            lost_reasons=[r.id for r in m.LostReason.select(m.LostReason.id)],
            categories=[c.id for c in m.ComplaintCategory.select(m.ComplaintCategory.id)],
            tags=tags,
            sla_hours={k: int(v) for k, v in sla.items()},
        )
        self.ids = _Ids()

    # -- one chunk of customers with everything hanging off them -----------------------------
    def chunk(self, size: int) -> None:
        rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
        for _ in range(size):
            self._customer(rows)
        columns = {
            "customer": CUSTOMER_COLUMNS, "interaction": INTERACTION_COLUMNS, "sale_order": ORDER_COLUMNS,
            "customer_tag": TAG_COLUMNS, "opportunity": OPPORTUNITY_COLUMNS,
            "stage_change": STAGE_CHANGE_COLUMNS, "reminder": REMINDER_COLUMNS,
            "complaint": COMPLAINT_COLUMNS, "complaint_event": EVENT_COLUMNS,
        }
        for table in TABLES:  # parents before children: the foreign keys are checked
            if rows[table]:
                bulk.insert_rows(table, columns[table], rows[table])
        s = self.summary
        s.customers += len(rows["customer"])
        s.interactions += len(rows["interaction"])
        s.orders += len(rows["sale_order"])
        s.opportunities += len(rows["opportunity"])
        s.reminders += len(rows["reminder"])
        s.complaints += len(rows["complaint"])

    def _person_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.07:
            return f"{rng.choice(pools.ENGLISH_FIRST)} {rng.choice(pools.ENGLISH_LAST)}"
        if rng.random() < 0.01:
            surname = rng.choice(pools.COMPOUND_SURNAMES)
        else:
            surname = rng.choices(pools.SURNAMES, self.surname_weights)[0]
        given = rng.choice(pools.GIVEN_CHARS)
        if rng.random() < 0.7:
            given += rng.choice(pools.GIVEN_CHARS)
        return surname + given

    def _customer(self, rows: dict[str, list[tuple]]) -> None:
        rng, now, cfg = self.rng, self.now, self.cfg
        cid = self.ids.take("customer")
        city, _province, _w, districts = rng.choices(pools.CITIES, self.city_weights)[0]
        is_company = rng.random() < 0.15
        if is_company:
            name = (city + rng.choice(pools.COMPANY_WORDS) + rng.choice(pools.COMPANY_TRADES)
                    + rng.choice(pools.COMPANY_SUFFIXES))
            contact_title = rng.choice(pools.TITLES)
            gender = ""
        else:
            name = self._person_name()
            contact_title = ""
            gender = rng.choice(("male", "female"))
        full, initials = pinyin.full_and_initials(name, not is_company)
        mobile = rng.choice(pools.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if rng.random() < 0.05:
            phone = e164 = ""
        else:
            style = rng.random()
            if style < 0.5:
                phone = mobile
            elif style < 0.8:
                phone = f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
            elif style < 0.95:
                phone = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
            else:
                phone = f"+86 {mobile}"
            e164 = "+86" + mobile
        email = ""
        if rng.random() < 0.4 and full.isascii() and full:
            email = f"{full.replace(' ', '')}{rng.randrange(1, 999)}@{rng.choice(pools.EMAIL_DOMAINS)}"
        address = f"{city}市{rng.choice(districts)}{rng.choice(pools.STREETS)}{rng.randrange(1, 999)}号"
        created_at = now - rng.randrange(1, 5 * 365) * DAY_MS - rng.randrange(DAY_MS)
        age_days = (now - created_at) // DAY_MS

        roll = rng.random()
        category = Category.POTENTIAL if roll < 0.35 else Category.EXISTING if roll < 0.9 else Category.FORMER
        orders = self._orders(rows, cid, category, created_at)
        first_on = orders[0][0] if orders else None
        last_on = orders[-1][0] if orders else None
        total = sum(o[1] for o in orders)
        last_contact = self._interactions(rows, cid, created_at)

        if category == Category.POTENTIAL:
            stage = LifecycleStage.POTENTIAL
        elif category == Category.FORMER:
            stage = LifecycleStage.CHURNED
        elif len(orders) >= 6 and last_on and (self.today - last_on).days < 120:
            stage = LifecycleStage.LOYAL
        elif age_days < 180 and len(orders) <= 2:
            stage = LifecycleStage.NEW
        else:
            stage = LifecycleStage.ACTIVE
        tier = (Tier.STRATEGIC if total >= 5_000_000 else Tier.PARTNER if total >= 1_500_000
                else Tier.VALUE if total >= 300_000 else Tier.GENERAL)
        owner = rng.choice(cfg.managers) if rng.random() < 0.8 else None

        calendar, by, bm, bd = BirthdayCalendar.SOLAR, None, None, None
        if not is_company and rng.random() < 0.7:
            by = rng.randrange(1955, 2005)
            bm = rng.randrange(1, 13)
            if rng.random() < 0.25:
                calendar, bd = BirthdayCalendar.LUNAR, rng.randrange(1, 31)
            else:
                bd = rng.randrange(1, 29) if bm == 2 else rng.randrange(1, 31)
            if calendar == BirthdayCalendar.SOLAR:
                self._birthday_reminder(rows, cid, name, bm, bd, owner)
        tag_ids = rng.sample(sorted(cfg.tags), rng.randrange(1, 3)) if rng.random() < 0.3 else []
        for tag in tag_ids:
            rows["customer_tag"].append((cid, tag, now))
        company = name if is_company else ""
        rows["customer"].append((
            cid, seeded_uid(rng), now, CustomerKind.COMPANY if is_company else CustomerKind.PERSON,
            name, full, initials, gender, company, contact_title, phone, e164, email,
            address, city, rng.choice(pools.SOURCES), str(category), str(tier), False, str(stage), False,
            owner, str(calendar), by, bm, bd, False, "{}", "", created_at, last_contact,
            first_on.isoformat() if first_on else None, last_on.isoformat() if last_on else None,
            len(orders), total,
            *search.customer_columns(name, company, email, city, phone, e164, [cfg.tags[t] for t in tag_ids],
                                     not is_company).values(),
        ))
        if rng.random() < 0.05:
            self._deal(rows, cid, owner, created_at)
        if orders and rng.random() < 0.02:
            self._complaint(rows, cid, owner)
        if rng.random() < 0.02:
            self._follow_up(rows, cid, name, owner)

    def _orders(self, rows: dict[str, list[tuple]], cid: int, category: Category, created_at: int) -> list[tuple[dt.date, int]]:
        rng = self.rng
        if category == Category.POTENTIAL:
            return []
        count = rng.randrange(1, 13) if category == Category.EXISTING else rng.randrange(1, 5)
        start = local_date(created_at)
        span = max(1, (self.today - start).days - (400 if category == Category.FORMER else 0))
        result = []
        for _ in range(count):
            day = start + dt.timedelta(days=rng.randrange(span))
            amount = int(rng.lognormvariate(11.5, 1.0)) // 100 * 100  # around ¥1,000, long tail
            result.append((day, max(amount, 1000)))
        result.sort()
        for day, amount in result:
            rows["sale_order"].append((
                self.ids.take("sale_order"), seeded_uid(rng), self.now, cid, day.isoformat(), amount,
                rng.choice(pools.PRODUCTS),
            ))
        return result

    def _interactions(self, rows: dict[str, list[tuple]], cid: int, created_at: int) -> int | None:
        rng, now = self.rng, self.now
        last = None
        kinds = InteractionKind.values()
        for _ in range(rng.randrange(0, 7)):
            at = rng.randrange(created_at, now)
            kind = rng.choice(kinds)
            rows["interaction"].append((
                self.ids.take("interaction"), seeded_uid(rng), now, cid, kind, at,
                rng.choice(self.cfg.managers), rng.choice(pools.INTERACTION_SUMMARIES[kind]), "",
            ))
            last = at if last is None or at > last else last
        return last

    def _birthday_reminder(self, rows: dict[str, list[tuple]], cid: int, name: str, month: int, day: int, owner: int | None) -> None:
        today = self.today
        try:
            this_year = dt.date(today.year, month, day)
        except ValueError:
            return
        due = this_year if this_year >= today else this_year.replace(year=today.year + 1)
        if (due - today).days > 30:
            return
        rows["reminder"].append((
            self.ids.take("reminder"), seeded_uid(self.rng), self.now, cid, ReminderKind.BIRTHDAY,
            due.isoformat(), "", due.isoformat(), ReminderStatus.OPEN, f"birthday:{cid}:{due}:0",
            owner, None, self.now,
        ))

    def _follow_up(self, rows: dict[str, list[tuple]], cid: int, name: str, owner: int | None) -> None:
        rng = self.rng
        due = self.today + dt.timedelta(days=rng.randrange(-10, 21))
        done = due < self.today and rng.random() < 0.6
        rows["reminder"].append((
            self.ids.take("reminder"), seeded_uid(rng), self.now, cid, ReminderKind.TASK,
            f"回访 {name}", "", due.isoformat(), ReminderStatus.DONE if done else ReminderStatus.OPEN,
            None, owner, self.now if done else None, self.now,
        ))

    def _deal(self, rows: dict[str, list[tuple]], cid: int, owner: int | None, created_at: int) -> None:
        rng, now, cfg = self.rng, self.now, self.cfg
        oid = self.ids.take("opportunity")
        opened = rng.randrange(max(created_at, now - 365 * DAY_MS), now)
        roll = rng.random()
        path_len = rng.randrange(1, len(cfg.open_stages) + 1)
        path = [sid for sid, _ in cfg.open_stages[:path_len]]
        status, lost_reason, closed_at = DealStatus.OPEN, None, None
        if roll < 0.15:
            path.append(cfg.won_stage)
            status = DealStatus.WON
        elif roll < 0.3:
            path.append(cfg.lost_stage)
            status, lost_reason = DealStatus.LOST, rng.choice(cfg.lost_reasons)
        moments = sorted(rng.randrange(opened, now) for _ in range(len(path) - 1))
        moments.insert(0, opened)
        if status == DealStatus.OPEN:  # a live pipeline is mostly recent: squeeze it into ~2 months
            moments = [now - (now - at) // 6 for at in moments]
            opened = moments[0]
        previous = None
        for stage_id, at in zip(path, moments):
            rows["stage_change"].append((
                self.ids.take("stage_change"), seeded_uid(rng), now, oid, previous, stage_id, at, owner,
            ))
            previous = stage_id
        if status != DealStatus.OPEN:
            closed_at = moments[-1]
        expected = local_date(now) + dt.timedelta(days=rng.randrange(-20, 120))
        next_due = self.today + dt.timedelta(days=rng.randrange(-7, 21))
        rows["opportunity"].append((
            oid, seeded_uid(rng), now, cid, rng.choice(pools.DEAL_TITLES), path[-1], status,
            rng.randrange(20, 2000) * 10_000, None, expected.isoformat(), owner, rng.randrange(0, 3) * (oid % 2),
            float(oid), "电话跟进" if status == DealStatus.OPEN else "", next_due.isoformat() if status == DealStatus.OPEN else None,
            lost_reason, opened, moments[-1], closed_at,
        ))

    def _complaint(self, rows: dict[str, list[tuple]], cid: int, owner: int | None) -> None:
        rng, now, cfg = self.rng, self.now, self.cfg
        kid = self.ids.take("complaint")
        received = now - rng.randrange(0, 180 * DAY_MS)
        severity = rng.choices(Severity.values(), (3, 6, 3, 1))[0]
        due = received + cfg.sla_hours.get(severity, 72) * 3_600_000
        flow = [ComplaintStatus.NEW, ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED]
        reached = rng.choices(range(4), (1, 2, 2, 5))[0]
        moments = sorted(rng.randrange(received, max(received + 1, min(now, received + 10 * DAY_MS))) for _ in range(reached))
        resolved_at = moments[1] if reached >= 2 else None
        closed_at = moments[2] if reached >= 3 else None
        satisfaction = rng.choices((1, 2, 3, 4, 5), (1, 1, 3, 5, 6))[0] if closed_at else None
        uid = seeded_uid(rng)  # the random draws in the order they always had
        channel, category = rng.choice(ComplaintChannel.values()), rng.choice(cfg.categories)
        text = rng.choice(pools.COMPLAINT_TEXTS)
        rows["complaint"].append((
            kid, uid, now, cid, received, channel, category, severity, text, owner,
            flow[reached], due, resolved_at, closed_at, "已与客户沟通并处理" if resolved_at else "",
            rng.choice((0, 0, 0, 5000, 10000)) if resolved_at else 0, "", satisfaction,
            "" if satisfaction is None else ("满意" if satisfaction >= 4 else "一般"), search.search_text(text),
        ))
        at_list = [received, *moments]
        for i in range(reached + 1):
            rows["complaint_event"].append((
                self.ids.take("complaint_event"), seeded_uid(rng), now, kid, at_list[i], owner,
                flow[i - 1] if i else None, flow[i], "",
            ))
