"""Care-task queries: who is due (birthdays, holidays, contact cadences), inserting the tasks
idempotently in batches, counts per day for the month view, and the task lists."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Iterator
from functools import reduce

from peewee import JOIN, SQL, Expression, Tuple, fn

from crmdesk.domain.ids import batch_uid_prefix
from crmdesk.storage import engine
from crmdesk.storage import models as m

BATCH = 5000
Owner = m.User.alias("owner")

TASK_FIELDS = ("id", "stamp", "customer_id", "customer", "kind", "title", "notes", "due_on", "due_time", "status",
               "recurrence", "series_uid", "snoozed_until", "done_at", "assignee", "uid")


def customers_with_birthdays(calendar: str, dates: Iterable[tuple[int, int, bool]]) -> list[tuple]:
    """Live customers whose birthday (month, day, leap) is one of ``dates`` (the few weeks
    ahead: a small share of the book, read in one go through the birthday index):
    (id, month, day, leap, owner id, name)."""
    c = m.Customer
    wanted = sorted(set(dates))
    if not wanted:
        return []
    groups: dict[tuple[int, bool], list[int]] = {}
    for month, day, leap in wanted:
        groups.setdefault((month, bool(leap)), []).append(day)
    matches = []
    for (month, leap), days in groups.items():
        match = (c.birth_month == month) & c.birth_day.in_(days)
        if calendar == "lunar":
            match &= c.birth_leap_month == leap
        matches.append(match)
    query = (c.select(c.id, c.birth_month, c.birth_day, c.birth_leap_month, c.owner, c.name)
             .where(c.deleted_at.is_null() & (c.birthday_calendar == calendar) & c.birth_month.is_null(False)
                    & reduce(operator.or_, matches)))
    return list(query.tuples())


def _month_day(column):  # noqa: ANN001, ANN202 - a peewee expression
    """A date column as "MM-DD" on either engine."""
    if engine.is_sqlite():
        return fn.strftime("%m-%d", column)
    return fn.to_char(column, "MM-DD")


def customers_with_first_orders_on(month_days: Iterable[str]) -> list[tuple]:
    """Live customers whose first order fell on one of these "MM-DD" days, in one go:
    (id, first order day, owner)."""
    c = m.Customer
    days = sorted(set(month_days))
    if not days:
        return []
    query = (c.select(c.id, c.first_order_on, c.owner)
             .where(c.deleted_at.is_null() & c.first_order_on.is_null(False)
                    & _month_day(c.first_order_on).in_(days)))
    return list(query.tuples())


def customers_of_tiers(tiers: Iterable[str], after_id: int, limit: int) -> list[tuple]:
    """Live customers of these tiers by id: (id, owner id, name)."""
    c = m.Customer
    query = (c.select(c.id, c.owner, c.name)
             .where(c.deleted_at.is_null() & c.tier.in_(list(tiers)) & (c.id > after_id))
             .order_by(c.id).limit(limit))
    return list(query.tuples())


def customers_due_for_contact(tier: str, cutoff_ms: int, after_id: int, limit: int) -> list[tuple]:
    """Live customers of ``tier`` not in touch since ``cutoff_ms`` (see :data:`CADENCE_BASIS`)
    and with no open contact task: (id, owner id, name, when last in touch, ms)."""
    c = m.Customer.alias("c")  # the name the shared SQL fragments use
    basis = SQL(CADENCE_BASIS)
    query = (c.select(c.id, c.owner, c.name, basis)
             .where(c.deleted_at.is_null() & (c.tier == tier) & (basis < cutoff_ms) & (c.id > after_id)
                    & SQL(_NO_OPEN_CADENCE))
             .order_by(c.id).limit(limit))
    return list(query.tuples())


def insert_tasks(rows: list[dict]) -> int:
    """Insert care tasks, skipping any whose ``source_key`` is already taken (so running the
    same generation twice adds nothing); returns how many were new."""
    if not rows:
        return 0
    # Plain parameter rows: building the statement through the ORM costs ten times the insert.
    names = ", ".join(column for column, _key, _default in _INSERT_COLUMNS)
    values = [tuple(_db_value(row.get(key, default)) for _column, key, default in _INSERT_COLUMNS) for row in rows]
    if not engine.is_sqlite():  # one statement of many rows a page (executemany: a round trip a row)
        from psycopg2.extras import execute_values

        sql = f"INSERT INTO reminder ({names}) VALUES %s ON CONFLICT (source_key) DO NOTHING RETURNING 1"
        return len(execute_values(m.database_proxy.cursor(), sql, values, page_size=BATCH, fetch=True))
    sql = f"INSERT OR IGNORE INTO reminder ({names}) VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})"
    added = 0
    for start in range(0, len(values), BATCH):
        cursor = m.database_proxy.cursor()
        cursor.executemany(sql, values[start:start + BATCH])
        added += max(cursor.rowcount, 0)
    return added


_INSERT_COLUMNS = (  # (column, key in the row dicts, default)
    ("uid", "uid", None), ("stamp", "stamp", None), ("customer_id", "customer", None), ("kind", "kind", None),
    ("title", "title", ""), ("notes", "notes", ""), ("due_on", "due_on", None), ("due_time", "due_time", None),
    ("status", "status", "open"), ("recurrence", "recurrence", None), ("series_uid", "series_uid", None),
    ("source_key", "source_key", None), ("assignee_id", "assignee", None), ("created_at", "created_at", None),
)


def _db_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def close_stale_cadence_tasks(now_ms: int, stamp: int) -> list[int]:
    """Finish open contact-cadence tasks whose customer has been contacted since the task was
    made (an import or a merge can bring newer contacts than the app logged)."""
    r, c = m.Reminder, m.Customer
    stale = (r.select(r.id).join(c, on=(r.customer == c.id))
             .where((r.kind == "cadence") & (r.status == "open") & r.deleted_at.is_null()
                    & (c.last_contact_at > r.created_at)))
    ids = [row[0] for row in stale.tuples()]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        r.update(status="done", done_at=now_ms, stamp=stamp).where(r.id.in_(chunk)).execute()
    return ids


def close_cadence_of(customer_id: int, now_ms: int, stamp: int) -> list[int]:
    r = m.Reminder
    where = ((r.customer == customer_id) & (r.kind == "cadence") & (r.status == "open") & r.deleted_at.is_null())
    ids = [row[0] for row in r.select(r.id).where(where).tuples()]
    if ids:
        r.update(status="done", done_at=now_ms, stamp=stamp).where(r.id.in_(ids)).execute()
    return ids


def _of_live_customers() -> Expression:
    """A task of no customer, or of one not in the recycle bin (whose tasks wait with them)."""
    r, c = m.Reminder, m.Customer
    return r.customer.is_null() | r.customer.not_in(c.select(c.id).where(c.deleted_at.is_null(False)))


def _open_conditions(kinds: tuple[str, ...] = (), customer_id: int | None = None,
                     scope: Expression | None = None) -> Expression:
    """Open tasks (of live customers, or of none); ``scope`` (services.policy) keeps the ones
    whose customer the user may see."""
    r = m.Reminder
    where = [r.deleted_at.is_null(), r.status == "open", _of_live_customers()]
    if scope is not None:
        where.append(scope)
    if kinds:
        where.append(r.kind.in_(list(kinds)))
    if customer_id is not None:
        where.append(r.customer == customer_id)
    return reduce(operator.and_, where)


def day_counts(start: dt.date, until: dt.date, kinds: tuple[str, ...] = (),
               scope: Expression | None = None) -> list[tuple]:
    """Open tasks per (due day, kind) in [start, until): (day, kind, count)."""
    r = m.Reminder
    query = (r.select(r.due_on, r.kind, fn.COUNT(r.id))
             .where(_open_conditions(kinds, scope=scope) & (r.due_on >= start) & (r.due_on < until))
             .group_by(r.due_on, r.kind))
    return list(query.tuples())


def overdue_count(today: dt.date, cap: int, scope: Expression | None = None) -> int:
    """Open tasks past their day, counted up to ``cap`` (a big backlog reads "1,000+")."""
    r = m.Reminder
    some = r.select(r.id).where(_open_conditions(scope=scope) & (r.due_on < today)).limit(cap)
    return m.Reminder.select(fn.COUNT(SQL("*"))).from_(some.alias("overdue")).scalar()


def _task_select():  # noqa: ANN202 - a peewee query
    r, c = m.Reminder, m.Customer
    return (r.select(r.id, r.stamp, r.customer, c.name, r.kind, r.title, r.notes, r.due_on, r.due_time, r.status,
                     r.recurrence, r.series_uid, r.snoozed_until, r.done_at, Owner.display_name, r.uid)
            .join(c, JOIN.LEFT_OUTER, on=(r.customer == c.id))
            .switch(r).join(Owner, JOIN.LEFT_OUTER, on=(r.assignee == Owner.id)))


def tasks(start: dt.date | None, until: dt.date | None, kinds: tuple[str, ...] = (),
          customer_id: int | None = None, after: tuple | None = None, limit: int = 200,
          scope: Expression | None = None) -> list[tuple]:
    """Open tasks due in [start, until) (None: open-ended), in (due day, id) order, a page
    after the key ``after`` (due_on, id)."""
    r = m.Reminder
    where = _open_conditions(kinds, customer_id, scope)
    if start is not None:
        where &= r.due_on >= start
    if until is not None:
        where &= r.due_on < until
    if after is not None:
        where &= Tuple(r.due_on, r.id) > Tuple(*after)
    return list(_task_select().where(where).order_by(r.due_on, r.id).limit(limit).tuples())


def task(task_id: int, scope: Expression | None = None) -> tuple | None:
    r = m.Reminder
    where = (r.id == task_id) & r.deleted_at.is_null()
    rows = list(_task_select().where(where if scope is None else where & scope).tuples())
    return rows[0] if rows else None


def _due_by(today: dt.date, now_hhmm: str, now_ms: int, scope: Expression | None = None) -> Expression:
    """Open, not yet announced, and due by now (its day has come and its time too; a snoozed
    task once the snooze is over)."""
    r = m.Reminder
    due_now = (r.due_on < today) | ((r.due_on == today) & (r.due_time.is_null() | (r.due_time <= now_hhmm)))
    return (_open_conditions(scope=scope) & r.notified_at.is_null() & due_now
            & (r.snoozed_until.is_null() | (r.snoozed_until <= now_ms)))


def due_unnotified(today: dt.date, now_hhmm: str, now_ms: int, limit: int,
                   scope: Expression | None = None) -> list[tuple]:
    """Open tasks due by now that have not been announced: (id, title, customer)."""
    r, c = m.Reminder, m.Customer
    query = (r.select(r.id, r.title, c.name).join(c, JOIN.LEFT_OUTER, on=(r.customer == c.id))
             .where(_due_by(today, now_hhmm, now_ms, scope)).order_by(r.due_on, r.id).limit(limit))
    return list(query.tuples())


def mark_notified(ids: list[int], now_ms: int) -> None:
    r = m.Reminder
    for start in range(0, len(ids), BATCH):
        r.update(notified_at=now_ms).where(r.id.in_(ids[start:start + BATCH])).execute()


def mark_all_due_notified(today: dt.date, now_hhmm: str, now_ms: int) -> int:
    """Every task due by now counts as announced (the one summary at start-up); those due
    later today are still announced when their time comes."""
    r = m.Reminder
    return r.update(notified_at=now_ms).where(_due_by(today, now_hhmm, now_ms)).execute()


def export_rows(start: dt.date | None, until: dt.date | None, customer_id: int | None) -> Iterator[list[tuple]]:
    """Open tasks for an export, a page at a time."""
    after: tuple | None = None
    while True:
        page = tasks(start, until, customer_id=customer_id, after=after, limit=5000)
        if not page:
            return
        yield page
        last = page[-1]
        after = (last[TASK_FIELDS.index("due_on")], last[0])


def series_first_key(series_uid: str) -> str | None:
    """The smallest occurrence key of a series ("series:<uid>:<its day by the rule>"): the day
    the rule counts from, whatever an occurrence was later moved to."""
    r = m.Reminder
    return r.select(fn.MIN(r.source_key)).where(r.series_uid == series_uid).scalar()


# -- set-based generation (SQLite): one INSERT … SELECT per tier and id range ------------------
# A generated task's uid: the statement's random prefix (the first parameter) and the row's
# number in it, so that a statement's new uids are neighbours in the uid index.
BATCH_UID = "? || printf('%012x', row_number() OVER ())"
# When the customer was last in touch, as the cadence counts it: the last contact, or (never
# contacted) when they were added. A contact task finished without a logged contact starts the
# next one itself (see services.care), so generation needs nothing more.
CADENCE_BASIS = "COALESCE(c.last_contact_at, c.created_at)"
_NO_OPEN_CADENCE = ("NOT EXISTS (SELECT 1 FROM reminder o WHERE o.customer_id = c.id"
                    " AND o.kind = 'cadence' AND o.status = 'open' AND o.deleted_at IS NULL)")


def id_bounds() -> tuple[int, int]:
    c = m.Customer
    low, high = c.select(fn.MIN(c.id), fn.MAX(c.id)).tuples().get()
    return int(low or 0), int(high or 0)


def insert_cadence_tasks_sqlite(tier: str, days: int, cutoff_ms: int, today: dt.date, now_ms: int,
                                low_id: int, high_id: int) -> int:
    """Contact tasks for the live customers of ``tier`` with ids in [low, high) last in touch
    before ``cutoff_ms`` and with no open contact task: due ``days`` after that, keyed by
    customer and that date so that each is made once."""
    due = f"date({CADENCE_BASIS} / 1000, 'unixepoch', 'localtime', '+{int(days)} days')"
    sql = (
        "INSERT OR IGNORE INTO reminder (uid, stamp, customer_id, kind, title, notes, due_on, status, source_key,"
        " assignee_id, created_at)"
        f" SELECT {BATCH_UID}, ?, id, 'cadence', ?, '', due, 'open', 'cadence:' || id || ':' || due, owner_id, ?"
        f" FROM (SELECT c.id AS id, c.owner_id AS owner_id, {due} AS due"  # the local day once per row
        " FROM customer c WHERE c.id >= ? AND c.id < ? AND c.deleted_at IS NULL AND c.tier = ?"
        f" AND {CADENCE_BASIS} < ? AND {_NO_OPEN_CADENCE})"
    )
    cursor = m.database_proxy.execute_sql(
        sql, (batch_uid_prefix(), now_ms, str(days), now_ms, low_id, high_id, tier, cutoff_ms))
    return max(cursor.rowcount, 0)


def insert_holiday_tasks_sqlite(key: str, date: dt.date, due: dt.date, tiers: list[str], now_ms: int,
                                low_id: int, high_id: int) -> int:
    marks = ", ".join("?" for _ in tiers)
    sql = (
        "INSERT OR IGNORE INTO reminder (uid, stamp, customer_id, kind, title, notes, due_on, status, source_key,"
        " assignee_id, created_at)"
        f" SELECT {BATCH_UID}, ?, c.id, 'holiday', ?, '', ?, 'open',"
        " 'holiday:' || ? || ':' || ? || ':' || c.id, c.owner_id, ?"
        f" FROM customer c WHERE c.id >= ? AND c.id < ? AND c.deleted_at IS NULL AND c.tier IN ({marks})"
    )
    cursor = m.database_proxy.execute_sql(
        sql, (batch_uid_prefix(), now_ms, key, due.isoformat(), key, date.isoformat(), now_ms, low_id, high_id, *tiers))
    return max(cursor.rowcount, 0)


def _values(rows: list[tuple]) -> tuple[str, list]:
    """``rows`` as the body of a ``VALUES`` list with its parameters."""
    width = len(rows[0])
    one = "(" + ", ".join("?" for _ in range(width)) + ")"
    return ", ".join(one for _ in rows), [value for row in rows for value in row]


def insert_birthday_tasks_sqlite(window: list[tuple[str, int, int, bool, dt.date, int, dt.date]], now_ms: int) -> int:
    """Birthday tasks in one statement: ``window`` holds (calendar, month, day, leap, the solar
    birthday, days ahead, due day) for every yearly date that falls in the next weeks; each row
    is matched to its customers through the birthday index. Keyed as the Python path keys them."""
    if not window:
        return 0
    rows = [(cal, month, day, int(leap), birthday.isoformat(), lead, due.isoformat())
            for cal, month, day, leap, birthday, lead, due in window]
    values, params = _values(rows)
    sql = (
        "INSERT OR IGNORE INTO reminder (uid, stamp, customer_id, kind, title, notes, due_on, status, source_key,"
        " assignee_id, created_at)"
        f" WITH w(cal, month, day, leap, birthday, lead, due) AS (VALUES {values})"
        f" SELECT {BATCH_UID}, ?, c.id, 'birthday', w.birthday, '', w.due, 'open',"
        " 'birthday:' || c.id || ':' || w.birthday || ':' || w.lead, c.owner_id, ?"
        " FROM w JOIN customer c ON c.birthday_calendar = w.cal AND c.birth_month = w.month AND c.birth_day = w.day"
        " WHERE c.deleted_at IS NULL AND c.birth_month IS NOT NULL"
        " AND (w.cal <> 'lunar' OR c.birth_leap_month = w.leap)"
    )
    cursor = m.database_proxy.execute_sql(sql, (*params, batch_uid_prefix(), now_ms, now_ms))
    return max(cursor.rowcount, 0)


def insert_anniversary_tasks_sqlite(window: list[tuple[str, dt.date]], now_ms: int) -> int:
    """First-purchase anniversaries in one statement: ``window`` holds ("MM-DD", the day it is
    marked on). Reads the live-order-days index alone for the customers who never match (a
    first order is stored as "YYYY-MM-DD"), and only a year or more after the first order."""
    if not window:
        return 0
    values, params = _values([(md, day.isoformat(), day.year) for md, day in window])
    years = "w.year - CAST(substr(c.first_order_on, 1, 4) AS INTEGER)"
    sql = (
        "INSERT OR IGNORE INTO reminder (uid, stamp, customer_id, kind, title, notes, due_on, status, source_key,"
        " assignee_id, created_at)"
        f" WITH w(md, day, year) AS (VALUES {values})"
        f" SELECT {BATCH_UID}, ?, c.id, 'anniversary', c.first_order_on || ':' || ({years}), '',"
        " w.day, 'open', 'anniversary:' || c.id || ':' || w.day, c.owner_id, ?"
        " FROM customer c INDEXED BY customer_live_order_days CROSS JOIN w"
        " ON substr(c.first_order_on, 6, 5) = w.md"
        f" WHERE c.deleted_at IS NULL AND c.last_order_on IS NOT NULL AND c.first_order_on IS NOT NULL AND {years} >= 1"
    )
    cursor = m.database_proxy.execute_sql(sql, (*params, batch_uid_prefix(), now_ms, now_ms))
    return max(cursor.rowcount, 0)
