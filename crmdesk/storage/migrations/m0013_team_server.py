"""Migration 13: PostgreSQL's own search indexes and dashboard totals (nothing on SQLite).

Migrations 2, 5, 6 and 10 built SQLite-only machinery (FTS5 indexes, SQLite triggers) and
left other engines without it. A team server gets its equivalents here:

- the pg_trgm extension and three trigram GIN indexes over the derived search columns of
  live rows (the customers' words and pinyin, their phone digits, the complaints' words);
  :mod:`crmdesk.storage.text_search` queries them with ``LIKE`` patterns that answer as the
  FTS5 queries do;
- the three running-total tables of migration 10, filled from the tables, and PL/pgSQL
  triggers on ``customer`` and ``sale_order`` that keep them in step as SQLite's do.

The SQL is frozen here (it must keep doing what it did when it was written).
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS customer_live_words_trgm ON customer USING gin "
    "((' ' || search_text || ' | ' || search_pinyin || ' ') gin_trgm_ops) WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS customer_live_digits_trgm ON customer USING gin "
    "(search_digits gin_trgm_ops) WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS complaint_live_words_trgm ON complaint USING gin "
    "((' ' || search_text || ' ') gin_trgm_ops) WHERE deleted_at IS NULL",
]

TABLES = [
    "CREATE TABLE kpi_customer_tally (category TEXT NOT NULL, tier TEXT NOT NULL, stage TEXT NOT NULL, "
    "customers INTEGER NOT NULL, missing_phone INTEGER NOT NULL, buyers INTEGER NOT NULL, "
    "spent_cents BIGINT NOT NULL, PRIMARY KEY (category, tier, stage))",
    "CREATE TABLE kpi_order_day (day DATE NOT NULL PRIMARY KEY, orders INTEGER NOT NULL, cents BIGINT NOT NULL)",
    "CREATE TABLE kpi_contact_key (kind TEXT NOT NULL, value TEXT NOT NULL, customers INTEGER NOT NULL, "
    "PRIMARY KEY (kind, value))",
    "CREATE INDEX kpi_contact_shared ON kpi_contact_key (kind, customers) WHERE customers > 1",
]

FILL = [
    "INSERT INTO kpi_customer_tally (category, tier, stage, customers, missing_phone, buyers, spent_cents) "
    "SELECT category, tier, stage, COUNT(*), COUNT(*) FILTER (WHERE phone = ''), "
    "COUNT(*) FILTER (WHERE order_count > 0), COALESCE(SUM(order_total_cents) FILTER (WHERE order_count > 0), 0) "
    "FROM customer WHERE deleted_at IS NULL GROUP BY category, tier, stage",
    "INSERT INTO kpi_order_day (day, orders, cents) SELECT ordered_on, COUNT(*), SUM(amount_cents) "
    "FROM sale_order WHERE deleted_at IS NULL GROUP BY ordered_on",
    "INSERT INTO kpi_contact_key (kind, value, customers) SELECT 'phone', phone_e164, COUNT(*) FROM customer "
    "WHERE deleted_at IS NULL AND phone_e164 <> '' GROUP BY phone_e164",
    "INSERT INTO kpi_contact_key (kind, value, customers) SELECT 'email', email, COUNT(*) FROM customer "
    "WHERE deleted_at IS NULL AND email <> '' GROUP BY email",
]

# One function per total: add (sign 1) or take away (sign -1) a live row.
FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION kpi_tally(r customer, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF r.deleted_at IS NOT NULL THEN RETURN; END IF;
    INSERT INTO kpi_customer_tally AS k (category, tier, stage, customers, missing_phone, buyers, spent_cents)
        VALUES (r.category, r.tier, r.stage, sign, sign * (r.phone = '')::integer, sign * (r.order_count > 0)::integer,
                sign * CASE WHEN r.order_count > 0 THEN r.order_total_cents ELSE 0 END)
        ON CONFLICT (category, tier, stage) DO UPDATE SET
            customers = k.customers + excluded.customers,
            missing_phone = k.missing_phone + excluded.missing_phone,
            buyers = k.buyers + excluded.buyers,
            spent_cents = k.spent_cents + excluded.spent_cents;
END $$""",
    """CREATE OR REPLACE FUNCTION kpi_key(key_kind text, key_value text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF key_value = '' THEN RETURN; END IF;
    INSERT INTO kpi_contact_key AS k (kind, value, customers) VALUES (key_kind, key_value, sign)
        ON CONFLICT ON CONSTRAINT kpi_contact_key_pkey DO UPDATE SET customers = k.customers + excluded.customers;
    IF sign < 0 THEN
        DELETE FROM kpi_contact_key AS k WHERE k.kind = key_kind AND k.value = key_value AND k.customers <= 0;
    END IF;
END $$""",
    """CREATE OR REPLACE FUNCTION kpi_keys(r customer, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF r.deleted_at IS NOT NULL THEN RETURN; END IF;
    PERFORM kpi_key('phone', r.phone_e164, sign);
    PERFORM kpi_key('email', r.email, sign);
END $$""",
    """CREATE OR REPLACE FUNCTION kpi_order_day_add(r sale_order, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF r.deleted_at IS NOT NULL THEN RETURN; END IF;
    INSERT INTO kpi_order_day AS k (day, orders, cents) VALUES (r.ordered_on, sign, sign * r.amount_cents)
        ON CONFLICT (day) DO UPDATE SET orders = k.orders + excluded.orders, cents = k.cents + excluded.cents;
END $$""",
]


def _trigger_function(name: str, body: str) -> str:
    """A trigger function that takes the old row away and adds the new one with ``body``
    (``{row}`` and ``{sign}`` filled in)."""
    old, new = body.format(row="OLD", sign="-1"), body.format(row="NEW", sign="1")
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN {old} END IF;
    IF TG_OP <> 'DELETE' THEN {new} END IF;
    RETURN NULL;
END $$"""


_TALLIED = ("category", "tier", "stage", "phone", "order_count", "order_total_cents", "deleted_at")
_KEYED = ("phone_e164", "email", "deleted_at")
_ORDERED = ("ordered_on", "amount_cents", "deleted_at")


def _trigger(name: str, table: str, function: str, columns: tuple[str, ...]) -> list[str]:
    """Row triggers for inserts and deletes, and for updates that change one of ``columns``."""
    changed = f"({', '.join(f'OLD.{c}' for c in columns)}) IS DISTINCT FROM ({', '.join(f'NEW.{c}' for c in columns)})"
    return [
        f"CREATE TRIGGER {name}_aid AFTER INSERT OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {', '.join(columns)} ON {table} FOR EACH ROW "
        f"WHEN ({changed}) EXECUTE FUNCTION {function}()",
    ]


TRIGGERS = [
    _trigger_function("kpi_customer_tally_change", "PERFORM kpi_tally({row}, {sign});"),
    _trigger_function("kpi_customer_keys_change", "PERFORM kpi_keys({row}, {sign});"),
    _trigger_function("kpi_order_change", "PERFORM kpi_order_day_add({row}, {sign});"),
    *_trigger("kpi_customer_tally", "customer", "kpi_customer_tally_change", _TALLIED),
    *_trigger("kpi_customer_keys", "customer", "kpi_customer_keys_change", _KEYED),
    *_trigger("kpi_order", "sale_order", "kpi_order_change", _ORDERED),
]


def up(db: Database) -> None:
    if isinstance(db, SqliteDatabase):
        return  # SQLite has had its own since migrations 2, 6 and 10
    for sql in SEARCH + TABLES + FILL + FUNCTIONS + TRIGGERS:
        db.execute_sql(sql)
