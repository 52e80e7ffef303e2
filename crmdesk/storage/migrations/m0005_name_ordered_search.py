"""Migration 5: the search indexes list their matches in name order.

Both full-text indexes used the customer id as their row number, so the first page of a
search sorted by name had to look up and sort every match (about 0.5 s for a common surname
at a million customers). Here an index row's number becomes a *name key*: the first letters
of the customer's ``name_pinyin`` in its high bits and the customer id in the low ones. An
index reads its matches in row-number order, so matches now come out nearly sorted by name;
only customers whose keys tie (same first letters) still need an exact sort, and those are
few. The customer id is ``key & (2**ID_BITS - 1)``.

The key of a name is only ever compared with other keys: ``key(a) < key(b)`` implies
``a < b`` (SQLite's binary order). Letters a–z are encoded one by one; the first other
character (or the end of the name) is encoded as a class below or above the letters and ends
the encoding, which keeps that implication true.
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

KEY_CHARS = 7  # letters of name_pinyin in the key
BASE = 28  # 0: end or below 'a', 1-26: a-z, 27: above 'z'
ID_BITS = 29  # 28**7 * 2**29 < 2**63: room for 536 million customer ids


def key_sql(pinyin: str, cid: str) -> str:
    """The SQL expression of the key of a row whose columns are ``pinyin`` and ``cid``."""
    def char(i: int) -> str:
        return f"unicode(substr({pinyin}, {i}, 1))"

    def klass(i: int) -> str:
        return f"(CASE WHEN {char(i)} BETWEEN 97 AND 122 THEN {char(i)} - 96 WHEN {char(i)} > 122 THEN 27 ELSE 0 END)"

    expr = f"{klass(KEY_CHARS)} "
    for i in range(KEY_CHARS - 1, 0, -1):
        rest = f"(CASE WHEN {char(i)} BETWEEN 97 AND 122 THEN {expr} ELSE 0 END)"
        expr = f"{klass(i)} * {BASE ** (KEY_CHARS - i)} + {rest}"
    return f"(({expr}) * {2 ** ID_BITS} + {cid})"


DROP_SQL = [
    "DROP TRIGGER IF EXISTS customer_search_ai",
    "DROP TRIGGER IF EXISTS customer_search_ad",
    "DROP TRIGGER IF EXISTS customer_search_au",
    "DROP TABLE IF EXISTS customer_fts",
    "DROP TABLE IF EXISTS customer_phone_fts",
    "DROP VIEW IF EXISTS customer_live_search",
]
FTS_SQL = [
    f"CREATE VIEW customer_live_search AS SELECT id, {key_sql('name_pinyin', 'id')} AS search_key, search_text, "
    "search_pinyin, search_digits FROM customer WHERE deleted_at IS NULL",
    "CREATE VIRTUAL TABLE customer_fts USING fts5(search_text, search_pinyin, content='customer_live_search', "
    "content_rowid='search_key', tokenize='unicode61 remove_diacritics 2', prefix='1 2')",
    "CREATE VIRTUAL TABLE customer_phone_fts USING fts5(search_digits, content='customer_live_search', "
    "content_rowid='search_key', tokenize='trigram')",
]
_NEW, _OLD = key_sql("new.name_pinyin", "new.id"), key_sql("old.name_pinyin", "old.id")
_ADD = f"""
        INSERT INTO customer_fts(rowid, search_text, search_pinyin)
            SELECT {_NEW}, new.search_text, new.search_pinyin WHERE new.deleted_at IS NULL;
        INSERT INTO customer_phone_fts(rowid, search_digits)
            SELECT {_NEW}, new.search_digits WHERE new.deleted_at IS NULL;"""
_REMOVE = f"""
        INSERT INTO customer_fts(customer_fts, rowid, search_text, search_pinyin)
            SELECT 'delete', {_OLD}, old.search_text, old.search_pinyin WHERE old.deleted_at IS NULL;
        INSERT INTO customer_phone_fts(customer_phone_fts, rowid, search_digits)
            SELECT 'delete', {_OLD}, old.search_digits WHERE old.deleted_at IS NULL;"""
TRIGGER_SQL = [
    f"CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN {_ADD}\n    END",
    f"CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN {_REMOVE}\n    END",
    "CREATE TRIGGER customer_search_au AFTER UPDATE OF search_text, search_pinyin, search_digits, deleted_at, "
    f"name_pinyin ON customer BEGIN {_REMOVE}{_ADD}\n    END",
]


def up(db: Database) -> None:
    if not isinstance(db, SqliteDatabase):
        return  # other engines get their own index (see the team-server work)
    for sql in DROP_SQL + FTS_SQL + TRIGGER_SQL:
        db.execute_sql(sql)
    db.execute_sql("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")
    db.execute_sql("INSERT INTO customer_phone_fts(customer_phone_fts) VALUES ('rebuild')")
