"""Migration 10: running totals for the dashboard, kept by triggers.

At a million customers even one pass over the customer table takes seconds, yet the
dashboard's "now" figures (customers by category, tier and stage; who has no phone; who has
ordered and for how much; who shares a phone number or an e-mail address) and its revenue per
day change only a row at a time. Three small tables hold them, and triggers on ``customer``
and ``sale_order`` keep them in step inside the same transaction as the change, whatever
writes it (a form, an import, a merge, a sync):

- ``kpi_customer_tally``: live customers per (category, tier, stage), with how many have no
  phone, how many have ordered and what those spent;
- ``kpi_order_day``: live orders and their amounts per order day;
- ``kpi_contact_key``: live customers per phone number (E.164) and per e-mail address; the
  partial index holds only the shared ones, which are the suspected duplicates.

A row whose count falls to zero stays (the readers ignore it) except in ``kpi_contact_key``,
which would otherwise keep every address ever typed.

Retention reads two new indexes instead: live customers by their last and first order day,
and live orders by customer and day (each probe then stays inside the index).

Other engines (the team server) get their own triggers with the team-server work; until then
the readers in :mod:`crmdesk.storage.kpi` scan the tables there.
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

TABLES = [
    "CREATE TABLE kpi_customer_tally (category TEXT NOT NULL, tier TEXT NOT NULL, stage TEXT NOT NULL, "
    "customers INTEGER NOT NULL, missing_phone INTEGER NOT NULL, buyers INTEGER NOT NULL, "
    "spent_cents INTEGER NOT NULL, PRIMARY KEY (category, tier, stage)) WITHOUT ROWID",
    "CREATE TABLE kpi_order_day (day TEXT NOT NULL PRIMARY KEY, orders INTEGER NOT NULL, "
    "cents INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE kpi_contact_key (kind TEXT NOT NULL, value TEXT NOT NULL, customers INTEGER NOT NULL, "
    "PRIMARY KEY (kind, value)) WITHOUT ROWID",
    "CREATE INDEX kpi_contact_shared ON kpi_contact_key (kind, customers) WHERE customers > 1",
]

INDEXES = [
    "CREATE INDEX IF NOT EXISTS customer_live_order_days ON customer (last_order_on, first_order_on) "
    "WHERE deleted_at IS NULL AND last_order_on IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS sale_order_live_customer_day ON sale_order (customer_id, ordered_on) "
    "WHERE deleted_at IS NULL",
]


def _tally(row: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') the customer ``row`` (new/old) if it is live."""
    return f"""
        INSERT INTO kpi_customer_tally (category, tier, stage, customers, missing_phone, buyers, spent_cents)
            SELECT {row}.category, {row}.tier, {row}.stage, {sign}1, {sign}({row}.phone = ''),
                   {sign}({row}.order_count > 0), {sign}(CASE WHEN {row}.order_count > 0
                                                            THEN {row}.order_total_cents ELSE 0 END)
            WHERE {row}.deleted_at IS NULL
            ON CONFLICT (category, tier, stage) DO UPDATE SET
                customers = customers + excluded.customers,
                missing_phone = missing_phone + excluded.missing_phone,
                buyers = buyers + excluded.buyers,
                spent_cents = spent_cents + excluded.spent_cents;"""


def _keys(row: str, sign: str) -> str:
    """Count the customer ``row``'s phone number and e-mail address in or out, if it is live."""
    parts = []
    for kind, column in (("phone", "phone_e164"), ("email", "email")):
        parts.append(f"""
        INSERT INTO kpi_contact_key (kind, value, customers)
            SELECT '{kind}', {row}.{column}, {sign}1 WHERE {row}.deleted_at IS NULL AND {row}.{column} <> ''
            ON CONFLICT (kind, value) DO UPDATE SET customers = customers + excluded.customers;""")
        if sign == "-":
            parts.append(f"""
        DELETE FROM kpi_contact_key WHERE kind = '{kind}' AND value = {row}.{column} AND customers <= 0;""")
    return "".join(parts)


def _order_day(row: str, sign: str) -> str:
    return f"""
        INSERT INTO kpi_order_day (day, orders, cents)
            SELECT {row}.ordered_on, {sign}1, {sign}{row}.amount_cents WHERE {row}.deleted_at IS NULL
            ON CONFLICT (day) DO UPDATE SET orders = orders + excluded.orders, cents = cents + excluded.cents;"""


_TALLIED = ("category", "tier", "stage", "phone", "order_count", "order_total_cents", "deleted_at")
_KEYED = ("phone_e164", "email", "deleted_at")
_ORDERED = ("ordered_on", "amount_cents", "deleted_at")


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)


TRIGGERS = [
    f"CREATE TRIGGER kpi_customer_ai AFTER INSERT ON customer BEGIN {_tally('new', '+')}{_keys('new', '+')}\n    END",
    f"CREATE TRIGGER kpi_customer_ad AFTER DELETE ON customer BEGIN {_tally('old', '-')}{_keys('old', '-')}\n    END",
    f"CREATE TRIGGER kpi_customer_tally_au AFTER UPDATE OF {', '.join(_TALLIED)} ON customer "
    f"WHEN {_changed(_TALLIED)} BEGIN {_tally('old', '-')}{_tally('new', '+')}\n    END",
    f"CREATE TRIGGER kpi_customer_keys_au AFTER UPDATE OF {', '.join(_KEYED)} ON customer "
    f"WHEN {_changed(_KEYED)} BEGIN {_keys('old', '-')}{_keys('new', '+')}\n    END",
    f"CREATE TRIGGER kpi_order_ai AFTER INSERT ON sale_order BEGIN {_order_day('new', '+')}\n    END",
    f"CREATE TRIGGER kpi_order_ad AFTER DELETE ON sale_order BEGIN {_order_day('old', '-')}\n    END",
    f"CREATE TRIGGER kpi_order_au AFTER UPDATE OF {', '.join(_ORDERED)} ON sale_order "
    f"WHEN {_changed(_ORDERED)} BEGIN {_order_day('old', '-')}{_order_day('new', '+')}\n    END",
]

# The totals as they stand, for the tables' first filling (and for checking them later).
FILL = [
    "INSERT INTO kpi_customer_tally (category, tier, stage, customers, missing_phone, buyers, spent_cents) "
    "SELECT category, tier, stage, COUNT(*), SUM(phone = ''), SUM(order_count > 0), "
    "SUM(CASE WHEN order_count > 0 THEN order_total_cents ELSE 0 END) "
    "FROM customer WHERE deleted_at IS NULL GROUP BY category, tier, stage",
    "INSERT INTO kpi_order_day (day, orders, cents) SELECT ordered_on, COUNT(*), SUM(amount_cents) "
    "FROM sale_order WHERE deleted_at IS NULL GROUP BY ordered_on",
    "INSERT INTO kpi_contact_key (kind, value, customers) SELECT 'phone', phone_e164, COUNT(*) FROM customer "
    "WHERE deleted_at IS NULL AND phone_e164 <> '' GROUP BY phone_e164",
    "INSERT INTO kpi_contact_key (kind, value, customers) SELECT 'email', email, COUNT(*) FROM customer "
    "WHERE deleted_at IS NULL AND email <> '' GROUP BY email",
]


def up(db: Database) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
    if not isinstance(db, SqliteDatabase):
        return
    for sql in TABLES + FILL + TRIGGERS:
        db.execute_sql(sql)
