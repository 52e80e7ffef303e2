"""The care calendar's tasks: generated (birthdays, holidays, contact cadences) and made by
hand (one-off or recurring), with done, snooze and skip.

Generated tasks carry a ``source_key`` naming what produced them, so bringing the calendar up
to date is idempotent: run it twice, and the second run adds nothing. Their ``title`` holds a
value (a date, a holiday key, a number of days) that the interface turns into words in the
user's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from peewee import Expression

from crmdesk.domain import care as rules
from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import as_date, from_ms, to_ms, today
from crmdesk.domain.enums import BirthdayCalendar, ReminderKind, ReminderStatus, Tier
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services import policy, sync_clock
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.services.setup import get_setting, set_setting
from crmdesk.storage import care as queries
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic, is_sqlite

SETTINGS_KEY = "care"
PAGE = 5000
MAX_TITLE = 200
DAY_MS = 86_400_000


# -- settings ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CareSettings:
    birthday_leads: tuple[int, ...] = (rules.DEFAULT_LEAD_DAYS, 0)  # days before, 0 = on the day
    holidays: tuple[str, ...] = rules.DEFAULT_HOLIDAYS
    holiday_tiers: tuple[str, ...] = (Tier.STRATEGIC.value, Tier.PARTNER.value)
    holiday_lead: int = 2
    horizon_days: int = 31  # how far ahead generated tasks are put on the calendar


def care_settings() -> CareSettings:
    stored = get_setting(SETTINGS_KEY, {}) or {}
    known = {k: tuple(v) if isinstance(v, list) else v for k, v in stored.items()
             if k in CareSettings.__dataclass_fields__}
    return CareSettings(**known)


def save_care_settings(ctx: Context, wanted: CareSettings) -> Changes:
    policy.require(ctx, policy.Permission.SETTINGS)
    leads = tuple(sorted({rules.check_lead_days(d) for d in wanted.birthday_leads}, reverse=True))
    rules.check_lead_days(wanted.holiday_lead)
    unknown = set(wanted.holidays) - {h.key for h in rules.HOLIDAYS}
    if unknown or set(wanted.holiday_tiers) - set(Tier.values()):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="holidays", value=", ".join(sorted(unknown)) or "tier")
    if not 7 <= wanted.horizon_days <= 366:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Tasks are planned 7 to 366 days ahead."), field="horizon")
    value = replace(wanted, birthday_leads=leads)
    with atomic():
        set_setting(ctx, SETTINGS_KEY, {k: list(v) if isinstance(v, tuple) else v for k, v in value.__dict__.items()})
    return Changes(settings=True)


def cadences() -> dict[str, int | None]:
    """Contact every N days, per tier (None: no cadence)."""
    rows = {r.tier: (r.days if r.active else None) for r in m.CadenceRule.select().where(m.CadenceRule.deleted_at.is_null())}
    return {tier: rows.get(tier) for tier in Tier.values()}


def save_cadences(ctx: Context, wanted: dict[str, int | None]) -> Changes:
    policy.require(ctx, policy.Permission.SETTINGS)
    now = ctx.now()
    with atomic():
        for tier in Tier.values():
            days = rules.check_cadence(wanted.get(tier))
            row = m.CadenceRule.get_or_none(m.CadenceRule.tier == tier)
            if row is None:
                m.CadenceRule.create(uid=new_uid(), stamp=now, tier=tier, days=days or 30, active=days is not None)
            else:
                m.CadenceRule.update(days=days or row.days, active=days is not None, deleted_at=None,
                                     stamp=now).where(m.CadenceRule.id == row.id).execute()
    return Changes(settings=True)


# -- generating -------------------------------------------------------------------------------
def yearly_in(calendar: str, start: dt.date, until: dt.date) -> dict[tuple[int, int, bool], list[dt.date]]:
    """Every yearly (month, day, leap) date of the calendar that falls in [start, until), with
    the solar days it falls on — worked out once for the window, then matched in SQL."""
    out: dict[tuple[int, int, bool], list[dt.date]] = {}
    leaps = (False, True) if calendar == BirthdayCalendar.LUNAR else (False,)
    for month in range(1, 13):
        for day in range(1, 31 if calendar == BirthdayCalendar.LUNAR else 32):
            for leap in leaps:
                if calendar != BirthdayCalendar.LUNAR:
                    try:
                        dt.date(2000, month, day)
                    except ValueError:
                        continue
                moment = start
                while moment < until:
                    found = rules.next_yearly(calendar, month, day, leap, moment)
                    if found is None or found >= until:
                        break
                    out.setdefault((month, day, leap), []).append(found)
                    moment = found + dt.timedelta(days=1)
    return out


def _row(ctx: Context, kind: str, key: str, customer_id: int, owner: int | None, title: str, due: dt.date,
         now: int) -> dict[str, Any]:
    return dict(uid=new_uid(), stamp=now, customer=customer_id, kind=kind, title=title, notes="", due_on=due,
                status=ReminderStatus.OPEN.value, source_key=key, assignee=owner, created_at=now)


def _birthdays(ctx: Context, settings: CareSettings, day: dt.date, progress: Progress) -> int:
    now, added = ctx.now(), 0
    lead = max(settings.birthday_leads, default=0)
    until = day + dt.timedelta(days=settings.horizon_days + lead)
    for calendar in (BirthdayCalendar.SOLAR.value, BirthdayCalendar.LUNAR.value):
        check(progress)
        dates = yearly_in(calendar, day, until)
        if is_sqlite():
            window = [(calendar, month, mday, leap, birthday, lead, birthday - dt.timedelta(days=lead))
                      for (month, mday, leap), found in dates.items() for birthday in found
                      for lead in settings.birthday_leads
                      if day <= birthday - dt.timedelta(days=lead) < day + dt.timedelta(days=settings.horizon_days)]
            with atomic():
                added += queries.insert_birthday_tasks_sqlite(window, now)
            continue
        rows = []
        for cid, month, mday, leap, owner, _name in queries.customers_with_birthdays(calendar, dates):
            for birthday in dates.get((month, mday, bool(leap) if calendar == "lunar" else False), []):
                for days in settings.birthday_leads:
                    due = birthday - dt.timedelta(days=days)
                    if day <= due < day + dt.timedelta(days=settings.horizon_days):
                        rows.append(_row(ctx, ReminderKind.BIRTHDAY, f"birthday:{cid}:{birthday}:{days}", cid,
                                         owner, birthday.isoformat(), due, now))
        with atomic():
            added += queries.insert_tasks(rows)
    return added


def _anniversaries(ctx: Context, settings: CareSettings, day: dt.date, progress: Progress) -> int:
    """The yearly day of each customer's first purchase, on the day itself."""
    now, added = ctx.now(), 0
    until = day + dt.timedelta(days=settings.horizon_days)
    window = [day + dt.timedelta(days=i) for i in range((until - day).days)]
    by_month_day: dict[str, list[dt.date]] = {}
    for date in window:
        by_month_day.setdefault(date.strftime("%m-%d"), []).append(date)
        if date.month == 2 and date.day == 28 and not rules.is_leap_year(date.year):
            by_month_day.setdefault("02-29", []).append(date)  # a 29 February first order, in common years
    check(progress)
    if is_sqlite():
        with atomic():
            return queries.insert_anniversary_tasks_sqlite(
                [(md, date) for md, dates in by_month_day.items() for date in dates], now)
    rows = []
    for cid, first, owner in queries.customers_with_first_orders_on(by_month_day):
        first = as_date(first)
        for date in by_month_day.get(first.strftime("%m-%d"), []):
            years = date.year - first.year
            if years >= 1:
                rows.append(_row(ctx, ReminderKind.ANNIVERSARY, f"anniversary:{cid}:{date}", cid, owner,
                                 f"{first.isoformat()}:{years}", date, now))
    with atomic():
        added += queries.insert_tasks(rows)
    return added


ID_RANGE = 100_000  # customers per transaction of the set-based generation


def _ranges() -> list[tuple[int, int]]:
    low, high = queries.id_bounds()
    return [(start, start + ID_RANGE) for start in range(low, high + 1, ID_RANGE)] if high else []


def _holiday_dates(settings: CareSettings, day: dt.date) -> list[tuple[rules.Holiday, dt.date]]:
    until = day + dt.timedelta(days=settings.horizon_days + settings.holiday_lead)
    return [(h, d) for h, d in rules.holiday_dates(settings.holidays, day, until)
            if day <= d - dt.timedelta(days=settings.holiday_lead) < day + dt.timedelta(days=settings.horizon_days)]


def _holidays(ctx: Context, settings: CareSettings, day: dt.date, progress: Progress) -> int:
    now, added = ctx.now(), 0
    found = _holiday_dates(settings, day)
    if not found or not settings.holiday_tiers:
        return 0
    if is_sqlite():
        for low, high in _ranges():
            check(progress)
            with atomic():
                for holiday, date in found:
                    added += queries.insert_holiday_tasks_sqlite(
                        holiday.key, date, date - dt.timedelta(days=settings.holiday_lead),
                        list(settings.holiday_tiers), now, low, high)
        return added
    after = 0
    while True:
        check(progress)
        page = queries.customers_of_tiers(settings.holiday_tiers, after, PAGE)
        if not page:
            return added
        rows = [_row(ctx, ReminderKind.HOLIDAY, f"holiday:{holiday.key}:{date}:{cid}", cid, owner, holiday.key,
                     date - dt.timedelta(days=settings.holiday_lead), now)
                for cid, owner, _name in page for holiday, date in found]
        with atomic():
            added += queries.insert_tasks(rows)
        after = page[-1][0]


def _cutoff(day: dt.date, days: int) -> int:
    """Last in touch before this moment: due for contact by the end of ``day``."""
    return to_ms(dt.datetime.combine(day - dt.timedelta(days=days) + dt.timedelta(days=1), dt.time(0)))


def _cadences(ctx: Context, day: dt.date, progress: Progress) -> int:
    now, added = ctx.now(), 0
    rules_by_tier = [(tier, days) for tier, days in cadences().items() if days is not None]
    if is_sqlite():
        for low, high in _ranges():
            check(progress)
            with atomic():  # short transactions: the app's own saves never wait long
                for tier, days in rules_by_tier:
                    added += queries.insert_cadence_tasks_sqlite(tier, days, _cutoff(day, days), day, now, low, high)
        return added
    for tier, days in rules_by_tier:
        after = 0
        while True:
            check(progress)
            page = queries.customers_due_for_contact(tier, _cutoff(day, days), after, PAGE)
            if not page:
                break
            rows = []
            for cid, owner, _name, basis in page:
                due = from_ms(basis).date() + dt.timedelta(days=days)  # overdue ones show as overdue
                rows.append(_row(ctx, ReminderKind.CADENCE, f"cadence:{cid}:{due}", cid, owner, str(days), due, now))
            with atomic():
                added += queries.insert_tasks(rows)
            after = page[-1][0]
    return added


def bring_up_to_date(ctx: Context, progress: Progress | None = None) -> tuple[int, Changes]:
    """Put the coming birthdays, holiday greetings and due contacts on the calendar, and finish
    contact tasks that a newer contact has made moot. Idempotent (an interrupted run is simply
    finished by the next); returns how many tasks were added. Short transactions, in ranges of
    customers, so that the app's own saves never wait long."""
    progress = progress or NoProgress()
    day = today(ctx.clock)
    settings = care_settings()
    with atomic():
        closed = queries.close_stale_cadence_tasks(ctx.now(), ctx.now())
    added = _birthdays(ctx, settings, day, progress)
    added += _anniversaries(ctx, settings, day, progress)
    added += _holidays(ctx, settings, day, progress)
    added += _cadences(ctx, day, progress)
    # Too many to list: id 0 (never a row's) says "care tasks changed" to the views that show them.
    changes = Changes(reminders={0}) if added or closed else Changes()
    return added, changes


def contact_logged(ctx: Context, customer_id: int) -> set[int]:
    """A contact with the customer finishes their open contact-cadence task."""
    return set(queries.close_cadence_of(customer_id, ctx.now(), ctx.now()))


# -- tasks by hand ----------------------------------------------------------------------------
FREQUENCIES = ("daily", "weekly", "monthly", "yearly")


@dataclass(frozen=True)
class Recurrence:
    """Every ``interval`` days/weeks/months/years, optionally on given weekdays (0 = Monday),
    until a date or for a number of times."""

    frequency: str
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    until: dt.date | None = None
    count: int | None = None

    def rule(self) -> str:
        parts = [f"FREQ={self.frequency.upper()}", f"INTERVAL={self.interval}"]
        if self.weekdays:
            parts.append("BYDAY=" + ",".join(("MO", "TU", "WE", "TH", "FR", "SA", "SU")[d] for d in self.weekdays))
        if self.until is not None:
            parts.append(f"UNTIL={self.until.strftime('%Y%m%d')}")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    @classmethod
    def parse(cls, rule: str) -> Recurrence:
        values = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
        days = tuple(("MO", "TU", "WE", "TH", "FR", "SA", "SU").index(d) for d in values.get("BYDAY", "").split(",") if d)
        until = dt.datetime.strptime(values["UNTIL"][:8], "%Y%m%d").date() if "UNTIL" in values else None
        return cls(values["FREQ"].lower(), int(values.get("INTERVAL", 1)), days, until,
                   int(values["COUNT"]) if "COUNT" in values else None)


def check_recurrence(rec: Recurrence, start: dt.date) -> Recurrence:
    if rec.frequency not in FREQUENCIES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="frequency", value=rec.frequency)
    if not 1 <= rec.interval <= 999:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Repeat every 1 to 999 periods."), field="interval")
    if any(not 0 <= d <= 6 for d in rec.weekdays):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown weekday."), field="weekdays")
    if rec.until is not None and rec.until < start:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The repetition ends before it starts."), field="until")
    if rec.count is not None and not 1 <= rec.count <= 10_000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Repeat 1 to 10,000 times."), field="count")
    return rec


def occurrences_after(rule: str, first: dt.date, after: dt.date, limit: int = 1) -> list[dt.date]:
    """The next ``limit`` dates of a series that started on ``first``, strictly after ``after``."""
    from dateutil.rrule import rrulestr

    series = rrulestr(rule, dtstart=dt.datetime.combine(first, dt.time(0)))
    out, moment = [], dt.datetime.combine(after, dt.time(0))
    while len(out) < limit:
        found = series.after(moment)
        if found is None:
            break
        out.append(found.date())
        moment = found
    return out


@dataclass
class TaskInput:
    title: str
    due_on: dt.date
    customer_id: int | None = None
    kind: str = ReminderKind.TASK.value
    due_time: dt.time | None = None
    notes: str = ""
    assignee_id: int | None = None
    recurrence: Recurrence | None = None


def _validate(data: TaskInput) -> TaskInput:
    title = " ".join(data.title.split())
    if not title:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say what is to be done."), field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A task's title is at most {limit} characters."),
                              field="title", limit=MAX_TITLE)
    if data.kind not in ReminderKind.values():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="kind", value=data.kind)
    if data.recurrence is not None:
        check_recurrence(data.recurrence, data.due_on)
    return replace(data, title=title, notes=data.notes.strip())


def _columns(data: TaskInput) -> dict[str, Any]:
    return dict(title=data.title, notes=data.notes, due_on=data.due_on, kind=data.kind,
                due_time=data.due_time.strftime("%H:%M") if data.due_time else None,
                customer=data.customer_id, assignee=data.assignee_id,
                recurrence=data.recurrence.rule() if data.recurrence else None)


def create_task(ctx: Context, data: TaskInput) -> tuple[int, Changes]:
    policy.require_customer(ctx, data.customer_id)
    data = _validate(data)
    now = ctx.now()
    with atomic():
        if data.customer_id is not None:
            from crmdesk.services.customers import get_live

            get_live(data.customer_id)
        series = new_uid() if data.recurrence else None
        row = m.Reminder.create(uid=new_uid(), stamp=now, status=ReminderStatus.OPEN.value, series_uid=series,
                                source_key=f"series:{series}:{data.due_on}" if series else None, created_at=now,
                                **_columns(data))
    return row.id, Changes(reminders={row.id}, customers={data.customer_id} if data.customer_id else set())


def _live(task_id: int) -> m.Reminder:
    row = m.Reminder.get_or_none((m.Reminder.id == task_id) & m.Reminder.deleted_at.is_null())
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That task does not exist or was deleted."))
    return row


def _continue_series(ctx: Context, row: m.Reminder) -> int | None:
    """After an occurrence is done or skipped, the series' next one (if any) goes on the calendar."""
    if not row.recurrence or not row.series_uid:
        return None
    first = _key_day(queries.series_first_key(row.series_uid)) or as_date(row.due_on)
    scheduled = _key_day(row.source_key) or as_date(row.due_on)  # its day by the rule, even if moved
    following = occurrences_after(row.recurrence, first, scheduled)
    if not following:
        return None
    nxt = following[0]
    key = f"series:{row.series_uid}:{nxt}"
    now = ctx.now()
    queries.insert_tasks([dict(uid=new_uid(), stamp=now, customer=row.customer_id, kind=row.kind, title=row.title,
                               notes=row.notes, due_on=nxt, due_time=row.due_time, status=ReminderStatus.OPEN.value,
                               recurrence=row.recurrence, series_uid=row.series_uid, source_key=key,
                               assignee=row.assignee_id, created_at=now)])
    found = m.Reminder.get_or_none(m.Reminder.source_key == key)
    return found.id if found else None


def _next_contact(ctx: Context, row: m.Reminder) -> int | None:
    """A contact task finished (or skipped) without a logged contact: the cadence starts again
    from today, with the next task due a cadence from now."""
    if row.kind != ReminderKind.CADENCE.value or not row.customer_id or not str(row.title).isdigit():
        return None
    due = today(ctx.clock) + dt.timedelta(days=int(row.title))
    key = f"cadence:{row.customer_id}:{due}"
    queries.insert_tasks([_row(ctx, ReminderKind.CADENCE, key, row.customer_id, row.assignee_id, row.title, due,
                               ctx.now())])
    found = m.Reminder.get_or_none(m.Reminder.source_key == key)
    return found.id if found else None


def _key_day(key: str | None) -> dt.date | None:
    """The day in an occurrence key "series:<uid>:<YYYY-MM-DD>"."""
    try:
        return dt.date.fromisoformat(key.rsplit(":", 1)[1]) if key else None
    except ValueError:
        return None


def _finish(ctx: Context, task_id: int, status: str) -> Changes:
    policy.require_record(ctx, m.Reminder, task_id)
    with atomic():
        row = _live(task_id)
        if row.status != ReminderStatus.OPEN:
            return Changes()
        now = ctx.now()
        m.Reminder.update(status=status, done_at=now, stamp=now).where(m.Reminder.id == task_id).execute()
        sync_clock.touch(ctx, m.Reminder, [task_id], ["status", "done_at"])
        following = _continue_series(ctx, row) or _next_contact(ctx, row)
    ids = {task_id} | ({following} if following else set())
    return Changes(reminders=ids, customers={row.customer_id} if row.customer_id else set())


def mark_done(ctx: Context, task_id: int) -> Changes:
    return _finish(ctx, task_id, ReminderStatus.DONE.value)


def skip(ctx: Context, task_id: int) -> Changes:
    """Skip this occurrence (a recurring task goes on with the next one)."""
    return _finish(ctx, task_id, ReminderStatus.SKIPPED.value)


SNOOZE_FOR = {"1h": 3_600_000, "3h": 3 * 3_600_000}  # presets that put a task off by a duration


def snooze(ctx: Context, task_id: int, until_ms: int) -> Changes:
    """Put the task off to a later moment: it moves to that day and is announced again then."""
    policy.require_record(ctx, m.Reminder, task_id)
    if until_ms <= ctx.now():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Snooze to a moment in the future."), field="until")
    moment = from_ms(until_ms)
    with atomic():
        row = _live(task_id)
        m.Reminder.update(snoozed_until=until_ms, due_on=moment.date(), due_time=moment.strftime("%H:%M"),
                          notified_at=None, stamp=ctx.now()).where(m.Reminder.id == task_id).execute()
        sync_clock.touch(ctx, m.Reminder, [task_id], ["snoozed_until", "due_on", "due_time", "notified_at"])
    return Changes(reminders={task_id}, customers={row.customer_id} if row.customer_id else set())


def snooze_preset(ctx: Context, task_id: int, preset: str) -> Changes:
    now = from_ms(ctx.now())
    if preset == "tomorrow":
        target = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(9, 0))
    elif preset == "next_week":
        target = dt.datetime.combine(now.date() + dt.timedelta(days=7 - now.weekday()), dt.time(9, 0))
    elif preset in SNOOZE_FOR:
        return snooze(ctx, task_id, ctx.now() + SNOOZE_FOR[preset])
    else:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="preset", value=preset)
    return snooze(ctx, task_id, to_ms(target))


def load_task(task_id: int) -> TaskInput:
    row = _live(task_id)
    due = as_date(row.due_on)
    return TaskInput(row.title, due, row.customer_id, row.kind,
                     dt.time.fromisoformat(row.due_time) if row.due_time else None, row.notes, row.assignee_id,
                     Recurrence.parse(row.recurrence) if row.recurrence else None)


def update_task(ctx: Context, task_id: int, data: TaskInput, whole_series: bool = False) -> Changes:
    """Edit this occurrence, or (``whole_series``) the series from this occurrence on."""
    policy.require_record(ctx, m.Reminder, task_id)
    policy.require_customer(ctx, data.customer_id)
    data = _validate(data)
    now = ctx.now()
    with atomic():
        row = _live(task_id)
        values = _columns(data)
        if row.series_uid and not whole_series:
            values["recurrence"] = row.recurrence  # this one only: the series keeps its rule
        m.Reminder.update(stamp=now, **values).where(m.Reminder.id == task_id).execute()
        sync_clock.touch(ctx, m.Reminder, [task_id], [k for k, v in values.items() if str(row.__data__.get(k)) != str(v)])
        ids = {task_id}
        if row.series_uid and whole_series:
            others = m.Reminder.select(m.Reminder.id).where(
                (m.Reminder.series_uid == row.series_uid) & (m.Reminder.status == "open")
                & (m.Reminder.id != task_id) & m.Reminder.deleted_at.is_null())
            ids |= {r.id for r in others}
            shared = {k: v for k, v in values.items() if k not in ("due_on",)}
            m.Reminder.update(stamp=now, **shared).where(m.Reminder.id.in_(list(ids - {task_id}))).execute()
            sync_clock.touch(ctx, m.Reminder, list(ids - {task_id}), list(shared))
    return Changes(reminders=ids, customers={c for c in (row.customer_id, data.customer_id) if c})


def delete_task(ctx: Context, task_id: int, whole_series: bool = False) -> Changes:
    policy.require_record(ctx, m.Reminder, task_id)
    now = ctx.now()
    with atomic():
        row = _live(task_id)
        where = m.Reminder.id == task_id
        if whole_series and row.series_uid:
            where = (m.Reminder.series_uid == row.series_uid) & (m.Reminder.status == "open")
        binned = [r.id for r in m.Reminder.select(m.Reminder.id).where(where & m.Reminder.deleted_at.is_null())]
        m.Reminder.update(deleted_at=now, stamp=now).where(m.Reminder.id.in_(binned)).execute()
        sync_clock.touch(ctx, m.Reminder, binned, ["deleted_at"])
        following = None if whole_series or row.status != ReminderStatus.OPEN else _continue_series(ctx, row)
    ids = {task_id} | ({following} if following else set())
    return Changes(reminders=ids, customers={row.customer_id} if row.customer_id else set())


# -- reading ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Task:
    id: int
    stamp: int
    customer_id: int | None
    customer: str
    kind: str
    title: str
    notes: str
    due_on: dt.date
    due_time: str | None
    status: str
    recurrence: str | None
    series_uid: str | None
    snoozed_until: int | None
    done_at: int | None
    assignee: str
    uid: str
    overdue: bool = False


def _scope(ctx: Context) -> Expression | None:
    """Tasks of customers ``ctx`` may see, and tasks of no customer."""
    return policy.related_scope(ctx, m.Reminder.customer, optional=True)


def _task(row: tuple, day: dt.date) -> Task:
    values = dict(zip(queries.TASK_FIELDS, row, strict=True))
    values["due_on"] = as_date(values["due_on"])
    values["customer"] = values["customer"] or ""
    values["assignee"] = values["assignee"] or ""
    return Task(**values, overdue=values["status"] == "open" and values["due_on"] < day)


def tasks(ctx: Context, start: dt.date | None, until: dt.date | None, kinds: tuple[str, ...] = (),
          customer_id: int | None = None, after: tuple | None = None, limit: int = 200) -> list[Task]:
    day = today(ctx.clock)
    return [_task(r, day) for r in queries.tasks(start, until, kinds, customer_id, after, limit, _scope(ctx))]


def task(ctx: Context, task_id: int) -> Task | None:
    row = queries.task(task_id, _scope(ctx))
    return None if row is None else _task(row, today(ctx.clock))


def month_counts(first: dt.date, until: dt.date, kinds: tuple[str, ...] = (),
                 ctx: Context | None = None) -> dict[dt.date, dict[str, int]]:
    """Open tasks per day and kind, for the month view (of the customers ``ctx`` may see)."""
    out: dict[dt.date, dict[str, int]] = {}
    for day, kind, n in queries.day_counts(first, until, kinds, None if ctx is None else _scope(ctx)):
        out.setdefault(as_date(day), {})[kind] = n
    return out


OVERDUE_CAP = 1000


def overdue_count(ctx: Context) -> int:
    """How many open tasks are past their day, up to :data:`OVERDUE_CAP` (then "1,000+")."""
    return queries.overdue_count(today(ctx.clock), OVERDUE_CAP, _scope(ctx))


def due_announcements(ctx: Context, limit: int = 20) -> list[tuple[int, str, str]]:
    """Tasks due by now not yet announced (each is announced once): (id, title, customer)."""
    moment = from_ms(ctx.now())
    return queries.due_unnotified(moment.date(), moment.strftime("%H:%M"), ctx.now(), limit, _scope(ctx))


def mark_announced(ctx: Context, ids: list[int]) -> None:
    with atomic():
        queries.mark_notified(ids, ctx.now())


def mark_all_announced(ctx: Context) -> int:
    moment = from_ms(ctx.now())
    with atomic():
        return queries.mark_all_due_notified(moment.date(), moment.strftime("%H:%M"), ctx.now())
