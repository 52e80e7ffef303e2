"""Migration 2: the customer search index.

Three derived columns on ``customer`` (search text with every CJK character as a word, pinyin
forms, phone digits), filled for existing rows, and two FTS5 indexes over them kept in step by
triggers: ``customer_fts`` (unicode61: phrases of characters, prefixes of words) and
``customer_phone_fts`` (trigram: any run of three or more digits).
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

from crmdesk.domain import search

BATCH = 20_000

# The indexes hold live customers only (the recycle bin is not searched), so a match count
# needs no look-up in the customer table. Their content is read through a view of live rows.
FTS_SQL = [
    "CREATE VIEW customer_live_search AS SELECT id, search_text, search_pinyin, search_digits "
    "FROM customer WHERE deleted_at IS NULL",
    "CREATE VIRTUAL TABLE customer_fts USING fts5(search_text, search_pinyin, content='customer_live_search', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2')",
    "CREATE VIRTUAL TABLE customer_phone_fts USING fts5(search_digits, content='customer_live_search', "
    "content_rowid='id', tokenize='trigram')",
]
_ADD = """
        INSERT INTO customer_fts(rowid, search_text, search_pinyin)
            SELECT new.id, new.search_text, new.search_pinyin WHERE new.deleted_at IS NULL;
        INSERT INTO customer_phone_fts(rowid, search_digits)
            SELECT new.id, new.search_digits WHERE new.deleted_at IS NULL;"""
_REMOVE = """
        INSERT INTO customer_fts(customer_fts, rowid, search_text, search_pinyin)
            SELECT 'delete', old.id, old.search_text, old.search_pinyin WHERE old.deleted_at IS NULL;
        INSERT INTO customer_phone_fts(customer_phone_fts, rowid, search_digits)
            SELECT 'delete', old.id, old.search_digits WHERE old.deleted_at IS NULL;"""
TRIGGER_SQL = [
    f"CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN {_ADD}\n    END",
    f"CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN {_REMOVE}\n    END",
    "CREATE TRIGGER customer_search_au AFTER UPDATE OF search_text, search_pinyin, search_digits, deleted_at "
    f"ON customer BEGIN {_REMOVE}{_ADD}\n    END",
]


def up(db: Database) -> None:
    for column in ("search_text", "search_pinyin", "search_digits"):
        db.execute_sql(f"ALTER TABLE customer ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    if not isinstance(db, SqliteDatabase):
        return  # other engines get their own index (see the team-server work)
    tags: dict[int, list[str]] = {}
    for customer_id, name in db.execute_sql(
        "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        "WHERE ct.deleted_at IS NULL"
    ):
        tags.setdefault(customer_id, []).append(name)
    rows = db.execute_sql("SELECT id, kind, name, company, email, city, phone, phone_e164 FROM customer").fetchall()
    for start in range(0, len(rows), BATCH):
        values = []
        for cid, kind, name, company, email, city, phone, e164 in rows[start:start + BATCH]:
            values.append((
                search.search_text(name, company, email, city, *tags.get(cid, [])),
                search.pinyin_text(name, company, kind == "person"),
                search.phone_digits(phone, e164),
                cid,
            ))
        db.cursor().executemany(
            "UPDATE customer SET search_text = ?, search_pinyin = ?, search_digits = ? WHERE id = ?", values
        )
    for sql in FTS_SQL + TRIGGER_SQL:
        db.execute_sql(sql)
    db.execute_sql("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
    db.execute_sql("INSERT INTO customer_phone_fts(customer_phone_fts) VALUES ('rebuild')")
